// busybox timeout (coreutils/timeout.c): run PROG, and send it SIG (TERM by
// default) if it has not finished after SECS. busybox execs PROG in its own
// process, so the status is PROG's: 143 after TERM (and ash says "Terminated").
import type { CommandContext, CommandResult, Wait } from '../api.ts'
import { BANNER } from '../commands/util/usage.ts'
import { parseSignal, SIGNAL_NAMES } from '../interp/control.ts'
import { killedBy } from '../interp/context.ts'
import { gnuInfo } from '../commands/gnu/about.ts'
import { gnuQuote } from '../commands/gnu/userland.ts'
import { isBusybox, tryHelp } from './gnu.ts'
import { parseDuration } from './sleep.ts'

const USAGE =
  `${BANNER}\n\nUsage: timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS\n\n` +
  'Run PROG. Send SIG to it if it is not gone in SECS seconds.\nDefault SIG: TERM.If it still exists in KILL_SECS seconds, send KILL.\n\n'

export function timeout(ctx: CommandContext): CommandResult {
  if (!isBusybox(ctx)) return gnuTimeout(ctx)
  const args = ctx.argv.slice(1)
  let sig = 15
  while (args.length && args[0].startsWith('-') && args[0].length > 1) {
    const a = args.shift() as string
    if (a === '--') break
    const opt = a[1]
    const val = a.length > 2 ? a.slice(2) : args.shift()
    if ((opt !== 's' && opt !== 'k') || val === undefined) {
      ctx.stderr.write(opt !== 's' && opt !== 'k' ? `timeout: invalid option -- '${opt}'\n${USAGE}` : `timeout: option requires an argument -- '${opt}'\n${USAGE}`)
      return 1
    }
    if (opt === 's') {
      const n = parseSignal(val)
      if (n === undefined || n === 0) {
        ctx.stderr.write(`timeout: unknown signal '${val}'\n`)
        return 1
      }
      sig = n
    } else if (parseDuration(val) === undefined) {
      ctx.stderr.write(`timeout: invalid number '${val}'\n`)
      return 1
    }
  }
  if (args.length < 2) {
    ctx.stderr.write(USAGE)
    return 1
  }
  const ms = parseDuration(args[0])
  if (ms === undefined) {
    ctx.stderr.write(`timeout: invalid number '${args[0]}'\n`)
    return 1
  }
  if (!ctx.spawn) {
    ctx.stderr.write(`timeout: can't execute '${args[1]}': No such file or directory\n`)
    return 127
  }
  return run(ctx, args.slice(1), ms > 0 ? ctx.host.now() + ms : Infinity, sig)
}

/**
 * GNU coreutils timeout (the terminal, debian and centos images): 124 when the
 * time ran out (137 for KILL, the child's status with --preserve-status), 125
 * for its own errors, 127 when the command is missing.
 */
function gnuTimeout(ctx: CommandContext): CommandResult {
  const args = ctx.argv.slice(1)
  if ((args[0] === '--help' || args[0] === '--version') && gnuInfo(ctx, 'timeout', args[0])) return 0
  let sig = 15
  let preserve = false
  let verbose = false
  while (args.length && args[0].startsWith('-') && args[0].length > 1) {
    const a = args.shift() as string
    if (a === '--') break
    if (a === '--preserve-status') preserve = true
    else if (a === '-v' || a === '--verbose') verbose = true
    else if (a === '--foreground') continue
    else if (a === '-s' || a === '-k' || a.startsWith('--signal') || a.startsWith('--kill-after') || /^-[sk]./.test(a)) {
      const eq = a.indexOf('=')
      const val = a.startsWith('--') ? (eq > 0 ? a.slice(eq + 1) : args.shift()) : a.length > 2 ? a.slice(2) : args.shift()
      if (val === undefined) {
        ctx.stderr.write(`timeout: option requires an argument -- '${a[1]}'\n${tryHelp('timeout')}`)
        return 125
      }
      if (a[1] === 's' || a.startsWith('--signal')) {
        const n = parseSignal(val)
        if (n === undefined || n === 0) {
          ctx.stderr.write(`timeout: ${gnuQuote(ctx, val)}: invalid signal\n${tryHelp('timeout')}`)
          return 125
        }
        sig = n
      } else if (parseDuration(val) === undefined) {
        ctx.stderr.write(`timeout: invalid time interval ${gnuQuote(ctx, val)}\n${tryHelp('timeout')}`)
        return 125
      }
    } else {
      ctx.stderr.write(`timeout: ${a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`}\n${tryHelp('timeout')}`)
      return 125
    }
  }
  if (args.length < 2) {
    ctx.stderr.write(tryHelp('timeout'))
    return 125
  }
  const ms = parseDuration(args[0])
  if (ms === undefined) {
    ctx.stderr.write(`timeout: invalid time interval ${gnuQuote(ctx, args[0])}\n${tryHelp('timeout')}`)
    return 125
  }
  if (!ctx.spawn) return 127
  return runGnu(ctx, args.slice(1), ms > 0 ? ctx.host.now() + ms : Infinity, sig, preserve, verbose)
}

function* runGnu(ctx: CommandContext, argv: string[], deadline: number, sig: number, preserve: boolean, verbose: boolean): Generator<Wait, number, void> {
  const child = (ctx.spawn as NonNullable<CommandContext['spawn']>)(argv, {
    notFound: (prog, why) => `timeout: failed to run command ${gnuQuote(ctx, prog)}: ${why}\n`,
  })
  const code = yield* untilDeadline(ctx, child, deadline)
  if (code !== null) return code
  if (verbose) ctx.stderr.write(`timeout: sending signal ${SIGNAL_NAMES[sig]} to command ${gnuQuote(ctx, argv[0])}\n`)
  child.return(0)
  if (sig === 9) return killedBy(ctx, 9)
  return preserve ? 128 + sig : 124
}

function* run(ctx: CommandContext, argv: string[], deadline: number, sig: number): Generator<Wait, number, void> {
  const child = (ctx.spawn as NonNullable<CommandContext['spawn']>)(argv)
  const code = yield* untilDeadline(ctx, child, deadline)
  if (code !== null) return code
  child.return(0)
  return killedBy(ctx, sig)
}

/** Run the child until it ends (its status) or the deadline passes (null). */
function* untilDeadline(ctx: CommandContext, child: Generator<Wait, number, void>, deadline: number): Generator<Wait, number | null, void> {
  for (;;) {
    const r = child.next()
    if (r.done) return r.value
    if (ctx.host.now() >= deadline) return null
    yield { until: Math.min(r.value.until, deadline) }
    if (ctx.host.now() >= deadline) return null
  }
}
