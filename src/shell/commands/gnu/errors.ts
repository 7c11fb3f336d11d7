// GNU's usage errors: the message, then "Try 'PROG --help' for more information."
// (grep adds its synopsis, sed its usage screen, mawk says "not an option"), with
// each program's exit status for bad usage. Upstream: coreutils usage(), grep.c, sed.c, mawk.
import type { CommandContext } from '../../api.ts'
import { helpText } from './about.ts'
import { progName, tryHelpLine } from './userland.ts'
import { appletName } from '../util/io.ts'

/** Exit status for bad usage, where it is not 1. */
const USAGE_STATUS: Record<string, number> = { ls: 2, sort: 2, grep: 2, egrep: 2, fgrep: 2, expr: 2, awk: 2, env: 125, timeout: 125, nohup: 125 }

export function gnuUsageError(ctx: CommandContext, msg: string): number {
  const name = appletName(ctx)
  const prog = progName(ctx)
  const code = USAGE_STATUS[name] ?? 1
  const head = msg ? `${prog}: ${msg}\n` : ''
  if (name === 'grep' || name === 'egrep' || name === 'fgrep') ctx.stderr.write(`${head}Usage: ${prog} [OPTION]... PATTERNS [FILE]...\n${tryHelpLine(ctx)}`)
  else if (name === 'sed') ctx.stderr.write(head + (helpText(ctx, 'sed') ?? ''))
  else if (name === 'awk') ctx.stderr.write(`${prog}: not an option: ${badOption(msg)}\n`)
  else ctx.stderr.write(head + tryHelpLine(ctx))
  return code
}

/** The option a getopt message is about: "invalid option -- 'z'" is -z, "unrecognized option '--x'" is --x. */
function badOption(msg: string): string {
  const short = /-- '(.)'$/.exec(msg)
  if (short) return '-' + short[1]
  const long = /option '([^']*)'/.exec(msg)
  return long ? long[1] : msg
}
