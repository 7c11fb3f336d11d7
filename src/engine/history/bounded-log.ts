// The newest `limit` entries of an append-only log, dropping the oldest in O(1)
// amortised: a start index that moves on, and a compaction once half the array is
// dropped entries (splicing the front on every append costs a year of events dearly).
export class BoundedLog<T> {
  private items: T[] = []
  private start = 0
  private view: T[] | null = null

  constructor(private limit: number) {}

  push(item: T): void {
    this.items.push(item)
    if (this.items.length - this.start > this.limit) this.start = this.items.length - this.limit
    if (this.start > 0 && this.start >= this.limit) {
      this.items = this.items.slice(this.start)
      this.start = 0
    }
    this.view = null
  }

  get length(): number {
    return this.items.length - this.start
  }

  /** The entries, oldest first; the same array until the next push. */
  entries(): readonly T[] {
    if (this.start === 0) return this.items
    return (this.view ??= this.items.slice(this.start))
  }
}
