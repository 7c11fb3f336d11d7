// The tokenizer and word reader of our shell, after busybox ash's parser
// (shell/ash.c: readtoken1, readheredoc): quoting, operators and here-documents;
// the $-expansions and backquotes inside words are in expansions.ts.
import type { Part, Redir } from './ast.ts'
import { ExpansionReader, type Mode } from './expansions.ts'
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

export abstract class Lexer extends ExpansionReader {
  protected heredocs: PendingHeredoc[] = []

  protected abstract override spawn(text: string, line: number): Lexer

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
