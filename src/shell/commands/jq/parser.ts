// A recursive-descent parser for jq programs with jq's precedence (| , // = or and
// comparisons + * unary postfix) and its syntax-error wording; the terms under the
// operators are in parse-terms.ts. Upstream: jq src/parser.y.
import type { Ast } from './ast.ts'
import { lex } from './lexer.ts'
import { TermParser } from './parse-terms.ts'

const ASSIGN_OPS = ['=', '|=', '+=', '-=', '*=', '/=', '%=', '//=']
const COMPARISONS = ['==', '!=', '<', '<=', '>', '>=']

export class Parser extends TermParser {
  static parse(src: string): Ast {
    const p = new Parser(lex(src))
    const ast = p.pipe()
    if (p.peek().t !== 'eof') p.unexpected('end of file')
    return ast
  }

  protected parseProgram(src: string): Ast {
    return Parser.parse(src)
  }

  protected pipe(): Ast {
    if (this.isKw('def')) return this.defTerm()
    if (this.isKw('label')) return this.labelTerm()
    const left = this.comma()
    return this.eatOp('|') ? { t: 'pipe', left, right: this.pipe() } : left
  }

  private comma(): Ast {
    let left = this.alt()
    while (this.eatOp(',')) left = { t: 'comma', left, right: this.alt() }
    return left
  }

  private alt(): Ast {
    const left = this.assign()
    return this.eatOp('//') ? { t: 'alt', left, right: this.alt() } : left
  }

  private assign(): Ast {
    const left = this.or()
    const op = this.takeOp(ASSIGN_OPS)
    return op ? { t: 'assign', op, left, right: this.alt() } : left
  }

  private or(): Ast {
    let left = this.and()
    while (this.eatOp('or')) left = { t: 'or', left, right: this.and() }
    return left
  }

  private and(): Ast {
    let left = this.compare()
    while (this.eatOp('and')) left = { t: 'and', left, right: this.compare() }
    return left
  }

  /** Comparisons do not chain: `1 < 2 < 3` is a syntax error. */
  private compare(): Ast {
    const left = this.additive()
    const op = this.takeOp(COMPARISONS)
    if (!op) return left
    const right = this.additive()
    if (this.isAnyOp(COMPARISONS)) this.unexpected()
    return { t: 'binop', op, left, right }
  }

  private additive(): Ast {
    return this.binops(['+', '-'], () => this.multiplicative())
  }

  private multiplicative(): Ast {
    return this.binops(['*', '/', '%'], () => this.unary())
  }

  /** Left-associative arithmetic over `operand`s. */
  private binops(ops: readonly string[], operand: () => Ast): Ast {
    let left = operand()
    for (let op = this.takeOp(ops); op; op = this.takeOp(ops)) left = { t: 'binop', op, left, right: operand() }
    return left
  }

  protected unary(): Ast {
    if (this.eatOp('-')) return { t: 'neg', body: this.unary() }
    if (!this.eatKw('try')) return this.postfix()
    const body = this.postfix()
    const handler = this.eatKw('catch') ? this.postfix() : null
    return { t: 'try', body, catch: handler }
  }

  /** A term with its suffixes .a, [i], [], ?, and (unless `sourceOnly`) ."a", .[i] and `as $x | body`. */
  protected postfix(sourceOnly = false): Ast {
    let term = this.term()
    for (;;) {
      const t = this.peek()
      if (t.t === 'field') {
        this.i++
        term = this.optional({ t: 'field', target: term, name: { t: 'literal', value: t.v }, opt: false })
      } else if (this.isOp('[')) term = this.optional(this.bracketSuffix(term))
      else if (this.eatOp('?')) term = { t: 'try', body: term, catch: null }
      else if (sourceOnly) return term
      else if (this.isOp('.') && this.peek(1).t === 'str') {
        this.i++
        term = this.optional({ t: 'field', target: term, name: this.stringLit(null), opt: false })
      } else if (this.isOp('.') && this.isOp('[', 1)) this.i++
      else if (this.eatKw('as')) return this.bind(term)
      else return term
    }
  }

  /** `source as $x ?// [$y] | body`. */
  private bind(source: Ast): Ast {
    const patterns = [this.pattern()]
    while (this.eatOp('?//')) patterns.push(this.pattern())
    this.expectOp('|')
    return { t: 'bind', source, patterns, body: this.pipe() }
  }

  private optional(a: Ast): Ast {
    if (!this.eatOp('?')) return a
    return a.t === 'field' || a.t === 'slice' || a.t === 'iterate' ? { ...a, opt: true } : a
  }

  private bracketSuffix(target: Ast): Ast {
    this.expectOp('[')
    if (this.eatOp(']')) return { t: 'iterate', target, opt: false }
    if (this.eatOp(':')) {
      const to = this.pipe()
      this.expectOp(']')
      return { t: 'slice', target, from: null, to, opt: false }
    }
    const index = this.pipe()
    if (this.eatOp(':')) {
      const to = this.isOp(']') ? null : this.pipe()
      this.expectOp(']')
      return { t: 'slice', target, from: index, to, opt: false }
    }
    this.expectOp(']')
    return { t: 'field', target, name: index, opt: false }
  }
}
