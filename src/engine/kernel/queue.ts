// The event queue of the discrete-event kernel: a binary min-heap ordered by
// (virtual time, insertion sequence), so events due at the same millisecond run
// in the order they were scheduled. Cancelled entries are dropped lazily.

/**
 * One scheduled call: `run(arg)`. A caller with many timers (a work queue) passes one
 * shared function and the item as `arg` instead of a closure per timer.
 */
export class QueuedEvent {
  cancelled = false
  constructor(
    readonly at: number,
    readonly seq: number,
    readonly run: (arg: unknown) => void,
    readonly arg: unknown,
  ) {}
}

export class EventQueue {
  private heap: QueuedEvent[] = []
  private seq = 0
  private live = 0

  get size(): number {
    return this.live
  }

  push<A>(at: number, run: (arg: A) => void, arg: A): QueuedEvent {
    // `run` is only ever called with this `arg`, which is an A.
    const ev = new QueuedEvent(at, this.seq++, run as (arg: unknown) => void, arg)
    const h = this.heap
    h.push(ev)
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!before(ev, h[p])) break
      h[i] = h[p]
      i = p
    }
    h[i] = ev
    this.live++
    return ev
  }

  cancel(ev: QueuedEvent): void {
    if (ev.cancelled) return
    ev.cancelled = true
    this.live--
  }

  /** Time of the next live event, or Infinity. */
  peekTime(): number {
    this.dropCancelled()
    return this.heap.length ? this.heap[0].at : Infinity
  }

  pop(): QueuedEvent | undefined {
    this.dropCancelled()
    const ev = this.popRaw()
    if (ev) {
      this.live--
      ev.cancelled = true // a popped event can no longer be cancelled or run twice
    }
    return ev
  }

  private dropCancelled(): void {
    while (this.heap.length && this.heap[0].cancelled) this.popRaw()
  }

  private popRaw(): QueuedEvent | undefined {
    const h = this.heap
    if (!h.length) return undefined
    const top = h[0]
    const last = h.pop()!
    if (h.length) {
      let i = 0
      const n = h.length
      for (;;) {
        const l = 2 * i + 1
        if (l >= n) break
        const r = l + 1
        const c = r < n && before(h[r], h[l]) ? r : l
        if (!before(h[c], last)) break
        h[i] = h[c]
        i = c
      }
      h[i] = last
    }
    return top
  }
}

function before(a: QueuedEvent, b: QueuedEvent): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq)
}
