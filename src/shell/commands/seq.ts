// seq as busybox has it (GNU's messages in GNU images): FIRST [INC] LAST as doubles printed with
// printf("%0*.*f"), -w equal widths, -s separator. Upstream: busybox coreutils/seq.c.
import type { CommandContext, Wait } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { Pacer } from './util/pace.ts'
import { usageError, wantsHelp } from './util/usage.ts'
import { gnuQuote, isGnu } from './gnu/userland.ts'

/** strtod() over the whole string, or null. */
export function strtod(s: string): number | null {
  const t = s.replace(/^[ \t\n\v\f\r]+/, '')
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t)
  if (/^[-+]?0[xX][0-9a-fA-F]+$/.test(t)) return (t[0] === '-' ? -1 : 1) * parseInt(t.replace(/^[-+]?0[xX]/, ''), 16)
  if (/^[-+]?inf(inity)?$/i.test(t)) return t[0] === '-' ? -Infinity : Infinity
  if (/^[-+]?nan$/i.test(t)) return NaN
  return null
}

/** printf("%0*.*f", width, prec, v). */
export function fixed(v: number, width: number, prec: number): string {
  if (!Number.isFinite(v)) return (Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf').padStart(width)
  let s = Math.abs(v).toFixed(prec)
  const neg = v < 0 || Object.is(v, -0)
  const pad = width - s.length - (neg ? 1 : 0)
  if (pad > 0) s = '0'.repeat(pad) + s
  return (neg ? '-' : '') + s
}

export function* seq(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'ws:', posix: true })
  if (typeof p === 'number') return p
  const args = p.args
  const nums = args.map(strtod)
  if (args.length < 1 || args.length > 3 || nums.some((n) => n === null)) return usageError(ctx, 'seq', gnuSeqError(ctx, args, nums))
  const last = nums[nums.length - 1]!
  const first = args.length > 1 ? nums[0]! : 1
  const inc = args.length === 3 ? nums[1]! : 1
  let width = 0
  let frac = 0
  args.forEach((a, i) => {
    const dot = a.indexOf('.') < 0 ? a.length : a.indexOf('.')
    width = Math.max(width, dot)
    // coreutils ignores the fractional digits of LAST; so does busybox.
    if (i < args.length - 1) frac = Math.max(frac, a.length - dot)
  })
  if (frac) {
    frac--
    if (frac) width += frac + 1
  }
  if (!p.opts.has('w')) width = 0
  const sep = p.opts.get('s') ?? '\n'
  const out = new Pacer(ctx)
  let n = 0
  for (let v = first; inc >= 0 ? v <= last : v >= last; v = first + ++n * inc) {
    yield* out.write((n ? sep : '') + fixed(v, width, frac))
  }
  if (n) yield* out.write('\n')
  yield* out.flush()
  return 0
}

/** What GNU seq objects to (busybox shows its usage instead). */
function gnuSeqError(ctx: CommandContext, args: string[], nums: (number | null)[]): string {
  if (!isGnu(ctx)) return ''
  if (!args.length) return 'missing operand'
  const bad = nums.findIndex((n) => n === null)
  if (bad >= 0 && bad < 3) return `invalid floating point argument: ${gnuQuote(ctx, args[bad])}`
  return `extra operand ${gnuQuote(ctx, args[3])}`
}
