// cp and mv over the VFS: the two-operand rename rule, DIR targets, -r/-a/-p, -n/-f,
// and busybox's messages or GNU's. mv copies and deletes through the VFS so volume
// quotas stay right. Upstream: busybox coreutils/cp.c, mv.c, libbb/copy_file.c; GNU cp.c, mv.c.
import type { CommandContext } from '../api.ts'
import { FsError, normalize, type Node } from '../fs/vfs.ts'
import { lastComponent } from './basename.ts'
import { parseArgs } from './util/args.ts'
import { usageError, wantsHelp } from './util/usage.ts'
import { isGnu, progName, quoteFile } from './gnu/userland.ts'
import { joinPath } from './util/walk.ts'

interface CopyFlags {
  recursive: boolean
  preserve: boolean
  noClobber: boolean
  /** Directories this cp created: copying one of them again is a recursion. */
  created: Set<Node>
}

const errText = (e: unknown): string => {
  if (e instanceof FsError) return e.text
  throw e
}

export function cp(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, {
    short: 'pdRrfinlsLHPvTt:ua',
    long: { 'target-directory=': 't', 'no-target-directory': 'T', 'no-clobber': 'n', archive: 'a', force: 'f', recursive: 'r', verbose: 'v', 'preserve=?': 'p', parents: 'parents' },
  })
  if (typeof p === 'number') return p
  const o = p.opts
  const flags: CopyFlags = {
    recursive: o.has('r') || o.has('R') || o.has('a'),
    preserve: o.has('p') || o.has('a'),
    noClobber: o.has('n'),
    created: new Set(),
  }
  const args = [...p.args]
  let target = o.get('t')
  if (target === undefined) {
    if (args.length < 2) return usageError(ctx, 'cp', missingOperand(ctx, args))
    target = args.pop()!
    if (args.length === 1) {
      const s = ctx.fs.lookup(args[0], ctx.cwd)
      const d = ctx.fs.lookup(target, ctx.cwd)
      if (o.has('T') && s?.type !== 'dir' && d?.type === 'dir') {
        ctx.stderr.write(`cp: '${target}' is a directory\n`)
        return 1
      }
      const simple = (s?.type !== 'dir' && d?.type !== 'dir') || (flags.recursive && s?.type === 'dir' && !d) || o.has('T')
      if (simple) return copyFile(ctx, args[0], target, flags) ? 0 : 1
    }
  }
  if (isGnu(ctx) && args.length > 1 && ctx.fs.lookup(target, ctx.cwd)?.type !== 'dir') return badTarget(ctx, target)
  let code = 0
  for (const src of args) if (!copyFile(ctx, src, joinPath(target, lastComponent(src)), flags)) code = 1
  return code
}

/** GNU's complaint when two operands are missing: none at all, or no destination. */
function missingOperand(ctx: CommandContext, args: string[]): string {
  if (!isGnu(ctx)) return ''
  return args.length ? `missing destination file operand after ${quoteFile(ctx, args[0])}` : 'missing file operand'
}

/** GNU: several sources need a directory to go to. */
function badTarget(ctx: CommandContext, target: string): number {
  const why = ctx.fs.lookup(target, ctx.cwd) ? 'Not a directory' : 'No such file or directory'
  ctx.stderr.write(`${progName(ctx)}: target ${quoteFile(ctx, target)}${why === 'Not a directory' ? ' is not a directory' : `: ${why}`}\n`)
  return 1
}

/** copy_file(): false after printing an error. */
export function copyFile(ctx: CommandContext, src: string, dest: string, flags: CopyFlags): boolean {
  const gnu = isGnu(ctx)
  const q = (f: string) => (gnu ? quoteFile(ctx, f) : `'${f}'`)
  const say = (busybox: string, gnuText: string) => ctx.stderr.write(gnu ? `${progName(ctx)}: ${gnuText}\n` : `cp: ${busybox}\n`)
  const s = ctx.fs.lookup(src, ctx.cwd)
  if (!s) {
    say(`can't stat '${src}': No such file or directory`, `cannot stat ${q(src)}: No such file or directory`)
    return false
  }
  const d = ctx.fs.lookup(dest, ctx.cwd)
  if (d && d === s) {
    say(`'${src}' and '${dest}' are the same file`, `${q(src)} and ${q(dest)} are the same file`)
    return false
  }
  if (s.type === 'dir') {
    if (!flags.recursive) {
      say(`omitting directory '${src}'`, `-r not specified; omitting directory ${q(src)}`)
      return false
    }
    // `cp -r d d/sub`: busybox creates d/sub first, then meets it among d's entries.
    if (flags.created.has(s)) {
      ctx.stderr.write(`cp: recursion detected, omitting directory '${src}'\n`)
      return false
    }
    if (d && d.type !== 'dir') {
      ctx.stderr.write(`cp: target '${dest}' is not a directory\n`)
      return false
    }
    if (!d) {
      try {
        ctx.fs.mkdir(dest, ctx.cwd)
        flags.created.add(ctx.fs.stat(dest, ctx.cwd))
      } catch (e) {
        ctx.stderr.write(`cp: can't create directory '${dest}': ${errText(e)}\n`)
        return false
      }
    }
    let ok = true
    for (const name of [...s.entries.keys()].sort()) ok = copyFile(ctx, joinPath(src, name), joinPath(dest, name), flags) && ok
    finish(ctx, s, dest, flags)
    return ok
  }
  if (d && flags.noClobber) return true
  try {
    ctx.fs.writeFile(dest, s.data, ctx.cwd)
  } catch (e) {
    const why = errText(e)
    say(`can't create '${dest}': ${why}`, `cannot create regular file ${q(dest)}: ${why}`)
    return false
  }
  finish(ctx, s, dest, flags)
  return true
}

function finish(ctx: CommandContext, s: Node, dest: string, flags: CopyFlags): void {
  const n = ctx.fs.lookup(dest, ctx.cwd)
  if (!n) return
  n.mode = flags.preserve ? s.mode : s.mode & 0o755
  if (flags.preserve) n.mtime = s.mtime
}

export function mv(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'finTvt:', long: { force: 'f', interactive: 'i', 'no-clobber': 'n', 'no-target-directory': 'T', verbose: 'v', 'target-directory=': 't' } })
  if (typeof p === 'number') return p
  const args = [...p.args]
  let target = p.opts.get('t')
  if (target === undefined) {
    if (args.length < 2) return usageError(ctx, 'mv', missingOperand(ctx, args))
    target = args.pop()!
    const d = ctx.fs.lookup(target, ctx.cwd)
    if (args.length === 1 && (d?.type !== 'dir' || p.opts.has('T'))) return move(ctx, args[0], target, p.opts.has('n')) ? 0 : 1
  }
  if (isGnu(ctx) && args.length > 1 && ctx.fs.lookup(target, ctx.cwd)?.type !== 'dir') return badTarget(ctx, target)
  let code = 0
  for (const src of args) if (!move(ctx, src, joinPath(target, lastComponent(src)), p.opts.has('n'))) code = 1
  return code
}

function move(ctx: CommandContext, src: string, dest: string, noClobber: boolean): boolean {
  const gnu = isGnu(ctx)
  const fail = (text: string) => {
    if (!gnu) ctx.stderr.write(`mv: can't rename '${src}': ${text}\n`)
    else if (text === 'Invalid argument') ctx.stderr.write(`${progName(ctx)}: cannot move ${quoteFile(ctx, src)} to a subdirectory of itself, ${quoteFile(ctx, dest)}\n`)
    else ctx.stderr.write(`${progName(ctx)}: cannot move ${quoteFile(ctx, src)} to ${quoteFile(ctx, dest)}: ${text}\n`)
    return false
  }
  const s = ctx.fs.lookup(src, ctx.cwd)
  if (!s) {
    if (!gnu) return fail('No such file or directory')
    ctx.stderr.write(`${progName(ctx)}: cannot stat ${quoteFile(ctx, src)}: No such file or directory\n`)
    return false
  }
  const d = ctx.fs.lookup(dest, ctx.cwd)
  if (d === s) return true
  if (d && noClobber) return true
  const absSrc = normalize(src, ctx.cwd)
  const absDest = normalize(dest, ctx.cwd)
  // rename(2) wants a directory behind a trailing slash.
  if (dest.endsWith('/') && d?.type !== 'dir' && s.type !== 'dir') return fail('Not a directory')
  if (s.type === 'dir' && absDest.startsWith(absSrc + '/')) return fail('Invalid argument')
  if (d?.type === 'dir' && s.type !== 'dir') return fail('Is a directory')
  if (d && d.type !== 'dir' && s.type === 'dir') return fail('Not a directory')
  if (d?.type === 'dir' && d.entries.size) return fail('Directory not empty')
  const parent = ctx.fs.lookup(absDest.slice(0, absDest.lastIndexOf('/')) || '/')
  if (!parent) return fail('No such file or directory')
  if (parent.type !== 'dir') return fail('Not a directory')
  try {
    if (d) ctx.fs.remove(dest, ctx.cwd, true)
    copyTree(ctx, s, dest)
    ctx.fs.remove(src, ctx.cwd, true)
  } catch (e) {
    return fail(errText(e))
  }
  return true
}

/** A rename keeps modes and times: rebuild the tree at `dest` through the VFS. */
function copyTree(ctx: CommandContext, s: Node, dest: string): void {
  if (s.type === 'dir') {
    ctx.fs.mkdir(dest, ctx.cwd)
    for (const [name, child] of s.entries) copyTree(ctx, child, joinPath(dest, name))
  } else ctx.fs.writeFile(dest, s.data, ctx.cwd)
  const n = ctx.fs.stat(dest, ctx.cwd)
  n.mode = s.mode
  n.mtime = s.mtime
  if (s.type === 'file' && s.exec && n.type === 'file') n.exec = s.exec
}
