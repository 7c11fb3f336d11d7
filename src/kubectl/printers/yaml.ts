// YAML exactly as `kubectl -o yaml` writes it (sigs.k8s.io/yaml over go-yaml v2): natural key order,
// lists at their key's indent, quoting, `|` blocks, scalars folded past column 80.
// Upstream: gopkg.in/yaml.v2 sorter.go, emitterc.go (write_*_scalar, write_indent).
import { isBreak, scalarStyle, type ScalarStyle } from './yaml-scalar.ts'

const BEST_WIDTH = 80

/** go-yaml v2's keyList.Less for string keys: letters after other runes, digit runs by value. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a]
  const br = [...b]
  const isLetter = (c: string) => /^\p{L}$/u.test(c)
  const isDigit = (c: string | undefined) => c !== undefined && /^\p{Nd}$/u.test(c)
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i])
    const bl = isLetter(br[i])
    if (al && bl) return ar[i] < br[i]
    if (al || bl) return bl
    let an = 0
    let bn = 0
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1
          bn = 1
          break
        }
      }
    }
    let ai = i
    let bi = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai])
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi])
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i] < br[i]
  }
  return ar.length < br.length
}

function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0))
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64), as go-yaml writes floats. */
function yamlFloat(n: number): string {
  if (n === Infinity) return '.inf'
  if (n === -Infinity) return '-.inf'
  if (Number.isNaN(n)) return '.nan'
  if (Number.isInteger(n)) return String(n)
  const exp = Math.floor(Math.log10(Math.abs(n)))
  if (exp < -4 || exp >= 21) {
    const [m, e] = n.toExponential().split('e')
    const sign = e[0] === '-' ? '-' : '+'
    return `${m}e${sign}${e.replace(/^[+-]/, '').padStart(2, '0')}`
  }
  return String(n)
}

/** The emitter's output buffer with go-yaml's column bookkeeping. */
class Out {
  text = ''
  column = 0
  whitespace = true
  indention = true

  put(s: string): void {
    for (const c of s) {
      this.text += c
      this.column = c === '\n' ? 0 : this.column + 1
    }
  }

  /** yaml_emitter_write_indent: a new line (unless already at the indent) and spaces. */
  indent(n: number): void {
    if (!this.indention || this.column > n || (this.column === n && !this.whitespace)) this.put('\n')
    while (this.column < n) this.put(' ')
    this.whitespace = true
    this.indention = true
  }

  /** yaml_emitter_write_indicator. */
  indicator(s: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ')
    this.put(s)
    this.whitespace = isWhitespace
    this.indention = this.indention && isIndention
  }
}

const isSpaceCh = (c: string | undefined) => c === ' '

function writePlain(o: Out, s: string, allowBreaks: boolean, indent: number): void {
  if (!o.whitespace) o.put(' ')
  const cs = [...s]
  let spaces = false
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]
    if (isSpaceCh(c)) {
      if (allowBreaks && !spaces && o.column > BEST_WIDTH && !isSpaceCh(cs[i + 1])) o.indent(indent)
      else o.put(c)
      spaces = true
    } else {
      o.put(c)
      spaces = false
    }
    o.indention = false
  }
  o.whitespace = false
  o.indention = false
}

function writeSingle(o: Out, s: string, allowBreaks: boolean, indent: number): void {
  o.indicator("'", true, false, false)
  const cs = [...s]
  let spaces = false
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]
    if (isSpaceCh(c)) {
      if (allowBreaks && !spaces && o.column > BEST_WIDTH && i > 0 && i < cs.length - 1 && !isSpaceCh(cs[i + 1])) o.indent(indent)
      else o.put(c)
      spaces = true
    } else {
      if (c === "'") o.put("'")
      o.put(c)
      o.indention = false
      spaces = false
    }
  }
  o.indicator("'", false, false, false)
  o.whitespace = false
  o.indention = false
}

const DQ_ESCAPES: Record<number, string> = { 0: '0', 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P' }

function needsEscape(c: string): boolean {
  const cp = c.codePointAt(0)!
  const printable = cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  return !printable || cp === 0xfeff || isBreak(c) || c === '"' || c === '\\'
}

function writeDouble(o: Out, s: string, allowBreaks: boolean, indent: number): void {
  o.indicator('"', true, false, false)
  const cs = [...s]
  let spaces = false
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]
    if (needsEscape(c)) {
      const cp = c.codePointAt(0)!
      o.put('\\')
      if (cp in DQ_ESCAPES) o.put(DQ_ESCAPES[cp])
      else if (cp <= 0xff) o.put('x' + cp.toString(16).toUpperCase().padStart(2, '0'))
      else if (cp <= 0xffff) o.put('u' + cp.toString(16).toUpperCase().padStart(4, '0'))
      else o.put('U' + cp.toString(16).toUpperCase().padStart(8, '0'))
      spaces = false
    } else if (isSpaceCh(c)) {
      if (allowBreaks && !spaces && o.column > BEST_WIDTH && i > 0 && i < cs.length - 1) {
        o.indent(indent)
        if (isSpaceCh(cs[i + 1])) o.put('\\')
      } else o.put(c)
      spaces = true
    } else {
      o.put(c)
      spaces = false
    }
  }
  o.indicator('"', false, false, false)
  o.whitespace = false
  o.indention = false
}

function writeLiteral(o: Out, s: string, indent: number): void {
  o.indicator('|', true, false, false)
  const cs = [...s]
  if (isSpaceCh(cs[0]) || isBreak(cs[0])) o.indicator('2', false, false, false)
  const last = cs.length - 1
  if (!cs.length || !isBreak(cs[last])) o.indicator('-', false, false, false)
  else if (last === 0 || isBreak(cs[last - 1])) o.indicator('+', false, false, false)
  o.put('\n')
  o.indention = true
  o.whitespace = true
  let breaks = true
  for (const c of cs) {
    if (isBreak(c)) {
      o.put('\n')
      o.indention = true
      breaks = true
    } else {
      if (breaks) {
        o.indent(indent)
        breaks = false
      }
      o.put(c)
      o.indention = false
    }
  }
}

function writeString(o: Out, s: string, simpleKey: boolean, indent: number): void {
  const style: ScalarStyle = scalarStyle(s, simpleKey)
  if (style === 'plain') writePlain(o, s, !simpleKey, indent)
  else if (style === 'single') writeSingle(o, s, !simpleKey, indent)
  else if (style === 'double') writeDouble(o, s, !simpleKey, indent)
  else writeLiteral(o, s, indent)
}

function writeScalar(o: Out, v: unknown, indent: number): void {
  if (typeof v === 'string') writeString(o, v, false, indent)
  else if (typeof v === 'number') writePlain(o, yamlFloat(v), false, indent)
  else if (typeof v === 'boolean') writePlain(o, String(v), false, indent)
  else writePlain(o, 'null', false, indent)
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

function isEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && !v.length) || (isMap(v) && !sortedKeys(v).length)
}

/** A block mapping whose keys sit at `indent`. */
function emitMap(o: Out, m: Record<string, unknown>, indent: number): void {
  for (const k of sortedKeys(m)) {
    o.indent(indent)
    writeString(o, k, true, indent)
    o.indicator(':', false, false, false)
    emitValue(o, m[k], indent, true)
  }
}

/** A block sequence whose dashes sit at `indent`. */
function emitSeq(o: Out, a: unknown[], indent: number): void {
  for (const item of a) {
    o.indent(indent)
    o.indicator('-', true, false, true)
    emitValue(o, item, indent, false)
  }
}

/** The node after "key:" or "- "; `parent` is the indent of that key or dash. */
function emitValue(o: Out, v: unknown, parent: number, inMapping: boolean): void {
  if (isEmptyCollection(v)) {
    o.indicator(Array.isArray(v) ? '[]' : '{}', true, false, false)
    return
  }
  if (Array.isArray(v)) emitSeq(o, v, inMapping ? parent : parent + 2)
  else if (isMap(v)) emitMap(o, v, parent + 2)
  else writeScalar(o, v, parent + 2)
}

/** One YAML document for a JSON value, ending with a newline. */
export function toYaml(v: unknown): string {
  const o = new Out()
  if (isMap(v) && !isEmptyCollection(v)) emitMap(o, v, 0)
  else if (Array.isArray(v) && v.length) emitSeq(o, v, 0)
  else emitValue(o, v, -2, false)
  o.indent(0)
  return o.text
}
