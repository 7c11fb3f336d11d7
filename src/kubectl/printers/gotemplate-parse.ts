// Parsing Go text/template for `-o go-template`: text and {{actions}} (trim markers, comments),
// pipelines, fields, variables, literals, if/else/range/with/end, with Go's error texts.
// Upstream: Go src/text/template/parse (lex.go, parse.go).

/** Where a node starts in the template (byte offset, as Go reports "output:LINE:COL") and its source text. */
export interface Pos {
  pos: number
  src: string
}

export type Arg = Pos &
  (
    | { t: 'field'; base: 'dot' | 'var'; name?: string; chain: string[] }
    | { t: 'string'; value: string }
    | { t: 'number'; value: number; text: string }
    | { t: 'bool'; value: boolean }
    | { t: 'nil' }
    | { t: 'ident'; name: string }
    | { t: 'pipe'; pipe: Pipe; chain: string[] }
  )

export interface Command extends Pos {
  args: Arg[]
}

export interface Pipe {
  decl: string[]
  assign: boolean
  cmds: Command[]
  /** The action's source text, for error messages. */
  text: string
}

export type TNode =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipe; line: number; col: number }
  | { t: 'if' | 'with'; pipe: Pipe; then: TNode[]; else?: TNode[] }
  | { t: 'range'; pipe: Pipe; then: TNode[]; else?: TNode[] }

export class TemplateError extends Error {}

interface Action {
  body: string
  line: number
  col: number
  /** Offset of the body in the template. */
  offset: number
}

type Piece = { text: string } | { action: Action }

/** Split text and {{actions}}, applying {{- and -}} trimming and dropping comments. */
function split(src: string): Piece[] {
  const out: Piece[] = []
  let pos = 0
  let trimNext = false
  for (;;) {
    const open = src.indexOf('{{', pos)
    let text = open < 0 ? src.slice(pos) : src.slice(pos, open)
    if (trimNext) text = text.replace(/^\s+/, '')
    if (open < 0) {
      if (text) out.push({ text })
      return out
    }
    const trimLeft = src.startsWith('{{- ', open) || src.startsWith('{{-\t', open) || src.startsWith('{{-\n', open)
    if (trimLeft) text = text.replace(/\s+$/, '')
    if (text) out.push({ text })
    const start = open + (trimLeft ? 3 : 2)
    const line = src.slice(0, open).split('\n').length
    const col = open - src.lastIndexOf('\n', open - 1)
    const close = findClose(src, start, line)
    let body = src.slice(start, close)
    trimNext = / -$|\t-$|\n-$/.test(body)
    if (trimNext) body = body.slice(0, -2)
    pos = close + 2
    if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(body)) continue
    out.push({ action: { body, line, col, offset: start } })
  }
}

/** The end of an action, skipping quoted strings. */
function findClose(src: string, from: number, line: number): number {
  for (let i = from; i < src.length; i++) {
    const c = src[i]
    if (c === '"' || c === '`' || c === "'") {
      const q = c
      for (i++; i < src.length && src[i] !== q; i++) {
        if (src[i] === '\n' && q !== '`') throw new TemplateError(`template: output:${line}: unterminated ${q === "'" ? 'character constant' : 'quoted string'}`)
        if (src[i] === '\\' && q !== '`') i++
      }
      continue
    }
    if (c === '}' && src[i + 1] === '}') return i
    if (c === '\n' && !src.slice(from, i).trimStart().startsWith('/*')) throw new TemplateError(`template: output:${line}: unclosed action`)
  }
  throw new TemplateError(`template: output:${line}: unclosed action`)
}

const TOKEN = /\s*(?:("(?:[^"\\]|\\.)*")|(`[^`]*`)|('(?:[^'\\]|\\.)*')|(:=|=|\||\(|\)|,)|(-?\d[\w.+-]*)|(\$\w*(?:\.\w+)*|\.(?:\w+(?:\.\w+)*)?)|([A-Za-z_]\w*)|(\S))/y

interface Tok {
  tok: string
  pos: number
}

function tokens(body: string, line: number, offset: number): Tok[] {
  const out: Tok[] = []
  TOKEN.lastIndex = 0
  let m: RegExpExecArray | null
  while (TOKEN.lastIndex < body.length && (m = TOKEN.exec(body))) {
    const tok = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? m[7] ?? m[8]
    if (tok === undefined) break
    if (m[8]) throw new TemplateError(`template: output:${line}: unexpected ${JSON.stringify(m[8])} in command`)
    out.push({ tok, pos: offset + TOKEN.lastIndex - tok.length })
  }
  return out
}

function unquote(tok: string, line: number): string {
  if (tok[0] === '`') return tok.slice(1, -1)
  try {
    return JSON.parse(tok[0] === "'" ? tok : tok) as string
  } catch {
    throw new TemplateError(`template: output:${line}: unexpected bad string syntax: ${tok} in command`)
  }
}

/** Text/template's builtins and kubectl's additions: any other name is a parse error. */
export const FUNCTION_NAMES = new Set(['and', 'or', 'not', 'len', 'index', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'exists', 'base64decode', 'html', 'js', 'urlquery', 'slice'])

function parseArg(t: Tok, line: number): Arg {
  const { tok } = t
  // A chained field reports the position of its second element, as Go's parser does.
  const fieldPos = (parts: number) => (parts > 1 ? t.pos + tok.indexOf('.', 1) : t.pos)
  const at = { pos: t.pos, src: tok }
  if (tok[0] === '"' || tok[0] === '`') return { ...at, t: 'string', value: unquote(tok, line) }
  if (tok[0] === "'") return { ...at, t: 'number', value: tok.codePointAt(1) ?? 0, text: tok }
  if (tok === 'true' || tok === 'false') return { ...at, t: 'bool', value: tok === 'true' }
  if (tok === 'nil') return { ...at, t: 'nil' }
  if (/^-?\d/.test(tok)) {
    const n = Number(tok)
    if (Number.isNaN(n)) throw new TemplateError(`template: output:${line}: bad number syntax: ${JSON.stringify(tok)}`)
    return { ...at, t: 'number', value: n, text: tok }
  }
  if (tok === '.') return { ...at, t: 'field', base: 'dot', chain: [] }
  if (tok.startsWith('.')) {
    const chain = tok.slice(1).split('.')
    return { pos: fieldPos(chain.length), src: tok, t: 'field', base: 'dot', chain }
  }
  if (tok.startsWith('$')) {
    const [name, ...chain] = tok.split('.')
    return { ...at, t: 'field', base: 'var', name, chain }
  }
  if (!FUNCTION_NAMES.has(tok)) throw new TemplateError(`template: output:${line}: function ${JSON.stringify(tok)} not defined`)
  return { ...at, t: 'ident', name: tok }
}

function parsePipe(all: Tok[], line: number, text: string): Pipe {
  let decl: string[] = []
  let assign = false
  let toks = all
  const di = toks.findIndex((t) => t.tok === ':=' || t.tok === '=')
  if (di >= 0 && toks.slice(0, di).every((t) => t.tok.startsWith('$') || t.tok === ',')) {
    decl = toks.slice(0, di).filter((t) => t.tok !== ',').map((t) => t.tok)
    assign = toks[di].tok === '='
    toks = toks.slice(di + 1)
  }
  const cmds: Command[] = []
  let cur: Arg[] = []
  const command = (args: Arg[]): Command => ({ args, pos: args[0].pos, src: args.map((a) => a.src).join(' ') })
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i].tok
    if (t === '|') {
      if (!cur.length) throw new TemplateError(`template: output:${line}: missing command`)
      cmds.push(command(cur))
      cur = []
    } else if (t === '(') {
      let depth = 1
      let j = i + 1
      for (; j < toks.length && depth; j++) depth += toks[j].tok === '(' ? 1 : toks[j].tok === ')' ? -1 : 0
      if (depth) throw new TemplateError(`template: output:${line}: unclosed left paren`)
      const inner = parsePipe(toks.slice(i + 1, j - 1), line, text)
      const next = toks[j]?.tok
      const after = next?.startsWith('.') && next !== '.' ? toks[j++].tok.slice(1).split('.') : []
      cur.push({ t: 'pipe', pipe: inner, chain: after, pos: toks[i].pos, src: `(${inner.text})` })
      i = j - 1
    } else if (t === ')') throw new TemplateError(`template: output:${line}: unexpected right paren`)
    else cur.push(parseArg(toks[i], line))
  }
  if (cur.length) cmds.push(command(cur))
  if (!cmds.length && !decl.length) throw new TemplateError(`template: output:${line}: missing value for command`)
  return { decl, assign, cmds, text: cmds.map((c) => c.src).join(' | ') || text }
}

/** Parse a whole template into nodes. */
export function parseTemplate(src: string): TNode[] {
  const pieces = split(src)
  let i = 0
  /** if/with/range: the body, and an else branch ("else if" nests an if that shares the end). */
  const conditional = (kw: 'if' | 'with' | 'range', pipe: Pipe): TNode => {
    i++
    const then = block(['end', 'else'])
    let elseNodes: TNode[] | undefined
    if (then.end === 'else') {
      const rest = then.endToks.slice(1)
      if (rest[0]?.tok === 'if' && kw === 'if') elseNodes = [conditional('if', parsePipe(rest.slice(1), then.line, rest.map((t) => t.tok).join(' ')))]
      else {
        i++
        elseNodes = block(['end']).nodes
      }
    }
    return { t: kw, pipe, then: then.nodes, else: elseNodes }
  }
  const block = (ends: string[]): { nodes: TNode[]; end: string; endToks: Tok[]; line: number } => {
    const nodes: TNode[] = []
    for (; i < pieces.length; i++) {
      const p = pieces[i]
      if ('text' in p) {
        nodes.push({ t: 'text', text: p.text })
        continue
      }
      const { body, line, col, offset } = p.action
      const toks = tokens(body, line, offset)
      const kw = toks[0]?.tok
      if (kw === 'end' || kw === 'else') {
        if (!ends.length) throw new TemplateError(`template: output:${line}: unexpected {{${kw}}}`)
        return { nodes, end: kw, endToks: toks, line }
      }
      if (kw === 'if' || kw === 'with' || kw === 'range') {
        nodes.push(conditional(kw, parsePipe(toks.slice(1), line, body.trim())))
        continue
      }
      if (kw === 'define' || kw === 'template' || kw === 'block') throw new TemplateError(`template: output:${line}: ${kw} is not supported by this lab's go-template`)
      nodes.push({ t: 'action', pipe: parsePipe(toks, line, body.trim()), line, col })
    }
    if (ends.length) throw new TemplateError('template: output:1: unexpected EOF')
    return { nodes, end: '', endToks: [], line: 0 }
  }
  return block([]).nodes
}
