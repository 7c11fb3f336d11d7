// Counting finished pods exactly once: stage them in .status.uncountedTerminatedPods, remove their finalizers, then
// add them to the counters; Complete/Failed once nothing is terminating. After k8s pkg/controller/job/job_controller.go
// (trackJobStatusAndRemoveFinalizers, flushUncountedAndRemoveFinalizers, enactJobFinished).
import type { Job, JobCondition, JobStatus, Pod } from '../../api/types.ts'
import { byCompletionIndex, getCompletionIndex, has, intervalsString, total, UNKNOWN_COMPLETION_INDEX, withOrderedIndexes } from './indexed-job-utils.ts'
import { isNotFound } from './pod-control.ts'
import { matchPodFailurePolicy } from './pod-failure-policy.ts'
import { hasSuccessCriteriaMetCondition, isSuccessCriteriaMetCondition } from './success-policy.ts'
import type { JobControllerHandle, SyncJobCtx } from './types.ts'
import { CONTROLLER_COMPONENT, MAX_UNCOUNTED_PODS, hasBackoffLimitPerIndex, hasJobTrackingFinalizer, isIndexedJob, isPodFailed } from './utils.ts'
import { ensureJobConditionStatus, newCondition, serializeJobStatus, workingCopy } from './job-status.ts'

type Status = JobStatus & { uncountedTerminatedPods: { succeeded: string[]; failed: string[] } }

export function trackJobStatusAndRemoveFinalizers(jm: JobControllerHandle, jobCtx: SyncJobCtx, needsFlush: boolean): void {
  const job = jobCtx.job
  const status = job.status as Status
  const isIndexed = isIndexedJob(job)
  const completions = job.spec.completions ?? 0
  const uncounted = status.uncountedTerminatedPods
  const newSucceededIndexes: number[] = []
  if (isIndexed) {
    byCompletionIndex(jobCtx.pods)
    // A stable sort: the tracked pods keep the same order as they have among all pods.
    byCompletionIndex(jobCtx.tracked)
  }
  const uidsWithFinalizer = new Set<string>()
  for (const p of jobCtx.tracked) uidsWithFinalizer.add(p.metadata.uid)

  if (cleanUncountedPodsWithoutFinalizers(status, uidsWithFinalizer)) needsFlush = true
  const podsToRemoveFinalizer: Pod[] = []
  let reachedMaxUncountedPods = false
  for (const pod of jobCtx.tracked) {
    if (!hasJobTrackingFinalizer(pod)) continue
    const uid = pod.metadata.uid
    const considerPodFailed = isPodFailed(pod, job)
    if (!canRemoveFinalizer(jobCtx, pod, considerPodFailed)) continue
    podsToRemoveFinalizer.push(pod)
    if (pod.status?.phase === 'Succeeded' && !jobCtx.uncounted.failed.has(uid)) {
      if (isIndexed) {
        // The completion index is enough to avoid counting twice.
        const ix = getCompletionIndex(pod.metadata.annotations)
        if (ix !== UNKNOWN_COMPLETION_INDEX && ix < completions && !has(jobCtx.prevSucceededIndexes, ix)) {
          newSucceededIndexes.push(ix)
          needsFlush = true
        }
      } else if (!jobCtx.uncounted.succeeded.has(uid)) {
        needsFlush = true
        uncounted.succeeded.push(uid)
      }
    } else if (considerPodFailed || (jobCtx.finishedCondition && !isSuccessCriteriaMetCondition(jobCtx.finishedCondition))) {
      // Once the Job is decided failed, every unfinished pod counts as failed.
      const ix = getCompletionIndex(pod.metadata.annotations)
      const validIndex = !isIndexed || (ix !== UNKNOWN_COMPLETION_INDEX && ix < completions)
      if (!jobCtx.uncounted.failed.has(uid) && validIndex) {
        if (!job.spec.podFailurePolicy || matchPodFailurePolicy(job.spec.podFailurePolicy, pod).countFailed) {
          needsFlush = true
          uncounted.failed.push(uid)
        }
      }
    }
    if (newSucceededIndexes.length + uncounted.succeeded.length + uncounted.failed.length >= MAX_UNCOUNTED_PODS) {
      // The rest waits for the next sync, which the status and pod updates trigger.
      reachedMaxUncountedPods = true
      break
    }
  }
  if (isIndexed) {
    jobCtx.succeededIndexes = withOrderedIndexes(jobCtx.succeededIndexes, [...newSucceededIndexes].sort((a, b) => a - b))
    const s = intervalsString(jobCtx.succeededIndexes)
    if (s !== (status.completedIndexes ?? '')) needsFlush = true
    status.succeeded = total(jobCtx.succeededIndexes)
    status.completedIndexes = s
    const failedStr = jobCtx.failedIndexes ? intervalsString(jobCtx.failedIndexes) : undefined
    if (failedStr !== status.failedIndexes) {
      status.failedIndexes = failedStr
      needsFlush = true
    }
  }
  const cond = jobCtx.finishedCondition
  if (cond && cond.type === 'FailureTarget') {
    // The interim condition is written before any finalizer goes, so the reason survives.
    status.conditions = [...(status.conditions ?? []), cond]
    needsFlush = true
    jobCtx.finishedCondition = newCondition('Failed', 'True', cond.reason ?? '', cond.message ?? '', jm.now())
  }
  if (isSuccessCriteriaMetCondition(jobCtx.finishedCondition)) {
    const c = jobCtx.finishedCondition!
    if (!hasSuccessCriteriaMetCondition(job)) {
      status.conditions = [...(status.conditions ?? []), c]
      needsFlush = true
    }
    jobCtx.finishedCondition = newCondition('Complete', 'True', c.reason ?? '', c.message ?? '', jm.now())
  }
  needsFlush = flushUncountedAndRemoveFinalizers(jm, jobCtx, podsToRemoveFinalizer, uidsWithFinalizer, needsFlush)
  const jobFinished = !reachedMaxUncountedPods && enactJobFinished(jm, jobCtx)
  if (jobFinished) needsFlush = true
  if (needsFlush) {
    writeStatus(jm, jobCtx)
    if (jobFinished) recordJobFinished(jm, jobCtx.job, jobCtx.finishedCondition!)
  }
}

/**
 * A finalizer can go when the Job is being deleted or is finishing, the pod
 * succeeded, or it failed (unless, with backoffLimitPerIndex, it must wait for
 * its replacement to carry its failure count).
 */
function canRemoveFinalizer(jobCtx: SyncJobCtx, pod: Pod, considerPodFailed: boolean): boolean {
  if (jobCtx.job.metadata.deletionTimestamp || jobCtx.finishedCondition || pod.status?.phase === 'Succeeded') return true
  if (!considerPodFailed) return false
  if (hasBackoffLimitPerIndex(jobCtx.job)) {
    const ix = getCompletionIndex(pod.metadata.annotations)
    if (ix !== UNKNOWN_COMPLETION_INDEX && jobCtx.podsWithDelayedDeletionPerIndex?.get(ix)?.metadata.uid === pod.metadata.uid) return false
  }
  return true
}

/** Write the staged status, remove the finalizers, then fold what was removed into the counters. */
function flushUncountedAndRemoveFinalizers(jm: JobControllerHandle, jobCtx: SyncJobCtx, pods: Pod[], uidsWithFinalizer: Set<string>, needsFlush: boolean): boolean {
  if (needsFlush) {
    writeStatus(jm, jobCtx)
    jm.podBackoffStore.updateBackoffRecord(jobCtx.newBackoffRecord)
    needsFlush = false
  }
  let rmErr: unknown
  for (const pod of pods) {
    try {
      jm.podControl.removeTrackingFinalizer(pod)
    } catch (e) {
      // A pod already gone has no finalizer left to remove.
      if (!isNotFound(e)) {
        rmErr ??= e
        continue
      }
    }
    uidsWithFinalizer.delete(pod.metadata.uid)
  }
  if (cleanUncountedPodsWithoutFinalizers(jobCtx.job.status as Status, uidsWithFinalizer)) needsFlush = true
  if (rmErr) {
    if (needsFlush) writeStatus(jm, jobCtx)
    throw rmErr
  }
  return needsFlush
}

/** Drop uncounted UIDs whose finalizer is gone and add them to succeeded/failed. */
function cleanUncountedPodsWithoutFinalizers(status: Status, uidsWithFinalizer: Set<string>): boolean {
  let updated = false
  const u = status.uncountedTerminatedPods
  const succeeded = u.succeeded.filter((uid) => uidsWithFinalizer.has(uid))
  if (succeeded.length !== u.succeeded.length) {
    updated = true
    status.succeeded = (status.succeeded ?? 0) + u.succeeded.length - succeeded.length
    u.succeeded = succeeded
  }
  const failed = u.failed.filter((uid) => uidsWithFinalizer.has(uid))
  if (failed.length !== u.failed.length) {
    updated = true
    status.failed = (status.failed ?? 0) + u.failed.length - failed.length
    u.failed = failed
  }
  return updated
}

/** Set Complete or Failed, unless pods are still uncounted or terminating. */
function enactJobFinished(jm: JobControllerHandle, jobCtx: SyncJobCtx): boolean {
  const cond = jobCtx.finishedCondition
  if (!cond) return false
  const status = jobCtx.job.status as Status
  if (status.uncountedTerminatedPods.succeeded.length + status.uncountedTerminatedPods.failed.length > 0) return false
  if (jobCtx.terminating > 0) return false
  const now = jm.now()
  ensureJobConditionStatus(status, cond.type, cond.status, cond.reason ?? '', cond.message ?? '', now)
  if (cond.type === 'Complete') status.completionTime = cond.lastTransitionTime
  return true
}

function recordJobFinished(jm: JobControllerHandle, job: Job, cond: JobCondition): void {
  if (cond.type === 'Complete') {
    const completions = job.spec.completions
    if (completions !== undefined && completions !== null && (job.status.succeeded ?? 0) > completions) {
      jm.ctx.recorder.event(job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached', CONTROLLER_COMPONENT)
    }
    jm.ctx.recorder.event(job, 'Normal', 'Completed', 'Job completed', CONTROLLER_COMPONENT)
  } else {
    jm.ctx.recorder.event(job, 'Warning', cond.reason ?? '', cond.message ?? '', CONTROLLER_COMPONENT)
  }
}

/** UpdateStatus, then keep working on (a mutable copy of) what the API stored. */
function writeStatus(jm: JobControllerHandle, jobCtx: SyncJobCtx): void {
  const stored = jm.ctx.api.updateStatus(jobCtx.job, serializeJobStatus(jobCtx.job.status))
  jobCtx.job = workingCopy(stored)
}
