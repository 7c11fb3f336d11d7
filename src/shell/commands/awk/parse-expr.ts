// awk expressions with POSIX awk's precedence (?: || && in ~ relational concatenation
// + * unary ^ postfix), implicit concatenation, the getline forms, and the `>` that
// print takes as redirection. Statements are in parser.ts. Upstream: POSIX awk grammar.
import type { Expr } from './ast.ts'
import { AwkSyntaxError, tokenText, type Tok } from './lexer.ts'
import { TokenCursor } from '../util/cursor.ts'

const ASSIGN_OPS = ['=', '+=', '-=', '*=', '/=', '%=', '^=']
const RELATIONAL = ['<', '<=', '==', '!=', '>=', '>']
/** In print's arguments `>` is a redirection. */
const RELATIONAL_NO_GT = RELATIONAL.filter((op) => op !== '>')
const INCDEC = ['++', '--']
const MATCH = ['~', '!~']

export abstract class ExprParser extends TokenCursor<Tok> {
  /** A plain `getline` reads the main input (which then cannot be streamed line by line). */
  protected mainGetline = false

  /** busybox awk has one message for every syntax error. */
  protected unexpected(): never {
    const tok = this.peek()
    throw new AwkSyntaxError('Unexpected token', tok.line, tokenText(tok))
  }

  protected nls(): void {
    while (this.peek().t === 'nl') this.i++
  }

  /** A variable or array name (function parameters, `in`, `delete`). */
  protected name(): string {
    const n = this.peek()
    if (n.t !== 'name') this.unexpected()
    this.i++
    return n.v
  }

  protected exprList(close: string, allowEmpty = true): Expr[] {
    const out: Expr[] = []
    this.nls()
    if (allowEmpty && this.eatOp(close)) return out
    for (;;) {
      out.push(this.expr())
      this.nls()
      if (!this.eatOp(',')) break
      this.nls()
    }
    this.expectOp(close)
    return out
  }

  expr(noGt = false): Expr {
    return this.ternary(noGt)
  }

  private isLvalue(e: Expr): boolean {
    return e.t === 'var' || e.t === 'field' || e.t === 'elem'
  }

  private ternary(noGt: boolean): Expr {
    const test = this.or(noGt)
    const op = this.isLvalue(test) ? this.takeOp(ASSIGN_OPS) : null
    if (op) {
      this.nls()
      return { t: 'assign', op, target: test, value: this.ternary(noGt) }
    }
    if (!this.eatOp('?')) return test
    this.nls()
    const yes = this.ternary(noGt)
    this.nls()
    this.expectOp(':')
    this.nls()
    return { t: 'cond', test, yes, no: this.ternary(noGt) }
  }

  private or(noGt: boolean): Expr {
    let left = this.and(noGt)
    while (this.eatOp('||')) {
      this.nls()
      left = { t: 'or', left, right: this.and(noGt) }
    }
    return left
  }

  private and(noGt: boolean): Expr {
    let left = this.inExpr(noGt)
    while (this.eatOp('&&')) {
      this.nls()
      left = { t: 'and', left, right: this.inExpr(noGt) }
    }
    return left
  }

  private inExpr(noGt: boolean): Expr {
    let left = this.matchExpr(noGt)
    while (this.eatKw('in')) left = { t: 'in', keys: [left], name: this.name() }
    return left
  }

  private matchExpr(noGt: boolean): Expr {
    let left = this.rel(noGt)
    for (let op = this.takeOp(MATCH); op; op = this.takeOp(MATCH)) left = { t: 'match', neg: op === '!~', left, re: this.rel(noGt) }
    return left
  }

  private rel(noGt: boolean): Expr {
    let left = this.concat()
    for (;;) {
      if (this.isOp('|') && this.isKw('getline', 1)) {
        this.i += 2
        left = { t: 'getline', target: this.optLvalue(), file: null, cmd: left }
        continue
      }
      const op = this.takeOp(noGt ? RELATIONAL_NO_GT : RELATIONAL)
      if (!op) return left
      left = { t: 'bin', op, left, right: this.concat() }
    }
  }

  /** An operand starts here, so it is concatenated (a `-` or `+` here is binary). */
  private startsOperand(): boolean {
    const t = this.peek()
    if (t.t === 'num' || t.t === 'str' || t.t === 'ere' || t.t === 'name' || t.t === 'funcname' || t.t === 'builtin') return true
    return t.t === 'op' && ['$', '!', '(', '++', '--'].includes(t.v)
  }

  protected concat(): Expr {
    let left = this.additive()
    while (this.startsOperand()) left = { t: 'concat', left, right: this.additive() }
    return left
  }

  private additive(): Expr {
    return this.binops(['+', '-'], () => this.mul())
  }

  private mul(): Expr {
    return this.binops(['*', '/', '%'], () => this.unary())
  }

  /** Left-associative arithmetic over `operand`s. */
  private binops(ops: readonly string[], operand: () => Expr): Expr {
    let left = operand()
    for (let op = this.takeOp(ops); op; op = this.takeOp(ops)) left = { t: 'bin', op, left, right: operand() }
    return left
  }

  private unary(): Expr {
    const op = this.takeOp(['!', '-', '+'])
    return op ? { t: 'unary', op, arg: this.unary() } : this.pow()
  }

  /** `^` is right-associative and binds tighter than a unary operator on its left. */
  private pow(): Expr {
    const base = this.postfix()
    if (!this.eatOp('^')) return base
    const exp = this.isAnyOp(['-', '+', '!']) ? this.unary() : this.pow()
    return { t: 'bin', op: '^', left: base, right: exp }
  }

  private postfix(): Expr {
    const e = this.primary()
    const op = this.isLvalue(e) ? this.takeOp(INCDEC) : null
    return op ? { t: 'incdec', op, prefix: false, target: e } : e
  }

  private optLvalue(): Expr | null {
    const t = this.peek()
    if (t.t === 'name' || (t.t === 'op' && t.v === '$')) return this.primary()
    return null
  }

  private primary(): Expr {
    const t = this.peek()
    switch (t.t) {
      case 'num':
        this.i++
        return { t: 'num', v: t.v }
      case 'str':
        this.i++
        return { t: 'str', v: t.v }
      case 'ere':
        this.i++
        return { t: 'ere', v: t.v }
      case 'name':
        this.i++
        if (this.eatOp('[')) return { t: 'elem', name: t.v, keys: this.exprList(']', false) }
        return { t: 'var', name: t.v }
      case 'funcname':
        this.i++
        this.expectOp('(')
        return { t: 'call', name: t.v, args: this.exprList(')') }
      case 'builtin':
        this.i++
        if (this.eatOp('(')) return { t: 'builtin', name: t.v, args: this.exprList(')') }
        if (t.v !== 'length') this.unexpected()
        return { t: 'builtin', name: t.v, args: [] }
      case 'kw':
        if (t.v === 'getline') return this.getline()
        break
      case 'op':
        return this.opPrimary()
    }
    this.unexpected()
  }

  private opPrimary(): Expr {
    if (this.eatOp('$')) return { t: 'field', index: this.fieldIndex() }
    const op = this.takeOp(INCDEC)
    if (op) {
      const target = this.primary()
      if (!this.isLvalue(target)) this.unexpected()
      return { t: 'incdec', op, prefix: true, target }
    }
    if (this.eatOp('(')) return this.group()
    if (this.isAnyOp(['-', '+', '!'])) return this.unary()
    this.unexpected()
  }

  /** What follows `$`: `$++i`, `$-1` (an error when it runs), or an operand. */
  private fieldIndex(): Expr {
    const op = this.takeOp(INCDEC)
    if (op) return { t: 'incdec', op, prefix: true, target: this.primary() }
    if (this.eatOp('-')) return { t: 'unary', op: '-', arg: this.primary() }
    return this.primary()
  }

  /** `(e)`, or `(a, b) in name`. */
  private group(): Expr {
    const list = this.exprList(')', false)
    if (list.length === 1) return { t: 'group', expr: list[0] }
    this.expectKw('in')
    return { t: 'in', keys: list, name: this.name() }
  }

  /** getline [lvalue] [< file]; `cmd | getline` is in rel(). */
  private getline(): Expr {
    this.i++
    const target = this.optLvalue()
    if (this.eatOp('<')) return { t: 'getline', target, file: this.primary(), cmd: null }
    this.mainGetline = true
    return { t: 'getline', target, file: null, cmd: null }
  }
}
