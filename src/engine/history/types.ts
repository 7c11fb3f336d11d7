// What happened in the cluster, kept for the timeline and for lesson checks:
// a lane per pod with its coloured segments and restart markers, a record per Job,
// and CronJob ticks. Times are virtual ms since the Unix epoch.

/** What a pod lane shows at a moment; close to kubectl's STATUS column. */
export type LaneState =
  | 'Pending'
  | 'ContainerCreating'
  | 'Running'
  | 'Error'
  | 'BackOff'
  | 'ImagePullBackOff'
  | 'Succeeded'
  | 'Failed'
  | 'Terminating'

export interface Segment {
  state: LaneState
  from: number
  /** null while the segment is still open. */
  to: number | null
  /** kubectl's STATUS text during the segment (e.g. CrashLoopBackOff, OOMKilled, Completed). */
  status: string
}

export interface RestartMark {
  at: number
  /** restartCount after the restart. */
  count: number
  exitCode?: number
  reason?: string
  container: string
}

export interface PodLane {
  uid: string
  name: string
  namespace: string
  jobName?: string
  jobUid?: string
  cronJobName?: string
  node?: string
  restartPolicy?: string
  createdAt: number
  scheduledAt?: number
  deletedAt?: number
  segments: Segment[]
  restarts: RestartMark[]
  /** First time a container was running, and last time one finished. */
  firstRunningAt?: number
  finishedAt?: number
  phase: string
}

export interface JobRecord {
  uid: string
  name: string
  namespace: string
  cronJobName?: string
  manual?: boolean
  createdAt: number
  startTime?: number
  finishedAt?: number
  outcome?: 'Complete' | 'Failed'
  reason?: string
  deletedAt?: number
  completions?: number
  parallelism?: number
  backoffLimit?: number
  activeDeadlineSeconds?: number
  ttlSecondsAfterFinished?: number
  restartPolicy?: string
  /** PersistentVolumeClaims its pod template mounts (what a lesson's backup check counts runs by). */
  claims?: string[]
  podUids: string[]
}

export type TickKind = 'created' | 'skipped' | 'replaced' | 'manual' | 'missed'

export interface CronTick {
  cronJob: string
  namespace: string
  kind: TickKind
  /** When the controller acted (event time). */
  at: number
  jobName?: string
  /** The nominal schedule time, when known (from the Job name in Unix minutes). */
  scheduledAt?: number
}

export interface EventRecord {
  at: number
  type: string
  reason: string
  message: string
  kind: string
  name: string
  namespace: string
}
