// busybox test / [ / [[ (coreutils/test.c): POSIX's argument-count rules, then
// ! -a -o ( ) by precedence; file tests on the virtual filesystem; decimal numbers
// only ("bad number"). In [[ mode == and != match patterns, =~ an ERE.
import type { CommandContext } from '../api.ts'
import { matches } from '../interp/pattern.ts'

class TestError {
  constructor(readonly message: string) {}
}

const UNARY = new Set(['-e', '-f', '-d', '-r', '-w', '-x', '-s', '-z', '-n', '-L', '-h', '-p', '-S', '-b', '-c', '-g', '-u', '-k', '-t', '-O', '-G'])
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef', '=~'])

export function test(ctx: CommandContext): number {
  const name = ctx.argv[0]
  let args = ctx.argv.slice(1)
  if (name === '[' || name === '[[') {
    const close = name === '[' ? ']' : ']]'
    if (args[args.length - 1] !== close) {
      ctx.stderr.write(`sh: missing ${close}\n`)
      return 2
    }
    args = args.slice(0, -1)
  }
  try {
    return new Evaluator(ctx, args, name === '[[').run() ? 0 : 1
  } catch (e) {
    if (!(e instanceof TestError)) throw e
    if (e.message) ctx.stderr.write(`sh: ${e.message}\n`)
    return 2
  }
}

class Evaluator {
  private i = 0

  constructor(
    private ctx: CommandContext,
    private args: string[],
    private bash: boolean,
  ) {}

  run(): boolean {
    const a = this.args
    switch (a.length) {
      case 0:
        return false
      case 1:
        return a[0] !== ''
      case 2:
        if (a[0] === '!') return a[1] === ''
        if (UNARY.has(a[0])) return this.unary(a[0], a[1])
        break
      case 3:
        if (BINARY.has(a[1])) return this.binary(a[0], a[1], a[2])
        if (a[0] === '!') return !this.sub(1)
        if (a[0] === '(' && a[2] === ')') return a[1] !== ''
        break
      case 4:
        if (a[0] === '!') return !this.sub(1)
        if (a[0] === '(' && a[3] === ')') return this.sub(1, 3)
        break
    }
    const r = this.oexpr()
    if (this.i < a.length) throw new TestError(`${a[this.i]}: unknown operand`)
    return r
  }

  private sub(from: number, to = this.args.length): boolean {
    return new Evaluator(this.ctx, this.args.slice(from, to), this.bash).run()
  }

  private oexpr(): boolean {
    let r = this.aexpr()
    while (this.args[this.i] === '-o') {
      this.i++
      const b = this.aexpr()
      r = r || b
    }
    return r
  }

  private aexpr(): boolean {
    let r = this.nexpr()
    while (this.args[this.i] === '-a') {
      this.i++
      const b = this.nexpr()
      r = r && b
    }
    return r
  }

  private nexpr(): boolean {
    if (this.args[this.i] === '!') {
      this.i++
      return !this.nexpr()
    }
    return this.primary()
  }

  private primary(): boolean {
    const a = this.args
    const t = a[this.i]
    if (t === undefined) throw new TestError('argument expected')
    if (t === '(') {
      this.i++
      const r = this.oexpr()
      if (a[this.i] !== ')') throw new TestError(a[this.i] === undefined ? 'closing paren expected' : `${a[this.i]}: unknown operand`)
      this.i++
      return r
    }
    if (BINARY.has(a[this.i + 1] ?? '') && this.i + 2 <= a.length) {
      const op = a[this.i + 1]
      const rhs = a[this.i + 2]
      if (rhs === undefined) throw new TestError(`${op}: argument expected`)
      this.i += 3
      return this.binary(t, op, rhs)
    }
    if (UNARY.has(t) && this.i + 1 < a.length) {
      this.i += 2
      return this.unary(t, a[this.i - 1])
    }
    this.i++
    return t !== ''
  }

  private unary(op: string, arg: string): boolean {
    return fileTest(this.ctx, op, arg)
  }

  private binary(l: string, op: string, r: string): boolean {
    switch (op) {
      case '=':
        return this.bash ? matches(r, l) : l === r
      case '==':
        return this.bash ? matches(r, l) : l === r
      case '!=':
        return this.bash ? !matches(r, l) : l !== r
      case '<':
        return l < r
      case '>':
        return l > r
      case '=~':
        return this.regex(l, r)
      case '-nt':
      case '-ot':
        return newer(this.ctx, op === '-nt' ? l : r, op === '-nt' ? r : l)
      case '-ef':
        return false
    }
    let a = number(l)
    let b = number(r)
    if (typeof a !== typeof b) {
      a = BigInt(a)
      b = BigInt(b)
    }
    return intTest(op, a, b)
  }

  private regex(s: string, re: string): boolean {
    let compiled: RegExp
    try {
      compiled = new RegExp(re)
    } catch {
      throw new TestError('')
    }
    return compiled.test(s)
  }
}

/** The unary operators of test and [[ ]]: strings and files on the virtual filesystem. */
export function fileTest(ctx: Pick<CommandContext, 'fs' | 'cwd'>, op: string, arg: string): boolean {
  if (op === '-z') return arg === ''
  if (op === '-n') return arg !== ''
  if (op === '-t') return false
  const node = ctx.fs.lookup(arg, ctx.cwd)
  if (!node || arg === '') return false
  switch (op) {
    case '-e':
      return true
    case '-f':
      return node.type === 'file'
    case '-d':
      return node.type === 'dir'
    case '-s':
      return node.type === 'dir' || node.data.length > 0
    case '-r':
    case '-w':
      return true
    case '-x':
      return node.type === 'dir' || (node.mode & 0o111) !== 0 || node.exec !== undefined
    case '-g':
      return (node.mode & 0o2000) !== 0
    case '-u':
      return (node.mode & 0o4000) !== 0
    case '-k':
      return (node.mode & 0o1000) !== 0
    case '-O':
    case '-G':
      return true
    default:
      return false
  }
}

/** The integer comparisons -eq -ne -lt -le -gt -ge (anything else is -ge), shared with bash's [[ ]]. */
export function intTest(op: string, a: bigint | number, b: bigint | number): boolean {
  switch (op) {
    case '-eq':
      return a === b
    case '-ne':
      return a !== b
    case '-lt':
      return a < b
    case '-le':
      return a <= b
    case '-gt':
      return a > b
    default:
      return a >= b
  }
}

export function newer(ctx: Pick<CommandContext, 'fs' | 'cwd'>, a: string, b: string): boolean {
  const na = ctx.fs.lookup(a, ctx.cwd)
  const nb = ctx.fs.lookup(b, ctx.cwd)
  if (!na || !nb) return false
  return na.mtime > nb.mtime
}

const INT64_MAX = 9223372036854775807n
const SMALL = /^-?[0-9]{1,15}$/

function number(s: string): bigint | number {
  if (SMALL.test(s)) return Number(s)
  const m = /^[ \t\n]*([-+]?[0-9]+)[ \t\n]*$/.exec(s)
  if (!m) throw new TestError(s ? `${s}: bad number` : 'bad number')
  const v = BigInt(m[1])
  if (v > INT64_MAX || v < -INT64_MAX - 1n) throw new TestError(`${s}: out of range`)
  return v
}
