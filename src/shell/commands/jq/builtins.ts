// jq's builtin functions: the ones written in C upstream are native here; the ones
// upstream writes in jq (and that must work in path expressions) are in PRELUDE.
// Upstream: jq src/builtin.c, src/builtin.jq (semantics; our own code and definitions).
import { strftime, toTm } from '../date/strftime.ts'
import { zoneFor } from '../date/tz.ts'
import type { Ast } from './ast.ts'
import {
  add,
  applyFormat,
  delpaths,
  desc,
  err,
  evaluate,
  getpath,
  indicesOf,
  iterate,
  pathsOf,
  Scope,
  setpath,
  splitStr,
  valueOut,
  values,
  type Closure,
  type EvalContext,
  type Native,
  type Out,
  type Path,
} from './eval.ts'
import { dump, formatNumber, parseJson, JsonParseError } from './json.ts'
import { Parser } from './parser.ts'
import { cmpStr, compare, isNum, isObj, JqError, kind, num, truthy, type JObject, type Value } from './value.ts'

/** halt / halt_error: stop the whole program with a status and a message for stderr. */
export class HaltSignal {
  constructor(
    readonly code: number,
    readonly message: Value,
  ) {}
}

type Fn0 = (v: Value) => Value

const natives = new Map<string, Native>()

function def0(name: string, fn: Fn0): void {
  natives.set(`${name}/0`, function* (input) {
    yield valueOut(input, fn(input.v))
  })
}

/** A function of value arguments ($a; $b): one call per combination, first argument outermost. */
function defN(name: string, arity: number, fn: (v: Value, ...args: Value[]) => Value): void {
  natives.set(`${name}/${arity}`, function* (input, args, ctx) {
    for (const combo of cartesian(args, input, ctx)) yield valueOut(input, fn(input.v, ...combo))
  })
}

function* cartesian(args: Closure[], input: Out, ctx: EvalContext, i = 0, acc: Value[] = []): Generator<Value[], void, void> {
  if (i === args.length) {
    yield acc
    return
  }
  for (const v of values(args[i].ast, input, args[i].scope, ctx)) yield* cartesian(args, input, ctx, i + 1, [...acc, v])
}

const str = (v: Value, what: string): string => {
  if (typeof v !== 'string') err(`${desc(v)} ${what}`)
  return v
}

const arr = (v: Value, what: string): Value[] => {
  if (!Array.isArray(v)) err(`${desc(v)} ${what}`)
  return v
}

// ---- basics ----
natives.set('empty/0', function* () {})
natives.set('error/0', function* (input) {
  throw new JqError(input.v)
})
natives.set('error/1', function* (input, args, ctx) {
  for (const m of values(args[0].ast, input, args[0].scope, ctx)) throw new JqError(m)
})
def0('not', (v) => !truthy(v))
def0('length', (v) => {
  if (Array.isArray(v)) return v.length
  if (isObj(v)) return v.size
  if (typeof v === 'string') return [...v].length
  if (isNum(v)) return Math.abs(num(v))
  if (v === null) return 0
  err(`${desc(v)} has no length`)
})
def0('utf8bytelength', (v) => [...str(v, 'only strings have UTF-8 byte length')].reduce((n, c) => n + (c.codePointAt(0)! < 0x80 ? 1 : c.codePointAt(0)! < 0x800 ? 2 : c.codePointAt(0)! < 0x10000 ? 3 : 4), 0))
def0('type', (v) => kind(v))
def0('keys', (v) => {
  if (isObj(v)) return [...v.keys()].sort(cmpStr)
  if (Array.isArray(v)) return v.map((_, i) => i)
  err(`${desc(v)} has no keys`)
})
def0('keys_unsorted', (v) => {
  if (isObj(v)) return [...v.keys()]
  if (Array.isArray(v)) return v.map((_, i) => i)
  err(`${desc(v)} has no keys`)
})
defN('has', 1, (v, k) => {
  if (isObj(v) && typeof k === 'string') return v.has(k)
  if (Array.isArray(v) && isNum(k)) return num(k) >= 0 && num(k) < v.length
  err(`Cannot check whether ${kind(v)} has a ${kind(k)} key`)
})
def0('add', (v) => {
  if (isObj(v)) v = [...v.values()]
  return arr(v, 'cannot be iterated over').reduce<Value>((acc, x) => add(acc, x), null)
})
def0('tostring', (v) => (typeof v === 'string' ? v : dump(v)))
def0('tojson', (v) => dump(v))
def0('fromjson', (v) => {
  try {
    return parseJson(str(v, 'only strings can be parsed'))
  } catch (e) {
    if (e instanceof JsonParseError) err(`${e.message} (while parsing '${v}')`)
    throw e
  }
})
def0('tonumber', (v) => {
  if (isNum(v)) return v
  if (typeof v === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return Number(v)
  if (typeof v === 'string' && /^\s*nan\s*$/i.test(v)) return NaN
  err(`${desc(v)} cannot be parsed as a number`)
})
def0('ascii_downcase', (v) => str(v, 'cannot be lowercased').replace(/[A-Z]/g, (c) => c.toLowerCase()))
def0('ascii_upcase', (v) => str(v, 'cannot be uppercased').replace(/[a-z]/g, (c) => c.toUpperCase()))
def0('explode', (v) => [...str(v, 'cannot be exploded')].map((c) => c.codePointAt(0)!))
def0('implode', (v) =>
  arr(v, 'cannot be imploded')
    .map((c) => {
      if (!isNum(c)) err('Unicode codepoint must be numeric')
      return String.fromCodePoint(num(c))
    })
    .join(''),
)
def0('ascii', (v) => String.fromCharCode(num(v as number)))
def0('trim', (v) => str(v, 'trim input must be a string').trim())
def0('ltrim', (v) => str(v, 'trim input must be a string').trimStart())
def0('rtrim', (v) => str(v, 'trim input must be a string').trimEnd())
defN('ltrimstr', 1, (v, p) => (typeof v === 'string' && typeof p === 'string' && v.startsWith(p) ? v.slice(p.length) : v))
defN('rtrimstr', 1, (v, p) => (typeof v === 'string' && typeof p === 'string' && v.endsWith(p) && p.length ? v.slice(0, v.length - p.length) : v))
defN('startswith', 1, (v, p) => {
  if (typeof v !== 'string' || typeof p !== 'string') err('startswith() requires string inputs')
  return v.startsWith(p)
})
defN('endswith', 1, (v, p) => {
  if (typeof v !== 'string' || typeof p !== 'string') err('endswith() requires string inputs')
  return v.endsWith(p)
})
defN('split', 1, (v, sep) => {
  if (typeof v !== 'string' || typeof sep !== 'string') err('split input and separator must be strings')
  return splitStr(v, sep)
})
defN('join', 1, (v, sep) => {
  let out: string | null = null
  for (const x of isObj(v) ? [...v.values()] : arr(v, 'cannot be iterated over')) {
    out = out === null ? '' : out + str(sep, 'and string cannot be added')
    if (x === null) continue
    if (typeof x === 'string') out += x
    else if (typeof x === 'boolean' || isNum(x)) out += dump(x)
    else err(`Cannot join with ${kind(x)}`)
  }
  return out ?? ''
})
defN('contains', 1, (v, b) => contains(v, b))
defN('inside', 1, (v, b) => contains(b, v))
defN('indices', 1, (v, i) => indices(v, i))
defN('index', 1, (v, i) => {
  const r = indices(v, i)
  return Array.isArray(r) ? (r[0] ?? null) : null
})
defN('rindex', 1, (v, i) => {
  const r = indices(v, i)
  return Array.isArray(r) ? (r[r.length - 1] ?? null) : null
})
def0('reverse', (v) => {
  if (v === null) return []
  if (typeof v === 'string') return [...v].reverse().join('')
  return [...arr(v, 'cannot be reversed, as it is not an array')].reverse()
})
def0('sort', (v) => [...arr(v, 'cannot be sorted, as it is not an array')].sort(compare))
def0('unique', (v) => uniq([...arr(v, 'cannot be sorted, as it is not an array')].sort(compare)))
def0('min', (v) => arr(v, 'cannot be iterated over').reduce<Value>((m, x, i) => (i === 0 || compare(x, m) < 0 ? x : m), null))
def0('max', (v) => arr(v, 'cannot be iterated over').reduce<Value>((m, x, i) => (i === 0 || compare(x, m) >= 0 ? x : m), null))
def0('flatten', (v) => flatten(arr(v, 'cannot be flattened'), Infinity))
defN('flatten', 1, (v, d) => {
  if (!isNum(d) || num(d) < 0) err('flatten depth must not be negative')
  return flatten(arr(v, 'cannot be flattened'), num(d))
})
def0('to_entries', (v) => {
  if (!isObj(v)) err(`${desc(v)} has no keys`)
  return [...v].map(([k, x]) => new Map<string, Value>([['key', k], ['value', x]]))
})
def0('from_entries', (v) => {
  const out: JObject = new Map()
  for (const e of isObj(v) ? [...v.values()] : arr(v, 'cannot be iterated over')) {
    let k: Value = null
    if (isObj(e)) for (const name of ['key', 'k', 'name', 'Name', 'Key', 'K']) if (truthy(e.get(name) ?? null)) k = e.get(name)!
    if (isObj(e) && k === null) k = e.get('key') ?? e.get('k') ?? null
    if (isNum(k) || typeof k === 'boolean') k = dump(k)
    if (k === null) k = 'null'
    if (typeof k !== 'string') err(`Cannot use ${desc(k)} as object key`)
    const val = isObj(e) ? (e.has('value') ? e.get('value')! : e.has('v') ? e.get('v')! : (e.get('Value') ?? null)) : null
    out.set(k, val)
  }
  return out
})
def0('tostream', () => err('tostream is not supported'))
def0('floor', (v) => Math.floor(number(v, 'floor')))
def0('ceil', (v) => Math.ceil(number(v, 'ceil')))
def0('round', (v) => {
  const n = number(v, 'round')
  return n < 0 ? -Math.round(-n) : Math.round(n)
})
def0('sqrt', (v) => Math.sqrt(number(v, 'sqrt')))
def0('fabs', (v) => Math.abs(number(v, 'fabs')))
def0('abs', (v) => {
  if (!isNum(v)) err(`${desc(v)} has no absolute value`)
  return num(v) < 0 ? -num(v) : v
})
def0('trunc', (v) => Math.trunc(number(v, 'trunc')))
def0('log', (v) => Math.log(number(v, 'log')))
def0('log2', (v) => Math.log2(number(v, 'log2')))
def0('log10', (v) => Math.log10(number(v, 'log10')))
def0('exp', (v) => Math.exp(number(v, 'exp')))
def0('exp2', (v) => 2 ** number(v, 'exp2'))
def0('exp10', (v) => 10 ** number(v, 'exp10'))
defN('pow', 2, (_v, a, b) => num(a as number) ** num(b as number))
defN('log', 1, (v) => Math.log(number(v, 'log')))
def0('infinite', () => Infinity)
def0('nan', () => NaN)
def0('isinfinite', (v) => !Number.isFinite(number(v, 'isinfinite')) && !Number.isNaN(number(v, 'isinfinite')))
def0('isnan', (v) => Number.isNaN(number(v, 'isnan')))
def0('isnormal', (v) => {
  const n = number(v, 'isnormal')
  return Number.isFinite(n) && n !== 0 && Math.abs(n) >= 2.2250738585072014e-308
})
def0('isvalid', () => true)
def0('have_literal_numbers', () => true)
def0('have_decnum', () => false)
def0('builtins', () => [...natives.keys(), ...PRELUDE_NAMES])
def0('input_filename', () => null)
def0('transpose', (v) => {
  const rows = arr(v, 'cannot be transposed').map((r) => arr(r, 'cannot be transposed'))
  const n = Math.max(0, ...rows.map((r) => r.length))
  return Array.from({ length: n }, (_, i) => rows.map((r) => r[i] ?? null))
})
defN('setpath', 2, (v, p, x) => setpath(v, arr(p, 'Path must be specified as an array') as Path, x))
defN('delpaths', 1, (v, ps) => delpaths(v, arr(ps, 'Paths must be specified as an array').map((p) => arr(p, 'Path must be specified as an array') as Path)))
defN('_group_by', 1, (v, keys) => groupBy(arr(v, 'cannot be grouped'), keys as Value[]))
defN('_sort_by', 1, (v, keys) => sortBy(arr(v, 'cannot be sorted, as it is not an array'), keys as Value[]).map(([x]) => x))
defN('_min_by', 1, (v, keys) => extremeBy(arr(v, 'cannot be iterated over'), keys as Value[], false))
defN('_max_by', 1, (v, keys) => extremeBy(arr(v, 'cannot be iterated over'), keys as Value[], true))
defN('test', 1, (v, re) => regexArgs(v, re, null, (r, s) => r.test(s)))
defN('test', 2, (v, re, flags) => regexArgs(v, re, flags, (r, s) => r.test(s)))
defN('strftime', 1, (v, f) => strftimeJq(v, f, false))
defN('strflocaltime', 1, (v, f) => strftimeJq(v, f, true))
def0('mktime', (v) => {
  const t = arr(v, 'mktime requires array of 6 numbers').map((x) => num(x as number))
  if (t.length < 6) err('mktime requires array of 6 numbers')
  return Math.floor(Date.UTC(t[0], t[1], t[2], t[3], t[4], Math.floor(t[5])) / 1000)
})
def0('gmtime', (v) => brokenDown(number(v, 'gmtime')))
def0('localtime', (v) => brokenDown(number(v, 'localtime')))
defN('strptime', 1, (v, f) => strptimeJq(str(v, 'strptime/1 requires string inputs and arguments'), str(f, 'strptime/1 requires string inputs and arguments')))
defN('_match_impl', 3, (v, re, flags, testOnly) => matchImpl(v, re, flags, truthy(testOnly)))
def0('input_line_number', () => 0)

natives.set('halt/0', function* () {
  throw new HaltSignal(0, null)
})
natives.set('halt_error/0', function* (input) {
  throw new HaltSignal(5, input.v)
})
natives.set('halt_error/1', function* (input, args, ctx) {
  for (const code of values(args[0].ast, input, args[0].scope, ctx)) {
    if (!isNum(code)) err(`halt_error/1: number required`)
    throw new HaltSignal(num(code), input.v)
  }
})
natives.set('getpath/1', function* (input, args, ctx) {
  for (const p of values(args[0].ast, input, args[0].scope, ctx)) {
    const path = arr(p, 'Path must be specified as an array') as Path
    let v: Value
    try {
      v = getpath(input.v, path)
    } catch (e) {
      if (e instanceof JqError) v = null
      else throw e
    }
    yield { v, p: input.p ? [...input.p, ...path] : null }
  }
})
natives.set('path/1', function* (input, args, ctx) {
  for (const p of pathsOf(args[0].ast, input.v, args[0].scope, ctx)) yield valueOut(input, p)
})
natives.set('env/0', function* (input, _args, ctx) {
  yield valueOut(input, new Map([...ctx.env].map(([k, v]): [string, Value] => [k, v])))
})
natives.set('now/0', function* (input, _args, ctx) {
  yield valueOut(input, ctx.now() / 1000)
})
natives.set('input/0', function* (input, _args, ctx) {
  const v = ctx.input()
  if (v === undefined) err('break')
  yield valueOut(input, v)
})
natives.set('inputs/0', function* (input, _args, ctx) {
  for (let v = ctx.input(); v !== undefined; v = ctx.input()) yield valueOut(input, v)
})
natives.set('debug/0', function* (input, _args, ctx) {
  ctx.stderr(`["DEBUG:",${dump(input.v)}]\n`)
  yield input
})
natives.set('stderr/0', function* (input, _args, ctx) {
  ctx.stderr(dump(input.v))
  yield input
})
natives.set('first/1', function* (input, args, ctx) {
  for (const o of evaluate(args[0].ast, input, args[0].scope, ctx)) {
    yield o
    return
  }
})
natives.set('limit/2', function* (input, args, ctx) {
  for (const n of values(args[0].ast, input, args[0].scope, ctx)) {
    let left = num(n as number)
    if (left <= 0) continue
    for (const o of evaluate(args[1].ast, input, args[1].scope, ctx)) {
      yield o
      if (--left <= 0) break
    }
  }
})
natives.set('range/2', function* (input, args, ctx) {
  for (const from of values(args[0].ast, input, args[0].scope, ctx))
    for (const to of values(args[1].ast, input, args[1].scope, ctx)) {
      if (!isNum(from) || !isNum(to)) err('Range bounds must be numeric')
      for (let i = num(from); i < num(to); i++) yield valueOut(input, i)
    }
})
natives.set('isempty/1', function* (input, args, ctx) {
  yield valueOut(input, evaluate(args[0].ast, { v: input.v, p: null }, args[0].scope, ctx).next().done === true)
})
natives.set('splits/2', function* (input, args, ctx) {
  for (const [re, flags] of cartesian(args, input, ctx)) {
    const s = str(input.v, 'cannot be matched, as it is not a string')
    const matches = matchImpl(s, re, flags === null ? 'g' : 'g' + str(flags, 'is not a string'), false) as Value[]
    let prev = 0
    const cps = [...s]
    for (const m of matches as JObject[]) {
      const off = num(m.get('offset') as number)
      yield valueOut(input, cps.slice(prev, off).join(''))
      prev = off + num(m.get('length') as number)
    }
    yield valueOut(input, cps.slice(prev).join(''))
  }
})
natives.set('sub/3', subNative(false))
natives.set('sub/2', subNative(false))
natives.set('gsub/3', subNative(true))
natives.set('gsub/2', subNative(true))

function subNative(global: boolean): Native {
  return function* (input, args, ctx) {
    const s = str(input.v, 'cannot be matched, as it is not a string')
    for (const re of values(args[0].ast, input, args[0].scope, ctx))
      for (const flags of args[2] ? values(args[2].ast, input, args[2].scope, ctx) : [''])
        yield* substitute(s, re, (global ? 'g' : '') + str(flags, 'is not a string'), args[1], input, ctx)
  }
}

function* substitute(s: string, re: Value, flags: string, repl: Closure, input: Out, ctx: EvalContext): Generator<Out, void, void> {
  const matches = matchImpl(s, re, flags, false) as JObject[]
  const cps = [...s]
  // Each replacement output gives one result string (jq 1.7 emits the cartesian product).
  const build = function* (i: number, prev: number, acc: string): Generator<string, void, void> {
    if (i === matches.length) {
      yield acc + cps.slice(prev).join('')
      return
    }
    const m = matches[i]
    const off = num(m.get('offset') as number)
    const captures: JObject = new Map()
    for (const c of m.get('captures') as JObject[]) if (c.get('name') !== null) captures.set(c.get('name') as string, c.get('string')!)
    for (const r of values(repl.ast, { v: captures, p: null }, repl.scope, ctx)) {
      if (typeof r !== 'string') err(`${desc(captures)} cannot be added to a string`)
      yield* build(i + 1, off + num(m.get('length') as number), acc + cps.slice(prev, off).join('') + r)
    }
  }
  for (const out of build(0, 0, '')) yield valueOut(input, out)
}

function number(v: Value, name: string): number {
  if (!isNum(v)) err(`${desc(v)} number required`)
  void name
  return num(v)
}

function contains(a: Value, b: Value): boolean {
  if (kind(a) !== kind(b)) err(`${desc(a)} and ${desc(b)} cannot have their containment checked`)
  if (isObj(a) && isObj(b)) return [...b].every(([k, v]) => a.has(k) && contains(a.get(k)!, v))
  if (Array.isArray(a) && Array.isArray(b)) return b.every((x) => a.some((y) => kind(x) === kind(y) && contains(y, x)))
  if (typeof a === 'string' && typeof b === 'string') return a.includes(b)
  return compare(a, b) === 0
}

function indices(v: Value, i: Value): Value {
  if (v === null) return null
  if (typeof v === 'string' && typeof i === 'string') {
    if (!i) return null
    const out: Value[] = []
    const bytes = utf8Offsets(v)
    for (let k = v.indexOf(i); k >= 0; k = v.indexOf(i, k + 1)) out.push(bytes(k))
    return out
  }
  if (Array.isArray(v) && Array.isArray(i)) return indicesOf(v, i)
  if (Array.isArray(v)) return indicesOf(v, [i])
  err(`Cannot determine indices of ${kind(i)} in ${kind(v)}`)
}

/** jq's string indices are byte offsets into the UTF-8 text. */
function utf8Offsets(s: string): (i: number) => number {
  return (i) => {
    let n = 0
    for (let k = 0; k < i; k++) {
      const c = s.charCodeAt(k)
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (k++, 4) : 3
    }
    return n
  }
}

function flatten(v: Value[], depth: number): Value[] {
  const out: Value[] = []
  for (const x of v) if (Array.isArray(x) && depth > 0) out.push(...flatten(x, depth - 1))
  else out.push(x)
  return out
}

function uniq(sorted: Value[]): Value[] {
  return sorted.filter((x, i) => i === 0 || compare(x, sorted[i - 1]) !== 0)
}

function sortBy(v: Value[], keys: Value[]): [Value, Value][] {
  return v.map((x, i): [Value, Value] => [x, keys[i]]).sort((a, b) => compare(a[1], b[1]))
}

function groupBy(v: Value[], keys: Value[]): Value[] {
  const out: Value[][] = []
  let last: Value | undefined
  for (const [x, k] of sortBy(v, keys)) {
    if (out.length && compare(k, last!) === 0) out[out.length - 1].push(x)
    else out.push([x])
    last = k
  }
  return out
}

function extremeBy(v: Value[], keys: Value[], max: boolean): Value {
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

// ---- regular expressions (Oniguruma's Perl-like syntax ~ JavaScript's) ----

function toRegExp(re: Value, flags: Value): { r: RegExp; global: boolean; skipEmpty: boolean } {
  const source = str(re, 'cannot be matched, as it is not a string')
  const f = flags === null ? '' : str(flags, 'is not a string')
  let js = 'du'
  let pattern = source
  for (const c of f) {
    if (c === 'g' || c === 'n' || c === 'l') continue
    else if (c === 'i') js += 'i'
    else if (c === 's') js += 's'
    else if (c === 'p') js += 's'
    else if (c === 'x') pattern = pattern.replace(/\\#/g, '\u0000').replace(/\s+|#.*$/gm, '').replace(/\u0000/g, '\\#')
    else err(`${f} is not a valid modifier string`)
  }
  try {
    return { r: new RegExp(pattern, js + 'g'), global: f.includes('g'), skipEmpty: f.includes('n') }
  } catch {
    err(`${source} (at offset 0) is not a valid regex: invalid pattern`)
  }
}

function regexArgs(v: Value, re: Value, flags: Value, fn: (r: RegExp, s: string) => boolean): boolean {
  const s = str(v, 'cannot be matched, as it is not a string')
  const { r } = toRegExp(re, flags)
  r.lastIndex = 0
  return fn(r, s)
}

function matchImpl(v: Value, re: Value, flags: Value, testOnly: boolean): Value {
  const s = str(v, 'cannot be matched, as it is not a string')
  const { r, global, skipEmpty } = toRegExp(re, flags)
  if (testOnly) return r.test(s)
  const cp = (i: number) => [...s.slice(0, i)].length
  const names = new Map<number, string>()
  const groupNames = /\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g
  let gi = 0
  for (const m of r.source.matchAll(/\((?!\?[:=!]|\?<[=!])(\?<([A-Za-z_]\w*)>)?/g)) {
    gi++
    if (m[2]) names.set(gi, m[2])
  }
  void groupNames
  const out: Value[] = []
  r.lastIndex = 0
  for (let m = r.exec(s); m; m = r.exec(s)) {
    if (m[0] === '') r.lastIndex++
    if (skipEmpty && m[0] === '') {
      if (!global) break
      continue
    }
    const captures: Value[] = []
    for (let g = 1; g < m.length; g++) {
      const idx = m.indices![g]
      captures.push(
        new Map<string, Value>([
          ['offset', idx ? cp(idx[0]) : -1],
          ['length', idx ? [...m[g]].length : 0],
          ['string', m[g] ?? null],
          ['name', names.get(g) ?? null],
        ]),
      )
    }
    out.push(
      new Map<string, Value>([
        ['offset', cp(m.index)],
        ['length', [...m[0]].length],
        ['string', m[0]],
        ['captures', captures],
      ]),
    )
    if (!global) break
  }
  return out
}

// ---- dates (UTC, as jq's gmtime/strftime) ----

function brokenDown(t: number): Value {
  const d = new Date(Math.floor(t) * 1000)
  const frac = t - Math.floor(t)
  const yday = Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000)
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds() + frac, d.getUTCDay(), yday]
}

function strftimeJq(v: Value, f: Value, local: boolean): Value {
  void local
  let t: number
  if (isNum(v)) t = num(v)
  else if (Array.isArray(v)) {
    const a = v.map((x) => num(x as number))
    t = Date.UTC(a[0], a[1], a[2], a[3], a[4], Math.floor(a[5])) / 1000
  } else err('strftime/1 requires parsed datetime inputs')
  const ms = Math.floor(t) * 1000
  return strftime(str(f, 'strftime/1 requires a string format'), toTm(ms, zoneFor('UTC', false).at(ms)))
}

function strptimeJq(s: string, f: string): Value {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(s)
  if (f !== '%Y-%m-%dT%H:%M:%SZ' || !m) {
    const generic = genericStrptime(s, f)
    if (generic) return generic
    err(`date "${s}" does not match format "${f}"`)
  }
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) / 1000
  return brokenDown(t)
}

function genericStrptime(s: string, f: string): Value | null {
  const fields = { Y: 1900, m: 1, d: 1, H: 0, M: 0, S: 0 }
  let re = ''
  const order: string[] = []
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '%' && 'YmdHMS'.includes(f[i + 1])) {
      order.push(f[++i])
      re += f[i] === 'Y' ? '(\\d{1,4})' : '(\\d{1,2})'
    } else if (f[i] === '%' && f[i + 1] === 'Z') {
      i++
      re += '[A-Za-z]+'
    } else re += f[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  const m = new RegExp(`^${re}$`).exec(s)
  if (!m) return null
  order.forEach((k, i) => (fields[k as keyof typeof fields] = Number(m[i + 1])))
  return brokenDown(Date.UTC(fields.Y, fields.m - 1, fields.d, fields.H, fields.M, fields.S) / 1000)
}

/** Builtins written in jq: they take part in path expressions (`del(.[] | select(...))`). */
const PRELUDE = `
def select(f): if f then . else empty end;
def recurse(f): def r: ., (f | r); r;
def recurse(f; cond): def r: ., (f | select(cond) | r); r;
def recurse: recurse(.[]?);
def map(f): [.[] | f];
def map_values(f): .[] |= f;
def with_entries(f): to_entries | map(f) | from_entries;
def del(f): delpaths([path(f)]);
def paths: path(..) | select(length > 0);
def paths(node_filter): . as $in | paths | select(. as $p | $in | getpath($p) | node_filter);
def leaf_paths: paths(scalars);
def pick(pathexps): . as $in | reduce path(pathexps) as $p (null; setpath($p; $in | getpath($p)));
def sort_by(f): _sort_by(map([f]));
def group_by(f): _group_by(map([f]));
def unique_by(f): [group_by(f)[] | .[0]];
def min_by(f): _min_by(map([f]));
def max_by(f): _max_by(map([f]));
def values: select(. != null);
def nulls: select(. == null);
def booleans: select(type == "boolean");
def numbers: select(type == "number");
def strings: select(type == "string");
def arrays: select(type == "array");
def objects: select(type == "object");
def iterables: select(type == "array" or type == "object");
def scalars: select(type != "array" and type != "object");
def finites: select(type == "number" and (isinfinite or isnan | not));
def normals: select(isnormal);
def isfinite: type == "number" and (isinfinite | not);
def any: reduce .[] as $x (false; . or $x);
def all: reduce .[] as $x (true; . and $x);
def any(f): reduce (.[] | f) as $x (false; . or $x);
def all(f): reduce (.[] | f) as $x (true; . and $x);
def any(g; cond): isempty(first(g | cond | select(.))) | not;
def all(g; cond): isempty(first(g | cond | select(. | not)));
def in(xs): . as $x | xs | has($x);
def while(cond; update): def w: if cond then ., (update | w) else empty end; w;
def until(cond; update): def u: if cond then . else (update | u) end; u;
def repeat(f): def r: f, r; r;
def range($n): range(0; $n);
def range($from; $upto; $by): if $by > 0 then $from | while(. < $upto; . + $by) elif $by < 0 then $from | while(. > $upto; . + $by) else empty end;
def last(f): reduce f as $x (null; $x);
def nth($n; f): if $n < 0 then error("Out of bounds negative array index") else last(limit($n + 1; f)) end;
def first: .[0];
def last: .[-1];
def nth($n): .[$n];
def walk(f): def w: if type == "object" then map_values(w) elif type == "array" then map(w) else . end | f; w;
def to_array: if type == "array" then . else [.] end;
def combinations: if length == 0 then [] else .[0][] as $x | (.[1:] | combinations) as $rest | [$x] + $rest end;
def combinations(n): . as $dot | [range(n) | $dot] | combinations;
def splits($re): splits($re; null);
def split($re; flags): [splits($re; flags)];
def match(re; mode): _match_impl(re; mode; false) | .[];
def match($val): if ($val | type) == "array" then match($val[0]; $val[1]) else match($val; null) end;
def capture(re; mods): match(re; mods) | [.captures[] | select(.name != null) | {key: .name, value: .string}] | from_entries;
def capture($val): if ($val | type) == "array" then capture($val[0]; $val[1]) else capture($val; null) end;
def scan($re; $flags): match($re; "g" + ($flags // "")) | if (.captures | length) > 0 then [.captures[].string] else .string end;
def scan($re): scan($re; null);
def todateiso8601: strftime("%Y-%m-%dT%H:%M:%SZ");
def fromdateiso8601: strptime("%Y-%m-%dT%H:%M:%SZ") | mktime;
def todate: todateiso8601;
def fromdate: fromdateiso8601;
def date: todate;
def dateadd(u; n): . + n;
def datesub(u; n): . - n;
def IN(s): any(s == .; .);
def IN(src; s): any(src == s; .);
def INDEX(stream; idx_expr): reduce stream as $row ({}; .[$row | idx_expr | tostring] = $row);
def INDEX(idx_expr): INDEX(.[]; idx_expr);
def ascii(i): [i] | implode;
def tostream: path(def r: (.[]? | r), .; r) as $p | getpath($p) | reduce path(.[]?) as $q ([$p, .]; [$p + $q]);
def getpath_or_null(p): getpath(p);
def error(msg): msg | error;
def add(f): reduce f as $x (null; . + $x);
def debug(msg): (msg | debug | empty), .;
def inside(xs): . as $x | xs | contains($x);
def limit($n; f): if $n > 0 then first_n($n; f) elif $n == 0 then empty else f end;
`

const PRELUDE_NAMES: string[] = []

let prelude: Scope | null = null

/** The scope every program starts in: natives, then the jq-defined builtins. */
export function builtinScope(): Scope {
  if (prelude) return prelude
  let scope = new Scope(null, '*root*', { kind: 'var', value: null })
  for (const [key, fn] of natives) scope = scope.bind(key, { kind: 'native', fn })
  // first_n is limit's native core; the jq wrapper keeps limit's handling of n <= 0.
  scope = scope.bind('first_n/2', { kind: 'native', fn: natives.get('limit/2')! })
  let ast: Ast = Parser.parse(PRELUDE + ' .')
  while (ast.t === 'def') {
    const def = ast.def
    const inner: Scope = scope.bind(`${def.name}/${def.params.length}`, { kind: 'func', def, scope: () => inner })
    scope = inner
    PRELUDE_NAMES.push(`${def.name}/${def.params.length}`)
    ast = ast.body
  }
  prelude = scope
  return scope
}
