// Floating-point conversions for printf as glibc does them: the double's exact
// binary value, rounded half to even at the requested digit (2.5 → "2",
// 2.25 → "2.2"), which JavaScript's toFixed/toExponential do not do.

/** The exact value of a finite double as num / 2^shift. */
function exact(x: number): { num: bigint; shift: bigint } {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, Math.abs(x))
  const hi = view.getUint32(0)
  const lo = view.getUint32(4)
  const exp = (hi >>> 20) & 0x7ff
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo)
  if (exp) mant |= 1n << 52n
  const e = BigInt(exp ? exp - 1075 : -1074)
  return e >= 0n ? { num: mant << e, shift: 0n } : { num: mant, shift: -e }
}

/** round(|x| * 10^p) half to even, as a BigInt (p may be negative). */
function scaledRound(x: number, p: number): bigint {
  const { num, shift } = exact(x)
  let n = num
  let d = 1n << shift
  if (p >= 0) n *= 10n ** BigInt(p)
  else d *= 10n ** BigInt(-p)
  const q = n / d
  const r2 = (n % d) * 2n
  if (r2 > d || (r2 === d && q % 2n === 1n)) return q + 1n
  return q
}

function sign(x: number): string {
  return x < 0 || Object.is(x, -0) ? '-' : ''
}

/** %.Pf */
export function fixed(x: number, p: number): string {
  const digits = scaledRound(x, p).toString().padStart(p + 1, '0')
  const int = digits.slice(0, digits.length - p)
  return sign(x) + (p ? `${int}.${digits.slice(digits.length - p)}` : int)
}

/** The decimal exponent and p+1 significant digits of |x|, rounded half to even. */
function significand(x: number, p: number): { digits: string; exp: number } {
  if (x === 0) return { digits: '0'.repeat(p + 1), exp: 0 }
  let e = Math.floor(Math.log10(Math.abs(x)))
  let d = scaledRound(x, p - e)
  const limit = 10n ** BigInt(p + 1)
  if (d >= limit) {
    e++
    d = scaledRound(x, p - e)
  } else if (d < limit / 10n) {
    e--
    d = scaledRound(x, p - e)
  }
  if (d >= limit) {
    e++
    d /= 10n
  }
  return { digits: d.toString(), exp: e }
}

/** %.Pe */
export function exponential(x: number, p: number): string {
  const { digits, exp } = significand(x, p)
  const mant = p ? `${digits[0]}.${digits.slice(1)}` : digits[0]
  return `${sign(x)}${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
}

/** %.Pg (alt: the # flag keeps trailing zeros). */
export function general(x: number, p: number, alt: boolean): string {
  const P = p === 0 ? 1 : p
  const { exp } = significand(x, P - 1)
  let s = exp < -4 || exp >= P ? exponential(x, P - 1) : fixed(x, P - 1 - exp)
  if (!alt) {
    if (s.includes('e')) s = s.replace(/\.?0+e/, 'e')
    else if (s.includes('.')) s = s.replace(/\.?0+$/, '')
  } else if (!s.includes('.') && !s.includes('e')) s += '.'
  return s
}
