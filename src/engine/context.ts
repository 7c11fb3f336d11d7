// What every controller, the scheduler and the kubelets are given: the clock,
// the store (to watch), the API server (to write) and the event recorder.
import type { ApiServer } from './api/server.ts'
import type { Store } from './api/store.ts'
import type { EventRecorder } from './events/recorder.ts'
import type { Kernel } from './kernel/kernel.ts'

export interface ClusterConfig {
  /** Seed of every random stream in the simulation. */
  seed: number | string
  /** Virtual start time, ms since the Unix epoch. */
  start: number
  /** Time zone of kube-controller-manager (CronJobs without spec.timeZone). Kubernetes clusters usually run in UTC. */
  controllerTimeZone: string
}

export interface ControllerContext {
  kernel: Kernel
  store: Store
  api: ApiServer
  recorder: EventRecorder
  config: ClusterConfig
}
