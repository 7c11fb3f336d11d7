// Manifest text to JSON values, as kubectl reads `-f` files: the stream is cut
// into documents at `---` lines (apimachinery pkg/util/yaml YAMLReader), and
// each document is converted with YAML 1.1 rules (sigs.k8s.io/yaml over go-yaml
// v2). Syntax errors are reported in go-yaml's words by ./goyaml/check.ts.
import { parseDocument } from 'yaml'
import { goJsonDecodeNext, GoJsonError, utf8Bytes } from './gojson.ts'
import { checkYaml } from './goyaml/check.ts'

export interface YamlDocument {
  text: string
  /** 1-based line of the document's first line in the file. */
  firstLine: number
}

/**
 * Cut a stream at separator lines. Every line of a document ends with "\n"
 * (the reader re-terminates lines it reads, so CRLF becomes LF and a last line
 * gains one). Throws the reader's error for text after `---`.
 */
export function splitDocuments(text: string): YamlDocument[] {
  const docs: YamlDocument[] = []
  let cur = ''
  let first = 1
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  lines.forEach((raw, i) => {
    const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (l.startsWith('---')) {
      const rest = l.slice(3).trim()
      if (rest && !rest.startsWith('#')) throw new Error(`invalid Yaml document separator: ${rest}`)
      docs.push({ text: cur, firstLine: first })
      cur = ''
      first = i + 2
    } else cur += l + '\n'
  })
  docs.push({ text: cur, firstLine: first })
  return docs.filter((d) => d.text.trim() !== '')
}

/** The JSON value of one document (null when empty); throws `yaml: line N: …` as go-yaml would. */
export function yamlToJson(text: string): unknown {
  const verdict = checkYaml(text)
  if (!verdict.ok) throw new Error(verdict.error)
  const doc = parseDocument(text.slice(0, verdict.end), { version: '1.1', uniqueKeys: false, merge: true, intAsBigInt: false })
  if (doc.errors.length) throw new Error(`yaml: ${doc.errors[0].message.split('\n')[0]}`)
  return toJson(doc.toJS({ maxAliasCount: 10000 }))
}

/** YAMLToJSON's conversion: map keys become strings, non-finite numbers and dates become strings. */
function toJson(v: unknown): unknown {
  if (v === undefined || v === null) return null
  if (Array.isArray(v)) return v.map(toJson)
  if (v instanceof Map) {
    const out: Record<string, unknown> = {}
    for (const [k, x] of v) out[keyString(k)] = toJson(x)
    return out
  }
  if (v instanceof Date) return v.toISOString().replace('.000Z', 'Z')
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toJson(x)
    return out
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v)
  return v
}

function keyString(k: unknown): string {
  if (k === null || k === undefined) return 'null'
  if (typeof k === 'object') return JSON.stringify(toJson(k))
  return String(k)
}

/**
 * Every value of one `-f` source, in order, as YAMLOrJSONDecoder reads it
 * (apimachinery pkg/util/yaml/decoder.go): a stream whose first non-space
 * character is `{` is read as concatenated JSON values. Where JSON fails before
 * a second value was read, the rest is read as YAML from that value on, and if
 * YAML fails too the JSON error stands. Stops at the first error, whose text
 * follows "error parsing <file>: ". Empty documents and JSON nulls are dropped,
 * as kubectl's StreamVisitor does.
 */
export function decodeStream(text: string): { values: unknown[]; error?: string } {
  const values: unknown[] = []
  const keep = (v: unknown) => {
    if (v !== null && v !== undefined) values.push(v)
  }
  let yamlText = text
  if (/^\s*\{/.test(text)) {
    let pos = 0
    let count = 0
    for (;;) {
      let next: ReturnType<typeof goJsonDecodeNext>
      try {
        next = goJsonDecodeNext(text, pos, utf8Bytes(text, pos))
      } catch (e) {
        if (!(e instanceof GoJsonError)) throw e
        // Two values make an unambiguous JSON stream: no YAML retry, and the bare error.
        if (count > 1) return { values, error: e.message }
        const jsonError = e.eof ? e.message : `json: offset ${e.offset}: ${e.message}`
        const rest = skipWhitespaceForYaml(text.slice(pos))
        if (rest === undefined) return { values, error: jsonError }
        const first = decodeYamlStream(rest, 1)
        if (first.error !== undefined) return { values, error: jsonError }
        yamlText = rest
        break
      }
      if (!next) return { values }
      keep(next.value)
      count++
      pos = next.end
    }
  }
  const rest = decodeYamlStream(yamlText)
  rest.values.forEach(keep)
  return { values, error: rest.error }
}

/**
 * YAMLOrJSONDecoder.consumeWhitespace: skip spaces up to a newline (kept) or
 * other text; it reads four bytes at a time, so with fewer than four bytes
 * left it gives up (undefined) and the JSON error is reported.
 */
function skipWhitespaceForYaml(s: string): string | undefined {
  for (let i = 0; ; i++) {
    if (utf8Bytes(s) - utf8Bytes(s, i) < 4) return undefined
    if (!/\s/.test(s[i]) || s[i] === '\n') return s.slice(i)
  }
}

function decodeYamlStream(text: string, limit = Infinity): { values: unknown[]; error?: string } {
  const values: unknown[] = []
  let docs: YamlDocument[]
  try {
    docs = splitDocuments(text)
  } catch (e) {
    return { values, error: (e as Error).message }
  }
  for (const d of docs.slice(0, limit)) {
    try {
      values.push(yamlToJson(d.text))
    } catch (e) {
      return { values, error: 'error converting YAML to JSON: ' + (e as Error).message }
    }
  }
  return { values }
}
