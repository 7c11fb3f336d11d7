// busybox timeout (coreutils/timeout.c): run PROG, and send it SIG (TERM by
// default) if it has not finished after SECS. busybox execs PROG in its own
// process, so the status is PROG's: 143 after TERM (and ash says "Terminated").
import type { CommandContext, CommandResult, Wait } from '../api.ts'
import { BANNER } from '../commands/util/usage.ts'
import { parseSignal } from '../interp/control.ts'
import { killedBy } from '../interp/context.ts'
import { parseDuration } from './sleep.ts'

const USAGE =
  `${BANNER}\n\nUsage: timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS\n\n` +
  'Run PROG. Send SIG to it if it is not gone in SECS seconds.\nDefault SIG: TERM.If it still exists in KILL_SECS seconds, send KILL.\n\n'

export function timeout(ctx: CommandContext): CommandResult {
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

function* run(ctx: CommandContext, argv: string[], deadline: number, sig: number): Generator<Wait, number, void> {
  const child = (ctx.spawn as NonNullable<CommandContext['spawn']>)(argv)
  for (;;) {
    const r = child.next()
    if (r.done) return r.value
    if (ctx.host.now() >= deadline) break
    yield { until: Math.min(r.value.until, deadline) }
    if (ctx.host.now() >= deadline) break
  }
  child.return(0)
  return killedBy(ctx, sig)
}
