// Word expansion for words that hold a command substitution: the same steps as
// expand.ts, as generators, because the substituted commands may wait (sleep,
// a pipeline, kubectl). Parts without a substitution go to the sync code.
import type { Wait } from '../api.ts'
import type { ParamPart, Part, Word } from '../parse/ast.ts'
import { braceExpand } from '../parse/braces.ts'
import {
  allParams, arith, assignDefault, fieldsSync, isNull, lengthOf, nullError, openQuote, partsSync, patternSync, removeAffix,
  replace, stringSync, substring, tilde, unsetValue,
} from './expand.ts'
import { Builder } from './fields.ts'
import { paramValue } from './params.ts'
import type { Sh } from './sh.ts'
import { commandSubst } from './subst.ts'

type ExpGen<T> = Generator<Wait, T, void>

export function* expandFields(sh: Sh, words: Word[]): ExpGen<string[]> {
  const b = new Builder(sh, 'fields')
  for (const w0 of words) {
    for (const w of (w0.brace && sh.flavor === 'bash' ? braceExpand(w0) : null) ?? [w0]) {
      if (w.sync) {
        b.out.push(...fieldsSync(sh, [w]))
        continue
      }
      yield* partsAsync(sh, w.parts, b, false, false)
      b.end(false)
    }
  }
  return b.out
}

export function* expandString(sh: Sh, w: Word): ExpGen<string> {
  if (w.sync) return stringSync(sh, w)
  const b = new Builder(sh, 'string')
  yield* partsAsync(sh, w.parts, b, false, false)
  return b.cur
}

export function* expandPattern(sh: Sh, w: Word): ExpGen<string> {
  if (w.sync) return patternSync(sh, w)
  const b = new Builder(sh, 'pattern')
  yield* partsAsync(sh, w.parts, b, false, false)
  return b.pat
}

function isSync(p: Part): boolean {
  switch (p.k) {
    case 'cmd':
      return false
    case 'dq':
      return p.parts.every(isSync)
    case 'param':
      return (!p.arg || p.arg.sync) && (!p.arg2 || p.arg2.sync)
    case 'arith':
      return p.expr.sync
    default:
      return true
  }
}

function* partsAsync(sh: Sh, parts: Part[], b: Builder, inDq: boolean, inArg: boolean): ExpGen<void> {
  for (const p of parts) {
    if (isSync(p)) {
      partsSync(sh, [p], b, inDq, inArg)
      continue
    }
    switch (p.k) {
      case 'cmd':
        b.expanded(yield* commandSubst(sh, p.body), inDq)
        break
      case 'dq':
        openQuote(sh, p.parts, b)
        yield* partsAsync(sh, p.parts, b, true, inArg)
        break
      case 'param':
        yield* paramAsync(sh, p, b, inDq)
        break
      case 'arith':
        b.expanded(arith(sh, yield* expandString(sh, p.expr)), inDq)
        break
      case 'tilde':
        b.quoted(tilde(sh, p.user))
        break
    }
  }
}

function* paramAsync(sh: Sh, p: ParamPart, b: Builder, inDq: boolean): ExpGen<void> {
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
        if (p.arg) yield* partsAsync(sh, p.arg.parts, b, inDq, true)
      } else if (p.op === '-') b.expanded(value ?? '', inDq)
      return
    case '=':
      return b.expanded(isNull(p, value) ? assignDefault(sh, name, p.arg ? yield* expandString(sh, p.arg) : '') : (value ?? ''), inDq)
    case '?':
      if (isNull(p, value)) nullError(sh, p, p.arg ? yield* expandString(sh, p.arg) : '')
      return b.expanded(value ?? '', inDq)
    case '#':
    case '##':
    case '%':
    case '%%':
      return b.expanded(removeAffix(value ?? unsetValue(sh, name), p.arg ? yield* expandPattern(sh, p.arg) : '', p.op), inDq)
    case '/':
    case '//': {
      const pat = p.arg ? yield* expandPattern(sh, p.arg) : ''
      const rep = p.arg2 ? yield* expandString(sh, p.arg2) : ''
      return b.expanded(replace(value ?? unsetValue(sh, name), pat, rep, p.op === '//'), inDq)
    }
    case 'sub': {
      const off = Number(arith(sh, p.arg ? yield* expandString(sh, p.arg) : ''))
      const len = p.arg2 ? Number(arith(sh, yield* expandString(sh, p.arg2))) : undefined
      return b.expanded(substring(value ?? unsetValue(sh, name), off, len), inDq)
    }
  }
}
