// jq's tokens: identifiers (with `::`), $variables, fields (.foo), keywords,
// numbers, strings with \( ) interpolation, @formats and operators.
// Upstream: jq src/lexer.l.

export type Tok =
  | { t: 'num'; v: string; pos: number }
  | { t: 'str'; parts: (string | { src: string; pos: number })[]; pos: number }
  | { t: 'ident'; v: string; pos: number }
  | { t: 'field'; v: string; pos: number }
  | { t: 'var'; v: string; pos: number }
  | { t: 'format'; v: string; pos: number }
  | { t: 'kw'; v: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'eof'; pos: number }

export class JqSyntaxError extends Error {
  constructor(
    message: string,
    /** Offset in the program where the error was found. */
    readonly pos = 0,
  ) {
    super(message)
  }
}

const KEYWORDS = new Set([
  'def', 'if', 'then', 'elif', 'else', 'end', 'as', 'reduce', 'foreach', 'try', 'catch', 'label', 'import', 'include',
  'and', 'or', '__loc__',
])

const OPS = ['?//=', '?//', '|=', '+=', '-=', '*=', '/=', '%=', '//=', '==', '!=', '<=', '>=', '//', '..', 'and', 'or', '|', ',', '+', '-', '*', '/', '%', '=', '<', '>', '.', '[', ']', '(', ')', '{', '}', ':', ';', '?', '$']

/** bison's name for a token in jq 1.7.1's grammar, as its syntax errors show it. */
export function tokName(tok: Tok): string {
  switch (tok.t) {
    case 'num':
      return 'LITERAL'
    case 'str':
      return 'QQSTRING_START'
    case 'ident':
      return 'IDENT'
    case 'field':
      return 'FIELD'
    case 'var':
      return tok.v === '__loc__' ? '"$__loc__"' : 'BINDING'
    case 'format':
      return 'FORMAT'
    case 'kw':
      return `"${tok.v}"`
    case 'eof':
      return 'end of file'
    case 'op':
      return tok.v.length > 1 ? `"${tok.v}"` : `'${tok.v}'`
  }
}

export function lex(src: string): Tok[] {
  const out: Tok[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i]
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++
      continue
    }
    const pos = i
    if (c === '"') {
      const [parts, end] = lexString(src, i)
      out.push({ t: 'str', parts, pos })
      i = end
      continue
    }
    let m = /^\d+(\.\d*)?([eE][-+]?\d+)?|^\.\d+([eE][-+]?\d+)?/.exec(src.slice(i))
    if (m) {
      out.push({ t: 'num', v: m[0], pos })
      i += m[0].length
      continue
    }
    m = /^\.[a-zA-Z_][a-zA-Z_0-9]*/.exec(src.slice(i))
    if (m) {
      out.push({ t: 'field', v: m[0].slice(1), pos })
      i += m[0].length
      continue
    }
    m = /^\$(__loc__|[a-zA-Z_][a-zA-Z_0-9]*(::[a-zA-Z_][a-zA-Z_0-9]*)*)/.exec(src.slice(i))
    if (m) {
      out.push({ t: 'var', v: m[1], pos })
      i += m[0].length
      continue
    }
    m = /^@[a-zA-Z0-9_]+/.exec(src.slice(i))
    if (m) {
      out.push({ t: 'format', v: m[0].slice(1), pos })
      i += m[0].length
      continue
    }
    m = /^[a-zA-Z_][a-zA-Z_0-9]*(::[a-zA-Z_][a-zA-Z_0-9]*)*/.exec(src.slice(i))
    if (m) {
      const w = m[0]
      if (w === 'and' || w === 'or') out.push({ t: 'op', v: w, pos })
      else if (KEYWORDS.has(w)) out.push({ t: 'kw', v: w, pos })
      else out.push({ t: 'ident', v: w, pos })
      i += w.length
      continue
    }
    const op = OPS.find((o) => src.startsWith(o, i))
    if (op) {
      out.push({ t: 'op', v: op, pos })
      i += op.length
      continue
    }
    throw new JqSyntaxError('syntax error, unexpected INVALID_CHARACTER', i)
  }
  // bison's location for end of input is still the last token's.
  out.push({ t: 'eof', pos: out.length ? out[out.length - 1].pos : 0 })
  return out
}

/** A string literal: text parts and the source of each \( ) interpolation. */
function lexString(src: string, start: number): [(string | { src: string; pos: number })[], number] {
  const parts: (string | { src: string; pos: number })[] = []
  let text = ''
  let i = start + 1
  for (;;) {
    if (i >= src.length) throw new JqSyntaxError('syntax error, unexpected end of file', start)
    const c = src[i]
    if (c === '"') break
    if (c !== '\\') {
      text += c
      i++
      continue
    }
    const e = src[i + 1]
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
    if (e in simple) {
      text += simple[e]
      i += 2
    } else if (e === 'u') {
      const hex = src.slice(i + 2, i + 6)
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JqSyntaxError('syntax error, unexpected INVALID_CHARACTER', i)
      let code = parseInt(hex, 16)
      i += 6
      if (code >= 0xd800 && code < 0xdc00 && src.startsWith('\\u', i)) {
        const lo = parseInt(src.slice(i + 2, i + 6), 16)
        if (lo >= 0xdc00 && lo < 0xe000) {
          code = 0x10000 + ((code - 0xd800) << 10) + (lo - 0xdc00)
          i += 6
        }
      }
      text += String.fromCodePoint(code)
    } else if (e === '(') {
      if (text) parts.push(text)
      text = ''
      const end = matchParen(src, i + 1)
      parts.push({ src: src.slice(i + 2, end), pos: i + 2 })
      i = end + 1
    } else throw new JqSyntaxError('syntax error, unexpected INVALID_CHARACTER', i)
  }
  if (text || !parts.length) parts.push(text)
  return [parts, i + 1]
}

/** The `)` closing the `(` at `open`, skipping nested strings. */
function matchParen(src: string, open: number): number {
  let depth = 0
  for (let i = open; i < src.length; i++) {
    const c = src[i]
    if (c === '"') {
      i = lexString(src, i)[1] - 1
      continue
    }
    if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  throw new JqSyntaxError('syntax error, unexpected end of file', open)
}
