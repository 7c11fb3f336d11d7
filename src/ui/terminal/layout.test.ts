import { describe, expect, it } from 'vitest'
import { cellWidth, place, textWidth } from './layout.ts'

const PROMPT = '\x1b[1;32mcontrolplane\x1b[0m:\x1b[1;34m~\x1b[0m$ '

describe('terminal line layout', () => {
  it('measures the prompt without its colours, and Hangul as two cells', () => {
    expect(textWidth(PROMPT)).toBe(16)
    expect(textWidth('한글')).toBe(4)
    expect(cellWidth('a'.charCodeAt(0))).toBe(1)
    expect(cellWidth('한'.charCodeAt(0))).toBe(2)
  })

  it('puts the cursor on the row the line wrapped to', () => {
    // 16 cells of prompt + 30 characters on 20 columns: rows of 20, 20 and 6.
    const line = 'x'.repeat(30)
    expect(place(16, line, 30, 20)).toEqual({ cursor: { row: 2, col: 6 }, end: { row: 2, col: 6 }, pendingWrap: false })
    expect(place(16, line, 5, 20).cursor).toEqual({ row: 1, col: 1 })
    expect(place(16, line, 0, 20).cursor).toEqual({ row: 0, col: 16 })
  })

  it('holds the cursor at the end of a row filled exactly, and starts the next character on the next row', () => {
    expect(place(16, 'abcd', 4, 20)).toEqual({ cursor: { row: 1, col: 0 }, end: { row: 1, col: 0 }, pendingWrap: true })
    expect(place(16, 'abcde', 4, 20).cursor).toEqual({ row: 1, col: 0 })
  })

  it('moves a wide character that does not fit whole to the next row', () => {
    // 16 + "abc" = 19 cells: '한' needs two, so it starts row 1.
    expect(place(16, 'abc한글', 3, 20).cursor).toEqual({ row: 1, col: 0 })
    expect(place(16, 'abc한글', 5, 20)).toEqual({ cursor: { row: 1, col: 4 }, end: { row: 1, col: 4 }, pendingWrap: false })
    expect(place(16, 'echo 한글', 5, 80).cursor).toEqual({ row: 0, col: 21 })
    expect(place(16, 'echo 한글', 6, 80).cursor).toEqual({ row: 0, col: 23 })
  })

  it('starts where the prompt left the cursor (output without a final newline before it)', () => {
    // "hi" then the 16-cell prompt: the line starts in column 18.
    expect(place(18, 'abc', 3, 20)).toEqual({ cursor: { row: 1, col: 1 }, end: { row: 1, col: 1 }, pendingWrap: false })
  })
})
