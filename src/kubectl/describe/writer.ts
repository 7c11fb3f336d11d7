// The writer `kubectl describe` prints through: two spaces per indent level,
// terminal escapes made visible, and Go's text/tabwriter (minwidth 0,
// padding 2) aligning each block of tab-separated lines; Flush() ends the
// blocks so far (DescribeEvents flushes before its table). Also time and
// boolean formatting shared by the describers.
// Upstream: kubernetes/kubectl pkg/describe/describe.go (prefixWriter,
// tabbedString, printBool, printBoolPtr, translateTimestampSince).
import { parseTime } from '../../engine/kernel/time.ts'
import { humanDuration } from '../duration.ts'
import { tabwrite } from '../tabwriter.ts'

export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3

/** printers.WriteEscaped: ESC and CR shown instead of interpreted. */
function escape(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r')
}

export class DescribeWriter {
  private done = ''
  private buf = ''

  constructor(
    /** Virtual now, for ages. */
    readonly now: number,
    /** IANA time zone for timestamps. */
    readonly zone: string,
  ) {}

  /** Write text at an indent level (two spaces per level). */
  write(level: number, text: string): void {
    this.buf += escape('  '.repeat(level) + text)
  }

  /** fmt.Sprintln of one value: the text and a newline. */
  writeLine(text: string): void {
    this.buf += escape(text + '\n')
  }

  flush(): void {
    this.done += tabwrite(this.buf, 0, 2)
    this.buf = ''
  }

  toString(): string {
    this.flush()
    return this.done
  }

  /** RFC1123Z in the terminal's zone: "Mon, 02 Jun 2025 09:59:35 +0000"; Go's zero time when unset. */
  time(ts: string | null | undefined): string {
    return ts ? rfc1123z(parseTime(ts), this.zone) : 'Mon, 01 Jan 0001 00:00:00 +0000'
  }

  /** translateTimestampSince: age of a timestamp, or <unknown>. */
  since(ts: string | null | undefined): string {
    if (!ts) return '<unknown>'
    const t = parseTime(ts)
    return Number.isNaN(t) ? '<unknown>' : humanDuration(this.now - t)
  }
}

export function printBool(b: boolean | undefined): string {
  return b ? 'True' : 'False'
}

export function printBoolPtr(b: boolean | undefined | null): string {
  return b === undefined || b === null ? '<unset>' : printBool(b)
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const formatters = new Map<string, Intl.DateTimeFormat>()

/** Minutes east of UTC of a zone at an instant. */
export function zoneOffsetMinutes(ms: number, zone: string): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    formatters.set(zone, f)
  }
  const parts: Record<string, number> = {}
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second)
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000)
}

/** Go's time.RFC1123Z layout in a zone. */
export function rfc1123z(ms: number, zone: string): string {
  const off = zoneOffsetMinutes(ms, zone)
  const d = new Date(ms + off * 60000)
  const p = (n: number) => String(n).padStart(2, '0')
  const sign = off < 0 ? '-' : '+'
  const a = Math.abs(off)
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${sign}${p(Math.floor(a / 60))}${p(a % 60)}`
}
