// A recursive-descent parser for POSIX awk (as busybox awk accepts it): pattern-action
// rules, functions and statements; expressions are in parse-expr.ts.
// Upstream: POSIX awk grammar.
import type { Expr, Func, Program, Rule, Stmt } from './ast.ts'
import { lex } from './lexer.ts'
import { ExprParser } from './parse-expr.ts'

const REDIRECTS = ['>', '>>', '|']

export class Parser extends ExprParser {
  static parse(src: string): Program {
    return new Parser(lex(src)).program()
  }

  private terminators(): void {
    while (this.peek().t === 'nl' || this.isOp(';')) this.i++
  }

  private program(): Program {
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
    if (name.t !== 'name' && name.t !== 'funcname') this.unexpected()
    this.i++
    this.expectOp('(')
    const params: string[] = []
    while (!this.eatOp(')')) {
      params.push(this.name())
      if (this.eatOp(',')) this.nls()
      else if (!this.isOp(')')) this.unexpected()
    }
    this.nls()
    return { name: name.v, params, body: this.block() }
  }

  private rule(): Rule {
    if (this.isKw('BEGIN') || this.isKw('END')) {
      const kind = (this.next() as { v: 'BEGIN' | 'END' }).v
      if (!this.isOp('{')) this.unexpected()
      return { kind, pattern: null, range: null, action: this.block() }
    }
    let pattern: Expr | null = null
    let range: Expr | null = null
    if (!this.isOp('{')) {
      pattern = this.expr()
      if (this.eatOp(',')) {
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
    while (!this.eatOp('}')) {
      if (this.peek().t === 'eof') this.unexpected()
      body.push(this.statement())
      this.terminators()
    }
    return body
  }

  private atStatementEnd(): boolean {
    return this.isOp(';') || this.isOp('}') || this.peek().t === 'nl' || this.peek().t === 'eof'
  }

  /** A simple statement ends at `;` or a newline (taken), or before `}` or the end. */
  private simpleEnd(): void {
    if (this.isOp(';') || this.peek().t === 'nl') this.i++
    else if (!this.isOp('}') && this.peek().t !== 'eof') this.unexpected()
  }

  /** The body of if/while/for/do: a statement on this line or the next; a lone `;` is empty. */
  private bodyStmt(): Stmt {
    this.nls()
    if (this.eatOp(';')) return { t: 'block', body: [] }
    return this.statement()
  }

  private statement(): Stmt {
    const t = this.peek()
    if (t.t === 'op' && t.v === '{') return { t: 'block', body: this.block() }
    if (t.t === 'kw') {
      switch (t.v) {
        case 'if':
          return this.ifStmt()
        case 'while': {
          this.i++
          const test = this.condition()
          return { t: 'while', test, body: this.bodyStmt() }
        }
        case 'do':
          return this.doStmt()
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
          const e = this.atStatementEnd() ? null : this.expr()
          this.simpleEnd()
          return { t: t.v, e }
        }
        case 'delete': {
          this.i++
          const name = this.name()
          const keys = this.eatOp('[') ? this.exprList(']') : null
          this.simpleEnd()
          return { t: 'delete', name, keys }
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

  /** The `( expr )` of if, while and do-while. */
  private condition(): Expr {
    this.expectOp('(')
    const test = this.expr()
    this.expectOp(')')
    return test
  }

  private ifStmt(): Stmt {
    this.i++
    const test = this.condition()
    const then = this.bodyStmt()
    const save = this.i
    this.terminators()
    if (this.eatKw('else')) return { t: 'if', test, then, else: this.bodyStmt() }
    this.i = save
    return { t: 'if', test, then, else: null }
  }

  private doStmt(): Stmt {
    this.i++
    const body = this.bodyStmt()
    this.terminators()
    this.expectKw('while')
    const test = this.condition()
    this.simpleEnd()
    return { t: 'do', body, test }
  }

  private forStmt(): Stmt {
    this.i++
    this.expectOp('(')
    if (this.peek().t === 'name' && this.isKw('in', 1) && this.peek(2).t === 'name' && this.isOp(')', 3)) {
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
    return { t: 'for', init, test, step, body: this.bodyStmt() }
  }

  private print(kind: 'print' | 'printf'): Stmt {
    this.i++
    let args: Expr[] = []
    const end = () => this.atStatementEnd() || this.isAnyOp(REDIRECTS)
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
    const op = this.takeOp(REDIRECTS)
    const redirect = op ? { op, dest: this.concat() } : null
    this.simpleEnd()
    return { t: kind, args, redirect }
  }

  private printArgs(): Expr[] {
    const args = [this.expr(true)]
    while (this.eatOp(',')) {
      this.nls()
      args.push(this.expr(true))
    }
    return args
  }
}
