// Go's sort.Sort (pattern-defeating quicksort) so that ties come out in kubectl's order: the sort is
// unstable and, past 12 items, the order of equal keys depends on the algorithm's exact steps.
// Upstream algorithm: Go src/sort/zsortinterface.go and sort.go.

type Less = (i: number, j: number) => boolean

class Data<T> {
  constructor(
    readonly a: T[],
    private lessFn: (x: T, y: T) => boolean,
  ) {}
  less: Less = (i, j) => this.lessFn(this.a[i], this.a[j])
  swap(i: number, j: number): void {
    const t = this.a[i]
    this.a[i] = this.a[j]
    this.a[j] = t
  }
}

const INCREASING = 1
const DECREASING = 2
const UNKNOWN = 0

function bitsLen(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n)
}

function insertionSort<T>(d: Data<T>, a: number, b: number): void {
  for (let i = a + 1; i < b; i++) for (let j = i; j > a && d.less(j, j - 1); j--) d.swap(j, j - 1)
}

function siftDown<T>(d: Data<T>, lo: number, hi: number, first: number): void {
  let root = lo
  for (;;) {
    let child = 2 * root + 1
    if (child >= hi) return
    if (child + 1 < hi && d.less(first + child, first + child + 1)) child++
    if (!d.less(first + root, first + child)) return
    d.swap(first + root, first + child)
    root = child
  }
}

function heapSort<T>(d: Data<T>, a: number, b: number): void {
  const hi = b - a
  for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) siftDown(d, i, hi, a)
  for (let i = hi - 1; i >= 0; i--) {
    d.swap(a, a + i)
    siftDown(d, 0, i, a)
  }
}

function partition<T>(d: Data<T>, a: number, b: number, pivot: number): [number, boolean] {
  d.swap(a, pivot)
  let i = a + 1
  let j = b - 1
  while (i <= j && d.less(i, a)) i++
  while (i <= j && !d.less(j, a)) j--
  if (i > j) {
    d.swap(j, a)
    return [j, true]
  }
  d.swap(i, j)
  i++
  j--
  for (;;) {
    while (i <= j && d.less(i, a)) i++
    while (i <= j && !d.less(j, a)) j--
    if (i > j) break
    d.swap(i, j)
    i++
    j--
  }
  d.swap(j, a)
  return [j, false]
}

function partitionEqual<T>(d: Data<T>, a: number, b: number, pivot: number): number {
  d.swap(a, pivot)
  let i = a + 1
  let j = b - 1
  for (;;) {
    while (i <= j && !d.less(a, i)) i++
    while (i <= j && d.less(a, j)) j--
    if (i > j) break
    d.swap(i, j)
    i++
    j--
  }
  return i
}

function partialInsertionSort<T>(d: Data<T>, a: number, b: number): boolean {
  let i = a + 1
  for (let step = 0; step < 5; step++) {
    while (i < b && !d.less(i, i - 1)) i++
    if (i === b) return true
    if (b - a < 50) return false
    d.swap(i, i - 1)
    if (i - a >= 2) {
      for (let j = i - 1; j >= 1; j--) {
        if (!d.less(j, j - 1)) break
        d.swap(j, j - 1)
      }
    }
    if (b - i >= 2) {
      for (let j = i + 1; j < b; j++) {
        if (!d.less(j, j - 1)) break
        d.swap(j, j - 1)
      }
    }
  }
  return false
}

const MASK64 = (1n << 64n) - 1n

function breakPatterns<T>(d: Data<T>, a: number, b: number): void {
  const length = b - a
  if (length < 8) return
  let r = BigInt(length)
  const modulus = 1 << bitsLen(length)
  for (let idx = a + Math.floor(length / 4) * 2 - 1; idx <= a + Math.floor(length / 4) * 2 + 1; idx++) {
    // Go 1.22+ (kubectl 1.33 is built with Go 1.24): the 64-bit xorshift triple 13, 7, 17.
    r ^= (r << 13n) & MASK64
    r ^= r >> 7n
    r ^= (r << 17n) & MASK64
    let other = Number(r & BigInt(modulus - 1))
    if (other >= length) other -= length
    d.swap(idx, a + other)
  }
}

function choosePivot<T>(d: Data<T>, a: number, b: number): [number, number] {
  const l = b - a
  const swaps = { n: 0 }
  let i = a + Math.floor(l / 4)
  let j = a + Math.floor(l / 4) * 2
  let k = a + Math.floor(l / 4) * 3
  const order2 = (x: number, y: number): [number, number] => {
    if (d.less(y, x)) {
      swaps.n++
      return [y, x]
    }
    return [x, y]
  }
  const median = (x: number, y: number, z: number): number => {
    ;[x, y] = order2(x, y)
    ;[y, z] = order2(y, z)
    ;[x, y] = order2(x, y)
    return y
  }
  if (l >= 8) {
    if (l >= 50) {
      i = median(i - 1, i, i + 1)
      j = median(j - 1, j, j + 1)
      k = median(k - 1, k, k + 1)
    }
    j = median(i, j, k)
  }
  if (swaps.n === 0) return [j, INCREASING]
  if (swaps.n === 12) return [j, DECREASING]
  return [j, UNKNOWN]
}

function reverseRange<T>(d: Data<T>, a: number, b: number): void {
  for (let i = a, j = b - 1; i < j; i++, j--) d.swap(i, j)
}

function pdqsort<T>(d: Data<T>, a: number, b: number, limit: number): void {
  let wasBalanced = true
  let wasPartitioned = true
  for (;;) {
    const length = b - a
    if (length <= 12) {
      insertionSort(d, a, b)
      return
    }
    if (limit === 0) {
      heapSort(d, a, b)
      return
    }
    if (!wasBalanced) {
      breakPatterns(d, a, b)
      limit--
    }
    let [pivot, hint] = choosePivot(d, a, b)
    if (hint === DECREASING) {
      reverseRange(d, a, b)
      pivot = b - 1 - (pivot - a)
      hint = INCREASING
    }
    if (wasBalanced && wasPartitioned && hint === INCREASING && partialInsertionSort(d, a, b)) return
    if (a > 0 && !d.less(a - 1, pivot)) {
      a = partitionEqual(d, a, b, pivot)
      continue
    }
    const [mid, already] = partition(d, a, b, pivot)
    wasPartitioned = already
    const left = mid - a
    const right = b - mid
    const threshold = Math.floor(length / 8)
    if (left < right) {
      wasBalanced = left >= threshold
      pdqsort(d, a, mid, limit)
      a = mid + 1
    } else {
      wasBalanced = right >= threshold
      pdqsort(d, mid + 1, b, limit)
      b = mid
    }
  }
}

/** sort.Sort over a copy of `items` with Go's exact (unstable) order of ties. */
export function goSort<T>(items: readonly T[], less: (x: T, y: T) => boolean): T[] {
  const d = new Data([...items], less)
  if (d.a.length > 1) pdqsort(d, 0, d.a.length, bitsLen(d.a.length))
  return d.a
}
