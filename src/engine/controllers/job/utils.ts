// Constants and small predicates the Job controller files share, after
// k8s pkg/controller/job/job_controller.go (timing constants), pkg/controller/job/util/utils.go
// and pkg/controller/controller_utils.go (IsPodActive, IsPodTerminating, ActivePods order).
import { parseTime } from '../../kernel/time.ts'
import type { Job, JobCondition, KObject, OwnerReference, Pod } from '../../api/types.ts'

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking'
export const JOB_COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index'
export const JOB_INDEX_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-failure-count'
export const JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-ignored-failure-count'
export const JOB_CONTROLLER_NAME = 'kubernetes.io/job-controller'
export const CONTROLLER_COMPONENT = { component: 'job-controller' }

/** Pod events and status-only Job updates are batched (syncJobBatchPeriod). */
export const SYNC_JOB_BATCH_PERIOD = 1000
/** Requeue after a failed sync: 1 s doubling to 1 min (DefaultJobApiBackOff, MaxJobApiBackOff). */
export const DEFAULT_JOB_API_BACKOFF = 1000
export const MAX_JOB_API_BACKOFF = 60_000
/** Pod-recreation delay after failures: 10 s doubling to 10 min. */
export const DEFAULT_JOB_POD_FAILURE_BACKOFF = 10_000
export const MAX_JOB_POD_FAILURE_BACKOFF = 600_000
export const MAX_UNCOUNTED_PODS = 500
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500

export function jobKey(obj: KObject): string {
  return (obj.metadata.namespace ?? '') + '/' + obj.metadata.name
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/')
  return [key.slice(0, i), key.slice(i + 1)]
}

export function findConditionByType(list: JobCondition[] | undefined, type: JobCondition['type']): JobCondition | undefined {
  return list?.find((c) => c.type === type)
}

/** pkg/controller/job/util IsJobFinished: a Complete or Failed condition that is True. */
export function isJobFinished(job: Job): boolean {
  return (job.status?.conditions ?? []).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
}

export function jobSuspended(job: Job): boolean {
  return job.spec.suspend === true
}

export function isIndexedJob(job: Job): boolean {
  return job.spec.completionMode === 'Indexed'
}

export function hasBackoffLimitPerIndex(job: Job): boolean {
  return job.spec.backoffLimitPerIndex !== undefined && job.spec.backoffLimitPerIndex !== null
}

/** Replacement waits for phase Failed (podReplacementPolicy Failed, or any podFailurePolicy). */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec.podReplacementPolicy === 'Failed' || !!job.spec.podFailurePolicy
}

export function managedByExternalController(job: Job): string | undefined {
  const m = job.spec.managedBy
  return m && m !== JOB_CONTROLLER_NAME ? m : undefined
}

export function hasJobTrackingFinalizer(pod: KObject): boolean {
  return pod.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER) ?? false
}

export function podPhase(pod: Pod): string {
  return pod.status?.phase ?? ''
}

function isPodTerminal(pod: Pod): boolean {
  const p = podPhase(pod)
  return p === 'Succeeded' || p === 'Failed'
}

/** controller.IsPodActive: not terminal and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !pod.metadata.deletionTimestamp
}

/** controller.IsPodTerminating: being deleted but not yet terminal. */
export function isPodTerminating(pod: Pod): boolean {
  return !isPodTerminal(pod) && !!pod.metadata.deletionTimestamp
}

export function isPodReady(pod: Pod): boolean {
  const cs = pod.status?.conditions
  if (cs) for (let i = 0; i < cs.length; i++) if (cs[i].type === 'Ready' && cs[i].status === 'True') return true
  return false
}

/** JC isPodFailed: phase Failed, or being deleted when terminating pods count as failed. */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (podPhase(pod) === 'Failed') return true
  if (onlyReplaceFailedPods(job)) return false
  return !!pod.metadata.deletionTimestamp && podPhase(pod) !== 'Succeeded'
}

export function getControllerOf(obj: KObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true)
}

let lastTime = ''
let lastTimeMs = NaN

/** Milliseconds of an API timestamp; NaN when absent or malformed. Runs of the same second are common, so the last one is cached. */
export function timeMs(s: string | null | undefined): number {
  if (!s) return NaN
  if (s !== lastTime) {
    lastTime = s
    lastTimeMs = parseTime(s)
  }
  return lastTimeMs
}

function readyTime(pod: Pod): number {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True')
  return c ? timeMs(c.lastTransitionTime) : NaN
}

function maxContainerRestarts(pod: Pod): number {
  let max = 0
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount ?? 0)
  return max
}

/** afterOrZero: a missing time sorts first, otherwise the later time first. */
function afterOrZero(t1: number, t2: number): boolean {
  if (Number.isNaN(t1) || Number.isNaN(t2)) return Number.isNaN(t1)
  return t1 > t2
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }

/** controller.ActivePods Less: the pods least worth keeping sort first (deleted first). */
export function activePodsLess(a: Pod, b: Pod): boolean {
  const na = a.spec.nodeName ?? '', nb = b.spec.nodeName ?? ''
  if (na !== nb && (na === '' || nb === '')) return na === ''
  const pa = PHASE_ORDINAL[podPhase(a)] ?? 0, pb = PHASE_ORDINAL[podPhase(b)] ?? 0
  if (pa !== pb) return pa < pb
  const ra = isPodReady(a), rb = isPodReady(b)
  if (ra !== rb) return !ra
  if (ra && rb) {
    const ta = readyTime(a), tb = readyTime(b)
    if (ta !== tb && !(Number.isNaN(ta) && Number.isNaN(tb))) return afterOrZero(ta, tb)
  }
  const ca = maxContainerRestarts(a), cb = maxContainerRestarts(b)
  if (ca !== cb) return ca > cb
  const ka = timeMs(a.metadata.creationTimestamp), kb = timeMs(b.metadata.creationTimestamp)
  if (ka !== kb && !(Number.isNaN(ka) && Number.isNaN(kb))) return afterOrZero(ka, kb)
  return false
}

export function sortActivePods(pods: Pod[]): Pod[] {
  return pods.sort((a, b) => (activePodsLess(a, b) ? -1 : activePodsLess(b, a) ? 1 : 0))
}

/** A deep copy of plain JSON-shaped data (API objects), cheaper than a JSON round trip. */
export function deepCopy<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(deepCopy) as T
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v)) out[k] = deepCopy((v as Record<string, unknown>)[k])
  return out as T
}
