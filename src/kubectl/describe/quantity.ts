// Resource quantities ("100m", "128Mi") as `describe node` adds and prints them: exact thousandths and
// Quantity.String()'s canonical suffixes. Upstream: k8s.io/apimachinery pkg/api/resource/quantity.go.

export interface Quantity {
  /** The value in thousandths of a unit (milli-units), exact for lab-sized numbers. */
  milli: bigint
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent'
}

const BIN: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n }
const DEC: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }

export function zeroQuantity(): Quantity {
  return { milli: 0n, format: 'DecimalSI' }
}

export function parseQuantity(s: string | undefined): Quantity | undefined {
  if (!s) return undefined
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(s)
  if (!m || (!m[2] && !m[3])) return undefined
  const sign = m[1] === '-' ? -1n : 1n
  const int = m[2] || '0'
  const frac = m[3] ?? ''
  const suffix = m[4] ?? ''
  // Value as digits × 10^exp, then scaled to thousandths (truncating below a milli-unit).
  const digits = BigInt(int + frac)
  let exp = -frac.length
  let format: Quantity['format'] = 'DecimalSI'
  let mult = 1n
  if (suffix in BIN) {
    mult = BIN[suffix]
    format = 'BinarySI'
  } else if (/^[eE]/.test(suffix)) {
    exp += Number(suffix.slice(1))
    format = 'DecimalExponent'
  } else exp += DEC[suffix]
  exp += 3
  const scaled = exp >= 0 ? digits * mult * 10n ** BigInt(exp) : (digits * mult) / 10n ** BigInt(-exp)
  return { milli: sign * scaled, format }
}

export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { milli: a.milli + b.milli, format: a.milli === 0n && a.format === 'DecimalSI' ? b.format : a.format }
}

/** Quantity.String(): "0", "350m", "2", "1500m", "128Mi", "1Gi", "2k". */
export function formatQuantity(q: Quantity): string {
  const neg = q.milli < 0n
  const v = neg ? -q.milli : q.milli
  if (v === 0n) return '0'
  const sign = neg ? '-' : ''
  if (q.format === 'BinarySI' && v % 1000n === 0n) {
    const units = v / 1000n
    for (const [suffix, m] of Object.entries(BIN).reverse()) {
      if (units % m === 0n) return `${sign}${units / m}${suffix}`
    }
    if (units < 1024n) return `${sign}${units}`
  }
  if (v % 1000n !== 0n) return `${sign}${v}m`
  let units = v / 1000n
  let e = 0
  while (units % 1000n === 0n && e < 18) {
    units /= 1000n
    e += 3
  }
  const suffix = { 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' }[e] ?? ''
  return `${sign}${units}${suffix}`
}

/** Value in whole units (Quantity.Value(): rounded up). */
export function quantityValue(q: Quantity): bigint {
  return q.milli >= 0n ? (q.milli + 999n) / 1000n : q.milli / 1000n
}
