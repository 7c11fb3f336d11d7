// The tokenizer and word reader of our shell, after busybox ash's parser
// (shell/ash.c: readtoken1, parsesub, parsebackq, readheredoc): quoting,
// $-expansions, command substitutions, here-documents, operators.
import type { Part, ParamOp, ParamPart, Redir, Script } from './ast.ts'
import { ansiEscape } from './escapes.ts'
import { ParseError, type Tok } from './tokens.ts'
import { finishWord } from './words.ts'

export { ParseError, type Tok }

interface PendingHeredoc {
  redir: Redir
  delim: string
  quoted: boolean
  strip: boolean
}

const OPS = ['&&', '||', ';;', '<<-', '<<', '>>', '<&', '>&', '<>', '>|', '&>', ';', '&', '|', '(', ')', '<', '>']
/** bash adds the here-string. */
const BASH_OPS = ['<<<', ...OPS]
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>'])
const SPECIAL_PARAMS = '@*#?-$!'
const IDENT_START = /[A-Za-z_]/
const IDENT = /[A-Za-z0-9_]/

type Mode = 'word' | 'dq' | 'param' | 'paramdq' | 'heredoc' | 'regex'

export abstract class Lexer {
  pos = 0
  protected heredocs: PendingHeredoc[] = []
  /** The input ended inside a here-document body or after a line continuation. */
  incomplete = false
  private lineAtPos = 0
  private lineAtLine: number

  constructor(
    readonly src: string,
    readonly baseLine = 1,
    /** bash's grammar: <<<, (( )), for (( )), [[ ]]. */
    readonly bash = false,
  ) {
    this.lineAtLine = baseLine
  }

  /** Parse a command list up to a closing ')' (for $( … )). */
  protected abstract parseSubstitution(): Script
  /** Parse a separate text (backquotes) as a script. */
  protected abstract parseText(text: string, line: number): Script
  /** A reader of the same kind over another text (here-document bodies, arithmetic). */
  protected abstract spawn(text: string, line: number): Lexer

  line(): number {
    return this.lineOf(this.pos)
  }

  protected lineOf(pos: number): number {
    if (pos < this.lineAtPos) {
      this.lineAtPos = 0
      this.lineAtLine = this.baseLine
    }
    const s = this.src
    for (let i = this.lineAtPos; i < pos; i++) if (s.charCodeAt(i) === 10) this.lineAtLine++
    this.lineAtPos = pos
    return this.lineAtLine
  }

  protected error(message: string, eof = false): never {
    throw new ParseError('syntax error: ' + message, this.line(), eof)
  }

  addHeredoc(redir: Redir, rawDelim: string): void {
    const quoted = /['"\\]/.test(rawDelim)
    const delim = rawDelim.replace(/\\(.)|['"]/gs, '$1')
    this.heredocs.push({ redir, delim, quoted, strip: redir.op === '<<-' })
  }

  /** Read the next token. */
  readToken(): Tok {
    const s = this.src
    for (;;) {
      const c = s[this.pos]
      if (c === ' ' || c === '\t') this.pos++
      else if (c === '\\' && s[this.pos + 1] === '\n') {
        this.pos += 2
        if (this.pos >= s.length) this.incomplete = true
      }
      else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++
      } else break
    }
    const line = this.line()
    if (this.pos >= s.length) return { t: 'eof', line }
    const c = s[this.pos]
    if (c === '\n') {
      this.pos++
      if (this.heredocs.length) this.readHeredocBodies()
      return { t: 'nl', line }
    }
    for (const op of this.bash ? BASH_OPS : OPS) {
      if (s.startsWith(op, this.pos)) {
        this.pos += op.length
        return { t: 'op', v: op, line }
      }
    }
    const start = this.pos
    const parts = this.readParts('word')
    const end = this.pos
    const raw = s.slice(start, end)
    const w = finishWord(parts)
    const next = s[this.pos]
    if ((next === '<' || next === '>') && /^[0-9]+$/.test(raw)) return { t: 'io', fd: Number(raw), line }
    const plain = parts.length === 1 && parts[0].k === 'lit' ? parts[0].v : undefined
    return { t: 'word', w, raw: plain, line, start, end }
  }

  /** Read parts of a word until the mode's terminator (not consumed). */
  protected readParts(mode: Mode, stop = ''): Part[] {
    const s = this.src
    const parts: Part[] = []
    let lit = ''
    const flush = (): void => {
      if (lit) parts.push({ k: mode === 'dq' || mode === 'heredoc' ? 'q' : 'lit', v: lit })
      lit = ''
    }
    for (;;) {
      if (this.pos >= s.length) {
        if (mode === 'dq') this.error('unterminated quoted string', true)
        if (mode === 'param' || mode === 'paramdq') this.error("missing '}'", true)
        break
      }
      const c = s[this.pos]
      if (mode === 'word' && META.has(c)) break
      if (mode === 'dq' && c === '"') break
      if ((mode === 'param' || mode === 'paramdq') && (c === '}' || stop.includes(c))) break
      if (c === '\\') {
        const n = s[this.pos + 1]
        if (n === undefined) {
          if (mode !== 'heredoc') this.incomplete = true
          lit += '\\'
          this.pos++
          continue
        }
        if (n === '\n') {
          this.pos += 2
          if (this.pos >= s.length && mode !== 'heredoc') this.incomplete = true
          continue
        }
        if (mode === 'dq' || mode === 'heredoc') {
          if (n === '$' || n === '`' || n === '\\' || (n === '"' && mode === 'dq')) {
            lit += n
            this.pos += 2
          } else {
            lit += '\\'
            this.pos++
          }
          continue
        }
        flush()
        parts.push({ k: 'q', v: n })
        this.pos += 2
        continue
      }
      if (c === '$') {
        const p = this.readDollar(mode)
        if (p) {
          flush()
          parts.push(p)
          continue
        }
        lit += '$'
        this.pos++
        continue
      }
      if (c === '`') {
        flush()
        parts.push(this.readBackquote(mode === 'dq'))
        continue
      }
      if (((mode === 'word' || mode === 'param' || mode === 'regex') && (c === "'" || c === '"')) || (mode === 'paramdq' && c === '"')) {
        flush()
        this.pos++
        if (c === "'") {
          const end = s.indexOf("'", this.pos)
          if (end < 0) this.error('unterminated quoted string', true)
          parts.push({ k: 'q', v: s.slice(this.pos, end) })
          this.pos = end + 1
        } else {
          const inner = this.readParts('dq')
          this.pos++
          parts.push({ k: 'dq', parts: inner })
        }
        continue
      }
      lit += c
      this.pos++
    }
    flush()
    return parts
  }

  private readDollar(mode: Mode): Part | null {
    const s = this.src
    const n = s[this.pos + 1]
    if (n === '(') {
      if (s[this.pos + 2] === '(') return this.readArith()
      this.pos += 2
      return { k: 'cmd', body: this.parseSubstitution(), bt: false }
    }
    if (n === '{') return this.readBraceParam(mode === 'dq' || mode === 'heredoc' ? 'paramdq' : 'param')
    if (n === "'" && (mode === 'word' || mode === 'param')) return this.readAnsiC()
    if (n !== undefined && (SPECIAL_PARAMS.includes(n) || /[0-9]/.test(n))) {
      this.pos += 2
      return { k: 'param', name: n, op: '', colon: false }
    }
    if (n !== undefined && IDENT_START.test(n)) {
      let e = this.pos + 2
      while (e < s.length && IDENT.test(s[e])) e++
      const name = s.slice(this.pos + 1, e)
      this.pos = e
      return { k: 'param', name, op: '', colon: false }
    }
    return null
  }

  /** Where the `))` closing an arithmetic expansion starting at `from` is, or -1. */
  protected arithEnd(from: number): number {
    const s = this.src
    let depth = 0
    for (let i = from; i < s.length; i++) {
      const c = s[i]
      if (c === '(') depth++
      else if (c === ')') {
        if (depth > 0) depth--
        else return s[i + 1] === ')' ? i : -1
      }
    }
    return -1
  }

  private readArith(): Part {
    const start = this.pos + 3
    const end = this.arithEnd(start)
    if (end < 0) {
      this.pos = this.src.length
      this.error("missing '))'", true)
    }
    const line = this.line()
    const parts = this.spawn(this.src.slice(start, end), line).readParts('heredoc')
    this.pos = end + 2
    return { k: 'arith', expr: finishWord(parts) }
  }

  private readAnsiC(): Part {
    const s = this.src
    let i = this.pos + 2
    let out = ''
    for (;;) {
      if (i >= s.length) {
        this.pos = i
        this.error('unterminated quoted string', true)
      }
      const c = s[i]
      if (c === "'") break
      if (c !== '\\') {
        out += c
        i++
        continue
      }
      const [text, len] = ansiEscape(s, i + 1)
      out += text
      i += 1 + len
    }
    this.pos = i + 1
    return { k: 'q', v: out }
  }

  private readBraceParam(argMode: Mode): Part {
    const s = this.src
    this.pos += 2
    let name = ''
    let op: ParamOp = ''
    if (s[this.pos] === '#' && s[this.pos + 1] !== '}' && this.isNameStart(this.pos + 1)) {
      op = 'len'
      this.pos++
    }
    const c = s[this.pos]
    if (c !== undefined && IDENT_START.test(c)) {
      let e = this.pos + 1
      while (e < s.length && IDENT.test(s[e])) e++
      name = s.slice(this.pos, e)
    } else if (c !== undefined && /[0-9]/.test(c)) {
      let e = this.pos + 1
      while (e < s.length && /[0-9]/.test(s[e])) e++
      name = s.slice(this.pos, e)
    } else if (c !== undefined && SPECIAL_PARAMS.includes(c)) name = c
    if (!name) {
      if (this.pos >= s.length) this.error("missing '}'", true)
      this.error('bad substitution')
    }
    this.pos += name.length
    if (op === 'len') {
      if (s[this.pos] !== '}') this.error(this.pos >= s.length ? "missing '}'" : 'bad substitution', this.pos >= s.length)
      this.pos++
      return { k: 'param', name, op, colon: false }
    }
    return this.readParamOp(name, argMode)
  }

  private isNameStart(i: number): boolean {
    const c = this.src[i]
    return c !== undefined && (IDENT.test(c) || SPECIAL_PARAMS.includes(c))
  }

  private readParamOp(name: string, mode: Mode): Part {
    const s = this.src
    const p: ParamPart = { k: 'param', name, op: '', colon: false }
    let c = s[this.pos]
    if (c === '}') {
      this.pos++
      return p
    }
    if (c === undefined) this.error("missing '}'", true)
    if (c === ':' && '-=?+'.includes(s[this.pos + 1] ?? '')) {
      p.colon = true
      this.pos++
      c = s[this.pos]
    }
    if ('-=?+'.includes(c)) {
      p.op = c as ParamOp
      this.pos++
    } else if (c === '#' || c === '%') {
      const two = s[this.pos + 1] === c
      p.op = (two ? c + c : c) as ParamOp
      this.pos += two ? 2 : 1
    } else if (c === '/') {
      const two = s[this.pos + 1] === '/'
      p.op = two ? '//' : '/'
      this.pos += two ? 2 : 1
      p.arg = finishWord(this.readParts(mode, '/'))
      if (s[this.pos] === '/') {
        this.pos++
        p.arg2 = finishWord(this.readParts(mode))
      }
      this.pos++
      return p
    } else if (c === ':') {
      p.op = 'sub'
      this.pos++
      p.arg = finishWord(this.readParts(mode, ':'))
      if (s[this.pos] === ':') {
        this.pos++
        p.arg2 = finishWord(this.readParts(mode, ':'))
        while (s[this.pos] === ':') {
          this.pos++
          this.readParts(mode, ':')
        }
      }
      this.pos++
      return p
    } else this.error('bad substitution')
    p.arg = finishWord(this.readParts(mode))
    this.pos++
    return p
  }

  private readBackquote(inDq: boolean): Part {
    const s = this.src
    const line = this.line()
    let i = this.pos + 1
    let text = ''
    for (;;) {
      if (i >= s.length) {
        this.pos = i
        this.error('EOF in backquote substitution', true)
      }
      const c = s[i]
      if (c === '`') break
      if (c === '\\') {
        const n = s[i + 1]
        if (n === '\\' || n === '`' || n === '$' || (inDq && n === '"')) {
          text += n
          i += 2
          continue
        }
        if (n === '\n') {
          i += 2
          continue
        }
      }
      text += c
      i++
    }
    this.pos = i + 1
    return { k: 'cmd', body: this.parseText(text, line), bt: true }
  }

  private readHeredocBodies(): void {
    const s = this.src
    for (const h of this.heredocs) {
      const line = this.line()
      let body = ''
      for (;;) {
        if (this.pos >= s.length) {
          this.incomplete = true
          break
        }
        let e = s.indexOf('\n', this.pos)
        const hasNl = e >= 0
        if (!hasNl) e = s.length
        let text = s.slice(this.pos, e)
        this.pos = hasNl ? e + 1 : e
        if (h.strip) text = text.replace(/^\t+/, '')
        if (text === h.delim) break
        body += hasNl ? text + '\n' : text
      }
      if (h.quoted) h.redir.body = finishWord(body ? [{ k: 'q', v: body }] : [])
      else {
        h.redir.body = finishWord(this.spawn(body, line).readParts('heredoc'))
      }
    }
    this.heredocs = []
  }
}
