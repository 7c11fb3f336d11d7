// One CronJob sync in upstream's order (k8s pkg/controller/cronjob/cronjob_controllerv2.go sync,
// syncCronJob): history cleanup, reconcile owned Jobs with status.active, then decide whether the
// latest due time gets a Job (suspend, deadline, concurrency policy); returns the requeue delay.
import { StatusError } from '../../api/errors.ts'
import type { TraceFn } from '../../context.ts'
import type { ApiServer } from '../../api/server.ts'
import type { CronJob, Job } from '../../api/types.ts'
import { CronError, loadLocation, parseStandardCached, quote, type Schedule, type Zone } from '../../cron/index.ts'
import type { EventRecorder } from '../../events/recorder.ts'
import { rfc3339 } from '../../kernel/time.ts'
import { cleanupFinishedJobs, deleteJob } from './cleanup.ts'
import { getJobFromTemplate2, getJobName, getRef } from './job-from-template.ts'
import { formatSchedule, nextScheduleTime, nextScheduleTimeDuration, SOURCE } from './schedule-utils.ts'
import { deleteFromActiveList, finishedCondition, inActiveList, inActiveListByName, isControlledBy, isJobSucceeded, statusOf, compareTimes, workingCopy, type WorkingCronJob } from './utils.ts'

export interface SyncDeps {
  api: ApiServer
  recorder: EventRecorder
  /** The timeline's record of ticks (created, skipped, replaced); optional. */
  trace?: TraceFn
  now(): number
  /** kube-controller-manager's zone: where schedules without a time zone run. */
  local: Zone
  /** Jobs whose controller reference names this CronJob (getJobsToBeReconciled). */
  jobsFor(cj: CronJob): Job[]
}

export interface SyncResult {
  /** ms until the next sync, or null for "only on the next change". */
  requeueAfter: number | null
  err?: Error
}

export function sync(deps: SyncDeps, namespace: string | undefined, name: string): SyncResult {
  const cj = deps.api.tryGet<CronJob>('CronJob', namespace, name)
  if (!cj) return { requeueAfter: null }
  const jobs = deps.jobsFor(cj)
  const copy = workingCopy(cj)
  const updateStatusAfterCleanup = cleanupFinishedJobs(deps, copy, jobs)
  const r = syncCronJob(deps, copy, jobs)
  if (updateStatusAfterCleanup || r.updateStatus) {
    try {
      deps.api.updateStatus(cj, statusOf(copy))
    } catch (e) {
      return { requeueAfter: null, err: asStatusError(e) }
    }
  }
  if (r.requeueAfter !== null) return { requeueAfter: r.requeueAfter }
  return { requeueAfter: null, err: r.err }
}

interface SyncCronJobResult {
  requeueAfter: number | null
  updateStatus: boolean
  err?: Error
}

interface SyncState {
  updateStatus: boolean
}

function done(state: SyncState, requeueAfter: number | null, err?: Error): SyncCronJobResult {
  return { requeueAfter, updateStatus: state.updateStatus, err }
}

export function syncCronJob(deps: SyncDeps, cj: WorkingCronJob, jobs: Job[]): SyncCronJobResult {
  const now = deps.now()
  const state: SyncState = { updateStatus: false }

  try {
    reconcileJobs(deps, cj, jobs, state)
  } catch (e) {
    return done(state, null, asStatusError(e))
  }
  // Being deleted: only the status is kept up to date.
  if (cj.metadata.deletionTimestamp) return done(state, null)

  const tz = cj.spec.timeZone
  if (tz !== undefined && tz !== null) {
    try {
      loadLocation(tz, deps.local)
    } catch (e) {
      deps.recorder.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${quote(tz)}: ${(e as Error).message}`, SOURCE)
      return done(state, null)
    }
  }
  if (cj.spec.suspend === true) return done(state, null)

  const sched = scheduleOf(deps, cj)
  if (sched instanceof CronError) {
    deps.recorder.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${quote(cj.spec.schedule ?? '')} : ${sched.message}`, SOURCE)
    return done(state, null)
  }

  const next = nextScheduleTime(cj, now, sched, deps.recorder)
  if (next.err) {
    deps.recorder.event(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec.schedule} : ${next.err}`, SOURCE)
    return done(state, null)
  }
  if (next.time === null) return done(state, nextScheduleTimeDuration(cj, now, sched))
  const scheduledTime = next.time
  // Upstream's tooLate check (MissSchedule) cannot fire: the deadline already moved
  // `earliest` past any time that is too late (research §3.5), so it is not modelled.

  const lastSchedule = cj.status.lastScheduleTime
  if ((cj.status.active.length > 0 && inActiveListByName(cj, getJobName(cj, scheduledTime), cj.metadata.namespace)) || (lastSchedule !== undefined && compareTimes(lastSchedule, rfc3339(scheduledTime)) === 0)) {
    return done(state, nextScheduleTimeDuration(cj, now, sched))
  }
  if (cj.spec.concurrencyPolicy === 'Forbid' && cj.status.active.length > 0) {
    deps.recorder.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', SOURCE)
    deps.trace?.('cronjob.skipped', cj, { scheduledTime })
    return done(state, nextScheduleTimeDuration(cj, now, sched))
  }
  if (cj.spec.concurrencyPolicy === 'Replace') {
    for (const ref of [...cj.status.active]) {
      let job: Job
      try {
        job = deps.api.get<Job>('Job', ref.namespace, ref.name ?? '')
      } catch (e) {
        const err = asStatusError(e)
        deps.recorder.event(cj, 'Warning', 'FailedGet', `Get job: ${err.message}`, SOURCE)
        return done(state, null, err)
      }
      if (!deleteJob(deps, cj, job)) return done(state, null, new Error(`could not replace job ${job.metadata.namespace}/${job.metadata.name}`))
      deps.trace?.('cronjob.replaced', cj, { job: job.metadata.name })
      state.updateStatus = true
    }
  }
  return createJob(deps, cj, scheduledTime, sched, now, state)
}

const parsedBySpec = new WeakMap<object, { local: Zone; sched: Schedule | CronError }>()

/**
 * cron.ParseStandard(formatSchedule(cj)), remembered per spec object: specs are immutable
 * and a status write keeps the same one, so steady-state syncs skip the string work.
 * The TZ-in-schedule warning is still recorded on every sync, as upstream does.
 */
function scheduleOf(deps: SyncDeps, cj: CronJob): Schedule | CronError {
  if ((cj.spec.schedule ?? '').includes('TZ')) formatSchedule(cj, deps.recorder)
  const hit = parsedBySpec.get(cj.spec)
  if (hit && hit.local === deps.local) return hit.sched
  let sched: Schedule | CronError
  try {
    sched = parseStandardCached(formatSchedule(cj, null), deps.local)
  } catch (e) {
    if (!(e instanceof CronError)) throw e
    sched = e
  }
  parsedBySpec.set(cj.spec, { local: deps.local, sched })
  return sched
}

/** The first half of syncCronJob: UnexpectedJob, SawCompletedJob, lastSuccessfulTime, MissingJob. */
function reconcileJobs(deps: SyncDeps, cj: WorkingCronJob, jobs: Job[], state: SyncState): void {
  for (const j of jobs) {
    const found = inActiveList(cj, j.metadata.uid)
    const finished = finishedCondition(j)
    if (!found && !finished) {
      // Upstream re-reads the CronJob in case its cached copy is stale; ours never is,
      // but the read keeps the same failure mode when the CronJob is gone.
      const fresh = deps.api.get<CronJob>('CronJob', cj.metadata.namespace, cj.metadata.name)
      if (inActiveList(fresh, j.metadata.uid)) continue
      deps.recorder.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`, SOURCE)
    } else if (finished) {
      if (found) {
        deleteFromActiveList(cj, j.metadata.uid)
        deps.recorder.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${finished}`, SOURCE)
        state.updateStatus = true
      }
      if (isJobSucceeded(j)) {
        const completion = j.status?.completionTime
        const last = cj.status.lastSuccessfulTime
        if (last === undefined) {
          if (completion !== undefined) cj.status.lastSuccessfulTime = completion
          state.updateStatus = true
        } else if (completion !== undefined && compareTimes(completion, last) > 0) {
          cj.status.lastSuccessfulTime = completion
          state.updateStatus = true
        }
      }
    }
  }
  // Active references whose Job is gone (deleted by hand, or by a TTL) are dropped.
  for (const ref of [...cj.status.active]) {
    if (listed(jobs, ref.uid)) continue
    if (!deps.api.tryGet('Job', ref.namespace, ref.name ?? '')) {
      deps.recorder.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`, SOURCE)
      deleteFromActiveList(cj, ref.uid)
      state.updateStatus = true
    }
  }
}

function listed(jobs: Job[], uid: string | undefined): boolean {
  for (const j of jobs) if (j.metadata.uid === uid) return true
  return false
}

/** Create the Job for `scheduledTime`; a name collision with our own Job repairs status.active. */
function createJob(deps: SyncDeps, cj: WorkingCronJob, scheduledTime: number, sched: Schedule, now: number, state: SyncState): SyncCronJobResult {
  let req: Job
  try {
    req = getJobFromTemplate2(cj, scheduledTime, deps.local)
  } catch (e) {
    return done(state, null, e as Error)
  }
  let job: Job
  let alreadyExists = false
  try {
    job = deps.api.create(req)
  } catch (e) {
    const err = asStatusError(e)
    if (err.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) return done(state, null, err)
    if (err.reason !== 'AlreadyExists') {
      deps.recorder.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${err.message}`, SOURCE)
      return done(state, null, err)
    }
    alreadyExists = true
    try {
      job = deps.api.get<Job>('Job', req.metadata.namespace, req.metadata.name)
    } catch (e2) {
      return done(state, null, asStatusError(e2))
    }
    // Someone else's Job (or one we already track): leave it alone, without a requeue.
    if (!isControlledBy(job, cj) || inActiveList(cj, job.metadata.uid)) return done(state, null)
  }
  if (!alreadyExists) {
    deps.recorder.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`, SOURCE)
    deps.trace?.('cronjob.created', cj, { job: job.metadata.name, scheduledTime })
  }
  cj.status.active.push(getRef(job))
  cj.status.lastScheduleTime = rfc3339(scheduledTime)
  state.updateStatus = true
  return done(state, nextScheduleTimeDuration(cj, now, sched))
}

function asStatusError(e: unknown): StatusError {
  if (e instanceof StatusError) return e
  throw e
}
