// `npm test`: everything, from a fresh clone. Installs what is missing, type-checks,
// runs the unit, spec and transcript tests (which include every lesson's check),
// builds the app and runs the browser tests against it.
import { ensureDebianPackages, ensureNodeModules, run } from './ensure.mjs'

const t0 = Date.now()
ensureNodeModules()
const browser = ensureDebianPackages(['chromium', 'busybox', 'fonts-noto-cjk'])
const step = (name, cmd) => {
  console.log(`\n━━ ${name}`)
  run(cmd)
}
step('type check', 'npm run --silent typecheck')
step('unit, spec, transcript and lesson tests', 'npx vitest run')
step('build', 'npx vite build --logLevel warn')
if (browser) step('browser tests (Playwright, Debian chromium)', 'npx playwright test')
else console.warn('! chromium is not available: browser tests skipped')
console.log(`\n✓ all tests passed in ${Math.round((Date.now() - t0) / 1000)} s`)
