// Where the line being typed lands on the screen once it wraps: the terminal wraps
// at its width, and a wide (Hangul, CJK) character takes two cells and moves whole
// to the next row when only one cell is left, as xterm.js draws it. The terminal
// view uses this to redraw a wrapped line in place, with the cursor on the right
// row and column.

/** Cells a UTF-16 code unit takes, as xterm.js's Unicode 6 width table has it (the default). */
export function cellWidth(code: number): number {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0
  if (code >= 0x300 && code <= 0x36f) return 0 // combining diacritics
  if (code >= 0x1160 && code <= 0x11ff) return 0 // Hangul jamo medial vowels and finals
  if (code >= 0xdc00 && code <= 0xdfff) return 0 // low surrogate: counted with its high half
  if (code >= 0xd800 && code <= 0xdbff) return 1
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    code === 0x2329 ||
    code === 0x232a ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  )
    return 2
  return 1
}

/** Cells a text takes, its colour escapes (CSI … m) left out. */
export function textWidth(text: string): number {
  let w = 0
  // eslint-disable-next-line no-control-regex
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, '')) w += cellWidth(ch.charCodeAt(0))
  return w
}

export interface Placement {
  /** Row (from the row the prompt ends on) and column where the cursor belongs. */
  cursor: { row: number; col: number }
  /** Where the terminal's cursor is once everything is written. */
  end: { row: number; col: number }
  /** The text fills its last row exactly: xterm holds the cursor in the last column until the next character. */
  pendingWrap: boolean
}

/**
 * Lay out `line` on `cols` columns, typed after the prompt that left the cursor in
 * column `origin` of the first row; `cursor` is an index into `line`.
 */
export function place(origin: number, line: string, cursor: number, cols: number): Placement {
  const width = Math.max(1, cols)
  let row = 0
  let col = Math.min(origin, width)
  let at: { row: number; col: number } | null = null
  // Where a character of width w starts: on the next row when it does not fit on this one.
  const put = (w: number) => {
    if (w && col + w > width) {
      row++
      col = 0
    }
    const start = { row, col }
    col += w
    return start
  }
  for (let i = 0; i < line.length; i++) {
    const start = put(cellWidth(line.charCodeAt(i)))
    if (i === cursor) at = start
  }
  const pendingWrap = col >= width
  const end = pendingWrap ? { row: row + 1, col: 0 } : { row, col }
  return { cursor: at ?? end, end, pendingWrap }
}
