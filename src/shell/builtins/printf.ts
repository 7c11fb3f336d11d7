// busybox printf (coreutils/printf.c), also ash's builtin: the format reused
// while arguments remain, %b %c %s %d %i %o %u %x %X %f %e %g with flags, width,
// precision and *; bad numbers print "invalid number" and count as 0 (status 1).
import type { CommandContext } from '../api.ts'
import { unescape } from './echo.ts'
import { exponential, fixed, general } from './float.ts'
import { writeError } from './io.ts'
import { gnuInfo } from '../commands/gnu/about.ts'
import { gnuQuote, gnuUsage, progName } from '../commands/gnu/userland.ts'
import { utf8Decode, utf8Encode, utf8Length } from '../commands/util/io.ts'
import { shellOf } from '../interp/context.ts'

class StopOutput {}

/** `gnu`: run as GNU coreutils' /usr/bin/printf rather than the shell's builtin. */
export function printf(ctx: CommandContext, gnu = false): number {
  const argv = ctx.argv
  let i = 1
  if (gnu && argv.length === 2 && (argv[1] === '--help' || argv[1] === '--version') && gnuInfo(ctx, 'printf', argv[1])) return 0
  if (argv[1] === '--') i++
  if (i >= argv.length) {
    if (gnu) return gnuUsage(ctx, 'missing operand', 1)
    ctx.stderr.write(shellOf(ctx)?.flavor === 'bash' ? 'printf: usage: printf [-v var] format [arguments]\n' : 'sh: usage: printf FORMAT [ARGUMENT...]\n')
    return 2
  }
  const fmt = argv[i]
  const args = argv.slice(i + 1)
  const st = { args, pos: 0, err: false, out: '', gnu }
  try {
    do {
      const before = st.pos
      if (!format(ctx, fmt, st)) return flush(ctx, st.out) || 1
      if (st.pos === before) break
    } while (st.pos < args.length)
  } catch (e) {
    if (!(e instanceof StopOutput)) throw e
  }
  if (flush(ctx, st.out)) return 1
  return st.err ? 1 : 0
}

function flush(ctx: CommandContext, s: string): number {
  return writeError(ctx, s) ? 1 : 0
}

interface State {
  args: string[]
  pos: number
  err: boolean
  out: string
  /** GNU coreutils' printf program (its messages), not the shell's builtin. */
  gnu: boolean
}

/** One pass over the format; false after an invalid directive (already reported). */
function format(ctx: CommandContext, fmt: string, st: State): boolean {
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]
    if (c === '\\') {
      const end = escapeEnd(fmt, i)
      const [text, stop] = unescape(fmt.slice(i, end), false)
      st.out += text
      if (stop) throw new StopOutput()
      i = end - 1
      continue
    }
    if (c !== '%') {
      st.out += c
      continue
    }
    const m = /^%([-+ #0]*)(\*|[0-9]*)(?:\.(\*|[0-9]*))?(hh|h|ll|l|L|q|j|z|t)?([diouxXfFeEgGcsb%])/.exec(fmt.slice(i))
    if (!m || (m[5] === '%' && m[0] !== '%%') || (m[5] === 'b' && m[0] !== '%b')) {
      ctx.stderr.write(`sh: ${fmt.slice(i)}: invalid format\n`)
      return false
    }
    i += m[0].length - 1
    if (m[5] === '%') {
      st.out += '%'
      continue
    }
    const width = m[2] === '*' ? intArg(ctx, st) : m[2] ? Number(m[2]) : undefined
    const prec = m[3] === undefined ? undefined : m[3] === '*' ? intArg(ctx, st) : Number(m[3] || '0')
    st.out += directive(ctx, st, m[1], width, prec, m[5])
  }
  return true
}

/** Where a backslash escape starting at i ends (exclusive). */
function escapeEnd(s: string, i: number): number {
  const n = s[i + 1]
  if (n === undefined) return i + 1
  if (n >= '0' && n <= '7') {
    let j = i + 1
    while (j < i + 4 && s[j] >= '0' && s[j] <= '7') j++
    return j
  }
  if (n === 'x') {
    let j = i + 2
    while (j < i + 4 && /[0-9a-fA-F]/.test(s[j] ?? '')) j++
    return j
  }
  return i + 2
}

function next(st: State): string | undefined {
  return st.pos < st.args.length ? st.args[st.pos++] : undefined
}

function intArg(ctx: CommandContext, st: State): number {
  const a = next(st)
  return a === undefined ? 0 : Number(toInt(ctx, st, a))
}

/** strtoll as busybox uses it: leading blanks, sign, base prefix, nothing after. */
function toInt(ctx: CommandContext, st: State, a: string, unsigned = false): bigint {
  if (a[0] === '"' || a[0] === "'") return BigInt(a.length > 1 ? a.charCodeAt(1) : 0)
  const m = /^[ \t\n]*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(a)
  if (!m) {
    badNumber(ctx, st, a)
    st.err = true
    return 0n
  }
  const mag = BigInt(m[2].length > 1 && m[2][0] === '0' && !/[xX]/.test(m[2]) ? '0o' + m[2].slice(1) : m[2])
  const v = m[1] === '-' ? -mag : mag
  if (unsigned ? mag > UINT64_MAX : v > INT64_MAX || v < -INT64_MAX - 1n) {
    badNumber(ctx, st, a)
    st.err = true
    return 0n
  }
  return v
}

const INT64_MAX = 9223372036854775807n
const UINT64_MAX = 18446744073709551615n

function toFloat(ctx: CommandContext, st: State, a: string): number {
  if (a[0] === '"' || a[0] === "'") return a.length > 1 ? a.charCodeAt(1) : 0
  const t = a.replace(/^[ \t\n]+/, '')
  if (/^[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|0[xX][0-9a-fA-F]+|inf(inity)?|nan)$/i.test(t)) return Number(t.replace(/^([-+]?)inf(inity)?$/i, '$1Infinity'))
  badNumber(ctx, st, a)
  st.err = true
  return 0
}

/** A number printf cannot read: GNU "'x': expected a numeric value", bash "printf: x: invalid number", ash "invalid number 'x'". */
function badNumber(ctx: CommandContext, st: State, a: string): void {
  const sh = shellOf(ctx)
  if (st.gnu) ctx.stderr.write(`${progName(ctx)}: ${gnuQuote(ctx, a)}: expected a numeric value\n`)
  else if (sh?.flavor === 'bash') ctx.stderr.write(`${sh.errorPrefix('printf')}${a}: invalid number\n`)
  else ctx.stderr.write(`sh: invalid number '${a}'\n`)
}

function directive(ctx: CommandContext, st: State, flags: string, width: number | undefined, prec: number | undefined, conv: string): string {
  const a = next(st)
  let body: string
  switch (conv) {
    case 's':
      body = a ?? ''
      if (prec !== undefined) body = bytePrefix(body, prec)
      return pad(body, flags, width, false)
    case 'b': {
      const [text, stop] = unescape(a ?? '', true)
      body = prec !== undefined ? bytePrefix(text, prec) : text
      if (stop) {
        st.out += pad(body, flags, width, false)
        throw new StopOutput()
      }
      return pad(body, flags, width, false)
    }
    case 'c':
      return pad(a ? bytePrefix(a, 1) : '\0', flags, width, false)
    case 'd':
    case 'i':
      return formatInt(toInt(ctx, st, a ?? ''), flags, width, prec, 10, false)
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      let v = toInt(ctx, st, a ?? '', true)
      if (v < 0n) v = BigInt.asUintN(64, v)
      const base = conv === 'o' ? 8 : conv === 'u' ? 10 : 16
      return formatInt(v, flags, width, prec, base, conv === 'X', conv)
    }
    default:
      return formatFloat(a === undefined ? 0 : toFloat(ctx, st, a), flags, width, prec, conv)
  }
}

// busybox printf hands each directive to the C library's printf, whose widths and
// precisions count bytes, not characters: "%-8s" pads "안녕" (6 bytes of UTF-8)
// with 2 spaces, "%.3s" keeps its first character, "%c" its first byte
// (coreutils/printf.c print_direc; C99 7.19.6.1).
function bytePrefix(s: string, n: number): string {
  if (!/[^\0-\x7f]/.test(s)) return s.slice(0, n)
  return utf8Length(s) <= n ? s : utf8Decode(utf8Encode(s).slice(0, n))
}

function pad(s: string, flags: string, width: number | undefined, zero: boolean): string {
  const len = /[^\0-\x7f]/.test(s) ? utf8Length(s) : s.length
  if (width === undefined || len >= Math.abs(width)) return s
  const left = flags.includes('-') || width < 0
  const w = Math.abs(width)
  if (left) return s + ' '.repeat(w - len)
  if (zero && flags.includes('0')) {
    const sign = /^[-+ ]/.test(s) ? s[0] : ''
    const prefix = /^[-+ ]?0[xX]/.test(s) ? s.slice(sign.length, sign.length + 2) : ''
    const rest = s.slice(sign.length + prefix.length)
    return sign + prefix + '0'.repeat(w - len) + rest
  }
  return ' '.repeat(w - len) + s
}

function formatInt(v: bigint, flags: string, width: number | undefined, prec: number | undefined, base: number, upper: boolean, conv = 'd'): string {
  const neg = v < 0n
  let digits = (neg ? -v : v).toString(base)
  if (upper) digits = digits.toUpperCase()
  if (prec !== undefined) {
    if (prec === 0 && v === 0n) digits = ''
    else if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits
  }
  if (flags.includes('#') && v !== 0n) {
    if (conv === 'o' && digits[0] !== '0') digits = '0' + digits
    if (conv === 'x') digits = '0x' + digits
    if (conv === 'X') digits = '0X' + digits
  }
  const sign = neg ? '-' : flags.includes('+') && conv === 'd' ? '+' : flags.includes(' ') && conv === 'd' ? ' ' : ''
  return pad(sign + digits, flags, width, prec === undefined)
}

function formatFloat(v: number, flags: string, width: number | undefined, prec: number | undefined, conv: string): string {
  const p = prec ?? 6
  let body: string
  const lower = conv.toLowerCase()
  if (!Number.isFinite(v)) body = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf'
  else if (lower === 'f') body = fixed(v, p)
  else if (lower === 'e') body = exponential(v, p)
  else body = general(v, p, flags.includes('#'))
  if (conv === 'E' || conv === 'G' || conv === 'F') body = body.toUpperCase()
  if (!body.startsWith('-')) {
    if (flags.includes('+')) body = '+' + body
    else if (flags.includes(' ')) body = ' ' + body
  }
  return pad(body, flags, width, Number.isFinite(v))
}
