// Pod-recreation back-off: failures since the last success and the time of
// the latest one, per Job, and the 10 s doubling (10 min cap) delay they give,
// after k8s pkg/controller/job/backoff_utils.go (and its test TestGetFinishedTime).
import type { ContainerStatus, Pod } from '../../api/types.ts'
import { getIndexAbsoluteFailureCount } from './indexed-job-utils.ts'
import { timeMs } from './utils.ts'

export interface BackoffRecord {
  key: string
  failuresAfterLastSuccess: number
  /** ms; undefined when no failure counts. */
  lastFailureTime?: number
}

export class BackoffStore {
  private records = new Map<string, BackoffRecord>()

  updateBackoffRecord(r: BackoffRecord): void {
    this.records.set(r.key, { ...r })
  }

  removeBackoffRecord(key: string): void {
    this.records.delete(key)
  }

  get(key: string): BackoffRecord | undefined {
    return this.records.get(key)
  }

  /** The record this sync would write: new failures add up, a new success resets. */
  newBackoffRecord(key: string, newSucceeded: Pod[], newFailed: Pod[]): BackoffRecord {
    const old = this.records.get(key)
    const b: BackoffRecord = old ? { ...old } : { key, failuresAfterLastSuccess: 0 }
    if (!newSucceeded.length && !newFailed.length) return b
    const succeeded = sortByFinishedTime(newSucceeded)
    const failed = sortByFinishedTime(newFailed)
    if (succeeded.length === 0) {
      if (failed.length === 0) return b
      b.failuresAfterLastSuccess += failed.length
      b.lastFailureTime = getFinishedTime(failed[failed.length - 1])
      return b
    }
    b.failuresAfterLastSuccess = 0
    b.lastFailureTime = undefined
    const lastSuccess = getFinishedTime(succeeded[succeeded.length - 1])
    for (let i = failed.length - 1; i >= 0; i--) {
      const t = getFinishedTime(failed[i])
      if (!(t > lastSuccess)) break
      if (b.lastFailureTime === undefined) b.lastFailureTime = t
      b.failuresAfterLastSuccess++
    }
    return b
  }
}

function sortByFinishedTime(pods: Pod[]): Pod[] {
  if (pods.length < 2) return pods
  const t = new Map(pods.map((p) => [p, getFinishedTime(p)]))
  return [...pods].sort((a, b) => t.get(a)! - t.get(b)!)
}

/**
 * When a pod finished: the latest container finishedAt if every container
 * terminated; else the Ready=False transition; else deletionTimestamp minus
 * the grace period; else the creation time.
 */
export function getFinishedTime(p: Pod): number {
  return finishTimeFromContainers(p) ?? finishTimeFromReadyFalse(p) ?? finishTimeFromDeletion(p) ?? timeMs(p.metadata.creationTimestamp)
}

/** Init containers count too: a sidecar (restartable init container) stops after the main ones. */
function finishTimeFromContainers(p: Pod): number | undefined {
  const main = latestFinishTime(undefined, p.status?.containerStatuses ?? [])
  return main === null ? undefined : (latestFinishTime(main, p.status?.initContainerStatuses ?? []) ?? undefined)
}

/** The latest finishedAt, or null when some container has not terminated. */
function latestFinishTime(prev: number | undefined, statuses: ContainerStatus[]): number | undefined | null {
  let finish = prev
  for (const cs of statuses) {
    const at = timeMs(cs.state?.terminated?.finishedAt)
    if (Number.isNaN(at)) return null
    if (finish === undefined || finish < at) finish = at
  }
  return finish
}

function finishTimeFromReadyFalse(p: Pod): number | undefined {
  const c = p.status?.conditions?.find((x) => x.type === 'Ready')
  if (!c || c.status !== 'False') return undefined
  const at = timeMs(c.lastTransitionTime)
  return Number.isNaN(at) ? undefined : at
}

function finishTimeFromDeletion(p: Pod): number | undefined {
  const at = timeMs(p.metadata.deletionTimestamp)
  if (Number.isNaN(at)) return undefined
  return at - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000
}

export function getRemainingTime(b: BackoffRecord, now: number, base: number, max: number): number {
  return getRemainingTimeForFailuresCount(now, base, max, b.failuresAfterLastSuccess, b.lastFailureTime)
}

/** The remaining delay for an index, from the failure count its last failed pod carries. */
export function getRemainingTimePerIndex(now: number, base: number, max: number, lastFailedPod: Pod | undefined): number {
  if (!lastFailedPod) return 0
  const failures = getIndexAbsoluteFailureCount(lastFailedPod) + 1
  return getRemainingTimeForFailuresCount(now, base, max, failures, getFinishedTime(lastFailedPod))
}

/** base·2^(failures−1), capped at max, minus the time since the last failure (never negative). */
export function getRemainingTimeForFailuresCount(now: number, base: number, max: number, failures: number, lastFailureTime: number | undefined): number {
  if (failures === 0 || lastFailureTime === undefined) return 0
  let d = base
  for (let i = 1; i < failures; i++) {
    d *= 2
    if (d >= max) {
      d = max
      break
    }
  }
  const elapsed = now - lastFailureTime
  return d < elapsed ? 0 : d - elapsed
}
