// jq's helpers over collections for the builtins: containment, indices (byte offsets in
// strings), flatten, unique, and the sort/group/min/max "_by" cores over precomputed keys.
// Upstream: jq src/jv.c (jv_contains), src/builtin.c (f_indices, jv_sort, jv_group).
import { utf8Length } from '../util/io.ts'
import { desc, err, indicesOf } from './ops.ts'
import { compare, isObj, kind, type Value } from './value.ts'

export function contains(a: Value, b: Value): boolean {
  if (kind(a) !== kind(b)) err(`${desc(a)} and ${desc(b)} cannot have their containment checked`)
  if (isObj(a) && isObj(b)) return [...b].every(([k, v]) => a.has(k) && contains(a.get(k)!, v))
  if (Array.isArray(a) && Array.isArray(b)) return b.every((x) => a.some((y) => kind(x) === kind(y) && contains(y, x)))
  if (typeof a === 'string' && typeof b === 'string') return a.includes(b)
  return compare(a, b) === 0
}

export function indices(v: Value, i: Value): Value {
  if (v === null) return null
  if (typeof v === 'string' && typeof i === 'string') {
    if (!i) return null
    const out: Value[] = []
    // jq's string indices are byte offsets into the UTF-8 text.
    for (let k = v.indexOf(i); k >= 0; k = v.indexOf(i, k + 1)) out.push(utf8Length(v.slice(0, k)))
    return out
  }
  if (Array.isArray(v) && Array.isArray(i)) return indicesOf(v, i)
  if (Array.isArray(v)) return indicesOf(v, [i])
  err(`Cannot determine indices of ${kind(i)} in ${kind(v)}`)
}

export function flatten(v: Value[], depth: number): Value[] {
  const out: Value[] = []
  for (const x of v) if (Array.isArray(x) && depth > 0) out.push(...flatten(x, depth - 1))
  else out.push(x)
  return out
}

export function uniq(sorted: Value[]): Value[] {
  return sorted.filter((x, i) => i === 0 || compare(x, sorted[i - 1]) !== 0)
}

export function sortBy(v: Value[], keys: Value[]): [Value, Value][] {
  return v.map((x, i): [Value, Value] => [x, keys[i]]).sort((a, b) => compare(a[1], b[1]))
}

export function groupBy(v: Value[], keys: Value[]): Value[] {
  const out: Value[][] = []
  let last: Value | undefined
  for (const [x, k] of sortBy(v, keys)) {
    if (out.length && compare(k, last!) === 0) out[out.length - 1].push(x)
    else out.push([x])
    last = k
  }
  return out
}

export function extremeBy(v: Value[], keys: Value[], max: boolean): Value {
  let best = -1
  for (let i = 0; i < v.length; i++) {
    if (best < 0) best = i
    else {
      const c = compare(keys[i], keys[best])
      if (max ? c >= 0 : c < 0) best = i
    }
  }
  return best < 0 ? null : v[best]
}
