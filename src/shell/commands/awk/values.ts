// awk values: numbers, strings, and "strnums" (input-derived strings that compare as
// numbers when they look like numbers); conversions with CONVFMT/OFMT and busybox's
// integer rule. Upstream: POSIX awk "Expressions in awk"; busybox editors/awk.c (fmt_num).
import { cprintf } from '../util/printf.ts'

/** A string that came from input (fields, getline, split, ARGV, ENVIRON, -v). */
export class StrNum {
  constructor(readonly s: string) {}
}

export type Value = number | string | StrNum

const NUMERIC = /^[ \t\n\r\f\v]*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?[ \t\n\r\f\v]*$/

/** A strnum that looks like a number is a number for comparisons. */
export function looksNumeric(v: Value): boolean {
  if (typeof v === 'number') return true
  if (v instanceof StrNum) return NUMERIC.test(v.s)
  return false
}

/** atof: the leading number of a string, or 0. */
export function toNum(v: Value): number {
  if (typeof v === 'number') return v
  const s = typeof v === 'string' ? v : v.s
  const m = /^[ \t\n\r\f\v]*([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)/.exec(s)
  if (m) return Number(m[1])
  const h = /^[ \t]*([-+]?)0[xX]([0-9a-fA-F]+)/.exec(s)
  if (h) return (h[1] === '-' ? -1 : 1) * parseInt(h[2], 16)
  return 0
}

/** A number as text: integral values as %d, others through the format (CONVFMT or OFMT). */
export function numToStr(n: number, fmt: string): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString()
  if (Number.isNaN(n)) return n > 0 ? 'nan' : '-nan'
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf'
  return cprintf(fmt, [{ num: () => n, str: () => String(n), isNumber: () => true }])
}

export function toStr(v: Value, convfmt: string): string {
  if (typeof v === 'number') return numToStr(v, convfmt)
  return typeof v === 'string' ? v : v.s
}

export function toBool(v: Value): boolean {
  if (typeof v === 'number') return v !== 0
  if (v instanceof StrNum) return looksNumeric(v) ? toNum(v) !== 0 : v.s !== ''
  return v !== ''
}

/** awk comparison: numeric when both sides are numeric, else by strings. */
export function compare(a: Value, b: Value, convfmt: string): number {
  if (looksNumeric(a) && looksNumeric(b)) {
    const x = toNum(a)
    const y = toNum(b)
    return x < y ? -1 : x > y ? 1 : 0
  }
  const x = toStr(a, convfmt)
  const y = toStr(b, convfmt)
  return x < y ? -1 : x > y ? 1 : 0
}
