// What every controller, the scheduler and the kubelets are given: the clock,
// the store (to watch), the API server (to write) and the event recorder.
import type { ApiServer } from './api/server.ts'
import type { Store } from './api/store.ts'
import type { EventRecorder } from './events/recorder.ts'
import type { Kernel } from './kernel/kernel.ts'
import type { KObject } from './api/types.ts'

export interface ClusterConfig {
  /** Seed of every random stream in the simulation. */
  seed: number | string
  /** Virtual start time, ms since the Unix epoch. */
  start: number
  /** Time zone of kube-controller-manager (CronJobs without spec.timeZone). Kubernetes clusters usually run in UTC. */
  controllerTimeZone: string
}

/**
 * A controller's decision that no API object records reliably (events are folded and
 * rate-limited), for the timeline: e.g. a CronJob tick created, skipped or replaced.
 */
export type TraceFn = (kind: string, obj: KObject, detail: Record<string, unknown>) => void

export interface ControllerContext {
  kernel: Kernel
  store: Store
  api: ApiServer
  recorder: EventRecorder
  config: ClusterConfig
  /** Where decisions are traced (the history); absent when nobody listens. */
  trace?: TraceFn
}
