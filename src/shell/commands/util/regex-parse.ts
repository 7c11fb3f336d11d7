// The parser of POSIX regular expressions (basic and extended, with the GNU extensions
// glibc's regcomp accepts) into the tree regex.ts compiles to a JavaScript RegExp; errors
// carry glibc's regerror texts. Upstream: glibc posix/regcomp.c (parse_reg_exp, parse_expression).

export class RegexError extends Error {}

const ERR = {
  paren: 'Unmatched ( or \\(',
  rparen: 'Unmatched ) or \\)',
  brack: 'Unmatched [, [^, [:, [., or [=',
  brace: 'Unmatched \\{',
  badbr: 'Invalid content of \\{\\}',
  range: 'Invalid range end',
  ctype: 'Invalid character class name',
  subreg: 'Invalid back reference',
  badrpt: 'Invalid preceding regular expression',
  escape: 'Trailing backslash',
  collate: 'Invalid collation character',
  size: 'Regular expression too big',
}

export type Node =
  | { t: 'lit'; js: string }
  | { t: 'bol' }
  | { t: 'eol' }
  /** GNU \` : the start of the buffer, which REG_NOTBOL does not hide. */
  | { t: 'bufstart' }
  | { t: 'assert'; js: string }
  | { t: 'group'; alt: Node[][]; capture: boolean }
  | { t: 'repeat'; node: Node; min: number; max: number }
  | { t: 'backref'; n: number }

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: '\\t\\n\\v\\f\\r ',
  blank: '\\t ',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
}

const DUP_MAX = 32767

/** Escape one character for use outside a JS character class (u-mode rules). */
function litJs(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c
}

/** Escape one character inside a JS character class. */
function classJs(c: string): string {
  return /[\\\]\[^-]/.test(c) ? '\\' + c : c
}

export class Parser {
  private i = 0
  private groups = 0
  private completed = new Set<number>()
  ambiguous = false

  constructor(
    private p: string,
    private ere: boolean,
  ) {}

  parse(): Node[][] {
    const alt = this.alternation(0)
    // glibc reports a stray `\)` in a BRE as an unmatched `(`.
    if (this.i < this.p.length) throw new RegexError(ERR.paren)
    return alt
  }

  private atAltSep(): boolean {
    return this.ere ? this.p[this.i] === '|' : this.p.startsWith('\\|', this.i)
  }

  private atClose(depth: number): boolean {
    if (this.ere) return depth > 0 && this.p[this.i] === ')'
    return this.p.startsWith('\\)', this.i)
  }

  private alternation(depth: number): Node[][] {
    const branches = [this.branch(depth)]
    while (this.atAltSep()) {
      this.i += this.ere ? 1 : 2
      this.ambiguous = true
      branches.push(this.branch(depth))
    }
    return branches
  }

  private branch(depth: number): Node[] {
    const seq: Node[] = []
    const p = this.p
    while (this.i < p.length && !this.atAltSep() && !this.atClose(depth)) {
      const atStart = seq.length === 0 || (seq.length === 1 && seq[0].t === 'bol')
      const dup = this.dupHere()
      if (dup) {
        const prev = seq[seq.length - 1]
        if (this.ere && (seq.length === 0 || prev.t === 'bol')) throw new RegexError(ERR.badrpt)
        // A BRE may not repeat a repetition (`a**`, `a\{1\}\{2\}`); an ERE may.
        if (!this.ere && !atStart && prev.t === 'repeat') throw new RegexError(ERR.badrpt)
        if (!this.ere && atStart) {
          // At the start of a BRE (or after its ^) `*`, `\+` and `\?` are literal; an interval is an error.
          if (dup === 'interval') throw new RegexError(ERR.badrpt)
          this.i += dup.length
          seq.push({ t: 'lit', js: litJs(dup[dup.length - 1]) })
          continue
        }
        seq[seq.length - 1] = this.repeat(prev, dup)
        continue
      }
      seq.push(this.atom(depth, atStart))
    }
    return seq
  }

  /** Which duplication operator starts here, if any. */
  private dupHere(): '*' | '+' | '?' | '\\+' | '\\?' | 'interval' | null {
    const c = this.p[this.i]
    if (c === '*') return '*'
    if (this.ere) {
      if (c === '+' || c === '?') return c
      if (c === '{') return 'interval'
      return null
    }
    if (c === '\\') {
      const d = this.p[this.i + 1]
      if (d === '+') return '\\+'
      if (d === '?') return '\\?'
      if (d === '{') return 'interval'
    }
    return null
  }

  private repeat(node: Node, dup: NonNullable<ReturnType<Parser['dupHere']>>): Node {
    let min = 0
    let max = Infinity
    if (dup === 'interval') [min, max] = this.interval()
    else {
      this.i += dup.length
      if (dup.endsWith('+')) min = 1
      else if (dup.endsWith('?')) max = 1
    }
    if (node.t === 'group' || node.t === 'backref') this.ambiguous = true
    return { t: 'repeat', node, min, max }
  }

  private interval(): [number, number] {
    this.i += this.ere ? 1 : 2
    const close = this.ere ? '}' : '\\}'
    const end = this.p.indexOf(close, this.i)
    if (end < 0) throw new RegexError(ERR.brace)
    const body = this.p.slice(this.i, end)
    this.i = end + close.length
    const m = /^(\d*)(,(\d*))?$/.exec(body)
    if (!m || (m[1] === '' && !m[2])) throw new RegexError(ERR.badbr)
    const min = m[1] === '' ? 0 : Number(m[1])
    const max = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : min
    if (min > max) throw new RegexError(ERR.badbr)
    if (min > DUP_MAX || (max !== Infinity && max > DUP_MAX)) throw new RegexError(ERR.size)
    return [min, max]
  }

  private atom(depth: number, atStart: boolean): Node {
    const p = this.p
    const c = p[this.i]
    if (c === '[') return this.bracket()
    if (c === '.') {
      this.i++
      return { t: 'lit', js: '[^\\0]' }
    }
    if (c === '^' && (this.ere || atStart)) {
      this.i++
      return { t: 'bol' }
    }
    if (c === '$' && (this.ere || this.atBranchEnd())) {
      this.i++
      return { t: 'eol' }
    }
    if (this.ere && c === '(') return this.group(depth, 1)
    if (c === '\\') return this.escape(depth)
    this.i++
    return { t: 'lit', js: litJs(c) }
  }

  /** In a BRE, `$` anchors only at the end of the RE, of a group or of an alternative. */
  private atBranchEnd(): boolean {
    const rest = this.p.slice(this.i + 1)
    return rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|')
  }

  private group(depth: number, openLen: number): Node {
    this.i += openLen
    const n = ++this.groups
    const alt = this.alternation(depth + 1)
    if (this.ere) {
      if (this.p[this.i] !== ')') throw new RegexError(ERR.paren)
      this.i++
    } else {
      if (!this.p.startsWith('\\)', this.i)) throw new RegexError(ERR.paren)
      this.i += 2
    }
    this.completed.add(n)
    return { t: 'group', alt, capture: true }
  }

  private escape(depth: number): Node {
    const d = this.p[this.i + 1]
    if (d === undefined) throw new RegexError(ERR.escape)
    if (!this.ere && d === '(') return this.group(depth, 2)
    if (!this.ere && d === ')') throw new RegexError(ERR.rparen)
    this.i += 2
    if (d >= '1' && d <= '9') {
      const n = Number(d)
      if (!this.completed.has(n)) throw new RegexError(ERR.subreg)
      this.ambiguous = true
      return { t: 'backref', n }
    }
    switch (d) {
      case 'w':
        return { t: 'lit', js: '[0-9A-Za-z_]' }
      case 'W':
        return { t: 'lit', js: '[^0-9A-Za-z_]' }
      case 's':
        return { t: 'lit', js: '[\\t\\n\\v\\f\\r ]' }
      case 'S':
        return { t: 'lit', js: '[^\\t\\n\\v\\f\\r ]' }
      case 'b':
        return { t: 'assert', js: '\\b' }
      case 'B':
        return { t: 'assert', js: '\\B' }
      case '<':
        return { t: 'assert', js: '\\b(?=[0-9A-Za-z_])' }
      case '>':
        return { t: 'assert', js: '\\b(?<=[0-9A-Za-z_])' }
      case '`':
        return { t: 'bufstart' }
      case "'":
        return { t: 'eol' }
    }
    return { t: 'lit', js: litJs(d) }
  }

  private bracket(): Node {
    const p = this.p
    let i = this.i + 1
    const neg = p[i] === '^'
    if (neg) i++
    let body = ''
    for (let first = true; ; first = false) {
      if (i >= p.length) throw new RegexError(ERR.brack)
      if (p[i] === ']' && !first) {
        i++
        break
      }
      const item = this.bracketItem(i)
      i = item.next
      const rangeFollows = p[i] === '-' && p[i + 1] !== ']' && i + 1 < p.length
      if (item.ch === undefined) {
        if (rangeFollows) throw new RegexError(ERR.range)
        body += item.cls
      } else if (rangeFollows) {
        const end = this.bracketItem(i + 1)
        i = end.next
        if (end.ch === undefined || end.ch.codePointAt(0)! < item.ch.codePointAt(0)!) throw new RegexError(ERR.range)
        body += classJs(item.ch) + '-' + classJs(end.ch)
      } else body += classJs(item.ch)
    }
    this.i = i
    if (!body) return { t: 'lit', js: neg ? '[^\\0]' : '(?!)' }
    return { t: 'lit', js: `[${neg ? '^' : ''}${body}]` }
  }

  /** One bracket item at `i`: a character (or [.c.] / [=c=]) or a [:class:], and where the next starts. */
  private bracketItem(i: number): { next: number; ch: string; cls?: undefined } | { next: number; ch?: undefined; cls: string } {
    const p = this.p
    if (p[i] === '[' && (p[i + 1] === ':' || p[i + 1] === '=' || p[i + 1] === '.')) {
      const kind = p[i + 1]
      const end = p.indexOf(kind + ']', i + 2)
      if (end < 0) throw new RegexError(ERR.brack)
      const name = p.slice(i + 2, end)
      const next = end + 2
      if (kind === ':') {
        // Own keys only: [[:constructor:]] must be an unknown class, not Object.prototype's.
        const cls = Object.hasOwn(CLASSES, name) ? CLASSES[name] : undefined
        if (cls === undefined) throw new RegexError(ERR.ctype)
        return { next, cls }
      }
      const ch = [...name]
      if (ch.length !== 1) throw new RegexError(ERR.collate)
      return { next, ch: ch[0] }
    }
    const ch = String.fromCodePoint(p.codePointAt(i)!)
    return { next: i + ch.length, ch }
  }
}
