// resource.Quantity: parse, compare, add and print quantities ("100m", "128Mi",
// "1e3") exactly as k8s.io/apimachinery pkg/api/resource/quantity.go does, with
// the same error texts, canonical forms and the internal shape %#v prints.
// Values are exact decimals (bigint mantissa × 10^scale), never floats.

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI'

export interface Quantity {
  /** The exact value is `unscaled × 10^scale`. */
  readonly unscaled: bigint
  readonly scale: number
  readonly format: QuantityFormat
  /** True when Go keeps the value as inf.Dec (the slow path) instead of an int64Amount. */
  readonly dec: boolean
  /** Go's cached string `s`: the input, kept only when it was already canonical. */
  readonly cached: string
}

export const ERR_FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
export const ERR_NUMERIC = 'unable to parse numeric part of quantity'
export const ERR_SUFFIX = "unable to parse quantity's suffix"

export class QuantityError extends Error {}

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const BINARY_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }
const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL_SUFFIX).map(([k, v]) => [v, k]))
const BINARY_BY_EXP = new Map([[0, ''], ...Object.entries(BINARY_SUFFIX).map(([k, v]) => [v, k] as [number, string])])
const SUFFIX_CHARS = 'eEinumkKMGTP'
const MAX_INT64 = (1n << 63n) - 1n
const NANO = -9

export const ZERO: Quantity = Object.freeze({ unscaled: 0n, scale: 0, format: 'DecimalSI', dec: false, cached: '0' })

interface Scanned {
  positive: boolean
  value: string
  num: string
  denom: string
  suffix: string
}

/** parseQuantityString: split sign, integer digits, fraction digits and suffix. */
function scan(str: string): Scanned {
  const end = str.length
  let pos = 0
  let positive = true
  if (str[0] === '-') (positive = false), pos++
  else if (str[0] === '+') pos++
  while (pos < end && str[pos] === '0') pos++
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' }
  let i = pos
  while (i < end && isDigit(str[i])) i++
  let num = str.slice(pos, i)
  if (i >= end) return { positive, value: str, num, denom: '', suffix: '' }
  if (!num) num = '0'
  pos = i
  let denom = ''
  if (str[pos] === '.') {
    pos++
    i = pos
    while (i < end && isDigit(str[i])) i++
    denom = str.slice(pos, i)
    if (i >= end) return { positive, value: str, num, denom, suffix: '' }
    pos = i
  }
  const value = str.slice(0, pos)
  const suffixStart = pos
  while (pos < end && SUFFIX_CHARS.includes(str[pos])) pos++
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++
  while (pos < end && isDigit(str[pos])) pos++
  if (pos < end) throw new QuantityError(ERR_FORMAT_WRONG)
  return { positive, value, num, denom, suffix: str.slice(suffixStart) }
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9'
}

function interpret(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } {
  if (suffix in DECIMAL_SUFFIX) return { base: 10, exponent: DECIMAL_SUFFIX[suffix], format: 'DecimalSI' }
  if (suffix in BINARY_SUFFIX) return { base: 2, exponent: BINARY_SUFFIX[suffix], format: 'BinarySI' }
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const e = Number(suffix.slice(1))
    if (Number.isSafeInteger(e)) return { base: 10, exponent: e, format: 'DecimalExponent' }
  }
  throw new QuantityError(ERR_SUFFIX)
}

const cache = new Map<string, Quantity>()

/** ParseQuantity. Throws QuantityError with Go's message. Results are cached and frozen. */
export function parseQuantity(str: string): Quantity {
  const hit = cache.get(str)
  if (hit) return hit
  const q = Object.freeze(parseUncached(str))
  if (cache.size > 4096) cache.clear()
  cache.set(str, q)
  return q
}

export function tryParseQuantity(str: string): Quantity | undefined {
  try {
    return parseQuantity(str)
  } catch {
    return undefined
  }
}

function parseUncached(str: string): Quantity {
  if (str.length === 0) throw new QuantityError(ERR_FORMAT_WRONG)
  if (str === '0') return ZERO
  const { positive, value, num, denom, suffix } = scan(str)
  const { base, exponent, format } = interpret(suffix)
  const fast = fastPath(str, positive, num, denom, base, exponent, format)
  if (fast) return fast
  return slowPath(value, base, exponent, format)
}

/** The int64Amount branch of ParseQuantity, including when Go caches the input string. */
function fastPath(str: string, positive: boolean, num: string, denom: string, base: number, exponent: number, format: QuantityFormat): Quantity | undefined {
  let precision: number
  let scale: number
  let mantissa = 1n
  if (base === 10) {
    scale = exponent
    precision = 18 - (num.length + denom.length)
  } else {
    scale = 0
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent)
      precision = 15 - num.length - Math.trunc(Math.fround((exponent * 3) / 10)) - 1
    } else precision = -1
  }
  if (precision < 0) return undefined
  scale -= denom.length
  if (scale < NANO) return undefined
  const shifted = num + denom
  const v = BigInt(shifted)
  let result = v * mantissa
  if (result > MAX_INT64) return undefined
  if (!positive) result = -result
  let cached = ''
  if (format === 'BinarySI') {
    if (exponent % 10 === 0 && (v & 7n) !== 0n) cached = str
  } else if (scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0') cached = str
  return { unscaled: result, scale, format, dec: false, cached }
}

/** The inf.Dec branch: exact arithmetic, rounded away from zero to nano, binary capped at 2^63-1. */
function slowPath(value: string, base: number, exponent: number, format: QuantityFormat): Quantity {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new QuantityError(ERR_NUMERIC)
  const negative = m[1] === '-'
  const frac = m[3] ?? ''
  let unscaled = BigInt((m[2] || '0') + frac)
  let scale = -frac.length
  if (base === 10) scale += exponent
  else unscaled *= 1n << BigInt(exponent)
  if (unscaled !== 0n && scale < NANO) {
    const div = 10n ** BigInt(NANO - scale)
    unscaled = (unscaled + div - 1n) / div
    scale = NANO
  }
  if (format === 'BinarySI' && compareParts(unscaled, scale, MAX_INT64, 0) > 0) {
    unscaled = MAX_INT64
    scale = 0
  }
  if (format === 'BinarySI' && unscaled > 0n && compareParts(unscaled, scale, 1n, 0) < 0) format = 'DecimalSI'
  return { unscaled: negative ? -unscaled : unscaled, scale, format, dec: true, cached: '' }
}

function compareParts(a: bigint, as: number, b: bigint, bs: number): number {
  const s = Math.min(as, bs)
  const x = a * 10n ** BigInt(as - s)
  const y = b * 10n ** BigInt(bs - s)
  return x < y ? -1 : x > y ? 1 : 0
}

export function compareQuantity(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return compareParts(a.unscaled, a.scale, b.unscaled, b.scale) as -1 | 0 | 1
}

export function isZero(q: Quantity): boolean {
  return q.unscaled === 0n
}

export function sign(q: Quantity): -1 | 0 | 1 {
  return q.unscaled < 0n ? -1 : q.unscaled > 0n ? 1 : 0
}

/** Add: the result keeps a's format (Go's Quantity.Add), and forgets any cached string. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const s = Math.min(a.scale, b.scale)
  const unscaled = a.unscaled * 10n ** BigInt(a.scale - s) + b.unscaled * 10n ** BigInt(b.scale - s)
  const format = a.unscaled === 0n && a.format === 'DecimalSI' && a.cached === '0' ? b.format : a.format
  return { unscaled, scale: s, format, dec: a.dec || b.dec, cached: '' }
}

export function sumQuantities(qs: Iterable<Quantity>): Quantity {
  let total = ZERO
  for (const q of qs) total = addQuantity(total, q)
  return total
}

/** RoundUp(scale): round away from zero to at least `scale` (the defaulter uses -3, milli). */
export function roundUp(q: Quantity, scale: number): Quantity {
  if (q.scale >= scale) return q
  const div = 10n ** BigInt(scale - q.scale)
  const abs = q.unscaled < 0n ? -q.unscaled : q.unscaled
  const r = (abs + div - 1n) / div
  return { unscaled: q.unscaled < 0n ? -r : r, scale, format: q.format, dec: q.dec, cached: '' }
}

/** ScaledValue(scale): ceil(q / 10^scale) as a number (Value() is scale 0, MilliValue() is -3). */
export function scaledValue(q: Quantity, scale: number): number {
  const shift = q.scale - scale
  if (shift >= 0) return Number(q.unscaled * 10n ** BigInt(shift))
  const div = 10n ** BigInt(-shift)
  const n = q.unscaled
  const t = n / div
  return Number(n > 0n && t * div !== n ? t + 1n : t)
}

export function quantityValue(q: Quantity): number {
  return scaledValue(q, 0)
}

export function milliValue(q: Quantity): number {
  return scaledValue(q, -3)
}

/** AsApproximateFloat64. */
export function toFloat(q: Quantity): number {
  return Number(q.unscaled) * 10 ** q.scale
}

/** Quantity.String(): the cached input when canonical, else the canonical form. */
export function formatQuantity(q: Quantity): string {
  return q.cached || canonicalString(q)
}

/** CanonicalizeBytes plus suffix, without the cached string. */
export function canonicalString(q: Quantity): string {
  if (q.unscaled === 0n) return '0'
  let format = q.format
  let base1024: bigint | undefined
  if (format === 'BinarySI') {
    if (compareParts(q.unscaled, q.scale, -1024n, 0) > 0 && compareParts(q.unscaled, q.scale, 1024n, 0) < 0) format = 'DecimalSI'
    else {
      const whole = q.scale >= 0 ? q.unscaled * 10n ** BigInt(q.scale) : undefined
      if (whole === undefined && q.unscaled % 10n ** BigInt(-q.scale) !== 0n) format = 'DecimalSI'
      else base1024 = whole ?? q.unscaled / 10n ** BigInt(-q.scale)
    }
  }
  if (format === 'BinarySI' && base1024 !== undefined) {
    let n = base1024
    let times = 0
    const neg = n < 0n
    if (neg) n = -n
    while (n >= 1024n && n % 1024n === 0n) (n /= 1024n), times++
    const suffix = BINARY_BY_EXP.get(times * 10)
    if (suffix !== undefined) return (neg ? '-' : '') + n.toString() + suffix
    return canonicalDecimal(q, 'DecimalSI')
  }
  return canonicalDecimal(q, format)
}

function canonicalDecimal(q: Quantity, format: QuantityFormat): string {
  let n = q.unscaled < 0n ? -q.unscaled : q.unscaled
  let exponent = q.scale
  while (n >= 10n && n % 10n === 0n) (n /= 10n), exponent++
  while (((exponent % 3) + 3) % 3 !== 0) (n *= 10n), exponent--
  const digits = (q.unscaled < 0n ? '-' : '') + n.toString()
  if (format === 'DecimalSI') {
    const s = DECIMAL_BY_EXP.get(exponent)
    if (s !== undefined) return digits + s
  }
  return exponent === 0 ? digits : `${digits}e${exponent}`
}

/** Parse and re-print in canonical form, as the apiserver stores a quantity ("0.5" → "500m"). */
export function canonicalQuantity(str: string): string {
  return formatQuantity(parseQuantity(str))
}

/**
 * A JSON number as Go's encoding/json would print a float64 read from YAML, which
 * is what the apiserver sees when kubectl converts `cpu: 0.5` to JSON.
 */
export function goJSONNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n)
  const abs = Math.abs(n)
  // Go prints e-notation outside [1e-6, 1e21) and trims "e-07" to "e-7", as JavaScript does.
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) return n.toExponential()
  return String(n)
}

/** ParseQuantity on a raw JSON token (a string's contents, or a number's text), as UnmarshalJSON does. */
export function parseQuantityJSON(raw: string | number): Quantity {
  return parseQuantity(typeof raw === 'number' ? goJSONNumber(raw) : raw.trim())
}

/** Milli-units of a quantity string, cached: the scheduler's and kubelet's hot path. */
const milliCache = new Map<string, number>()
export function milliOf(str: string): number {
  let v = milliCache.get(str)
  if (v === undefined) {
    v = milliValue(parseQuantity(str))
    if (milliCache.size > 4096) milliCache.clear()
    milliCache.set(str, v)
  }
  return v
}

/** Whole units (bytes for memory) of a quantity string, rounded up, cached. */
const valueCache = new Map<string, number>()
export function valueOf(str: string): number {
  let v = valueCache.get(str)
  if (v === undefined) {
    v = quantityValue(parseQuantity(str))
    if (valueCache.size > 4096) valueCache.clear()
    valueCache.set(str, v)
  }
  return v
}
