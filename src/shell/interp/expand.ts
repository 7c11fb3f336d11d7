// Word expansion (POSIX 2.6, as ash does it) for words without a command
// substitution, synchronously: tilde, parameters, arithmetic, splitting, globbing,
// quote removal. expand-async.ts handles words holding $( … ), which may wait.
import type { ParamPart, Part, Word } from '../parse/ast.ts'
import { braceExpand } from '../parse/braces.ts'
import { ArithError, evalArith } from './arith.ts'
import { ShellError } from './control.ts'
import { Builder, plainValue } from './fields.ts'
import { matches } from './pattern.ts'
import { paramValue } from './params.ts'
import type { Sh } from './sh.ts'

/** Expand command words (none with a command substitution) into fields. */
export function fieldsSync(sh: Sh, words: Word[]): string[] {
  const b = new Builder(sh, 'fields')
  for (const w of words) {
    const alts = w.brace && sh.flavor === 'bash' ? braceExpand(w) : null
    if (alts) for (const a of alts) wordSync(sh, a, b)
    else wordSync(sh, w, b)
  }
  return b.out
}

function wordSync(sh: Sh, w: Word, b: Builder): void {
  if (w.lit !== undefined) {
    b.out.push(w.lit)
    return
  }
  const v = w.param === undefined ? undefined : sh.get(w.param)
  if (v !== undefined && plainValue(sh, v)) b.out.push(v)
  else if (w.param !== undefined) {
    b.expanded(v ?? unsetValue(sh, w.param), false)
    b.end(false)
  } else {
    partsSync(sh, w.parts, b, false, false)
    b.end(false)
  }
}

/** A word as one string: no field splitting, no pathname expansion. */
export function stringSync(sh: Sh, w: Word): string {
  if (w.lit !== undefined) return w.lit
  if (w.arith !== undefined) return arith(sh, w.arith)
  if (w.param !== undefined) {
    const v = sh.get(w.param)
    if (v !== undefined) return v
  }
  const b = new Builder(sh, 'string')
  partsSync(sh, w.parts, b, false, false)
  return b.cur
}

/** A word as a pattern: quoted characters escaped, unquoted ones active. */
export function patternSync(sh: Sh, w: Word): string {
  const b = new Builder(sh, 'pattern')
  partsSync(sh, w.parts, b, false, false)
  return b.pat
}

/** Append the expansion of sync parts; `inArg`: inside ${v-word}, where unquoted text splits. */
export function partsSync(sh: Sh, parts: Part[], b: Builder, inDq: boolean, inArg: boolean): void {
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
        openQuote(sh, p.parts, b)
        partsSync(sh, p.parts, b, true, inArg)
        break
      case 'tilde':
        b.quoted(tilde(sh, p.user))
        break
      case 'param':
        paramSync(sh, p, b, inDq)
        break
      case 'arith':
        b.expanded(arith(sh, stringSync(sh, p.expr)), inDq)
        break
      case 'cmd':
        throw new Error('command substitution in a word marked sync')
    }
  }
}

/** A double-quoted part makes a field even when empty, except "$@" with no parameters. */
export function openQuote(sh: Sh, parts: Part[], b: Builder): void {
  const p = parts[0]
  if (parts.length === 1 && p.k === 'param' && p.name === '@' && p.op === '' && !sh.positional.length) return
  b.quoted('')
}

export function tilde(sh: Sh, user: string): string {
  if (!user) return sh.vars.get('HOME') ?? '/'
  let passwd: string
  try {
    passwd = sh.p.fs.readFile('/etc/passwd')
  } catch {
    return user === 'root' ? '/root' : '~' + user
  }
  for (const line of passwd.split('\n')) {
    const f = line.split(':')
    if (f[0] === user && f.length >= 6) return f[5]
  }
  return '~' + user
}

/** Evaluate an arithmetic expression text, reporting errors as ash does. */
export function arith(sh: Sh, text: string): string {
  try {
    return String(evalArith(text, sh))
  } catch (e) {
    if (!(e instanceof ArithError)) throw e
    if (sh.flavor === 'dash') sh.error(`arithmetic expression: ${e.message === 'divide by zero' ? 'division by zero' : 'expecting primary'}: "${text}"`)
    else sh.error(e.message)
    throw new ShellError(2)
  }
}

function paramSync(sh: Sh, p: ParamPart, b: Builder, inDq: boolean): void {
  const name = p.name
  if (p.op === '' && (name === '@' || name === '*')) return allParams(sh, name, b, inDq)
  const value = paramValue(sh, name)
  switch (p.op) {
    case '':
      return b.expanded(value ?? unsetValue(sh, name), inDq)
    case 'len':
      return b.expanded(lengthOf(sh, name, value), inDq)
    case '-':
    case '+':
      if (p.op === '-' ? isNull(p, value) : !isNull(p, value)) {
        if (p.arg) partsSync(sh, p.arg.parts, b, inDq, true)
      } else if (p.op === '-') b.expanded(value ?? '', inDq)
      return
    case '=':
      return b.expanded(isNull(p, value) ? assignDefault(sh, name, p.arg ? stringSync(sh, p.arg) : '') : (value ?? ''), inDq)
    case '?':
      if (isNull(p, value)) nullError(sh, p, p.arg ? stringSync(sh, p.arg) : '')
      return b.expanded(value ?? '', inDq)
    case '#':
    case '##':
    case '%':
    case '%%':
      return b.expanded(removeAffix(value ?? unsetValue(sh, name), p.arg ? patternSync(sh, p.arg) : '', p.op), inDq)
    case '/':
    case '//':
      return b.expanded(
        replace(value ?? unsetValue(sh, name), p.arg ? patternSync(sh, p.arg) : '', p.arg2 ? stringSync(sh, p.arg2) : '', p.op === '//'),
        inDq,
      )
    case 'sub':
      return b.expanded(
        substring(value ?? unsetValue(sh, name), Number(arith(sh, p.arg ? stringSync(sh, p.arg) : '')), p.arg2 ? Number(arith(sh, stringSync(sh, p.arg2))) : undefined),
        inDq,
      )
  }
}

export function isNull(p: ParamPart, value: string | undefined): boolean {
  return value === undefined || (p.colon && value === '')
}

export function lengthOf(sh: Sh, name: string, value: string | undefined): string {
  if (name === '@' || name === '*') return String(sh.positional.join(' ').length)
  return String((value ?? unsetValue(sh, name)).length)
}

export function assignDefault(sh: Sh, name: string, v: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    sh.error(`${name}: bad variable name`)
    throw new ShellError(2)
  }
  sh.set(name, v)
  return v
}

export function nullError(sh: Sh, p: ParamPart, msg: string): never {
  const dflt = p.colon ? (sh.flavor === 'bash' ? 'parameter null or not set' : 'parameter not set or null') : 'parameter not set'
  sh.error(`${p.name}: ${msg || dflt}`)
  throw new ShellError(2)
}

/** An unset parameter expands to '' unless set -u is on. */
export function unsetValue(sh: Sh, name: string): string {
  if (sh.opts.u && name !== '@' && name !== '*') {
    sh.error(`${name}: ${sh.flavor === 'bash' ? 'unbound variable' : 'parameter not set'}`)
    throw new ShellError(2)
  }
  return ''
}

export function allParams(sh: Sh, name: string, b: Builder, inDq: boolean): void {
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

export function removeAffix(v: string, pat: string, op: string): string {
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

/** ${v/p/r} and ${v//p/r}: the longest match at the leftmost position. */
export function replace(v: string, pat: string, rep: string, all: boolean): string {
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

/** ${v:off:len}; a negative offset counts from the end (clamped to 0), a negative length too. */
export function substring(v: string, off: number, len: number | undefined): string {
  const start = off < 0 ? Math.max(0, v.length + off) : Math.min(off, v.length)
  if (len === undefined) return v.slice(start)
  const end = len < 0 ? v.length + len : start + len
  return end <= start ? '' : v.slice(start, end)
}
