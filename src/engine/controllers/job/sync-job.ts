// syncJob, one pass over a Job in upstream's order: count finished pods, decide a terminal condition (failure target,
// pod failure policy, backoff limit, deadline, indexes, success policy), remove or manage pods, track the status.
// After k8s pkg/controller/job/job_controller.go (syncJob, deleteActivePods, pastBackoffLimitOnFailure …).
import { rfc3339 } from '../../kernel/time.ts'
import type { Job, JobCondition, JobStatus, Pod } from '../../api/types.ts'
import { isNotFound } from './pod-control.ts'
import { matchPodFailurePolicy } from './pod-failure-policy.ts'
import {
  calculateFailedIndexes,
  calculateSucceededIndexes,
  getCompletionIndex,
  getIndexAbsoluteFailureCount,
  getIndexes,
  has,
  total,
  UNKNOWN_COMPLETION_INDEX,
} from './indexed-job-utils.ts'
import { getFinishedTime } from './backoff-utils.ts'
import { ensureJobConditionStatus, newCondition, workingCopy } from './job-status.ts'
import { manageJob } from './manage-job.ts'
import { hasSuccessCriteriaMetCondition, matchSuccessPolicy } from './success-policy.ts'
import { trackJobStatusAndRemoveFinalizers } from './tracking.ts'
import type { JobControllerHandle, SyncJobCtx, UncountedTerminatedPods } from './types.ts'
import {
  CONTROLLER_COMPONENT,
  findConditionByType,
  hasBackoffLimitPerIndex,
  hasJobTrackingFinalizer,
  isIndexedJob,
  isJobFinished,
  isPodActive,
  isPodFailed,
  isPodReady,
  isPodTerminating,
  jobSuspended,
  managedByExternalController,
  splitKey,
  timeMs,
} from './utils.ts'

export function syncJob(jm: JobControllerHandle, key: string, pods: (job: Job) => Pod[]): void {
  const [ns, name] = splitKey(key)
  const shared = jm.ctx.store.get<Job>('Job', ns, name)
  if (!shared) {
    jm.podBackoffStore.removeBackoffRecord(key)
    return
  }
  if (managedByExternalController(shared)) return
  if (isJobFinished(shared)) {
    jm.podBackoffStore.removeBackoffRecord(key)
    return
  }
  const mode = shared.spec.completionMode
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
    jm.ctx.recorder.event(shared, 'Warning', 'UnknownCompletionMode', 'Skipped Job sync because completion mode is unknown', CONTROLLER_COMPONENT)
    return
  }
  const job = workingCopy(shared)
  const status = job.status
  const now = jm.now()
  const jobPods = pods(job)
  // One pass over the pods (a Job keeps its finished pods: thousands, each a cache miss) for what every later pass needs.
  const activePods: Pod[] = []
  const tracked: Pod[] = []
  let ready = 0
  let terminating = 0
  for (const p of jobPods) {
    if (isPodActive(p)) {
      activePods.push(p)
      if (isPodReady(p)) ready++
    } else if (isPodTerminating(p)) terminating++
    if (hasJobTrackingFinalizer(p)) tracked.push(p)
  }
  const jobCtx: SyncJobCtx = {
    job,
    pods: jobPods,
    tracked,
    activePods,
    ready,
    uncounted: newUncountedTerminatedPods(status),
    terminating,
    succeeded: 0,
    failed: 0,
    prevSucceededIndexes: [],
    succeededIndexes: [],
    newBackoffRecord: { key, failuresAfterLastSuccess: 0 },
  }
  let active = activePods.length
  const [newSucceededPods, newFailedPods] = getNewFinishedPods(jobCtx)
  jobCtx.succeeded = (status.succeeded ?? 0) + newSucceededPods.length + jobCtx.uncounted.succeeded.size
  jobCtx.failed = (status.failed ?? 0) + nonIgnoredFailedPodsCount(job, newFailedPods) + jobCtx.uncounted.failed.size

  // Measured from the stored (whole-second) start time, or from now on the first start.
  let startTimeMs = timeMs(status.startTime)
  if (!status.startTime && !jobSuspended(job)) {
    status.startTime = rfc3339(now)
    startTimeMs = now
  }
  jobCtx.newBackoffRecord = jm.podBackoffStore.newBackoffRecord(key, newSucceededPods, newFailedPods)

  decideTerminalCondition(jm, jobCtx, key, now, startTimeMs)
  if (isIndexedJob(job)) decideIndexedConditions(jobCtx, now)

  let suspendCondChanged = false
  let manageJobErr: unknown
  if (jobCtx.finishedCondition) {
    const r = deleteActivePods(jm, job, jobCtx.activePods)
    // A deletion that failed means there are still pods to account for.
    if (r.deleted !== active) jobCtx.finishedCondition = undefined
    active -= r.deleted
    jobCtx.terminating += r.deleted
    jobCtx.ready -= r.deletedReady
    manageJobErr = r.err
  } else {
    let manageJobCalled = false
    if (!job.metadata.deletionTimestamp) {
      const r = manageJob(jm, job, jobCtx)
      active = r.active
      manageJobErr = r.err
      manageJobCalled = true
    }
    const completions = job.spec.completions
    const complete = completions === undefined || completions === null ? jobCtx.succeeded > 0 && active === 0 : jobCtx.succeeded >= completions && active === 0
    if (complete) jobCtx.finishedCondition = newSuccessCondition(now)
    else if (manageJobCalled) suspendCondChanged = updateSuspendCondition(jm, job, now)
  }

  const needsStatusUpdate = suspendCondChanged || active !== (status.active ?? 0) || jobCtx.ready !== status.ready || jobCtx.terminating !== status.terminating
  status.active = active
  status.ready = jobCtx.ready
  status.terminating = jobCtx.terminating
  trackJobStatusAndRemoveFinalizers(jm, jobCtx, needsStatusUpdate)
  if (manageJobErr) throw manageJobErr
}

/** Failure target, FailJob rule, backoff limit or deadline, in that order; else arm the deadline timer. */
function decideTerminalCondition(jm: JobControllerHandle, jobCtx: SyncJobCtx, key: string, now: number, startTimeMs: number): void {
  const job = jobCtx.job
  jobCtx.finishedCondition = hasSuccessCriteriaMetCondition(job)
  if (!jobCtx.finishedCondition) {
    const target = findConditionByType(job.status.conditions, 'FailureTarget')
    if (target && target.status === 'True') {
      jobCtx.finishedCondition = newCondition('Failed', 'True', target.reason ?? '', target.message ?? '', now)
    } else {
      const msg = getFailJobMessage(job, jobCtx.pods)
      if (msg !== undefined) jobCtx.finishedCondition = newCondition('FailureTarget', 'True', 'PodFailurePolicy', msg, now)
    }
  }
  if (jobCtx.finishedCondition) return
  const backoffLimit = job.spec.backoffLimit ?? 6
  const ads = job.spec.activeDeadlineSeconds
  if (jobCtx.failed > backoffLimit || pastBackoffLimitOnFailure(job, jobCtx.pods)) {
    jobCtx.finishedCondition = newFailureCondition('BackoffLimitExceeded', 'Job has reached the specified backoff limit', now)
  } else if (pastActiveDeadline(job, now, startTimeMs)) {
    jobCtx.finishedCondition = newFailureCondition('DeadlineExceeded', 'Job was active longer than specified deadline', now)
  } else if (ads !== undefined && ads !== null && !jobSuspended(job)) {
    jm.addAfter(key, ads * 1000 - (now - startTimeMs))
  }
}

/** Indexed Jobs: succeeded and failed indexes, the per-index limits and the success policy. */
function decideIndexedConditions(jobCtx: SyncJobCtx, now: number): void {
  const job = jobCtx.job
  const completions = job.spec.completions ?? 0
  ;[jobCtx.prevSucceededIndexes, jobCtx.succeededIndexes] = calculateSucceededIndexes(job, jobCtx.pods)
  jobCtx.succeeded = total(jobCtx.succeededIndexes)
  if (hasBackoffLimitPerIndex(job)) {
    jobCtx.failedIndexes = calculateFailedIndexes(job, jobCtx.pods)
    if (!jobCtx.finishedCondition) {
      const failed = total(jobCtx.failedIndexes)
      const max = job.spec.maxFailedIndexes
      if (max !== undefined && max !== null && failed > max) {
        jobCtx.finishedCondition = newFailureCondition('MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes', now)
      } else if (failed > 0 && failed + total(jobCtx.succeededIndexes) >= completions) {
        jobCtx.finishedCondition = newFailureCondition('FailedIndexes', 'Job has failed indexes', now)
      }
    }
    jobCtx.podsWithDelayedDeletionPerIndex = getPodsWithDelayedDeletionPerIndex(jobCtx)
  }
  if (!jobCtx.finishedCondition) {
    const msg = matchSuccessPolicy(job.spec.successPolicy, completions, jobCtx.succeededIndexes)
    if (msg !== undefined) jobCtx.finishedCondition = newCondition('SuccessCriteriaMet', 'True', 'SuccessPolicy', msg, now)
  }
}

/** Suspended=True (event Suspended) or, once resumed, Suspended=False (event Resumed, start time reset). */
function updateSuspendCondition(jm: JobControllerHandle, job: Job, now: number): boolean {
  const status = job.status
  if (jobSuspended(job)) {
    const changed = ensureJobConditionStatus(status, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now)
    if (changed) jm.ctx.recorder.event(job, 'Normal', 'Suspended', 'Job suspended', CONTROLLER_COMPONENT)
    return changed
  }
  const changed = ensureJobConditionStatus(status, 'Suspended', 'False', 'JobResumed', 'Job resumed', now)
  if (changed) {
    jm.ctx.recorder.event(job, 'Normal', 'Resumed', 'Job resumed', CONTROLLER_COMPONENT)
    // ActiveDeadlineSeconds counts the time the Job is continuously active.
    status.startTime = rfc3339(now)
  }
  return changed
}

function newUncountedTerminatedPods(status: JobStatus): UncountedTerminatedPods {
  const u = status.uncountedTerminatedPods ?? {}
  return { succeeded: new Set(u.succeeded ?? []), failed: new Set(u.failed ?? []) }
}

/** FailureTarget first: Failed follows once no pod is terminating (delayTerminalCondition, on since 1.31). */
function newFailureCondition(reason: string, message: string, now: number): JobCondition {
  return newCondition('FailureTarget', 'True', reason, message, now)
}

/** SuccessCriteriaMet first, then Complete; reason CompletionsReached with JobSuccessPolicy (GA in 1.33). */
function newSuccessCondition(now: number): JobCondition {
  return newCondition('SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods', now)
}

/** Delete every active pod, keeping its finalizer so it is counted as failed. */
function deleteActivePods(jm: JobControllerHandle, job: Job, pods: Pod[]): { deletedReady: number; deleted: number; err?: unknown } {
  let deleted = pods.length, deletedReady = 0
  let err: unknown
  for (const pod of pods) {
    try {
      jm.podControl.deletePod(job, job.metadata.namespace ?? '', pod.metadata.name)
    } catch (e) {
      if (!isNotFound(e)) {
        deleted--
        err ??= e
      }
    }
    if (isPodReady(pod)) deletedReady++
  }
  return { deletedReady, deleted, err }
}

function nonIgnoredFailedPodsCount(job: Job, failed: Pod[]): number {
  if (!job.spec.podFailurePolicy) return failed.length
  return failed.filter((p) => matchPodFailurePolicy(job.spec.podFailurePolicy, p).countFailed).length
}

/** OnFailure: the restarts of all containers of Pending and Running pods reach backoffLimit (any restart when it is 0). */
export function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec.template?.spec?.restartPolicy !== 'OnFailure') return false
  let restarts = 0
  for (const p of pods) {
    const phase = p.status?.phase
    if (phase !== 'Running' && phase !== 'Pending') continue
    for (const c of p.status.initContainerStatuses ?? []) restarts += c.restartCount ?? 0
    for (const c of p.status.containerStatuses ?? []) restarts += c.restartCount ?? 0
  }
  const limit = job.spec.backoffLimit ?? 6
  return limit === 0 ? restarts > 0 : restarts >= limit
}

/** now − startTime >= activeDeadlineSeconds; never while suspended. */
export function pastActiveDeadline(job: Job, now: number, startTimeMs: number): boolean {
  const ads = job.spec.activeDeadlineSeconds
  if (ads === undefined || ads === null || Number.isNaN(startTimeMs) || jobSuspended(job)) return false
  return now - startTimeMs >= ads * 1000
}

function getFailJobMessage(job: Job, pods: Pod[]): string | undefined {
  if (!job.spec.podFailurePolicy) return undefined
  for (const p of pods) {
    if (!isPodFailed(p, job)) continue
    const m = matchPodFailurePolicy(job.spec.podFailurePolicy, p)
    if (m.failJobMessage !== undefined) return m.failJobMessage
  }
  return undefined
}

/** Finished pods not yet counted: they still carry the tracking finalizer and are not in the uncounted lists. */
export function getNewFinishedPods(jobCtx: SyncJobCtx): [Pod[], Pod[]] {
  return [
    getValidPodsWithFilter(jobCtx, jobCtx.uncounted.succeeded, (p) => p.status?.phase === 'Succeeded'),
    getValidPodsWithFilter(jobCtx, jobCtx.uncounted.failed, (p) => isPodFailed(p, jobCtx.job)),
  ]
}

export function getValidPodsWithFilter(jobCtx: SyncJobCtx, uncounted: Set<string> | undefined, filter: (p: Pod) => boolean): Pod[] {
  const job = jobCtx.job
  const out: Pod[] = []
  for (const p of jobCtx.tracked) {
    if (!hasJobTrackingFinalizer(p) || uncounted?.has(p.metadata.uid)) continue
    if (isIndexedJob(job)) {
      const ix = getCompletionIndex(p.metadata.annotations)
      if (ix === UNKNOWN_COMPLETION_INDEX || ix >= (job.spec.completions ?? 0)) continue
    }
    if (filter(p)) out.push(p)
  }
  return out
}

/**
 * With backoffLimitPerIndex, the last failed pod of an index that is neither
 * done nor running keeps its finalizer until the replacement exists, so the
 * replacement can carry the failure count forward.
 */
function getPodsWithDelayedDeletionPerIndex(jobCtx: SyncJobCtx): Map<number, Pod> {
  const activeIndexes = getIndexes(jobCtx.activePods)
  const out = new Map<number, Pod>()
  getValidPodsWithFilter(jobCtx, undefined, (p) => {
    if (!isPodFailed(p, jobCtx.job)) return false
    const ix = getCompletionIndex(p.metadata.annotations)
    if (ix === UNKNOWN_COMPLETION_INDEX || ix >= (jobCtx.job.spec.completions ?? 0)) return false
    if (has(jobCtx.succeededIndexes, ix) || has(jobCtx.failedIndexes, ix) || activeIndexes.has(ix)) return false
    const last = out.get(ix)
    if (!last || (getIndexAbsoluteFailureCount(last) <= getIndexAbsoluteFailureCount(p) && !(getFinishedTime(p) < getFinishedTime(last)))) out.set(ix, p)
    return false
  })
  return out
}
