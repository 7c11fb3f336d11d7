// POSIX regular expressions (basic and extended, with the GNU extensions glibc's
// regcomp accepts) compiled to JavaScript RegExps and matched leftmost-longest as
// regexec does; regex-parse.ts reads them. Upstream: glibc posix/regexec.c.
import { Parser, RegexError, type Node } from './regex-parse.ts'

export { RegexError }

export interface RegexOptions {
  extended?: boolean
  icase?: boolean
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
