// Go's text/tabwriter, as kubectl uses it: cells end with a tab, a column
// block is a run of consecutive lines that have a cell in that column, and each
// cell but a line's last is padded to max(minwidth, widest cell + padding).
// `get` uses github.com/liggitt/tabwriter (minwidth 6, padding 3, RememberWidths:
// columns never shrink across flushes, for --watch); `describe` uses minwidth 0,
// padding 2 (kubectl pkg/describe/describe.go tabbedString).

export interface TabWriterOptions {
  minwidth: number
  padding: number
  /** Keep each column at least as wide as in earlier flushes (liggitt/tabwriter RememberWidths). */
  rememberWidths?: boolean
}

/** Display width of a cell: Go's tabwriter counts runes (UTF-8 characters). */
function runeCount(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

export class TabWriter {
  private buf = ''
  private maxWidths: number[] = []

  constructor(private opts: TabWriterOptions) {}

  write(text: string): void {
    this.buf += text
  }

  /** Format everything written since the last flush. */
  flush(): string {
    const text = this.buf
    this.buf = ''
    if (!text) return ''
    return this.format(text)
  }

  /** Forget remembered widths (kubectl does this when a new table starts). */
  resetWidths(): void {
    this.maxWidths = []
  }

  private format(text: string): string {
    const endsWithNewline = text.endsWith('\n')
    const rows = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'))
    const widths: number[][] = rows.map(() => [])
    this.block(rows, widths, 0, rows.length, 0)
    const out = rows.map((cells, r) => cells.map((c, k) => (k < cells.length - 1 ? c + ' '.repeat(Math.max(0, widths[r][k] - runeCount(c))) : c)).join(''))
    return out.join('\n') + (endsWithNewline ? '\n' : '')
  }

  private block(rows: string[][], widths: number[][], from: number, to: number, col: number): void {
    for (let i = from; i < to; ) {
      if (rows[i].length - 1 <= col) {
        i++
        continue
      }
      let j = i
      let w = this.opts.minwidth
      for (; j < to && rows[j].length - 1 > col; j++) w = Math.max(w, runeCount(rows[j][col]) + this.opts.padding)
      if (this.opts.rememberWidths) {
        const prev = this.maxWidths[col]
        if (prev === undefined || prev < w) this.maxWidths[col] = w
        else w = prev
      }
      for (let k = i; k < j; k++) widths[k][col] = w
      this.block(rows, widths, i, j, col + 1)
      i = j
    }
  }
}

/** Format a whole text at once. */
export function tabwrite(text: string, minwidth: number, padding: number): string {
  const w = new TabWriter({ minwidth, padding })
  w.write(text)
  return w.flush()
}
