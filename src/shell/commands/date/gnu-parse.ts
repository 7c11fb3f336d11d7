// GNU date -d as gnulib's parse_datetime reads what people type: ISO and calendar dates,
// times with am/pm and a zone, @SECONDS, month and day names, yesterday/tomorrow, relative
// items ("+1 day", "2 hours ago", "next monday"). Upstream: gnulib lib/parse-datetime.y.
import { fieldsAt, mktime, type Fields } from './parse.ts'
import { zoneFor, type Zone } from './tz.ts'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
const UNITS: Record<string, [keyof Rel, number]> = {
  year: ['years', 1], month: ['months', 1], fortnight: ['days', 14], week: ['days', 7], day: ['days', 1],
  hour: ['secs', 3600], minute: ['secs', 60], min: ['secs', 60], second: ['secs', 1], sec: ['secs', 1],
}
const ORDINALS: Record<string, number> = { last: -1, this: 0, next: 1, first: 1, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12 }

interface Rel {
  years: number
  months: number
  days: number
  secs: number
}

interface Parsed {
  date?: [number, number, number]
  time?: [number, number, number]
  /** Seconds east of UTC the input named. */
  zone?: number
  day?: { ordinal: number; wday: number }
  epoch?: number
  rel: Rel
}

/** The instant `str` names (ms), or null where GNU date says "invalid date". */
export function gnuParseDate(str: string, now: number, zone: Zone): number | null {
  const p = scan(str.toLowerCase())
  if (!p) return null
  const f: Fields = fieldsAt(p.epoch !== undefined ? p.epoch * 1000 : now, p.epoch !== undefined ? UTC : zone)
  if (p.epoch !== undefined) f.gmtoff = 0
  if (p.date) {
    // A month name without a year is this year.
    if (!Number.isNaN(p.date[0])) f.year = p.date[0]
    ;[f.mon, f.mday] = [p.date[1] - 1, p.date[2]]
    if (f.mday > new Date(Date.UTC(f.year, f.mon + 1, 0)).getUTCDate()) return null
  }
  // A date or a day name without a time means its midnight.
  if (p.time) [f.hour, f.min, f.sec] = p.time
  else if (p.date || p.day) f.hour = f.min = f.sec = 0
  if (p.day && !p.date) {
    const today = new Date(Date.UTC(f.year, f.mon, f.mday)).getUTCDay()
    let delta = (p.day.wday - today + 7) % 7
    const n = p.day.ordinal
    if (n > 0 && delta === 0) delta = 7
    if (n > 1) delta += 7 * (n - 1)
    if (n < 0) delta = delta === 0 ? -7 : delta - 7
    f.mday += delta
  }
  if (p.zone !== undefined) f.gmtoff = p.zone
  f.year += p.rel.years
  f.mon += p.rel.months
  f.mday += p.rel.days
  return mktime(f, zone) + p.rel.secs * 1000
}

const UTC: Zone = zoneFor('UTC0', false)

/** Read the items one after another; null when something is left that is none. */
function scan(input: string): Parsed | null {
  const p: Parsed = { rel: { years: 0, months: 0, days: 0, secs: 0 } }
  let s = input.trim()
  const eat = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(s)
    if (m) s = s.slice(m[0].length).replace(/^[\s,]+/, '')
    return m
  }
  /** Eat a match only when its group `g` is a month name. */
  const eatIf = (re: RegExp, g: number): RegExpExecArray | null => {
    const m = re.exec(s)
    return m && MONTHS.includes(m[g].slice(0, 3)) ? eat(re) : null
  }
  let m: RegExpExecArray | null
  while (s) {
    if ((m = eat(/^@([-+]?\d+)(?:\.\d+)?(?![\d:])/))) p.epoch = Number(m[1])
    else if ((m = eat(/^(\d{4})-(\d\d?)-(\d\d?)(?:t(?=\d))?/))) p.date = [Number(m[1]), Number(m[2]), Number(m[3])]
    else if ((m = eat(/^(\d\d?)\/(\d\d?)\/(\d{4}|\d\d)\b/))) p.date = [year(m[3]), Number(m[1]), Number(m[2])]
    else if ((m = eat(/^(\d{4})(\d\d)(\d\d)\b/))) p.date = [Number(m[1]), Number(m[2]), Number(m[3])]
    else if ((m = eat(/^(\d\d?):(\d\d)(?::(\d\d)(?:[.,]\d+)?)?\s*(am|pm|a\.m\.|p\.m\.)?/))) p.time = [hour12(Number(m[1]), m[4]), Number(m[2]), Number(m[3] ?? 0)]
    else if ((m = eat(/^(\d\d?)\s*(am|pm|a\.m\.|p\.m\.)/))) p.time = [hour12(Number(m[1]), m[2]), 0, 0]
    else if (p.time && (m = eat(/^([+-])(\d\d):?(\d\d)\b/))) p.zone = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60)
    else if ((m = eat(/^(z|utc|gmt|ut)\b/))) p.zone = 0
    else if ((m = eatIf(/^([a-z]{3})[a-z]*\.?\s+(\d\d?)(?:\s*,?\s+(\d{4}))?\b/, 1))) p.date = [m[3] ? Number(m[3]) : NaN, MONTHS.indexOf(m[1]) + 1, Number(m[2])]
    else if ((m = eatIf(/^(\d\d?)\s+([a-z]{3})[a-z]*\.?(?:\s+(\d{4}))?\b/, 2))) p.date = [m[3] ? Number(m[3]) : NaN, MONTHS.indexOf(m[2]) + 1, Number(m[1])]
    else if (!relative(p, eat)) return null
  }
  // "@SECONDS" stands alone.
  if (p.epoch !== undefined && (p.date || p.time || p.day || p.zone !== undefined || Object.values(p.rel).some(Boolean))) return null
  return valid(p) ? p : null
}

/** now/today/yesterday/tomorrow, noon/midnight, day names, and counted units; false when none fits. */
function relative(p: Parsed, eat: (re: RegExp) => RegExpExecArray | null): boolean {
  let m: RegExpExecArray | null
  if (eat(/^(now|today)\b/)) return true
  if (eat(/^yesterday\b/)) return (p.rel.days -= 1), true
  if (eat(/^tomorrow\b/)) return (p.rel.days += 1), true
  if (eat(/^noon\b/)) return (p.time = [12, 0, 0]), true
  if (eat(/^midnight\b/)) return (p.time = [0, 0, 0]), true
  if ((m = eat(/^(?:(last|this|next|first|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+)?(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?(?![a-z])/))) {
    p.day = { ordinal: m[1] ? ORDINALS[m[1]] : 0, wday: DAYS.indexOf(m[2]) }
    return true
  }
  m = eat(/^(?:([-+]?)\s*(\d+)|(last|this|next|first|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth))?\s*(year|month|fortnight|week|day|hour|minute|min|second|sec)s?\b(\s+ago\b)?/)
  if (!m) return false
  const n = m[2] !== undefined ? Number(m[2]) * (m[1] === '-' ? -1 : 1) : m[3] ? ORDINALS[m[3]] : 1
  const [key, scale] = UNITS[m[4]]
  p.rel[key] += n * scale * (m[5] ? -1 : 1)
  return true
}

function year(y: string): number {
  const n = Number(y)
  return y.length === 2 ? (n < 69 ? 2000 + n : 1900 + n) : n
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h
  const pm = ampm[0] === 'p'
  return (h % 12) + (pm ? 12 : 0)
}

/** Fields within range, as mktime would accept them before normalising. */
function valid(p: Parsed): boolean {
  if (p.time && (p.time[0] > 23 || p.time[1] > 59 || p.time[2] > 60)) return false
  if (p.date) {
    const [, mon, day] = p.date
    if (mon < 1 || mon > 12 || day < 1 || day > 31) return false
  }
  return true
}
