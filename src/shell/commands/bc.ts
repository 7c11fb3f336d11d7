// bc, the part students pipe one-liners into (echo "scale=2; 10/3" | bc, bc -l):
// decimal numbers of any length, scale, variables and assignments (= += -= *= /=
// %= ^=, ++ --), + - * / % ^ with bc's result scales, comparisons, ! && ||,
// sqrt() length() scale(), "strings", quit. Results truncate, never round; a
// value prints without a leading 0 (.5), lines wrap after 68 characters with a
// backslash. Functions, control flow, arrays and other bases are not simulated and
// say so. Upstream: busybox miscutils/bc.c (POSIX bc; the result-scale rules of
// its zbc_num_* functions).
import type { CommandContext, Wait } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { readInput } from './util/io.ts'
import { wantsHelp } from './util/usage.ts'

interface Num {
  v: bigint
  s: number
}

class BcError {
  constructor(readonly message: string) {}
}

const UNSIMULATED = new Set(['define', 'if', 'else', 'while', 'for', 'print', 'read', 'auto', 'return', 'break', 'continue', 'halt', 'limits', 'ibase', 'obase'])
const TEN = 10n
const pow10 = (n: number): bigint => TEN ** BigInt(n)
const num = (v: bigint, s = 0): Num => ({ v, s })
const int = (b: boolean): Num => num(b ? 1n : 0n)

function rescale(a: Num, s: number): Num {
  if (s === a.s) return a
  return s > a.s ? num(a.v * pow10(s - a.s), s) : num(a.v / pow10(a.s - s), s)
}

function cmp(a: Num, b: Num): number {
  const s = Math.max(a.s, b.s)
  const x = rescale(a, s).v
  const y = rescale(b, s).v
  return x < y ? -1 : x > y ? 1 : 0
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n
  let x = n
  let y = (x + 1n) / 2n
  while (y < x) {
    x = y
    y = (x + n / x) / 2n
  }
  return x
}

type Tok = { k: 'num' | 'name' | 'str' | 'op' | 'end'; t: string }

function lex(src: string): Tok[] {
  const out: Tok[] = []
  const ops = ['++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '==', '!=', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%', '^', '=', '<', '>', '!', '(', ')', ',', ';', '\n', '{', '}', '[', ']']
  let i = 0
  while (i < src.length) {
    const c = src[i]
    if (c === ' ' || c === '\t' || c === '\r') i++
    else if (c === '\\' && src[i + 1] === '\n') i += 2
    else if (c === '#') while (i < src.length && src[i] !== '\n') i++
    else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2)
      i = end < 0 ? src.length : end + 2
    } else if (/[0-9.]/.test(c)) {
      const m = /^[0-9]*(\.[0-9]*)?/.exec(src.slice(i))![0]
      out.push({ k: 'num', t: m })
      i += m.length
    } else if (/[a-z_]/.test(c)) {
      const m = /^[a-z_][a-z0-9_]*/.exec(src.slice(i))![0]
      out.push({ k: 'name', t: m })
      i += m.length
    } else if (c === '"') {
      const end = src.indexOf('"', i + 1)
      if (end < 0) throw new BcError('string end could not be found')
      out.push({ k: 'str', t: src.slice(i + 1, end) })
      i = end + 1
    } else {
      const op = ops.find((o) => src.startsWith(o, i))
      if (!op) throw new BcError(`bad character '${c}'`)
      out.push({ k: 'op', t: op })
      i += op.length
    }
  }
  out.push({ k: 'end', t: '' })
  return out
}

class Bc {
  vars = new Map<string, Num>()
  scale = 0
  out = ''
  private toks: Tok[] = []
  private p = 0

  /** Run a program text; true when it said quit. */
  run(src: string): boolean {
    this.toks = lex(src)
    this.p = 0
    for (;;) {
      while (this.peek().t === ';' || this.peek().t === '\n') this.p++
      const tok = this.peek()
      if (tok.k === 'end') return false
      if (tok.k === 'name' && tok.t === 'quit') return true
      if (tok.k === 'name' && UNSIMULATED.has(tok.t)) throw new BcError(`batchlab does not simulate bc's ${tok.t}; expressions, variables and scale work`)
      if (tok.k === 'str') {
        this.p++
        this.out += tok.t
      } else {
        const assign = this.isAssignment()
        const v = this.expr()
        // A statement must end before its value prints ("a b" prints nothing).
        this.endOfStatement()
        if (!assign) this.print(v)
        continue
      }
      this.endOfStatement()
    }
  }

  private endOfStatement(): void {
    const next = this.peek()
    if (next.k !== 'end' && next.t !== ';' && next.t !== '\n') throw this.bad()
  }

  private peek(): Tok {
    return this.toks[this.p]
  }

  private bad(): BcError {
    const t = this.peek()
    return new BcError(`bad expression at '${t.k === 'name' || t.k === 'num' ? t.t : ''}'`)
  }

  private isAssignment(): boolean {
    const a = this.toks[this.p]
    const b = this.toks[this.p + 1]
    return a.k === 'name' && b.k === 'op' && /^[-+*/%^]?=$/.test(b.t)
  }

  private get(name: string): Num {
    if (name === 'scale') return num(BigInt(this.scale))
    return this.vars.get(name) ?? num(0n)
  }

  private set(name: string, v: Num): Num {
    if (name === 'scale') {
      const s = v.s ? v.v / pow10(v.s) : v.v
      if (s < 0n || s > 1000000n) throw new BcError('bad scale')
      this.scale = Number(s)
      return num(s)
    }
    this.vars.set(name, v)
    return v
  }

  expr(): Num {
    if (this.isAssignment()) {
      const name = this.toks[this.p].t
      const op = this.toks[this.p + 1].t
      this.p += 2
      const rhs = this.expr()
      return this.set(name, op === '=' ? rhs : this.binary(op[0], this.get(name), rhs))
    }
    return this.or()
  }

  private or(): Num {
    let l = this.and()
    while (this.peek().t === '||') {
      this.p++
      const r = this.and()
      l = int(l.v !== 0n || r.v !== 0n)
    }
    return l
  }

  private and(): Num {
    let l = this.not()
    while (this.peek().t === '&&') {
      this.p++
      const r = this.not()
      l = int(l.v !== 0n && r.v !== 0n)
    }
    return l
  }

  private not(): Num {
    if (this.peek().t === '!') {
      this.p++
      return int(this.not().v === 0n)
    }
    return this.rel()
  }

  private rel(): Num {
    const l = this.add()
    const op = this.peek().t
    if (!['<', '<=', '>', '>=', '==', '!='].includes(op)) return l
    this.p++
    const c = cmp(l, this.add())
    return int(op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : op === '==' ? c === 0 : c !== 0)
  }

  private add(): Num {
    let l = this.mul()
    while (this.peek().t === '+' || this.peek().t === '-') {
      const op = this.toks[this.p++].t
      l = this.binary(op, l, this.mul())
    }
    return l
  }

  private mul(): Num {
    let l = this.pow()
    while (['*', '/', '%'].includes(this.peek().t)) {
      const op = this.toks[this.p++].t
      l = this.binary(op, l, this.pow())
    }
    return l
  }

  private pow(): Num {
    const l = this.unary()
    if (this.peek().t !== '^') return l
    this.p++
    return this.binary('^', l, this.pow())
  }

  // Unary minus binds tighter than ^ in bc: -2^2 is 4.
  private unary(): Num {
    if (this.peek().t === '-') {
      this.p++
      const v = this.unary()
      return num(-v.v, v.s)
    }
    return this.primary()
  }

  private primary(): Num {
    const t = this.peek()
    if (t.k === 'num') {
      this.p++
      const [i, f = ''] = t.t.split('.')
      if (t.t === '.') throw this.bad()
      return num(BigInt((i || '0') + f), f.length)
    }
    if (t.t === '(') {
      this.p++
      const v = this.expr()
      if (this.peek().t !== ')') throw this.bad()
      this.p++
      return v
    }
    if (t.t === '++' || t.t === '--') {
      this.p++
      const name = this.peek()
      if (name.k !== 'name') throw this.bad()
      this.p++
      return this.set(name.t, this.binary(t.t[0], this.get(name.t), num(1n)))
    }
    if (t.k === 'name') {
      if (UNSIMULATED.has(t.t) || t.t === 'last') throw new BcError(`batchlab does not simulate bc's ${t.t}; expressions, variables and scale work`)
      this.p++
      if (this.peek().t === '(') {
        this.p++
        const arg = this.expr()
        if (this.peek().t !== ')') throw this.bad()
        this.p++
        return this.call(t.t, arg)
      }
      if (this.peek().t === '[') throw new BcError("batchlab does not simulate bc's arrays; expressions, variables and scale work")
      const v = this.get(t.t)
      const post = this.peek().t
      if (post === '++' || post === '--') {
        this.p++
        this.set(t.t, this.binary(post[0], v, num(1n)))
      }
      return v
    }
    throw this.bad()
  }

  private call(name: string, a: Num): Num {
    if (name === 'sqrt') {
      if (a.v < 0n) throw new BcError('negative number')
      const s = Math.max(this.scale, a.s)
      return num(isqrt(rescale(a, 2 * s).v), s)
    }
    if (name === 'length') return num(BigInt(a.v === 0n ? 1 : (a.v < 0n ? -a.v : a.v).toString().length))
    if (name === 'scale') return num(BigInt(a.s))
    throw new BcError('undefined function')
  }

  binary(op: string, a: Num, b: Num): Num {
    switch (op) {
      case '+':
      case '-': {
        const s = Math.max(a.s, b.s)
        const x = rescale(a, s).v
        const y = rescale(b, s).v
        return num(op === '+' ? x + y : x - y, s)
      }
      case '*':
        return rescale(num(a.v * b.v, a.s + b.s), Math.min(a.s + b.s, Math.max(this.scale, a.s, b.s)))
      case '/':
        return this.div(a, b, this.scale)
      case '%': {
        const q = this.div(a, b, this.scale)
        const prod = num(q.v * b.v, q.s + b.s)
        const s = Math.max(this.scale + b.s, a.s)
        return num(rescale(a, s).v - rescale(prod, s).v, s)
      }
      default: {
        const e = b.s ? b.v / pow10(b.s) : b.v
        if (e >= 0n) return rescale(num(a.v ** e, a.s * Number(e)), Math.min(a.s * Number(e), Math.max(this.scale, a.s)))
        return this.div(num(1n), num(a.v ** -e, a.s * Number(-e)), this.scale)
      }
    }
  }

  private div(a: Num, b: Num, s: number): Num {
    if (b.v === 0n) throw new BcError('divide by zero')
    return num((a.v * pow10(b.s + s)) / (b.v * pow10(a.s)), s)
  }

  private print(v: Num): void {
    let text: string
    if (v.v === 0n) text = '0'
    else {
      const digits = (v.v < 0n ? -v.v : v.v).toString().padStart(v.s + 1, '0')
      const whole = digits.slice(0, digits.length - v.s)
      text = (v.v < 0n ? '-' : '') + (whole === '0' && v.s ? '' : whole) + (v.s ? '.' + digits.slice(digits.length - v.s) : '')
    }
    // Lines longer than 68 characters go on after 68 and a backslash (BC_LINE_LENGTH 70).
    while (text.length > 68) {
      this.out += text.slice(0, 68) + '\\\n'
      text = text.slice(68)
    }
    this.out += text + '\n'
  }
}

export function* bc(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'lqswi', long: { mathlib: 'l', quiet: 'q', standard: 's', warn: 'w', interactive: 'i' } })
  if (typeof p === 'number') return p
  const m = new Bc()
  if (p.opts.has('l')) m.scale = 20
  try {
    for (const f of [...p.args, '-']) {
      const text = yield* readInput(ctx, f)
      if (typeof text !== 'string') {
        ctx.stderr.write(`bc: can't open '${f}': ${text.text}\n`)
        return 1
      }
      if (m.run(text)) break
    }
  } catch (e) {
    if (!(e instanceof BcError)) throw e
    ctx.stdout.write(m.out)
    ctx.stderr.write(`bc: ${e.message}\n`)
    return 1
  }
  ctx.stdout.write(m.out)
  return 0
}
