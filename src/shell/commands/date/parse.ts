// busybox's parse_datestr for `date -d`/`touch -d`: glibc strptime over a fixed list
// of formats, `@SECONDS`, and the touch -t digit forms; mktime normalises the result.
// Upstream: busybox libbb/time.c, glibc time/strptime_l.c.
import type { Zone } from './tz.ts'

/** A broken-down time being filled in (month 0-11). */
export interface Fields {
  year: number
  mon: number
  mday: number
  hour: number
  min: number
  sec: number
  /** Seconds east of UTC when the input named an offset (%z). */
  gmtoff?: number
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']

/** glibc strptime for the conversions busybox's formats (and `date -D`) use; the rest of the input or null. */
export function strptime(input: string, fmt: string, f: Fields): string | null {
  let s = input
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]
    if (/\s/.test(c)) {
      s = s.replace(/^\s+/, '')
      continue
    }
    if (c !== '%') {
      if (s[0] !== c) return null
      s = s.slice(1)
      continue
    }
    let d = fmt[++i]
    if (d === 'E' || d === 'O') d = fmt[++i]
    const r = conversion(d, s, f)
    if (r === null) return null
    s = r
  }
  return s
}

function num(s: string, min: number, max: number, digits: number): [number, string] | null {
  const t = s.replace(/^ +/, '')
  const m = new RegExp(`^[-+]?\\d{1,${digits}}`).exec(t)
  if (!m) return null
  const n = Number(m[0])
  if (n < min || n > max) return null
  return [n, t.slice(m[0].length)]
}

function conversion(d: string, s: string, f: Fields): string | null {
  const set = (r: [number, string] | null, fn: (n: number) => void): string | null => {
    if (!r) return null
    fn(r[0])
    return r[1]
  }
  switch (d) {
    case 'Y':
      return set(num(s, 0, 9999, 4), (n) => (f.year = n))
    case 'y':
      return set(num(s, 0, 99, 2), (n) => (f.year = n < 69 ? 2000 + n : 1900 + n))
    case 'm':
      return set(num(s, 1, 12, 2), (n) => (f.mon = n - 1))
    case 'd':
    case 'e':
      return set(num(s, 1, 31, 2), (n) => (f.mday = n))
    case 'H':
    case 'k':
      return set(num(s, 0, 23, 2), (n) => (f.hour = n))
    case 'I':
    case 'l':
      return set(num(s, 1, 12, 2), (n) => (f.hour = n % 12))
    case 'M':
      return set(num(s, 0, 59, 2), (n) => (f.min = n))
    case 'S':
      return set(num(s, 0, 61, 2), (n) => (f.sec = n))
    case 'j':
      return set(num(s, 1, 366, 3), (n) => {
        f.mon = 0
        f.mday = n
      })
    case 's': {
      const m = /^\d+/.exec(s)
      if (!m) return null
      const dt = new Date(Number(m[0]) * 1000)
      Object.assign(f, { year: dt.getUTCFullYear(), mon: dt.getUTCMonth(), mday: dt.getUTCDate(), hour: dt.getUTCHours(), min: dt.getUTCMinutes(), sec: dt.getUTCSeconds(), gmtoff: 0 })
      return s.slice(m[0].length)
    }
    case 'b':
    case 'B':
    case 'h':
      return name(s, MONTHS, (n) => (f.mon = n))
    case 'a':
    case 'A':
      return name(s, DAYS, () => {})
    case 'p': {
      const m = /^(am|pm)/i.exec(s)
      if (!m) return null
      if (m[1].toLowerCase() === 'pm') f.hour = (f.hour % 12) + 12
      return s.slice(2)
    }
    case 'z': {
      const t = s.replace(/^ +/, '')
      if (t[0] === 'Z') {
        f.gmtoff = 0
        return t.slice(1)
      }
      const m = /^([-+])(\d\d):?(\d\d)?/.exec(t)
      if (!m) return null
      f.gmtoff = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60)
      return t.slice(m[0].length)
    }
    case 'R':
      return strptime(s, '%H:%M', f)
    case 'T':
      return strptime(s, '%H:%M:%S', f)
    case 'D':
      return strptime(s, '%m/%d/%y', f)
    case 'F':
      return strptime(s, '%Y-%m-%d', f)
    case 'n':
    case 't':
      return s.replace(/^\s+/, '')
    case '%':
      return s[0] === '%' ? s.slice(1) : null
  }
  return null
}

function name(s: string, names: string[], fn: (n: number) => void): string | null {
  const low = s.toLowerCase()
  for (let i = 0; i < names.length; i++) {
    const n = low.startsWith(names[i]) ? names[i].length : low.startsWith(names[i].slice(0, 3)) ? 3 : 0
    if (n) {
      fn(i)
      return s.slice(n)
    }
  }
  return null
}

const FORMATS = [
  '%R', '%T', '%m.%d-%R', '%m.%d-%T', '%Y.%m.%d-%R', '%Y.%m.%d-%T', '%b %d %T %Y', '%Y-%m-%d %R', '%Y-%m-%d %T',
  '%Y-%m-%d %R %z', '%Y-%m-%d %T %z', '%Y-%m-%d %H', '%Y-%m-%d',
]

export type Parsed = { ms: number } | null

/** parse_datestr + validate_tm_time: the instant a date string names, or null (invalid). */
export function parseDate(str: string, now: number, zone: Zone, fmt?: string, midnight = true): Parsed {
  const base = fieldsAt(now, zone)
  // date starts from midnight ("09:15" is today at 09:15); touch keeps the current time.
  if (midnight) base.hour = base.min = base.sec = 0
  if (fmt !== undefined) {
    const f = { ...base }
    return strptime(str, fmt, f) === '' ? { ms: mktime(f, zone) } : null
  }
  for (const format of FORMATS) {
    const f = { ...base }
    if (strptime(str, format, f) === '') return { ms: mktime(f, zone) }
  }
  if (str.startsWith('@')) {
    const m = /^@\s*([-+]?\d+)$/.exec(str)
    return m ? { ms: Number(m[1]) * 1000 } : null
  }
  const f = touchDigits(str, base)
  return f ? { ms: mktime(f, zone) } : null
}

/** The `[[[[[YY]YY]MM]DD]hh]mm[.ss]` forms (touch -t, and date with a bare number). */
function touchDigits(str: string, base: Fields): Fields | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(str)
  if (!m) return null
  const d = m[1]
  const two = (i: number) => Number(d.slice(i, i + 2))
  const f = { ...base }
  switch (d.length) {
    case 2:
      f.min = two(0)
      break
    case 4:
      ;[f.hour, f.min] = [two(0), two(2)]
      break
    case 6:
      ;[f.mday, f.hour, f.min] = [two(0), two(2), two(4)]
      break
    case 8:
      ;[f.mon, f.mday, f.hour, f.min] = [two(0) - 1, two(2), two(4), two(6)]
      break
    case 10: {
      const yy = two(0)
      let year = Math.floor(base.year / 100) * 100 + yy
      if (year < base.year - 50) year += 100
      if (year > base.year + 50) year -= 100
      ;[f.year, f.mon, f.mday, f.hour, f.min] = [year, two(2) - 1, two(4), two(6), two(8)]
      break
    }
    case 12:
      ;[f.year, f.mon, f.mday, f.hour, f.min] = [Number(d.slice(0, 4)), two(4) - 1, two(6), two(8), two(10)]
      break
    default:
      return null
  }
  f.sec = m[2] === undefined ? 0 : Number(m[2])
  if (f.sec > 60 || f.min > 59 || f.hour > 23 || f.mday > 31 || f.mon > 11) return null
  return f
}

export function fieldsAt(ms: number, zone: Zone): Fields {
  const d = new Date(ms + zone.at(ms).offset * 1000)
  return { year: d.getUTCFullYear(), mon: d.getUTCMonth(), mday: d.getUTCDate(), hour: d.getUTCHours(), min: d.getUTCMinutes(), sec: d.getUTCSeconds() }
}

/** mktime(): local fields (normalised: Feb 30 is Mar 2) to an instant in the zone. */
export function mktime(f: Fields, zone: Zone): number {
  const wall = Date.UTC(f.year, f.mon, f.mday, f.hour, f.min, f.sec)
  if (f.gmtoff !== undefined) return wall - f.gmtoff * 1000
  let t = wall - zone.at(wall).offset * 1000
  t = wall - zone.at(t).offset * 1000
  return t
}
