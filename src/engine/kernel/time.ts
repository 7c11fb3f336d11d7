// Virtual time is a number: milliseconds since the Unix epoch. These helpers turn
// it into the strings the API uses. metav1.Time is serialised as RFC 3339 with
// whole seconds (k8s.io/apimachinery pkg/apis/meta/v1/time.go), so fractions are
// truncated on the wire even though the clock itself runs in milliseconds.

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

let cacheSec = NaN
let cacheStr = ''

/** RFC 3339 in UTC with whole seconds, e.g. 2026-01-01T00:00:00Z. */
export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000)
  if (sec === cacheSec) return cacheStr
  const d = new Date(sec * 1000)
  const s = d.toISOString()
  cacheSec = sec
  cacheStr = s.slice(0, 19) + 'Z'
  return cacheStr
}

/** RFC 3339 with microseconds, as metav1.MicroTime (Event.eventTime) prints. */
export function rfc3339Micro(ms: number): string {
  const d = new Date(ms)
  return d.toISOString().slice(0, 23) + '000Z'
}

/** Parse an RFC 3339 timestamp to virtual ms; NaN when malformed. */
export function parseTime(s: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return NaN
  return Date.parse(s)
}

/** Whole seconds between two virtual times, truncated like Go's Duration.Seconds() floor. */
export function secondsBetween(from: number, to: number): number {
  return Math.floor((to - from) / 1000)
}
