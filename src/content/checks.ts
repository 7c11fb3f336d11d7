// Lesson checks: predicates over what happened in the lab (the history of pods,
// Jobs and CronJob ticks, the terminal's commands, volumes), not only the final
// state. A failing check says what it saw and names a hint for the student's
// current situation. Pure: runs in the worker and in CI.
import type { History } from '../engine/history/history.ts'
import type { JobRecord, PodLane } from '../engine/history/types.ts'
import type { Lang, Localized } from './types.ts'

export interface CheckContext {
  history: History
  now: number
  /** Commands the student ran in the terminal, in order. */
  commands: string[]
  /** Live objects, by kind (for "exists" and field checks). */
  get(kind: string, name: string, namespace?: string): Record<string, unknown> | undefined
  /** Files of a PersistentVolumeClaim's volume (names), or undefined when it has none. */
  volumeFiles(claim: string, namespace?: string): string[] | undefined
  /** The logs of a pod's first container. */
  logs(pod: string, namespace?: string): string
}

export interface CheckOutcome {
  passed: boolean
  /** Why it failed, for hint lookup: notFound, running, failed, tooFew, … */
  reason?: string
  message: Localized
}

type Range = number | { atLeast?: number; atMost?: number }

const ok = (en: string, ko: string): CheckOutcome => ({ passed: true, message: { en, ko } })
const no = (reason: string, en: string, ko: string): CheckOutcome => ({ passed: false, reason, message: { en, ko } })

function inRange(v: number, r: Range): boolean {
  if (typeof r === 'number') return v === r
  return (r.atLeast === undefined || v >= r.atLeast) && (r.atMost === undefined || v <= r.atMost)
}

function rangeText(r: Range, lang: Lang): string {
  if (typeof r === 'number') return String(r)
  const parts = []
  if (r.atLeast !== undefined) parts.push(lang === 'ko' ? `${r.atLeast} 이상` : `at least ${r.atLeast}`)
  if (r.atMost !== undefined) parts.push(lang === 'ko' ? `${r.atMost} 이하` : `at most ${r.atMost}`)
  return parts.join(lang === 'ko' ? ', ' : ' and ')
}

function matchJobs(ctx: CheckContext, e: Record<string, unknown>): JobRecord[] {
  const ns = (e.namespace as string) ?? 'default'
  const re = e.namePattern ? new RegExp(e.namePattern as string) : null
  return [...ctx.history.jobs.values()].filter(
    (j) => j.namespace === ns && (e.name ? j.name === e.name : re ? re.test(j.name) : !j.cronJobName) && (e.cronJob ? j.cronJobName === e.cronJob : true),
  )
}

function podsOf(ctx: CheckContext, j: JobRecord): PodLane[] {
  return ctx.history.lanesOfJob(j.uid)
}

/** A Job that ran: outcome, completions, concurrency, retries, restarts, logs. */
function checkJob(ctx: CheckContext, e: Record<string, unknown>): CheckOutcome {
  const label = (e.name as string) ?? (e.namePattern as string) ?? 'Job'
  const jobs = matchJobs(ctx, e)
  if (!jobs.length) return no('notFound', `No Job ${label} has run yet.`, `${label} Job이 아직 실행되지 않았습니다.`)
  const results = jobs.map((j) => checkOneJob(ctx, j, e))
  return results.find((r) => r.passed) ?? results[results.length - 1]
}

function checkOneJob(ctx: CheckContext, j: JobRecord, e: Record<string, unknown>): CheckOutcome {
  const pods = podsOf(ctx, j)
  if (e.restartPolicy && j.restartPolicy !== e.restartPolicy)
    return no('restartPolicy', `Job ${j.name} uses restartPolicy ${j.restartPolicy}, not ${e.restartPolicy}.`, `Job ${j.name}의 restartPolicy가 ${e.restartPolicy}가 아니라 ${j.restartPolicy}입니다.`)
  if (e.maxConcurrent !== undefined) {
    const max = ctx.history.maxConcurrentRunning(j.uid)
    if (!inRange(max, e.maxConcurrent as Range))
      return no('concurrency', `At most ${max} pods of ${j.name} ran at the same time (expected ${rangeText(e.maxConcurrent as Range, 'en')}).`, `${j.name}의 Pod는 동시에 최대 ${max}개 실행되었습니다 (기대: ${rangeText(e.maxConcurrent as Range, 'ko')}).`)
  }
  if (e.pods !== undefined && !inRange(pods.length, e.pods as Range))
    return no('podCount', `Job ${j.name} created ${pods.length} pods (expected ${rangeText(e.pods as Range, 'en')}).`, `Job ${j.name}은 Pod를 ${pods.length}개 만들었습니다 (기대: ${rangeText(e.pods as Range, 'ko')}).`)
  if (e.restarts !== undefined) {
    const n = pods.reduce((s, p) => s + p.restarts.length, 0)
    if (!inRange(n, e.restarts as Range))
      return no('restarts', `The containers of ${j.name} restarted ${n} times (expected ${rangeText(e.restarts as Range, 'en')}).`, `${j.name}의 컨테이너는 ${n}번 재시작했습니다 (기대: ${rangeText(e.restarts as Range, 'ko')}).`)
  }
  if (e.retriesEqualBackoffLimit) {
    const retries = j.restartPolicy === 'Never' ? pods.length - 1 : pods.reduce((s, p) => s + p.restarts.length, 0)
    if (j.outcome !== 'Failed' || retries !== j.backoffLimit)
      return no(j.outcome ? 'retries' : 'running', `Job ${j.name} retried ${retries} times; backoffLimit is ${j.backoffLimit}${j.outcome ? '' : ' and it has not failed yet'}.`, `Job ${j.name}은 ${retries}번 재시도했습니다. backoffLimit는 ${j.backoffLimit}입니다${j.outcome ? '' : '. 아직 실패하지 않았습니다'}.`)
  }
  if (e.outcome) {
    if (!j.outcome) return no('running', `Job ${j.name} has not finished yet.`, `Job ${j.name}이 아직 끝나지 않았습니다.`)
    if (j.outcome !== e.outcome)
      return no(j.outcome === 'Failed' ? 'failed' : 'completed', `Job ${j.name} finished as ${j.outcome}${j.reason ? ` (${j.reason})` : ''}, expected ${e.outcome}.`, `Job ${j.name}은 ${j.outcome}${j.reason ? ` (${j.reason})` : ''}로 끝났습니다. 기대: ${e.outcome}.`)
    if (e.reason && j.reason !== e.reason) return no('reason', `Job ${j.name} failed with ${j.reason}, expected ${e.reason}.`, `Job ${j.name}의 실패 이유가 ${e.reason}가 아니라 ${j.reason}입니다.`)
  }
  if (e.logsMatch) {
    const re = new RegExp(e.logsMatch as string, 'm')
    const succeeded = pods.filter((p) => p.phase === 'Succeeded')
    const bad = succeeded.filter((p) => !re.test(ctx.logs(p.name, p.namespace)))
    if (!succeeded.length || bad.length)
      return no('logs', `${bad.length || 'No'} finished pods of ${j.name} have logs matching /${e.logsMatch}/.`, `${j.name}의 완료된 Pod 로그가 /${e.logsMatch}/와 맞지 않습니다.`)
  }
  if (e.deleted && j.deletedAt === undefined) return no('notDeleted', `Job ${j.name} still exists.`, `Job ${j.name}이 아직 남아 있습니다.`)
  return ok(`Job ${j.name} ran as expected.`, `Job ${j.name}이 기대대로 실행되었습니다.`)
}

/** A CronJob's history: scheduled Jobs named <cronjob>-<minutes>, manual runs, skips, limits. */
function checkCronJob(ctx: CheckContext, e: Record<string, unknown>): CheckOutcome {
  const name = e.name as string
  const ns = (e.namespace as string) ?? 'default'
  const cj = ctx.get('CronJob', name, ns) as { spec?: Record<string, unknown> } | undefined
  const jobs = [...ctx.history.jobs.values()].filter((j) => j.cronJobName === name && j.namespace === ns)
  const ticks = ctx.history.ticks.filter((t) => t.cronJob === name && t.namespace === ns)
  if (!cj && !jobs.length) return no('notFound', `There is no CronJob ${name}.`, `CronJob ${name}이 없습니다.`)
  if (e.schedule && cj && cj.spec?.schedule !== e.schedule) return no('schedule', `CronJob ${name} runs on "${cj.spec?.schedule}", expected "${e.schedule}".`, `CronJob ${name}의 스케줄이 "${e.schedule}"이 아니라 "${cj.spec?.schedule}"입니다.`)
  if (e.timeZone && cj && cj.spec?.timeZone !== e.timeZone) return no('timeZone', `CronJob ${name} has timeZone ${cj.spec?.timeZone ?? '(none)'}, expected ${e.timeZone}.`, `CronJob ${name}의 timeZone이 ${e.timeZone}가 아니라 ${cj.spec?.timeZone ?? '(없음)'}입니다.`)
  const scheduled = jobs.filter((j) => !j.manual && new RegExp(`^${name}-\\d{8}$`).test(j.name))
  if (e.scheduledJobs !== undefined && !inRange(scheduled.length, e.scheduledJobs as Range))
    return no('scheduled', `CronJob ${name} has created ${scheduled.length} scheduled Jobs (expected ${rangeText(e.scheduledJobs as Range, 'en')}).`, `CronJob ${name}이 스케줄에 따라 Job을 ${scheduled.length}개 만들었습니다 (기대: ${rangeText(e.scheduledJobs as Range, 'ko')}).`)
  if (e.succeededJobs !== undefined) {
    const n = scheduled.filter((j) => j.outcome === 'Complete').length
    if (!inRange(n, e.succeededJobs as Range)) return no('succeeded', `${n} scheduled Jobs of ${name} completed (expected ${rangeText(e.succeededJobs as Range, 'en')}).`, `${name}의 예약 Job ${n}개가 완료되었습니다 (기대: ${rangeText(e.succeededJobs as Range, 'ko')}).`)
  }
  if (e.manualJob && !jobs.some((j) => j.manual)) return no('manual', `No Job was created by hand from ${name} (kubectl create job --from=cronjob/${name}).`, `${name}에서 수동으로 만든 Job이 없습니다 (kubectl create job --from=cronjob/${name}).`)
  if (e.skipped !== undefined) {
    const n = ticks.filter((t) => t.kind === 'skipped').length
    if (!inRange(n, e.skipped as Range)) return no('skipped', `CronJob ${name} skipped ${n} runs (expected ${rangeText(e.skipped as Range, 'en')}).`, `CronJob ${name}이 실행을 ${n}번 건너뛰었습니다 (기대: ${rangeText(e.skipped as Range, 'ko')}).`)
  }
  if (e.replaced !== undefined) {
    const n = ticks.filter((t) => t.kind === 'replaced').length
    if (!inRange(n, e.replaced as Range)) return no('replaced', `CronJob ${name} replaced ${n} running Jobs (expected ${rangeText(e.replaced as Range, 'en')}).`, `CronJob ${name}이 실행 중인 Job을 ${n}번 교체했습니다 (기대: ${rangeText(e.replaced as Range, 'ko')}).`)
  }
  if (e.historyKept) {
    const spec = cj?.spec ?? {}
    const live = jobs.filter((j) => j.deletedAt === undefined)
    const okN = live.filter((j) => j.outcome === 'Complete').length
    const failN = live.filter((j) => j.outcome === 'Failed').length
    const sLim = (spec.successfulJobsHistoryLimit as number) ?? 3
    const fLim = (spec.failedJobsHistoryLimit as number) ?? 1
    const cleaned = jobs.some((j) => j.deletedAt !== undefined && j.outcome)
    if (okN > sLim || failN > fLim || !cleaned)
      return no('history', `CronJob ${name} keeps ${okN} succeeded and ${failN} failed Jobs (limits ${sLim} and ${fLim})${cleaned ? '' : '; none has been cleaned up yet'}.`, `CronJob ${name}은 성공한 Job ${okN}개, 실패한 Job ${failN}개를 유지합니다 (한도 ${sLim}, ${fLim})${cleaned ? '' : '. 아직 정리된 Job이 없습니다'}.`)
  }
  if (e.suspendedNow !== undefined && cj && Boolean(cj.spec?.suspend) !== e.suspendedNow)
    return no('suspend', `CronJob ${name} is ${cj.spec?.suspend ? '' : 'not '}suspended.`, `CronJob ${name}은 현재 ${cj.spec?.suspend ? '일시 중지 상태입니다' : '일시 중지 상태가 아닙니다'}.`)
  return ok(`CronJob ${name} behaved as expected.`, `CronJob ${name}이 기대대로 동작했습니다.`)
}

/** A volume holds one file per completed run of a CronJob (or at least N files). */
function checkVolume(ctx: CheckContext, e: Record<string, unknown>): CheckOutcome {
  const claim = e.claim as string
  const files = ctx.volumeFiles(claim, (e.namespace as string) ?? 'default')
  if (!files) return no('noVolume', `No pod has written to the volume of claim ${claim} yet.`, `아직 어떤 Pod도 ${claim} 볼륨에 쓰지 않았습니다.`)
  const re = new RegExp((e.filesMatching as string) ?? '.')
  const matching = files.filter((f) => re.test(f))
  if (e.perRunOf) {
    const runs = [...ctx.history.jobs.values()].filter((j) => j.cronJobName === e.perRunOf && j.outcome === 'Complete').length
    if (!runs || matching.length !== runs)
      return no('perRun', `The volume holds ${matching.length} backup files for ${runs} completed runs of ${e.perRunOf}.`, `볼륨에 백업 파일이 ${matching.length}개 있고, ${e.perRunOf}의 완료된 실행은 ${runs}번입니다.`)
  }
  if (e.files !== undefined && !inRange(matching.length, e.files as Range))
    return no('fileCount', `The volume holds ${matching.length} matching files (expected ${rangeText(e.files as Range, 'en')}).`, `볼륨에 맞는 파일이 ${matching.length}개 있습니다 (기대: ${rangeText(e.files as Range, 'ko')}).`)
  return ok(`The volume holds ${matching.length} backup files.`, `볼륨에 백업 파일이 ${matching.length}개 있습니다.`)
}

/** The student ran a command matching a pattern. */
function checkCommand(ctx: CheckContext, e: Record<string, unknown>): CheckOutcome {
  const re = new RegExp(e.matches as string)
  return ctx.commands.some((c) => re.test(c))
    ? ok('Command run.', '명령을 실행했습니다.')
    : no('notRun', `No command matching /${e.matches}/ has been run yet.`, `/${e.matches}/에 맞는 명령을 아직 실행하지 않았습니다.`)
}

/** An object exists (or not), optionally with a field value. */
function checkObject(ctx: CheckContext, e: Record<string, unknown>): CheckOutcome {
  const o = ctx.get(e.kind as string, e.name as string, (e.namespace as string) ?? 'default')
  const want = e.exists !== false
  if (!o) return want ? no('notFound', `${e.kind} ${e.name} does not exist.`, `${e.kind} ${e.name}이 없습니다.`) : ok(`${e.kind} ${e.name} is gone.`, `${e.kind} ${e.name}이 없어졌습니다.`)
  if (!want) return no('exists', `${e.kind} ${e.name} still exists.`, `${e.kind} ${e.name}이 아직 있습니다.`)
  if (e.field) {
    const v = (e.field as string).split('.').reduce<unknown>((a, k) => (a as Record<string, unknown> | undefined)?.[k], o)
    if (JSON.stringify(v) !== JSON.stringify(e.equals)) return no('field', `${e.kind} ${e.name}: ${e.field} is ${JSON.stringify(v)}, expected ${JSON.stringify(e.equals)}.`, `${e.kind} ${e.name}: ${e.field} 값이 ${JSON.stringify(e.equals)}가 아니라 ${JSON.stringify(v)}입니다.`)
  }
  return ok(`${e.kind} ${e.name} exists.`, `${e.kind} ${e.name}이 있습니다.`)
}

const PREDICATES: Record<string, (ctx: CheckContext, e: Record<string, unknown>) => CheckOutcome> = {
  job: checkJob,
  cronjob: checkCronJob,
  volume: checkVolume,
  command: checkCommand,
  object: checkObject,
}

export function evaluateCheck(ctx: CheckContext, expect: Record<string, unknown>): CheckOutcome {
  const all = (expect.all as Record<string, unknown>[] | undefined) ?? [expect]
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
