// busybox sleep (coreutils/sleep.c with FANCY_SLEEP and FLOAT_DURATION): the
// sum of its arguments, each a number with an optional s/m/h/d suffix, waited
// on the virtual clock.
import type { CommandContext, CommandResult, Wait } from '../api.ts'
import { BANNER } from '../commands/util/usage.ts'
import { gnuInfo } from '../commands/gnu/about.ts'
import { gnuQuote } from '../commands/gnu/userland.ts'
import { isBusybox, tryHelp } from './gnu.ts'

const SUFFIX: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }

const USAGE =
  `${BANNER}\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\n` +
  'have an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n'

/** Parse one duration argument to milliseconds; undefined if busybox would reject it ("inf" waits forever). */
export function parseDuration(arg: string, gnu = false): number | undefined {
  if (/^inf(inity)?[smhd]?$/i.test(arg)) return Infinity
  const m = (gnu ? /^([0-9]*\.?[0-9]*(?:[eE][-+]?[0-9]+)?)([smhd]?)$/ : /^([0-9]*\.?[0-9]*)([smhd]?)$/).exec(arg)
  if (!m || m[1] === '' || m[1] === '.' || /^\.?[eE]/.test(m[1])) return undefined
  return Math.round(Number(m[1]) * SUFFIX[m[2]] * 1000)
}

export function sleep(ctx: CommandContext): CommandResult {
  if (!isBusybox(ctx)) return gnuSleep(ctx)
  const args = ctx.argv.slice(1)
  if (args[0] === '--') args.shift()
  if (!args.length) {
    ctx.stderr.write(USAGE)
    return 1
  }
  if (args[0] === '--help') {
    ctx.stdout.write(USAGE)
    return 0
  }
  let ms = 0
  for (const a of args) {
    const d = parseDuration(a)
    if (d === undefined) {
      ctx.stderr.write(`sleep: invalid number '${a}'\n`)
      return 1
    }
    ms += d
  }
  if (ms <= 0) return 0
  return waitUntil(ctx, ctx.host.now() + ms)
}

/** GNU coreutils sleep: the same durations, GNU's errors (status 1). */
function gnuSleep(ctx: CommandContext): CommandResult {
  const args = ctx.argv.slice(1)
  if ((args[0] === '--help' || args[0] === '--version') && gnuInfo(ctx, 'sleep', args[0])) return 0
  if (args[0] === '--') args.shift()
  else if (args[0]?.startsWith('-') && args[0].length > 1 && !/^-[0-9.]/.test(args[0])) {
    const what = args[0].startsWith('--') ? `unrecognized option '${args[0]}'` : `invalid option -- '${args[0][1]}'`
    ctx.stderr.write(`sleep: ${what}\n${tryHelp('sleep')}`)
    return 1
  }
  if (!args.length) {
    ctx.stderr.write(`sleep: missing operand\n${tryHelp('sleep')}`)
    return 1
  }
  let ms = 0
  for (const a of args) {
    const d = parseDuration(a, true)
    if (d === undefined) {
      ctx.stderr.write(a.startsWith('-') ? `sleep: invalid option -- '${a[1]}'\n${tryHelp('sleep')}` : `sleep: invalid time interval ${gnuQuote(ctx, a)}\n${tryHelp('sleep')}`)
      return 1
    }
    ms += d
  }
  return ms > 0 ? waitUntil(ctx, ctx.host.now() + ms) : 0
}

export function* waitUntil(ctx: CommandContext, until: number): Generator<Wait, number, void> {
  while (ctx.host.now() < until) yield { until }
  return 0
}
