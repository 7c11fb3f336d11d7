// Indexed Jobs: completion indexes as ordered intervals ("0-2,4"), pending-index
// selection, duplicate-index removal and per-index failure counts, after
// k8s pkg/controller/job/indexed_job_utils.go.
import type { Container, EnvVar, Job, Pod, PodTemplateSpec } from '../../api/types.ts'
import { matchPodFailurePolicy } from './pod-failure-policy.ts'
import {
  JOB_COMPLETION_INDEX_ANNOTATION,
  JOB_INDEX_FAILURE_COUNT_ANNOTATION,
  JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION,
  hasJobTrackingFinalizer,
  isPodFailed,
  onlyReplaceFailedPods,
  podPhase,
  sortActivePods,
} from './utils.ts'

export const COMPLETION_INDEX_ENV_NAME = 'JOB_COMPLETION_INDEX'
export const UNKNOWN_COMPLETION_INDEX = -1
/** names.MaxGeneratedNameLength: 63 minus the 5-character random suffix. */
const MAX_GENERATED_NAME_LENGTH = 58

export interface Interval {
  first: number
  last: number
}
export type OrderedIntervals = Interval[]

/** A new interval list that also holds `newIndexes` (given in increasing order). */
export function withOrderedIndexes(oi: OrderedIntervals, newIndexes: number[]): OrderedIntervals {
  return merge(oi, newIndexes.map((i) => ({ first: i, last: i })))
}

export function merge(a: OrderedIntervals, b: OrderedIntervals): OrderedIntervals {
  const result: OrderedIntervals = []
  let last: Interval | undefined
  const add = (iv: Interval) => {
    if (!last || iv.first > last.last + 1) {
      last = { first: iv.first, last: iv.last }
      result.push(last)
    } else if (last.last < iv.last) last.last = iv.last
  }
  let i = 0, j = 0
  while (i < a.length && j < b.length) {
    if (a[i].first < b[j].first) add(a[i++])
    else add(b[j++])
  }
  while (i < a.length) add(a[i++])
  while (j < b.length) add(b[j++])
  return result
}

export function total(oi: OrderedIntervals | undefined): number {
  let n = 0
  for (const iv of oi ?? []) n += iv.last - iv.first + 1
  return n
}

/** Two consecutive indexes print as "1,2", three or more as "1-3". */
export function intervalsString(oi: OrderedIntervals): string {
  const parts: string[] = []
  for (const v of oi) {
    if (v.last === v.first) parts.push(String(v.first))
    else parts.push(`${v.first}${v.last === v.first + 1 ? ',' : '-'}${v.last}`)
  }
  return parts.join(',')
}

export function has(oi: OrderedIntervals | undefined, ix: number): boolean {
  if (!oi) return false
  let lo = 0, hi = oi.length
  while (hi > lo) {
    const mid = lo + ((hi - lo) >> 1)
    if (oi[mid].last >= ix) hi = mid
    else lo = mid + 1
  }
  return hi < oi.length && oi[hi].first <= ix
}

/** Go's strconv.Atoi: an optional sign and decimal digits only. */
function atoi(s: string): number {
  return /^[+-]?\d+$/.test(s) ? parseInt(s, 10) : NaN
}

/** Parse "0-2,4"; corrupt parts are skipped and indexes at or past `completions` dropped. */
export function parseIndexesFromString(s: string | undefined, completions: number): OrderedIntervals {
  if (!s) return []
  const result: OrderedIntervals = []
  let last: Interval | undefined
  for (const part of s.split(',')) {
    const limits = part.split('-')
    const first = atoi(limits[0])
    if (Number.isNaN(first)) continue
    if (first >= completions) break
    let lastIx = first
    if (limits.length > 1) {
      lastIx = atoi(limits[1])
      if (Number.isNaN(lastIx)) continue
      if (lastIx >= completions) lastIx = completions - 1
    }
    if (last && last.last === first - 1) last.last = lastIx
    else {
      last = { first, last: lastIx }
      result.push(last)
    }
  }
  return result
}

export function getCompletionIndex(annotations: Record<string, string> | undefined): number {
  const v = annotations?.[JOB_COMPLETION_INDEX_ANNOTATION]
  if (v === undefined) return UNKNOWN_COMPLETION_INDEX
  const i = atoi(v)
  return Number.isNaN(i) || i < 0 ? UNKNOWN_COMPLETION_INDEX : i
}

function validIndex(pod: Pod, completions: number): number {
  const ix = getCompletionIndex(pod.metadata.annotations)
  return ix !== UNKNOWN_COMPLETION_INDEX && ix < completions ? ix : UNKNOWN_COMPLETION_INDEX
}

function sortedUnique(s: Set<number>): number[] {
  return [...s].sort((a, b) => a - b)
}

/** The previous (.status.completedIndexes) and the current succeeded indexes. */
export function calculateSucceededIndexes(job: Job, pods: Pod[]): [OrderedIntervals, OrderedIntervals] {
  const completions = job.spec.completions ?? 0
  const prev = parseIndexesFromString(job.status?.completedIndexes, completions)
  const fresh = new Set<number>()
  for (const p of pods) {
    const ix = validIndex(p, completions)
    if (podPhase(p) === 'Succeeded' && ix !== UNKNOWN_COMPLETION_INDEX && hasJobTrackingFinalizer(p)) fresh.add(ix)
  }
  return [prev, withOrderedIndexes(prev, sortedUnique(fresh))]
}

/** Indexes already in .status.failedIndexes plus those that failed since the last sync. */
export function calculateFailedIndexes(job: Job, pods: Pod[]): OrderedIntervals {
  const completions = job.spec.completions ?? 0
  const prev = parseIndexesFromString(job.status?.failedIndexes, completions)
  const fresh = new Set<number>()
  for (const p of pods) {
    const ix = validIndex(p, completions)
    if (ix !== UNKNOWN_COMPLETION_INDEX && hasJobTrackingFinalizer(p) && isIndexFailed(job, p)) fresh.add(ix)
  }
  return withOrderedIndexes(prev, sortedUnique(fresh))
}

/** An index fails on a FailIndex rule, or when a counted failure reaches backoffLimitPerIndex. */
export function isIndexFailed(job: Job, pod: Pod): boolean {
  let counted = false
  if (isPodFailed(pod, job)) {
    if (job.spec.podFailurePolicy) {
      const m = matchPodFailurePolicy(job.spec.podFailurePolicy, pod)
      if (m.action === 'FailIndex') return true
      counted = m.countFailed
    } else counted = true
  }
  return counted && getIndexFailureCount(pod) >= (job.spec.backoffLimitPerIndex ?? 0)
}

export function getIndexes(pods: Pod[]): Set<number> {
  const s = new Set<number>()
  for (const p of pods) {
    const ix = getCompletionIndex(p.metadata.annotations)
    if (ix !== UNKNOWN_COMPLETION_INDEX) s.add(ix)
  }
  return s
}

export interface PendingIndexInput {
  job: Job
  pods: Pod[]
  activePods: Pod[]
  succeededIndexes: OrderedIntervals
  failedIndexes?: OrderedIntervals
}

/** The lowest `count` indexes below `completions` that are not succeeded, active, failed or (policy Failed) terminating. */
export function firstPendingIndexes(c: PendingIndexInput, count: number, completions: number): number[] {
  if (count === 0) return []
  let nonPending = withOrderedIndexes(c.succeededIndexes, sortedUnique(getIndexes(c.activePods)))
  if (onlyReplaceFailedPods(c.job)) {
    const terminating = c.pods.filter((p) => podPhase(p) !== 'Succeeded' && podPhase(p) !== 'Failed' && !!p.metadata.deletionTimestamp)
    nonPending = withOrderedIndexes(nonPending, sortedUnique(getIndexes(terminating)))
  }
  if (c.failedIndexes) nonPending = merge(nonPending, c.failedIndexes)
  const result: number[] = []
  let candidate = 0
  for (const iv of nonPending) {
    for (; candidate < completions && result.length < count && candidate < iv.first; candidate++) result.push(candidate)
    if (candidate < iv.last + 1) candidate = iv.last + 1
  }
  for (; candidate < completions && result.length < count; candidate++) result.push(candidate)
  return result
}

function byCompletionIndex(pods: Pod[]): Pod[] {
  const ix = new Map(pods.map((p) => [p, getCompletionIndex(p.metadata.annotations)]))
  return pods.sort((a, b) => ix.get(a)! - ix.get(b)!)
}

/**
 * Split active pods into those to remove (no index, out of range, or all but
 * the best-kept pod of a repeated index) and those to keep.
 */
export function appendDuplicatedIndexPodsForRemoval(pods: Pod[], completions: number): { rm: Pod[]; left: Pod[] } {
  const rm: Pod[] = [], left: Pod[] = []
  const appendGroup = (group: Pod[], ix: number) => {
    if (ix === UNKNOWN_COMPLETION_INDEX) rm.push(...group)
    else if (group.length === 1) left.push(group[0])
    else if (group.length > 1) {
      sortActivePods(group)
      rm.push(...group.slice(0, -1))
      left.push(group[group.length - 1])
    }
  }
  const sorted = byCompletionIndex([...pods])
  let lastIndex = UNKNOWN_COMPLETION_INDEX, firstRepeatPos = 0, looped = 0
  for (let i = 0; i < sorted.length; i++) {
    const ix = getCompletionIndex(sorted[i].metadata.annotations)
    if (ix >= completions) {
      rm.push(...sorted.slice(i))
      break
    }
    if (ix !== lastIndex) {
      appendGroup(sorted.slice(firstRepeatPos, i), lastIndex)
      firstRepeatPos = i
      lastIndex = ix
    }
    looped++
  }
  appendGroup(sorted.slice(firstRepeatPos, looped), lastIndex)
  return { rm, left }
}

function parseCountAnnotation(pod: Pod, key: string): number {
  const v = pod.metadata.annotations?.[key]
  if (v === undefined) return 0
  const n = atoi(v)
  return Number.isNaN(n) || n < 0 || n > 2147483647 ? 0 : n
}

export function getIndexFailureCount(pod: Pod): number {
  return parseCountAnnotation(pod, JOB_INDEX_FAILURE_COUNT_ANNOTATION)
}

export function getIndexAbsoluteFailureCount(pod: Pod): number {
  return getIndexFailureCount(pod) + parseCountAnnotation(pod, JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION)
}

/** The failure counts the replacement of `replaced` carries: one more counted or ignored failure. */
export function getNewIndexFailureCounts(job: Job, replaced: Pod | undefined): [number, number] {
  if (!replaced) return [0, 0]
  let failures = getIndexFailureCount(replaced)
  let ignored = parseCountAnnotation(replaced, JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION)
  if (job.spec.podFailurePolicy && !matchPodFailurePolicy(job.spec.podFailurePolicy, replaced).countFailed) ignored++
  else failures++
  return [failures, ignored]
}

export function addIndexFailureCountAnnotation(template: PodTemplateSpec, job: Job, replaced: Pod | undefined): void {
  const [failures, ignored] = getNewIndexFailureCounts(job, replaced)
  const annotations: Record<string, string> = { ...(template.metadata?.annotations ?? {}), [JOB_INDEX_FAILURE_COUNT_ANNOTATION]: String(failures) }
  if (ignored > 0) annotations[JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION] = String(ignored)
  template.metadata = { ...template.metadata, annotations }
}

function withIndexEnv(c: Container): Container {
  if (c.env?.some((v) => v.name === COMPLETION_INDEX_ENV_NAME)) return c
  const env: EnvVar = { name: COMPLETION_INDEX_ENV_NAME, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX_ANNOTATION}']` } } }
  return { ...c, env: [...(c.env ?? []), env] }
}

/** JOB_COMPLETION_INDEX from the pod's index label, for every container and init container. */
export function addCompletionIndexEnvVariables(template: PodTemplateSpec): void {
  const spec = template.spec
  if (spec.initContainers) spec.initContainers = spec.initContainers.map(withIndexEnv)
  spec.containers = spec.containers.map(withIndexEnv)
}

export function addCompletionIndexAnnotationAndLabel(template: PodTemplateSpec, index: number): void {
  const m = template.metadata ?? {}
  template.metadata = {
    ...m,
    labels: { ...(m.labels ?? {}), [JOB_COMPLETION_INDEX_ANNOTATION]: String(index) },
    annotations: { ...(m.annotations ?? {}), [JOB_COMPLETION_INDEX_ANNOTATION]: String(index) },
  }
}

/** "<job>-<index>-", the job part cut so the whole prefix fits 58 characters. */
export function podGenerateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`
  const prefix = jobName + suffix
  return prefix.length > MAX_GENERATED_NAME_LENGTH ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix : prefix
}

export { byCompletionIndex }
