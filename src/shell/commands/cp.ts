// busybox cp and mv over the VFS: the two-operand rename rule, DIR targets, -r/-a/-p,
// -n/-f, and busybox's messages. mv copies and deletes through the VFS so volume
// quotas stay right. Upstream: busybox coreutils/cp.c, mv.c, libbb/copy_file.c.
import type { CommandContext } from '../api.ts'
import { FsError, normalize, type Node } from '../fs/vfs.ts'
import { lastComponent } from './basename.ts'
import { parseArgs } from './util/args.ts'
import { usageError, wantsHelp } from './util/usage.ts'
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
    if (args.length < 2) return usageError(ctx, 'cp', '')
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
  let code = 0
  for (const src of args) if (!copyFile(ctx, src, joinPath(target, lastComponent(src)), flags)) code = 1
  return code
}

/** copy_file(): false after printing an error. */
export function copyFile(ctx: CommandContext, src: string, dest: string, flags: CopyFlags): boolean {
  const s = ctx.fs.lookup(src, ctx.cwd)
  if (!s) {
    ctx.stderr.write(`cp: can't stat '${src}': No such file or directory\n`)
    return false
  }
  const d = ctx.fs.lookup(dest, ctx.cwd)
  if (d && d === s) {
    ctx.stderr.write(`cp: '${src}' and '${dest}' are the same file\n`)
    return false
  }
  if (s.type === 'dir') {
    if (!flags.recursive) {
      ctx.stderr.write(`cp: omitting directory '${src}'\n`)
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
    ctx.stderr.write(`cp: can't create '${dest}': ${errText(e)}\n`)
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
    if (args.length < 2) return usageError(ctx, 'mv', '')
    target = args.pop()!
    const d = ctx.fs.lookup(target, ctx.cwd)
    if (args.length === 1 && (d?.type !== 'dir' || p.opts.has('T'))) return move(ctx, args[0], target, p.opts.has('n')) ? 0 : 1
  }
  let code = 0
  for (const src of args) if (!move(ctx, src, joinPath(target, lastComponent(src)), p.opts.has('n'))) code = 1
  return code
}

function move(ctx: CommandContext, src: string, dest: string, noClobber: boolean): boolean {
  const fail = (text: string) => {
    ctx.stderr.write(`mv: can't rename '${src}': ${text}\n`)
    return false
  }
  const s = ctx.fs.lookup(src, ctx.cwd)
  if (!s) return fail('No such file or directory')
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
