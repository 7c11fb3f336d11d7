// Small helpers for admission code, which reads objects as they arrive from
// manifests: any shape at all until validation has looked at them.

/** A JSON object from a manifest or the store; its fields are checked before use. */
export type J = Record<string, any>

export function isObj(v: unknown): v is J {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function isArr(v: unknown): v is unknown[] {
  return Array.isArray(v)
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

/** Keys in the order Go iterates a map it has sorted: Go's fmt and kubectl both sort. */
export function sortedKeys(o: J | undefined): string[] {
  return o ? Object.keys(o).sort(byteOrder) : []
}

/** Byte-wise string order, as Go's sort.Strings (not locale order). */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Deep equality of JSON values (apiequality.Semantic.DeepEqual for our plain data). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    if (a.length !== bb.length) return false
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], bb[i])) return false
    return true
  }
  const ak = Object.keys(a as J).filter((k) => (a as J)[k] !== undefined)
  const bk = Object.keys(b as J).filter((k) => (b as J)[k] !== undefined)
  if (ak.length !== bk.length) return false
  for (const k of ak) if (!jsonEqual((a as J)[k], (b as J)[k])) return false
  return true
}

/**
 * `{ ...base, ...extra }`, for the hot path. Node 20's V8 gives every object that
 * gains a key after being made by a spread a fresh hidden class (about 1-3 µs each);
 * Object.assign onto a new literal does not. Same keys, same order. A `__proto__`
 * key (which assignment would not copy as data) falls back to the spread.
 */
export function withFields(base: J, extra: J): J {
  if (Object.hasOwn(base, '__proto__') || Object.hasOwn(extra, '__proto__')) return { ...base, ...extra }
  return Object.assign({}, base, extra)
}
