// POSIX regular expressions (basic and extended, with the GNU extensions glibc's
// regcomp accepts) translated to JavaScript RegExps, matched leftmost-longest as
// regexec does. Errors carry glibc's regerror texts. Upstream: glibc posix/regcomp.c.

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

type Node =
  | { t: 'lit'; js: string }
  | { t: 'bol' }
  | { t: 'eol' }
  /** GNU \` : the start of the buffer, which REG_NOTBOL does not hide. */
  | { t: 'bufstart' }
  | { t: 'assert'; js: string }
  | { t: 'group'; alt: Node[][]; capture: boolean }
  | { t: 'repeat'; node: Node; min: number; max: number }
  | { t: 'backref'; n: number }

export interface RegexOptions {
  extended?: boolean
  icase?: boolean
}

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

class Parser {
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
          if (dup === 'interval') throw new RegexError(ERR.badrpt)
          if (dup === '*') {
            this.i++
            seq.push({ t: 'lit', js: '\\*' })
            continue
          }
        }
        if (!this.ere && dup !== '*' && dup !== 'interval' && atStart) {
          this.i += 2
          seq.push({ t: 'lit', js: litJs(dup === '\\+' ? '+' : '?') })
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
    if (dup === '*') this.i++
    else if (dup === '+' || dup === '?') {
      this.i++
      if (dup === '+') min = 1
      else max = 1
    } else if (dup === '\\+' || dup === '\\?') {
      this.i += 2
      if (dup === '\\+') min = 1
      else max = 1
    } else [min, max] = this.interval()
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
    if (c === '$' && (this.ere || this.atBranchEnd(depth))) {
      this.i++
      return { t: 'eol' }
    }
    if (this.ere && c === '(') return this.group(depth, 1)
    if (c === '\\') return this.escape(depth)
    this.i++
    return { t: 'lit', js: litJs(c) }
  }

  /** In a BRE, `$` anchors only at the end of the RE, of a group or of an alternative. */
  private atBranchEnd(_depth: number): boolean {
    const rest = this.p.slice(this.i + 1)
    return rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|')
  }

  private group(depth: number, openLen: number): Node {
    this.i += openLen
    const n = ++this.groups
    const alt = this.alternation(depth + 1)
    if (this.ere) {
      if (p(this.p, this.i) !== ')') throw new RegexError(ERR.paren)
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
    let neg = false
    if (p[i] === '^') {
      neg = true
      i++
    }
    let body = ''
    let first = true
    for (;;) {
      if (i >= p.length) throw new RegexError(ERR.brack)
      const c = p[i]
      if (c === ']' && !first) {
        i++
        break
      }
      first = false
      let start: string | null
      ;[start, i] = this.bracketItem(i, body.length === 0)
      if (start === null) {
        body += this.lastClass
        if (p[i] === '-' && p[i + 1] !== ']' && i + 1 < p.length) throw new RegexError(ERR.range)
        continue
      }
      if (p[i] === '-' && p[i + 1] !== ']' && i + 1 < p.length) {
        let end: string | null
        ;[end, i] = this.bracketItem(i + 1, false)
        if (end === null || end.codePointAt(0)! < start.codePointAt(0)!) throw new RegexError(ERR.range)
        body += classJs(start) + '-' + classJs(end)
      } else body += classJs(start)
    }
    this.i = i
    if (!body) return { t: 'lit', js: neg ? '[^\\0]' : '(?!)' }
    return { t: 'lit', js: `[${neg ? '^' : ''}${body}]` }
  }

  private lastClass = ''

  /** One bracket item at `i`: a character (returned) or a class (null, body in lastClass). */
  private bracketItem(i: number, _first: boolean): [string | null, number] {
    const p = this.p
    if (p[i] === '[' && (p[i + 1] === ':' || p[i + 1] === '=' || p[i + 1] === '.')) {
      const kind = p[i + 1]
      const end = p.indexOf(kind + ']', i + 2)
      if (end < 0) throw new RegexError(ERR.brack)
      const name = p.slice(i + 2, end)
      const next = end + 2
      if (kind === ':') {
        const cls = CLASSES[name]
        if (cls === undefined) throw new RegexError(ERR.ctype)
        this.lastClass = cls
        return [null, next]
      }
      const ch = [...name]
      if (ch.length !== 1) throw new RegexError(ERR.collate)
      return [ch[0], next]
    }
    const cp = p.codePointAt(i)!
    const ch = String.fromCodePoint(cp)
    return [ch, i + ch.length]
  }
}

function p(s: string, i: number): string | undefined {
  return s[i]
}

function emitSeq(seq: Node[], notbol: boolean): string {
  return seq.map((n) => emit(n, notbol)).join('')
}

function emit(n: Node, notbol: boolean): string {
  switch (n.t) {
    case 'lit':
    case 'assert':
      return n.js
    case 'bol':
      return notbol ? '(?!)' : '^'
    case 'bufstart':
      return '^'
    case 'eol':
      return '$'
    case 'backref':
      return `\\${n.n}`
    case 'group':
      return (n.capture ? '(' : '(?:') + n.alt.map((s) => emitSeq(s, notbol)).join('|') + ')'
    case 'repeat': {
      const inner = n.node.t === 'lit' || n.node.t === 'group' || n.node.t === 'backref' ? emit(n.node, notbol) : `(?:${emit(n.node, notbol)})`
      const q = n.min === 0 && n.max === Infinity ? '*' : n.min === 1 && n.max === Infinity ? '+' : n.min === 0 && n.max === 1 ? '?' : n.max === Infinity ? `{${n.min},}` : n.min === n.max ? `{${n.min}}` : `{${n.min},${n.max}}`
      return inner + q
    }
  }
}

export interface RegexMatch {
  start: number
  end: number
  /** Capture groups 1..n: [start, end] or undefined when the group did not take part. */
  groups: ([number, number] | undefined)[]
}

/** A compiled POSIX regex; matches like regexec(): leftmost, then longest. */
export class PosixRegex {
  readonly nsub: number
  private re: RegExp
  private reNotbol: RegExp
  private ambiguous: boolean
  private src: string
  private flags: string
  private tails = new Map<number, RegExp>()

  constructor(pattern: string, opts: RegexOptions = {}) {
    const parser = new Parser(pattern, !!opts.extended)
    const alt = parser.parse()
    const top: Node = { t: 'group', alt, capture: false }
    this.src = emit(top, false)
    this.flags = 'dgu' + (opts.icase ? 'i' : '')
    this.re = new RegExp(this.src, this.flags)
    this.reNotbol = new RegExp(emit(top, true), this.flags)
    this.ambiguous = parser.ambiguous
    this.nsub = (new RegExp(this.src + '|', 'u').exec('') ?? []).length - 1
  }

  /** Search `s` from `from` (as regexec on s+from: `^` fails there when notbol). */
  exec(s: string, from = 0, notbol = false): RegexMatch | null {
    const sub = from ? s.slice(from) : s
    const re = notbol ? this.reNotbol : this.re
    re.lastIndex = 0
    const m = re.exec(sub)
    if (!m) return null
    let best: RegExpExecArray = m
    if (this.ambiguous) best = this.longest(sub, m, notbol) ?? m
    const idx = best.indices!
    const groups: RegexMatch['groups'] = []
    for (let g = 1; g < idx.length; g++) groups.push(idx[g] ? [idx[g]![0] + from, idx[g]![1] + from] : undefined)
    return { start: idx[0][0] + from, end: idx[0][1] + from, groups }
  }

  test(s: string): boolean {
    this.re.lastIndex = 0
    return this.re.test(s)
  }

  /** POSIX wants the longest match at the leftmost start; JS gives the first. Try longer ends. */
  private longest(s: string, m: RegExpExecArray, notbol: boolean): RegExpExecArray | null {
    const start = m.index
    const firstEnd = start + m[0].length
    for (let end = s.length; end > firstEnd; end--) {
      const re = this.tail(s.length - end, notbol)
      re.lastIndex = start
      const r = re.exec(s)
      if (r) return r
    }
    return null
  }

  private tail(rest: number, notbol: boolean): RegExp {
    const key = notbol ? -rest - 1 : rest
    let re = this.tails.get(key)
    if (!re) {
      const src = notbol ? this.reNotbol.source : this.src
      re = new RegExp(`${src}(?=[^]{${rest}}$)`, this.flags.replace('g', '') + 'y')
      this.tails.set(key, re)
    }
    return re
  }
}

/** Compile, or return glibc's error text. */
export function compileRegex(pattern: string, opts: RegexOptions = {}): PosixRegex | RegexError {
  try {
    return new PosixRegex(pattern, opts)
  } catch (e) {
    if (e instanceof RegexError) return e
    if (e instanceof SyntaxError) return new RegexError('Invalid regular expression')
    throw e
  }
}
