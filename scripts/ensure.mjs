// Set-up shared by `npm start` and `npm test`: make a fresh clone runnable with one
// command. Installs npm dependencies when node_modules is missing or older than the
// lock file, and Debian packages (chromium for the browser tests, busybox for the
// shell's differential tests, fonts-noto-cjk for Korean text) when they are absent.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

export function run(cmd, opts = {}) {
  const r = spawnSync(cmd, { shell: true, stdio: 'inherit', ...opts })
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} (exit ${r.status})`)
    process.exit(r.status ?? 1)
  }
}

export function ensureNodeModules() {
  const stamp = 'node_modules/.package-lock.json'
  const stale = !existsSync(stamp) || statSync('package-lock.json').mtimeMs > statSync(stamp).mtimeMs + 1000
  if (stale) {
    console.log('› installing npm dependencies (npm ci)')
    run('npm ci --no-audit --no-fund')
  }
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
}

/** Install Debian packages that are missing; warn (not fail) when that is impossible. */
export function ensureDebianPackages(pkgs) {
  const missing = pkgs.filter((p) => !isInstalled(p))
  if (!missing.length) return true
  const sudo = process.getuid?.() === 0 ? '' : has('sudo') ? 'sudo ' : null
  if (sudo === null || !has('apt-get')) {
    console.warn(`! missing Debian packages: ${missing.join(' ')} (no apt-get or root); the tests that need them are skipped`)
    return false
  }
  console.log(`› installing Debian packages: ${missing.join(' ')}`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const ok =
    spawnSync('sh', ['-c', `${sudo}apt-get install -y -qq ${missing.join(' ')} >/dev/null 2>&1 || (${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq ${missing.join(' ')})`], { stdio: 'inherit', env }).status === 0
  if (!ok) console.warn(`! could not install ${missing.join(' ')}`)
  return ok
}

function isInstalled(pkg) {
  try {
    return execSync(`dpkg-query -W -f='\${Status}' ${pkg} 2>/dev/null`).toString().includes('install ok installed')
  } catch {
    return false
  }
}
