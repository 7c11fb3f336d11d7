// `npm run bench [-- --json FILE] [--only engine,shell,...] [--tsx]`: the
// performance budget of issue #7, measured. Engine, shell and kubectl figures run
// bundled (esbuild, plain Node: no tsx wrappers on the hot paths), one child
// process per task; the browser figures drive the built app in chromium.
// Prints one table; never part of `npm test`.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { build } from 'esbuild'
import { browser } from './browser.bench.ts'
import { table, toJson, type Measurement } from './figures.ts'

const TASKS = ['engine-day', 'engine-year', 'engine-job', 'engine-crons', 'shell', 'kubectl', 'browser']
const OUT = '.bench/child.mjs'

interface Options {
  json?: string
  only?: string[]
  tsx: boolean
}

function parse(argv: string[]): Options {
  const o: Options = { tsx: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--json') o.json = argv[++i]
    else if (a === '--only') o.only = (argv[++i] ?? '').split(',').filter(Boolean)
    else if (a === '--tsx') o.tsx = true
    else {
      process.stderr.write(`bench: unknown argument ${a}\nusage: npm run bench [-- --json FILE] [--only ${TASKS.join(',')}] [--tsx]\n`)
      process.exit(2)
    }
  }
  if (o.json === '') o.json = undefined
  return o
}

function selected(o: Options): string[] {
  if (!o.only) return TASKS
  return TASKS.filter((t) => o.only!.some((w) => t === w || t.startsWith(w + '-')))
}

async function bundle(): Promise<void> {
  await build({ entryPoints: ['bench/child.ts'], outfile: OUT, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' })
}

function runChild(task: string, tsx: boolean): Measurement[] {
  const cmd = tsx ? ['node_modules/.bin/tsx', 'bench/child.ts', task] : ['node', OUT, task]
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 })
  if (r.status !== 0) return [failed(task, `exit ${r.status ?? r.signal}`)]
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Measurement[]
}

/** A task that could not measure shows as a row that is OVER, with the reason. */
function failed(task: string, why: string): Measurement {
  return { name: task, value: NaN, unit: '', budget: { max: 0 }, note: `failed: ${why} (see above)` }
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2))
  const tasks = selected(o)
  if (!o.tsx && tasks.some((t) => t !== 'browser')) await bundle()
  const results: Measurement[] = []
  for (const t of tasks) {
    process.stderr.write(`bench: ${t}\n`)
    const t0 = Date.now()
    if (t !== 'browser') results.push(...runChild(t, o.tsx))
    else results.push(...(await browser().catch((e: Error) => [failed(t, e.message)])))
    process.stderr.write(`bench: ${t} done in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`)
  }
  const load = loadavg().map((l) => l.toFixed(2)).join(' ')
  console.log(`\nbatchlab bench · Node ${process.versions.node} · ${o.tsx ? 'tsx' : 'esbuild bundle'} · load average ${load}\n`)
  console.log(table(results))
  if (o.json) {
    writeFileSync(o.json, JSON.stringify(results.map(toJson), null, 2) + '\n')
    console.log(`\nwrote ${o.json}`)
  }
  if (results.some((m) => !toJson(m).pass)) console.log("\nOVER budget: see the README's Performance section for why.")
  process.exitCode = results.some((m) => Number.isNaN(m.value)) ? 1 : 0
}

await main()
