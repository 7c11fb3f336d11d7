// Differential tests: the same argv, stdin and files through real busybox and
// through our applet; stdout, stderr, status (and, for file operations, the tree left
// behind) must match. Skipped where busybox is not installed. Debian's busybox 1.35 is
// the reference here; where the busybox:1.36 image's build differs (no EXTRA_COMPAT,
// Unicode always on) the spec tests cover our behaviour instead.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Node, Vfs } from '../../fs/vfs.ts'
import { UTILITIES } from '../index.ts'
import { run } from '../test-helpers.ts'
import type { Case } from './case.ts'
import { AWK_CASES } from './cases-awk.ts'
import { DIFF_CASES } from './cases-diff.ts'
import { FILE_CASES, FIND_CASES } from './cases-files.ts'
import { TEXT_CASES } from './cases-text.ts'
import { MISC_CASES } from './cases-misc.ts'
import { SED_CASES } from './cases-sed.ts'
import { TEXT2_CASES } from './cases-text2.ts'

/** Every file both sides create gets this mtime, old enough for ls's "Jun  1  2025" form. */
const MTIME = Date.UTC(2025, 5, 1, 12, 34)

interface Outcome {
  stdout: string
  stderr: string
  code: number
  tree?: string[]
}

function hasBusybox(): boolean {
  try {
    execFileSync('busybox', ['true'])
    return true
  } catch {
    return false
  }
}


const BANNER = /^BusyBox v[^\n]*multi-call binary\.$/gm

/** We print the usage screen without busybox's option table: compare up to it. */
function normalize(stderr: string): string {
  const i = stderr.search(BANNER)
  if (i < 0) return stderr
  const usage = stderr
    .slice(i)
    .replace(BANNER, 'BANNER')
    .split('\n')
    .filter((l) => !/^\t|^ {4,}/.test(l))
    .join('\n')
    .replace(/\n+$/, '\n')
    // Debian builds grep with EXTRA_COMPAT (-z); the busybox image does not.
    .replace('[-HhnlLoqvsrRiwFEz]', '[-HhnlLoqvsrRiwFE]')
  return stderr.slice(0, i) + usage
}

/** Never let a case change this machine (date sets the clock as root, hostname the name). */
function harmless(argv: string[]): boolean {
  if (argv[0] === 'date') {
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i]
      if (a.startsWith('--')) {
        if (a.startsWith('--s')) return false
        if (/^--(date|reference)$/.test(a)) i++
      } else if (a.startsWith('-')) {
        const m = /^-([uRI]*)([sdrD]?)/.exec(a)!
        if (m[2] === 's') return false
        if (m[2] && a.length === m[0].length) i++
      } else if (!a.startsWith('+')) return false
    }
    return true
  }
  if (argv[0] === 'hostname') return argv.length === 1 || argv.slice(1).every((a) => /^-[sidf]+$/.test(a))
  return true
}

function busybox(c: Case): Outcome {
  if (!harmless(c.argv)) throw new Error(`refusing to run busybox ${c.argv.join(' ')} on this machine`)
  const dir = mkdtempSync(join(tmpdir(), 'bbdiff-'))
  chmodSync(dir, 0o755)
  try {
    for (const [p, data] of Object.entries(c.files ?? {})) {
      const abs = join(dir, p)
      if (p.endsWith('/')) mkdirSync(abs, { recursive: true })
      else {
        mkdirSync(dirname(abs), { recursive: true })
        writeFileSync(abs, data)
      }
    }
    for (const p of walkDisk(dir)) utimesSync(p, MTIME / 1000, MTIME / 1000)
    const r = spawnSync('busybox', c.argv, {
      cwd: dir,
      input: c.stdin ?? '',
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin', TZ: 'UTC', LANG: 'C.UTF-8' },
    })
    const out: Outcome = { stdout: r.stdout, stderr: normalize(r.stderr), code: r.status ?? -1 }
    if (c.tree) out.tree = diskTree(dir)
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function walkDisk(dir: string): string[] {
  const out = [dir]
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (lstatSync(p).isDirectory()) out.push(...walkDisk(p))
    else out.push(p)
  }
  return out
}

function diskTree(dir: string, prefix = ''): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    const st = statSync(p)
    const mode = (st.mode & 0o777).toString(8)
    if (st.isDirectory()) out.push(`${prefix}${name}/ ${mode}`, ...diskTree(p, `${prefix}${name}/`))
    else out.push(`${prefix}${name} ${mode} ${JSON.stringify(readFileSync(p, 'utf8'))}`)
  }
  return out
}

function vfsTree(fs: Vfs, path: string, prefix = ''): string[] {
  const dir = fs.lookup(path)
  if (dir?.type !== 'dir') return []
  const out: string[] = []
  for (const name of [...dir.entries.keys()].sort()) {
    const n: Node = dir.entries.get(name)!
    const mode = n.mode.toString(8)
    if (n.type === 'dir') out.push(`${prefix}${name}/ ${mode}`, ...vfsTree(fs, `${path}/${name}`, `${prefix}${name}/`))
    else out.push(`${prefix}${name} ${mode} ${JSON.stringify(n.data)}`)
  }
  return out
}

function setMtimes(n: Node): void {
  n.mtime = MTIME
  if (n.type === 'dir') for (const c of n.entries.values()) setMtimes(c)
}

function ours(c: Case): Outcome {
  const cmd = UTILITIES.get(c.argv[0])
  if (!cmd) throw new Error(`no utility ${c.argv[0]}`)
  const now = Date.now()
  const files = Object.fromEntries(Object.entries(c.files ?? {}).map(([k, v]) => [`/root/${k}`, v]))
  const r = run(cmd, c.argv, { stdin: c.stdin, files, now, env: { PATH: '/bin:/usr/bin', TZ: 'UTC' }, prepare: (fs) => setMtimes(fs.stat('/root')) })
  const out: Outcome = { stdout: r.stdout, stderr: normalize(r.stderr), code: r.code }
  if (c.tree) out.tree = vfsTree(r.fs, '/root')
  return out
}

describe.skipIf(!hasBusybox())('differential against busybox', () => {
  for (const [applet, cases] of Object.entries({ ...TEXT_CASES, ...TEXT2_CASES, ...MISC_CASES, ...SED_CASES, ...AWK_CASES, ...FILE_CASES, ...FIND_CASES, ...DIFF_CASES }))
    describe(applet, () => {
      for (const c of cases)
        it(JSON.stringify(c.argv) + (c.stdin ? ` <<< ${JSON.stringify(c.stdin)}` : ''), () => {
          expect(ours(c)).toEqual(busybox(c))
        })
    })
})
