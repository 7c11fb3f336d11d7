// The jq evaluator: every filter is a generator of outputs; in path mode each output
// carries the path it came from (for path(), assignments, del, paths). Errors are
// JqError values; label/break unwind with a BreakSignal.
// Upstream: jq src/execute.c, src/jv_aux.c (jv_get, jv_set, jv_setpath, jv_delpaths).
import { patternVars, type Ast, type FuncDef, type Pattern } from './ast.ts'
import { applyFormat } from './formats.ts'
import { dump } from './json.ts'
import { binop, delpaths, desc, err, get, getpath, setpath, type Path } from './ops.ts'
import { BreakSignal, index, iterate, valueOut, type Closure, type EvalContext, type Out, type Scope } from './scope.ts'
import { isNum, isObj, JqError, kind, num, truthy, type JObject, type Value } from './value.ts'

export function* evaluate(a: Ast, input: Out, scope: Scope, ctx: EvalContext): Generator<Out, void, void> {
  switch (a.t) {
    case 'identity':
      yield input
      return
    case 'recurse':
      yield* recurseAll(input)
      return
    case 'field':
      for (const t of evaluate(a.target, input, scope, ctx)) for (const k of values(a.name, input, scope, ctx)) yield* access(t, k, a.opt)
      return
    case 'slice':
      for (const t of evaluate(a.target, input, scope, ctx))
        for (const to of a.to ? values(a.to, input, scope, ctx) : [null])
          for (const from of a.from ? values(a.from, input, scope, ctx) : [null]) yield* access(t, new Map<string, Value>([['start', from], ['end', to]]), a.opt)
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
        yield valueOut(input, new Map<string, Value>(ctx.env))
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

/** .[k]; when optional (.a?, .[1:2]?), nothing where that is an error. */
function* access(t: Out, k: Value, opt: boolean): Generator<Out, void, void> {
  if (!opt) {
    yield index(t, k)
    return
  }
  try {
    yield index(t, k)
  } catch (e) {
    if (!(e instanceof JqError)) throw e
  }
}

function* recurseAll(o: Out): Generator<Out, void, void> {
  yield o
  if (Array.isArray(o.v) || isObj(o.v)) for (const c of iterate(o)) yield* recurseAll(c)
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

// ---- path(f) and the assignment operators ----

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

