// The jq syntax tree our parser builds and the evaluator walks.

export type Pattern =
  | { t: 'var'; name: string }
  | { t: 'array'; items: Pattern[] }
  | { t: 'object'; entries: { key: Ast | string; keyVar?: string; value?: Pattern }[] }

export type Ast =
  | { t: 'identity' }
  | { t: 'recurse' }
  | { t: 'field'; target: Ast; name: Ast; opt: boolean }
  | { t: 'slice'; target: Ast; from: Ast | null; to: Ast | null; opt: boolean }
  | { t: 'iterate'; target: Ast; opt: boolean }
  | { t: 'literal'; value: import('./value.ts').Value }
  | { t: 'string'; parts: (string | Ast)[]; format: string | null }
  | { t: 'format'; name: string }
  | { t: 'array'; body: Ast | null }
  | { t: 'object'; entries: { key: Ast; value: Ast }[] }
  | { t: 'pipe'; left: Ast; right: Ast }
  | { t: 'comma'; left: Ast; right: Ast }
  | { t: 'neg'; body: Ast }
  | { t: 'binop'; op: string; left: Ast; right: Ast }
  | { t: 'and' | 'or'; left: Ast; right: Ast }
  | { t: 'alt'; left: Ast; right: Ast }
  | { t: 'assign'; op: string; left: Ast; right: Ast }
  | { t: 'if'; cond: Ast; then: Ast; else: Ast | null }
  | { t: 'try'; body: Ast; catch: Ast | null }
  | { t: 'reduce'; source: Ast; pattern: Pattern; init: Ast; update: Ast }
  | { t: 'foreach'; source: Ast; pattern: Pattern; init: Ast; update: Ast; extract: Ast | null }
  | { t: 'bind'; source: Ast; patterns: Pattern[]; body: Ast }
  | { t: 'label'; name: string; body: Ast }
  | { t: 'break'; name: string; pos?: number }
  | { t: 'var'; name: string; pos?: number }
  | { t: 'call'; name: string; args: Ast[]; pos?: number }
  | { t: 'def'; def: FuncDef; body: Ast }

export interface FuncDef {
  name: string
  /** Parameter names; a `$name` parameter binds a value. */
  params: string[]
  body: Ast
}

/** Every variable a pattern binds ($x, [$a, $b], {a: $x, $y}), in order. */
export function patternVars(p: Pattern): string[] {
  if (p.t === 'var') return [p.name]
  if (p.t === 'array') return p.items.flatMap(patternVars)
  return p.entries.flatMap((e) => [...(e.keyVar ? [e.keyVar] : []), ...(e.value ? patternVars(e.value) : [])])
}
