// TTL-after-finished: deletes a Job (Foreground, with a UID precondition) once
// ttlSecondsAfterFinished have passed since its Complete or Failed condition.
// After k8s pkg/controller/ttlafterfinished/ttlafterfinished_controller.go.
import { StatusError } from '../api/errors.ts'
import type { WatchEvent } from '../api/store.ts'
import type { Job } from '../api/types.ts'
import type { ControllerContext } from '../context.ts'
import { WorkQueue } from '../kernel/workqueue.ts'
import { isJobFinished, jobKey, splitKey, timeMs } from './job/utils.ts'

const RETRY_BASE_MS = 5
const RETRY_MAX_MS = 1_000_000

export class TtlAfterFinishedController {
  private queue: WorkQueue
  private failures = new Map<string, number>()

  constructor(readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.kernel, (key) => this.processJob(key))
    ctx.store.watch((ev) => this.onJob(ev as WatchEvent<Job>), 'Job')
  }

  private onJob(ev: WatchEvent<Job>): void {
    if (ev.type === 'DELETED') return
    const job = ev.object
    if (!job.metadata.deletionTimestamp && needsCleanup(job)) this.queue.add(jobKey(job), 0)
  }

  private processJob(key: string): void {
    try {
      this.cleanupIfExpired(key)
      this.failures.delete(key)
    } catch (err) {
      if (!(err instanceof StatusError)) throw err
      // workqueue.DefaultControllerRateLimiter's per-item part: 5 ms doubling.
      const n = this.failures.get(key) ?? 0
      this.failures.set(key, n + 1)
      this.queue.add(key, Math.min(RETRY_BASE_MS * 2 ** n, RETRY_MAX_MS))
    }
  }

  private cleanupIfExpired(key: string): void {
    const [ns, name] = splitKey(key)
    const job = this.ctx.store.get<Job>('Job', ns, name)
    if (!job || this.processTTL(job) === undefined) return
    // The TTL may have been changed since: decide again on the freshest copy.
    const fresh = this.ctx.store.get<Job>('Job', ns, name)
    if (!fresh || this.processTTL(fresh) === undefined) return
    try {
      this.ctx.api.delete('Job', ns, name, { propagationPolicy: 'Foreground', preconditions: { uid: fresh.metadata.uid } })
    } catch (err) {
      if (err instanceof StatusError && err.reason === 'NotFound') return
      throw err
    }
  }

  /** The expiry time when the TTL has run out; otherwise requeue for the remaining time. */
  private processTTL(job: Job): number | undefined {
    if (job.metadata.deletionTimestamp || !needsCleanup(job)) return undefined
    const now = this.ctx.kernel.now()
    const expireAt = jobFinishTime(job) + job.spec.ttlSecondsAfterFinished! * 1000
    if (now >= expireAt) return expireAt
    this.queue.add(jobKey(job), expireAt - now)
    return undefined
  }
}

/** A TTL is set and the Job has a Complete or Failed condition (not the interim ones). */
export function needsCleanup(job: Job): boolean {
  const ttl = job.spec.ttlSecondsAfterFinished
  return ttl !== undefined && ttl !== null && isJobFinished(job)
}

/** The lastTransitionTime of the Job's Complete or Failed condition. */
export function jobFinishTime(job: Job): number {
  const c = (job.status?.conditions ?? []).find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True')
  const t = timeMs(c?.lastTransitionTime)
  // A zero (unreadable) time has long expired, as in Go.
  return Number.isNaN(t) ? 0 : t
}
