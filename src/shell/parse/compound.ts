// Compound commands of the grammar (ash's parser.c: if, while/until, for,
// case, the bash-compatible `function` keyword), parsed with the Parser's tokens.
import type { CaseItem, Cmd, List, Word } from './ast.ts'
import { parseCFor } from './bash.ts'
import type { Parser } from './parser.ts'
import { ParseError } from './tokens.ts'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}'])

export function parseIf(p: Parser): Cmd {
  const line = p.next().line
  const clauses: { cond: List; body: List }[] = []
  let elseBody: List | undefined
  for (;;) {
    const cond = p.parseBody('then')
    p.next()
    const body = parseCompoundUntil(p, ['elif', 'else', 'fi'], 'fi')
    clauses.push({ cond, body })
    const t = p.next()
    if (t.t === 'word' && t.raw === 'elif') continue
    if (t.t === 'word' && t.raw === 'else') {
      elseBody = p.parseBody('fi')
      p.next()
    }
    break
  }
  return { k: 'if', line, clauses, else: elseBody, redirs: p.parseRedirs() }
}

function parseCompoundUntil(p: Parser, closers: string[], expecting: string): List {
  p.skipNewlines()
  const n = p.peek()
  if (n.t === 'word' && n.raw !== undefined && CLOSERS.has(n.raw)) p.unexpected(n)
  if (n.t === 'eof') p.unexpected(n, expecting)
  const body = p.parseCompoundList()
  const e = p.peek()
  if (!(e.t === 'word' && e.raw !== undefined && closers.includes(e.raw))) p.unexpected(e, expecting)
  return body
}

export function parseLoop(p: Parser, kind: 'while' | 'until'): Cmd {
  const line = p.next().line
  const cond = p.parseBody('do')
  p.next()
  const body = p.parseBody('done')
  p.next()
  return { k: kind, line, cond, body, redirs: p.parseRedirs() }
}

export function parseFor(p: Parser): Cmd {
  const line = p.next().line
  if (p.bash && p.isOp(p.peek(), '(') && p.src[p.pos] === '(') return parseCFor(p, line)
  const nt = p.next()
  if (nt.t !== 'word' || nt.raw === undefined || !NAME.test(nt.raw)) throw new ParseError('syntax error: bad for loop variable', nt.line, nt.t === 'eof')
  const name = nt.raw
  let items: Word[] | undefined
  p.skipNewlines()
  if (p.isWord(p.peek(), 'in')) {
    p.next()
    items = []
    for (;;) {
      const t = p.peek()
      if (t.t !== 'word') break
      items.push(t.w)
      p.next()
    }
    const sep = p.next()
    if (!(p.isOp(sep, ';') || sep.t === 'nl')) p.unexpected(sep)
  } else if (p.isOp(p.peek(), ';')) p.next()
  p.skipNewlines()
  p.expectWord('do')
  const body = p.parseBody('done')
  p.next()
  return { k: 'for', line, name, items, body, redirs: p.parseRedirs() }
}

export function parseCase(p: Parser): Cmd {
  const line = p.next().line
  const wt = p.next()
  if (wt.t !== 'word') p.unexpected(wt)
  p.skipNewlines()
  p.expectWord('in')
  const items: CaseItem[] = []
  for (;;) {
    p.skipNewlines()
    if (p.isWord(p.peek(), 'esac')) {
      p.next()
      break
    }
    if (p.isOp(p.peek(), '(')) p.next()
    const patterns: Word[] = []
    for (;;) {
      const pt = p.next()
      if (pt.t !== 'word') p.unexpected(pt, ')')
      patterns.push(pt.w)
      const sep = p.next()
      if (p.isOp(sep, ')')) break
      if (!p.isOp(sep, '|')) p.unexpected(sep, ')')
    }
    const item: CaseItem = { patterns }
    p.skipNewlines()
    const n = p.peek()
    if (!p.isOp(n, ';;') && !p.isWord(n, 'esac')) item.body = p.parseCompoundList()
    items.push(item)
    const e = p.next()
    if (p.isWord(e, 'esac')) break
    if (!p.isOp(e, ';;')) p.unexpected(e, ';;')
  }
  return { k: 'case', line, word: wt.w, items, redirs: p.parseRedirs() }
}

export function parseFunctionKeyword(p: Parser): Cmd {
  const line = p.next().line
  const nt = p.next()
  if (nt.t !== 'word' || nt.raw === undefined) p.unexpected(nt)
  if (p.isOp(p.peek(), '(')) {
    p.next()
    p.expectOp(')')
  }
  return p.finishFunction(nt.raw, line)
}
