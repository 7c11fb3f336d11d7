// Label selectors parsed and matched as the API server does, with its error texts, and
// metav1.FormatLabelSelector. Upstream: apimachinery pkg/labels/selector.go (lexer, parser,
// Requirement), pkg/util/validation/validation.go, pkg/apis/meta/v1/helpers.go.
import type { LabelSelector, Labels } from '../engine/api/types.ts'

export type LabelOp = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | '>' | '<'

export interface Requirement {
  key: string
  op: LabelOp
  values: string[]
}

export class SelectorError extends Error {}

// ------------------------------------------------------------------ label keys and values

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/

/** validation.RegexError: the message, examples, and the regex. */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`
}

const QUALIFIED_MSG = regexError(
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]',
  'MyName',
  'my.name',
  '123-abc',
)

/** validation.IsQualifiedName: [] when the label key is valid. */
export function labelKeyErrors(key: string): string[] {
  const errs: string[] = []
  const parts = key.split('/')
  let name: string
  if (parts.length === 1) name = parts[0]
  else if (parts.length === 2) {
    const prefix = parts[0]
    name = parts[1]
    if (!prefix) errs.push('prefix part must be non-empty')
    else errs.push(...dns1123SubdomainErrors(prefix).map((m) => 'prefix part ' + m))
  } else {
    return [`a qualified name ${QUALIFIED_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]
  }
  if (!name) errs.push('name part must be non-empty')
  else if (name.length > 63) errs.push('name part must be no more than 63 characters')
  if (!QUALIFIED_NAME.test(name)) errs.push('name part ' + QUALIFIED_MSG)
  return errs
}

export function dns1123SubdomainErrors(s: string): string[] {
  const errs: string[] = []
  if (s.length > 253) errs.push('must be no more than 253 characters')
  if (!DNS1123_SUBDOMAIN.test(s)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*',
        'example.com',
      ),
    )
  }
  return errs
}

/** validation.IsValidLabelValue. */
export function labelValueErrors(v: string): string[] {
  const errs: string[] = []
  if (v.length > 63) errs.push('must be no more than 63 characters')
  if (!LABEL_VALUE.test(v)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?',
        'MyValue',
        'my_value',
        '12345',
      ),
    )
  }
  return errs
}

// ------------------------------------------------------------------ label selector lexer

type Tok = 'error' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '('
interface Item {
  tok: Tok
  lit: string
}

const LITERALS: Record<string, Tok> = { ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', in: 'in', '<': '<', '!=': '!=', notin: 'notin', '(': '(' }
const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<'])
const WHITE = new Set([' ', '\t', '\r', '\n'])

function lex(s: string): Item[] {
  const items: Item[] = []
  let pos = 0
  for (;;) {
    while (pos < s.length && WHITE.has(s[pos])) pos++
    if (pos >= s.length) {
      items.push({ tok: 'eos', lit: '' })
      return items
    }
    if (SPECIAL.has(s[pos])) {
      let buf = ''
      let last: Item | undefined
      while (pos < s.length && SPECIAL.has(s[pos])) {
        buf += s[pos]
        const t = LITERALS[buf]
        if (t) {
          last = { tok: t, lit: buf }
          pos++
        } else if (last) break
        else pos++
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` })
      continue
    }
    let buf = ''
    while (pos < s.length && !SPECIAL.has(s[pos]) && !WHITE.has(s[pos])) buf += s[pos++]
    items.push({ tok: LITERALS[buf] ?? 'id', lit: buf })
  }
}

// ------------------------------------------------------------------ label selector parser

class LabelParser {
  private pos = 0
  constructor(private items: Item[]) {}

  /** In value context the words `in` and `notin` are plain identifiers. */
  private peek(values: boolean): Item {
    const it = this.items[this.pos]
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it
  }

  private next(values: boolean): Item {
    const it = this.peek(values)
    this.pos++
    return it
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = []
    for (;;) {
      const { tok, lit } = this.peek(true)
      if (tok === 'eos') return reqs
      if (tok !== 'id' && tok !== '!') throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`)
      let r: Requirement
      try {
        r = this.requirement()
      } catch (e) {
        throw new SelectorError(`unable to parse requirement: ${(e as Error).message}`)
      }
      reqs.push(r)
      const t = this.next(true)
      if (t.tok === 'eos') return reqs
      if (t.tok !== ',') throw new SelectorError(`found '${t.lit}', expected: ',' or 'end of string'`)
      const t2 = this.peek(true)
      if (t2.tok !== 'id' && t2.tok !== '!') throw new SelectorError(`found '${t2.lit}', expected: identifier after ','`)
    }
  }

  private requirement(): Requirement {
    let { tok, lit } = this.next(true)
    let negated = false
    if (tok === '!') {
      negated = true
      ;({ tok, lit } = this.next(true))
    }
    if (tok !== 'id') throw new Error(`found '${lit}', expected: identifier`)
    const keyErrs = labelKeyErrors(lit)
    if (keyErrs.length) throw new Error(`: Invalid value: ${JSON.stringify(lit)}: ${keyErrs.join('; ')}`)
    const key = lit
    const after = this.peek(true).tok
    if (after === 'eos' || after === ',') return { key, op: negated ? '!' : 'exists', values: [] }
    if (negated) return { key, op: '!', values: [] }
    const opTok = this.next(false)
    const ops: Partial<Record<Tok, LabelOp>> = { in: 'in', '=': '=', '==': '==', '>': '>', '<': '<', notin: 'notin', '!=': '!=' }
    const op = ops[opTok.tok]
    if (!op) throw new Error(`found '${opTok.lit}', expected: in, notin, =, ==, !=, gt, lt`)
    const values = op === 'in' || op === 'notin' ? this.setValues() : this.exactValue()
    return checkRequirement(key, op, values)
  }

  private setValues(): string[] {
    const open = this.next(true)
    if (open.tok !== '(') throw new Error(`found '${open.lit}' expected: '('`)
    const { tok, lit } = this.peek(true)
    if (tok === ')') {
      this.pos++
      return ['']
    }
    if (tok !== 'id' && tok !== ',') throw new Error(`found '${lit}', expected: ',', ')' or identifier`)
    const s = this.identifierList()
    if (this.next(true).tok !== ')') throw new Error(`found '${lit}', expected: ')'`)
    return s
  }

  private identifierList(): string[] {
    const s = new Set<string>()
    for (;;) {
      const { tok, lit } = this.next(true)
      if (tok === 'id') {
        s.add(lit)
        const t2 = this.peek(true)
        if (t2.tok === ',') continue
        if (t2.tok === ')') return [...s].sort()
        throw new Error(`found '${t2.lit}', expected: ',' or ')'`)
      }
      if (tok === ',') {
        if (!s.size) s.add('')
        const t2 = this.peek(true).tok
        if (t2 === ')') {
          s.add('')
          return [...s].sort()
        }
        if (t2 === ',') s.add('')
        continue
      }
      throw new Error(`found '${lit}', expected: ',', or identifier`)
    }
  }

  private exactValue(): string[] {
    const t = this.peek(true).tok
    if (t === 'eos' || t === ',') return ['']
    const { tok, lit } = this.next(true)
    if (tok === 'id') return [lit]
    throw new Error(`found '${lit}', expected: identifier`)
  }
}

/** labels.NewRequirement's checks of the values. */
function checkRequirement(key: string, op: LabelOp, values: string[]): Requirement {
  const errs: string[] = []
  if (op === '>' || op === '<') {
    values.forEach((v, i) => {
      if (!/^[+-]?\d+$/.test(v)) errs.push(`values[${i}]: Invalid value: ${JSON.stringify(v)}: for 'Gt', 'Lt' operators, the value must be an integer`)
    })
  }
  values.forEach((v, i) => {
    const ve = labelValueErrors(v)
    if (ve.length) errs.push(`values[${i}][${key}]: Invalid value: ${JSON.stringify(v)}: ${ve.join('; ')}`)
  })
  const unique = [...new Set(errs)]
  if (unique.length === 1) throw new Error(unique[0])
  if (unique.length > 1) throw new Error(`[${unique.join(', ')}]`)
  return { key, op, values }
}

/** labels.Parse: requirements sorted by key; throws SelectorError with the server's text. */
export function parseLabelSelector(s: string): Requirement[] {
  const reqs = new LabelParser(lex(s)).parse()
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

export function requirementMatches(r: Requirement, labels: Labels | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key)
  const v = has ? labels![r.key] : undefined
  switch (r.op) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(v!)
    case '!=':
    case 'notin':
      return !has || !r.values.includes(v!)
    case 'exists':
      return has
    case '!':
      return !has
    case '>':
    case '<': {
      if (!has || !/^[+-]?\d+$/.test(v!)) return false
      const n = parseInt(v!, 10)
      const w = parseInt(r.values[0], 10)
      return r.op === '>' ? n > w : n < w
    }
  }
}

export function labelsMatch(reqs: readonly Requirement[], labels: Labels | undefined): boolean {
  return reqs.every((r) => requirementMatches(r, labels))
}

function requirementString(r: Requirement): string {
  const vals = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(',')
  switch (r.op) {
    case 'exists':
      return r.key
    case '!':
      return '!' + r.key
    case 'in':
      return `${r.key} in (${vals})`
    case 'notin':
      return `${r.key} notin (${vals})`
    default:
      return `${r.key}${r.op}${vals}`
  }
}

/** The requirements a metav1.LabelSelector stands for (LabelSelectorAsSelector), sorted by key. */
export function selectorRequirements(sel: LabelSelector | undefined): Requirement[] {
  if (!sel) return []
  const reqs: Requirement[] = Object.entries(sel.matchLabels ?? {}).map(([key, v]) => ({ key, op: '=', values: [v] }))
  for (const e of sel.matchExpressions ?? []) {
    const op: LabelOp = e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!'
    reqs.push({ key: e.key, op, values: op === 'in' || op === 'notin' ? [...(e.values ?? [])] : [] })
  }
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/** metav1.FormatLabelSelector: "k=v,k2 in (a,b)" or "<none>". */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  const s = selectorRequirements(sel).map(requirementString).join(',')
  return s || '<none>'
}

/** A label map as "k=v,…" sorted by key (labels.Set.String / FormatLabels without <none>). */
export function formatLabels(labels: Labels | undefined): string {
  return Object.keys(labels ?? {})
    .sort()
    .map((k) => `${k}=${labels![k]}`)
    .join(',')
}
