// The terminal's window size as a program asks for it: ioctl(TIOCGWINSZ) on one of
// its descriptors, which only answers when that descriptor is the terminal itself.
import type { OutputStream } from '../../api.ts'

export interface WinSize {
  cols: number
  rows: number
}

/** TIOCGWINSZ on `stream`: undefined when it is not the terminal (a pipe, a file, a log). */
export function winsize(stream: OutputStream): WinSize | undefined {
  return stream.tty ? stream.winsize?.() : undefined
}

/** A positive whole number from an environment variable ($COLUMNS, $LINES), else undefined. */
export function envSize(value: string | undefined): number | undefined {
  if (!value || !/^\s*[0-9]+$/.test(value)) return undefined
  const n = Number(value)
  return n > 0 ? n : undefined
}
