// `--sort-by` as kubectl's sorters order objects (missing values first, numbers numerically, strings
// bytewise unless both are quantities), with their quirks: an unstable sort and a fatal klog line.
// Upstream: kubectl pkg/cmd/get/sorter.go (SortObjects, TableSorter, isLess), get.go (RuntimeSorter).
import type { KObject } from '../engine/api/types.ts'
import { RawError } from './errors.ts'
import { goSort } from './gosort.ts'
import { evaluateJsonPath, JsonPathError, parseJsonPath, type JpNode } from './jsonpath.ts'
import { relaxedJsonPath } from './printers/custom-columns.ts'

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/
const SUFFIX: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6 }

/** resource.ParseQuantity, as far as ordering needs it. */
function quantity(s: string): number | undefined {
  const m = QUANTITY.exec(s)
  if (!m) return undefined
  const suffix = m[2] ?? ''
  const mult = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : SUFFIX[suffix]
  return Number(m[1]) * mult
}

function goKind(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}'
  if (v !== null && typeof v === 'object') return 'map[string]interface {}'
  if (typeof v === 'boolean') return 'bool'
  return typeof v
}

class Unsortable extends Error {}

/** isLess for two decoded JSON values (reflect.Interface in Go). */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null && b === null) return false
  if (a === null) return true
  if (b === null) return false
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isInteger(a) !== Number.isInteger(b)) throw new Unsortable('unsortable interface: interface')
    return a < b
  }
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = quantity(a)
    const qb = quantity(b)
    if (qa !== undefined && qb !== undefined) return qa < qb
    return a < b
  }
  if (typeof a === 'number' || typeof a === 'string') throw new Unsortable('unsortable interface: interface')
  throw new Unsortable(`unsortable type: ${goKind(a)}`)
}

function firstValue(path: JpNode, obj: unknown): { found: boolean; value: unknown } {
  const blocks = evaluateJsonPath(path, obj, { allowMissingKeys: true })
  return blocks.length && blocks[0].length ? { found: true, value: blocks[0][0] } : { found: false, value: undefined }
}

/** klog.Exitf's line: "F0102 15:04:05.000000    4242 sorter.go:N] …". */
function fatal(now: number, line: number, message: string): RawError {
  const d = new Date(now)
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  const stamp = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)}`
  return new RawError(`F${stamp}    4242 sorter.go:${line}] ${message}`)
}

export function sortPath(sortBy: string): { field: string; path: JpNode } {
  let field: string
  try {
    field = relaxedJsonPath(sortBy)
  } catch {
    field = sortBy
  }
  try {
    return { field, path: parseJsonPath(field) }
  } catch (e) {
    if (e instanceof JsonPathError) throw new RawError(`error: sorting error: ${e.message}`)
    throw e
  }
}

/**
 * Sort objects by a field (SortObjects/TableSorter): fails when no object has
 * the field; values that cannot be compared end the command with klog's fatal line.
 */
export function sortObjects(objs: readonly KObject[], sortBy: string, now: number, table: boolean): KObject[] {
  const { field, path } = sortPath(sortBy)
  const values = objs.map((o) => firstValue(path, o))
  if (objs.length && !values.some((v) => v.found)) throw new RawError(`error: couldn't find any field with path ${JSON.stringify(field)} in the list of objects`)
  const index = new Map(objs.map((o, i) => [o, i]))
  const less = (x: KObject, y: KObject): boolean => {
    const a = values[index.get(x)!]
    const b = values[index.get(y)!]
    if (!a.found) return true
    if (!b.found) return false
    try {
      return isLess(a.value, b.value)
    } catch (e) {
      if (!(e instanceof Unsortable)) throw e
      const kind = 'interface'
      const where = table ? '[][][]reflect.Value' : '*unstructured.Unstructured'
      throw fatal(now, table ? 375 : 329, `Field ${field} in ${where} is an unsortable type: ${kind}, err: ${e.message}`)
    }
  }
  return goSort(objs, less)
}
