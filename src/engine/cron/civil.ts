// Proleptic Gregorian calendar arithmetic on plain integers, the way Go's time
// package computes dates (go/src/time/time.go: daysSinceEpoch, Date's normalisation).
// Used by the cron search, which walks wall-clock fields in a time zone.

export const SECOND_MS = 1000
export const MINUTE_MS = 60 * SECOND_MS
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

/** Go's zero time.Time (0001-01-01T00:00:00Z) in ms since the Unix epoch: robfig's "no match". */
export const ZERO_TIME = -62135596800000

/** Days from 1970-01-01 to y-m-d (m in 1..12; d may run past the month, as time.Date allows). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Wall-clock fields of one instant; reused to keep the cron search allocation-free. */
export class Civil {
  year = 1970
  month = 1
  day = 1
  hour = 0
  minute = 0
  second = 0
  /** 0 = Sunday, as Go's time.Weekday. */
  weekday = 4

  /** Fill the fields from a wall-clock time expressed as ms since 1970-01-01T00:00 local. */
  setWall(wallMs: number): this {
    const sec = Math.floor(wallMs / 1000)
    const days = Math.floor(sec / 86400)
    let rest = sec - days * 86400
    this.hour = Math.floor(rest / 3600)
    rest -= this.hour * 3600
    this.minute = Math.floor(rest / 60)
    this.second = rest - this.minute * 60
    this.weekday = (((days + 4) % 7) + 7) % 7
    const z = days + 719468
    const era = Math.floor(z / 146097)
    const doe = z - era * 146097
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
    const mp = Math.floor((5 * doy + 2) / 153)
    this.day = doy - Math.floor((153 * mp + 2) / 5) + 1
    this.month = mp < 10 ? mp + 3 : mp - 9
    this.year = yoe + era * 400 + (this.month <= 2 ? 1 : 0)
    return this
  }
}

/**
 * Wall-clock ms for time.Date(y, mo, d, h, mi, s) before the zone is applied: months
 * outside 1..12 carry into the year, and everything else is linear, exactly as Go normalises.
 */
export function wallMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const m0 = mo - 1
  const year = y + Math.floor(m0 / 12)
  const month = m0 - Math.floor(m0 / 12) * 12 + 1
  return ((daysFromCivil(year, month, 1) + d - 1) * 86400 + h * 3600 + mi * 60 + s) * 1000
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n

/** Go's time.RFC3339 layout for an instant whose offset (wall − UTC, ms) is known. */
export function formatRFC3339(t: number, offsetMs: number): string {
  const c = new Civil().setWall(t + offsetMs)
  const y = String(c.year).padStart(4, '0')
  let s = `${y}-${pad2(c.month)}-${pad2(c.day)}T${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}`
  const offMin = Math.trunc(offsetMs / 60000)
  if (offsetMs === 0) return s + 'Z'
  const abs = Math.abs(offMin)
  s += (offMin < 0 ? '-' : '+') + pad2(Math.floor(abs / 60)) + ':' + pad2(abs % 60)
  return s
}
