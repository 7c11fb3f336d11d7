// Which quoting go-yaml v2 gives a string: plain when it reads back the same and the emitter allows it,
// else single- or double-quoted; multi-line text as a literal block. Upstream: gopkg.in/yaml.v2
// resolve.go, encode.go (stringv), emitterc.go (analyze_scalar, select_scalar_style).

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal'

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
])

const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/

/** strconv.ParseInt/ParseUint(s, 0, 64) succeed? (Go literal syntax with base prefixes.) */
function goIntSyntax(s: string): boolean {
  return /^[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.test(s)
}

/** strconv.ParseFloat accepts it (decimal, or hex float). */
function goFloatSyntax(s: string): boolean {
  return /^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+|[iI][nN][fF]([iI][nN][iI][tT][yY])?|[nN][aA][nN])$/.test(s)
}

function validDate(y: string, mo: string, d: string): boolean {
  const m = Number(mo)
  const day = Number(d)
  if (m < 1 || m > 12 || day < 1) return false
  const days = [31, Number(y) % 4 === 0 && (Number(y) % 100 !== 0 || Number(y) % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return day <= days[m - 1]
}

/** go-yaml's parseTimestamp: the four layouts it tries with time.Parse. */
function isTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  if (m) return validDate(m[1], m[2], m[3])
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})([Tt]|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(s)
  if (!m) return false
  const spaced = m[5] === ' '
  if (spaced && m[10]) return false
  if (!spaced && !m[10]) return false
  return validDate(m[1], m[2], m[3]) && Number(m[6]) < 24 && Number(m[7]) < 60 && Number(m[8]) < 60
}

/** resolve("", s) == !!str: the plain scalar would read back as this string. */
export function resolvesToString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return false
  const c = s[0]
  if (c === '.') return !goFloatSyntax(s)
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    if (isTimestamp(s)) return false
    const plain = s.replace(/_/g, '')
    if (goIntSyntax(plain)) return false
    if (YAML_FLOAT.test(plain) && goFloatSyntax(plain)) return false
    if (/^-?0b[01]+$/.test(plain)) return false
  }
  return true
}

interface Analysis {
  multiline: boolean
  blockPlainAllowed: boolean
  singleQuotedAllowed: boolean
  blockAllowed: boolean
}

export const isBreak = (c: string | undefined) => c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029'
const isBlankZ = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || isBreak(c)

/** is_printable for one character (the emitter runs with unicode enabled). */
function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
}

function analyze(s: string): Analysis {
  const cs = [...s]
  if (!cs.length) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false }
  let block = false
  let lineBreaks = false
  let special = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let prevSpace = false
  let prevBreak = false
  if (s.startsWith('---') || s.startsWith('...')) block = true
  let precededByWhitespace = true
  let followedByWhitespace = isBlankZ(cs[1])
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) block = true
      if ((c === '?' || c === ':') && followedByWhitespace) block = true
      if (c === '-' && followedByWhitespace) block = true
    } else {
      if (c === ':' && followedByWhitespace) block = true
      if (c === '#' && precededByWhitespace) block = true
    }
    if (!isPrintable(c)) special = true
    if (isBreak(c)) lineBreaks = true
    if (c === ' ') {
      if (i === 0) leadingSpace = true
      if (i === cs.length - 1) trailingSpace = true
      if (prevBreak) breakSpace = true
      prevSpace = true
      prevBreak = false
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true
      if (i === cs.length - 1) trailingBreak = true
      if (prevSpace) spaceBreak = true
      prevSpace = false
      prevBreak = true
    } else {
      prevSpace = false
      prevBreak = false
    }
    precededByWhitespace = isBlankZ(c)
    if (i + 1 < cs.length) followedByWhitespace = isBlankZ(cs[i + 2])
  }
  let blockPlainAllowed = true
  let singleQuotedAllowed = true
  let blockAllowed = true
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false
  if (trailingSpace) blockAllowed = false
  if (breakSpace) {
    blockPlainAllowed = false
    singleQuotedAllowed = false
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false
    singleQuotedAllowed = false
    blockAllowed = false
  }
  if (lineBreaks) blockPlainAllowed = false
  if (block) blockPlainAllowed = false
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed }
}

/** The style go-yaml's encoder asks for, then what the emitter settles on (block context). */
export function scalarStyle(s: string, simpleKey: boolean): ScalarStyle {
  const canUsePlain = resolvesToString(s) && !BASE60_FLOAT.test(s)
  let style: ScalarStyle = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double'
  const a = analyze(s)
  if (simpleKey && a.multiline) style = 'double'
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single'
    if (!s.length && simpleKey) style = 'single'
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double'
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double'
  return style
}
