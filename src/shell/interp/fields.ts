// Fields built from expanded words: IFS splitting of unquoted results (POSIX
// 2.6.5: IFS white space collapses, other IFS characters delimit empty fields),
// each field's pattern form (quoted characters escaped), pathname expansion.
import { GLOB_CHARS } from '../parse/words.ts'
import { escapePattern, expandPath } from './pattern.ts'
import type { Sh } from './sh.ts'

export type Mode = 'fields' | 'string' | 'pattern'

export const DEFAULT_IFS = ' \t\n'

export class Builder {
  cur = ''
  pat = ''
  glob = false
  has = false
  readonly out: string[] = []
  private ifs: string | null = null

  constructor(
    private sh: Sh,
    readonly mode: Mode,
  ) {}

  quoted(s: string): void {
    this.cur += s
    if (this.mode !== 'string') this.pat += escapePattern(s)
    this.has = true
  }

  /** Unquoted text from the script itself: pattern characters stay active. */
  literal(s: string): void {
    if (!s) return
    this.cur += s
    if (this.mode !== 'string') {
      this.pat += s
      if (!this.glob && /[*?[]/.test(s)) this.glob = true
    }
    this.has = true
  }

  /** The result of an expansion: split on IFS when unquoted in fields mode. */
  expanded(s: string, quoted: boolean): void {
    if (quoted) this.quoted(s)
    else if (this.mode === 'fields') this.split(s)
    else this.unquotedText(s)
  }

  private unquotedText(s: string): void {
    if (!s) return
    this.cur += s
    if (this.mode !== 'string') {
      this.pat += s.replace(/\\/g, '\\\\')
      if (!this.glob && /[*?[]/.test(s)) this.glob = true
    }
    this.has = true
  }

  private split(s: string): void {
    const ifs = (this.ifs ??= this.sh.vars.get('IFS') ?? DEFAULT_IFS)
    if (!ifs) return this.unquotedText(s)
    let start = 0
    let i = 0
    while (i < s.length) {
      const c = s[i]
      if (!ifs.includes(c)) {
        i++
        continue
      }
      this.unquotedText(s.slice(start, i))
      let hard = !isSpace(c)
      i++
      while (i < s.length && ifs.includes(s[i]) && isSpace(s[i])) i++
      if (!hard && i < s.length && ifs.includes(s[i])) {
        hard = true
        i++
        while (i < s.length && ifs.includes(s[i]) && isSpace(s[i])) i++
      }
      this.end(hard)
      start = i
    }
    this.unquotedText(s.slice(start))
  }

  /** Finish the current field; a forced end keeps an empty field. */
  end(force: boolean): void {
    if (!this.has && !force) return
    if (this.glob && this.mode === 'fields' && !this.sh.opts.f && GLOB_CHARS.test(this.pat)) {
      const found = expandPath(this.sh.p.fs, this.sh.cwd, this.pat)
      if (found.length) this.out.push(...found)
      else this.out.push(this.cur)
    } else this.out.push(this.cur)
    this.cur = ''
    this.pat = ''
    this.glob = false
    this.has = false
  }
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n'
}

/** A value that field splitting with the default IFS and pathname expansion leave alone. */
const PLAIN = /^[^ \t\n*?[]+$/

/** The value of `$name` as one field, when nothing in it would split or glob. */
export function plainValue(sh: Sh, v: string | undefined): boolean {
  if (v === undefined || v === '' || !PLAIN.test(v)) return false
  const ifs = sh.vars.get('IFS')
  return ifs === undefined || ifs === DEFAULT_IFS
}
