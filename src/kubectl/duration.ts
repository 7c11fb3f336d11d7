// Durations as kubectl prints and reads them: HumanDuration (AGE, DURATION, event ages) and Go's
// time.ParseDuration for --since, --timeout. Upstream: k8s.io/apimachinery pkg/util/duration/duration.go.

/** HumanDuration of a span in ms: "0s"…"119s", "2m5s", "10m", "3h5m", "8h", "2d3h", "8d", "2y45d", "8y". */
export function humanDuration(ms: number): string {
  // Go converts with int(d.Seconds()): truncation toward zero.
  const seconds = Math.trunc(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.floor(minutes / 60)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365
    const y = Math.floor(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${Math.floor(hours / 24 / 365)}y`
}

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** time.ParseDuration to milliseconds; a string is Go's error text. */
export function parseGoDuration(s: string): number | string {
  const bad = `time: invalid duration ${JSON.stringify(s)}`
  let rest = s
  let sign = 1
  if (rest[0] === '-' || rest[0] === '+') {
    if (rest[0] === '-') sign = -1
    rest = rest.slice(1)
  }
  if (rest === '0') return 0
  if (!rest) return bad
  let total = 0
  while (rest) {
    const m = /^(\d*)(?:\.(\d*))?/.exec(rest)!
    if (!m[0] || m[0] === '.') return bad
    rest = rest.slice(m[0].length)
    const u = /^[^\d.]+/.exec(rest)
    if (!u) return `time: missing unit in duration ${JSON.stringify(s)}`
    const unit = UNITS[u[0]]
    if (unit === undefined) return `time: unknown unit ${JSON.stringify(u[0])} in duration ${JSON.stringify(s)}`
    rest = rest.slice(u[0].length)
    total += parseFloat(`${m[1] || '0'}.${m[2] || '0'}`) * unit
  }
  return sign * total
}

/** Go's Duration.String() for whole-millisecond spans: "30s", "1m30s", "2h0m0s", "500ms". */
export function goDurationString(ms: number): string {
  if (ms === 0) return '0s'
  const neg = ms < 0
  let v = Math.abs(ms)
  let out: string
  if (v < 1000) out = `${v}ms`
  else {
    const h = Math.floor(v / 3_600_000)
    v -= h * 3_600_000
    const m = Math.floor(v / 60_000)
    v -= m * 60_000
    const sec = v / 1000
    const secText = Number.isInteger(sec) ? String(sec) : String(sec).replace(/0+$/, '')
    out = h ? `${h}h${m}m${secText}s` : m ? `${m}m${secText}s` : `${secText}s`
  }
  return neg ? '-' + out : out
}
