// The machinery of a YAML scanner as libyaml's scanner.c / go-yaml v2's scannerc.go
// have it: marks, the token queue, simple keys and the indentation stack; the token
// rules themselves are in scanner.ts. Syntax errors carry libyaml's texts and marks.

export interface Mark {
  index: number
  line: number
  column: number
}

export type TokenType =
  | 'STREAM-START' | 'STREAM-END' | 'VERSION-DIRECTIVE' | 'TAG-DIRECTIVE' | 'DOCUMENT-START' | 'DOCUMENT-END'
  | 'BLOCK-SEQUENCE-START' | 'BLOCK-MAPPING-START' | 'BLOCK-END' | 'FLOW-SEQUENCE-START' | 'FLOW-SEQUENCE-END'
  | 'FLOW-MAPPING-START' | 'FLOW-MAPPING-END' | 'BLOCK-ENTRY' | 'FLOW-ENTRY' | 'KEY' | 'VALUE' | 'ALIAS' | 'ANCHOR' | 'TAG' | 'SCALAR'

export interface Token {
  type: TokenType
  start: Mark
  end: Mark
  /** Anchor/alias name, tag handle, or directive handle. */
  value?: string
}

/** A syntax error as libyaml records it: the problem and where, and what was being read. */
export class YamlSyntaxError extends Error {
  constructor(
    readonly kind: 'scanner' | 'parser' | 'reader',
    readonly context: string,
    readonly contextMark: Mark,
    readonly problem: string,
    readonly problemMark: Mark,
  ) {
    super(problem)
  }
}

interface SimpleKey {
  possible: boolean
  required: boolean
  tokenNumber: number
  mark: Mark
}

export const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029'
export const isBlank = (c: string) => c === ' ' || c === '\t'
export const isZ = (c: string) => c === ''
export const isBreakZ = (c: string) => isBreak(c) || isZ(c)
export const isBlankZ = (c: string) => isBlank(c) || isBreakZ(c)
const isAlpha = (c: string) => /^[0-9A-Za-z_-]$/.test(c)
export const isHex = (c: string) => /^[0-9A-Fa-f]$/.test(c)

export abstract class ScannerCore {
  private pos = 0
  protected mark: Mark = { index: 0, line: 0, column: 0 }
  protected tokens: Token[] = []
  protected tokensParsed = 0
  protected streamStartProduced = false
  private streamEndProduced = false
  protected indent = -1
  private indents: number[] = []
  protected simpleKeyAllowed = false
  protected simpleKeys: SimpleKey[] = []
  /** Token number → index in simpleKeys of the possible key that starts at it. */
  protected simpleKeysByToken = new Map<number, number>()
  protected flowLevel = 0

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1
  }

  /** The next token without consuming it. */
  peek(): Token {
    this.fetchMoreTokens()
    return this.tokens[0]
  }

  next(): Token {
    const t = this.peek()
    this.tokens.shift()
    this.tokensParsed++
    if (t.type === 'STREAM-END') this.streamEndProduced = true
    return t
  }

  get done(): boolean {
    return this.streamEndProduced
  }

  // ------------------------------------------------------------ characters

  protected ch(offset = 0): string {
    return this.text[this.pos + offset] ?? ''
  }

  protected here(): Mark {
    return { ...this.mark }
  }

  protected skip(): void {
    this.pos++
    this.mark.index++
    this.mark.column++
  }

  protected skipLine(): void {
    if (this.ch() === '\r' && this.ch(1) === '\n') {
      this.pos += 2
      this.mark.index += 2
    } else if (isBreak(this.ch())) {
      this.pos++
      this.mark.index++
    } else return
    this.mark.column = 0
    this.mark.line++
  }

  protected error(context: string, contextMark: Mark, problem: string): never {
    throw new YamlSyntaxError('scanner', context, contextMark, problem, this.here())
  }

  // ------------------------------------------------------ token machinery

  /** Produce the next token into the queue (scanner.ts: which kind starts here). */
  protected abstract fetchNextToken(): void

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.tokens.length) {
        const i = this.simpleKeysByToken.get(this.tokensParsed)
        if (i === undefined || !this.simpleKeyValid(this.simpleKeys[i])) return
      }
      this.fetchNextToken()
    }
  }

  protected push(type: TokenType, start: Mark, end: Mark = start, value?: string): void {
    this.tokens.push({ type, start, end, value })
  }

  protected atDocumentIndicator(c: string): boolean {
    return this.ch() === c && this.ch(1) === c && this.ch(2) === c && isBlankZ(this.ch(3))
  }

  /** A simple key lives on one line and within 1024 characters; a required one that cannot is an error. */
  protected simpleKeyValid(k: SimpleKey): boolean {
    if (!k.possible) return false
    if (k.mark.line < this.mark.line || k.mark.index + 1024 < this.mark.index) {
      if (k.required) this.error('while scanning a simple key', k.mark, "could not find expected ':'")
      k.possible = false
      return false
    }
    return true
  }

  protected saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column
    if (!this.simpleKeyAllowed) return
    const key = { possible: true, required, tokenNumber: this.tokensParsed + this.tokens.length, mark: this.here() }
    this.removeSimpleKey()
    this.simpleKeys[this.simpleKeys.length - 1] = key
    this.simpleKeysByToken.set(key.tokenNumber, this.simpleKeys.length - 1)
  }

  protected removeSimpleKey(): void {
    const k = this.simpleKeys[this.simpleKeys.length - 1]
    if (!k.possible) return
    if (k.required) this.error('while scanning a simple key', k.mark, "could not find expected ':'")
    k.possible = false
    this.simpleKeysByToken.delete(k.tokenNumber)
  }

  protected rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0 || this.indent >= column) return
    this.indents.push(this.indent)
    this.indent = column
    const t: Token = { type, start: mark, end: mark }
    if (number === -1) this.tokens.push(t)
    else this.tokens.splice(number - this.tokensParsed, 0, t)
  }

  protected unrollIndent(column: number): void {
    if (this.flowLevel > 0) return
    while (this.indent > column) {
      this.push('BLOCK-END', this.here())
      this.indent = this.indents.pop()!
    }
  }

  protected scanToNextToken(): void {
    for (;;) {
      while (this.ch() === ' ' || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.ch() === '\t')) this.skip()
      if (this.ch() === '#') while (!isBreakZ(this.ch())) this.skip()
      if (!isBreak(this.ch())) return
      this.skipLine()
      if (this.flowLevel === 0) this.simpleKeyAllowed = true
    }
  }

  /** A token of `n` indicator characters (`-`, `?`, `:`, `,`, brackets, `---`). */
  protected pushIndicator(type: TokenType, n = 1): void {
    const start = this.here()
    for (let k = 0; k < n; k++) this.skip()
    this.push(type, start, this.here())
  }

  /** A run of alphanumeric characters (directive, anchor and tag handle names). */
  protected scanAlpha(): string {
    let name = ''
    while (isAlpha(this.ch())) {
      name += this.ch()
      this.skip()
    }
    return name
  }
}
