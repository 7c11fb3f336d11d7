// touch, mkdir, rmdir and rm over the VFS, with busybox's messages or GNU's.
// Upstream: busybox coreutils/touch.c, mkdir.c, rmdir.c, rm.c, libbb/remove_file.c,
// libbb/make_directory.c; GNU coreutils touch.c, mkdir.c, rmdir.c, rm.c, remove.c.
import type { CommandContext } from '../api.ts'
import { FsError, normalize } from '../fs/vfs.ts'
import { localZone } from './date/date.ts'
import { parseDate } from './date/parse.ts'
import { parseArgs } from './util/args.ts'
import { usageError, wantsHelp } from './util/usage.ts'
import { gnuQuote, isGnu, progName, quoteFile } from './gnu/userland.ts'

function fsError(e: unknown): FsError {
  if (e instanceof FsError) return e
  throw e
}

export function touch(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'chr:d:t:amf', long: { 'no-create': 'c', 'no-dereference': 'h', 'reference=': 'r', 'date=': 'd' } })
  if (typeof p === 'number') return p
  const o = p.opts
  const gnu = isGnu(ctx)
  const prog = progName(ctx)
  if (!p.args.length) return usageError(ctx, 'touch', gnu ? 'missing file operand' : '')
  if (o.has('r') && o.has('t')) return usageError(ctx, 'touch', gnu ? 'cannot specify times from more than one source' : '')
  let when: number | undefined
  if (o.has('r')) {
    const ref = ctx.fs.lookup(o.get('r')!, ctx.cwd)
    if (!ref) {
      const r = o.get('r')!
      ctx.stderr.write(gnu ? `${prog}: failed to get attributes of ${quoteFile(ctx, r)}: No such file or directory\n` : `touch: can't stat '${r}': No such file or directory\n`)
      return 1
    }
    when = ref.mtime
  }
  const dateStr = o.get('d') ?? o.get('t')
  if (dateStr !== undefined) {
    const parsed = parseDate(dateStr, ctx.host.now(), localZone(ctx), undefined, false)
    if (!parsed) {
      ctx.stderr.write(gnu ? `${prog}: invalid date format ${gnuQuote(ctx, dateStr)}\n` : `touch: invalid date '${dateStr}'\n`)
      return 1
    }
    when = parsed.ms
  }
  // -a alone changes only the access time, which the VFS does not keep.
  const setMtime = !o.has('a') || o.has('m')
  let code = 0
  for (const f of p.args) {
    const n = ctx.fs.lookup(f, ctx.cwd)
    if (!n && o.has('c')) continue
    try {
      if (!n) ctx.fs.writeFile(f, '', ctx.cwd)
      const node = ctx.fs.stat(f, ctx.cwd)
      if (setMtime) node.mtime = when ?? ctx.host.now()
    } catch (e) {
      ctx.stderr.write(gnu ? `${prog}: cannot touch ${quoteFile(ctx, f)}: ${fsError(e).text}\n` : `touch: ${f}: ${fsError(e).text}\n`)
      code = 1
    }
  }
  return code
}

export function mkdir(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'm:pv', long: { 'mode=': 'm', parents: 'p', verbose: 'v' } })
  if (typeof p === 'number') return p
  const gnu = isGnu(ctx)
  if (!p.args.length) return usageError(ctx, 'mkdir', gnu ? 'missing operand' : '')
  const mode = p.opts.has('m') ? parseInt(p.opts.get('m')!, 8) : undefined
  if (mode !== undefined && (Number.isNaN(mode) || !/^[0-7]+$/.test(p.opts.get('m')!))) {
    ctx.stderr.write(gnu ? `${progName(ctx)}: invalid mode ${gnuQuote(ctx, p.opts.get('m')!)}\n` : `mkdir: invalid mode '${p.opts.get('m')}'\n`)
    return 1
  }
  let code = 0
  for (const d of p.args) {
    const err = p.opts.has('p') ? mkdirParents(ctx, d) : mkdirOne(ctx, d)
    if (err) {
      // GNU names the directory it could not make, without a trailing slash.
      if (gnu) ctx.stderr.write(`${progName(ctx)}: cannot create directory ${gnuQuote(ctx, err[0].replace(/\/$/, ''))}: ${err[1]}\n`)
      else ctx.stderr.write(`mkdir: can't create directory '${err[0]}': ${err[1]}\n`)
      code = 1
      continue
    }
    if (mode !== undefined) ctx.fs.stat(d, ctx.cwd).mode = mode
  }
  return code
}

function mkdirOne(ctx: CommandContext, d: string): [string, string] | null {
  try {
    ctx.fs.mkdir(d, ctx.cwd)
    return null
  } catch (e) {
    return [d, fsError(e).text]
  }
}

/** -p: create each missing component; an error names the path up to the failing one. */
function mkdirParents(ctx: CommandContext, d: string): [string, string] | null {
  const parts = d.split('/')
  for (let i = 1; i <= parts.length; i++) {
    if (!parts[i - 1] && i < parts.length) continue
    const prefix = parts.slice(0, i).join('/')
    if (!prefix) continue
    const n = ctx.fs.lookup(prefix, ctx.cwd)
    if (n?.type === 'dir') continue
    if (n) return [i < parts.length ? prefix + '/' : prefix, i < parts.length ? 'Not a directory' : 'File exists']
    try {
      ctx.fs.mkdir(prefix, ctx.cwd)
    } catch (e) {
      return [prefix, fsError(e).text]
    }
  }
  return null
}

export function rmdir(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'pv', long: { parents: 'p', 'ignore-fail-on-non-empty': 'ignore' } })
  if (typeof p === 'number') return p
  const gnu = isGnu(ctx)
  if (!p.args.length) return usageError(ctx, 'rmdir', gnu ? 'missing operand' : '')
  let code = 0
  for (const d of p.args) {
    let path = d
    for (;;) {
      const n = ctx.fs.lookup(path, ctx.cwd)
      let err: string | null = null
      if (!n) err = 'No such file or directory'
      else if (n.type !== 'dir') err = 'Not a directory'
      else if (n.entries.size) err = p.opts.has('ignore') ? '' : 'Directory not empty'
      if (err === null) ctx.fs.remove(path, ctx.cwd)
      else {
        if (err) {
          ctx.stderr.write(gnu ? `${progName(ctx)}: failed to remove ${quoteFile(ctx, path)}: ${err}\n` : `rmdir: '${path}': ${err}\n`)
          code = 1
        }
        break
      }
      if (!p.opts.has('p')) break
      const i = path.replace(/\/+$/, '').lastIndexOf('/')
      if (i <= 0) break
      path = path.slice(0, i)
    }
  }
  return code
}

export function rm(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'fiRrv', long: { force: 'f', interactive: 'i', recursive: 'r', verbose: 'v' } })
  if (typeof p === 'number') return p
  const o = p.opts
  const force = o.has('f') && o.order.lastIndexOf('f') > o.order.lastIndexOf('i')
  const gnu = isGnu(ctx)
  if (!p.args.length) return force ? 0 : usageError(ctx, 'rm', gnu ? 'missing operand' : '')
  const recursive = o.has('r') || o.has('R')
  const prog = progName(ctx)
  const cannot = (f: string, why: string) => ctx.stderr.write(gnu ? `${prog}: cannot remove ${quoteFile(ctx, f)}: ${why}\n` : `rm: can't remove '${f}': ${why}\n`)
  let code = 0
  for (const f of p.args) {
    const base = f.replace(/\/+$/, '').split('/').pop()
    const n = ctx.fs.lookup(f, ctx.cwd)
    if ((base === '.' || base === '..') && (!gnu || recursive || n?.type !== 'dir')) {
      ctx.stderr.write(gnu ? `${prog}: refusing to remove '.' or '..' directory: skipping ${quoteFile(ctx, f)}\n` : `rm: can't remove '.' or '..'\n`)
      code = 1
      continue
    }
    if (!n) {
      if (!force) {
        cannot(f, 'No such file or directory')
        code = 1
      }
      continue
    }
    if (n.type === 'dir' && !recursive) {
      if (gnu) cannot(f, 'Is a directory')
      else ctx.stderr.write(`rm: '${f}' is a directory\n`)
      code = 1
      continue
    }
    if (normalize(f, ctx.cwd) === '/') {
      ctx.stderr.write(gnu ? `${prog}: it is dangerous to operate recursively on '/'\n${prog}: use --no-preserve-root to override this failsafe\n` : "rm: can't remove '/': Device or resource busy\n")
      code = 1
      continue
    }
    try {
      ctx.fs.remove(f, ctx.cwd, true)
      if (o.has('v')) ctx.stdout.write(`removed ${gnu ? quoteFile(ctx, f) : `'${f}'`}\n`)
    } catch (e) {
      cannot(f, fsError(e).text)
      code = 1
    }
  }
  return code
}
