// jq's builtin functions: the ones written in C upstream are native here; the ones
// upstream writes in jq (and that must work in path expressions) are in PRELUDE.
// Upstream: jq src/builtin.c, src/builtin.jq (semantics; our own code and definitions).
import { contains, extremeBy, flatten, groupBy, indices, sortBy, uniq } from './collections.ts'
import { evaluate, pathsOf, values } from './eval.ts'
import { dump, parseJson, JsonParseError } from './json.ts'
import { add, delpaths, desc, err, getpath, setpath, splitStr, type Path } from './ops.ts'
import { PRELUDE_NAMES } from './prelude.ts'
import { brokenDown, matchImpl, regexArgs, strftimeJq, strptimeJq } from './regex-dates.ts'
import { valueOut, type Closure, type EvalContext, type Native, type Out } from './scope.ts'
import { cmpStr, compare, isNum, isObj, JqError, kind, num, truthy, type JObject, type Value } from './value.ts'

/** halt / halt_error: stop the whole program with a status and a message for stderr. */
export class HaltSignal {
  constructor(
    readonly code: number,
    readonly message: Value,
  ) {}
}

type Fn0 = (v: Value) => Value

export const natives = new Map<string, Native>()

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
def0('floor', (v) => Math.floor(number(v)))
def0('ceil', (v) => Math.ceil(number(v)))
def0('round', (v) => {
  const n = number(v)
  return n < 0 ? -Math.round(-n) : Math.round(n)
})
def0('sqrt', (v) => Math.sqrt(number(v)))
def0('fabs', (v) => Math.abs(number(v)))
def0('abs', (v) => {
  if (!isNum(v)) err(`${desc(v)} has no absolute value`)
  return num(v) < 0 ? -num(v) : v
})
def0('trunc', (v) => Math.trunc(number(v)))
def0('log', (v) => Math.log(number(v)))
def0('log2', (v) => Math.log2(number(v)))
def0('log10', (v) => Math.log10(number(v)))
def0('exp', (v) => Math.exp(number(v)))
def0('exp2', (v) => 2 ** number(v))
def0('exp10', (v) => 10 ** number(v))
defN('pow', 2, (_v, a, b) => num(a as number) ** num(b as number))
defN('log', 1, (v) => Math.log(number(v)))
def0('infinite', () => Infinity)
def0('nan', () => NaN)
def0('isinfinite', (v) => !Number.isFinite(number(v)) && !Number.isNaN(number(v)))
def0('isnan', (v) => Number.isNaN(number(v)))
def0('isnormal', (v) => {
  const n = number(v)
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
def0('gmtime', (v) => brokenDown(number(v)))
def0('localtime', (v) => brokenDown(number(v)))
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
  yield valueOut(input, new Map<string, Value>(ctx.env))
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

function number(v: Value): number {
  if (!isNum(v)) err(`${desc(v)} number required`)
  return num(v)
}
