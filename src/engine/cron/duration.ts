// Go's time.ParseDuration (go/src/time/format.go), for robfig's `@every <duration>`:
// "1h30m", "90s", "1.5h", "500ms"; units ns us µs μs ms s m h; no days. Returns
// nanoseconds as a bigint (Go durations are int64 ns) or throws with Go's error text.
import { timeQuote } from './go-text.ts'

const UNITS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n,
  'μs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
}

const LIMIT = 1n << 63n

const isDigit = (c: string): boolean => c >= '0' && c <= '9'

export function parseDuration(orig: string): bigint {
  const invalid = (): Error => new Error('time: invalid duration ' + timeQuote(orig))
  let s = orig
  let neg = false
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-'
    s = s.slice(1)
  }
  if (s === '0') return 0n
  if (s === '') throw invalid()
  let d = 0n
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) throw invalid()
    // Whole part: Go's leadingInt, which fails on overflow of 1<<63.
    let i = 0
    let v = 0n
    while (i < s.length && isDigit(s[i])) {
      if (v > LIMIT / 10n) throw invalid()
      v = v * 10n + BigInt(s.charCodeAt(i) - 48)
      if (v > LIMIT) throw invalid()
      i++
    }
    const pre = i > 0
    s = s.slice(i)
    // Fraction: Go's leadingFraction keeps consuming digits but stops accumulating on overflow.
    let f = 0n
    let scale = 1
    let post = false
    if (s !== '' && s[0] === '.') {
      s = s.slice(1)
      let j = 0
      let overflow = false
      while (j < s.length && isDigit(s[j])) {
        if (!overflow) {
          if (f > (LIMIT - 1n) / 10n) overflow = true
          else {
            const y = f * 10n + BigInt(s.charCodeAt(j) - 48)
            if (y > LIMIT) overflow = true
            else {
              f = y
              scale *= 10
            }
          }
        }
        j++
      }
      post = j > 0
      s = s.slice(j)
    }
    if (!pre && !post) throw invalid()
    let u = 0
    while (u < s.length && s[u] !== '.' && !isDigit(s[u])) u++
    if (u === 0) throw new Error('time: missing unit in duration ' + timeQuote(orig))
    const name = s.slice(0, u)
    s = s.slice(u)
    const unit = UNITS[name]
    if (unit === undefined) throw new Error('time: unknown unit ' + timeQuote(name) + ' in duration ' + timeQuote(orig))
    if (v > LIMIT / unit) throw invalid()
    v *= unit
    if (f > 0n) {
      // float64(f) * (float64(unit) / scale), truncated, as Go computes it.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)))
      if (v > LIMIT) throw invalid()
    }
    d += v
    if (d > LIMIT) throw invalid()
  }
  if (neg) return -d
  if (d > LIMIT - 1n) throw invalid()
  return d
}
