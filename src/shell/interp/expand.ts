// Word expansion (POSIX 2.6, as ash does it): tilde, parameters, command
// substitution, arithmetic, field splitting with IFS, pathname expansion and
// quote removal. Three modes: fields (command words), a single string
// (assignments, here-documents, redirections) and a pattern (case, ${v#p}).
import type { Wait } from '../api.ts'
import type { ParamPart, Part, Word } from '../parse/ast.ts'
import { ArithError, evalArith } from './arith.ts'
import { ShellError } from './control.ts'
import { escapePattern, expandPath, matches } from './pattern.ts'
import { paramValue } from './params.ts'
import type { Sh } from './sh.ts'
import { commandSubst } from './subst.ts'

type Mode = 'fields' | 'string' | 'pattern'
type ExpGen<T> = Generator<Wait, T, void>

const DEFAULT_IFS = ' \t\n'

class Builder {
  cur = ''
  pat = ''
  glob = false
  has = false
  readonly out: string[] = []
  private ifs: string | null = null

  constructor(
    private sh: Sh,
    readonly mode: Mode,
  ) {}

  quoted(s: string): void {
    this.cur += s
    if (this.mode !== 'string') this.pat += escapePattern(s)
    this.has = true
  }

  /** Unquoted text from the script itself: pattern characters stay active. */
  literal(s: string): void {
    if (!s) return
    this.cur += s
    if (this.mode !== 'string') {
      this.pat += s
      if (!this.glob && /[*?[]/.test(s)) this.glob = true
    }
    this.has = true
  }

  /** The result of an expansion: split on IFS when unquoted in fields mode. */
  expanded(s: string, quoted: boolean): void {
    if (quoted) this.quoted(s)
    else if (this.mode === 'fields') this.split(s)
    else this.unquotedText(s)
  }

  private unquotedText(s: string): void {
    if (!s) return
    this.cur += s
    if (this.mode !== 'string') {
      this.pat += s.replace(/\\/g, '\\\\')
      if (!this.glob && /[*?[]/.test(s)) this.glob = true
    }
    this.has = true
  }

  private split(s: string): void {
    const ifs = (this.ifs ??= this.sh.vars.get('IFS') ?? DEFAULT_IFS)
    if (!ifs) return this.unquotedText(s)
    let start = 0
    let i = 0
    while (i < s.length) {
      const c = s[i]
      if (!ifs.includes(c)) {
        i++
        continue
      }
      this.unquotedText(s.slice(start, i))
      let hard = !isSpace(c)
      i++
      while (i < s.length && ifs.includes(s[i]) && isSpace(s[i])) i++
      if (!hard && i < s.length && ifs.includes(s[i])) {
        hard = true
        i++
        while (i < s.length && ifs.includes(s[i]) && isSpace(s[i])) i++
      }
      this.end(hard)
      start = i
    }
    this.unquotedText(s.slice(start))
  }

  /** Finish the current field; a forced end keeps an empty field. */
  end(force: boolean): void {
    if (!this.has && !force) return
    if (this.glob && this.mode === 'fields' && !this.sh.opts.f) {
      const found = expandPath(this.sh.p.fs, this.sh.cwd, this.pat)
      if (found.length) this.out.push(...found)
      else this.out.push(this.cur)
    } else this.out.push(this.cur)
    this.cur = ''
    this.pat = ''
    this.glob = false
    this.has = false
  }
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n'
}

/** Expand command words into fields. */
export function* expandFields(sh: Sh, words: Word[]): ExpGen<string[]> {
  const b = new Builder(sh, 'fields')
  for (const w of words) {
    if (w.lit !== undefined) {
      b.out.push(w.lit)
      continue
    }
    yield* expandParts(sh, w.parts, b, false, false)
    b.end(false)
  }
  return b.out
}

/** Expand a word to one string (no field splitting, no pathname expansion). */
export function* expandString(sh: Sh, w: Word): ExpGen<string> {
  if (w.lit !== undefined) return w.lit
  const b = new Builder(sh, 'string')
  yield* expandParts(sh, w.parts, b, false, false)
  return b.cur
}

/** Expand a word to a pattern: quoted characters escaped, unquoted ones active. */
export function* expandPattern(sh: Sh, w: Word): ExpGen<string> {
  const b = new Builder(sh, 'pattern')
  yield* expandParts(sh, w.parts, b, false, false)
  return b.pat
}

/** The body of an unquoted here-document: expansions, no splitting. */
export function* expandHeredoc(sh: Sh, w: Word): ExpGen<string> {
  return yield* expandString(sh, w)
}

function* expandParts(sh: Sh, parts: Part[], b: Builder, inDq: boolean, inArg: boolean): ExpGen<void> {
  for (const p of parts) {
    switch (p.k) {
      case 'lit':
        if (inDq) b.quoted(p.v)
        else if (inArg) b.expanded(p.v, false)
        else b.literal(p.v)
        break
      case 'q':
        b.quoted(p.v)
        break
      case 'dq':
        if (!(p.parts.length === 1 && isAllParams(p.parts[0]) && !sh.positional.length)) b.quoted('')
        yield* expandParts(sh, p.parts, b, true, inArg)
        break
      case 'tilde':
        b.quoted(tilde(sh, p.user))
        break
      case 'param':
        yield* expandParam(sh, p, b, inDq)
        break
      case 'cmd':
        b.expanded(yield* commandSubst(sh, p.body), inDq)
        break
      case 'arith':
        b.expanded(arith(sh, yield* expandString(sh, p.expr)), inDq)
        break
    }
  }
}

function isAllParams(p: Part): boolean {
  return p.k === 'param' && p.name === '@' && p.op === ''
}

function tilde(sh: Sh, user: string): string {
  if (!user) return sh.vars.get('HOME') ?? '/'
  const home = homeOf(sh, user)
  return home ?? '~' + user
}

function homeOf(sh: Sh, user: string): string | undefined {
  let passwd: string
  try {
    passwd = sh.p.fs.readFile('/etc/passwd')
  } catch {
    return user === 'root' ? '/root' : undefined
  }
  for (const line of passwd.split('\n')) {
    const f = line.split(':')
    if (f[0] === user && f.length >= 6) return f[5]
  }
  return undefined
}

/** Evaluate an arithmetic expression text, reporting errors as ash does. */
export function arith(sh: Sh, text: string): string {
  try {
    return String(evalArith(text, sh))
  } catch (e) {
    if (!(e instanceof ArithError)) throw e
    sh.error(e.message)
    throw new ShellError(2)
  }
}

function* expandParam(sh: Sh, p: ParamPart, b: Builder, inDq: boolean): ExpGen<void> {
  const name = p.name
  if (p.op === '' && (name === '@' || name === '*')) {
    allParams(sh, name, b, inDq)
    return
  }
  const value = paramValue(sh, name)
  switch (p.op) {
    case '':
      b.expanded(value ?? unset(sh, name), inDq)
      return
    case 'len':
      if (name === '@' || name === '*') b.expanded(String(sh.positional.join(' ').length), inDq)
      else b.expanded(String((value ?? unset(sh, name)).length), inDq)
      return
    case '-':
    case '+': {
      const isNull = value === undefined || (p.colon && value === '')
      if (p.op === '-' ? isNull : !isNull) {
        if (p.arg) yield* expandParts(sh, p.arg.parts, b, inDq, true)
      } else if (p.op === '-') b.expanded(value ?? '', inDq)
      return
    }
    case '=': {
      const isNull = value === undefined || (p.colon && value === '')
      if (!isNull) return b.expanded(value ?? '', inDq)
      const v = p.arg ? yield* expandString(sh, p.arg) : ''
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        sh.error(`${name}: bad variable name`)
        throw new ShellError(2)
      }
      sh.set(name, v)
      b.expanded(v, inDq)
      return
    }
    case '?': {
      const isNull = value === undefined || (p.colon && value === '')
      if (!isNull) return b.expanded(value ?? '', inDq)
      const msg = p.arg ? yield* expandString(sh, p.arg) : ''
      sh.error(`${name}: ${msg || (p.colon ? 'parameter not set or null' : 'parameter not set')}`)
      throw new ShellError(2)
    }
    default:
      b.expanded(yield* transform(sh, p, value ?? unset(sh, name)), inDq)
  }
}

function unset(sh: Sh, name: string): string {
  if (sh.opts.u && name !== '@' && name !== '*') {
    sh.error(`${name}: parameter not set`)
    throw new ShellError(2)
  }
  return ''
}

function allParams(sh: Sh, name: string, b: Builder, inDq: boolean): void {
  const params = sh.positional
  if (b.mode !== 'fields' || (inDq && name === '*')) {
    const ifs = sh.vars.get('IFS')
    const sep = name === '*' ? (ifs === undefined ? ' ' : ifs.slice(0, 1)) : ' '
    b.expanded(params.join(sep), inDq)
    return
  }
  for (let i = 0; i < params.length; i++) {
    if (i) b.end(inDq)
    b.expanded(params[i], inDq)
  }
}

function* transform(sh: Sh, p: ParamPart, v: string): ExpGen<string> {
  switch (p.op) {
    case '#':
    case '##':
    case '%':
    case '%%': {
      const pat = p.arg ? yield* expandPattern(sh, p.arg) : ''
      return removeAffix(v, pat, p.op)
    }
    case '/':
    case '//': {
      const pat = p.arg ? yield* expandPattern(sh, p.arg) : ''
      const rep = p.arg2 ? yield* expandString(sh, p.arg2) : ''
      return replace(v, pat, rep, p.op === '//')
    }
    case 'sub': {
      const off = Number(arith(sh, p.arg ? yield* expandString(sh, p.arg) : ''))
      const len = p.arg2 ? Number(arith(sh, yield* expandString(sh, p.arg2))) : undefined
      return substring(v, off, len)
    }
  }
  return v
}

function removeAffix(v: string, pat: string, op: string): string {
  const n = v.length
  switch (op) {
    case '#':
      for (let i = 0; i <= n; i++) if (matches(pat, v.slice(0, i))) return v.slice(i)
      return v
    case '##':
      for (let i = n; i >= 0; i--) if (matches(pat, v.slice(0, i))) return v.slice(i)
      return v
    case '%':
      for (let i = n; i >= 0; i--) if (matches(pat, v.slice(i))) return v.slice(0, i)
      return v
    default:
      for (let i = 0; i <= n; i++) if (matches(pat, v.slice(i))) return v.slice(0, i)
      return v
  }
}

function replace(v: string, pat: string, rep: string, all: boolean): string {
  if (!pat) return v
  let out = ''
  let i = 0
  while (i <= v.length) {
    let found = -1
    for (let j = v.length; j > i; j--) {
      if (matches(pat, v.slice(i, j))) {
        found = j
        break
      }
    }
    if (found < 0) {
      if (i < v.length) out += v[i]
      i++
      continue
    }
    out += rep
    i = found
    if (!all) return out + v.slice(i)
  }
  return out
}

function substring(v: string, off: number, len: number | undefined): string {
  let start = off < 0 ? Math.max(0, v.length + off) : Math.min(off, v.length)
  if (off < 0 && v.length + off < 0) start = v.length
  if (len === undefined) return v.slice(start)
  const end = len < 0 ? v.length + len : start + len
  return end <= start ? '' : v.slice(start, end)
}

