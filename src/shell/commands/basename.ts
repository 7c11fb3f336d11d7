// basename and dirname, busybox's and GNU's (dirname of several names, operand errors). Upstream:
// busybox coreutils/basename.c, dirname.c, libbb/get_last_path_component.c.
import type { CommandContext } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { usageError, wantsHelp } from './util/usage.ts'
import { gnuQuote, isGnu } from './gnu/userland.ts'

/** The last component, trailing slashes stripped ("/" stays "/"). */
export function lastComponent(path: string): string {
  const stripped = path.replace(/\/+$/, '')
  if (stripped === '') return path === '' ? '' : '/'
  return stripped.slice(stripped.lastIndexOf('/') + 1)
}

export function basename(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 's:a', posix: true })
  if (typeof p === 'number') return p
  const multi = p.opts.has('a') || p.opts.has('s')
  const args = p.args
  if (!args.length || (!multi && args.length > 2)) return usageError(ctx, 'basename', !isGnu(ctx) ? '' : args.length ? `extra operand ${gnuQuote(ctx, args[2])}` : 'missing operand')
  const suffix = p.opts.get('s') ?? (multi ? '' : (args[1] ?? ''))
  const names = multi ? args : [args[0]]
  for (const a of names) {
    let b = lastComponent(a)
    if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length)
    ctx.stdout.write(b + '\n')
  }
  return 0
}

export function dirname(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: '' })
  if (typeof p === 'number') return p
  // GNU's dirname takes several names, one a line.
  if (isGnu(ctx)) {
    if (!p.args.length) return usageError(ctx, 'dirname', 'missing operand')
    ctx.stdout.write(p.args.map((a) => dirOf(a) + '\n').join(''))
    return 0
  }
  if (p.args.length !== 1) return usageError(ctx, 'dirname', '')
  ctx.stdout.write(dirOf(p.args[0]) + '\n')
  return 0
}

/** POSIX dirname(3): "/a/b/" -> "/a", "a" -> ".", "/" -> "/", "//a" -> "/". */
export function dirOf(path: string): string {
  let s = path.replace(/\/+$/, '')
  if (s === '') return path.startsWith('/') ? '/' : '.'
  const i = s.lastIndexOf('/')
  if (i < 0) return '.'
  s = s.slice(0, i).replace(/\/+$/, '')
  // glibc keeps exactly two leading slashes ("//a" -> "//"), which POSIX leaves open.
  if (s === '') return i === 1 ? '//' : '/'
  return s
}
