// Parsing sed scripts as busybox does: addresses (N, $, /re/I, \cREc, first~step,
// addr,+N, addr,~N, 0,/re/), negation, blocks, and the commands s y p P d D n N g G
// h H x q = l a i c r w b t T :, with busybox's error texts (busybox has no Q or z).
// Upstream: busybox editors/sed.c (add_cmd, parse_regex_delim, parse_subst_cmd).
import { compileRegex, PosixRegex } from '../util/regex.ts'

export class SedError extends Error {
  constructor(
    message: string,
    /** GNU sed's words for it, and how many characters of the script it had read. */
    readonly gnu?: string,
    readonly at?: number,
  ) {
    super(message)
  }
}

export type Address =
  | { t: 'line'; n: number }
  | { t: 'last' }
  | { t: 'regex'; re: PosixRegex | null }
  | { t: 'plus'; n: number }

export interface Cmd {
  a1: Address | null
  a2: Address | null
  negate: boolean
  cmd: string
  /** s: the regex (null = the last one used), replacement, flags. */
  re?: PosixRegex | null
  replacement?: string
  global?: boolean
  nth?: number
  print?: boolean
  wfile?: string
  /** y: translation; a/i/c: text; r/w: file; b/t/T/: label; q/Q: exit code. */
  text?: string
  from?: string[]
  to?: string[]
  /** For `{`: index of the matching `}`; for `}` unused. */
  end?: number
  /** Range state: inside the range since line `since`. */
  inRange?: boolean
  rangeEnd?: number
}

export interface Options {
  extended: boolean
}

export function parseScript(script: string, o: Options): Cmd[] {
  const cmds: Cmd[] = []
  const blocks: number[] = []
  let i = 0
  const s = script
  const skipWs = () => {
    while (i < s.length && /[ \t]/.test(s[i])) i++
  }
  while (i < s.length) {
    while (i < s.length && /[\s;]/.test(s[i])) i++
    if (i >= s.length) break
    if (s[i] === '#') {
      while (i < s.length && s[i] !== '\n') i++
      continue
    }
    const cmd: Cmd = { a1: null, a2: null, negate: false, cmd: '' }
    ;[cmd.a1, i] = address(s, i, o)
    if (cmd.a1 && s[i] === ',') {
      i++
      skipWs()
      ;[cmd.a2, i] = address(s, i, o, true)
      if (!cmd.a2) throw new SedError('no address after comma', "unexpected `,'", i + 1)
    }
    skipWs()
    while (s[i] === '!') {
      cmd.negate = true
      i++
      skipWs()
    }
    const c = s[i++]
    if (c === undefined) throw new SedError('missing command', 'missing command', i - 1)
    cmd.cmd = c
    if ((c === 'a' || c === 'i' || c === 'r') && cmd.a2) throw new SedError(`command '${c}' uses only one address`)
    switch (c) {
      case '{':
        blocks.push(cmds.length)
        break
      case '}':
        if (blocks.length) cmds[blocks.pop()!].end = cmds.length
        break
      case 's':
        i = substitute(s, i, cmd, o)
        break
      case 'y': {
        const d = s[i++]
        const [from, j] = delimited(s, i, d, "unterminated `y' command")
        const [to, k] = delimited(s, j, d, "unterminated `y' command")
        i = k
        const f = [...unescape(from, d)]
        const t = [...unescape(to, d)]
        if (f.length !== t.length) throw new SedError('strings for y command are different lengths', "strings for `y' command are different lengths", i)
        cmd.from = f
        cmd.to = t
        break
      }
      case 'a':
      case 'i':
      case 'c': {
        ;[cmd.text, i] = textArg(s, i)
        break
      }
      case 'r':
      case 'w':
      case 'b':
      case 't':
      case 'T':
      case ':': {
        skipWs()
        const end = c === 'r' || c === 'w' ? nextLine(s, i) : nextSep(s, i)
        cmd.text = s.slice(i, end).replace(/\s+$/, '')
        if ((c === 'r' || c === 'w') && !cmd.text) throw new SedError('empty filename')
        if (c === ':' && !cmd.text) throw new SedError('":" lacks a label', '":" lacks a label', i)
        i = end
        break
      }
      case 'p':
      case 'P':
      case 'd':
      case 'D':
      case 'n':
      case 'N':
      case 'g':
      case 'G':
      case 'h':
      case 'H':
      case 'x':
      case '=':
      case 'l':
      case 'q':
        break
      default:
        throw new SedError(`unsupported command ${c}`, `unknown command: \`${c}'`, i)
    }
    cmds.push(cmd)
  }
  // An unclosed `{` is only an error when sed has to skip over it.
  return cmds
}

function nextSep(s: string, i: number): number {
  while (i < s.length && s[i] !== ';' && s[i] !== '\n' && s[i] !== '}') i++
  return i
}

function nextLine(s: string, i: number): number {
  while (i < s.length && s[i] !== '\n') i++
  return i
}

/** a/i/c text: after optional blanks and one `\` or newline, the rest of the line; `\x` is x. */
function textArg(s: string, i: number): [string, number] {
  while (i < s.length) {
    if (s[i] === '\n' || s[i] === '\\') {
      // `a\` then the text on the next line: the line break is not part of it.
      if (s[i++] === '\\' && s[i] === '\n') i++
      break
    }
    if (!/\s/.test(s[i])) break
    i++
  }
  let out = ''
  while (i < s.length && s[i] !== '\n') {
    if (s[i] === '\\' && i + 1 < s.length) {
      out += s[i + 1] === '\n' ? '\n' : s[i + 1]
      i += 2
      continue
    }
    out += s[i++]
  }
  return [out, i]
}

/** Text up to an unescaped delimiter: [raw text, index after the delimiter]. `gnu`: GNU's words when it is missing. */
function delimited(s: string, i: number, d: string, gnu: string): [string, number] {
  let out = ''
  for (; i < s.length; i++) {
    const c = s[i]
    if (c === '\\' && i + 1 < s.length) {
      out += c + s[++i]
      continue
    }
    if (c === d) return [out, i + 1]
    if (c === '\n' && d !== '\n') break
    out += c
  }
  throw new SedError(`unmatched '${d}'`, gnu, i)
}

/** `\n` is a newline and `\DELIM` the delimiter; other escapes stay for the regex. */
function unescape(text: string, d: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      const n = text[++i]
      if (n === 'n') out += '\n'
      else if (n === 't') out += '\t'
      else if (n === d && d !== '\n') out += d
      else out += '\\' + n
      continue
    }
    out += text[i]
  }
  return out
}

function regexArg(text: string, d: string, o: Options, icase: boolean, at: number): PosixRegex | null {
  if (text === '') return null
  let pattern = unescape(text, d)
  // In a regex, an escaped delimiter that is special must stay escaped.
  if ('.*[]^$'.includes(d)) pattern = unescape(text.split('\\' + d).join('\\\\' + d), d)
  const re = compileRegex(pattern, { extended: o.extended, icase })
  if (!(re instanceof PosixRegex)) throw new SedError(`bad regex '${pattern}': ${re.message}`, re.message, at)
  return re
}

function address(s: string, i: number, o: Options, second = false): [Address | null, number] {
  const c = s[i]
  if (c === '$') return [{ t: 'last' }, i + 1]
  // busybox knows addr,+N but not GNU's first~step, addr,~N or 0,/re/.
  if (second && c === '+') {
    const m = /^\d+/.exec(s.slice(i + 1))
    if (m) return [{ t: 'plus', n: Number(m[0]) }, i + 1 + m[0].length]
  }
  const m = /^\d+/.exec(s.slice(i))
  if (m) return [{ t: 'line', n: Number(m[0]) }, i + m[0].length]
  if (c === '/' || c === '\\') {
    let d = '/'
    if (c === '\\') {
      d = s[i + 1]
      i++
    }
    const [text, j] = delimited(s, i + 1, d, 'unterminated address regex')
    let k = j
    let icase = false
    while (s[k] === 'I') {
      icase = true
      k++
    }
    return [{ t: 'regex', re: regexArg(text, d, o, icase, k) }, k]
  }
  return [null, i]
}

function substitute(s: string, i: number, cmd: Cmd, o: Options): number {
  const d = s[i++]
  if (d === undefined || d === '\n' || d === '\\') throw new SedError('bad format in substitution expression', "unterminated `s' command", i)
  const [pat, j] = delimited(s, i, d, "unterminated `s' command")
  const [repl, k] = delimited(s, j, d, "unterminated `s' command")
  i = k
  cmd.nth = 1
  let icase = false
  while (i < s.length) {
    const c = s[i]
    const m = /^\d+/.exec(s.slice(i))
    if (m) {
      if (!pat.startsWith('^')) cmd.nth = Number(m[0])
      i += m[0].length
      continue
    }
    if (c === ' ' || c === '\t') {
      i++
      continue
    }
    if (c === 'g') cmd.nth = 0
    else if (c === 'p') cmd.print = true
    else if (c === 'i' || c === 'I') icase = true
    else if (c === 'w') {
      const end = nextLine(s, i + 1)
      cmd.wfile = s.slice(i + 1, end).trim()
      i = end
      break
    } else if (c === '#') {
      i = nextLine(s, i)
      break
    } else if (c === ';' || c === '}' || c === '\n') break
    else throw new SedError('bad option in substitution expression', "unknown option to `s'", i + 1)
    i++
  }
  cmd.global = cmd.nth === 0
  cmd.re = regexArg(pat, d, o, icase, k)
  cmd.replacement = replacementText(repl, d)
  return i
}

/** Keep `\1`..`\9`, `\&` and `\\` for substitution time; resolve `\n` and `\DELIM`. */
function replacementText(text: string, d: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      const n = text[++i]
      if (n === 'n') out += '\n'
      else if (n === 't') out += '\t'
      else if (n === '\n') out += '\n'
      else if (n === d && d !== '&' && d !== '\\') out += n
      else out += '\\' + n
      continue
    }
    out += text[i]
  }
  return out
}
