// When a CronJob is due, after k8s pkg/controller/cronjob/utils.go (mostRecentScheduleTime,
// nextScheduleTimeDuration, nextScheduleTime) and cronjob_controllerv2.go (formatSchedule),
// including the approximation that can skip an uneven schedule's latest time (research §3.3).
import type { CronJob } from '../../api/types.ts'
import { loadLocation, quote, ZERO_TIME, type Schedule } from '../../cron/index.ts'
import type { EventRecorder } from '../../events/recorder.ts'
import { timeOf } from './utils.ts'

/** Padding after each schedule time, for clock skew (nextScheduleDelta). */
export const NEXT_SCHEDULE_DELTA = 100

export const SOURCE = { component: 'cronjob-controller' }

export type Missed = 'none' | 'few' | 'many'

export interface MostRecent {
  earliest: number
  mostRecent: number | null
  missed: Missed
  err?: string
}

/**
 * The latest schedule time at or before `now` since the last scheduled time (or creation),
 * found the way upstream does: estimate how many intervals passed from the first two
 * times, jump close to the end, then walk forward.
 */
export function mostRecentScheduleTime(cj: CronJob, now: number, schedule: Schedule, includeStartingDeadlineSeconds: boolean): MostRecent {
  let earliest = timeOf(cj.metadata.creationTimestamp)
  const last = cj.status?.lastScheduleTime
  if (last) earliest = timeOf(last)
  const sds = cj.spec.startingDeadlineSeconds
  if (includeStartingDeadlineSeconds && sds !== undefined && sds !== null) {
    const deadline = now - sds * 1000
    if (deadline > earliest) earliest = deadline
  }
  const t1 = schedule.next(earliest)
  const t2 = schedule.next(t1)
  if (now < t1) return { earliest, mostRecent: null, missed: 'none' }
  if (now < t2) return { earliest, mostRecent: t1, missed: 'none' }

  // A schedule that never fires (0 0 31 2 *) gives the zero time twice: no interval.
  const interval = roundSeconds(t2 - t1)
  if (interval < 1) return { earliest, mostRecent: null, missed: 'none', err: 'time difference between two schedules is less than 1 second' }
  const elapsed = Math.trunc((now - t1) / 1000)
  const missedCount = Math.floor(elapsed / interval) + 1
  const potentialEarliest = t1 + (missedCount - 2) * interval * 1000
  let mostRecent = ZERO_TIME
  // Go would loop forever if Next gave the zero time here; stop instead.
  for (let t = schedule.next(potentialEarliest); t <= now && t !== ZERO_TIME; t = schedule.next(t)) mostRecent = t
  const missed: Missed = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none'
  return { earliest, mostRecent: mostRecent === ZERO_TIME ? null : mostRecent, missed }
}

/** Duration.Round(time.Second) in whole seconds: halves round away from zero. */
function roundSeconds(ms: number): number {
  return Math.sign(ms) * Math.floor(Math.abs(ms) / 1000 + 0.5)
}

/** How long until the next schedule time (+100 ms): the requeue delay. Ignores the deadline. */
export function nextScheduleTimeDuration(cj: CronJob, now: number, schedule: Schedule): number {
  const r = mostRecentScheduleTime(cj, now, schedule, false)
  let base: number
  if (r.err) base = now
  else if (r.mostRecent === null) base = r.missed === 'none' ? r.earliest : now
  else base = r.mostRecent
  return schedule.next(base) + NEXT_SCHEDULE_DELTA - now
}

/** The time a Job is due for now (deadline applied), warning when more than 100 were missed. */
export function nextScheduleTime(cj: CronJob, now: number, schedule: Schedule, recorder: EventRecorder): { time: number | null; err?: string } {
  const r = mostRecentScheduleTime(cj, now, schedule, true)
  if (r.mostRecent === null || r.mostRecent > now) return { time: null, err: r.err }
  if (r.missed === 'many') {
    recorder.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew', SOURCE)
  }
  return { time: r.mostRecent, err: r.err }
}

/**
 * The schedule string robfig parses: a TZ=/CRON_TZ= schedule is used as is (warned about
 * when a recorder is given), else spec.timeZone is prefixed if it loads.
 */
export function formatSchedule(cj: CronJob, recorder: EventRecorder | null): string {
  const schedule = cj.spec.schedule ?? ''
  const timeZone = cj.spec.timeZone
  if (schedule.includes('TZ')) {
    recorder?.event(cj, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule ${quote(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`, SOURCE)
    return schedule
  }
  if (timeZone !== undefined && timeZone !== null) {
    try {
      loadLocation(timeZone)
    } catch {
      return schedule
    }
    return `TZ=${timeZone} ${schedule}`
  }
  return schedule
}
