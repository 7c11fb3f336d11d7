// One bench task in its own process: `node .bench/child.mjs TASK` (bundled by
// bench/run.ts) prints the task's measurements as one JSON line on stdout.
import { bigJob, cronDay, cronYear, tenCrons } from './engine.bench.ts'
import type { Measurement } from './figures.ts'
import { kubectlGetPods } from './kubectl.bench.ts'
import { shell } from './shell.bench.ts'

const TASKS: Record<string, () => Measurement[]> = {
  'engine-day': cronDay,
  'engine-year': cronYear,
  'engine-job': bigJob,
  'engine-crons': tenCrons,
  shell,
  kubectl: kubectlGetPods,
}

const task = process.argv[2]
const run = TASKS[task]
if (!run) {
  process.stderr.write(`bench child: unknown task ${JSON.stringify(task)} (have ${Object.keys(TASKS).join(', ')})\n`)
  process.exit(2)
}
process.stdout.write(JSON.stringify(run()) + '\n')
