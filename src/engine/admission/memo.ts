// Content-keyed memo for the hot path: controllers create thousands of pods and
// Jobs from the same template, each a fresh copy or the very same object.
// Defaulting and validating a spec is a pure function of its content, so the
// result is remembered by the object itself and by a structural hash confirmed by
// deep equality (no serialisation involved).

/** A 32-bit FNV-1a style hash of a JSON value's content and key order. */
export function structuralHash(v: unknown, h = 0x811c9dc5): number {
  if (v === null || v === undefined) return Math.imul(h ^ 0x6e, 0x01000193)
  switch (typeof v) {
    case 'string':
      h = Math.imul(h ^ 0x73, 0x01000193)
      for (let i = 0; i < v.length; i++) h = Math.imul(h ^ v.charCodeAt(i), 0x01000193)
      return h
    case 'number':
      h = Math.imul(h ^ 0x64, 0x01000193)
      return Math.imul(h ^ (Number.isInteger(v) ? v | 0 : Math.floor(v * 65536) | 0), 0x01000193)
    case 'boolean':
      return Math.imul(h ^ (v ? 0x74 : 0x66), 0x01000193)
    case 'object': {
      if (Array.isArray(v)) {
        h = Math.imul(h ^ 0x5b, 0x01000193)
        for (const e of v) h = structuralHash(e, h)
        return Math.imul(h ^ 0x5d, 0x01000193)
      }
      h = Math.imul(h ^ 0x7b, 0x01000193)
      const o = v as Record<string, unknown>
      for (const k in o) {
        if (o[k] === undefined) continue
        h = structuralHash(k, h)
        h = structuralHash(o[k], h)
      }
      return Math.imul(h ^ 0x7d, 0x01000193)
    }
    default:
      return h
  }
}

/**
 * Equal JSON values with their keys in the same order (results carry the input's
 * key order into stored objects, so two orders are two entries). Undefined-valued
 * keys are absent, as in JSON.
 */
export function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameJSON(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const bk = Object.keys(bo)
  let j = 0
  for (const k in ao) {
    if (ao[k] === undefined) continue
    while (j < bk.length && bo[bk[j]] === undefined) j++
    if (j >= bk.length || bk[j] !== k || !sameJSON(ao[k], bo[k])) return false
    j++
  }
  while (j < bk.length && bo[bk[j]] === undefined) j++
  return j === bk.length
}

function deepCopy<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v
  if (Array.isArray(v)) return v.map(deepCopy) as T
  const out: Record<string, unknown> = {}
  for (const k in v as Record<string, unknown>) out[k] = deepCopy((v as Record<string, unknown>)[k])
  return out as T
}

/**
 * Remembers `compute(input)` by the input object (stored objects are never
 * mutated) and by its content. Results are shared between callers: read-only.
 */
export class ContentMemo<T> {
  private byObject = new WeakMap<object, T>()
  private buckets = new Map<number, { input: unknown; value: T }[]>()
  private size = 0

  constructor(private readonly limit = 512) {}

  get(input: object, compute: () => T): T {
    const known = this.byObject.get(input)
    if (known !== undefined) return known
    const h = structuralHash(input)
    const bucket = this.buckets.get(h)
    let value: T | undefined
    if (bucket) {
      for (const e of bucket) {
        if (sameJSON(e.input, input)) {
          value = e.value
          break
        }
      }
    }
    if (value === undefined) {
      value = compute()
      if (this.size >= this.limit) {
        this.buckets.clear()
        this.size = 0
      }
      const entry = { input: deepCopy(input), value }
      const b = this.buckets.get(h)
      if (b) b.push(entry)
      else this.buckets.set(h, [entry])
      this.size++
    }
    this.byObject.set(input, value)
    return value
  }
}
