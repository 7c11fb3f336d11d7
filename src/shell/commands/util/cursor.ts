// A cursor over a lexed token array for our recursive-descent parsers (awk, jq): look
// ahead, take operators and keywords, and fail in each language's own words.

export abstract class TokenCursor<T extends { t: string }> {
  protected i = 0

  constructor(protected readonly toks: T[]) {}

  /** A syntax error at the next token; `expecting` is what the grammar wanted there. */
  protected abstract unexpected(expecting?: string): never

  /** The token `k` ahead; the last token (end of input) repeats past the end. */
  protected peek(k = 0): T {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)]
  }

  protected next(): T {
    return this.toks[this.i++] ?? this.toks[this.toks.length - 1]
  }

  private is(t: string, v: string, k: number): boolean {
    const tok = this.peek(k)
    return tok.t === t && (tok as { v?: unknown }).v === v
  }

  protected isOp(v: string, k = 0): boolean {
    return this.is('op', v, k)
  }

  protected isKw(v: string, k = 0): boolean {
    return this.is('kw', v, k)
  }

  /** Consume the operator `v` if it comes next. */
  protected eatOp(v: string): boolean {
    if (!this.isOp(v)) return false
    this.i++
    return true
  }

  protected eatKw(v: string): boolean {
    if (!this.isKw(v)) return false
    this.i++
    return true
  }

  protected isAnyOp(ops: readonly string[]): boolean {
    const tok = this.peek()
    return tok.t === 'op' && ops.includes((tok as { v?: unknown }).v as string)
  }

  /** Consume and return the next token when it is one of the operators `ops`. */
  protected takeOp(ops: readonly string[]): string | null {
    return this.isAnyOp(ops) ? ((this.next() as { v?: unknown }).v as string) : null
  }

  protected expectOp(v: string): void {
    if (!this.eatOp(v)) this.unexpected(`'${v}'`)
  }

  protected expectKw(v: string): void {
    if (!this.eatKw(v)) this.unexpected(`"${v}"`)
  }
}
