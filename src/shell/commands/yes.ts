// busybox yes: print its arguments (or "y") forever. Paced and capped so a pipeline
// reader can stop it and nothing grows without bound. Upstream: coreutils/yes.c.
import type { CommandContext, Wait } from '../api.ts'
import { Pacer } from './util/pace.ts'
import { wantsHelp } from './util/usage.ts'

export function* yes(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const line = (ctx.argv.length > 1 ? ctx.argv.slice(1).join(' ') : 'y') + '\n'
  const out = new Pacer(ctx)
  // Whole blocks at a time: one line per write would be slow for no benefit.
  const block = line.repeat(Math.max(1, Math.floor(4096 / line.length)))
  for (;;) yield* out.write(block)
}
