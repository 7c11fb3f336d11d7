// date: print the virtual time (or -d TIME, -r FILE) with +FORMAT, -u, -R, -I, in the
// zone TZ names. busybox's (no %N, strptime formats for -d, no zone files unless the image
// has them) or GNU's (free-form -d, %N). Upstream: busybox coreutils/date.c, GNU date.c.
import type { CommandContext } from '../../api.ts'
import { parseArgs } from '../util/args.ts'
import { usageError, wantsHelp } from '../util/usage.ts'
import { gnuQuote, isGnu, progName, quoteIfNeeded } from '../gnu/userland.ts'
import { gnuParseDate } from './gnu-parse.ts'
import { parseDate } from './parse.ts'
import { strftime, toTm } from './strftime.ts'
import { zoneFor, type Zone } from './tz.ts'

const LONG = { 'rfc-822': 'R', 'rfc-2822': 'R', 'set=': 's', utc: 'u', 'date=': 'd', 'reference=': 'r' }
const ISO = ['date', 'hours', 'minutes', 'seconds', 'ns']

/** The zone a command runs in: TZ, resolved with or without the image's zone files. */
export function localZone(ctx: CommandContext, utc = false): Zone {
  if (utc) return zoneFor('UTC0', false)
  const tz = ctx.env.get('TZ')
  if (tz === undefined || tz === '') return zoneFor(tz, false)
  return zoneFor(tz, ctx.interactive || ctx.fs.lookup('/usr/share/zoneinfo')?.type === 'dir')
}

export function date(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'Rs:ud:r:I::D:', long: LONG })
  if (typeof p === 'number') return p
  const o = p.opts
  const gnu = isGnu(ctx)
  const args = [...p.args]
  let iso = -1
  if (o.has('I')) {
    const spec = o.get('I')!
    iso = spec === '' ? 0 : ISO.findIndex((n) => n.startsWith(spec) && spec.length > 0)
    if (iso < 0 || (spec !== '' && !ISO.includes(spec) && ISO.filter((n) => n.startsWith(spec)).length !== 1))
      return usageError(ctx, 'date', '')
  }
  let fmt: string | undefined
  if (args[0]?.startsWith('+')) fmt = args.shift()!.slice(1)
  let dateStr = o.get('d') ?? o.get('s')
  let setting = o.has('s') && o.order.lastIndexOf('s') > o.order.lastIndexOf('d')
  if (!o.has('s') && !o.has('d') && args.length) {
    setting = true
    const given = args.shift()!
    const reordered = compatOrder(given)
    if (reordered === null) {
      ctx.stderr.write(gnu ? `${progName(ctx)}: invalid date ${gnuQuote(ctx, given)}\n` : `date: invalid date '${given}'\n`)
      return 1
    }
    dateStr = reordered
  }
  if (args.length) return usageError(ctx, 'date', gnu ? `extra operand ${gnuQuote(ctx, args[0])}` : '')
  const zone = localZone(ctx, o.has('u'))
  let ms = gnu ? ctx.host.now() : Math.floor(ctx.host.now() / 1000) * 1000
  if (o.has('r')) {
    const f = o.get('r')!
    const n = ctx.fs.lookup(f, ctx.cwd)
    if (!n) {
      ctx.stderr.write(gnu ? `${progName(ctx)}: ${quoteIfNeeded(ctx, f)}: No such file or directory\n` : `date: can't stat '${f}': No such file or directory\n`)
      return 1
    }
    ms = Math.floor(n.mtime / 1000) * 1000
  }
  let code = 0
  if (dateStr !== undefined) {
    const parsed = gnu && !o.has('D') ? gnuParseDate(dateStr, ms, zone) : parseDate(dateStr, ms, zone, o.get('D'))?.ms
    if (parsed === null || parsed === undefined) {
      ctx.stderr.write(gnu ? `${progName(ctx)}: invalid date ${gnuQuote(ctx, dateStr)}\n` : `date: invalid date '${dateStr}'\n`)
      return 1
    }
    ms = parsed
    // No CAP_SYS_TIME here: both say so and print the date anyway (GNU then exits 1).
    if (setting) {
      ctx.stderr.write(gnu ? `${progName(ctx)}: cannot set date: Operation not permitted\n` : "date: can't set date: Operation not permitted\n")
      if (gnu) code = 1
    }
  }
  const tm = toTm(ms, zone.at(ms))
  let format = fmt ?? defaultFormat(o.has('R'), iso, tm)
  // GNU has nanoseconds: the virtual clock's milliseconds, then zeros.
  if (gnu) format = format.replace(/%(%|N)/g, (all, c: string) => (c === 'N' ? String((ms % 1000) * 1e6).padStart(9, '0') : all))
  ctx.stdout.write(strftime(format, tm) + '\n')
  return code
}

function defaultFormat(rfc: boolean, iso: number, tm: ReturnType<typeof toTm>): string {
  if (iso >= 0) {
    if (iso === 0) return '%Y-%m-%d'
    const base = ['', '%Y-%m-%dT%H', '%Y-%m-%dT%H:%M', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M:%S,000000000'][iso]
    // busybox turns %z's +hhmm into coreutils' +hh:mm.
    return base + strftime('%z', tm).replace(/(\d\d)(\d\d)$/, '$1:$2').replace(/%/g, '%%')
  }
  if (rfc) return '%a, %d %b %Y %H:%M:%S %z'
  return '%a %b %e %H:%M:%S %Z %Y'
}

/** `date MMDDhhmm[[CC]YY][.ss]`: move the year to the front, as busybox does. */
function compatOrder(s: string): string | null {
  const m = /^(\d*)(\.\d\d)?$/.exec(s)
  if (!m) return s
  const len = m[1].length - 8
  if (len < 0 || len > 4 || len & 1) return null
  return m[1].slice(8) + m[1].slice(0, 8) + (m[2] ?? '')
}
