// ls: one name per line off a terminal, columns on it; -l with busybox's fixed-width
// fields or GNU's fitted ones (ls-gnu.ts), -h, -a/-A, -R, -d, -s, -1, -F/-p, -r/-t/-S.
// Upstream: busybox coreutils/ls.c; GNU coreutils src/ls.c.
import type { CommandContext } from '../api.ts'
import { type DirNode, type Node } from '../fs/vfs.ts'
import { localZone } from './date/date.ts'
import { strftime, toTm } from './date/strftime.ts'
import { parseArgs, type Opts } from './util/args.ts'
import { gnuDisplay, GNU_LONG } from './ls-gnu.ts'
import { distro, isGnu, progName, quoteFile } from './gnu/userland.ts'
import { gnuHumanSize, humanSize, modeString, nodeBlocks, nodeLinks, nodeSize } from './util/stat.ts'
import { wantsHelp } from './util/usage.ts'
import { joinPath } from './util/walk.ts'
import { envSize, winsize } from './util/tty.ts'

export interface Entry {
  /** The name shown (an operand as typed, or a directory entry's name). */
  name: string
  /** The path to read it by. */
  path: string
  node: Node
}

export interface Ls {
  ctx: CommandContext
  o: Opts
  long: boolean
  columns: boolean
  width: number
  code: number
  out: string
  /** GNU coreutils' ls (Debian, CentOS, the terminal) rather than busybox's. */
  gnu: boolean
}

/**
 * The line width columns are laid out in: -w first; then GNU asks the terminal
 * (TIOCGWINSZ on stdout) before $COLUMNS (coreutils ls.c decode_switches), while
 * busybox lets $COLUMNS override what the terminal says (libbb/xfuncs.c
 * get_terminal_width_height); 80 when neither answers.
 */
function lineWidth(ctx: CommandContext, w: string | undefined, gnu: boolean): number {
  if (w !== undefined) return Number(w) || 80
  const tty = winsize(ctx.stdout)?.cols
  const env = envSize(ctx.env.get('COLUMNS'))
  return (gnu ? (tty ?? env) : (env ?? tty)) ?? 80
}

const SIX_MONTHS = (365 * 24 * 3600) / 2

export function ls(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const gnu = isGnu(ctx)
  const p = parseArgs(ctx, {
    short: gnu ? 'Cadi1lgnsxAkFpRQctuSXrvLHhT:w:oGUN' : 'Cadi1lgnsxAkFpRQctuSXrvLHhT:w:',
    long: gnu ? GNU_LONG : { 'full-time': 'full-time', 'group-directories-first': 'dirs-first', 'color=?': 'color' },
  })
  if (typeof p === 'number') return p
  const o = p.opts
  const long = o.has('l') || o.has('n') || o.has('g') || o.has('full-time') || (gnu && o.has('o'))
  const last = (...ks: string[]) => ks.reduce((best, k) => (o.order.lastIndexOf(k) > o.order.lastIndexOf(best) ? k : best), ks[0])
  const layout = o.has('C') || o.has('1') || o.has('x') || long ? last('C', '1', 'x', 'l') : ctx.stdout.tty ? 'C' : '1'
  const st: Ls = {
    ctx,
    o,
    long,
    columns: !long && (layout === 'C' || layout === 'x'),
    width: lineWidth(ctx, o.get('w'), gnu) - 1,
    code: 0,
    out: '',
    gnu,
  }
  const operands = p.args.length ? p.args : ['.']
  const found: Entry[] = []
  for (const a of operands) {
    const node = ctx.fs.lookup(a, ctx.cwd)
    if (!node) {
      // GNU: a missing operand is a serious trouble (exit 2).
      // coreutils 8.22 (CentOS 7) printed the name as is.
      const name = distro(ctx) === 'centos' ? a : quoteFile(ctx, a)
      ctx.stderr.write(gnu ? `${progName(ctx)}: cannot access ${name}: No such file or directory\n` : `ls: ${a}: No such file or directory\n`)
      st.code = gnu ? 2 : 1
      continue
    }
    found.push({ name: a, path: a, node })
  }
  const showDirname = operands.length > 1
  if (o.has('d')) display(st, sortEntries(st, found))
  else {
    const files = found.filter((e) => e.node.type !== 'dir')
    const dirs = found.filter((e) => e.node.type === 'dir')
    if (files.length) display(st, sortEntries(st, files))
    listDirs(st, sortEntries(st, dirs), files.length === 0, showDirname)
  }
  ctx.stdout.write(st.out)
  return st.code
}

function listDirs(st: Ls, dirs: Entry[], first: boolean, showDirname: boolean): void {
  for (const d of dirs) {
    if (showDirname || st.o.has('R')) {
      if (!first) st.out += '\n'
      st.out += `${d.path}:\n`
    }
    first = false
    const entries = scanDir(st, d)
    if (st.long || st.o.has('s')) {
      const blocks = (entries.reduce((n, e) => n + nodeBlocks(e.node), 0) + 1) >> 1
      if (st.gnu) st.out += `total ${st.o.has('h') ? gnuHumanSize(blocks * 1024) : blocks}\n`
      else st.out += st.o.has('h') ? `total ${humanSize(blocks * 1024, false).padEnd(7)}\n` : `total ${blocks}\n`
    }
    if (!entries.length) continue
    display(st, sortEntries(st, entries))
    if (st.o.has('R')) {
      const sub = entries.filter((e) => e.node.type === 'dir' && e.name !== '.' && e.name !== '..')
      listDirs(st, sortEntries(st, sub), false, true)
    }
  }
}

function scanDir(st: Ls, d: Entry): Entry[] {
  const dir = d.node as DirNode
  const out: Entry[] = []
  const all = st.o.has('a')
  if (all) {
    const parent = st.ctx.fs.lookup(joinPath(d.path, '..'), st.ctx.cwd) ?? dir
    out.push({ name: '.', path: joinPath(d.path, '.'), node: dir }, { name: '..', path: joinPath(d.path, '..'), node: parent })
  }
  for (const [name, node] of dir.entries) {
    if (name.startsWith('.') && !all && !st.o.has('A')) continue
    out.push({ name, path: joinPath(d.path, name), node })
  }
  return out
}

function sortEntries(st: Ls, list: Entry[]): Entry[] {
  const o = st.o
  if (st.gnu && (o.has('U') || o.has('f'))) return list
  const byTime = o.has('t') || (!st.long && (o.has('c') || o.has('u')))
  const key = o.has('S') && (!o.has('t') || o.order.lastIndexOf('S') > o.order.lastIndexOf('t')) ? 'size' : byTime ? 'time' : o.has('X') ? 'ext' : 'name'
  const cmp = (a: Entry, b: Entry): number => {
    let d = 0
    if (o.has('dirs-first')) d = Number(b.node.type === 'dir') - Number(a.node.type === 'dir')
    if (!d && key === 'size') d = nodeSize(b.node) - nodeSize(a.node)
    if (!d && key === 'time') d = b.node.mtime - a.node.mtime
    if (!d && key === 'ext') d = strcmp(ext(a.name), ext(b.name))
    if (!d) d = strcmp(a.name, b.name)
    return o.has('r') ? -d : d
  }
  return [...list].sort(cmp)
}

function ext(name: string): string {
  const i = name.indexOf('.')
  return i < 0 ? '' : name.slice(i)
}

function strcmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function display(st: Ls, list: Entry[]): void {
  if (st.gnu) return gnuDisplay(st, list)
  if (!st.columns) {
    for (const e of list) st.out += single(st, e) + '\n'
    return
  }
  let colWidth = 0
  for (const e of list) colWidth = Math.max(colWidth, [...decorated(st, e)].length)
  colWidth += 2 + (st.o.has('i') ? 8 : 0) + (st.o.has('s') ? 5 : 0)
  let ncols = Math.floor(st.width / colWidth)
  let nrows = list.length
  if (ncols > 1) nrows = Math.ceil(list.length / ncols)
  else ncols = 1
  for (let row = 0; row < nrows; row++) {
    let line = ''
    let column = 0
    let nexttab = 0
    for (let nc = 0; nc < ncols; nc++) {
      const i = st.o.has('x') && st.o.order.lastIndexOf('x') > st.o.order.lastIndexOf('C') ? row * ncols + nc : nc * nrows + row
      if (i >= list.length) continue
      if (column > 0) {
        line += ' '.repeat(nexttab - column)
        column = nexttab
      }
      nexttab = column + colWidth
      const text = single(st, list[i])
      line += text
      column += [...text].length
    }
    st.out += line + '\n'
  }
}

export function decorated(st: Ls, e: Entry): string {
  let name = st.o.has('Q') ? `"${e.name.replace(/["\\]/g, '\\$&')}"` : e.name
  if (e.node.type === 'dir' && (st.o.has('F') || st.o.has('p'))) name += '/'
  else if (st.o.has('F') && e.node.type === 'file' && e.node.mode & 0o111) name += '*'
  return name
}

function single(st: Ls, e: Entry): string {
  const o = st.o
  let s = ''
  if (o.has('i')) s += `${String(inode(e.path)).padStart(7)} `
  if (o.has('s')) s += `${String(nodeBlocks(e.node) >> 1).padStart(6)} `
  if (st.long) {
    s += `${modeString(e.node).padEnd(10)} ${String(nodeLinks(e.node)).padStart(4)} `
    if (o.has('n')) s += o.has('g') ? '0        ' : '0        0        '
    else s += o.has('g') ? 'root     ' : 'root     root     '
    const size = nodeSize(e.node)
    s += o.has('h') ? `${humanSize(size).padStart(7)} ` : `${String(size).padStart(9)} `
    s += timeField(st, e.node.mtime)
  }
  return s + decorated(st, e)
}

export function timeField(st: Ls, mtime: number): string {
  const zone = localZone(st.ctx)
  const tm = toTm(mtime, zone.at(mtime))
  if (st.o.has('full-time')) return strftime(st.gnu ? '%Y-%m-%d %H:%M:%S.000000000 %z ' : '%Y-%m-%d %H:%M:%S %z ', tm)
  const age = Math.floor(st.ctx.host.now() / 1000) - Math.floor(mtime / 1000)
  // GNU: recent means within the last half Gregorian year (31556952 / 2 s), not in the future.
  if (st.gnu) return age >= 0 && age < 15778476 ? strftime('%b %e %H:%M ', tm) : strftime('%b %e  %Y ', tm)
  return age < SIX_MONTHS && age > -15 * 60 ? strftime('%b %e %H:%M ', tm) : strftime('%b %e  %Y ', tm)
}

/** A stable made-up inode number for -i. */
export function inode(path: string): number {
  let h = 2166136261
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619)
  return (h >>> 0) % 9000000 + 100000
}
