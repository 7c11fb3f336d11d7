// GNU ls's output: long format with columns as wide as their widest value, sizes rounded
// up, names quoted for a terminal (the others shifted a space to line up), columns of
// their own width padded with tabs. Upstream: coreutils ls.c (print_long_format, calculate_columns).
import type { Entry, Ls } from './ls.ts'
import { decorated, inode, timeField } from './ls.ts'
import { shellQuote } from './gnu/userland.ts'
import { gnuHumanSize, modeString, nodeBlocks, nodeLinks, nodeSize } from './util/stat.ts'

export const GNU_LONG: Record<string, string> = {
  'full-time': 'full-time',
  'group-directories-first': 'dirs-first',
  'color=?': 'color',
  all: 'a',
  'almost-all': 'A',
  directory: 'd',
  'human-readable': 'h',
  inode: 'i',
  'numeric-uid-gid': 'n',
  recursive: 'R',
  reverse: 'r',
  size: 's',
  classify: 'F',
  literal: 'N',
  'no-group': 'G',
}

/** A name as GNU prints it: quoted only on a terminal (and not with -N). */
function shown(st: Ls, e: Entry): string {
  const name = st.ctx.stdout.tty && !st.o.has('N') ? shellQuote(e.name) : e.name
  return decorated(st, { ...e, name })
}

/** GNU lines unquoted names up with quoted ones by a leading space (long and column formats on a terminal). */
function alignQuotes(st: Ls, list: Entry[], names: string[]): string[] {
  if (!st.ctx.stdout.tty || st.o.has('N')) return names
  const quoted = list.map((e) => shellQuote(e.name) !== e.name)
  if (!quoted.some(Boolean)) return names
  return names.map((n, i) => (quoted[i] ? n : ' ' + n))
}

export function gnuDisplay(st: Ls, list: Entry[]): void {
  let names = list.map((e) => shown(st, e))
  const o = st.o
  const inodes = o.has('i') ? list.map((e) => String(inode(e.path))) : null
  const blocks = o.has('s') ? list.map((e) => (o.has('h') ? gnuHumanSize(nodeBlocks(e.node) * 512) : String(nodeBlocks(e.node) >> 1))) : null
  const prefix = (i: number): string => {
    let p = ''
    if (inodes) p += inodes[i].padStart(width(inodes)) + ' '
    if (blocks) p += blocks[i].padStart(width(blocks)) + ' '
    return p
  }
  if (st.long) {
    names = alignQuotes(st, list, names)
    st.out += longLines(st, list, names, prefix)
    return
  }
  if (!st.columns) {
    for (let i = 0; i < list.length; i++) st.out += prefix(i) + names[i] + '\n'
    return
  }
  names = alignQuotes(st, list, names)
  columns(st, names.map((n, i) => prefix(i) + n))
}

function width(values: string[]): number {
  let w = 0
  for (const v of values) w = Math.max(w, [...v].length)
  return w
}

function longLines(st: Ls, list: Entry[], names: string[], prefix: (i: number) => string): string {
  const o = st.o
  const links = list.map((e) => String(nodeLinks(e.node)))
  const sizes = list.map((e) => (o.has('h') ? gnuHumanSize(nodeSize(e.node)) : String(nodeSize(e.node))))
  const owner = o.has('n') ? '0' : 'root'
  const showOwner = !o.has('g')
  const showGroup = !o.has('G') && !o.has('o')
  const lw = width(links)
  const sw = width(sizes)
  let out = ''
  for (let i = 0; i < list.length; i++) {
    let line = `${prefix(i)}${modeString(list[i].node)} ${links[i].padStart(lw)} `
    if (showOwner) line += owner + ' '
    if (showGroup) line += owner + ' '
    out += `${line}${sizes[i].padStart(sw)} ${timeField(st, list[i].node.mtime)}${names[i]}\n`
  }
  return out
}

/** The most columns whose widths (each its widest name plus 2, the last without) stay under the line width. */
function columns(st: Ls, names: string[]): void {
  const n = names.length
  const lens = names.map((s) => [...s].length)
  const lineLength = st.width + 1
  const across = st.o.has('x') && st.o.order.lastIndexOf('x') > st.o.order.lastIndexOf('C')
  const maxCols = Math.max(1, Math.min(n, Math.floor(lineLength / 3)))
  let best = 1
  let bestWidths = [Math.max(0, ...lens)]
  for (let cols = 1; cols <= maxCols; cols++) {
    const rows = Math.ceil(n / cols)
    const widths = new Array<number>(cols).fill(3)
    for (let i = 0; i < n; i++) {
      const col = across ? i % cols : Math.floor(i / rows)
      const real = lens[i] + (col === cols - 1 ? 0 : 2)
      if (widths[col] < real) widths[col] = real
    }
    if (widths.reduce((a, b) => a + b, 0) < lineLength) {
      best = cols
      bestWidths = widths
    }
  }
  const rows = Math.ceil(n / best)
  for (let r = 0; r < rows; r++) {
    let line = ''
    let pos = 0
    for (let c = 0; c < best; c++) {
      const i = across ? r * best + c : c * rows + r
      if (i >= n) break
      line += names[i]
      const next = across ? i + 1 : i + rows
      if (c === best - 1 || next >= n) break
      line += indent(pos + lens[i], pos + bestWidths[c])
      pos += bestWidths[c]
    }
    st.out += line + '\n'
  }
}

/** Pad from one column to another with tabs where a tab stop (every 8) fits, then spaces. */
function indent(from: number, to: number): string {
  let out = ''
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      out += '\t'
      from += 8 - (from % 8)
    } else {
      out += ' '
      from++
    }
  }
  return out
}
