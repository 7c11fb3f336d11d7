// jq's values: JSON with objects as insertion-ordered Maps, and numbers that keep the
// literal they were written with (jq 1.7 prints `1.0` as `1.0` until arithmetic
// touches it). Ordering, equality and type names as jq defines them.
// Upstream: jq src/jv.c (jv_cmp, jv_equal), src/jv_aux.c, src/jv_print.c.

/** A number read from JSON or the program, printed as decNumber would print its literal. */
export class LitNum {
  constructor(
    readonly n: number,
    readonly text: string,
  ) {}
}

export type JObject = Map<string, Value>
export type Value = null | boolean | number | LitNum | string | Value[] | JObject

export type Kind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object'

export function kind(v: Value): Kind {
  if (v === null) return 'null'
  if (typeof v === 'boolean') return 'boolean'
  if (typeof v === 'number' || v instanceof LitNum) return 'number'
  if (typeof v === 'string') return 'string'
  if (Array.isArray(v)) return 'array'
  return 'object'
}

export function isNum(v: Value): v is number | LitNum {
  return typeof v === 'number' || v instanceof LitNum
}

export function num(v: number | LitNum): number {
  return typeof v === 'number' ? v : v.n
}

export function isObj(v: Value): v is JObject {
  return v instanceof Map
}

export function truthy(v: Value): boolean {
  return v !== null && v !== false
}

/** An error raised by a jq program: a message or any value (`error({a:1})`). */
export class JqError extends Error {
  constructor(readonly value: Value) {
    super(typeof value === 'string' ? value : 'jq error')
  }
}

const ORDER: Record<Kind, number> = { null: 0, boolean: 1, number: 3, string: 4, array: 5, object: 6 }

function rank(v: Value): number {
  if (v === false) return 1
  if (v === true) return 2
  return ORDER[kind(v)]
}

/** jv_cmp: null < false < true < numbers < strings < arrays < objects. */
export function compare(a: Value, b: Value): number {
  const ra = rank(a)
  const rb = rank(b)
  if (ra !== rb) return ra < rb ? -1 : 1
  if (isNum(a) && isNum(b)) {
    const x = num(a)
    const y = num(b)
    return x < y ? -1 : x > y ? 1 : 0
  }
  if (typeof a === 'string' && typeof b === 'string') return cmpStr(a, b)
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compare(a[i], b[i])
      if (c) return c
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1
  }
  if (isObj(a) && isObj(b)) {
    // Objects compare by their sorted key lists first, then value by value in key order.
    const ka = [...a.keys()].sort(cmpStr)
    const kb = [...b.keys()].sort(cmpStr)
    const c = compare(ka, kb)
    if (c) return c
    for (const k of ka) {
      const d = compare(a.get(k)!, b.get(k)!)
      if (d) return d
    }
    return 0
  }
  return 0
}

/** Strings order by code point (jq compares UTF-8 bytes, which is the same order). */
export function cmpStr(a: string, b: string): number {
  if (a === b) return 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!
    const y = b.codePointAt(i)!
    if (x !== y) return x < y ? -1 : 1
    if (x > 0xffff) i++
  }
  return a.length < b.length ? -1 : 1
}

export function equal(a: Value, b: Value): boolean {
  return compare(a, b) === 0
}

export function obj(entries: [string, Value][] = []): JObject {
  return new Map(entries)
}
