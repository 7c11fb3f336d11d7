// The `cronjob` check: a CronJob's history — scheduled Jobs named <cronjob>-<Unix minutes>,
// manual runs, runs skipped by Forbid, late runs, replaced Jobs, overlapping Jobs, history
// cleanup — and its spec (schedule, time zone, suspend). Without a name, any CronJob may pass.
// Names and events: cronjob-controller.md §3, §4, §5, §6 (k8s pkg/controller/cronjob).
import { loadLocation, parseStandard, UTC } from '../engine/cron/index.ts'
import type { JobRecord } from '../engine/history/types.ts'
import { anyPasses, count, maxOverlap, metaName, no, ok, outside, type CheckContext, type CheckOutcome, type Expect } from './check-common.ts'
import { josa } from './ko-particle.ts'

interface CronJobLike {
  metadata?: { creationTimestamp?: string }
  spec?: { schedule?: string; timeZone?: string; suspend?: boolean; successfulJobsHistoryLimit?: number; failedJobsHistoryLimit?: number }
}

/** The controller creates a scheduled Job 0.1 s after its time; later than this is a late run. */
const LATE_MS = 10_000
const JOB_NAME = (cronJob: string) => new RegExp(`^${cronJob.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{8}$`)

export function checkCronJob(ctx: CheckContext, e: Expect): CheckOutcome {
  const ns = (e.namespace as string) ?? 'default'
  const names = e.name ? [e.name as string] : candidates(ctx, ns)
  if (!names.length) return no('notFound', 'There is no CronJob yet.', '아직 CronJob이 없습니다.')
  return anyPasses(names.map((n) => checkOneCronJob(ctx, n, ns, e)))
}

/** CronJobs seen only in the history first, then the live ones, oldest to newest. */
function candidates(ctx: CheckContext, ns: string): string[] {
  const live = ctx
    .list('CronJob', ns)
    .sort((a, b) => String((a as CronJobLike).metadata?.creationTimestamp).localeCompare(String((b as CronJobLike).metadata?.creationTimestamp)))
    .map(metaName)
  const past = new Set<string>()
  for (const j of ctx.history.jobs.values()) if (j.namespace === ns && j.cronJobName && !live.includes(j.cronJobName)) past.add(j.cronJobName)
  return [...[...past].sort(), ...live]
}

function checkOneCronJob(ctx: CheckContext, name: string, ns: string, e: Expect): CheckOutcome {
  const cj = ctx.get('CronJob', name, ns) as CronJobLike | undefined
  const jobs = [...ctx.history.jobs.values()].filter((j) => j.cronJobName === name && j.namespace === ns)
  if (!cj && !jobs.length) return no('notFound', `There is no CronJob ${name}.`, `CronJob ${josa(name, '이')} 없습니다.`)
  const bad = checkSpec(name, cj, e) ?? checkRuns(ctx, name, ns, jobs, e) ?? checkHistory(ctx, name, ns, cj, jobs, e)
  if (bad) return bad
  if (e.suspendedNow !== undefined && cj && Boolean(cj.spec?.suspend) !== e.suspendedNow)
    return no('suspend', `CronJob ${name} is ${cj.spec?.suspend ? '' : 'not '}suspended.`, `CronJob ${josa(name, '은')} 현재 ${cj.spec?.suspend ? '일시 중지 상태입니다' : '일시 중지 상태가 아닙니다'}.`)
  return ok(`CronJob ${name} behaved as expected.`, `CronJob ${josa(name, '이')} 기대대로 동작했습니다.`)
}

/** schedule (exact text), scheduleEvery (seconds between runs, however written), timeZone. */
function checkSpec(name: string, cj: CronJobLike | undefined, e: Expect): CheckOutcome | undefined {
  if (!e.schedule && !e.scheduleEvery && !e.timeZone) return undefined
  if (!cj) return no('notFound', `CronJob ${name} no longer exists.`, `CronJob ${josa(name, '이')} 더 이상 없습니다.`)
  const schedule = cj.spec?.schedule ?? ''
  if (e.schedule && schedule !== e.schedule) return no('schedule', `CronJob ${name} runs on "${schedule}", expected "${e.schedule}".`, `CronJob ${name}의 스케줄이 ${josa(`"${e.schedule}"`, '이')} 아니라 "${schedule}"입니다.`)
  if (e.scheduleEvery && !firesEvery(schedule, cj.spec?.timeZone, (e.scheduleEvery as number) * 1000)) {
    const min = (e.scheduleEvery as number) / 60
    return no('schedule', `CronJob ${name} runs on "${schedule}", which is not every ${min} minutes.`, `CronJob ${name}의 스케줄 ${josa(`"${schedule}"`, '은')} ${min}분마다 실행되는 스케줄이 아닙니다.`)
  }
  if (e.timeZone && cj.spec?.timeZone !== e.timeZone)
    return no('timeZone', `CronJob ${name} has timeZone ${cj.spec?.timeZone ?? '(none)'}, expected ${e.timeZone}.`, `CronJob ${name}의 timeZone이 ${josa(e.timeZone, '가')} 아니라 ${cj.spec?.timeZone ?? '(없음)'}입니다.`)
  return undefined
}

/** The schedule's next two days of activations are all exactly `gap` apart. */
function firesEvery(schedule: string, timeZone: string | undefined, gap: number): boolean {
  try {
    const sched = parseStandard(schedule, timeZone ? loadLocation(timeZone) : UTC)
    let t = sched.next(Date.UTC(2026, 0, 5))
    for (let i = 0; i < (2 * 86_400_000) / gap; i++) {
      const n = sched.next(t)
      if (n - t !== gap) return false
      t = n
    }
    return true
  } catch {
    return false
  }
}

/** scheduledJobs, succeededJobs, manualJob, skipped, lateRuns, replaced, maxConcurrentJobs. */
function checkRuns(ctx: CheckContext, name: string, ns: string, jobs: JobRecord[], e: Expect): CheckOutcome | undefined {
  const scheduled = jobs.filter((j) => !j.manual && JOB_NAME(name).test(j.name))
  const ticks = ctx.history.ticks.filter((t) => t.cronJob === name && t.namespace === ns)
  const skipped = ticks.filter((t) => t.kind === 'skipped').length
  const replaced = ticks.filter((t) => t.kind === 'replaced').length
  const late = ticks.filter((t) => t.kind === 'created' && t.scheduledAt !== undefined && t.at - t.scheduledAt >= LATE_MS).length
  const done = scheduled.filter((j) => j.outcome === 'Complete').length
  const overlap = maxOverlap(jobs.map((j) => [j.createdAt, j.finishedAt ?? j.deletedAt ?? ctx.now]))
  const bad =
    outside(scheduled.length, e.scheduledJobs, 'scheduled', `CronJob ${name} has created ${count(scheduled.length, 'scheduled Job')}`, `CronJob ${josa(name, '이')} 스케줄에 따라 Job을 ${scheduled.length}개 만들었습니다`) ??
    outside(done, e.succeededJobs, 'succeeded', `${count(done, 'scheduled Job')} of ${name} completed`, `${name}의 예약 Job ${done}개가 완료되었습니다`) ??
    outside(skipped, e.skipped, 'skipped', `CronJob ${name} skipped a run ${count(skipped, 'time')} because the previous Job was still running`, `이전 Job이 아직 실행 중이어서 CronJob ${josa(name, '이')} 실행을 ${skipped}번 건너뛰었습니다`) ??
    outside(late, e.lateRuns, 'lateRuns', `CronJob ${name} started ${count(late, 'Job')} late (10 s or more after its scheduled time)`, `CronJob ${name}의 Job 중 예정 시각보다 10초 이상 늦게 시작한 것이 ${late}개입니다`) ??
    outside(replaced, e.replaced, 'replaced', `CronJob ${name} replaced ${count(replaced, 'running Job')}`, `CronJob ${josa(name, '이')} 실행 중인 Job을 ${replaced}번 교체했습니다`) ??
    outside(overlap, e.maxConcurrentJobs, 'concurrency', `At most ${count(overlap, 'Job')} of ${name} ran at the same time`, `${name}의 Job은 동시에 최대 ${overlap}개 실행되었습니다`)
  if (bad) return bad
  if (e.manualJob && !jobs.some((j) => j.manual))
    return no('manual', `No Job was created by hand from ${name} (kubectl create job --from=cronjob/${name}).`, `${name}에서 수동으로 만든 Job이 없습니다 (kubectl create job --from=cronjob/${name}).`)
  return undefined
}

/**
 * historyKept: the controller has deleted a finished Job to honour a history limit
 * (a SuccessfulDelete event for a Job that had finished), and the finished Jobs that
 * are left are within the limits (cronjob-controller.md §6).
 */
function checkHistory(ctx: CheckContext, name: string, ns: string, cj: CronJobLike | undefined, jobs: JobRecord[], e: Expect): CheckOutcome | undefined {
  if (!e.historyKept) return undefined
  const spec = cj?.spec ?? {}
  const live = jobs.filter((j) => j.deletedAt === undefined)
  const okN = live.filter((j) => j.outcome === 'Complete').length
  const failN = live.filter((j) => j.outcome === 'Failed').length
  const sLim = spec.successfulJobsHistoryLimit ?? 3
  const fLim = spec.failedJobsHistoryLimit ?? 1
  const finished = new Set(jobs.filter((j) => j.outcome).map((j) => j.name))
  const cleaned = ctx.history.events.some(
    (ev) => ev.kind === 'CronJob' && ev.name === name && ev.namespace === ns && ev.reason === 'SuccessfulDelete' && finished.has(ev.message.replace(/^Deleted job /, '')),
  )
  if (okN <= sLim && failN <= fLim && cleaned) return undefined
  return no(
    'history',
    `CronJob ${name} keeps ${count(okN, 'succeeded Job')} and ${count(failN, 'failed Job')} (limits ${sLim} and ${fLim})${cleaned ? '' : '; it has not had to delete an old Job yet'}.`,
    `CronJob ${josa(name, '은')} 성공한 Job ${okN}개, 실패한 Job ${failN}개를 유지합니다 (한도 ${sLim}, ${fLim})${cleaned ? '' : '. 아직 오래된 Job을 지울 일이 없었습니다'}.`,
  )
}
