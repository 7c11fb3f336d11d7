// GNU coreutils' echo and printf as programs (/bin/echo, env printf), which differ
// from the shell builtins of the same name: --help and --version (echo only as its
// sole argument), and printf's own messages. Upstream: coreutils echo.c, printf.c.
import type { Command, CommandContext } from '../../api.ts'
import { echo } from '../../builtins/echo.ts'
import { printf } from '../../builtins/printf.ts'
import { gnuInfo } from './about.ts'

function gnuEcho(ctx: CommandContext): number {
  const a = ctx.argv[1]
  if (ctx.argv.length === 2 && (a === '--help' || a === '--version') && gnuInfo(ctx, 'echo', a)) return 0
  return echo(ctx)
}

/** Programs whose GNU build differs from what the shell runs for the name. */
export const GNU_PROGRAMS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['echo', gnuEcho],
  ['printf', (ctx) => printf(ctx, true)],
])
