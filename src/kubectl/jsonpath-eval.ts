// Evaluating a JSONPath template over JSON and printing results as kubectl does (strings raw,
// maps and lists as compact JSON, results joined by a space, no newline). Upstream: client-go
// util/jsonpath/jsonpath.go, third_party/forked/golang/template/funcs.go (comparisons).
import { utf8Encode } from '../shell/commands/util/io.ts'
import { JsonPathError, type JpNode } from './jsonpath.ts'
import { goJsonCompact, goJsonIndent, goPlain } from './printers/json.ts'

/** A value found by the template: present (possibly null) JSON. */
type Val = { v: unknown }

export interface JsonPathOptions {
  allowMissingKeys: boolean
  /** jsonpath-as-json: print the results as an indented JSON array. */
  outputJson?: boolean
}

interface RangeState {
  beginRange: number
  inRange: number
  endRange: number
  lastEnd: JpNode | undefined
}

const isArr = Array.isArray
const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Go's type name of a decoded JSON value, for error messages. */
function goType(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64'
  if (isArr(v)) return '[]interface {}'
  return 'map[string]interface {}'
}

class Evaluator {
  private st: RangeState = { beginRange: 0, inRange: 0, endRange: 0, lastEnd: undefined }

  constructor(private opts: JsonPathOptions) {}

  findResults(data: unknown, nodes: JpNode[]): Val[][] {
    const cur: Val[] = [{ v: data }]
    const full: Val[][] = []
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]
      const results = this.walk(cur, node)
      if (this.st.endRange > 0 && this.st.endRange <= this.st.inRange) {
        this.st.endRange--
        this.st.lastEnd = node
        break
      }
      if (this.st.beginRange > 0) {
        this.st.beginRange--
        this.st.inRange++
        const body = nodes.slice(i + 1)
        if (results.length) for (const r of results) full.push(...this.findResults(r.v, body))
        else this.findResults(null, body)
        this.st.inRange--
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.st.lastEnd) {
            i = k
            break
          }
        }
        continue
      }
      full.push(results)
    }
    return full
  }

  private walk(input: Val[], node: JpNode): Val[] {
    switch (node.t) {
      case 'list':
        return node.nodes.reduce((cur, n) => this.walk(cur, n), input)
      case 'text':
        return [{ v: node.text }]
      case 'field':
        return this.field(input, node.name)
      case 'array':
        return this.array(input, node.params)
      case 'filter':
        return this.filter(input, node)
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => ({ v: node.value }))
      case 'wildcard':
        return input.flatMap((x) => children(x.v))
      case 'recursive':
        return this.recursive(input)
      case 'union':
        return node.lists.flatMap((l) => this.walk(input, l))
      case 'ident':
        return this.ident(input, node.name)
    }
  }

  private ident(input: Val[], name: string): Val[] {
    if (name === 'range') {
      this.st.beginRange++
      return input
    }
    if (name === 'end') {
      if (this.st.inRange > 0) {
        this.st.endRange++
        return []
      }
      throw new JsonPathError('not in range, nothing to end')
    }
    throw new JsonPathError(`unrecognized identifier ${name}`)
  }

  private field(input: Val[], name: string): Val[] {
    const out: Val[] = []
    if (!input.length) return out
    for (const x of input) {
      if (isMap(x.v) && Object.prototype.hasOwnProperty.call(x.v, name) && x.v[name] !== undefined) out.push({ v: x.v[name] })
    }
    if (!out.length && !this.opts.allowMissingKeys) throw new JsonPathError(`${name} is not found`)
    return out
  }

  private array(input: Val[], params: readonly { value: number; known: boolean; derived: boolean }[]): Val[] {
    const out: Val[] = []
    for (const x of input) {
      if (x.v === null || x.v === undefined) continue
      if (!isArr(x.v)) throw new JsonPathError(`${goType(x.v)} is not array or slice`)
      const len = x.v.length
      const p = params.map((q) => ({ ...q }))
      if (!p[0].known) p[0].value = 0
      if (p[0].value < 0) p[0].value += len
      if (!p[1].known) p[1].value = len
      if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len
      if (p[1].value === p[0].value) return out
      if (p[0].value >= len || p[0].value < 0) throw new JsonPathError(`array index out of bounds: index ${p[0].value}, length ${len}`)
      if (p[1].value > len || p[1].value < 0) throw new JsonPathError(`array index out of bounds: index ${p[1].value - 1}, length ${len}`)
      if (p[0].value > p[1].value) throw new JsonPathError(`starting index ${p[0].value} is greater than ending index ${p[1].value}`)
      let step = 1
      if (p[2].known) {
        if (p[2].value <= 0) throw new JsonPathError('step must be > 0')
        step = p[2].value
      }
      const slice = x.v.slice(p[0].value, p[1].value)
      for (let i = 0; i < slice.length; i += step) out.push({ v: slice[i] })
    }
    return out
  }

  private recursive(input: Val[]): Val[] {
    const out: Val[] = []
    for (const x of input) {
      if (x.v === null || x.v === undefined) continue
      const kids = children(x.v)
      if (kids.length) {
        out.push(x)
        out.push(...this.recursive(kids))
      }
    }
    return out
  }

  private filter(input: Val[], node: { left: JpNode; right: JpNode; op: string }): Val[] {
    const out: Val[] = []
    for (const x of input) {
      if (!isArr(x.v)) throw new JsonPathError(`${goPlain(x.v)} is not array or slice and cannot be filtered`)
      for (const item of x.v) {
        const temp = [{ v: item }]
        let lefts: Val[]
        try {
          lefts = this.walk(temp, node.left)
        } catch (e) {
          if (node.op === 'exists') continue
          throw e
        }
        if (node.op === 'exists') {
          if (lefts.length) out.push({ v: item })
          continue
        }
        if (!lefts.length) continue
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time')
        const rights = this.walk(temp, node.right)
        if (!rights.length) continue
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time')
        if (compare(node.op, lefts[0].v, rights[0].v)) out.push({ v: item })
      }
    }
    return out
  }
}

/** Map values (sorted by key: Go's order is random, ours is stable), list items, or string bytes. */
function children(v: unknown): Val[] {
  if (isArr(v)) return v.map((x) => ({ v: x }))
  if (isMap(v)) {
    return Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => ({ v: v[k] }))
  }
  if (typeof v === 'string') return utf8Encode(v).map((b) => ({ v: b }))
  return []
}

type Kind = 'bool' | 'int' | 'float' | 'string'

function basicKind(v: unknown): Kind {
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  throw new JsonPathError('invalid type for comparison')
}

function compare(op: string, a: unknown, b: unknown): boolean {
  const ka = basicKind(a)
  const kb = basicKind(b)
  if (ka !== kb) throw new JsonPathError('incompatible types for comparison')
  const eq = a === b
  const less = (): boolean => {
    if (ka === 'bool') throw new JsonPathError('invalid type for comparison')
    return (a as number | string) < (b as number | string)
  }
  switch (op) {
    case '==':
      return eq
    case '!=':
      return !eq
    case '<':
      return less()
    case '<=':
      return less() || eq
    case '>':
      return !less() && !eq
    case '>=':
      return !less()
    default:
      throw new JsonPathError(`unrecognized filter operator ${op}`)
  }
}

/** fmt.Sprint of a scalar; maps and lists as compact JSON. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return v
  return goJsonCompact(v)
}

export function evaluateJsonPath(root: JpNode, data: unknown, opts: JsonPathOptions): unknown[][] {
  const nodes = (root as { nodes: JpNode[] }).nodes
  return new Evaluator(opts).findResults(data, nodes).map((rs) => rs.map((r) => r.v))
}

/** PrintResults for every block of results. */
export function printJsonPath(root: JpNode, data: unknown, opts: JsonPathOptions): string {
  let out = ''
  for (const results of evaluateJsonPath(root, data, opts)) {
    if (opts.outputJson) {
      out += goJsonIndent(results) + '\n'
      continue
    }
    out += results.map(goValue).join(' ')
  }
  return out
}
