// A recursive-descent parser for POSIX awk (as busybox awk accepts it): pattern-action
// rules, functions, statements, and expressions with awk's precedence, implicit
// concatenation and the `>` of print redirection. Upstream: POSIX awk grammar.
import type { Expr, Func, Program, Redirect, Rule, Stmt } from './ast.ts'
import { AwkSyntaxError, lex, type Tok } from './lexer.ts'

export class Parser {
  private toks: Tok[]
  private i = 0
  private mainGetline = false

  constructor(src: string) {
    this.toks = lex(src)
  }

  static parse(src: string): Program {
    return new Parser(src).program()
  }

  private peek(k = 0): Tok {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)]
  }

  private isOp(v: string, k = 0): boolean {
    const t = this.peek(k)
    return t.t === 'op' && t.v === v
  }

  private isKw(v: string): boolean {
    const t = this.peek()
    return t.t === 'kw' && t.v === v
  }

  private fail(): never {
    const t = this.peek()
    throw new AwkSyntaxError('Unexpected token', t.line)
  }

  private expectOp(v: string): void {
    if (!this.isOp(v)) this.fail()
    this.i++
  }

  private nls(): void {
    while (this.peek().t === 'nl') this.i++
  }

  private terminators(): void {
    while (this.peek().t === 'nl' || this.isOp(';')) this.i++
  }

  program(): Program {
    const rules: Rule[] = []
    const funcs = new Map<string, Func>()
    this.terminators()
    while (this.peek().t !== 'eof') {
      if (this.isKw('function')) {
        const f = this.func()
        funcs.set(f.name, f)
      } else rules.push(this.rule())
      this.terminators()
    }
    return { rules, funcs, mainGetline: this.mainGetline }
  }

  private func(): Func {
    this.i++
    const name = this.peek()
    if (name.t !== 'name' && name.t !== 'funcname') this.fail()
    this.i++
    this.expectOp('(')
    const params: string[] = []
    while (!this.isOp(')')) {
      const p = this.peek()
      if (p.t !== 'name') this.fail()
      params.push(p.v)
      this.i++
      if (this.isOp(',')) {
        this.i++
        this.nls()
      } else if (!this.isOp(')')) this.fail()
    }
    this.i++
    this.nls()
    return { name: name.v, params, body: this.block() }
  }

  private rule(): Rule {
    if (this.isKw('BEGIN') || this.isKw('END')) {
      const kind = (this.peek() as { v: 'BEGIN' | 'END' }).v
      this.i++
      if (!this.isOp('{')) this.fail()
      return { kind, pattern: null, range: null, action: this.block() }
    }
    let pattern: Expr | null = null
    let range: Expr | null = null
    if (!this.isOp('{')) {
      pattern = this.expr()
      if (this.isOp(',')) {
        this.i++
        this.nls()
        range = this.expr()
      }
    }
    const action = this.isOp('{') ? this.block() : null
    return { kind: 'main', pattern, range, action }
  }

  private block(): Stmt[] {
    this.expectOp('{')
    const body: Stmt[] = []
    this.terminators()
    while (!this.isOp('}')) {
      if (this.peek().t === 'eof') this.fail()
      body.push(this.statement())
      this.terminators()
    }
    this.i++
    return body
  }

  private simpleEnd(): void {
    if (this.isOp(';') || this.peek().t === 'nl') {
      this.i++
      return
    }
    if (this.isOp('}') || this.peek().t === 'eof') return
    this.fail()
  }

  private bodyStmt(): Stmt {
    this.nls()
    if (this.isOp(';')) {
      this.i++
      return { t: 'block', body: [] }
    }
    return this.statement()
  }

  private statement(): Stmt {
    const t = this.peek()
    if (t.t === 'op' && t.v === '{') return { t: 'block', body: this.block() }
    if (t.t === 'kw') {
      switch (t.v) {
        case 'if': {
          this.i++
          this.expectOp('(')
          const test = this.expr()
          this.expectOp(')')
          const then = this.bodyStmt()
          const save = this.i
          this.terminators()
          if (this.isKw('else')) {
            this.i++
            return { t: 'if', test, then, else: this.bodyStmt() }
          }
          this.i = save
          return { t: 'if', test, then, else: null }
        }
        case 'while': {
          this.i++
          this.expectOp('(')
          const test = this.expr()
          this.expectOp(')')
          if (this.isOp(';')) {
            this.i++
            return { t: 'while', test, body: { t: 'block', body: [] } }
          }
          return { t: 'while', test, body: this.bodyStmt() }
        }
        case 'do': {
          this.i++
          const body = this.bodyStmt()
          this.terminators()
          if (!this.isKw('while')) this.fail()
          this.i++
          this.expectOp('(')
          const test = this.expr()
          this.expectOp(')')
          this.simpleEnd()
          return { t: 'do', body, test }
        }
        case 'for':
          return this.forStmt()
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          this.i++
          this.simpleEnd()
          return { t: t.v }
        case 'exit':
        case 'return': {
          this.i++
          const e = this.isOp(';') || this.isOp('}') || this.peek().t === 'nl' || this.peek().t === 'eof' ? null : this.expr()
          this.simpleEnd()
          return { t: t.v, e }
        }
        case 'delete': {
          this.i++
          const n = this.peek()
          if (n.t !== 'name') this.fail()
          this.i++
          let keys: Expr[] | null = null
          if (this.isOp('[')) {
            this.i++
            keys = this.exprList(']')
          }
          this.simpleEnd()
          return { t: 'delete', name: n.v, keys }
        }
        case 'print':
        case 'printf':
          return this.print(t.v)
      }
    }
    const e = this.expr()
    this.simpleEnd()
    return { t: 'expr', e }
  }

  private forStmt(): Stmt {
    this.i++
    this.expectOp('(')
    if (this.peek().t === 'name' && this.peek(1).t === 'kw' && (this.peek(1) as { v: string }).v === 'in' && this.peek(2).t === 'name' && this.isOp(')', 3)) {
      const v: Expr = { t: 'var', name: (this.peek() as { v: string }).v }
      const name = (this.peek(2) as { v: string }).v
      this.i += 4
      return { t: 'forin', var: v, name, body: this.bodyStmt() }
    }
    const init = this.isOp(';') ? null : ({ t: 'expr', e: this.expr() } as Stmt)
    this.expectOp(';')
    this.nls()
    const test = this.isOp(';') ? null : this.expr()
    this.expectOp(';')
    this.nls()
    const step = this.isOp(')') ? null : ({ t: 'expr', e: this.expr() } as Stmt)
    this.expectOp(')')
    if (this.isOp(';')) {
      this.i++
      return { t: 'for', init, test, step, body: { t: 'block', body: [] } }
    }
    return { t: 'for', init, test, step, body: this.bodyStmt() }
  }

  private print(kind: 'print' | 'printf'): Stmt {
    this.i++
    let args: Expr[] = []
    const end = () => this.isOp(';') || this.isOp('}') || this.peek().t === 'nl' || this.peek().t === 'eof' || this.isOp('>') || this.isOp('>>') || this.isOp('|')
    if (this.isOp('(')) {
      // print (a, b) > f: a parenthesised list, unless it is just the start of an expression.
      const save = this.i
      this.i++
      const list = this.exprList(')', false)
      if (end()) args = list
      else {
        this.i = save
        args = this.printArgs()
      }
    } else if (!end()) args = this.printArgs()
    let redirect: Redirect | null = null
    if (this.isOp('>') || this.isOp('>>') || this.isOp('|')) {
      const op = (this.peek() as { v: string }).v
      this.i++
      redirect = { op, dest: this.concat(true) }
    }
    this.simpleEnd()
    return { t: kind, args, redirect }
  }

  private printArgs(): Expr[] {
    const args = [this.expr(true)]
    while (this.isOp(',')) {
      this.i++
      this.nls()
      args.push(this.expr(true))
    }
    return args
  }

  private exprList(close: string, allowEmpty = true): Expr[] {
    const out: Expr[] = []
    this.nls()
    if (this.isOp(close) && allowEmpty) {
      this.i++
      return out
    }
    for (;;) {
      out.push(this.expr())
      this.nls()
      if (this.isOp(',')) {
        this.i++
        this.nls()
        continue
      }
      this.expectOp(close)
      return out
    }
  }

  expr(noGt = false): Expr {
    return this.ternary(noGt)
  }

  private isLvalue(e: Expr): boolean {
    return e.t === 'var' || e.t === 'field' || e.t === 'elem'
  }

  private ternary(noGt: boolean): Expr {
    const test = this.or(noGt)
    const t = this.peek()
    if (t.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(t.v) && this.isLvalue(test)) {
      this.i++
      this.nls()
      return { t: 'assign', op: t.v, target: test, value: this.ternary(noGt) }
    }
    if (this.isOp('?')) {
      this.i++
      this.nls()
      const yes = this.ternary(noGt)
      this.nls()
      this.expectOp(':')
      this.nls()
      return { t: 'cond', test, yes, no: this.ternary(noGt) }
    }
    return test
  }

  private or(noGt: boolean): Expr {
    let left = this.and(noGt)
    while (this.isOp('||')) {
      this.i++
      this.nls()
      left = { t: 'or', left, right: this.and(noGt) }
    }
    return left
  }

  private and(noGt: boolean): Expr {
    let left = this.inExpr(noGt)
    while (this.isOp('&&')) {
      this.i++
      this.nls()
      left = { t: 'and', left, right: this.inExpr(noGt) }
    }
    return left
  }

  private inExpr(noGt: boolean): Expr {
    let left = this.matchExpr(noGt)
    while (this.isKw('in')) {
      this.i++
      const n = this.peek()
      if (n.t !== 'name') this.fail()
      this.i++
      left = { t: 'in', keys: [left], name: n.v }
    }
    return left
  }

  private matchExpr(noGt: boolean): Expr {
    let left = this.rel(noGt)
    while (this.isOp('~') || this.isOp('!~')) {
      const neg = this.isOp('!~')
      this.i++
      left = { t: 'match', neg, left, re: this.rel(noGt) }
    }
    return left
  }

  private rel(noGt: boolean): Expr {
    let left = this.concat(noGt)
    for (;;) {
      const t = this.peek()
      if (t.t === 'op' && t.v === '|' && this.peek(1).t === 'kw' && (this.peek(1) as { v: string }).v === 'getline') {
        this.i += 2
        left = { t: 'getline', target: this.optLvalue(), file: null, cmd: left }
        continue
      }
      if (t.t === 'op' && ['<', '<=', '==', '!=', '>=', ...(noGt ? [] : ['>'])].includes(t.v)) {
        this.i++
        left = { t: 'bin', op: t.v, left, right: this.concat(noGt) }
        continue
      }
      return left
    }
  }

  private startsOperand(): boolean {
    const t = this.peek()
    if (t.t === 'num' || t.t === 'str' || t.t === 'ere' || t.t === 'name' || t.t === 'funcname' || t.t === 'builtin') return true
    if (t.t === 'op') return ['$', '!', '(', '-', '+', '++', '--'].includes(t.v) && !(t.v === '-' || t.v === '+')
    return t.t === 'kw' && t.v === 'getline' && false
  }

  concat(noGt: boolean): Expr {
    let left = this.additive()
    while (this.startsOperand() && !this.isKw('in')) left = { t: 'concat', left, right: this.additive() }
    void noGt
    return left
  }

  private additive(): Expr {
    let left = this.mul()
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.peek() as { v: string }).v
      this.i++
      left = { t: 'bin', op, left, right: this.mul() }
    }
    return left
  }

  private mul(): Expr {
    let left = this.unary()
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.peek() as { v: string }).v
      this.i++
      left = { t: 'bin', op, left, right: this.unary() }
    }
    return left
  }

  private unary(): Expr {
    if (this.isOp('!') || this.isOp('-') || this.isOp('+')) {
      const op = (this.peek() as { v: string }).v
      this.i++
      return { t: 'unary', op, arg: this.unary() }
    }
    return this.pow()
  }

  private pow(): Expr {
    const base = this.postfix()
    if (this.isOp('^')) {
      this.i++
      const exp = this.isOp('-') || this.isOp('+') || this.isOp('!') ? this.unary() : this.pow()
      return { t: 'bin', op: '^', left: base, right: exp }
    }
    return base
  }

  private postfix(): Expr {
    const e = this.primary()
    if ((this.isOp('++') || this.isOp('--')) && this.isLvalue(e)) {
      const op = (this.peek() as { v: string }).v
      this.i++
      return { t: 'incdec', op, prefix: false, target: e }
    }
    return e
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
        if (this.isOp('[')) {
          this.i++
          return { t: 'elem', name: t.v, keys: this.exprList(']', false) }
        }
        return { t: 'var', name: t.v }
      case 'funcname':
        this.i++
        this.expectOp('(')
        return { t: 'call', name: t.v, args: this.exprList(')') }
      case 'builtin': {
        this.i++
        if (this.isOp('(')) {
          this.i++
          return { t: 'builtin', name: t.v, args: this.exprList(')') }
        }
        if (t.v !== 'length') this.fail()
        return { t: 'builtin', name: t.v, args: [] }
      }
      case 'kw':
        if (t.v === 'getline') {
          this.i++
          const target = this.optLvalue()
          let file: Expr | null = null
          if (this.isOp('<')) {
            this.i++
            file = this.concatNoGetline()
          } else this.mainGetline = true
          return { t: 'getline', target, file, cmd: null }
        }
        break
      case 'op':
        if (t.v === '$') {
          this.i++
          if (this.isOp('++') || this.isOp('--')) {
            const op = (this.peek() as { v: string }).v
            this.i++
            return { t: 'field', index: { t: 'incdec', op, prefix: true, target: this.primary() } }
          }
          if (this.isOp('-')) {
            this.i++
            return { t: 'field', index: { t: 'unary', op: '-', arg: this.primary() } }
          }
          return { t: 'field', index: this.primary() }
        }
        if (t.v === '++' || t.v === '--') {
          this.i++
          const target = this.primary()
          if (!this.isLvalue(target)) this.fail()
          return { t: 'incdec', op: t.v, prefix: true, target }
        }
        if (t.v === '(') {
          this.i++
          const list = this.exprList(')', false)
          if (list.length > 1) {
            if (!this.isKw('in')) this.fail()
            this.i++
            const n = this.peek()
            if (n.t !== 'name') this.fail()
            this.i++
            return { t: 'in', keys: list, name: n.v }
          }
          return { t: 'group', expr: list[0] }
        }
        if (t.v === '-' || t.v === '+' || t.v === '!') return this.unary()
        break
    }
    this.fail()
  }

  private concatNoGetline(): Expr {
    return this.primary()
  }
}
