// Time zones for the cron search: Go's time.LoadLocation rules (go/src/time/zoneinfo.go,
// zoneinfo_read.go) on top of the platform's Intl tz data. Offsets are probed with
// Intl.DateTimeFormat and cached per UTC day, with each day's transition found once.
import { DAY_MS, daysFromCivil, formatRFC3339, wallMs } from './civil.ts'
import { ZONE_NAMES } from './zone-names.ts'

export interface Zone {
  readonly name: string
  /** Wall clock minus UTC, in ms, at instant `t`. */
  offsetAt(t: number): number
  /** Whether the offset changes at some instant in (a, b]. */
  changesIn(a: number, b: number): boolean
}

class FixedZone implements Zone {
  constructor(
    readonly name: string,
    private offset: number,
  ) {}
  offsetAt(): number {
    return this.offset
  }
  changesIn(): boolean {
    return false
  }
}

/** One UTC day of a zone: its offset before and after `at` (Infinity when constant). */
interface DayInfo {
  before: number
  after: number
  at: number
}

class IntlZone implements Zone {
  private fmt: Intl.DateTimeFormat
  private days = new Map<number, DayInfo>()
  private edges = new Map<number, number>()

  constructor(readonly name: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
  }

  offsetAt(t: number): number {
    const d = this.day(Math.floor(t / DAY_MS))
    return t >= d.at ? d.after : d.before
  }

  changesIn(a: number, b: number): boolean {
    for (let k = Math.floor(a / DAY_MS), last = Math.floor(b / DAY_MS); k <= last; k++) {
      const at = this.day(k).at
      if (at > a && at <= b) return true
    }
    return false
  }

  private day(k: number): DayInfo {
    let d = this.days.get(k)
    if (d) return d
    const start = k * DAY_MS
    const end = start + DAY_MS
    const before = this.edge(start)
    const after = this.edge(end)
    d = { before, after, at: before === after ? Infinity : this.findChange(start, end, before) }
    this.days.set(k, d)
    return d
  }

  /** Offset at a day boundary, shared by the two days it separates. */
  private edge(t: number): number {
    let o = this.edges.get(t)
    if (o === undefined) this.edges.set(t, (o = this.probe(t)))
    return o
  }

  /** Binary search for the first whole second in (lo, hi] whose offset differs from `before`. */
  private findChange(lo: number, hi: number, before: number): number {
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000
      if (this.probe(mid) === before) lo = mid
      else hi = mid
    }
    return hi
  }

  private probe(t: number): number {
    let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0
    let bc = false
    for (const p of this.fmt.formatToParts(t)) {
      const v = Number(p.value)
      switch (p.type) {
        case 'era': bc = p.value === 'BC'; break
        case 'year': y = v; break
        case 'month': mo = v; break
        case 'day': d = v; break
        case 'hour': h = v === 24 ? 0 : v; break
        case 'minute': mi = v; break
        case 'second': s = v; break
      }
    }
    // Year 1 BC is astronomical year 0 (the zero time is in it west of Greenwich).
    if (bc) y = 1 - y
    const wall = (daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * 1000
    return wall - Math.floor(t / 1000) * 1000
  }
}

export const UTC: Zone = new FixedZone('UTC', 0)

/** Zones that are UTC under another name: no Intl calls at all. */
const UTC_ALIASES = new Set(['Etc/UTC', 'Etc/UCT', 'UCT', 'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu', 'GMT', 'Etc/GMT', 'GMT0', 'GMT+0', 'GMT-0', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'Greenwich', 'Etc/Greenwich'])

const cache = new Map<string, Zone>()

function makeZone(name: string): Zone {
  if (UTC_ALIASES.has(name)) return new FixedZone(name, 0)
  const m = /^Etc\/GMT([+-])(\d+)$/.exec(name)
  // POSIX-style names: Etc/GMT+5 is five hours *behind* UTC.
  if (m) return new FixedZone(name, (m[1] === '+' ? -1 : 1) * Number(m[2]) * 3600_000)
  return new IntlZone(name)
}

/**
 * time.LoadLocation: "" and "UTC" are UTC, "Local" is the given local zone (the
 * controller manager's), anything else must be a known IANA name, spelled exactly.
 * Throws with Go's error text.
 */
export function loadLocation(name: string, local: Zone = UTC): Zone {
  if (name === '' || name === 'UTC') return UTC
  if (name === 'Local') return local
  if (name.includes('..') || name[0] === '/' || name[0] === '\\') throw new Error('time: invalid location name')
  let z = cache.get(name)
  if (z) return z
  if (!ZONE_NAMES.has(name)) throw new Error(`unknown time zone ${name}`)
  cache.set(name, (z = makeZone(name)))
  return z
}

/**
 * time.Date(y, mo, d, h, mi, s, 0, zone): out-of-range fields carry over; a wall time
 * that does not exist or exists twice resolves the way Go's Date does (offset looked up
 * at the wall time read as UTC, then corrected once).
 */
export function zoneDate(zone: Zone, y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const local = wallMs(y, mo, d, h, mi, s)
  const off1 = zone.offsetAt(local)
  const utc = local - off1
  const off2 = zone.offsetAt(utc)
  return off2 === off1 ? utc : local - off2
}

/** time.Time.In(zone).Format(time.RFC3339). */
export function formatInZone(t: number, zone: Zone): string {
  return formatRFC3339(t, zone.offsetAt(t))
}
