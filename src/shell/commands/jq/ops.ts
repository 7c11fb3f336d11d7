// Operations on jq values that need no evaluation: indexing and slicing (jv_get),
// arithmetic and comparison operators, and the path primitives getpath/setpath/delpaths.
// Upstream: jq src/jv_aux.c (jv_get, jv_set, jv_setpath, jv_delpaths), src/builtin.c (binops).
import { dumpTrunc } from './json.ts'
import { compare, isNum, isObj, JqError, kind, num, type JObject, type Value } from './value.ts'

export type Path = Value[]

export function err(msg: string): never {
  throw new JqError(msg)
}

/** "number (1)" — a value described as jq's error messages do. */
export function desc(v: Value): string {
  return `${kind(v)} (${dumpTrunc(v)})`
}

/** jv_get: .[k] for objects, arrays (numbers and slices, arrays as indices()) and null. */
export function get(v: Value, k: Value): Value {
  if (isObj(v) && typeof k === 'string') return v.get(k) ?? null
  if (Array.isArray(v) && isNum(k)) {
    let i = Math.floor(num(k))
    if (Number.isNaN(i)) return null
    if (i < 0) i += v.length
    return i < 0 || i >= v.length ? null : v[i]
  }
  if ((Array.isArray(v) || typeof v === 'string') && isObj(k) && k.has('start') && k.has('end')) return slice(v, k.get('start')!, k.get('end')!)
  if (Array.isArray(v) && Array.isArray(k)) return indicesOf(v, k)
  if (v === null && (typeof k === 'string' || isNum(k) || isObj(k))) return null
  if (typeof k === 'string') err(`Cannot index ${kind(v)} with string "${k}"`)
  err(`Cannot index ${kind(v)} with ${kind(k)}`)
}

function clampIndex(x: Value, len: number, dflt: number): number {
  if (x === null) return dflt
  if (!isNum(x)) err('Start and end indices of an array slice must be numbers')
  let i = num(x)
  if (i < 0) i += len
  i = i < 0 ? 0 : i > len ? len : i
  return i
}

function slice(v: Value[] | string, from: Value, to: Value): Value {
  if (typeof v === 'string') {
    const cps = [...v]
    const s = Math.floor(clampIndex(from, cps.length, 0))
    const e = Math.ceil(clampIndex(to, cps.length, cps.length))
    return cps.slice(s, Math.max(s, e)).join('')
  }
  const s = Math.floor(clampIndex(from, v.length, 0))
  const e = Math.ceil(clampIndex(to, v.length, v.length))
  return v.slice(s, Math.max(s, e))
}

export function indicesOf(v: Value[], k: Value[]): Value {
  if (!k.length) return null
  const out: Value[] = []
  for (let i = 0; i + k.length <= v.length; i++) if (k.every((x, j) => compare(v[i + j], x) === 0)) out.push(i)
  return out
}

export function binop(op: string, l: Value, r: Value): Value {
  switch (op) {
    case '+':
      return add(l, r)
    case '-':
      if (isNum(l) && isNum(r)) return num(l) - num(r)
      if (Array.isArray(l) && Array.isArray(r)) return l.filter((x) => !r.some((y) => compare(x, y) === 0))
      err(`${desc(l)} and ${desc(r)} cannot be subtracted`)
    case '*':
      if (isNum(l) && isNum(r)) return num(l) * num(r)
      // jq 1.7.1: a negative or NaN count gives null, otherwise the count's integer part.
      if (typeof l === 'string' && isNum(r)) return num(r) < 0 || Number.isNaN(num(r)) ? null : l.repeat(Math.trunc(num(r)))
      if (isNum(l) && typeof r === 'string') return binop('*', r, l)
      if (isObj(l) && isObj(r)) return deepMerge(l, r)
      err(`${desc(l)} and ${desc(r)} cannot be multiplied`)
    case '/':
      if (isNum(l) && isNum(r)) {
        if (num(r) === 0) err(`${desc(l)} and ${desc(r)} cannot be divided because the divisor is zero`)
        return num(l) / num(r)
      }
      if (typeof l === 'string' && typeof r === 'string') return splitStr(l, r)
      err(`${desc(l)} and ${desc(r)} cannot be divided`)
    case '%': {
      if (isNum(l) && isNum(r)) {
        const a = Math.trunc(num(l))
        const b = Math.trunc(num(r))
        if (b === 0) err(`${desc(l)} and ${desc(r)} cannot be divided (remainder) because the divisor is zero`)
        const m = Math.abs(a) % Math.abs(b)
        return a < 0 ? -m : m
      }
      err(`${desc(l)} and ${desc(r)} cannot be divided (remainder)`)
    }
    case '==':
      return compare(l, r) === 0
    case '!=':
      return compare(l, r) !== 0
    case '<':
      return compare(l, r) < 0
    case '<=':
      return compare(l, r) <= 0
    case '>':
      return compare(l, r) > 0
    case '>=':
      return compare(l, r) >= 0
  }
  err(`unknown operator ${op}`)
}

export function add(l: Value, r: Value): Value {
  if (l === null) return r
  if (r === null) return l
  if (isNum(l) && isNum(r)) return num(l) + num(r)
  if (typeof l === 'string' && typeof r === 'string') return l + r
  if (Array.isArray(l) && Array.isArray(r)) return [...l, ...r]
  if (isObj(l) && isObj(r)) {
    const out = new Map(l)
    for (const [k, v] of r) out.set(k, v)
    return out
  }
  err(`${desc(l)} and ${desc(r)} cannot be added`)
}

function deepMerge(a: JObject, b: JObject): JObject {
  const out = new Map(a)
  for (const [k, v] of b) {
    const cur = out.get(k)
    out.set(k, cur !== undefined && isObj(cur) && isObj(v) ? deepMerge(cur, v) : v)
  }
  return out
}

export function splitStr(s: string, sep: string): Value[] {
  if (s === '') return []
  if (sep === '') return [...s]
  return s.split(sep)
}

export function getpath(v: Value, path: Path): Value {
  let cur = v
  for (const k of path) {
    if (cur === null) return null
    cur = get(cur, k)
  }
  return cur
}

export function setpath(v: Value, path: Path, x: Value, i = 0): Value {
  if (i === path.length) return x
  const k = path[i]
  if (typeof k === 'string') {
    if (v !== null && !isObj(v)) err(`Cannot index ${kind(v)} with string "${k}"`)
    const out = new Map(v ?? [])
    out.set(k, setpath(out.get(k) ?? null, path, x, i + 1))
    return out
  }
  if (isNum(k)) {
    if (v !== null && !Array.isArray(v)) err(`Cannot index ${kind(v)} with number`)
    const out = [...(v ?? [])]
    let n = Math.floor(num(k))
    if (n < 0) {
      n += out.length
      if (n < 0) err('Out of bounds negative array index')
    }
    while (out.length < n) out.push(null)
    out[n] = setpath(out[n] ?? null, path, x, i + 1)
    return out
  }
  if (isObj(k)) {
    if (v !== null && !Array.isArray(v)) err(`Cannot update field at object index of ${kind(v)}`)
    const arr = v ?? []
    const s = Math.floor(clampIndex(k.get('start') ?? null, arr.length, 0))
    const e = Math.max(s, Math.ceil(clampIndex(k.get('end') ?? null, arr.length, arr.length)))
    const repl = setpath(arr.slice(s, e), path, x, i + 1)
    if (!Array.isArray(repl)) err('A slice of an array can only be assigned another array')
    return [...arr.slice(0, s), ...repl, ...arr.slice(e)]
  }
  err(`Invalid path component`)
}

export function delpaths(v: Value, paths: Path[]): Value {
  const sorted = [...paths].sort((a, b) => compare(b, a))
  let out = v
  for (const p of sorted) out = delpath(out, p)
  return out
}

function delpath(v: Value, path: Path): Value {
  if (!path.length) return null
  if (v === null) return null
  const [k, ...rest] = path
  if (rest.length) {
    const child = get(v, k)
    if (child === null) return v
    return setpath(v, [k], delpath(child, rest))
  }
  if (isObj(v)) {
    if (typeof k !== 'string') err(`Cannot delete field at index of object`)
    const out = new Map(v)
    out.delete(k)
    return out
  }
  if (Array.isArray(v)) {
    if (isNum(k)) {
      let n = Math.floor(num(k))
      if (n < 0) n += v.length
      if (n < 0) err('Out of bounds negative array index')
      return v.filter((_, j) => j !== n)
    }
    if (isObj(k)) {
      const s = Math.floor(clampIndex(k.get('start') ?? null, v.length, 0))
      const e = Math.max(s, Math.ceil(clampIndex(k.get('end') ?? null, v.length, v.length)))
      return [...v.slice(0, s), ...v.slice(e)]
    }
    err(`Cannot delete field at object index of array`)
  }
  err(`Cannot delete field at index of ${kind(v)}`)
}
