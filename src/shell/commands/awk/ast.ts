// The awk syntax tree.

export type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ere'; v: string }
  | { t: 'var'; name: string }
  | { t: 'field'; index: Expr }
  | { t: 'elem'; name: string; keys: Expr[] }
  | { t: 'assign'; op: string; target: Expr; value: Expr }
  | { t: 'cond'; test: Expr; yes: Expr; no: Expr }
  | { t: 'and' | 'or'; left: Expr; right: Expr }
  | { t: 'in'; keys: Expr[]; name: string }
  | { t: 'match'; neg: boolean; left: Expr; re: Expr }
  | { t: 'bin'; op: string; left: Expr; right: Expr }
  | { t: 'concat'; left: Expr; right: Expr }
  | { t: 'unary'; op: string; arg: Expr }
  | { t: 'incdec'; op: string; prefix: boolean; target: Expr }
  | { t: 'call'; name: string; args: Expr[] }
  | { t: 'builtin'; name: string; args: Expr[] }
  | { t: 'getline'; target: Expr | null; file: Expr | null; cmd: Expr | null }
  | { t: 'group'; expr: Expr }

export interface Redirect {
  op: string
  dest: Expr
}

export type Stmt =
  | { t: 'print' | 'printf'; args: Expr[]; redirect: Redirect | null }
  | { t: 'expr'; e: Expr }
  | { t: 'if'; test: Expr; then: Stmt; else: Stmt | null }
  | { t: 'while'; test: Expr; body: Stmt }
  | { t: 'do'; body: Stmt; test: Expr }
  | { t: 'for'; init: Stmt | null; test: Expr | null; step: Stmt | null; body: Stmt }
  | { t: 'forin'; var: Expr; name: string; body: Stmt }
  | { t: 'block'; body: Stmt[] }
  | { t: 'next' | 'nextfile' | 'break' | 'continue' }
  | { t: 'exit' | 'return'; e: Expr | null }
  | { t: 'delete'; name: string; keys: Expr[] | null }

export interface Rule {
  kind: 'BEGIN' | 'END' | 'main'
  pattern: Expr | null
  range: Expr | null
  action: Stmt[] | null
}

export interface Func {
  name: string
  params: string[]
  body: Stmt[]
}

export interface Program {
  rules: Rule[]
  funcs: Map<string, Func>
  /** True when the program reads the main input with a plain `getline`. */
  mainGetline: boolean
}
