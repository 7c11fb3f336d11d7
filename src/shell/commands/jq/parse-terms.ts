// jq's terms: literals, strings, variables, calls, (…), […], {…} object construction,
// if/reduce/foreach/def/label, and the destructuring patterns of `as`, with jq's
// syntax-error wording. The operators above them are in parser.ts.
// Upstream: jq src/parser.y (Term, MkDict, Patterns).
import type { Ast, FuncDef, Pattern } from './ast.ts'
import { numberFromLiteral } from './json.ts'
import { JqSyntaxError, tokName, type Tok } from './lexer.ts'
import { TokenCursor } from '../util/cursor.ts'
import type { Value } from './value.ts'

type PatternEntry = Extract<Pattern, { t: 'object' }>['entries'][number]

export abstract class TermParser extends TokenCursor<Tok> {
  protected abstract pipe(): Ast
  protected abstract unary(): Ast
  /** A term with its suffixes; `sourceOnly` for the source of reduce/foreach and object values. */
  protected abstract postfix(sourceOnly?: boolean): Ast
  protected abstract parseProgram(src: string): Ast

  protected unexpected(expecting?: string): never {
    const tok = this.peek()
    throw new JqSyntaxError(`syntax error, unexpected ${tokName(tok)}` + (expecting ? `, expecting ${expecting}` : ''), tok.pos)
  }

  /** Items separated by `sep` up to the closing `close`. */
  protected list<T>(item: () => T, sep: string, close: string): T[] {
    const out = [item()]
    while (this.eatOp(sep)) out.push(item())
    this.expectOp(close)
    return out
  }

  protected term(): Ast {
    const t = this.peek()
    switch (t.t) {
      case 'num':
        this.i++
        return { t: 'literal', value: numberFromLiteral(t.v.startsWith('.') ? '0' + t.v : t.v.replace(/\.(?=[eE]|$)/, '')) }
      case 'str':
        return this.stringLit(null)
      case 'format':
        this.i++
        if (this.peek().t === 'str') return this.stringLit(t.v)
        return { t: 'format', name: t.v }
      case 'field':
        this.i++
        return { t: 'field', target: { t: 'identity' }, name: { t: 'literal', value: t.v }, opt: false }
      case 'var':
        this.i++
        if (t.v === '__loc__') return locLiteral()
        return { t: 'var', name: t.v, pos: t.pos }
      case 'ident':
        if ((t.v === 'null' || t.v === 'true' || t.v === 'false') && !this.isOp('(', 1)) {
          this.i++
          return { t: 'literal', value: t.v === 'null' ? null : t.v === 'true' }
        }
        return this.call()
      case 'kw':
        return this.keywordTerm(t.v)
      case 'op':
        return this.opTerm(t.v)
    }
    this.unexpected()
  }

  protected stringLit(format: string | null): Ast {
    const t = this.next()
    if (t.t !== 'str') this.unexpected()
    // Each \( ) interpolation is a program of its own.
    const parts = t.parts.map((p) => (typeof p === 'string' ? p : this.parseProgram(p.src)))
    if (parts.length === 1 && typeof parts[0] === 'string' && format === null) return { t: 'literal', value: parts[0] }
    return { t: 'string', parts, format }
  }

  private opTerm(v: string): Ast {
    switch (v) {
      case '.':
        this.i++
        if (this.peek().t === 'str') return { t: 'field', target: { t: 'identity' }, name: this.stringLit(null), opt: false }
        return { t: 'identity' }
      case '..':
        this.i++
        return { t: 'recurse' }
      case '(': {
        this.i++
        const body = this.pipe()
        this.expectOp(')')
        return body
      }
      case '[': {
        this.i++
        if (this.eatOp(']')) return { t: 'array', body: null }
        const body = this.pipe()
        this.expectOp(']')
        return { t: 'array', body }
      }
      case '{':
        return this.object()
      case '-':
        this.i++
        return { t: 'neg', body: this.postfix() }
    }
    this.unexpected()
  }

  private keywordTerm(v: string): Ast {
    switch (v) {
      case 'if':
        return this.ifTerm('if')
      case 'reduce':
      case 'foreach':
        return this.reduceTerm(v)
      case 'def':
        return this.defTerm()
      case 'try':
        return this.unary()
      case 'label':
        return this.labelTerm()
    }
    this.unexpected()
  }

  private reduceTerm(v: 'reduce' | 'foreach'): Ast {
    this.i++
    const source = this.postfix(true)
    this.expectKw('as')
    const pattern = this.pattern()
    this.expectOp('(')
    const init = this.pipe()
    this.expectOp(';')
    const update = this.pipe()
    const extract = v === 'foreach' && this.eatOp(';') ? this.pipe() : null
    this.expectOp(')')
    if (v === 'reduce') return { t: 'reduce', source, pattern, init, update }
    return { t: 'foreach', source, pattern, init, update, extract }
  }

  /** if … then … (elif … then …)* (else …)? end: an `elif` is an `if` that shares the `end`. */
  private ifTerm(kw: 'if' | 'elif'): Ast {
    this.expectKw(kw)
    const cond = this.pipe()
    this.expectKw('then')
    const then = this.pipe()
    if (this.isKw('elif')) return { t: 'if', cond, then, else: this.ifTerm('elif') }
    const otherwise = this.eatKw('else') ? this.pipe() : null
    this.expectKw('end')
    return { t: 'if', cond, then, else: otherwise }
  }

  protected defTerm(): Ast {
    const def = this.funcDef()
    return { t: 'def', def, body: this.pipe() }
  }

  protected labelTerm(): Ast {
    this.expectKw('label')
    const name = this.next()
    if (name.t !== 'var') this.unexpected()
    this.expectOp('|')
    return { t: 'label', name: name.v, body: this.pipe() }
  }

  private funcDef(): FuncDef {
    this.expectKw('def')
    const name = this.next()
    if (name.t !== 'ident' && name.t !== 'kw') this.unexpected('IDENT')
    const params = this.eatOp('(') ? this.list(() => this.param(), ';', ')') : []
    this.expectOp(':')
    const body = this.pipe()
    this.expectOp(';')
    return { name: name.v, params, body }
  }

  private param(): string {
    const p = this.next()
    if (p.t === 'ident') return p.v
    if (p.t === 'var') return '$' + p.v
    this.unexpected()
  }

  private call(): Ast {
    const name = this.next() as Extract<Tok, { t: 'ident' }>
    if (name.v === 'break') {
      const label = this.next()
      if (label.t !== 'var') this.unexpected()
      return { t: 'break', name: label.v, pos: name.pos }
    }
    const args = this.eatOp('(') ? this.list(() => this.pipe(), ';', ')') : []
    return { t: 'call', name: name.v, args, pos: name.pos }
  }

  // ---- object construction ----

  private object(): Ast {
    this.expectOp('{')
    if (this.eatOp('}')) return { t: 'object', entries: [] }
    return { t: 'object', entries: this.list(() => this.objectEntry(), ',', '}') }
  }

  private objectEntry(): { key: Ast; value: Ast } {
    const t = this.peek()
    let key: Ast
    let shorthand: Ast
    if (t.t === 'var') {
      this.i++
      if (t.v === '__loc__') return { key: { t: 'literal', value: '__loc__' }, value: locLiteral() }
      return { key: { t: 'literal', value: t.v }, value: { t: 'var', name: t.v } }
    }
    if (t.t === 'ident' || t.t === 'kw') {
      this.i++
      key = { t: 'literal', value: t.v }
      shorthand = { t: 'field', target: { t: 'identity' }, name: key, opt: false }
    } else if (t.t === 'num') {
      this.i++
      key = { t: 'literal', value: numberFromLiteral(t.v) }
      shorthand = key
    } else if (t.t === 'str') {
      key = this.stringLit(null)
      shorthand = { t: 'field', target: { t: 'identity' }, name: key, opt: false }
    } else if (t.t === 'format' && this.peek(1).t === 'str') {
      this.i++
      key = this.stringLit(t.v)
      shorthand = { t: 'field', target: { t: 'identity' }, name: key, opt: false }
    } else if (t.t === 'op' && t.v === '(') {
      this.i++
      key = this.pipe()
      this.expectOp(')')
      shorthand = key
      if (!this.isOp(':')) this.unexpected("':'")
    } else this.unexpected()
    if (!this.eatOp(':')) return { key, value: shorthand }
    return { key, value: this.objectValue() }
  }

  /** Object values are terms joined by `|` (jq's ExpD): `{a: 1 + 2}` is a syntax error. */
  private objectValue(): Ast {
    let left = this.objectTerm()
    while (this.eatOp('|')) left = { t: 'pipe', left, right: this.objectTerm() }
    if (!this.isOp(',') && !this.isOp('}')) this.unexpected("'}'")
    return left
  }

  private objectTerm(): Ast {
    return this.eatOp('-') ? { t: 'neg', body: this.postfix(true) } : this.postfix(true)
  }

  // ---- destructuring patterns ($x, [$a, $b], {a: $x, $y}) ----

  protected pattern(): Pattern {
    const t = this.next()
    if (t.t === 'var') return { t: 'var', name: t.v }
    if (t.t === 'op' && t.v === '[') {
      if (this.isOp(']')) this.unexpected()
      return { t: 'array', items: this.list(() => this.pattern(), ',', ']') }
    }
    if (t.t === 'op' && t.v === '{') return { t: 'object', entries: this.list(() => this.patternEntry(), ',', '}') }
    this.i--
    this.unexpected()
  }

  private patternEntry(): PatternEntry {
    const k = this.next()
    if (k.t === 'var') {
      const entry: PatternEntry = { key: k.v, keyVar: k.v }
      if (this.eatOp(':')) entry.value = this.pattern()
      return entry
    }
    let key: Ast | string
    if (k.t === 'ident' || k.t === 'kw') key = k.v
    else if (k.t === 'str') {
      this.i--
      key = this.stringLit(null)
    } else if (k.t === 'op' && k.v === '(') {
      key = this.pipe()
      this.expectOp(')')
    } else this.unexpected()
    this.expectOp(':')
    return { key, value: this.pattern() }
  }
}

/** $__loc__: where it stands; jq reports the line, and every program here is one file. */
function locLiteral(): Ast {
  return { t: 'literal', value: new Map<string, Value>([['file', '<top-level>'], ['line', 1]]) }
}
