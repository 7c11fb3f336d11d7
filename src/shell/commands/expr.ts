// expr as busybox has it (GNU's messages in GNU images): | & comparisons + - * / % and `:`
// (anchored BRE match), with the match/substr/index/length/quote keywords, 64-bit integers, exit 1
// for a null result and 2 for errors. Upstream: busybox coreutils/expr.c.
import type { CommandContext } from '../api.ts'
import { compileRegex, PosixRegex } from './util/regex.ts'
import { gnuInfo } from './gnu/about.ts'
import { gnuQuote, gnuUsage, isGnu, progName } from './gnu/userland.ts'

type Val = { int: bigint } | { str: string }

class ExprError {
  constructor(
    readonly msg: string,
    /** GNU expr's words for it. */
    readonly gnu = msg,
  ) {}
}

const isNull = (v: Val) => ('int' in v ? v.int === 0n : v.str === '' || v.str === '0')
const toStr = (v: Val) => ('int' in v ? String(v.int) : v.str)

function toInt(v: Val): bigint | null {
  if ('int' in v) return v.int
  const m = /^[ \t\n\v\f\r]*([-+]?\d+)$/.exec(v.str)
  return m ? BigInt.asIntN(64, BigInt(m[1])) : null
}

class Parser {
  i = 0

  constructor(
    private args: string[],
    private ctx: CommandContext,
  ) {}

  private at(s: string): boolean {
    return this.args[this.i] === s
  }

  done(): boolean {
    return this.i >= this.args.length
  }

  or(): Val {
    let l = this.and()
    while (this.at('|')) {
      this.i++
      const r = this.and()
      if (isNull(l)) l = r
    }
    return l
  }

  private and(): Val {
    let l = this.compare()
    while (this.at('&')) {
      this.i++
      const r = this.compare()
      if (isNull(l) || isNull(r)) l = { int: 0n }
    }
    return l
  }

  private compare(): Val {
    let l = this.additive()
    for (;;) {
      const op = ['<', '<=', '=', '==', '!=', '>=', '>'].find((o) => this.at(o))
      if (!op) return l
      this.i++
      const r = this.additive()
      const li = toInt(l)
      const ri = toInt(r)
      let c: number
      if (li !== null && ri !== null) c = li < ri ? -1 : li > ri ? 1 : 0
      else {
        const a = toStr(l)
        const b = toStr(r)
        c = a < b ? -1 : a > b ? 1 : 0
      }
      const ok = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '=' || op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '>=' ? c >= 0 : c > 0
      l = { int: ok ? 1n : 0n }
    }
  }

  private arith(l: Val, r: Val, op: string): Val {
    const a = toInt(l)
    const b = toInt(r)
    if (a === null || b === null) throw new ExprError('non-numeric argument', 'non-integer argument')
    if ((op === '/' || op === '%') && b === 0n) throw new ExprError('division by zero')
    const v = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a % b
    return { int: BigInt.asIntN(64, v) }
  }

  private additive(): Val {
    let l = this.multiplicative()
    for (;;) {
      const op = ['+', '-'].find((o) => this.at(o))
      if (!op) return l
      this.i++
      l = this.arith(l, this.multiplicative(), op)
    }
  }

  private multiplicative(): Val {
    let l = this.colon()
    for (;;) {
      const op = ['*', '/', '%'].find((o) => this.at(o))
      if (!op) return l
      this.i++
      l = this.arith(l, this.colon(), op)
    }
  }

  private colon(): Val {
    let l = this.keyword()
    while (this.at(':')) {
      this.i++
      l = this.match(l, this.keyword())
    }
    return l
  }

  private match(sv: Val, pv: Val): Val {
    const s = toStr(sv)
    const pat = toStr(pv)
    if (pat.startsWith('^'))
      this.ctx.stderr.write(`expr: warning: '${pat}': using '^' as the first character\nof a basic regular expression is not portable; it is ignored\n`)
    const re = compileRegex(pat)
    if (!(re instanceof PosixRegex)) throw new ExprError(`bad regex '${pat}': ${re.message}`, re.message)
    const m = re.exec(s)
    if (m && m.start === 0) {
      const g = m.groups[0]
      if (re.nsub > 0 && g) return { str: s.slice(g[0], g[1]) }
      return { int: BigInt(m.end) }
    }
    return re.nsub > 0 ? { str: '' } : { int: 0n }
  }

  private keyword(): Val {
    const k = ['quote', 'length', 'match', 'index', 'substr'].indexOf(this.args[this.i])
    if (k < 0) return this.primary()
    this.i++
    if (k === 0) {
      if (this.done()) throw this.missing()
      return { str: this.args[this.i++] }
    }
    if (k === 1) return { int: BigInt([...toStr(this.keyword())].length) }
    const l = this.keyword()
    if (k === 2) return this.match(l, this.keyword())
    if (k === 3) {
      const s = toStr(l)
      const chars = toStr(this.keyword())
      let i = 0
      while (i < s.length && !chars.includes(s[i])) i++
      return { int: i === s.length ? 0n : BigInt(i + 1) }
    }
    const i1 = toInt(this.keyword())
    const i2 = toInt(this.keyword())
    const s = toStr(l)
    if (i1 === null || i2 === null || i1 > BigInt(s.length) || i1 <= 0n || i2 <= 0n) return { str: '' }
    return { str: s.slice(Number(i1) - 1, Number(i1) - 1 + Number(i2)) }
  }

  /** Nothing after an operator: GNU names the argument it stopped after. */
  missing(): ExprError {
    return new ExprError('syntax error', `syntax error: missing argument after ${gnuQuote(this.ctx, this.args[this.i - 1])}`)
  }

  private primary(): Val {
    if (this.done()) throw this.missing()
    if (this.at('(')) {
      this.i++
      const v = this.or()
      if (!this.at(')')) throw new ExprError('syntax error', this.done() ? `syntax error: expecting ')' after ${gnuQuote(this.ctx, this.args[this.i - 1])}` : `syntax error: expecting ')' instead of ${gnuQuote(this.ctx, this.args[this.i])}`)
      this.i++
      return v
    }
    if (this.at(')')) throw new ExprError('syntax error', "syntax error: unexpected ')'")
    return { str: this.args[this.i++] }
  }
}

export function expr(ctx: CommandContext): number {
  const args = ctx.argv.slice(1)
  const gnu = isGnu(ctx)
  if (gnu && args.length === 1 && (args[0] === '--help' || args[0] === '--version') && gnuInfo(ctx, 'expr', args[0])) return 0
  if (gnu && args[0] === '--') args.shift()
  try {
    if (!args.length) {
      if (gnu) return gnuUsage(ctx, 'missing operand', 2)
      throw new ExprError('too few arguments')
    }
    const p = new Parser(args, ctx)
    const v = p.or()
    if (!p.done()) throw new ExprError('syntax error', `syntax error: unexpected argument ${gnuQuote(ctx, args[p.i])}`)
    ctx.stdout.write(toStr(v) + '\n')
    return isNull(v) ? 1 : 0
  } catch (e) {
    if (!(e instanceof ExprError)) throw e
    ctx.stderr.write(gnu ? `${progName(ctx)}: ${e.gnu}\n` : `expr: ${e.msg}\n`)
    return 2
  }
}
