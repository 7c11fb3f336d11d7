// The scheduling queue (backend/queue/scheduling_queue.go): active queue by priority then arrival,
// back-off 1 s doubling to 10 s, unschedulable pods moved back by cluster events or flushed after 5 minutes.
import type { Kernel, Timer } from '../kernel/kernel.ts'

export const INITIAL_BACKOFF_MS = 1000
export const MAX_BACKOFF_MS = 10_000
export const UNSCHEDULABLE_MAX_MS = 5 * 60_000
const FLUSH_PERIOD_MS = 30_000

export interface QueuedPod {
  uid: string
  namespace: string
  name: string
  priority: number
  /** When the pod (re)entered the active queue, for FIFO order. */
  timestamp: number
  attempts: number
  /** When the last attempt failed. */
  lastFailure: number
  /** Plugins that rejected the pod last time, to decide which cluster events help. */
  plugins: Set<string>
}

export class SchedulingQueue {
  private active: QueuedPod[] = []
  private backoff = new Map<string, { p: QueuedPod; timer: Timer }>()
  private unschedulable = new Map<string, { p: QueuedPod; since: number }>()
  private flushTimer: Timer | null = null

  constructor(
    private kernel: Kernel,
    /** Called whenever the active queue gains a pod. */
    private onActive: () => void,
  ) {}

  has(uid: string): boolean {
    return this.active.some((p) => p.uid === uid) || this.backoff.has(uid) || this.unschedulable.has(uid)
  }

  get size(): number {
    return this.active.length
  }

  add(p: QueuedPod): void {
    if (this.has(p.uid)) return
    this.pushActive(p)
  }

  pop(): QueuedPod | undefined {
    return this.active.shift()
  }

  delete(uid: string): void {
    this.active = this.active.filter((p) => p.uid !== uid)
    const b = this.backoff.get(uid)
    if (b) this.kernel.cancel(b.timer)
    this.backoff.delete(uid)
    this.unschedulable.delete(uid)
  }

  /** A failed attempt: the pod waits for a cluster event (or the 5-minute flush). */
  addUnschedulable(p: QueuedPod): void {
    this.unschedulable.set(p.uid, { p, since: this.kernel.now() })
    this.armFlush()
  }

  /** A cluster event: the waiting pods it may help (`worth`, the queueing hints) go back to backoff or active. */
  moveUnschedulable(worth: (p: QueuedPod) => boolean): void {
    for (const [uid, { p }] of this.unschedulable) {
      if (!worth(p)) continue
      this.unschedulable.delete(uid)
      this.requeue(p)
    }
  }

  backoffExpiry(p: QueuedPod): number {
    const d = Math.min(INITIAL_BACKOFF_MS * 2 ** Math.max(0, p.attempts - 1), MAX_BACKOFF_MS)
    return p.lastFailure + d
  }

  private requeue(p: QueuedPod): void {
    const at = this.backoffExpiry(p)
    if (at <= this.kernel.now()) return this.pushActive(p)
    const timer = this.kernel.at(at, () => {
      this.backoff.delete(p.uid)
      this.pushActive(p)
    })
    this.backoff.set(p.uid, { p, timer })
  }

  private pushActive(p: QueuedPod): void {
    p.timestamp = this.kernel.now()
    let i = this.active.length
    while (i > 0 && (this.active[i - 1].priority < p.priority || (this.active[i - 1].priority === p.priority && this.active[i - 1].timestamp > p.timestamp))) i--
    this.active.splice(i, 0, p)
    this.onActive()
  }

  /** flushUnschedulablePodsLeftover runs every 30 s while pods wait. */
  private armFlush(): void {
    if (this.flushTimer) return
    this.flushTimer = this.kernel.after(FLUSH_PERIOD_MS, () => {
      this.flushTimer = null
      const now = this.kernel.now()
      for (const [uid, { p, since }] of [...this.unschedulable]) {
        if (now - since <= UNSCHEDULABLE_MAX_MS) continue
        this.unschedulable.delete(uid)
        this.requeue(p)
      }
      if (this.unschedulable.size) this.armFlush()
    })
  }
}
