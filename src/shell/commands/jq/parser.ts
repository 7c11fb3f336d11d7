// A recursive-descent parser for jq programs with jq's precedence (| , // = or and
// comparisons + * unary postfix) and its syntax-error wording.
// Upstream: jq src/parser.y.
import type { Ast, FuncDef, Pattern } from './ast.ts'
import { numberFromLiteral } from './json.ts'
import { JqSyntaxError, lex, tokName, type Tok } from './lexer.ts'

export class Parser {
  private toks: Tok[]
  private i = 0

  constructor(src: string) {
    this.toks = lex(src)
  }

  static parse(src: string): Ast {
    const p = new Parser(src)
    const ast = p.pipe()
    if (p.peek().t !== 'eof') p.unexpected('end of file')
    return ast
  }

  private peek(k = 0): Tok {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)]
  }

  private next(): Tok {
    return this.toks[this.i++] ?? this.toks[this.toks.length - 1]
  }

  private isOp(v: string, k = 0): boolean {
    const t = this.peek(k)
    return t.t === 'op' && t.v === v
  }

  private isKw(v: string): boolean {
    const t = this.peek()
    return t.t === 'kw' && t.v === v
  }

  private unexpected(expecting?: string): never {
    const tok = this.peek()
    throw new JqSyntaxError(`syntax error, unexpected ${tokName(tok)}` + (expecting ? `, expecting ${expecting}` : ''), tok.pos)
  }

  private expectOp(v: string): void {
    if (!this.isOp(v)) this.unexpected(`'${v}'`)
    this.i++
  }

  private expectKw(v: string): void {
    if (!this.isKw(v)) this.unexpected(`"${v}"`)
    this.i++
  }

  pipe(): Ast {
    if (this.isKw('def')) {
      const def = this.funcDef()
      return { t: 'def', def, body: this.pipe() }
    }
    if (this.isKw('label')) {
      this.i++
      const v = this.next()
      if (v.t !== 'var') this.unexpected()
      this.expectOp('|')
      return { t: 'label', name: v.v, body: this.pipe() }
    }
    const left = this.comma()
    if (this.isOp('|')) {
      this.i++
      return { t: 'pipe', left, right: this.pipe() }
    }
    return left
  }

  private funcDef(): FuncDef {
    this.expectKw('def')
    const name = this.next()
    if (name.t !== 'ident' && name.t !== 'kw') this.unexpected('IDENT')
    const params: string[] = []
    if (this.isOp('(')) {
      this.i++
      for (;;) {
        const p = this.next()
        if (p.t === 'ident') params.push(p.v)
        else if (p.t === 'var') params.push('$' + p.v)
        else this.unexpected()
        if (this.isOp(';')) {
          this.i++
          continue
        }
        this.expectOp(')')
        break
      }
    }
    this.expectOp(':')
    const body = this.pipe()
    this.expectOp(';')
    return { name: name.v, params, body }
  }

  private comma(): Ast {
    let left = this.alt()
    while (this.isOp(',')) {
      this.i++
      left = { t: 'comma', left, right: this.alt() }
    }
    return left
  }

  private alt(): Ast {
    const left = this.assign()
    if (this.isOp('//')) {
      this.i++
      return { t: 'alt', left, right: this.alt() }
    }
    return left
  }

  private assign(): Ast {
    const left = this.or()
    const t = this.peek()
    if (t.t === 'op' && ['=', '|=', '+=', '-=', '*=', '/=', '%=', '//='].includes(t.v)) {
      this.i++
      return { t: 'assign', op: t.v, left, right: this.alt() }
    }
    return left
  }

  private or(): Ast {
    let left = this.and()
    while (this.isOp('or')) {
      this.i++
      left = { t: 'or', left, right: this.and() }
    }
    return left
  }

  private and(): Ast {
    let left = this.compare()
    while (this.isOp('and')) {
      this.i++
      left = { t: 'and', left, right: this.compare() }
    }
    return left
  }

  private compare(): Ast {
    const left = this.additive()
    const t = this.peek()
    if (t.t === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.v)) {
      this.i++
      const right = this.additive()
      const n = this.peek()
      if (n.t === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(n.v)) this.unexpected()
      return { t: 'binop', op: t.v, left, right }
    }
    return left
  }

  private additive(): Ast {
    let left = this.multiplicative()
    for (;;) {
      const t = this.peek()
      if (t.t !== 'op' || (t.v !== '+' && t.v !== '-')) return left
      this.i++
      left = { t: 'binop', op: t.v, left, right: this.multiplicative() }
    }
  }

  private multiplicative(): Ast {
    let left = this.unary()
    for (;;) {
      const t = this.peek()
      if (t.t !== 'op' || (t.v !== '*' && t.v !== '/' && t.v !== '%')) return left
      this.i++
      left = { t: 'binop', op: t.v, left, right: this.unary() }
    }
  }

  private unary(): Ast {
    if (this.isOp('-')) {
      this.i++
      return { t: 'neg', body: this.unary() }
    }
    if (this.isKw('try')) {
      this.i++
      const body = this.postfix()
      let handler: Ast | null = null
      if (this.isKw('catch')) {
        this.i++
        handler = this.postfix()
      }
      return { t: 'try', body, catch: handler }
    }
    return this.postfix()
  }

  /** A term with its suffixes (.a, [i], [], ?, as $x | body). */
  postfix(): Ast {
    let term = this.term()
    for (;;) {
      const t = this.peek()
      if (t.t === 'field') {
        this.i++
        term = this.optional({ t: 'field', target: term, name: { t: 'literal', value: t.v }, opt: false })
      } else if (t.t === 'op' && t.v === '.' && this.peek(1).t === 'str') {
        this.i++
        term = this.optional({ t: 'field', target: term, name: this.stringLit(null), opt: false })
      } else if (t.t === 'op' && t.v === '.' && this.isOp('[', 1)) {
        this.i++
      } else if (t.t === 'op' && t.v === '[') {
        term = this.optional(this.bracketSuffix(term))
      } else if (t.t === 'op' && t.v === '?') {
        this.i++
        term = { t: 'try', body: term, catch: null }
      } else if (t.t === 'kw' && t.v === 'as') {
        this.i++
        const patterns = [this.pattern()]
        while (this.isOp('?//')) {
          this.i++
          patterns.push(this.pattern())
        }
        this.expectOp('|')
        return { t: 'bind', source: term, patterns, body: this.pipe() }
      } else return term
    }
  }

  private optional(a: Ast): Ast {
    if (!this.isOp('?')) return a
    this.i++
    if (a.t === 'field' || a.t === 'slice' || a.t === 'iterate') return { ...a, opt: true }
    return a
  }

  private bracketSuffix(target: Ast): Ast {
    this.expectOp('[')
    if (this.isOp(']')) {
      this.i++
      return { t: 'iterate', target, opt: false }
    }
    if (this.isOp(':')) {
      this.i++
      const to = this.pipe()
      this.expectOp(']')
      return { t: 'slice', target, from: null, to, opt: false }
    }
    const index = this.pipe()
    if (this.isOp(':')) {
      this.i++
      const to = this.isOp(']') ? null : this.pipe()
      this.expectOp(']')
      return { t: 'slice', target, from: index, to, opt: false }
    }
    this.expectOp(']')
    return { t: 'field', target, name: index, opt: false }
  }

  private stringLit(format: string | null): Ast {
    const t = this.next()
    if (t.t !== 'str') this.unexpected()
    const parts = t.parts.map((p) => (typeof p === 'string' ? p : Parser.parse(p.src)))
    if (parts.length === 1 && typeof parts[0] === 'string' && format === null) return { t: 'literal', value: parts[0] }
    return { t: 'string', parts, format }
  }

  private term(): Ast {
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
        if (t.v === '__loc__') return { t: 'literal', value: new Map<string, import('./value.ts').Value>([['file', '<top-level>'], ['line', 1]]) }
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
        if (this.isOp(']')) {
          this.i++
          return { t: 'array', body: null }
        }
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
    if (v === 'if') return this.ifTerm()
    if (v === 'reduce' || v === 'foreach') {
      this.i++
      const source = this.postfixNoBind()
      this.expectKw('as')
      const pattern = this.pattern()
      this.expectOp('(')
      const init = this.pipe()
      this.expectOp(';')
      const update = this.pipe()
      let extract: Ast | null = null
      if (v === 'foreach' && this.isOp(';')) {
        this.i++
        extract = this.pipe()
      }
      this.expectOp(')')
      if (v === 'reduce') return { t: 'reduce', source, pattern, init, update }
      return { t: 'foreach', source, pattern, init, update, extract }
    }
    if (v === 'def') {
      const def = this.funcDef()
      return { t: 'def', def, body: this.pipe() }
    }
    if (v === 'try') return this.unary()
    if (v === 'label') {
      this.i++
      const name = this.next()
      if (name.t !== 'var') this.unexpected()
      this.expectOp('|')
      return { t: 'label', name: name.v, body: this.pipe() }
    }
    this.unexpected()
  }

  /** The source of reduce/foreach: a term without its own `as` binding. */
  private postfixNoBind(): Ast {
    let term = this.term()
    for (;;) {
      const t = this.peek()
      if (t.t === 'field') {
        this.i++
        term = this.optional({ t: 'field', target: term, name: { t: 'literal', value: t.v }, opt: false })
      } else if (t.t === 'op' && t.v === '[') term = this.optional(this.bracketSuffix(term))
      else if (t.t === 'op' && t.v === '?') {
        this.i++
        term = { t: 'try', body: term, catch: null }
      } else return term
    }
  }

  private ifTerm(): Ast {
    this.expectKw('if')
    const cond = this.pipe()
    this.expectKw('then')
    const then = this.pipe()
    if (this.isKw('elif')) {
      // `elif` is an `else if ... end` that shares this `end`.
      this.toks[this.i] = { t: 'kw', v: 'if', pos: this.peek().pos }
      const rest = this.ifTermNoEnd()
      return { t: 'if', cond, then, else: rest }
    }
    let otherwise: Ast | null = null
    if (this.isKw('else')) {
      this.i++
      otherwise = this.pipe()
    }
    this.expectKw('end')
    return { t: 'if', cond, then, else: otherwise }
  }

  private ifTermNoEnd(): Ast {
    return this.ifTerm()
  }

  private call(): Ast {
    const name = this.next() as Extract<Tok, { t: 'ident' }>
    if (name.v === 'break') {
      const label = this.next()
      if (label.t !== 'var') this.unexpected()
      return { t: 'break', name: label.v, pos: name.pos }
    }
    const args: Ast[] = []
    if (this.isOp('(')) {
      this.i++
      for (;;) {
        args.push(this.pipe())
        if (this.isOp(';')) {
          this.i++
          continue
        }
        this.expectOp(')')
        break
      }
    }
    return { t: 'call', name: name.v, args, pos: name.pos }
  }

  private object(): Ast {
    this.expectOp('{')
    const entries: { key: Ast; value: Ast }[] = []
    if (this.isOp('}')) {
      this.i++
      return { t: 'object', entries }
    }
    for (;;) {
      entries.push(this.objectEntry())
      if (this.isOp(',')) {
        this.i++
        continue
      }
      if (!this.isOp('}')) this.unexpected("'}'")
      this.i++
      return { t: 'object', entries }
    }
  }

  private objectEntry(): { key: Ast; value: Ast } {
    const t = this.peek()
    let key: Ast
    let shorthand: Ast
    if (t.t === 'var') {
      this.i++
      if (t.v === '__loc__') {
        const loc: Ast = { t: 'literal', value: new Map<string, import('./value.ts').Value>([['file', '<top-level>'], ['line', 1]]) }
        return { key: { t: 'literal', value: '__loc__' }, value: loc }
      }
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
    if (!this.isOp(':')) return { key, value: shorthand }
    this.i++
    return { key, value: this.objectValue() }
  }

  /** Object values are terms joined by `|` (jq's ExpD): `{a: 1 + 2}` is a syntax error. */
  private objectValue(): Ast {
    let left = this.isOp('-') ? (this.i++, { t: 'neg', body: this.postfixNoBind() } as Ast) : this.postfixNoBind()
    while (this.isOp('|')) {
      this.i++
      const right = this.isOp('-') ? (this.i++, { t: 'neg', body: this.postfixNoBind() } as Ast) : this.postfixNoBind()
      left = { t: 'pipe', left, right }
    }
    if (!this.isOp(',') && !this.isOp('}')) this.unexpected("'}'")
    return left
  }

  private pattern(): Pattern {
    const t = this.next()
    if (t.t === 'var') return { t: 'var', name: t.v }
    if (t.t === 'op' && t.v === '[') {
      const items: Pattern[] = []
      if (this.isOp(']')) this.unexpected()
      for (;;) {
        items.push(this.pattern())
        if (this.isOp(',')) {
          this.i++
          continue
        }
        this.expectOp(']')
        return { t: 'array', items }
      }
    }
    if (t.t === 'op' && t.v === '{') {
      const entries: Extract<Pattern, { t: 'object' }>['entries'] = []
      for (;;) {
        const k = this.next()
        if (k.t === 'var') {
          const entry: (typeof entries)[number] = { key: k.v, keyVar: k.v }
          if (this.isOp(':')) {
            this.i++
            entry.value = this.pattern()
          }
          entries.push(entry)
        } else {
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
          entries.push({ key, value: this.pattern() })
        }
        if (this.isOp(',')) {
          this.i++
          continue
        }
        this.expectOp('}')
        return { t: 'object', entries }
      }
    }
    this.i--
    this.unexpected()
  }
}
