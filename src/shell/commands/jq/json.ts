// JSON in and out as jq does it: a streaming parser for several texts in a row with
// jq's parse errors ("Expected separator between values at line 1, column 5"), and the
// printer (2-space indent, -c, --tab, -S, -a, number formatting of jv_dtoa).
// Upstream: jq src/jv_parse.c, src/jv_print.c, src/jv_dtoa.c (jvp_dtoa_fmt).
import { cmpStr, isObj, LitNum, type Value } from './value.ts'

export class JsonParseError extends Error {}

/** Reads JSON texts one after another; tracks lines for jq's `(at <stdin>:N)`. */
export class JsonReader {
  private i = 0
  /** Newlines consumed so far. */
  line = 0
  private col = 0

  constructor(
    private s: string,
    private allowNan = true,
  ) {}

  /** The next value, or undefined at the end of input. */
  next(): Value | undefined {
    this.ws()
    if (this.i >= this.s.length) return undefined
    const v = this.value()
    // jq's parser has consumed the rest of the line's whitespace when it hands a value over.
    this.wsLine()
    return v
  }

  private fail(msg: string): never {
    throw new JsonParseError(`${msg} at line ${this.line + 1}, column ${this.col}`)
  }

  private advance(n = 1): void {
    for (let k = 0; k < n; k++) {
      if (this.s[this.i] === '\n') {
        this.line++
        this.col = 0
      } else this.col++
      this.i++
    }
  }

  private ws(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i])) this.advance()
  }

  private wsLine(): void {
    while (this.i < this.s.length && ' \t\r'.includes(this.s[this.i])) this.advance()
    if (this.s[this.i] === '\n') this.advance()
  }

  private value(): Value {
    this.ws()
    const c = this.s[this.i]
    if (c === undefined) this.fail('Unfinished JSON term at EOF')
    if (c === '{') return this.object()
    if (c === '[') return this.array()
    if (c === '"') return this.string()
    return this.literal()
  }

  private literal(): Value {
    const m = /^[^\s[\]{}",:]+/.exec(this.s.slice(this.i, this.i + 400))
    const tok = m ? m[0] : this.s[this.i]
    this.advance(tok.length)
    if (tok === 'null') return null
    if (tok === 'true') return true
    if (tok === 'false') return false
    if (this.allowNan && tok === 'nan') return NaN
    if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/.test(tok)) return numberFromLiteral(tok)
    if (/^[-0-9]/.test(tok)) this.fail('Invalid numeric literal')
    if (tok === ']' || tok === '}') this.fail(`Unmatched '${tok}'`)
    this.fail('Invalid literal')
  }

  private string(): string {
    this.advance()
    let out = ''
    for (;;) {
      const j = this.s.indexOf('"', this.i)
      const k = this.s.indexOf('\\', this.i)
      if (j < 0) {
        this.advance(this.s.length - this.i)
        this.fail('Unfinished string at EOF')
      }
      if (k >= 0 && k < j) {
        out += this.s.slice(this.i, k)
        this.advance(k - this.i)
        out += this.escape()
        continue
      }
      out += this.s.slice(this.i, j)
      this.advance(j - this.i + 1)
      return out
    }
  }

  private escape(): string {
    const e = this.s[this.i + 1]
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
    if (e in simple) {
      this.advance(2)
      return simple[e]
    }
    if (e === 'u') {
      const hex = this.s.slice(this.i + 2, this.i + 6)
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        this.advance(2)
        this.fail('Invalid escape')
      }
      this.advance(6)
      return String.fromCharCode(parseInt(hex, 16))
    }
    this.advance(2)
    this.fail('Invalid escape')
  }

  private array(): Value[] {
    this.advance()
    const out: Value[] = []
    this.ws()
    if (this.s[this.i] === ']') {
      this.advance()
      return out
    }
    for (;;) {
      out.push(this.value())
      if (this.closeOrComma(']', '}')) return out
    }
  }

  /** After an element: true at the closing bracket, false at a comma (either taken); jq's error otherwise. */
  private closeOrComma(close: string, other: string): boolean {
    this.ws()
    const c = this.s[this.i]
    if (c !== ',' && c !== close) {
      if (c === undefined) this.fail('Unfinished JSON term at EOF')
      this.advance()
      this.fail(c === other ? `Unmatched '${other}'` : 'Expected separator between values')
    }
    this.advance()
    return c === close
  }

  private object(): Map<string, Value> {
    this.advance()
    const out = new Map<string, Value>()
    this.ws()
    if (this.s[this.i] === '}') {
      this.advance()
      return out
    }
    for (;;) {
      this.ws()
      if (this.s[this.i] === undefined) this.fail('Unfinished JSON term at EOF')
      if (this.s[this.i] !== '"') {
        this.literal()
        this.fail('Object keys must be strings')
      }
      const k = this.string()
      this.ws()
      if (this.s[this.i] !== ':') {
        if (this.s[this.i] === undefined) this.fail('Unfinished JSON term at EOF')
        this.advance()
        this.fail("Objects must consist of key:value pairs")
      }
      this.advance()
      out.set(k, this.value())
      if (this.closeOrComma('}', ']')) return out
    }
  }
}

/** Parse one JSON text (fromjson, --argjson). */
export function parseJson(s: string): Value {
  const r = new JsonReader(s)
  const v = r.next()
  if (v === undefined) throw new JsonParseError('Expected JSON value')
  if (r.next() !== undefined) throw new JsonParseError('Unexpected extra JSON values')
  return v
}

/** A number keeps its literal only where decNumber would print it differently from the double. */
export function numberFromLiteral(tok: string): number | LitNum {
  const n = Number(tok)
  const text = decimalString(tok)
  return text === formatNumber(n) ? n : new LitNum(n, text)
}

/** decNumberToString of a parsed literal: coefficient and exponent as written. */
function decimalString(tok: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(tok)!
  const sign = m[1]
  const frac = m[3] ?? ''
  let coef = (m[2] + frac).replace(/^0+(?=\d)/, '')
  const exp = Number(m[4] ?? 0) - frac.length
  const adjusted = exp + coef.length - 1
  if (exp <= 0 && adjusted >= -6) {
    if (exp === 0) return sign + coef
    const point = coef.length + exp
    if (point > 0) return sign + coef.slice(0, point) + '.' + coef.slice(point)
    return sign + '0.' + '0'.repeat(-point) + coef
  }
  coef = coef.length > 1 ? coef[0] + '.' + coef.slice(1) : coef
  return `${sign}${coef}E${adjusted >= 0 ? '+' : '-'}${Math.abs(adjusted)}`
}

/** jvp_dtoa_fmt: shortest round-trip digits; exponent form past 17 places or below 1e-4. */
export function formatNumber(d: number): string {
  if (Number.isNaN(d)) return 'null'
  if (d > Number.MAX_VALUE) d = Number.MAX_VALUE
  if (d < -Number.MAX_VALUE) d = -Number.MAX_VALUE
  if (d === 0) return Object.is(d, -0) ? '-0' : '0'
  const sign = d < 0 ? '-' : ''
  const [mant, e] = Math.abs(d).toExponential().split('e')
  const digits = mant.replace('.', '')
  const decpt = Number(e) + 1
  if (decpt <= -4 || decpt > digits.length + 15) {
    const ex = decpt - 1
    const body = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits
    return `${sign}${body}e${ex < 0 ? '-' : '+'}${String(Math.abs(ex)).padStart(2, '0')}`
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`
  if (decpt >= digits.length) return sign + digits + '0'.repeat(decpt - digits.length)
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`
}

export interface DumpOptions {
  /** Spaces per level; 0 prints compactly. */
  indent?: number
  tab?: boolean
  sortKeys?: boolean
  ascii?: boolean
}

export function dumpString(s: string, ascii = false): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (c < 0x20 || c === 0x7f) {
      const short: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' }
      out += short[c] ?? '\\u' + c.toString(16).padStart(4, '0')
    } else if (ascii && c > 0x7e) {
      if (c > 0xffff) {
        const v = c - 0x10000
        out += '\\u' + (0xd800 + (v >> 10)).toString(16) + '\\u' + (0xdc00 + (v & 0x3ff)).toString(16)
      } else out += '\\u' + c.toString(16).padStart(4, '0')
    } else out += ch
  }
  return out + '"'
}

export function dump(v: Value, o: DumpOptions = {}, level = 0): string {
  const pretty = o.tab || (o.indent ?? 0) > 0
  const pad = (n: number) => (o.tab ? '\t'.repeat(n) : ' '.repeat((o.indent ?? 0) * n))
  if (v === null) return 'null'
  if (typeof v === 'boolean') return String(v)
  if (typeof v === 'number') return formatNumber(v)
  if (v instanceof LitNum) return Number.isNaN(v.n) ? 'null' : v.text
  if (typeof v === 'string') return dumpString(v, o.ascii)
  if (Array.isArray(v)) {
    if (!v.length) return '[]'
    if (!pretty) return '[' + v.map((x) => dump(x, o, level + 1)).join(',') + ']'
    return '[\n' + v.map((x) => pad(level + 1) + dump(x, o, level + 1)).join(',\n') + '\n' + pad(level) + ']'
  }
  if (!isObj(v)) return 'null'
  if (!v.size) return '{}'
  let keys = [...v.keys()]
  if (o.sortKeys) keys = keys.sort(cmpStr)
  const sep = pretty ? ': ' : ':'
  const items = keys.map((k) => dumpString(k, o.ascii) + sep + dump(v.get(k)!, o, level + 1))
  if (!pretty) return '{' + items.join(',') + '}'
  return '{\n' + items.map((x) => pad(level + 1) + x).join(',\n') + '\n' + pad(level) + '}'
}

/** jv_dump_string_trunc with jq's 15-byte buffer: `"abcdefghij...`. */
export function dumpTrunc(v: Value, size = 15): string {
  const s = dump(v)
  return s.length > size - 1 ? s.slice(0, size - 4) + '...' : s
}
