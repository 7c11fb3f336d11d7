// A controller work queue on virtual time, after client-go's delaying queue
// (k8s.io/client-go/util/workqueue/delaying_queue.go): a key added with a delay is
// processed once at the earliest requested time; adding it again for a later time
// does nothing, for an earlier time moves it up.
import type { Kernel, Timer } from './kernel.ts'

export class WorkQueue {
  private pending = new Map<string, { at: number; timer: Timer }>()

  constructor(
    private kernel: Kernel,
    private handler: (key: string) => void,
  ) {}

  add(key: string, delayMs = 0): void {
    const at = this.kernel.now() + Math.max(0, delayMs)
    const cur = this.pending.get(key)
    if (cur && cur.at <= at) return
    if (cur) this.kernel.cancel(cur.timer)
    const timer = this.kernel.at(at, () => {
      this.pending.delete(key)
      this.handler(key)
    })
    this.pending.set(key, { at, timer })
  }

  /** Drop a pending key (the object is gone). */
  forget(key: string): void {
    const cur = this.pending.get(key)
    if (cur) {
      this.kernel.cancel(cur.timer)
      this.pending.delete(key)
    }
  }

  has(key: string): boolean {
    return this.pending.has(key)
  }

  scheduledAt(key: string): number | undefined {
    return this.pending.get(key)?.at
  }
}
