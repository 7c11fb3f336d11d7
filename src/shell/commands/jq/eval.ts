// The jq evaluator: every filter is a generator of outputs; in path mode each output
// carries the path it came from (for path(), assignments, del, paths). Errors are
// JqError values; label/break unwind with a BreakSignal.
// Upstream: jq src/execute.c, src/jv_aux.c (jv_get, jv_set, jv_setpath, jv_delpaths).
import type { Ast, FuncDef, Pattern } from './ast.ts'
import { dump, dumpTrunc } from './json.ts'
import { compare, isNum, isObj, JqError, kind, num, truthy, type JObject, type Value } from './value.ts'

export type PathElem = Value
export type Path = PathElem[]

export interface Out {
  v: Value
  /** The path of this output in path mode, null otherwise. */
  p: Path | null
}

/** A filter passed as an argument: its syntax and the scope it was written in. */
export interface Closure {
  ast: Ast
  scope: Scope
}

export type Native = (input: Out, args: Closure[], ctx: EvalContext) => Iterable<Out>

export type Binding =
  | { kind: 'var'; value: Value }
  | { kind: 'func'; def: FuncDef; scope: () => Scope }
  | { kind: 'param'; closure: Closure }
  | { kind: 'native'; fn: Native }
  | { kind: 'label'; id: symbol }

/** A persistent linked scope: variables, functions (name/arity) and labels. */
export class Scope {
  constructor(
    readonly parent: Scope | null,
    readonly key: string,
    readonly binding: Binding,
  ) {}

  lookup(key: string): Binding | undefined {
    for (let s: Scope | null = this; s; s = s.parent) if (s.key === key) return s.binding
    return undefined
  }

  bind(key: string, binding: Binding): Scope {
    return new Scope(this, key, binding)
  }
}

export class BreakSignal {
  constructor(readonly id: symbol) {}
}

/** What the running program can reach outside itself. */
export interface EvalContext {
  env: ReadonlyMap<string, string>
  now(): number
  /** The next input value (`input`), or undefined when there is none. */
  input(): Value | undefined
  stderr(text: string): void
  ev(ast: Ast, input: Out, scope: Scope): Generator<Out, void, void>
}

export function err(msg: string): never {
  throw new JqError(msg)
}

/** "number (1)" — a value described as jq's error messages do. */
export function desc(v: Value): string {
  return `${kind(v)} (${dumpTrunc(v)})`
}

export function* evaluate(a: Ast, input: Out, scope: Scope, ctx: EvalContext): Generator<Out, void, void> {
  switch (a.t) {
    case 'identity':
      yield input
      return
    case 'recurse':
      yield* recurseAll(input)
      return
    case 'field':
      for (const t of evaluate(a.target, input, scope, ctx))
        for (const k of values(a.name, input, scope, ctx)) {
          if (a.opt) {
            try {
              yield index(t, k)
            } catch (e) {
              if (!(e instanceof JqError)) throw e
            }
          } else yield index(t, k)
        }
      return
    case 'slice':
      for (const t of evaluate(a.target, input, scope, ctx))
        for (const to of a.to ? values(a.to, input, scope, ctx) : [null])
          for (const from of a.from ? values(a.from, input, scope, ctx) : [null]) {
            const key = new Map<string, Value>([['start', from], ['end', to]])
            if (a.opt) {
              try {
                yield index(t, key)
              } catch (e) {
                if (!(e instanceof JqError)) throw e
              }
            } else yield index(t, key)
          }
      return
    case 'iterate':
      for (const t of evaluate(a.target, input, scope, ctx)) {
        if (a.opt && !Array.isArray(t.v) && !isObj(t.v)) continue
        yield* iterate(t)
      }
      return
    case 'literal':
      yield valueOut(input, a.value)
      return
    case 'string':
      for (const s of interpolate(a.parts, a.format, input, scope, ctx)) yield valueOut(input, s)
      return
    case 'format':
      yield valueOut(input, applyFormat(a.name, input.v))
      return
    case 'array': {
      const items: Value[] = []
      if (a.body) for (const o of evaluate(a.body, { v: input.v, p: null }, scope, ctx)) items.push(o.v)
      yield valueOut(input, items)
      return
    }
    case 'object':
      for (const o of buildObject(a.entries, 0, new Map(), input, scope, ctx)) yield valueOut(input, o)
      return
    case 'pipe':
      for (const l of evaluate(a.left, input, scope, ctx)) yield* evaluate(a.right, l, scope, ctx)
      return
    case 'comma':
      yield* evaluate(a.left, input, scope, ctx)
      yield* evaluate(a.right, input, scope, ctx)
      return
    case 'neg':
      for (const v of values(a.body, input, scope, ctx)) {
        if (!isNum(v)) err(`${desc(v)} cannot be negated`)
        yield valueOut(input, -num(v))
      }
      return
    case 'binop':
      for (const r of values(a.right, input, scope, ctx))
        for (const l of values(a.left, input, scope, ctx)) yield valueOut(input, binop(a.op, l, r))
      return
    case 'and':
    case 'or':
      for (const l of values(a.left, input, scope, ctx)) {
        if (a.t === 'and' ? !truthy(l) : truthy(l)) {
          yield valueOut(input, a.t === 'or')
          continue
        }
        for (const r of values(a.right, input, scope, ctx)) yield valueOut(input, truthy(r))
      }
      return
    case 'alt':
      yield* alternative(a.left, a.right, input, scope, ctx)
      return
    case 'assign':
      yield* assign(a.op, a.left, a.right, input, scope, ctx)
      return
    case 'if':
      for (const c of values(a.cond, input, scope, ctx)) {
        if (truthy(c)) yield* evaluate(a.then, input, scope, ctx)
        else if (a.else) yield* evaluate(a.else, input, scope, ctx)
        else yield input
      }
      return
    case 'try':
      yield* tryCatch(a.body, a.catch, input, scope, ctx)
      return
    case 'reduce':
      for (const init of values(a.init, input, scope, ctx)) {
        let acc: Value = init
        for (const item of values(a.source, input, scope, ctx))
          for (const s of destructure(a.pattern, item, scope, ctx)) {
            let last: Value = null
            for (const u of values(a.update, { v: acc, p: null }, s, ctx)) last = u
            acc = last
          }
        yield valueOut(input, acc)
      }
      return
    case 'foreach':
      for (const init of values(a.init, input, scope, ctx)) {
        let acc: Value = init
        for (const item of values(a.source, input, scope, ctx))
          for (const s of destructure(a.pattern, item, scope, ctx))
            for (const u of values(a.update, { v: acc, p: null }, s, ctx)) {
              acc = u
              if (a.extract) for (const x of values(a.extract, { v: u, p: null }, s, ctx)) yield valueOut(input, x)
              else yield valueOut(input, u)
            }
      }
      return
    case 'bind':
      for (const item of values(a.source, input, scope, ctx)) yield* bindPatterns(a.patterns, item, a.body, input, scope, ctx)
      return
    case 'label': {
      const id = Symbol(a.name)
      try {
        yield* evaluate(a.body, input, scope.bind('*label*' + a.name, { kind: 'label', id }), ctx)
      } catch (e) {
        if (!(e instanceof BreakSignal) || e.id !== id) throw e
      }
      return
    }
    case 'break': {
      const b = scope.lookup('*label*' + a.name)
      if (b?.kind !== 'label') err('$*label-' + a.name + ' is not defined')
      throw new BreakSignal(b.id)
    }
    case 'var': {
      if (a.name === 'ENV') {
        yield valueOut(input, new Map([...ctx.env].map(([k, v]): [string, Value] => [k, v])))
        return
      }
      const b = scope.lookup('$' + a.name)
      if (b?.kind !== 'var') err(`$${a.name} is not defined`)
      yield valueOut(input, b.value)
      return
    }
    case 'call':
      yield* call(a.name, a.args, input, scope, ctx)
      return
    case 'def': {
      let inner: Scope
      const def = a.def
      inner = scope.bind(`${def.name}/${def.params.length}`, { kind: 'func', def, scope: () => inner })
      yield* evaluate(a.body, input, inner, ctx)
      return
    }
  }
}

/** Outputs of a filter as plain values (its paths are not needed). */
export function* values(a: Ast, input: Out, scope: Scope, ctx: EvalContext): Generator<Value, void, void> {
  for (const o of evaluate(a, { v: input.v, p: null }, scope, ctx)) yield o.v
}

/** A computed value: not a path, so an error in path mode (path(1)). */
export function valueOut(input: Out, v: Value): Out {
  if (input.p) err(`Invalid path expression with result ${dumpTrunc(v, 30)}`)
  return { v, p: null }
}

function* recurseAll(o: Out): Generator<Out, void, void> {
  yield o
  if (Array.isArray(o.v) || isObj(o.v)) for (const c of iterate(o)) yield* recurseAll(c)
}

export function* iterate(t: Out): Generator<Out, void, void> {
  const v = t.v
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) yield { v: v[i], p: t.p ? [...t.p, i] : null }
    return
  }
  if (isObj(v)) {
    for (const [k, x] of v) yield { v: x, p: t.p ? [...t.p, k] : null }
    return
  }
  err(`Cannot iterate over ${desc(v)}`)
}

/** jv_get: .[k] for objects, arrays (numbers and slices, arrays as indices()) and null. */
export function index(t: Out, k: Value): Out {
  return { v: get(t.v, k), p: t.p ? [...t.p, k] : null }
}

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

function* interpolate(parts: (string | Ast)[], format: string | null, input: Out, scope: Scope, ctx: EvalContext, i = 0, acc = ''): Generator<string, void, void> {
  if (i === parts.length) {
    yield acc
    return
  }
  const part = parts[i]
  if (typeof part === 'string') {
    yield* interpolate(parts, format, input, scope, ctx, i + 1, acc + part)
    return
  }
  for (const v of values(part, input, scope, ctx)) {
    const text = format ? String(applyFormat(format, v)) : typeof v === 'string' ? v : dump(v)
    yield* interpolate(parts, format, input, scope, ctx, i + 1, acc + text)
  }
}

function* buildObject(entries: { key: Ast; value: Ast }[], i: number, acc: JObject, input: Out, scope: Scope, ctx: EvalContext): Generator<JObject, void, void> {
  if (i === entries.length) {
    yield acc
    return
  }
  const e = entries[i]
  for (const k of values(e.key, input, scope, ctx)) {
    if (typeof k !== 'string') err(`Object keys must be strings`)
    for (const v of values(e.value, input, scope, ctx)) {
      const next = new Map(acc)
      next.set(k, v)
      yield* buildObject(entries, i + 1, next, input, scope, ctx)
    }
  }
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

function* alternative(left: Ast, right: Ast, input: Out, scope: Scope, ctx: EvalContext): Generator<Out, void, void> {
  let any = false
  try {
    for (const o of evaluate(left, input, scope, ctx))
      if (truthy(o.v)) {
        any = true
        yield o
      }
  } catch (e) {
    if (!(e instanceof JqError)) throw e
  }
  if (!any) yield* evaluate(right, input, scope, ctx)
}

function* tryCatch(body: Ast, handler: Ast | null, input: Out, scope: Scope, ctx: EvalContext): Generator<Out, void, void> {
  let caught: JqError | null = null
  const gen = evaluate(body, input, scope, ctx)
  for (;;) {
    let r: IteratorResult<Out, void>
    try {
      r = gen.next()
    } catch (e) {
      if (!(e instanceof JqError)) throw e
      caught = e
      break
    }
    if (r.done) return
    yield r.value
  }
  // `error(null)` is caught like any error; `break` is not an error.
  if (handler && caught) yield* evaluate(handler, { v: caught.value, p: null }, scope, ctx)
}

function* bindPatterns(patterns: Pattern[], item: Value, body: Ast, input: Out, scope: Scope, ctx: EvalContext): Generator<Out, void, void> {
  if (patterns.length === 1) {
    for (const s of destructure(patterns[0], item, scope, ctx)) yield* evaluate(body, input, s, ctx)
    return
  }
  // `?//`: try each pattern in turn while the body errors; every pattern's variables exist.
  const allVars = patterns.flatMap(patternVars)
  for (let i = 0; i < patterns.length; i++) {
    let base = scope
    for (const v of allVars) base = base.bind('$' + v, { kind: 'var', value: null })
    try {
      for (const s of destructure(patterns[i], item, base, ctx)) yield* evaluate(body, input, s, ctx)
      return
    } catch (e) {
      if (!(e instanceof JqError) || i === patterns.length - 1) throw e
    }
  }
}

function patternVars(p: Pattern): string[] {
  if (p.t === 'var') return [p.name]
  if (p.t === 'array') return p.items.flatMap(patternVars)
  return p.entries.flatMap((e) => [...(e.keyVar ? [e.keyVar] : []), ...(e.value ? patternVars(e.value) : [])])
}

/** Bind a pattern ($x, [$a, $b], {a: $x, $y}) to a value: one scope per way it matches. */
export function* destructure(p: Pattern, v: Value, scope: Scope, ctx: EvalContext): Generator<Scope, void, void> {
  if (p.t === 'var') {
    yield scope.bind('$' + p.name, { kind: 'var', value: v })
    return
  }
  if (p.t === 'array') {
    if (v !== null && !Array.isArray(v)) err(`Cannot index ${kind(v)} with number`)
    yield* destructureItems(p.items, 0, v as Value[] | null, scope, ctx)
    return
  }
  yield* destructureEntries(p.entries, 0, v, scope, ctx)
}

function* destructureItems(items: Pattern[], i: number, v: Value[] | null, scope: Scope, ctx: EvalContext): Generator<Scope, void, void> {
  if (i === items.length) {
    yield scope
    return
  }
  for (const s of destructure(items[i], v ? (v[i] ?? null) : null, scope, ctx)) yield* destructureItems(items, i + 1, v, s, ctx)
}

function* destructureEntries(
  entries: Extract<Pattern, { t: 'object' }>['entries'],
  i: number,
  v: Value,
  scope: Scope,
  ctx: EvalContext,
): Generator<Scope, void, void> {
  if (i === entries.length) {
    yield scope
    return
  }
  const e = entries[i]
  // A computed key sees the variables bound so far, with the whole value as input.
  const keys: Value[] = typeof e.key === 'string' ? [e.key] : [...values(e.key, { v, p: null }, scope, ctx)]
  for (const k of keys) {
    if (typeof k !== 'string') err(`Cannot index ${kind(v)} with ${kind(k)}`)
    const x = get(v, k)
    let s = scope
    if (e.keyVar) s = s.bind('$' + e.keyVar, { kind: 'var', value: x })
    if (e.value) for (const s2 of destructure(e.value, x, s, ctx)) yield* destructureEntries(entries, i + 1, v, s2, ctx)
    else yield* destructureEntries(entries, i + 1, v, s, ctx)
  }
}

function* call(name: string, args: Ast[], input: Out, scope: Scope, ctx: EvalContext): Generator<Out, void, void> {
  const b = scope.lookup(`${name}/${args.length}`)
  if (!b) err(`${name}/${args.length} is not defined`)
  if (b.kind === 'param') {
    yield* evaluate(b.closure.ast, input, b.closure.scope, ctx)
    return
  }
  const closures = args.map((ast) => ({ ast, scope }))
  if (b.kind === 'native') {
    yield* b.fn(input, closures, ctx)
    return
  }
  if (b.kind !== 'func') err(`${name}/${args.length} is not defined`)
  yield* callDef(b.def, b.scope(), closures, 0, input, ctx)
}

function* callDef(def: FuncDef, scope: Scope, args: Closure[], i: number, input: Out, ctx: EvalContext): Generator<Out, void, void> {
  if (i === def.params.length) {
    let inner: Scope
    // The function sees itself (recursion) and its parameters.
    inner = scope.bind(`${def.name}/${def.params.length}`, { kind: 'func', def, scope: () => inner })
    let s = inner
    for (let k = 0; k < def.params.length; k++) {
      const p = def.params[k]
      if (!p.startsWith('$')) s = s.bind(`${p}/0`, { kind: 'param', closure: args[k] })
    }
    yield* evaluate(def.body, input, s.bind('*args*', { kind: 'var', value: null }), ctx)
    return
  }
  const p = def.params[i]
  if (!p.startsWith('$')) {
    yield* callDef(def, scope, args, i + 1, input, ctx)
    return
  }
  // A $param is evaluated in the caller's scope, once per output (a cartesian product).
  for (const v of values(args[i].ast, input, args[i].scope, ctx)) {
    const lit = { ast: { t: 'literal', value: v } as Ast, scope: args[i].scope }
    const s = scope.bind('$' + p.slice(1), { kind: 'var', value: v }).bind(`${p.slice(1)}/0`, { kind: 'param', closure: lit })
    yield* callDef(def, s, args, i + 1, input, ctx)
  }
}

// ---- paths: getpath, setpath, delpaths and the assignment operators ----

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

/** Every path a filter's outputs come from (path(f)). */
export function* pathsOf(a: Ast, v: Value, scope: Scope, ctx: EvalContext): Generator<Path, void, void> {
  for (const o of evaluate(a, { v, p: [] }, scope, ctx)) yield o.p ?? []
}

function* assign(op: string, left: Ast, right: Ast, input: Out, scope: Scope, ctx: EvalContext): Generator<Out, void, void> {
  const v = input.v
  if (op === '|=') {
    let out = v
    const dels: Path[] = []
    for (const p of pathsOf(left, v, scope, ctx)) {
      const first = values(right, { v: getpath(out, p), p: null }, scope, ctx).next()
      if (first.done) dels.push(p)
      else out = setpath(out, p, first.value as Value)
    }
    yield valueOut(input, delpaths(out, dels))
    return
  }
  for (const rv of values(right, input, scope, ctx)) {
    let out = v
    for (const p of pathsOf(left, v, scope, ctx)) {
      const cur = getpath(out, p)
      let next: Value
      if (op === '=') next = rv
      else if (op === '//=') next = truthy(cur) ? cur : rv
      else next = binop(op.slice(0, -1), cur, rv)
      out = setpath(out, p, next)
    }
    yield valueOut(input, out)
  }
}

// ---- @formats ----

export function applyFormat(name: string, v: Value): Value {
  const text = (x: Value) => (typeof x === 'string' ? x : dump(x))
  switch (name) {
    case 'text':
      return text(v)
    case 'json':
      return dump(v)
    case 'html':
      return text(v).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!)
    case 'uri':
      return [...new TextEncoderShim(text(v))].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0'))).join('')
    case 'csv':
    case 'tsv': {
      if (!Array.isArray(v)) err(`${desc(v)} cannot be ${name}-formatted, only an array can be`)
      return v
        .map((x) => {
          if (typeof x === 'string') return name === 'csv' ? `"${x.replace(/"/g, '""')}"` : x.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)
          if (x === null) return ''
          if (typeof x === 'boolean' || isNum(x)) return dump(x)
          err(`${desc(x)} is not valid in a csv row`)
        })
        .join(name === 'csv' ? ',' : '\t')
    }
    case 'sh': {
      const q = (x: Value): string => {
        if (typeof x === 'string') return `'${x.replace(/'/g, "'\\''")}'`
        if (Array.isArray(x) || isObj(x)) err(`${desc(x)} can not be escaped for shell`)
        return dump(x)
      }
      return Array.isArray(v) ? v.map(q).join(' ') : q(v)
    }
    case 'base64':
      return base64Encode(text(v))
    case 'base64d':
      return base64Decode(text(v))
  }
  err(`${name} is not a valid format`)
}

class TextEncoderShim {
  constructor(private s: string) {}
  *[Symbol.iterator](): Generator<number> {
    for (const ch of this.s) {
      const c = ch.codePointAt(0)!
      if (c < 0x80) yield c
      else if (c < 0x800) yield* [0xc0 | (c >> 6), 0x80 | (c & 63)]
      else if (c < 0x10000) yield* [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
      else yield* [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
    }
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function base64Encode(s: string): string {
  const bytes = [...new TextEncoderShim(s)]
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=')
  }
  return out
}

export function base64Decode(s: string): string {
  const clean = s.replace(/=+$/, '')
  const bytes: number[] = []
  let bits = 0
  let acc = 0
  for (const c of clean) {
    const d = B64.indexOf(c)
    if (d < 0) err(`${desc(s)} is not valid base64 data`)
    acc = (acc << 6) | d
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((acc >> bits) & 0xff)
    }
  }
  let out = ''
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]
    const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0
    let c = need ? b & (0x3f >> need) : b
    let ok = true
    for (let k = 1; k <= need; k++) {
      const n = bytes[i + k]
      if (n === undefined || (n & 0xc0) !== 0x80) ok = false
      else c = (c << 6) | (n & 0x3f)
    }
    if (!ok || (b >= 0x80 && b < 0xc0)) {
      out += '\ufffd'
      i++
    } else {
      out += String.fromCodePoint(c)
      i += need + 1
    }
  }
  return out
}
