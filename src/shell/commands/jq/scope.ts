// What the jq evaluator passes around: outputs (a value and, in path mode, the path it
// came from), filters passed as arguments with the scope they were written in, the
// persistent scope of variables, functions and labels, and the running program's context.
// Upstream: jq src/execute.c (frames, closures, path tracking).
import type { Ast, FuncDef } from './ast.ts'
import { dumpTrunc } from './json.ts'
import { desc, err, get, type Path } from './ops.ts'
import { isObj, type Value } from './value.ts'

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
}

/** .[k] with its path. */
export function index(t: Out, k: Value): Out {
  return { v: get(t.v, k), p: t.p ? [...t.p, k] : null }
}

/** A computed value: not a path, so an error in path mode (path(1)). */
export function valueOut(input: Out, v: Value): Out {
  if (input.p) err(`Invalid path expression with result ${dumpTrunc(v, 30)}`)
  return { v, p: null }
}

/** .[] with the path of each element. */
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
