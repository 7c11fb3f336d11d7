// busybox tee: copy stdin to stdout and to each FILE (-a appends), as it arrives.
// Upstream: busybox coreutils/tee.c.
import type { CommandContext, Wait } from '../api.ts'
import { FsError } from '../fs/vfs.ts'
import { parseArgs } from './util/args.ts'
import { stdinSource } from './util/io.ts'
import { wantsHelp } from './util/usage.ts'

export function* tee(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'ia' })
  if (typeof p === 'number') return p
  let code = 0
  const outs: string[] = []
  let toStdout = 1
  for (const f of p.args) {
    if (f === '-') {
      toStdout++
      continue
    }
    try {
      ctx.fs.writeFile(f, '', ctx.cwd, p.opts.has('a'))
      outs.push(f)
    } catch (e) {
      if (!(e instanceof FsError)) throw e
      ctx.stderr.write(`tee: ${f}: ${e.text}\n`)
      code = 1
    }
  }
  const src = stdinSource(ctx.stdin)
  for (let chunk = yield* src.next(); chunk !== null; chunk = yield* src.next()) {
    for (let i = 0; i < toStdout; i++) ctx.stdout.write(chunk)
    for (const f of outs) {
      try {
        ctx.fs.writeFile(f, chunk, ctx.cwd, true)
      } catch (e) {
        if (!(e instanceof FsError)) throw e
        ctx.stderr.write(`tee: ${f}: ${e.text}\n`)
        code = 1
      }
    }
  }
  return code
}
