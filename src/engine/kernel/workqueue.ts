// A controller work queue on virtual time, after client-go's delaying queue
// (k8s.io/client-go/util/workqueue/delaying_queue.go): a key added with a delay is
// processed once at the earliest requested time; adding it again for a later time
// does nothing, for an earlier time moves it up.
import type { Kernel, Timer } from './kernel.ts'

export class WorkQueue {
  /** key → its pending timer (the timer knows its time). */
  private pending = new Map<string, Timer>()
  /** One function for every timer of this queue; the key rides on the timer, so an add allocates no closure. */
  private readonly fire = (key: string): void => {
    this.pending.delete(key)
    this.handler(key)
  }

  constructor(
    private kernel: Kernel,
    private handler: (key: string) => void,
  ) {}

  add(key: string, delayMs = 0): void {
    const at = this.kernel.now() + Math.max(0, delayMs)
    const cur = this.pending.get(key)
    if (cur) {
      if (cur.at <= at) return
      this.kernel.cancel(cur)
    }
    this.pending.set(key, this.kernel.atWith(at, this.fire, key))
  }

  /** Drop a pending key (the object is gone). */
  forget(key: string): void {
    const cur = this.pending.get(key)
    if (cur) {
      this.kernel.cancel(cur)
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
