// JSON read the way Go's encoding/json reads it, so that malformed input fails
// with Go's messages: "invalid character 'b' looking for beginning of object key
// string", byte offsets as json.SyntaxError counts them, "unexpected EOF" from a
// json.Decoder and "unexpected end of JSON input" from json.Unmarshal.
// Upstream: go/src/encoding/json/scanner.go (the step functions and quoteChar).

export class GoJsonError extends Error {
  constructor(
    message: string,
    /** Bytes read when the error happened, the bad byte included (json.SyntaxError.Offset). */
    readonly offset: number,
    /** The input ended inside a value. */
    readonly eof: boolean,
  ) {
    super(message)
  }
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r'

/** strconv.Quote of one byte turned into a rune, in single quotes (scanner.go quoteChar). */
function quoteChar(s: string, i: number): string {
  const c = s[i]
  if (c === "'") return "'\\''"
  if (c === '"') return `'"'`
  let code = s.codePointAt(i)!
  if (code >= 0x80) code = firstUtf8Byte(code)
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 92: '\\\\' }
  if (named[code]) return `'${named[code]}'`
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`
  if (code >= 0x80 && (code < 0xa1 || code === 0xad)) return `'\\u${code.toString(16).padStart(4, '0')}'`
  return `'${String.fromCodePoint(code)}'`
}

function firstUtf8Byte(cp: number): number {
  if (cp < 0x800) return 0xc0 | (cp >> 6)
  if (cp < 0x10000) return 0xe0 | (cp >> 12)
  return 0xf0 | (cp >> 18)
}

function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
}

class Reader {
  pos: number
  constructor(
    readonly s: string,
    start: number,
    /** Bytes before `start` (offsets are counted from the stream's start). */
    private readonly base: number,
    private readonly startIndex: number,
  ) {
    this.pos = start
  }

  offsetAt(i: number): number {
    let bytes = this.base
    for (let k = this.startIndex; k < i; ) {
      const cp = this.s.codePointAt(k)!
      bytes += utf8Length(cp)
      k += cp > 0xffff ? 2 : 1
    }
    return bytes
  }

  fail(context: string): never {
    if (this.pos >= this.s.length) throw new GoJsonError('unexpected end of JSON input', this.offsetAt(this.pos), true)
    throw new GoJsonError(`invalid character ${quoteChar(this.s, this.pos)} ${context}`, this.offsetAt(this.pos) + 1, false)
  }

  skipSpace(): void {
    while (this.pos < this.s.length && isSpace(this.s[this.pos])) this.pos++
  }

  value(): unknown {
    this.skipSpace()
    const c = this.s[this.pos]
    if (c === '{') return this.object()
    if (c === '[') return this.array()
    if (c === '"') return this.string()
    if (c === '-' || (c >= '0' && c <= '9')) return this.number()
    if (c === 't') return this.literal('true', true)
    if (c === 'f') return this.literal('false', false)
    if (c === 'n') return this.literal('null', null)
    return this.fail('looking for beginning of value')
  }

  private object(): Record<string, unknown> {
    this.pos++
    const out: Record<string, unknown> = {}
    this.skipSpace()
    if (this.s[this.pos] === '}') {
      this.pos++
      return out
    }
    for (;;) {
      this.skipSpace()
      if (this.s[this.pos] !== '"') this.fail('looking for beginning of object key string')
      const key = this.string()
      this.skipSpace()
      if (this.s[this.pos] !== ':') this.fail('after object key')
      this.pos++
      out[key] = this.value()
      this.skipSpace()
      const c = this.s[this.pos]
      this.pos++
      if (c === '}') return out
      if (c !== ',') {
        this.pos--
        this.fail('after object key:value pair')
      }
    }
  }

  private array(): unknown[] {
    this.pos++
    const out: unknown[] = []
    this.skipSpace()
    if (this.s[this.pos] === ']') {
      this.pos++
      return out
    }
    for (;;) {
      out.push(this.value())
      this.skipSpace()
      const c = this.s[this.pos]
      this.pos++
      if (c === ']') return out
      if (c !== ',') {
        this.pos--
        this.fail('after array element')
      }
    }
  }

  private string(): string {
    const start = this.pos
    this.pos++
    for (;;) {
      const c = this.s[this.pos]
      if (c === undefined) this.fail('in string literal')
      if (c === '"') break
      if (c === '\\') {
        this.pos++
        const e = this.s[this.pos]
        if (e === 'u') {
          for (let i = 1; i <= 4; i++) {
            this.pos++
            if (!/^[0-9a-fA-F]$/.test(this.s[this.pos] ?? '')) this.fail('in \\u hexadecimal character escape')
          }
        } else if (e === undefined || !'bfnrt\\/"'.includes(e)) this.fail('in string escape code')
      } else if (c < ' ') this.fail('in string literal')
      this.pos++
    }
    this.pos++
    return JSON.parse(this.s.slice(start, this.pos)) as string
  }

  private number(): number {
    const start = this.pos
    const digits = () => {
      while (this.s[this.pos] >= '0' && this.s[this.pos] <= '9') this.pos++
    }
    if (this.s[this.pos] === '-') {
      this.pos++
      if (!(this.s[this.pos] >= '0' && this.s[this.pos] <= '9')) this.fail('in numeric literal')
    }
    if (this.s[this.pos] === '0') this.pos++
    else digits()
    if (this.s[this.pos] === '.') {
      this.pos++
      if (!(this.s[this.pos] >= '0' && this.s[this.pos] <= '9')) this.fail('after decimal point in numeric literal')
      digits()
    }
    if (this.s[this.pos] === 'e' || this.s[this.pos] === 'E') {
      this.pos++
      if (this.s[this.pos] === '+' || this.s[this.pos] === '-') this.pos++
      if (!(this.s[this.pos] >= '0' && this.s[this.pos] <= '9')) this.fail('in exponent of numeric literal')
      digits()
    }
    return Number(this.s.slice(start, this.pos))
  }

  private literal(word: string, v: unknown): unknown {
    for (let i = 0; i < word.length; i++) {
      if (this.s[this.pos] !== word[i]) this.fail(`in literal ${word} (expecting ${quoteChar(word, i)})`)
      this.pos++
    }
    return v
  }
}

/** json.Unmarshal: exactly one value, surrounded by nothing but whitespace. */
export function goJsonUnmarshal(text: string): unknown {
  const r = new Reader(text, 0, 0, 0)
  const v = r.value()
  r.skipSpace()
  if (r.pos < text.length) r.fail('after top-level value')
  return v
}

/**
 * One value of a json.Decoder stream, starting at `start` (`base` bytes already
 * read before it). Returns undefined at the end of the stream; throws
 * GoJsonError, whose message for a truncated value is "unexpected EOF".
 */
export function goJsonDecodeNext(text: string, start: number, base = 0): { value: unknown; end: number } | undefined {
  const r = new Reader(text, start, base, start)
  r.skipSpace()
  if (r.pos >= text.length) return undefined
  try {
    const value = r.value()
    return { value, end: r.pos }
  } catch (e) {
    if (e instanceof GoJsonError && e.eof) throw new GoJsonError('unexpected EOF', e.offset, true)
    throw e
  }
}

/** Byte length of a prefix of `text`, for offsets that continue across calls. */
export function utf8Bytes(text: string, end = text.length): number {
  return new Reader(text, 0, 0, 0).offsetAt(end)
}
