// busybox rev and tac: reverse each line's characters; print lines last to first.
// Upstream: busybox util-linux/rev.c, coreutils/tac.c.
import type { CommandContext, Wait } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { Lines, openInput, readSource, splitKeep } from './util/io.ts'
import { wantsHelp } from './util/usage.ts'

export function* rev(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: '' })
  if (typeof p === 'number') return p
  let code = 0
  for (const f of p.args.length ? p.args : ['-']) {
    const r = openInput(ctx, f)
    if (!r.ok) {
      if (r.error.code === 'EISDIR') continue
      ctx.stderr.write(`rev: ${f}: ${r.error.text}\n`)
      code = 1
      continue
    }
    const lines = new Lines(r.source)
    for (let l = yield* lines.next(); l; l = yield* lines.next()) ctx.stdout.write([...l.text].reverse().join('') + (l.nl ? '\n' : ''))
  }
  return code
}

export function* tac(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: '' })
  if (typeof p === 'number') return p
  let code = 0
  // busybox reads the files last to first but prints each one reversed, in order.
  const out: string[] = []
  const files = p.args.length ? p.args : ['-']
  for (const f of [...files].reverse()) {
    const r = openInput(ctx, f)
    if (!r.ok) {
      ctx.stderr.write(`tac: ${f}: ${r.error.text}\n`)
      code = 1
      continue
    }
    out.unshift(splitKeep(yield* readSource(r.source)).reverse().join(''))
  }
  ctx.stdout.write(out.join(''))
  return code
}
