// `npm start`: install what is missing, build the app, serve it on PORT (default 4173).
import { existsSync, statSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ensureNodeModules, run } from './ensure.mjs'

ensureNodeModules()

function newest(dir) {
  let t = 0
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, f.name)
    t = Math.max(t, f.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}
const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0
const sources = Math.max(newest('src'), newest('lessons'), newest('public'), statSync('index.html').mtimeMs, statSync('package-lock.json').mtimeMs)
if (sources > built) run('npx vite build --logLevel warn')
const port = process.env.PORT || '4173'
console.log(`\n  batchlab: http://localhost:${port}/\n`)
run(`npx vite preview --port ${port} --strictPort --host`)
