// bash's own compound commands, parsed only in bash mode (busybox ash rejects
// them): (( expr )), for (( init; cond; step )) and [[ expression ]] with its
// operators && || ! ( ) and the unquoted regex after =~ (bash manual 3.2.5.2).
import type { CondExpr, Cmd, Word } from './ast.ts'
import type { Parser } from './parser.ts'
import type { Tok } from './tokens.ts'

const UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-z', '-n', '-o', '-v'])
const BINARY = new Set(['==', '=', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef'])

/** After the parser consumed "(" and the source continues with "(": the text up to "))". */
function readDoubleParen(p: Parser): string {
  const start = p.pos + 1
  const end = p.arithEndAt(start)
  if (end < 0) p.fail("missing '))'", true)
  p.pos = end + 2
  return p.src.slice(start, end)
}

export function parseArithCmd(p: Parser, line: number): Cmd {
  p.next()
  const expr = p.expansionWord(readDoubleParen(p))
  return { k: 'arithcmd', line, expr, redirs: p.parseRedirs() }
}

/** for (( init; cond; step )) [;] do … done, after "for" (the next token is "("). */
export function parseCFor(p: Parser, line: number): Cmd {
  p.next()
  const pieces = splitTop(readDoubleParen(p), ';')
  if (pieces.length !== 3) p.fail('arithmetic expression required', false)
  const [init, cond, step] = pieces.map((s) => p.expansionWord(s))
  if (p.isOp(p.peek(), ';')) p.next()
  p.skipNewlines()
  p.expectWord('do')
  const body = p.parseBody('done')
  p.next()
  return { k: 'cfor', line, init, cond, step, body, redirs: p.parseRedirs() }
}

function splitTop(s: string, sep: string): string[] {
  const out: string[] = []
  let depth = 0
  let from = 0
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++
    else if (s[i] === ')') depth--
    else if (s[i] === sep && depth === 0) {
      out.push(s.slice(from, i))
      from = i + 1
    }
  }
  out.push(s.slice(from))
  return out
}

/** [[ … ]] after the "[[" word was consumed. */
export function parseCond(p: Parser, line: number): Cmd {
  const expr = orExpr(p)
  const t = p.next()
  if (!p.isWord(t, ']]')) p.unexpected(t, ']]')
  return { k: 'cond', line, expr, redirs: p.parseRedirs() }
}

function orExpr(p: Parser): CondExpr {
  let a = andExpr(p)
  while (p.isOp(p.peek(), '||')) {
    p.next()
    p.skipNewlines()
    a = { k: 'or', a, b: andExpr(p) }
  }
  return a
}

function andExpr(p: Parser): CondExpr {
  let a = notExpr(p)
  while (p.isOp(p.peek(), '&&')) {
    p.next()
    p.skipNewlines()
    a = { k: 'and', a, b: notExpr(p) }
  }
  return a
}

function notExpr(p: Parser): CondExpr {
  if (p.isWord(p.peek(), '!')) {
    p.next()
    return { k: 'not', a: notExpr(p) }
  }
  return primary(p)
}

function primary(p: Parser): CondExpr {
  const t = p.next()
  if (p.isOp(t, '(')) {
    const e = orExpr(p)
    const c = p.next()
    if (!p.isOp(c, ')')) p.unexpected(c, ')')
    return e
  }
  const first = operand(p, t)
  const n = p.peek()
  const opText = n.t === 'word' ? n.raw : n.t === 'op' && (n.v === '<' || n.v === '>') ? n.v : undefined
  if (opText !== undefined && BINARY.has(opText)) {
    p.next()
    const right = opText === '=~' ? p.readRegexWord() : operand(p, p.next())
    return { k: 'binary', op: opText, left: first, right }
  }
  if (t.t === 'word' && t.raw !== undefined && UNARY.has(t.raw) && !(n.t === 'word' && n.raw === ']]')) {
    return { k: 'unary', op: t.raw, arg: operand(p, p.next()) }
  }
  return { k: 'word', w: first }
}

function operand(p: Parser, t: Tok): Word {
  if (t.t !== 'word' || t.raw === ']]') p.unexpected(t)
  return t.w
}
