// busybox touch, mkdir, rmdir and rm over the VFS, with busybox's messages.
// Upstream: busybox coreutils/touch.c, mkdir.c, rmdir.c, rm.c, libbb/remove_file.c,
// libbb/make_directory.c.
import type { CommandContext } from '../api.ts'
import { FsError, normalize } from '../fs/vfs.ts'
import { localZone } from './date/date.ts'
import { parseDate } from './date/parse.ts'
import { parseArgs } from './util/args.ts'
import { usageError, wantsHelp } from './util/usage.ts'

function fsError(e: unknown): FsError {
  if (e instanceof FsError) return e
  throw e
}

export function touch(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'chr:d:t:amf', long: { 'no-create': 'c', 'no-dereference': 'h', 'reference=': 'r', 'date=': 'd' } })
  if (typeof p === 'number') return p
  const o = p.opts
  if (!p.args.length) return usageError(ctx, 'touch', '')
  if (o.has('r') && o.has('t')) return usageError(ctx, 'touch', '')
  let when: number | undefined
  if (o.has('r')) {
    const ref = ctx.fs.lookup(o.get('r')!, ctx.cwd)
    if (!ref) {
      ctx.stderr.write(`touch: can't stat '${o.get('r')}': No such file or directory\n`)
      return 1
    }
    when = ref.mtime
  }
  const dateStr = o.get('d') ?? o.get('t')
  if (dateStr !== undefined) {
    const parsed = parseDate(dateStr, ctx.host.now(), localZone(ctx), undefined, false)
    if (!parsed) {
      ctx.stderr.write(`touch: invalid date '${dateStr}'\n`)
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
      ctx.stderr.write(`touch: ${f}: ${fsError(e).text}\n`)
      code = 1
    }
  }
  return code
}

export function mkdir(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'm:pv', long: { 'mode=': 'm', parents: 'p', verbose: 'v' } })
  if (typeof p === 'number') return p
  if (!p.args.length) return usageError(ctx, 'mkdir', '')
  const mode = p.opts.has('m') ? parseInt(p.opts.get('m')!, 8) : undefined
  if (mode !== undefined && (Number.isNaN(mode) || !/^[0-7]+$/.test(p.opts.get('m')!))) {
    ctx.stderr.write(`mkdir: invalid mode '${p.opts.get('m')}'\n`)
    return 1
  }
  let code = 0
  for (const d of p.args) {
    const err = p.opts.has('p') ? mkdirParents(ctx, d) : mkdirOne(ctx, d)
    if (err) {
      ctx.stderr.write(`mkdir: can't create directory '${err[0]}': ${err[1]}\n`)
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
  if (!p.args.length) return usageError(ctx, 'rmdir', '')
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
          ctx.stderr.write(`rmdir: '${path}': ${err}\n`)
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
  if (!p.args.length) return force ? 0 : usageError(ctx, 'rm', '')
  const recursive = o.has('r') || o.has('R')
  let code = 0
  for (const f of p.args) {
    const base = f.replace(/\/+$/, '').split('/').pop()
    if (base === '.' || base === '..') {
      ctx.stderr.write(`rm: can't remove '.' or '..'\n`)
      code = 1
      continue
    }
    const n = ctx.fs.lookup(f, ctx.cwd)
    if (!n) {
      if (!force) {
        ctx.stderr.write(`rm: can't remove '${f}': No such file or directory\n`)
        code = 1
      }
      continue
    }
    if (n.type === 'dir' && !recursive) {
      ctx.stderr.write(`rm: '${f}' is a directory\n`)
      code = 1
      continue
    }
    if (normalize(f, ctx.cwd) === '/') {
      ctx.stderr.write("rm: can't remove '/': Device or resource busy\n")
      code = 1
      continue
    }
    try {
      ctx.fs.remove(f, ctx.cwd, true)
      if (o.has('v')) ctx.stdout.write(`removed '${f}'\n`)
    } catch (e) {
      ctx.stderr.write(`rm: can't remove '${f}': ${fsError(e).text}\n`)
      code = 1
    }
  }
  return code
}
