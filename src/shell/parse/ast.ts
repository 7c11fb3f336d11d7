// The syntax tree of a shell script, as busybox ash (shell/ash.c, after dash's
// parser.c) builds it: lists, and-or lists, pipelines, compound commands, words.

/** One piece of a word, before expansion. */
export type Part =
  /** Unquoted literal text: subject to pathname expansion. */
  | { k: 'lit'; v: string }
  /** Quoted literal text ('…', \c, the literal text of "…", $'…'). */
  | { k: 'q'; v: string }
  | { k: 'dq'; parts: Part[] }
  | ParamPart
  | { k: 'cmd'; body: Script; bt: boolean }
  | { k: 'arith'; expr: Word }
  | { k: 'tilde'; user: string }

export type ParamOp =
  | '' | 'len'
  | '-' | '=' | '?' | '+'
  | '#' | '##' | '%' | '%%'
  | '/' | '//' | 'sub'

export interface ParamPart {
  k: 'param'
  name: string
  op: ParamOp
  /** The ':' form of - = ? + (test for null as well as unset). */
  colon: boolean
  /** The word after the operator; the pattern of / and //; the offset of ${v:o:l}. */
  arg?: Word
  /** The replacement of / and //; the length of ${v:o:l}. */
  arg2?: Word
}

export interface Word {
  parts: Part[]
  /** Set when the word expands to exactly this one field (no expansions, no glob). */
  lit?: string
  /** False when the word contains a command substitution anywhere (expansion may wait). */
  sync: boolean
  /** The word is exactly `$name` or `${name}` (unquoted): the interpreter's fast path. */
  param?: string
  /** The word is exactly `$((text))` with literal text. */
  arith?: string
  /** Unquoted text holds a '{' (bash's brace expansion may apply). */
  brace?: boolean
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<-' | '&>' | '<<<'

export interface Redir {
  fd: number
  op: RedirOp
  /** The file name, the fd of a dup (<& >&), or the here-document delimiter. */
  target: Word
  /** The here-document body (parts in an unquoted body, one 'q' part in a quoted one). */
  body?: Word
}

export interface Assign {
  name: string
  value: Word
}

export interface Simple {
  k: 'simple'
  line: number
  assigns: Assign[]
  words: Word[]
  redirs: Redir[]
  /** Computed on first run: no word or assignment holds a command substitution. */
  sync?: boolean
}

export interface Pipeline {
  k: 'pipe'
  line: number
  bang: boolean
  cmds: Cmd[]
}

export interface AndOr {
  k: 'andor'
  first: Cmd
  rest: { op: '&&' | '||'; cmd: Cmd }[]
}

export interface List {
  k: 'list'
  items: { cmd: Cmd; bg: boolean }[]
}

export interface Subshell { k: 'subshell'; line: number; body: List; redirs: Redir[] }
export interface Group { k: 'group'; line: number; body: List; redirs: Redir[] }
export interface If {
  k: 'if'
  line: number
  clauses: { cond: List; body: List }[]
  else?: List
  redirs: Redir[]
}
export interface Loop { k: 'while' | 'until'; line: number; cond: List; body: List; redirs: Redir[] }
export interface For { k: 'for'; line: number; name: string; items?: Word[]; body: List; redirs: Redir[] }
export interface CaseItem { patterns: Word[]; body?: List }
export interface Case { k: 'case'; line: number; word: Word; items: CaseItem[]; redirs: Redir[] }
export interface FuncDef { k: 'func'; line: number; name: string; body: Cmd }

/** bash's (( expr )). */
export interface ArithCmd { k: 'arithcmd'; line: number; expr: Word; redirs: Redir[] }
/** bash's for (( init; cond; step )). */
export interface CFor { k: 'cfor'; line: number; init: Word; cond: Word; step: Word; body: List; redirs: Redir[] }
/** bash's [[ expression ]]. */
export type CondExpr =
  | { k: 'and' | 'or'; a: CondExpr; b: CondExpr }
  | { k: 'not'; a: CondExpr }
  | { k: 'unary'; op: string; arg: Word }
  | { k: 'binary'; op: string; left: Word; right: Word }
  | { k: 'word'; w: Word }
export interface CondCmd { k: 'cond'; line: number; expr: CondExpr; redirs: Redir[] }

export type Cmd = Simple | Pipeline | AndOr | List | Subshell | Group | If | Loop | For | Case | FuncDef | ArithCmd | CFor | CondCmd

/** A syntax error found while parsing, placed where it stops execution. */
export interface SyntaxErrorItem {
  k: 'error'
  line: number
  message: string
  /** The error is "ran out of input" (the terminal should ask for more). */
  eof: boolean
  /** The unexpected token, when there was one. */
  token?: string
}

/** A parsed script: its top-level commands, one per line as ash reads them. */
export interface Script {
  items: (List | SyntaxErrorItem)[]
}
