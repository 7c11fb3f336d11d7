// Schedule times a CronJob let pass without a Job (suspended, past
// startingDeadlineSeconds, only the latest missed time runs): the timeline marks
// them as missed ticks next to the created, skipped and replaced ones.
import type { CronJob } from '../engine/api/types.ts'
import { parseStandardCached, ZERO_TIME } from '../engine/cron/index.ts'
import type { CronTick } from '../engine/history/types.ts'

const MAX_TIMES = 2000
/** Look back at most this far: the timeline shows recent history, and a year of minutes is too many. */
const LOOKBACK_MS = 2 * 24 * 3600_000

export function missedTicks(cj: CronJob, ticks: CronTick[], now: number): CronTick[] {
  const tz = cj.spec.timeZone
  const spec = tz && !cj.spec.schedule.includes('TZ') ? `TZ=${tz} ${cj.spec.schedule}` : cj.spec.schedule
  let sched
  try {
    sched = parseStandardCached(spec)
  } catch {
    return []
  }
  const created = new Set(ticks.filter((t) => t.scheduledAt !== undefined).map((t) => t.scheduledAt))
  const skippedAt = ticks.filter((t) => t.kind === 'skipped').map((t) => t.at)
  const out: CronTick[] = []
  // The controller acts 100 ms after a tick; give it a second before calling a time missed.
  const until = now - 1000
  let t = Math.max(Date.parse(cj.metadata.creationTimestamp), now - LOOKBACK_MS)
  for (let i = 0; i < MAX_TIMES; i++) {
    t = sched.next(t)
    if (t === ZERO_TIME || t > until) break
    if (created.has(t) || skippedAt.some((a) => a >= t && a < t + 60_000)) continue
    out.push({ cronJob: cj.metadata.name, namespace: cj.metadata.namespace ?? 'default', kind: 'missed', at: t, scheduledAt: t })
  }
  return out
}
