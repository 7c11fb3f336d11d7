// manageJob: bring the active pods to what the Job wants; deleting wins over creating, creates go out in slow-start
// batches (1, 2, 4 …, at most 500 a sync) once the pod-failure back-off is over. After k8s
// pkg/controller/job/job_controller.go (manageJob, deleteJobPods, activePodsForRemoval).
import type { Job, Pod, PodTemplateSpec } from '../../api/types.ts'
import { getRemainingTime, getRemainingTimePerIndex } from './backoff-utils.ts'
import {
  addCompletionIndexAnnotationAndLabel,
  addCompletionIndexEnvVariables,
  addIndexFailureCountAnnotation,
  appendDuplicatedIndexPodsForRemoval,
  firstPendingIndexes,
  podGenerateNameWithIndex,
  UNKNOWN_COMPLETION_INDEX,
} from './indexed-job-utils.ts'
import { appendJobCompletionFinalizerIfNotFound, isNotFound } from './pod-control.ts'
import type { JobControllerHandle, SyncJobCtx } from './types.ts'
import {
  DEFAULT_JOB_POD_FAILURE_BACKOFF,
  MAX_JOB_POD_FAILURE_BACKOFF,
  MAX_POD_CREATE_DELETE_PER_SYNC,
  deepCopy,
  hasBackoffLimitPerIndex,
  isIndexedJob,
  isPodReady,
  jobKey,
  jobSuspended,
  onlyReplaceFailedPods,
  sortActivePods,
} from './utils.ts'

/** Slow-start batches begin with one pod (controller.SlowStartInitialBatchSize). */
const SLOW_START_INITIAL_BATCH_SIZE = 1

export interface ManageJobResult {
  active: number
  err?: unknown
}

export function manageJob(jm: JobControllerHandle, job: Job, jobCtx: SyncJobCtx): ManageJobResult {
  let active = jobCtx.activePods.length
  const parallelism = job.spec.parallelism ?? 1
  const completions = job.spec.completions
  if (jobSuspended(job)) {
    const r = deleteJobPods(jm, job, activePodsForRemoval(job, jobCtx.activePods, active))
    jobCtx.terminating += r.removed
    jobCtx.ready -= r.removedReady
    return { active: active - r.removed, err: r.err }
  }

  let wantActive: number
  if (completions === undefined || completions === null) {
    // A work queue: once any pod succeeded, leave whatever runs running.
    wantActive = jobCtx.succeeded > 0 ? active : parallelism
  } else {
    wantActive = Math.max(0, Math.min(completions - jobCtx.succeeded, parallelism))
  }

  const rmAtLeast = Math.max(active - wantActive, 0)
  const toDelete = activePodsForRemoval(job, jobCtx.activePods, rmAtLeast).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC)
  if (toDelete.length > 0) {
    // Either delete or create in one sync, never both; deleting wins.
    const r = deleteJobPods(jm, job, toDelete)
    jobCtx.terminating += r.removed
    jobCtx.ready -= r.removedReady
    return { active: active - r.removed, err: r.err }
  }

  const terminating = onlyReplaceFailedPods(job) ? jobCtx.terminating : 0
  let diff = wantActive - terminating - active
  if (diff <= 0) return { active }

  const key = jobKey(job)
  const now = jm.now()
  // The real active count is reported while waiting: 1.33's hard-coded 0 was a
  // regression, fixed by k/k PR #139457 (cherry-picked to the 1.33 branch).
  if (!hasBackoffLimitPerIndex(job)) {
    const remaining = getRemainingTime(jobCtx.newBackoffRecord, now, DEFAULT_JOB_POD_FAILURE_BACKOFF, MAX_JOB_POD_FAILURE_BACKOFF)
    if (remaining > 0) {
      jm.enqueueSyncJobWithDelay(key, remaining)
      return { active }
    }
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC)

  let indexesToAdd: number[] = []
  if (isIndexedJob(job)) {
    indexesToAdd = firstPendingIndexes(jobCtx, diff, completions ?? 0)
    if (hasBackoffLimitPerIndex(job)) {
      const [ready, remaining] = getPodCreationInfoForIndependentIndexes(now, indexesToAdd, jobCtx.podsWithDelayedDeletionPerIndex)
      if (remaining > 0) {
        jm.enqueueSyncJobWithDelay(key, remaining)
        return { active }
      }
      indexesToAdd = ready
    }
    diff = indexesToAdd.length
  }
  return createPods(jm, job, jobCtx, diff, indexesToAdd, active)
}

/** Create `diff` pods in slow-start batches; a failing batch skips the rest until the next sync. */
function createPods(jm: JobControllerHandle, job: Job, jobCtx: SyncJobCtx, diff: number, indexesToAdd: number[], active: number): ManageJobResult {
  active += diff
  const template = deepCopy(job.spec.template)
  if (isIndexedJob(job)) addCompletionIndexEnvVariables(template)
  template.metadata = { ...template.metadata, finalizers: appendJobCompletionFinalizerIfNotFound(template.metadata?.finalizers) }
  const errors: unknown[] = []
  for (let batchSize = Math.min(diff, SLOW_START_INITIAL_BATCH_SIZE); diff > 0; batchSize = Math.min(2 * batchSize, diff)) {
    const errorsBefore = errors.length
    for (let i = 0; i < batchSize; i++) {
      const index = indexesToAdd.length ? indexesToAdd.shift()! : UNKNOWN_COMPLETION_INDEX
      try {
        createOnePod(jm, job, jobCtx, template, index)
      } catch (e) {
        active--
        errors.push(e)
      }
    }
    const skipped = diff - batchSize
    if (errors.length > errorsBefore && skipped > 0) {
      active -= skipped
      break
    }
    diff -= batchSize
  }
  return { active, err: errors[0] }
}

function createOnePod(jm: JobControllerHandle, job: Job, jobCtx: SyncJobCtx, template: PodTemplateSpec, index: number): void {
  const name = job.metadata.name
  if (index === UNKNOWN_COMPLETION_INDEX) {
    jm.podControl.createPod(job, template, name + '-')
    return
  }
  const t: PodTemplateSpec = { metadata: { ...template.metadata }, spec: { ...template.spec, hostname: `${name}-${index}` } }
  addCompletionIndexAnnotationAndLabel(t, index)
  if (hasBackoffLimitPerIndex(job)) addIndexFailureCountAnnotation(t, job, jobCtx.podsWithDelayedDeletionPerIndex?.get(index))
  jm.podControl.createPod(job, t, podGenerateNameWithIndex(name, index))
}

/** Remove the tracking finalizer first (so these pods are not counted as failed), then delete. */
function deleteJobPods(jm: JobControllerHandle, job: Job, pods: Pod[]): { removedReady: number; removed: number; err?: unknown } {
  let removed = pods.length, removedReady = 0
  let err: unknown
  const fail = (e: unknown) => {
    if (isNotFound(e)) return
    removed--
    err ??= e
  }
  for (const pod of pods) {
    try {
      jm.podControl.removeTrackingFinalizer(pod)
    } catch (e) {
      fail(e)
      continue
    }
    try {
      jm.podControl.deletePod(job, job.metadata.namespace ?? '', pod.metadata.name)
    } catch (e) {
      fail(e)
    }
    if (isPodReady(pod)) removedReady++
  }
  return { removedReady, removed, err }
}

/**
 * Pods to remove when there are too many: for Indexed Jobs first those without
 * a valid index and duplicates of an index, then the least progressed ones.
 */
export function activePodsForRemoval(job: Job, pods: Pod[], rmAtLeast: number): Pod[] {
  let rm: Pod[] = [], left: Pod[]
  if (isIndexedJob(job)) ({ rm, left } = appendDuplicatedIndexPodsForRemoval(pods, job.spec.completions ?? 0))
  else left = [...pods]
  if (rm.length < rmAtLeast) {
    sortActivePods(left)
    rm = [...rm, ...left.slice(0, rmAtLeast - rm.length)]
  }
  return rm
}

/** The indexes whose per-index back-off is over, or none and the shortest remaining wait. */
function getPodCreationInfoForIndependentIndexes(now: number, indexes: number[], delayed: Map<number, Pod> | undefined): [number[], number] {
  const ready: number[] = []
  let minRemaining: number | undefined
  for (const ix of indexes) {
    const r = getRemainingTimePerIndex(now, DEFAULT_JOB_POD_FAILURE_BACKOFF, MAX_JOB_POD_FAILURE_BACKOFF, delayed?.get(ix))
    if (r === 0) ready.push(ix)
    else if (minRemaining === undefined || r < minRemaining) minRemaining = r
  }
  return ready.length ? [ready, 0] : [ready, minRemaining ?? 0]
}
