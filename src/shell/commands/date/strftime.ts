// glibc strftime in the C locale: every conversion, the `_ - 0 ^ #` flags, field
// widths, the E/O modifiers, and unknown conversions copied through as glibc does.
// Upstream: glibc time/strftime_l.c.
import type { ZoneInfo } from './tz.ts'

/** A broken-down local time (struct tm plus what %s, %z and %Z need). */
export interface Tm {
  year: number
  /** 0-11 */
  mon: number
  mday: number
  hour: number
  min: number
  sec: number
  /** 0 = Sunday */
  wday: number
  /** 0-365 */
  yday: number
  zone: ZoneInfo
  /** Seconds since the epoch. */
  epoch: number
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The broken-down time of an instant in a zone. */
export function toTm(utcMs: number, zone: ZoneInfo): Tm {
  const epoch = Math.floor(utcMs / 1000)
  const d = new Date((epoch + zone.offset) * 1000)
  const year = d.getUTCFullYear()
  return {
    year,
    mon: d.getUTCMonth(),
    mday: d.getUTCDate(),
    hour: d.getUTCHours(),
    min: d.getUTCMinutes(),
    sec: d.getUTCSeconds(),
    wday: d.getUTCDay(),
    yday: Math.floor((Date.UTC(year, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(year, 0, 1)) / 86400000),
    zone,
    epoch,
  }
}

/** ISO 8601 week-based year and week number. */
function isoWeek(tm: Tm): [number, number] {
  const wdayMon = (tm.wday + 6) % 7
  let year = tm.year
  let yday = tm.yday
  const weekOf = (yd: number, wd: number) => Math.floor((yd - wd + 10) / 7)
  let week = weekOf(yday, wdayMon)
  if (week < 1) {
    year--
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    yday += leap ? 366 : 365
    week = weekOf(yday, wdayMon)
  } else {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    if (week > 52 && yday - wdayMon + 3 >= (leap ? 366 : 365)) {
      year++
      week = 1
    }
  }
  return [year, week]
}

type Conv = { num: number; digits: number; space?: boolean } | { str: string; names?: boolean; lowerOnSwap?: boolean }

function convert(c: string, tm: Tm): Conv | null {
  const h12 = tm.hour % 12 || 12
  switch (c) {
    case 'a':
      return { str: DAYS[tm.wday].slice(0, 3), names: true }
    case 'A':
      return { str: DAYS[tm.wday], names: true }
    case 'b':
    case 'h':
      return { str: MONTHS[tm.mon].slice(0, 3), names: true }
    case 'B':
      return { str: MONTHS[tm.mon], names: true }
    case 'c':
      return { str: strftime('%a %b %e %H:%M:%S %Y', tm) }
    case 'C':
      return { num: Math.floor(tm.year / 100), digits: 2 }
    case 'd':
      return { num: tm.mday, digits: 2 }
    case 'D':
      return { str: strftime('%m/%d/%y', tm) }
    case 'e':
      return { num: tm.mday, digits: 2, space: true }
    case 'F':
      return { str: strftime('%Y-%m-%d', tm) }
    case 'g':
      return { num: ((isoWeek(tm)[0] % 100) + 100) % 100, digits: 2 }
    case 'G':
      return { num: isoWeek(tm)[0], digits: 1 }
    case 'H':
      return { num: tm.hour, digits: 2 }
    case 'I':
      return { num: h12, digits: 2 }
    case 'j':
      return { num: tm.yday + 1, digits: 3 }
    case 'k':
      return { num: tm.hour, digits: 2, space: true }
    case 'l':
      return { num: h12, digits: 2, space: true }
    case 'm':
      return { num: tm.mon + 1, digits: 2 }
    case 'M':
      return { num: tm.min, digits: 2 }
    case 'n':
      return { str: '\n' }
    case 'p':
      return { str: tm.hour < 12 ? 'AM' : 'PM', lowerOnSwap: true }
    case 'P':
      return { str: tm.hour < 12 ? 'am' : 'pm' }
    case 'r':
      return { str: strftime('%I:%M:%S %p', tm) }
    case 'R':
      return { str: strftime('%H:%M', tm) }
    case 's':
      return { num: tm.epoch, digits: 1 }
    case 'S':
      return { num: tm.sec, digits: 2 }
    case 't':
      return { str: '\t' }
    case 'T':
      return { str: strftime('%H:%M:%S', tm) }
    case 'u':
      return { num: tm.wday || 7, digits: 1 }
    case 'U':
      return { num: Math.floor((tm.yday - tm.wday + 7) / 7), digits: 2 }
    case 'V':
      return { num: isoWeek(tm)[1], digits: 2 }
    case 'w':
      return { num: tm.wday, digits: 1 }
    case 'W':
      return { num: Math.floor((tm.yday - ((tm.wday + 6) % 7) + 7) / 7), digits: 2 }
    case 'x':
      return { str: strftime('%m/%d/%y', tm) }
    case 'X':
      return { str: strftime('%H:%M:%S', tm) }
    case 'y':
      return { num: ((tm.year % 100) + 100) % 100, digits: 2 }
    case 'Y':
      return { num: tm.year, digits: 1 }
    case 'z': {
      const a = Math.abs(tm.zone.offset)
      const v = Math.floor(a / 3600) * 100 + Math.floor((a % 3600) / 60)
      return { str: (tm.zone.offset < 0 ? '-' : '+') + String(v).padStart(4, '0') }
    }
    case 'Z':
      return { str: tm.zone.abbr, lowerOnSwap: true }
    case '%':
      return { str: '%' }
  }
  return null
}

export function strftime(fmt: string, tm: Tm): string {
  let out = ''
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]
    if (ch !== '%') {
      out += ch
      continue
    }
    const start = i
    let pad = ''
    let upper = false
    let swap = false
    for (i++; i < fmt.length && '_-0^#'.includes(fmt[i]); i++) {
      if (fmt[i] === '^') upper = true
      else if (fmt[i] === '#') swap = true
      else pad = fmt[i]
    }
    let width = -1
    const w = /^\d+/.exec(fmt.slice(i))
    if (w) {
      width = Number(w[0])
      i += w[0].length
    }
    if (fmt[i] === 'E' || fmt[i] === 'O') i++
    const c = fmt[i] ?? ''
    const conv = c ? convert(c, tm) : null
    if (!conv) {
      // glibc copies an unknown conversion through, padded like a string.
      out += padStr(fmt.slice(start, i + 1), width, pad)
      if (!c) break
      continue
    }
    if ('num' in conv) out += padNum(conv.num, conv.digits, conv.space ?? false, width, pad)
    else {
      let s = conv.str
      // `#` lowercases %Z and %p even after `^`; on names it uppercases.
      if (swap && conv.lowerOnSwap) s = s.toLowerCase()
      else if (upper || (swap && conv.names)) s = s.toUpperCase()
      out += padStr(s, width, pad)
    }
  }
  return out
}

function padStr(s: string, width: number, pad: string): string {
  if (s.length >= width) return s
  return (pad === '0' ? '0' : ' ').repeat(width - s.length) + s
}

function padNum(n: number, digits: number, space: boolean, width: number, pad: string): string {
  const neg = n < 0
  const body = String(Math.abs(n))
  const total = Math.max(digits, width)
  let fill = space ? ' ' : '0'
  if (pad === '_') fill = ' '
  else if (pad === '0') fill = '0'
  else if (pad === '-') {
    if (width < 0) return (neg ? '-' : '') + body
    fill = ' '
  }
  const len = body.length + (neg ? 1 : 0)
  if (len >= total) return (neg ? '-' : '') + body
  if (fill === '0') return (neg ? '-' : '') + '0'.repeat(total - len) + body
  return ' '.repeat(total - len) + (neg ? '-' : '') + body
}
