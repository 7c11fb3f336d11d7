// C's printf conversions for awk's printf/sprintf and number output: %d %i %o %u %x %X
// %c %s %e %E %f %F %g %G %% with flags (- + space # 0), width, precision and `*`.
// Upstream: the C standard (7.21.6.1); glibc's output for the edge cases.

import { utf8Decode, utf8Encode, utf8Length } from './io.ts'

export type Arg = { num: () => number; str: () => string; isNumber?: () => boolean }

// awk hands each conversion to the C library's sprintf, whose widths and
// precisions count bytes: "%-8s" pads "가나" (6 bytes of UTF-8) with 2 spaces and
// "%.3s" keeps one Hangul syllable (busybox editors/awk.c awk_printf; C 7.21.6.1).
function byteLength(s: string): number {
  return /[^\0-\x7f]/.test(s) ? utf8Length(s) : s.length
}

function bytePrefix(s: string, n: number): string {
  if (!/[^\0-\x7f]/.test(s)) return s.slice(0, n)
  return utf8Length(s) <= n ? s : utf8Decode(utf8Encode(s).slice(0, n))
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  const len = byteLength(s)
  if (len >= width) return s
  if (left) return s + ' '.repeat(width - len)
  if (zero) {
    const sign = /^[-+ ]/.test(s) ? s[0] : ''
    const prefix = /^[-+ ]?0[xX]/.test(s) ? s.slice(sign.length, sign.length + 2) : ''
    const body = s.slice(sign.length + prefix.length)
    return sign + prefix + '0'.repeat(width - len) + body
  }
  return ' '.repeat(width - len) + s
}

/** %e with `prec` digits after the point; the exponent has at least two digits. */
export function fmtE(v: number, prec: number, upper = false, alt = false): string {
  if (!Number.isFinite(v)) return nonFinite(v, upper)
  let s = Math.abs(v).toExponential(Math.min(prec, 100))
  let [m, e] = s.split('e')
  if (alt && !m.includes('.')) m += '.'
  const exp = Number(e)
  s = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  if (v < 0 || Object.is(v, -0)) s = '-' + s
  return upper ? s.toUpperCase() : s
}

export function fmtF(v: number, prec: number, upper = false, alt = false): string {
  if (!Number.isFinite(v)) return nonFinite(v, upper)
  let s = Math.abs(v) >= 1e21 ? bigFixed(Math.abs(v), prec) : Math.abs(v).toFixed(Math.min(prec, 100))
  if (alt && !s.includes('.')) s += '.'
  return (v < 0 || Object.is(v, -0) ? '-' : '') + s
}

function bigFixed(v: number, prec: number): string {
  const int = BigInt(Math.round(v)).toString()
  return prec > 0 ? `${int}.${'0'.repeat(prec)}` : int
}

function nonFinite(v: number, upper: boolean): string {
  const s = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf'
  return upper ? s.toUpperCase() : s
}

/** %g: %e or %f by the exponent, trailing zeros removed (kept with #). */
export function fmtG(v: number, prec: number, upper = false, alt = false): string {
  if (!Number.isFinite(v)) return nonFinite(v, upper)
  const p = prec === 0 ? 1 : prec
  if (v === 0) return (Object.is(v, -0) ? '-' : '') + (alt ? '0.' + '0'.repeat(p - 1) : '0')
  const exp = Number(Math.abs(v).toExponential(p - 1).split('e')[1])
  let s = exp < -4 || exp >= p ? fmtE(v, p - 1, upper, alt) : fmtF(v, p - 1 - exp, upper, alt)
  if (!alt) {
    const [m, e] = s.split(/(?=[eE])/)
    s = (m.includes('.') ? m.replace(/\.?0+$/, '') : m) + (e ?? '')
  }
  return s
}

function toInt(v: number): number {
  if (!Number.isFinite(v)) return v > 0 ? 2 ** 63 - 1 : -(2 ** 63)
  return Math.trunc(v)
}

/** Format with C semantics; args are consumed in order. Unknown conversions print as-is. */
export function cprintf(fmt: string, args: Arg[]): string {
  let out = ''
  let ai = 0
  const next = (): Arg => args[ai++] ?? { num: () => 0, str: () => '' }
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]
    if (ch !== '%') {
      out += ch
      continue
    }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?(hh|h|ll|l|L|q|j|z|t)?([a-zA-Z%])/.exec(fmt.slice(i))
    if (!m) {
      out += fmt.slice(i)
      break
    }
    i += m[0].length - 1
    const flags = m[1]
    let width = m[2] === '*' ? Math.trunc(next().num()) : m[2] ? Number(m[2]) : 0
    let left = flags.includes('-')
    if (width < 0) {
      left = true
      width = -width
    }
    const precArg = m[3] === '*' ? Math.trunc(next().num()) : m[3] === undefined ? undefined : Number(m[3] || 0)
    const prec = precArg !== undefined && precArg < 0 ? undefined : precArg
    const zero = flags.includes('0') && !left
    const sign = (v: number, s: string) => (v < 0 || Object.is(v, -0) ? s : flags.includes('+') ? '+' + s : flags.includes(' ') ? ' ' + s : s)
    const conv = m[5]
    switch (conv) {
      case '%':
        out += '%'
        break
      case 'd':
      case 'i': {
        const v = toInt(next().num())
        let digits = String(Math.abs(v))
        if (prec !== undefined) digits = prec === 0 && v === 0 ? '' : digits.padStart(prec, '0')
        out += pad(v < 0 ? '-' + digits : sign(v, digits), width, left, zero && prec === undefined)
        break
      }
      case 'o':
      case 'u':
      case 'x':
      case 'X': {
        let v = toInt(next().num())
        if (v < 0) v = Number(BigInt.asUintN(64, BigInt(v)))
        let digits = conv === 'o' ? v.toString(8) : conv === 'u' ? String(v) : v.toString(16)
        if (conv === 'X') digits = digits.toUpperCase()
        if (prec !== undefined) digits = prec === 0 && v === 0 ? '' : digits.padStart(prec, '0')
        if (flags.includes('#') && v !== 0) digits = conv === 'o' ? '0' + digits : conv === 'x' ? '0x' + digits : conv === 'X' ? '0X' + digits : digits
        out += pad(digits, width, left, zero && prec === undefined)
        break
      }
      case 'c': {
        const a = next()
        out += pad(a.isNumber?.() ? numChar(a) : bytePrefix(a.str(), 1), width, left, false)
        break
      }
      case 's': {
        let s = next().str()
        if (prec !== undefined) s = bytePrefix(s, prec)
        out += pad(s, width, left, false)
        break
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        const v = next().num()
        const p = prec ?? 6
        const alt = flags.includes('#')
        const lower = conv.toLowerCase()
        let s = lower === 'e' ? fmtE(v, p, conv === 'E', alt) : lower === 'f' ? fmtF(v, p, conv === 'F', alt) : fmtG(v, p, conv === 'G', alt)
        if (!s.startsWith('-')) s = sign(v, s)
        out += pad(s, width, left, zero && Number.isFinite(v))
        break
      }
      default:
        out += m[0]
    }
  }
  return out
}

/** %c of a number (or a numeric string): the character with that code. */
function numChar(a: Arg): string {
  const n = Math.trunc(a.num())
  return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : n === 0 ? '\0' : ''
}
