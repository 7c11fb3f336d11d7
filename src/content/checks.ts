// Lesson checks: predicates over what happened in the lab (the history of pods,
// Jobs and CronJob ticks, the terminal's commands, volumes), not only the final
// state. A failing check says what it saw and names a hint for the student's
// current situation. Pure: runs in the worker and in CI. Options: lessons/README.md.
import type { JobRecord, PodLane } from '../engine/history/types.ts'
import { checkCronJob } from './check-cronjobs.ts'
import { anyPasses, count, no, ok, outside, type CheckContext, type CheckOutcome, type Expect } from './check-common.ts'
import { josa } from './ko-particle.ts'
import { checkVolume } from './check-volumes.ts'

export type { CheckContext, CheckOutcome, Range } from './check-common.ts'

/**
 * Jobs a check is about: by `name`, by `namePattern`, the Jobs of `cronJob`, or, with
 * none of these, every Job the student made directly (not through a CronJob).
 */
function matchJobs(ctx: CheckContext, e: Expect): JobRecord[] {
  const ns = (e.namespace as string) ?? 'default'
  const re = e.namePattern ? new RegExp(e.namePattern as string) : null
  return [...ctx.history.jobs.values()].filter((j) => {
    if (j.namespace !== ns) return false
    if (e.name) return j.name === e.name
    if (re && !re.test(j.name)) return false
    if (e.cronJob) return j.cronJobName === e.cronJob
    return re !== null || !j.cronJobName
  })
}

/** The lower bound of a count range (0 when it has none). */
function minimum(r: unknown): number {
  return typeof r === 'number' ? r : ((r as { atLeast?: number } | undefined)?.atLeast ?? 0)
}

function podsOf(ctx: CheckContext, j: JobRecord): PodLane[] {
  return ctx.history.lanesOfJob(j.uid)
}

/** A Job that ran: outcome, completions, concurrency, retries, restarts, logs. */
function checkJob(ctx: CheckContext, e: Expect): CheckOutcome {
  const label = (e.name as string) ?? (e.namePattern as string) ?? (e.cronJob ? `of ${e.cronJob as string}` : '')
  const jobs = matchJobs(ctx, e)
  if (!jobs.length) return no('notFound', `No Job ${label ? label + ' ' : ''}has run yet.`, `${label ? label + ' ' : ''}Job이 아직 실행되지 않았습니다.`)
  return anyPasses(jobs.map((j) => checkOneJob(ctx, j, e)))
}

function checkOneJob(ctx: CheckContext, j: JobRecord, e: Expect): CheckOutcome {
  const pods = podsOf(ctx, j)
  const restarts = pods.reduce((s, p) => s + p.restarts.length, 0)
  if (e.restartPolicy && j.restartPolicy !== e.restartPolicy)
    return no('restartPolicy', `Job ${j.name} uses restartPolicy ${j.restartPolicy}, not ${e.restartPolicy}.`, `Job ${j.name}의 restartPolicy가 ${josa(e.restartPolicy, '가')} 아니라 ${j.restartPolicy}입니다.`)
  if ((e.outcome || e.finished || e.retriesEqualBackoffLimit) && !j.outcome) return no('running', `Job ${j.name} has not finished yet.`, `Job ${josa(j.name, '이')} 아직 끝나지 않았습니다.`)
  if (e.maxConcurrent !== undefined) {
    const max = ctx.history.maxConcurrentRunning(j.uid)
    const bad = outside(max, e.maxConcurrent, 'concurrency', `At most ${count(max, 'pod')} of ${j.name} ran at the same time`, `${j.name}의 Pod는 동시에 최대 ${max}개 실행되었습니다`)
    if (bad && max === 0 && pods.length >= minimum(e.maxConcurrent))
      return no('concurrency', `No pod of ${j.name} was ever seen Running: each finished before it could be.`, `${j.name}의 Pod는 한 번도 Running으로 보이지 않았습니다. Running이 되기 전에 끝났습니다.`)
    if (bad && max === 0)
      return no('concurrency', `Job ${j.name} created only ${pods.length} ${pods.length === 1 ? 'pod' : 'pods'}, and none was seen Running.`, `Job ${josa(j.name, '은')} Pod를 ${pods.length}개만 만들었고, Running으로 보인 Pod는 없었습니다.`)
    if (bad) return bad
  }
  const counts =
    outside(pods.length, e.pods, 'podCount', `Job ${j.name} created ${count(pods.length, 'pod')}`, `Job ${josa(j.name, '은')} Pod를 ${pods.length}개 만들었습니다`) ??
    outside(restarts, e.restarts, 'restarts', `The containers of ${j.name} restarted ${count(restarts, 'time')}`, `${j.name}의 컨테이너는 ${restarts}번 재시작했습니다`)
  if (counts) return counts
  if (e.retriesEqualBackoffLimit) {
    const retries = j.restartPolicy === 'Never' ? pods.length - 1 : restarts
    if (j.outcome !== 'Failed' || retries !== j.backoffLimit)
      return no('retries', `Job ${j.name} ${j.outcome === 'Failed' ? 'failed' : 'completed'} after ${count(retries, 'retry', 'retries')}; backoffLimit is ${j.backoffLimit}.`, `Job ${josa(j.name, '은')} ${retries}번 재시도한 뒤 ${j.outcome === 'Failed' ? '실패' : '완료'}했습니다. backoffLimit은 ${j.backoffLimit}입니다.`)
  }
  if (e.outcome && j.outcome !== e.outcome)
    return no(j.outcome === 'Failed' ? 'failed' : 'completed', `Job ${j.name} finished as ${j.outcome}${j.reason ? ` (${j.reason})` : ''}, expected ${e.outcome}.`, `Job ${josa(j.name, '은')} ${josa(j.reason ? `${j.outcome} (${j.reason})` : j.outcome, '으로')} 끝났습니다. 기대: ${e.outcome}.`)
  if (e.reason && j.reason !== e.reason) return no('reason', `Job ${j.name} finished with reason ${j.reason}, expected ${e.reason}.`, `Job ${j.name}의 종료 이유가 ${josa(e.reason, '가')} 아니라 ${j.reason}입니다.`)
  const succeeded = pods.filter((p) => p.phase === 'Succeeded')
  const few = outside(succeeded.length, e.succeeded, 'succeededPods', `${count(succeeded.length, 'pod')} of ${j.name} succeeded`, `${j.name}의 Pod ${succeeded.length}개가 성공했습니다`)
  if (few) return few
  if (e.logsMatch) {
    const bad = checkLogs(ctx, j, succeeded, e.logsMatch as string)
    if (bad) return bad
  }
  if (e.deleted === true && j.deletedAt === undefined) return no('notDeleted', `Job ${j.name} still exists.`, `Job ${josa(j.name, '이')} 아직 남아 있습니다.`)
  if (e.deleted === false && j.deletedAt !== undefined) return no('deleted', `Job ${j.name} has been deleted.`, `Job ${josa(j.name, '은')} 삭제되었습니다.`)
  if (e.deletedByTtl) {
    const ttl = j.ttlSecondsAfterFinished
    if (j.deletedAt === undefined) return no('notDeleted', `Job ${j.name} still exists${ttl === undefined ? ' and has no ttlSecondsAfterFinished' : ''}.`, `Job ${josa(j.name, '이')} 아직 남아 있습니다${ttl === undefined ? '. ttlSecondsAfterFinished가 없습니다' : ''}.`)
    // Condition times are whole seconds, so the TTL may fire up to a second before our record of the finish.
    if (ttl === undefined || j.finishedAt === undefined || j.deletedAt < j.finishedAt + ttl * 1000 - 1000)
      return no('deletedEarly', `Job ${j.name} was deleted before its TTL ran out (by hand?).`, `Job ${josa(j.name, '은')} TTL이 끝나기 전에 삭제되었습니다 (직접 지웠나요?).`)
  }
  return ok(`Job ${j.name} ran as expected.`, `Job ${josa(j.name, '이')} 기대대로 실행되었습니다.`)
}

/** Every succeeded pod that is still there to read has a log line matching the pattern. */
function checkLogs(ctx: CheckContext, j: JobRecord, succeeded: PodLane[], pattern: string): CheckOutcome | undefined {
  const re = new RegExp(pattern, 'm')
  const readable = succeeded.filter((p) => p.deletedAt === undefined)
  if (!readable.length)
    return no('logs', `No finished pod of ${j.name} is left to read logs from.`, `${j.name}의 로그를 읽을 수 있는 완료된 Pod가 남아 있지 않습니다.`)
  const bad = readable.filter((p) => !re.test(ctx.logs(p.name, p.namespace)))
  if (!bad.length) return undefined
  return no('logs', `${bad.length} of ${count(readable.length, 'finished pod')} of ${j.name} ${bad.length === 1 ? 'has' : 'have'} no log line matching /${pattern}/ (for example ${bad[0].name}).`, `${j.name}의 완료된 Pod ${readable.length}개 중 ${bad.length}개의 로그에 /${pattern}/에 맞는 줄이 없습니다 (예: ${bad[0].name}).`)
}

/** The student ran a command matching a pattern. */
function checkCommand(ctx: CheckContext, e: Expect): CheckOutcome {
  const re = new RegExp(e.matches as string)
  return ctx.commands.some((c) => re.test(c))
    ? ok('Command run.', '명령을 실행했습니다.')
    : no('notRun', `No command matching /${e.matches}/ has been run yet.`, `/${e.matches}/에 맞는 명령을 아직 실행하지 않았습니다.`)
}

/** An object exists (or not), optionally with a field value. */
function checkObject(ctx: CheckContext, e: Expect): CheckOutcome {
  const o = ctx.get(e.kind as string, e.name as string, (e.namespace as string) ?? 'default')
  const want = e.exists !== false
  if (!o) return want ? no('notFound', `${e.kind} ${e.name} does not exist.`, `${e.kind} ${josa(e.name, '이')} 없습니다.`) : ok(`${e.kind} ${e.name} is gone.`, `${e.kind} ${josa(e.name, '이')} 없어졌습니다.`)
  if (!want) return no('exists', `${e.kind} ${e.name} still exists.`, `${e.kind} ${josa(e.name, '이')} 아직 있습니다.`)
  if (e.field) {
    const v = (e.field as string).split('.').reduce<unknown>((a, k) => (a as Record<string, unknown> | undefined)?.[k], o)
    if (JSON.stringify(v) !== JSON.stringify(e.equals)) return no('field', `${e.kind} ${e.name}: ${e.field} is ${JSON.stringify(v)}, expected ${JSON.stringify(e.equals)}.`, `${e.kind} ${e.name}: ${e.field} 값이 ${josa(JSON.stringify(e.equals), '가')} 아니라 ${JSON.stringify(v)}입니다.`)
  }
  return ok(`${e.kind} ${e.name} exists.`, `${e.kind} ${josa(e.name, '이')} 있습니다.`)
}

const PREDICATES: Record<string, (ctx: CheckContext, e: Expect) => CheckOutcome> = {
  job: checkJob,
  cronjob: checkCronJob,
  volume: checkVolume,
  command: checkCommand,
  object: checkObject,
}

export function evaluateCheck(ctx: CheckContext, expect: Expect): CheckOutcome {
  const all = (expect.all as Expect[] | undefined) ?? [expect]
  let last: CheckOutcome = ok('', '')
  for (const e of all) {
    const p = PREDICATES[e.type as string]
    if (!p) return no('invalid', `Unknown check type ${String(e.type)}.`, `알 수 없는 체크 종류 ${String(e.type)}.`)
    last = p(ctx, e)
    if (!last.passed) return last
  }
  return last
}

export const CHECK_TYPES = Object.keys(PREDICATES)
