// The state one syncJob pass works on (upstream's syncJobCtx) and what the
// sync functions need from the controller, after k8s pkg/controller/job/job_controller.go.
import type { ControllerContext } from '../../context.ts'
import type { Job, JobCondition, Pod } from '../../api/types.ts'
import type { BackoffRecord, BackoffStore } from './backoff-utils.ts'
import type { OrderedIntervals } from './indexed-job-utils.ts'
import type { PodControl } from './pod-control.ts'

export interface UncountedTerminatedPods {
  succeeded: Set<string>
  failed: Set<string>
}

export interface SyncJobCtx {
  /** A working copy: its status is mutable until written through the API. */
  job: Job
  pods: Pod[]
  /** The pods that still carry the tracking finalizer, in the order of `pods`: all the counting passes look at. */
  tracked: Pod[]
  finishedCondition?: JobCondition
  activePods: Pod[]
  succeeded: number
  failed: number
  prevSucceededIndexes: OrderedIntervals
  succeededIndexes: OrderedIntervals
  failedIndexes?: OrderedIntervals
  newBackoffRecord: BackoffRecord
  uncounted: UncountedTerminatedPods
  podsWithDelayedDeletionPerIndex?: Map<number, Pod>
  terminating: number
  ready: number
}

/** What syncJob and its helpers use of the controller. */
export interface JobControllerHandle {
  readonly ctx: ControllerContext
  readonly podControl: PodControl
  readonly podBackoffStore: BackoffStore
  now(): number
  /** queue.AddAfter: sync the Job after `delayMs` (the earliest request wins). */
  addAfter(key: string, delayMs: number): void
  /** Pod-failure back-off requeue: never sooner than the batch period. */
  enqueueSyncJobWithDelay(key: string, delayMs: number): void
}
