// Per-key exponential back-off, after k8s.io/client-go/util/flowcontrol/backoff.go as
// the kubelet uses it (no jitter): container restarts (10 s doubling to 300 s) and
// image pulls. An entry untouched for twice the maximum has expired and starts over.

interface Entry {
  backoff: number
  lastUpdate: number
}

export class Backoff {
  private entries = new Map<string, Entry>()

  constructor(
    readonly initial: number,
    readonly max: number,
  ) {}

  /** The current window for `id`, or 0. */
  get(id: string): number {
    return this.entries.get(id)?.backoff ?? 0
  }

  /** Next(): start at the initial window, or double it (capped); lastUpdate is now. */
  next(id: string, eventTime: number, now: number): void {
    const e = this.entries.get(id)
    if (!e || this.expired(eventTime, e.lastUpdate)) this.entries.set(id, { backoff: this.initial, lastUpdate: now })
    else {
      e.backoff = Math.min(e.backoff * 2, this.max)
      e.lastUpdate = now
    }
  }

  /** IsInBackOffSince: is `now` still inside the window that began at `eventTime`? */
  inBackOffSince(id: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(id)
    if (!e || this.expired(eventTime, e.lastUpdate)) return false
    return now - eventTime < e.backoff
  }

  /** IsInBackOffSinceUpdate: is `now` inside the window that began at the last Next()? */
  inBackOffSinceUpdate(id: string, now: number): boolean {
    const e = this.entries.get(id)
    if (!e || this.expired(now, e.lastUpdate)) return false
    return now - e.lastUpdate < e.backoff
  }

  /** When the window that began at `eventTime` ends. */
  endOf(id: string, eventTime: number): number {
    return eventTime + this.get(id)
  }

  /** GC(): drop expired entries. */
  gc(now: number): void {
    for (const [id, e] of this.entries) if (this.expired(now, e.lastUpdate)) this.entries.delete(id)
  }

  forget(id: string): void {
    this.entries.delete(id)
  }

  private expired(eventTime: number, lastUpdate: number): boolean {
    return eventTime - lastUpdate > 2 * this.max
  }
}
