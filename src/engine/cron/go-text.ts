// The bits of Go's standard library the cron parser's behaviour and error texts depend on:
// strings.Fields / TrimSpace (unicode.IsSpace), strconv.Atoi and strconv.Quote, and the
// time package's own quote() (go/src/strings, go/src/strconv/atoi.go, quote.go, time/format.go).

/** unicode.IsSpace: Go's White_Space set (JS \s differs: it has U+FEFF, lacks U+0085). */
const SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const SPACES = new RegExp(`[${SPACE}]+`)
const TRIM = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, 'g')

export function fields(s: string): string[] {
  return s.split(SPACES).filter((f) => f !== '')
}

export function trimSpace(s: string): string {
  return s.replace(TRIM, '')
}

const INT64_MAX = (1n << 63n) - 1n
const UINT64_MAX = (1n << 64n) - 1n

/** strconv.Atoi (64-bit int): the value, or the NumError text. */
export function atoi(s0: string): bigint | string {
  const syntax = `strconv.Atoi: parsing ${quote(s0)}: invalid syntax`
  const range = `strconv.Atoi: parsing ${quote(s0)}: value out of range`
  let s = s0
  let neg = false
  if (s !== '' && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-'
    s = s.slice(1)
  }
  if (s === '') return syntax
  // Short inputs take Atoi's fast path; long ones ParseUint's, which reports whichever
  // of a bad digit or an overflow it meets first.
  const fast = s0.length < 19
  const cutoff = UINT64_MAX / 10n + 1n
  let n = 0n
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return syntax
    if (!fast && n >= cutoff) return range
    n = n * 10n + BigInt(c)
    if (!fast && n > UINT64_MAX) return range
  }
  if (!fast && (neg ? n > INT64_MAX + 1n : n > INT64_MAX)) return range
  return neg ? -n : n
}

const ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' }
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u

/** strconv.Quote: Go string syntax, printable runes kept, the rest escaped. */
export function quote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (ESCAPES[ch]) out += ESCAPES[ch]
    else if (cp >= 0x20 && cp < 0x7f) out += ch
    else if (cp < 0x80) out += '\\x' + cp.toString(16).padStart(2, '0')
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'
    else if (PRINTABLE.test(ch)) out += ch
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0')
    else out += '\\U' + cp.toString(16).padStart(8, '0')
  }
  return out + '"'
}

/** The time package's quote(): only `"` and `\` escaped, non-ASCII and controls as \x bytes. */
export function timeQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (cp >= 0x20 && cp < 0x80) out += ch === '"' || ch === '\\' ? '\\' + ch : ch
    else for (const b of utf8(cp)) out += '\\x' + b.toString(16).padStart(2, '0')
  }
  return out + '"'
}

function utf8(cp: number): number[] {
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd
  if (cp < 0x80) return [cp]
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
}
