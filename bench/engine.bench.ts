// Engine figures of issue #7, through the worker's code path: a terminal Session
// with the seed's manifests applied by kubectl, then the clock advanced. Each task
// runs in its own child process (bench/run.ts), so one figure's heap and JIT state
// never colour another's, and the year's peak RSS is that of the year alone.
import type { CronJob } from '../src/engine/api/types.ts'
import { median, type Measurement } from './figures.ts'
import { advance, bigJobYaml, cronJobYaml, DAY, labWith, MINUTE, runJobToEnd, timed, type Timing } from './lab.ts'

const log = (s: string) => process.stderr.write(`  ${s}\n`)

function sampleCronLab() {
  return labWith([{ name: 'sample-cron-job.yaml', data: cronJobYaml() }])
}

/** The CronJob really ran up to the end: its last schedule is within one period (plus the controller's latency) of it. */
function checkScheduled(s: ReturnType<typeof sampleCronLab>, name: string, endMs: number, periodMs = MINUTE): void {
  const cj = s.cluster.store.get<CronJob>('CronJob', 'default', name)
  const last = cj?.status?.lastScheduleTime ? Date.parse(cj.status.lastScheduleTime) : NaN
  if (!(last > endMs - periodMs - MINUTE && last <= endMs)) throw new Error(`${name}: last schedule ${cj?.status?.lastScheduleTime}, want one within ${periodMs / MINUTE + 1} minutes before ${new Date(endMs).toISOString()}`)
}

/** Time `days` simulated days of the minutely CronJob in a fresh lab. */
function cronDays(days: number): Timing {
  const s = sampleCronLab()
  const t0 = s.cluster.now()
  const t = timed(() => advance(s, days * DAY))
  checkScheduled(s, 'sample-cron-job', t0 + days * DAY)
  return t
}

/** Repeat `run` up to `n` times, fewer once `capMs` of wall time is spent (at least once). */
function repeat(n: number, capMs: number, run: () => Timing): Timing[] {
  const out: Timing[] = []
  let spent = 0
  while (out.length < n && (out.length === 0 || spent < capMs)) {
    const t = run()
    out.push(t)
    spent += t.wall
  }
  return out
}

function runsNote(ts: Timing[]): string {
  return `median of ${ts.length}`
}

/**
 * One simulated day (5 runs) and the growth from 1 to 10 days (3 runs of 10 days),
 * after a day that warms the JIT up, so the growth compares like with like.
 */
export function cronDay(): Measurement[] {
  log(`warm-up day: ${cronDays(1).wall.toFixed(0)} ms`)
  const day = repeat(5, 60_000, () => cronDays(1))
  log(`day: ${day.map((t) => t.wall.toFixed(0)).join(', ')} ms`)
  const ten = repeat(3, 120_000, () => cronDays(10))
  log(`10 days: ${ten.map((t) => t.wall.toFixed(0)).join(', ')} ms`)
  const d = median(day.map((t) => t.wall))
  return [
    { name: 'engine: 1 simulated day, * * * * * (1,440 Jobs)', value: d, unit: 'ms', budget: { max: 100 }, cpu: median(day.map((t) => t.cpu)), note: `${runsNote(day)}, after a warm-up day` },
    {
      name: 'engine: cost growth, 10 days ÷ 1 day',
      value: median(ten.map((t) => t.wall)) / d,
      unit: '×',
      budget: { between: [8, 12] },
      cpu: median(ten.map((t) => t.cpu)) / median(day.map((t) => t.cpu)),
      note: `10 days: ${runsNote(ten)}`,
    },
  ]
}

/**
 * One simulated year, a day at a time. Alone in its process: the peak RSS is the
 * year's. Past `capMs` of wall time the run stops and the year is extrapolated.
 */
export function cronYear(capMs = Number(process.env.BENCH_YEAR_CAP_MS ?? 180_000)): Measurement[] {
  const s = sampleCronLab()
  const t0 = s.cluster.now()
  let days = 0
  const total: Timing = { wall: 0, cpu: 0 }
  while (days < 365 && total.wall < capMs) {
    const t = timed(() => advance(s, DAY))
    total.wall += t.wall
    total.cpu += t.cpu
    days++
    if (days % 30 === 0) log(`year: day ${days}, ${(total.wall / 1000).toFixed(1)} s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`)
  }
  checkScheduled(s, 'sample-cron-job', t0 + days * DAY)
  const scale = 365 / days
  const rss = process.resourceUsage().maxRSS / 1024
  const cut = days < 365 ? `extrapolated from ${days} days` : ''
  return [
    { name: 'engine: 1 simulated year (525,600 Jobs)', value: (total.wall * scale) / 1000, unit: 's', budget: { max: 10 }, cpu: (total.cpu * scale) / 1000, note: cut || '1 run' },
    { name: 'engine: peak RSS over the year', value: rss, unit: 'MB', budget: { max: 300 }, note: cut ? `after ${days} days` : 'whole process' },
  ]
}

/** A Job of 10,000 completions, 1,000 at a time, about 1% of pods failing: applied, then run to Complete. */
export function bigJob(): Measurement[] {
  const runs = repeat(3, 120_000, () => {
    const s = labWith([{ name: 'big-job.yaml', data: bigJobYaml(10_000, 1_000) }])
    let done = false
    const t = timed(() => (done = runJobToEnd(s, 'big', 7 * DAY)))
    if (!done) throw new Error('the big Job did not finish within 7 simulated days')
    return t
  })
  log(`big job: ${runs.map((t) => t.wall.toFixed(0)).join(', ')} ms`)
  return [{ name: 'engine: Job of 10,000 (parallelism 1,000, 1% fail)', value: median(runs.map((t) => t.wall)), unit: 'ms', budget: { max: 1000 }, cpu: median(runs.map((t) => t.cpu)), note: runsNote(runs) }]
}

/** Ten `*∕5` CronJobs (the seed's template) for 30 simulated days. */
export function tenCrons(): Measurement[] {
  const files = Array.from({ length: 10 }, (_, i) => ({ name: `cron-${i}.yaml`, data: cronJobYaml(`cron-${i}`, '*/5 * * * *') }))
  const runs = repeat(3, 120_000, () => {
    const s = labWith(files)
    const t0 = s.cluster.now()
    const t = timed(() => advance(s, 30 * DAY))
    for (let i = 0; i < 10; i++) checkScheduled(s, `cron-${i}`, t0 + 30 * DAY, 5 * MINUTE)
    return t
  })
  log(`ten crons: ${runs.map((t) => t.wall.toFixed(0)).join(', ')} ms`)
  return [{ name: 'engine: ten */5 CronJobs for 30 days', value: median(runs.map((t) => t.wall)), unit: 'ms', budget: { max: 1000 }, cpu: median(runs.map((t) => t.cpu)), note: runsNote(runs) }]
}
