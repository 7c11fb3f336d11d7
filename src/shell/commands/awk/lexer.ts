// awk tokens: numbers, strings, /regex/ (where an operand cannot stand), names,
// builtin and function names, operators, and significant newlines.
// Upstream: busybox editors/awk.c (next_token), POSIX awk grammar.

export type Tok =
  | { t: 'num'; v: number; line: number }
  | { t: 'str'; v: string; line: number }
  | { t: 'ere'; v: string; line: number }
  | { t: 'name'; v: string; line: number }
  | { t: 'funcname'; v: string; line: number }
  | { t: 'builtin'; v: string; line: number }
  | { t: 'kw'; v: string; line: number }
  | { t: 'op'; v: string; line: number }
  | { t: 'nl'; line: number }
  | { t: 'eof'; line: number }

export class AwkSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    /** The token the parser stopped at, as mawk names it ("}", "end of line"). */
    readonly near?: string,
  ) {
    super(message)
  }
}

/** A token as mawk's "syntax error at or near …" shows it. */
export function tokenText(tok: Tok): string {
  switch (tok.t) {
    case 'nl':
      return 'end of line'
    case 'eof':
      return 'end of file'
    case 'num':
      return String(tok.v)
    case 'str':
      return `"${tok.v}"`
    case 'ere':
      return `/${tok.v}/`
    default:
      return tok.v
  }
}

const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf'])
export const BUILTINS = new Set([
  'length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'sin', 'cos', 'atan2', 'exp', 'log', 'sqrt', 'int', 'rand', 'srand',
  'tolower', 'toupper', 'system', 'close', 'fflush', 'and', 'or', 'xor', 'lshift', 'rshift', 'compl', 'systime', 'strftime', 'mktime', 'gensub',
])

const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '**=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '**', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '=', '(', ')', '[', ']', '{', '}', ';', ',']

/** The backslash escapes of strings (and of -v values, -F and assignment operands). */
export const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' }

function escape(c: string): string {
  return ESCAPES[c] ?? '\\' + c
}

export function lex(src: string): Tok[] {
  const out: Tok[] = []
  let i = 0
  let line = 1
  const operandBefore = () => {
    const p = out[out.length - 1]
    if (!p) return false
    return p.t === 'num' || p.t === 'str' || p.t === 'name' || p.t === 'ere' || p.t === 'builtin' || (p.t === 'op' && (p.v === ')' || p.v === ']' || p.v === '$' || p.v === '++' || p.v === '--'))
  }
  while (i < src.length) {
    const c = src[i]
    if (c === '\n') {
      out.push({ t: 'nl', line })
      line++
      i++
      continue
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++
      continue
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2
      line++
      continue
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++
      continue
    }
    if (c === '"') {
      let s = ''
      i++
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\n') throw new AwkSyntaxError('Unexpected end of string', line)
        if (src[i] === '\\' && i + 1 < src.length) {
          const e = src[i + 1]
          if (/[0-7]/.test(e)) {
            const m = /^[0-7]{1,3}/.exec(src.slice(i + 1))![0]
            s += String.fromCharCode(parseInt(m, 8))
            i += 1 + m.length
            continue
          }
          if (e === '\n') {
            i += 2
            line++
            continue
          }
          s += escape(e)
          i += 2
          continue
        }
        s += src[i++]
      }
      if (i >= src.length) throw new AwkSyntaxError('Unexpected end of string', line)
      i++
      out.push({ t: 'str', v: s, line })
      continue
    }
    if (c === '/' && !operandBefore()) {
      let s = ''
      i++
      let inBracket = false
      while (i < src.length && (src[i] !== '/' || inBracket)) {
        if (src[i] === '\n') throw new AwkSyntaxError('Unexpected end of string', line)
        if (src[i] === '\\' && i + 1 < src.length) {
          s += src[i + 1] === '/' ? '/' : src[i] + src[i + 1]
          i += 2
          continue
        }
        if (src[i] === '[') inBracket = true
        else if (src[i] === ']') inBracket = false
        s += src[i++]
      }
      if (i >= src.length) throw new AwkSyntaxError('Unexpected end of string', line)
      i++
      out.push({ t: 'ere', v: s, line })
      continue
    }
    let m = /^(0[xX][0-9a-fA-F]+|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)/.exec(src.slice(i))
    if (m) {
      out.push({ t: 'num', v: Number(m[0]), line })
      i += m[0].length
      continue
    }
    m = /^[A-Za-z_][A-Za-z_0-9]*/.exec(src.slice(i))
    if (m) {
      const w = m[0]
      i += w.length
      if (KEYWORDS.has(w)) out.push({ t: 'kw', v: w === 'func' ? 'function' : w, line })
      else if (BUILTINS.has(w)) out.push({ t: 'builtin', v: w, line })
      else if (src[i] === '(') out.push({ t: 'funcname', v: w, line })
      else out.push({ t: 'name', v: w, line })
      continue
    }
    const op = OPS.find((o) => src.startsWith(o, i))
    if (!op) throw new AwkSyntaxError('Unexpected token', line)
    out.push({ t: 'op', v: op === '**' ? '^' : op === '**=' ? '^=' : op, line })
    i += op.length
  }
  out.push({ t: 'eof', line })
  return out
}
