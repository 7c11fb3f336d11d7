// stat, du, df and free as a container on the simulated node sees them: files from
// the VFS (4 KiB blocks, root-owned), the node's disk and memory from its capacity.
// Upstream: busybox coreutils/stat.c, du.c, df.c, procps/free.c.
import type { CommandContext } from '../api.ts'
import { normalize, type Node } from '../fs/vfs.ts'
import { localZone } from './date/date.ts'
import { strftime, toTm } from './date/strftime.ts'
import { parseArgs } from './util/args.ts'
import { humanSize, modeString, nodeBlocks, nodeLinks, nodeSize } from './util/stat.ts'
import { usageError, wantsHelp } from './util/usage.ts'
import { joinPath } from './util/walk.ts'

/** The node's disk (capacity 20134592Ki) and memory (4015360Ki), as the cluster defines them. */
const DISK_KB = 20134592
const DISK_USED_KB = 5242880
export const MEM_KB = 4015360

/** The node's memory in kB as free and /proc/meminfo show it (one set of figures for both). */
export const MEMORY = (() => {
  const used = 1204608
  const shared = 4548
  const cache = 934208
  const free = MEM_KB - used - cache
  return { used, shared, cache, free, avail: free + cache - shared }
})()

function inode(abs: string): number {
  let h = 2166136261
  for (let i = 0; i < abs.length; i++) h = Math.imul(h ^ abs.charCodeAt(i), 16777619)
  return ((h >>> 0) % 9000000) + 100000
}

function fileType(n: Node): string {
  if (n.type === 'dir') return 'directory'
  return n.data.length ? 'regular file' : 'regular empty file'
}

export function stat(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'c:fLt' })
  if (typeof p === 'number') return p
  if (!p.args.length) return usageError(ctx, 'stat', '')
  const zone = localZone(ctx)
  const time = (ms: number) => strftime('%Y-%m-%d %H:%M:%S.000000000 %z', toTm(ms, zone.at(ms)))
  let code = 0
  for (const f of p.args) {
    const n = ctx.fs.lookup(f, ctx.cwd)
    if (!n) {
      ctx.stderr.write(`stat: can't stat '${f}': No such file or directory\n`)
      code = 1
      continue
    }
    const abs = normalize(f, ctx.cwd)
    const fields: Record<string, string> = {
      n: f,
      N: `'${f}'`,
      s: String(nodeSize(n)),
      b: String(nodeBlocks(n)),
      B: '512',
      o: '4096',
      a: (n.mode & 0o7777).toString(8),
      A: modeString(n),
      f: ((n.type === 'dir' ? 0o40000 : 0o100000) | n.mode).toString(16),
      F: fileType(n),
      h: String(nodeLinks(n)),
      i: String(inode(abs)),
      u: '0',
      U: 'root',
      g: '0',
      G: 'root',
      d: '43',
      D: '2b',
      x: time(n.mtime),
      X: String(Math.floor(n.mtime / 1000)),
      y: time(n.mtime),
      Y: String(Math.floor(n.mtime / 1000)),
      z: time(n.mtime),
      Z: String(Math.floor(n.mtime / 1000)),
      t: '0',
      T: '0',
    }
    const fmt = p.opts.get('c')
    if (fmt !== undefined) {
      ctx.stdout.write(fmt.replace(/%(.)/g, (m, c: string) => (c === '%' ? '%' : (fields[c] ?? '?'))) + '\n')
      continue
    }
    ctx.stdout.write(
      `  File: ${f}\n` +
        `  Size: ${fields.s.padEnd(10)}\tBlocks: ${fields.b.padEnd(10)} IO Block: 4096   ${fields.F}\n` +
        `Device: 2bh/43d\tInode: ${fields.i.padEnd(11)} Links: ${fields.h}\n` +
        `Access: (${(n.mode & 0o7777).toString(8).padStart(4, '0')}/${fields.A})  Uid: (    0/    root)   Gid: (    0/    root)\n` +
        `Access: ${fields.x}\nModify: ${fields.y}\nChange: ${fields.z}\n`,
    )
  }
  return code
}

export function du(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'aHLdclsxhmkd:' })
  if (typeof p === 'number') return p
  const o = p.opts
  const maxDepth = o.has('d') ? Number(o.get('d')) : o.has('s') ? 0 : Infinity
  const show = (kb: number, path: string) => {
    const size = o.has('h') ? humanSize(kb * 1024).replace(/^(\d+)([KMGT])$/, '$1.0$2') : o.has('m') ? String(Math.ceil(kb / 1024)) : String(kb)
    ctx.stdout.write(`${size}\t${path}\n`)
  }
  const walk = (path: string, n: Node, depth: number): number => {
    let kb = nodeBlocks(n) / 2
    if (n.type === 'dir')
      for (const name of [...n.entries.keys()].sort()) {
        const child = n.entries.get(name)!
        const sub = walk(joinPath(path, name), child, depth + 1)
        kb += sub
      }
    if ((n.type === 'dir' || o.has('a') || depth === 0) && depth <= maxDepth) show(kb, path)
    return kb
  }
  let total = 0
  let code = 0
  for (const f of p.args.length ? p.args : ['.']) {
    const n = ctx.fs.lookup(f, ctx.cwd)
    if (!n) {
      ctx.stderr.write(`du: ${f}: No such file or directory\n`)
      code = 1
      continue
    }
    total += walk(f, n, 0)
  }
  if (o.has('c')) show(total, 'total')
  return code
}

export function df(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'PkmhTaiB:t:' })
  if (typeof p === 'number') return p
  const h = p.opts.has('h')
  const rows: [string, number, number, string][] = [
    ['overlay', DISK_KB, DISK_USED_KB, '/'],
    ['tmpfs', 65536, 0, '/dev'],
    ['shm', 65536, 0, '/dev/shm'],
  ]
  const num = (kb: number) => (h ? humanSize(kb * 1024) : String(kb))
  ctx.stdout.write(h ? 'Filesystem                Size      Used Available Use% Mounted on\n' : 'Filesystem           1K-blocks      Used Available Use% Mounted on\n')
  for (const [fs, size, used, mnt] of rows) {
    const avail = size - used
    const pct = size ? Math.ceil((used * 100) / size) : 0
    const w = h ? [num(size).padStart(9), num(used).padStart(9), num(avail).padStart(9)] : [num(size).padStart(9), num(used).padStart(9), num(avail).padStart(9)]
    ctx.stdout.write(`${fs.padEnd(20)} ${w[0]} ${w[1]} ${w[2]} ${String(pct).padStart(3)}% ${mnt}\n`)
  }
  return 0
}

export function free(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'bkmgh' })
  if (typeof p === 'number') return p
  const o = p.opts
  const { used, shared, cache, free: freeKb, avail } = MEMORY
  const scale = (kb: number) =>
    o.has('h') ? humanSize(kb * 1024) : o.has('b') ? String(kb * 1024) : o.has('m') ? String(kb >> 10) : o.has('g') ? String(kb >> 20) : String(kb)
  // The first column ends under "total" (column 19), the rest are 12 wide.
  const row = (label: string, vals: number[]) => label + vals.map((v, i) => scale(v).padStart(i ? 12 : 19 - label.length)).join('') + '\n'
  ctx.stdout.write(`              total        used        free      shared  buff/cache   available\n`)
  ctx.stdout.write(row('Mem:', [MEM_KB, used, freeKb, shared, cache, avail]))
  ctx.stdout.write(row('Swap:', [0, 0, 0]))
  return 0
}
