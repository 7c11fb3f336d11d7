// Running bash's own compound commands: (( expr )) (status 0 when non-zero),
// for (( ; ; )), and [[ ]] (no splitting or globbing; == and != match patterns,
// =~ a regex with BASH_REMATCH, -eq and friends evaluate arithmetic).
import type { Wait } from '../api.ts'
import type { ArithCmd, CFor, CondCmd, CondExpr } from '../parse/ast.ts'
import { fileTest, intTest, newer } from '../builtins/test.ts'
import { arith } from './expand.ts'
import { expandPattern, expandString } from './expand-async.ts'
import { runList } from './exec.ts'
import { matches } from './pattern.ts'
import { PREEMPT, type Gen } from './sched.ts'
import type { Sh } from './sh.ts'

export function* runArithCmd(sh: Sh, node: ArithCmd): Gen {
  return arith(sh, yield* expandString(sh, node.expr)) === '0' ? 1 : 0
}

export function* runCFor(sh: Sh, node: CFor): Gen {
  let status = 0
  arith(sh, yield* expandString(sh, node.init))
  sh.loopDepth++
  try {
    for (;;) {
      if (sh.p.sched.tick()) yield PREEMPT
      const cond = yield* expandString(sh, node.cond)
      if (cond.trim() && arith(sh, cond) === '0') break
      status = yield* runList(sh, node.body)
      const s = sh.skip
      if (s) {
        if (s.kind === 'return' || --s.n > 0) break
        sh.skip = null
        if (s.kind === 'break') break
      }
      arith(sh, yield* expandString(sh, node.step))
    }
  } finally {
    sh.loopDepth--
  }
  return status
}

class BadRegex {}

export function* runCond(sh: Sh, node: CondCmd): Gen {
  try {
    return (yield* evaluate(sh, node.expr)) ? 0 : 1
  } catch (e) {
    if (e instanceof BadRegex) return 2
    throw e
  }
}

function* evaluate(sh: Sh, e: CondExpr): Generator<Wait, boolean, void> {
  switch (e.k) {
    case 'and':
      return (yield* evaluate(sh, e.a)) && (yield* evaluate(sh, e.b))
    case 'or':
      return (yield* evaluate(sh, e.a)) || (yield* evaluate(sh, e.b))
    case 'not':
      return !(yield* evaluate(sh, e.a))
    case 'word':
      return (yield* expandString(sh, e.w)) !== ''
    case 'unary':
      return fileTest({ fs: sh.p.fs, cwd: sh.cwd }, e.op === '-a' ? '-e' : e.op, yield* expandString(sh, e.arg))
  }
  const l = yield* expandString(sh, e.left)
  switch (e.op) {
    case '==':
    case '=':
      return matches(yield* expandPattern(sh, e.right), l)
    case '!=':
      return !matches(yield* expandPattern(sh, e.right), l)
    case '=~':
      return regex(sh, l, yield* expandString(sh, e.right))
    case '<':
      return l < (yield* expandString(sh, e.right))
    case '>':
      return l > (yield* expandString(sh, e.right))
    case '-nt':
      return newer({ fs: sh.p.fs, cwd: sh.cwd }, l, yield* expandString(sh, e.right))
    case '-ot':
      return newer({ fs: sh.p.fs, cwd: sh.cwd }, yield* expandString(sh, e.right), l)
    case '-ef':
      return false
  }
  const a = BigInt(arith(sh, l))
  const b = BigInt(arith(sh, yield* expandString(sh, e.right)))
  return intTest(e.op, a, b)
}

function regex(sh: Sh, s: string, re: string): boolean {
  let compiled: RegExp
  try {
    compiled = new RegExp(re)
  } catch {
    throw new BadRegex()
  }
  const m = compiled.exec(s)
  if (m) sh.set('BASH_REMATCH', m[0])
  else sh.unset('BASH_REMATCH')
  return m !== null
}
