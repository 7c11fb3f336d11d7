// glibc's random()/srandom() (the TYPE_3 additive feedback generator), which busybox
// awk's rand() draws from: with no srand() its numbers are the same on every run.
// Upstream: glibc stdlib/random_r.c.

export class GlibcRandom {
  private r: number[] = []
  private k = 0

  constructor(seed = 1) {
    this.seed(seed)
  }

  seed(seed: number): void {
    const r = new Array<number>(34)
    r[0] = seed >>> 0 || 1
    for (let i = 1; i < 31; i++) {
      // 16807 * r[i-1] % 2147483647 via Schrage's method, as glibc computes it.
      const hi = Math.trunc((r[i - 1] | 0) / 127773)
      const lo = (r[i - 1] | 0) % 127773
      let word = 16807 * lo - 2836 * hi
      if (word < 0) word += 2147483647
      r[i] = word
    }
    for (let i = 31; i < 34; i++) r[i] = r[i - 31]
    this.r = r
    this.k = 34
    for (let i = 0; i < 310; i++) this.next()
  }

  /** The next random() value, 0 .. 2^31-1. */
  next(): number {
    const r = this.r
    const v = (r[this.k - 31] + r[this.k - 3]) >>> 0
    r.push(v)
    this.k++
    if (r.length > 64) {
      r.splice(0, 32)
      this.k -= 32
    }
    return v >>> 1
  }
}
