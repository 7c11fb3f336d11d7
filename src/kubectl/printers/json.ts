// JSON as Go's encoding/json writes kubectl's objects (sorted keys, <>& escaped, 4-space -o json),
// and Go's %#v/%v of decoded JSON for kubectl's error dumps. Upstream: Go src/encoding/json/encode.go,
// src/fmt/print.go; cli-runtime pkg/printers/json.go.

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
}

function goNumber(n: number): string {
  if (Number.isInteger(n)) return String(n)
  // strconv 'g'-like shortest form with Go's exponent threshold (1e21 and 1e-7 as Go's encoder).
  const abs = Math.abs(n)
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    const s = n.toExponential()
    return s.replace(/e([+-])(\d)$/, 'e$10$2')
  }
  return String(n)
}

function encode(v: unknown, indent: string, level: number, sorted = true): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return goString(v)
  if (typeof v === 'number') return goNumber(v)
  if (typeof v === 'boolean') return String(v)
  const nl = indent ? '\n' : ''
  const pad = indent.repeat(level + 1)
  const close = indent.repeat(level)
  const sep = indent ? ': ' : ':'
  if (Array.isArray(v)) {
    if (!v.length) return '[]'
    return '[' + nl + v.map((x) => pad + encode(x, indent, level + 1, sorted)).join(',' + nl) + nl + close + ']'
  }
  const o = v as Record<string, unknown>
  const keys = Object.keys(o).filter((k) => o[k] !== undefined)
  if (sorted) keys.sort()
  if (!keys.length) return '{}'
  return '{' + nl + keys.map((k) => pad + goString(k) + sep + encode(o[k], indent, level + 1, sorted)).join(',' + nl) + nl + close + '}'
}

/**
 * json.MarshalIndent of a typed Go struct: fields in the struct's declaration order (the
 * object's own key order here), for commands that print typed objects (kubectl events).
 */
export function goJsonIndentStruct(v: unknown): string {
  return encode(v, '    ', 0, false)
}

/** json.Marshal. */
export function goJsonCompact(v: unknown): string {
  return encode(v, '', 0)
}

/** json.MarshalIndent(v, "", "    "), without the trailing newline. */
export function goJsonIndent(v: unknown): string {
  return encode(v, '    ', 0)
}

/** Go's %#v of a decoded JSON value (map[string]interface {}, []interface {}, ...). */
export function goSyntax(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)'
  if (typeof v === 'string') return goQuote(v)
  if (typeof v === 'number') return goNumber(v)
  if (typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return '[]interface {}{' + v.map((x) => goSyntax(x)).join(', ') + '}'
  const o = v as Record<string, unknown>
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
  return 'map[string]interface {}{' + keys.map((k) => `${goQuote(k)}:${goSyntax(o[k])}`).join(', ') + '}'
}

/** Go's %v of a decoded JSON value: map[k:v k2:v2], [a b], <nil>. */
export function goPlain(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'string') return v
  if (typeof v === 'number') return goNumber(v)
  if (typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return '[' + v.map(goPlain).join(' ') + ']'
  const o = v as Record<string, unknown>
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
  return 'map[' + keys.map((k) => `${k}:${goPlain(o[k])}`).join(' ') + ']'
}

/** strconv.Quote: Go's double-quoted string with \n, \t, \x.. escapes; printable Unicode kept. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (ch === '"' || ch === '\\') out += '\\' + ch
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\x07') out += '\\a'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\f') out += '\\f'
    else if (ch === '\v') out += '\\v'
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0')
    else if (cp >= 0x80 && cp < 0xa0) out += '\\u' + cp.toString(16).padStart(4, '0')
    else out += ch
  }
  return out + '"'
}

/** The object as it crosses the wire: undefined fields gone, managedFields hidden unless asked. */
export function wireObject<T>(obj: T, showManagedFields = false): T {
  const copy = JSON.parse(JSON.stringify(obj)) as T & { metadata?: { managedFields?: unknown } }
  if (!showManagedFields && copy && typeof copy === 'object' && copy.metadata) delete copy.metadata.managedFields
  return copy
}

/** `-o json` of one object or a List: indented JSON and a newline. */
export function printJson(obj: unknown): string {
  return goJsonIndent(obj) + '\n'
}
