// The $-expansions and backquotes inside words, for the tokenizer in lexer.ts: $name,
// ${…} with its operators, $(…), $((…)), $'…' and `…`; and the source position and
// syntax errors they share. Upstream: busybox shell/ash.c (parsesub, parsebackq).
import type { Part, ParamOp, ParamPart, Script } from './ast.ts'
import { ansiEscape } from './escapes.ts'
import { ParseError } from './tokens.ts'
import { finishWord } from './words.ts'

/** What a run of word text is read as: its terminator and its quoting rules. */
export type Mode = 'word' | 'dq' | 'param' | 'paramdq' | 'heredoc' | 'regex'

const SPECIAL_PARAMS = '@*#?-$!'
const IDENT_START = /[A-Za-z_]/
const IDENT = /[A-Za-z0-9_]/
const DIGIT = /[0-9]/

export abstract class ExpansionReader {
  pos = 0
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
  protected abstract spawn(text: string, line: number): ExpansionReader

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

  /** Read parts of a word until the mode's terminator (not consumed). */
  protected abstract readParts(mode: Mode, stop?: string): Part[]

  /** The end of the run of characters matching `re` that starts at `from`. */
  private scan(from: number, re: RegExp): number {
    let e = from
    while (e < this.src.length && re.test(this.src[e])) e++
    return e
  }

  protected readDollar(mode: Mode): Part | null {
    const s = this.src
    const n = s[this.pos + 1]
    if (n === '(') {
      if (s[this.pos + 2] === '(') return this.readArith()
      this.pos += 2
      return { k: 'cmd', body: this.parseSubstitution(), bt: false }
    }
    if (n === '{') return this.readBraceParam(mode === 'dq' || mode === 'heredoc' ? 'paramdq' : 'param')
    if (n === "'" && (mode === 'word' || mode === 'param')) return this.readAnsiC()
    if (n !== undefined && (SPECIAL_PARAMS.includes(n) || DIGIT.test(n))) {
      this.pos += 2
      return { k: 'param', name: n, op: '', colon: false }
    }
    if (n !== undefined && IDENT_START.test(n)) {
      const e = this.scan(this.pos + 2, IDENT)
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
    if (c !== undefined && IDENT_START.test(c)) name = s.slice(this.pos, this.scan(this.pos + 1, IDENT))
    else if (c !== undefined && DIGIT.test(c)) name = s.slice(this.pos, this.scan(this.pos + 1, DIGIT))
    else if (c !== undefined && SPECIAL_PARAMS.includes(c)) name = c
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

  protected readBackquote(inDq: boolean): Part {
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
}
