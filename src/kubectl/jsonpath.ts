// kubectl's JSONPath grammar ({.a.b}, [n], [a:b:c], [*], unions, ['key'], .., filters, range/end,
// quoted text) parsed with its error texts. Upstream: k8s.io/client-go util/jsonpath/parser.go.
import { goJsonCompact, goJsonIndent } from './printers/json.ts'

type Json = unknown

interface Param {
  value: number
  known: boolean
  derived: boolean
}

export type JpNode =
  | { t: 'list'; nodes: JpNode[] }
  | { t: 'text'; text: string }
  | { t: 'field'; name: string }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'array'; params: [Param, Param, Param] }
  | { t: 'union'; lists: JpNode[] }
  | { t: 'filter'; left: JpNode; right: JpNode; op: string }
  | { t: 'int'; value: number }
  | { t: 'float'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'ident'; name: string }

export class JsonPathError extends Error {}

const list = (): { t: 'list'; nodes: JpNode[] } => ({ t: 'list', nodes: [] })

// ------------------------------------------------------------------------- parser

const isSpace = (c: string) => c === ' ' || c === '\t'
const isEol = (c: string) => c === '\r' || c === '\n'
const isTerminator = (c: string) => c === '' || isSpace(c) || isEol(c) || '.,[]$@{}'.includes(c)
const isDigit = (c: string) => /^\p{Nd}$/u.test(c)
const isAlphaNumeric = (c: string) => c === '_' || /^[\p{L}\p{Nd}]$/u.test(c)

/** Go's %#U of a rune: U+007E '~'. */
function goRune(c: string): string {
  const cp = c.codePointAt(0)!
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${c}'`
}

class Parser {
  private pos = 0
  private start = 0
  readonly root = list()

  constructor(private input: string) {}

  private next(): string {
    if (this.pos >= this.input.length) return ''
    const c = String.fromCodePoint(this.input.codePointAt(this.pos)!)
    this.pos += c.length
    this.lastWidth = c.length
    return c
  }
  private lastWidth = 0
  private backup(): void {
    this.pos -= this.lastWidth
  }
  private peek(): string {
    const c = this.next()
    if (c) this.backup()
    return c
  }
  private consume(): string {
    const v = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return v
  }
  private rest(): string {
    return this.input.slice(this.pos)
  }

  parse(): JpNode {
    this.parseText(this.root)
    return this.root
  }

  private parseText(cur: { nodes: JpNode[] }): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.nodes.push({ t: 'text', text: this.consume() })
        this.pos += 1
        this.consume()
        const node = list()
        cur.nodes.push(node)
        this.parseInside(node)
        return
      }
      if (this.next() === '') break
    }
    if (this.pos > this.start) cur.nodes.push({ t: 'text', text: this.consume() })
  }

  private parseInside(cur: { nodes: JpNode[] }): void {
    for (;;) {
      const rest = this.rest()
      if (rest.startsWith('}')) {
        this.pos += 1
        this.consume()
        this.parseText(this.root)
        return
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur)
        continue
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur)
        continue
      }
      const r = this.next()
      if (r === '' || isEol(r)) throw new JsonPathError('unclosed action')
      if (r === ' ' || r === '@' || r === '$') this.consume()
      else if (r === '[') this.parseArray(cur)
      else if (r === '"' || r === "'") this.parseQuote(cur, r)
      else if (r === '.') this.parseField(cur)
      else if (r === '+' || r === '-' || isDigit(r)) {
        this.backup()
        this.parseNumber(cur)
      } else if (isAlphaNumeric(r)) {
        this.backup()
        this.parseIdentifier(cur)
      } else throw new JsonPathError(`unrecognized character in action: ${goRune(r)}`)
    }
  }

  private parseIdentifier(cur: { nodes: JpNode[] }): void {
    for (;;) {
      const r = this.next()
      if (isTerminator(r)) {
        if (r) this.backup()
        break
      }
    }
    const v = this.consume()
    cur.nodes.push(v === 'true' || v === 'false' ? { t: 'bool', value: v === 'true' } : { t: 'ident', name: v })
  }

  private parseRecursive(cur: { nodes: JpNode[] }): void {
    if (cur.nodes[cur.nodes.length - 1]?.t === 'recursive') throw new JsonPathError('invalid multiple recursive descent')
    this.pos += 2
    this.consume()
    cur.nodes.push({ t: 'recursive' })
    if (isAlphaNumeric(this.peek())) this.parseField(cur)
  }

  private parseNumber(cur: { nodes: JpNode[] }): void {
    const r = this.peek()
    if (r === '+' || r === '-') this.next()
    for (;;) {
      const c = this.next()
      if (c !== '.' && !isDigit(c)) {
        if (c) this.backup()
        break
      }
    }
    const v = this.consume()
    if (/^[+-]?\d+$/.test(v)) cur.nodes.push({ t: 'int', value: parseInt(v, 10) })
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v)) cur.nodes.push({ t: 'float', value: parseFloat(v) })
    else throw new JsonPathError(`cannot parse number ${v}`)
  }

  private parseArray(cur: { nodes: JpNode[] }): void {
    for (;;) {
      const c = this.next()
      if (c === '' || c === '\n') throw new JsonPathError('unterminated array')
      if (c === ']') break
    }
    let text = this.consume()
    text = text.slice(1, -1)
    if (text === '*') text = ':'
    const parts = text.split(',')
    if (parts.length > 1) {
      cur.nodes.push({ t: 'union', lists: parts.map((s) => parseAction(`[${s.trim()}]`)) })
      return
    }
    const dict = /^'([^']*)'$/.exec(text)
    if (dict) {
      cur.nodes.push(...(parseAction(`.${dict[1]}`) as { nodes: JpNode[] }).nodes)
      return
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text)
    if (!m) throw new JsonPathError(`invalid array index ${text}`)
    const params: [Param, Param, Param] = [0, 1, 2].map(() => ({ value: 0, known: false, derived: false })) as [Param, Param, Param]
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? ''
      if (v !== '') {
        if (i > 0) v = v.slice(1)
        if (i > 0 && v === '') params[i].known = false
        else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathError(`array index ${v} is not a number`)
          params[i] = { value: parseInt(v, 10), known: true, derived: false }
        }
      } else if (i === 1) params[1] = { value: params[0].value + 1, known: true, derived: true }
    }
    cur.nodes.push({ t: 'array', params })
  }

  private parseFilter(cur: { nodes: JpNode[] }): void {
    this.pos += 3
    this.consume()
    let begin = false
    let end = false
    let pair = ''
    for (;;) {
      const r = this.next()
      if (r === '' || r === '\n') throw new JsonPathError('unterminated filter')
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true
          pair = r
          continue
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true
      } else if (r === ')') {
        if (begin === end) break
      }
    }
    if (this.next() !== ']') throw new JsonPathError('unclosed array expect ]')
    const text = this.consume().slice(0, -2)
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text)
    if (!m) cur.nodes.push({ t: 'filter', left: parseAction(text), right: list(), op: 'exists' })
    else cur.nodes.push({ t: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), op: m[2] })
  }

  private parseQuote(cur: { nodes: JpNode[] }, quote: string): void {
    for (;;) {
      const c = this.next()
      if (c === '' || c === '\n') throw new JsonPathError('unterminated quoted string')
      if (c === quote && this.input[this.pos - 2] !== '\\') break
    }
    const raw = this.consume()
    cur.nodes.push({ t: 'text', text: unquoteExtend(raw) })
  }

  private parseField(cur: { nodes: JpNode[] }): void {
    this.consume()
    for (;;) {
      const r = this.next()
      if (r === '\\') {
        this.next()
        continue
      }
      if (isTerminator(r)) {
        if (r) this.backup()
        break
      }
    }
    const v = this.consume()
    cur.nodes.push(v === '*' ? { t: 'wildcard' } : { t: 'field', name: v.replace(/\\/g, '') })
  }
}

/** parseAction: parse "{text}" and return its only list. */
function parseAction(text: string): JpNode {
  const p = new Parser(`{${text}}`)
  const root = p.parse() as { nodes: JpNode[] }
  return root.nodes[0]
}

/** strconv.Unquote extended to single quotes. */
function unquoteExtend(s: string): string {
  const q = s[0]
  const body = s.slice(1, -1)
  if (!body.includes('\\')) return body
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (c !== '\\') {
      out += c
      continue
    }
    const e = body[++i]
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }
    if (e in simple) out += simple[e]
    else if (e === q) out += q
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8
      const hex = body.slice(i + 1, i + 1 + n)
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw new JsonPathError(`unquote string ${s} error invalid syntax`)
      out += String.fromCodePoint(parseInt(hex, 16))
      i += n
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3)
      if (!/^[0-7]{3}$/.test(oct)) throw new JsonPathError(`unquote string ${s} error invalid syntax`)
      out += String.fromCharCode(parseInt(oct, 8))
      i += 2
    } else throw new JsonPathError(`unquote string ${s} error invalid syntax`)
  }
  return out
}

export function parseJsonPath(template: string): JpNode {
  return new Parser(template).parse()
}

export { evaluateJsonPath, printJsonPath, type JsonPathOptions } from './jsonpath-eval.ts'
export { goJsonCompact, goJsonIndent }
export type { Json }
