// busybox realpath, readlink, sync and usleep. The lab's filesystem has no symbolic
// links, so a path's canonical form is its normalized absolute path and readlink
// without -f finds no link to print. Upstream: busybox coreutils/realpath.c,
// coreutils/readlink.c, coreutils/sync.c, coreutils/usleep.c.
import type { CommandContext, Wait } from '../api.ts'
import { dirname, normalize } from '../fs/vfs.ts'
import { gnuUsage, isGnu } from './gnu/userland.ts'
import { usageError, wantsHelp } from './util/usage.ts'

export function realpath(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const files = ctx.argv.slice(1)
  if (!files.length) return isGnu(ctx) ? gnuUsage(ctx, 'missing operand', 1) : usageError(ctx, 'realpath', '')
  let code = 0
  let out = ''
  for (const f of files) {
    if (!ctx.fs.lookup(f, ctx.cwd)) {
      ctx.stdout.write(out)
      out = ''
      ctx.stderr.write(`realpath: ${f}: No such file or directory\n`)
      code = 1
      continue
    }
    out += normalize(f, ctx.cwd) + '\n'
  }
  ctx.stdout.write(out)
  return code
}

export function readlink(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const args = ctx.argv.slice(1)
  let canon = false
  while (args.length && /^-[fnvse]+$/.test(args[0])) if (args.shift()!.includes('f')) canon = true
  const gnu = isGnu(ctx)
  if (!args.length || (!gnu && args.length !== 1)) return gnu ? gnuUsage(ctx, 'missing operand', 1) : usageError(ctx, 'readlink', '')
  const f = args[0]
  // Only -f prints anything here: an existing path, canonical (GNU's also when
  // only the last component is missing). A file that is not a link (every file in
  // the lab) makes plain readlink fail silently.
  const abs = normalize(f, ctx.cwd)
  const found = ctx.fs.lookup(abs) || (gnu && ctx.fs.lookup(dirname(abs))?.type === 'dir')
  if (!canon || !found) return 1
  ctx.stdout.write(abs + '\n')
  return 0
}

export function sync(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  return 0
}

export function* usleep(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const n = ctx.argv[1]
  if (n === undefined || !/^[0-9]+$/.test(n)) {
    if (n === undefined) return usageError(ctx, 'usleep', '')
    ctx.stderr.write(`usleep: invalid number '${n}'\n`)
    return 1
  }
  yield { until: ctx.host.now() + Number(n) / 1000 }
  return 0
}
