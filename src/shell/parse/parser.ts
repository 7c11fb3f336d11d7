// The grammar of our shell, after busybox ash's recursive-descent parser
// (shell/ash.c: list, andor, pipeline, command, simplecmd) with its error texts
// ("syntax error: unexpected "fi"", "… (expecting "done")").
import type { AndOr, Assign, Cmd, List, Part, Redir, RedirOp, Script, Simple, Word } from './ast.ts'
import { parseArithCmd, parseCond } from './bash.ts'
import { parseCase, parseFor, parseFunctionKeyword, parseIf, parseLoop } from './compound.ts'
import { Lexer, ParseError, type Tok } from './lexer.ts'
import { finishWord } from './words.ts'

const RESERVED = new Set(['!', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'then', 'until', 'while', '{', '}'])
/** Words that end a compound list. */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}'])
const REDIR_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '<<', '<<-', '&>', '<<<'])
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=/

export class Parser extends Lexer {
  private peeked: Tok | null = null

  /** Parse a whole script: one item per line; a syntax error becomes the last item. */
  parseScript(): Script {
    const items: Script['items'] = []
    try {
      for (;;) {
        while (this.peek().t === 'nl') this.next()
        if (this.peek().t === 'eof') break
        items.push(this.parseLine())
      }
    } catch (e) {
      if (!(e instanceof ParseError)) throw e
      items.push({ k: 'error', line: e.line, message: e.message, eof: e.eof, token: e.token })
    }
    return { items }
  }

  protected parseSubstitution(): Script {
    const saved = this.peeked
    this.peeked = null
    let list: List = { k: 'list', items: [] }
    if (!this.isOp(this.peek(), ')')) list = this.parseCompoundList()
    this.expectOp(')')
    this.peeked = saved
    return { items: [list] }
  }

  protected parseText(text: string, line: number): Script {
    const p = new Parser(text, line, this.bash)
    const items: List[] = []
    for (;;) {
      while (p.peek().t === 'nl') p.next()
      if (p.peek().t === 'eof') break
      items.push(p.parseLine())
    }
    return { items }
  }

  /** Where the "))" after `from` is (bash's (( )) and for (( ))), or -1. */
  arithEndAt(from: number): number {
    return this.arithEnd(from)
  }

  fail(message: string, eof: boolean): never {
    return this.error(message, eof)
  }

  /** Text parsed like an arithmetic expansion's body: $-expansions, no quotes. */
  expansionWord(text: string): Word {
    return finishWord(this.spawn(text, this.line()).readParts('heredoc'))
  }

  /** The operand after =~: read as bash does, up to blanks outside ( ) and [ ] (so a|b and (x) stay in it). */
  readRegexWord(): Word {
    const s = this.src
    while (s[this.pos] === ' ' || s[this.pos] === '\t') this.pos++
    const start = this.pos
    let depth = 0
    let q = ''
    for (; this.pos < s.length; this.pos++) {
      const c = s[this.pos]
      if (q) {
        if (c === q) q = ''
        else if (c === '\\' && q === '"') this.pos++
        continue
      }
      if (c === '\\') {
        this.pos++
        continue
      }
      if (c === "'" || c === '"') q = c
      else if (c === '(' || c === '[') depth++
      else if ((c === ')' || c === ']') && depth > 0) depth--
      else if (depth === 0 && (c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|' || c === ')')) break
    }
    if (start === this.pos) this.error('unexpected argument to conditional binary operator', this.pos >= s.length)
    return finishWord(this.spawn(s.slice(start, this.pos), this.line()).readParts('regex'))
  }

  pendingHeredocs(): number {
    return this.heredocs.length
  }

  heredocParts(): Part[] {
    return this.readParts('heredoc')
  }

  protected spawn(text: string, line: number): Parser {
    return new Parser(text, line, this.bash)
  }

  peek(): Tok {
    return (this.peeked ??= this.readToken())
  }

  next(): Tok {
    const t = this.peek()
    this.peeked = null
    return t
  }

  isOp(t: Tok, v: string): boolean {
    return t.t === 'op' && t.v === v
  }

  isWord(t: Tok, raw: string): boolean {
    return t.t === 'word' && t.raw === raw
  }

  unexpected(t: Tok, expecting?: string): never {
    let what: string
    if (t.t === 'eof') what = 'end of file'
    else if (t.t === 'nl') what = 'newline'
    else if (t.t === 'io' || (t.t === 'op' && REDIR_OPS.has(t.v))) what = 'redirection'
    else if (t.t === 'op') what = `"${t.v}"`
    else what = t.raw !== undefined && RESERVED.has(t.raw) ? `"${t.raw}"` : 'word'
    const suffix = expecting ? ` (expecting "${expecting}")` : ''
    const token = t.t === 'op' ? t.v : t.t === 'word' ? this.src.slice(t.start, t.end) : t.t === 'nl' ? 'newline' : t.t === 'io' ? String(t.fd) : undefined
    throw new ParseError(`syntax error: unexpected ${what}${suffix}`, t.line, t.t === 'eof', token)
  }

  expectOp(v: string): void {
    const t = this.next()
    if (!this.isOp(t, v)) this.unexpected(t, v)
  }

  expectWord(raw: string): void {
    const t = this.next()
    if (!this.isWord(t, raw)) this.unexpected(t, raw)
  }

  skipNewlines(): void {
    while (this.peek().t === 'nl') this.next()
  }

  /** One top-level line: and-or lists separated by ; and &, ended by a newline. */
  private parseLine(): List {
    const list: List = { k: 'list', items: [] }
    for (;;) {
      const cmd = this.parseAndOr()
      const t = this.peek()
      const bg = this.isOp(t, '&')
      list.items.push({ cmd, bg })
      if (bg || this.isOp(t, ';')) {
        this.next()
        const n = this.peek()
        if (n.t === 'nl' || n.t === 'eof') break
        continue
      }
      if (t.t === 'nl' || t.t === 'eof') break
      this.unexpected(t)
    }
    return list
  }

  /** A list inside a compound command: ended by a closing word, ')' or ';;'. */
  parseCompoundList(): List {
    const list: List = { k: 'list', items: [] }
    this.skipNewlines()
    for (;;) {
      const cmd = this.parseAndOr()
      const t = this.peek()
      const bg = this.isOp(t, '&')
      list.items.push({ cmd, bg })
      if (bg || this.isOp(t, ';') || t.t === 'nl') {
        this.next()
        this.skipNewlines()
      }
      const n = this.peek()
      if (n.t === 'eof' || (n.t === 'op' && (n.v === ')' || n.v === ';;'))) break
      if (n.t === 'word' && n.raw !== undefined && CLOSERS.has(n.raw)) break
      if (!(bg || this.isOp(t, ';') || t.t === 'nl')) this.unexpected(n)
    }
    return list
  }

  private parseAndOr(): Cmd {
    const first = this.parsePipeline()
    let node: AndOr | null = null
    for (;;) {
      const t = this.peek()
      if (!(this.isOp(t, '&&') || this.isOp(t, '||'))) break
      this.next()
      this.skipNewlines()
      node ??= { k: 'andor', first, rest: [] }
      node.rest.push({ op: (t as { v: '&&' | '||' }).v, cmd: this.parsePipeline() })
    }
    return node ?? first
  }

  private parsePipeline(): Cmd {
    const line = this.peek().line
    let bang = false
    if (this.isWord(this.peek(), '!')) {
      this.next()
      bang = true
      if (this.isWord(this.peek(), '!')) this.unexpected(this.peek())
    }
    const cmds = [this.parseCommand()]
    while (this.isOp(this.peek(), '|')) {
      this.next()
      this.skipNewlines()
      cmds.push(this.parseCommand())
    }
    if (!bang && cmds.length === 1) return cmds[0]
    return { k: 'pipe', line, bang, cmds }
  }

  parseCommand(): Cmd {
    const t = this.peek()
    const line = t.line
    if (this.bash && t.t === 'op' && t.v === '(' && this.src[this.pos] === '(') return parseArithCmd(this, line)
    if (this.bash && t.t === 'word' && t.raw === '[[') {
      this.next()
      return parseCond(this, line)
    }
    if (t.t === 'op' && t.v === '(') {
      this.next()
      if (this.isOp(this.peek(), ')')) this.unexpected(this.peek())
      const body = this.parseCompoundList()
      this.expectOp(')')
      return { k: 'subshell', line, body, redirs: this.parseRedirs() }
    }
    if (t.t === 'word' && t.raw !== undefined && RESERVED.has(t.raw)) {
      switch (t.raw) {
        case '{': {
          this.next()
          const body = this.parseBody('}')
          this.expectWord('}')
          return { k: 'group', line, body, redirs: this.parseRedirs() }
        }
        case 'if':
          return parseIf(this)
        case 'while':
        case 'until':
          return parseLoop(this, t.raw)
        case 'for':
          return parseFor(this)
        case 'case':
          return parseCase(this)
        case 'function':
          return parseFunctionKeyword(this)
        default:
          this.unexpected(t)
      }
    }
    if (t.t !== 'word' && t.t !== 'io' && !(t.t === 'op' && REDIR_OPS.has(t.v))) this.unexpected(t)
    return this.parseSimple()
  }

  /** A compound list that must not be empty and must be followed by `closer`. */
  parseBody(closer: string): List {
    this.skipNewlines()
    const n = this.peek()
    if (n.t === 'word' && n.raw !== undefined && CLOSERS.has(n.raw)) this.unexpected(n)
    if (n.t === 'eof') this.unexpected(n, closer)
    const body = this.parseCompoundList()
    const e = this.peek()
    if (!this.isWord(e, closer)) this.unexpected(e, closer)
    return body
  }

  finishFunction(name: string, line: number): Cmd {
    if (!NAME.test(name)) throw new ParseError('syntax error: bad function name', line, false)
    this.skipNewlines()
    return { k: 'func', line, name, body: this.parseCommand() }
  }

  private parseSimple(): Cmd {
    const line = this.peek().line
    const cmd: Simple = { k: 'simple', line, assigns: [], words: [], redirs: [] }
    for (;;) {
      const t = this.peek()
      if (t.t === 'io' || (t.t === 'op' && REDIR_OPS.has(t.v))) {
        cmd.redirs.push(this.parseRedir())
        continue
      }
      if (t.t !== 'word') break
      this.next()
      const assign = cmd.words.length === 0 ? splitAssignment(t.w) : null
      if (assign) {
        cmd.assigns.push(assign)
        continue
      }
      cmd.words.push(withTilde(t.w))
      if (cmd.words.length === 1 && cmd.assigns.length === 0 && cmd.redirs.length === 0 && this.isOp(this.peek(), '(')) {
        this.next()
        this.expectOp(')')
        return this.finishFunction(t.raw ?? '', line)
      }
    }
    return cmd
  }

  parseRedirs(): Redir[] {
    const out: Redir[] = []
    for (;;) {
      const t = this.peek()
      if (!(t.t === 'io' || (t.t === 'op' && REDIR_OPS.has(t.v)))) break
      out.push(this.parseRedir())
    }
    const n = this.peek()
    if (n.t === 'word' || this.isOp(n, '(')) this.unexpected(n)
    return out
  }

  private parseRedir(): Redir {
    let t = this.next()
    let fd = -1
    if (t.t === 'io') {
      fd = t.fd
      t = this.next()
    }
    if (t.t !== 'op' || !REDIR_OPS.has(t.v)) this.unexpected(t)
    const op = t.v as RedirOp
    if (fd < 0) fd = op[0] === '<' ? 0 : 1
    const target = this.next()
    if (target.t !== 'word') this.unexpected(target)
    const redir: Redir = { fd, op, target: target.w }
    if (op === '<<' || op === '<<-') this.addHeredoc(redir, this.src.slice(target.start, target.end))
    return redir
  }
}

function splitAssignment(w: Word): Assign | null {
  const first = w.parts[0]
  if (!first || first.k !== 'lit') return null
  const m = ASSIGN.exec(first.v)
  if (!m) return null
  const rest = first.v.slice(m[0].length)
  const parts: Part[] = rest ? [{ k: 'lit', v: rest }, ...w.parts.slice(1)] : w.parts.slice(1)
  return { name: m[1], value: withTilde(finishWord(parts)) }
}

/** Turn a leading unquoted `~user` into a tilde part (POSIX 2.6.1). */
function withTilde(w: Word): Word {
  const first = w.parts[0]
  if (!first || first.k !== 'lit' || first.v[0] !== '~') return w
  const slash = first.v.indexOf('/')
  if (slash < 0 && w.parts.length > 1) return w
  const user = first.v.slice(1, slash < 0 ? undefined : slash)
  const rest = slash < 0 ? '' : first.v.slice(slash)
  const parts: Part[] = [{ k: 'tilde', user }]
  if (rest) parts.push({ k: 'lit', v: rest })
  return finishWord([...parts, ...w.parts.slice(1)])
}

/** Parse a whole script text. Syntax errors are items, so earlier lines still run. */
export function parseScript(text: string, firstLine = 1, bash = false): Script {
  return new Parser(text, firstLine, bash).parseScript()
}

/** Parse text as the body of an unquoted here-document: $-expansions and `…`, no quotes. */
export function parseExpansionText(text: string): Word {
  const p = new Parser(text)
  return finishWord(p.heredocParts())
}

/** True when `text` stops where more input would complete it (the terminal's PS2). */
export function needsMore(text: string, bash = false): boolean {
  const p = new Parser(text, 1, bash)
  const script = p.parseScript()
  const last = script.items[script.items.length - 1]
  if (last && last.k === 'error') return last.eof
  return p.incomplete || p.pendingHeredocs() > 0
}
