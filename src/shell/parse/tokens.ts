// Tokens of the shell grammar and the syntax error the parser raises (with
// ash's message, whether the input ran out, and the token bash would name).
import type { Word } from './ast.ts'

export class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    /** The input ended where more was needed (the terminal would prompt for more). */
    readonly eof: boolean,
    /** The unexpected token's text, for bash's "near unexpected token" wording. */
    readonly token?: string,
  ) {
    super(message)
  }
}

export type Tok =
  | { t: 'word'; w: Word; raw: string | undefined; line: number; start: number; end: number }
  | { t: 'op'; v: string; line: number }
  | { t: 'io'; fd: number; line: number }
  | { t: 'nl'; line: number }
  | { t: 'eof'; line: number }
