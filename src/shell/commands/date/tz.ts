// Time zones as glibc's tzset() resolves TZ: a tzdata file when the image has
// /usr/share/zoneinfo (offsets from Intl, abbreviations from our tzdata table), else a
// POSIX TZ string (`KST-9`, `EST5EDT,M3.2.0,M11.1.0`), else UTC under the name's letters.
// Upstream: glibc time/tzset.c (__tzset_parse_tz), time/tzfile.c.
import { zoneAbbreviations } from './zones.ts'

export interface ZoneInfo {
  /** Seconds east of UTC. */
  offset: number
  abbr: string
  dst: boolean
}

export interface Zone {
  at(utcMs: number): ZoneInfo
}

const UTC: Zone = { at: () => ({ offset: 0, abbr: 'UTC', dst: false }) }

/** The zone for a TZ value; `tzdata` says whether zone files exist in this filesystem. */
export function zoneFor(tz: string | undefined, tzdata: boolean): Zone {
  // Unset: /etc/localtime, which the images we simulate set to UTC.
  if (tz === undefined || tz === '') return UTC
  const name = tz.startsWith(':') ? tz.slice(1) : tz
  if (tzdata) {
    const z = ianaZone(name)
    if (z) return z
  }
  if (name === 'UTC' || name === 'UTC0' || name === 'Etc/UTC') return UTC
  return posixZone(name) ?? fallbackZone(name)
}

/** glibc keeps the parsed standard name when the offset is missing, at UTC. */
function fallbackZone(name: string): Zone {
  const m = /^[A-Za-z]{3,}/.exec(name)
  const abbr = m ? m[0] : ''
  return { at: () => ({ offset: 0, abbr, dst: false }) }
}

const formatters = new Map<string, Intl.DateTimeFormat | null>()

function formatter(name: string): Intl.DateTimeFormat | null {
  let f = formatters.get(name)
  if (f !== undefined) return f
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    // Zone files are found by exact path: Intl forgives case, the filesystem does not.
    const canonical = f.resolvedOptions().timeZone
    if (canonical !== name && /(^|\/)[a-z]/.test(name)) f = null
  } catch {
    f = null
  }
  formatters.set(name, f)
  return f
}

/** Offset (seconds east) of an IANA zone at an instant, from Intl. */
function intlOffset(f: Intl.DateTimeFormat, utcMs: number): number {
  const t = Math.floor(utcMs / 1000) * 1000
  const p: Record<string, number> = {}
  for (const part of f.formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value)
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return Math.round((wall - t) / 1000)
}

function ianaZone(name: string): Zone | null {
  const f = formatter(name)
  if (!f) return null
  const canonical = f.resolvedOptions().timeZone
  const abbrs = zoneAbbreviations(name) ?? zoneAbbreviations(canonical)
  return {
    at(utcMs) {
      const offset = intlOffset(f, utcMs)
      const year = new Date(utcMs).getUTCFullYear()
      const jan = intlOffset(f, Date.UTC(year, 0, 15))
      const jul = intlOffset(f, Date.UTC(year, 6, 15))
      const dst = jan !== jul && offset === Math.max(jan, jul)
      let abbr = numericAbbr(offset)
      if (abbrs) {
        const [lo, hi] = abbrs.split('/')
        abbr = dst ? (hi ?? lo) : lo
      }
      return { offset, abbr, dst }
    },
  }
}

/** tzdata's numeric abbreviations: +09, -03, +0530. */
export function numericAbbr(offset: number): string {
  const sign = offset < 0 ? '-' : '+'
  const a = Math.abs(offset)
  const h = String(Math.floor(a / 3600)).padStart(2, '0')
  const m = Math.floor((a % 3600) / 60)
  return sign + h + (m ? String(m).padStart(2, '0') : '')
}

interface Rule {
  kind: 'J' | 'n' | 'M'
  a: number
  b: number
  c: number
  /** Seconds after local midnight the change happens. */
  time: number
}

/** A POSIX TZ string: std offset [dst [offset] [,start[/time],end[/time]]]. */
function posixZone(s: string): Zone | null {
  let i = 0
  const name = (): string | null => {
    if (s[i] === '<') {
      const end = s.indexOf('>', i)
      if (end < 0) return null
      const n = s.slice(i + 1, end)
      i = end + 1
      return n.length >= 3 ? n : null
    }
    const m = /^[A-Za-z]{3,}/.exec(s.slice(i))
    if (!m) return null
    i += m[0].length
    return m[0]
  }
  const hms = (signed: boolean): number | null => {
    const m = (signed ? /^([-+]?)(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/ : /^()(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/).exec(s.slice(i))
    if (!m) return null
    i += m[0].length
    const v = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0)
    return m[1] === '-' ? -v : v
  }
  const std = name()
  if (!std) return null
  const stdWest = hms(true)
  if (stdWest === null) return null
  const stdOff = -stdWest
  if (i >= s.length) return { at: () => ({ offset: stdOff, abbr: std, dst: false }) }
  const dst = name()
  if (!dst) return null
  let dstOff = stdOff + 3600
  if (s[i] !== ',' && i < s.length) {
    const w = hms(true)
    if (w === null) return null
    dstOff = -w
  }
  let start: Rule = { kind: 'M', a: 3, b: 2, c: 0, time: 7200 }
  let end: Rule = { kind: 'M', a: 11, b: 1, c: 0, time: 7200 }
  if (s[i] === ',') {
    const rule = (): Rule | null => {
      i++
      let r: Rule
      const m = /^(?:M(\d+)\.(\d)\.(\d)|J(\d+)|(\d+))/.exec(s.slice(i))
      if (!m) return null
      i += m[0].length
      if (m[1]) r = { kind: 'M', a: Number(m[1]), b: Number(m[2]), c: Number(m[3]), time: 7200 }
      else if (m[4]) r = { kind: 'J', a: Number(m[4]), b: 0, c: 0, time: 7200 }
      else r = { kind: 'n', a: Number(m[5]), b: 0, c: 0, time: 7200 }
      if (s[i] === '/') {
        i++
        const t = hms(true)
        if (t === null) return null
        r.time = t
      }
      return r
    }
    const a = rule()
    if (!a || s[i] !== ',') return null
    const b = rule()
    if (!b) return null
    start = a
    end = b
  }
  return {
    at(utcMs) {
      const year = new Date(utcMs + stdOff * 1000).getUTCFullYear()
      const on = ruleUtc(start, year, stdOff)
      const off = ruleUtc(end, year, dstOff)
      const inDst = on < off ? utcMs >= on && utcMs < off : !(utcMs >= off && utcMs < on)
      return inDst ? { offset: dstOff, abbr: dst, dst: true } : { offset: stdOff, abbr: std, dst: false }
    },
  }
}

/** UTC ms of a rule's transition in `year`, the local time being at `offset`. */
function ruleUtc(r: Rule, year: number, offset: number): number {
  let day: number
  if (r.kind === 'J') {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    day = r.a - 1 + (leap && r.a >= 60 ? 1 : 0)
  } else if (r.kind === 'n') day = r.a
  else {
    const first = Date.UTC(year, r.a - 1, 1)
    const wday = new Date(first).getUTCDay()
    let d = 1 + ((r.c - wday + 7) % 7) + (r.b - 1) * 7
    const dim = new Date(Date.UTC(year, r.a, 0)).getUTCDate()
    while (d > dim) d -= 7
    day = (first - Date.UTC(year, 0, 1)) / 86400000 + d - 1
  }
  return Date.UTC(year, 0, 1) + day * 86400000 + (r.time - offset) * 1000
}
