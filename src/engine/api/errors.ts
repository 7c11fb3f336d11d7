// API errors in the shape the apiserver returns them (metav1.Status), so kubectl
// can print them in its own words. Texts follow k8s.io/apimachinery
// pkg/api/errors/errors.go and pkg/util/validation/field/errors.go.

export interface StatusCause {
  reason: string
  message: string
  field: string
}

export interface Status {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: Record<string, never>
  status: 'Failure'
  message: string
  reason: string
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] }
  code: number
}

export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message)
  }
  get reason(): string {
    return this.status.reason
  }
}

/** "jobs.batch", "pods": the group-qualified resource name used in messages. */
export function qualifiedResource(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource
}

function status(code: number, reason: string, message: string, details?: Status['details']): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code })
}

export function notFound(resource: string, group: string, name: string): StatusError {
  return status(404, 'NotFound', `${qualifiedResource(resource, group)} "${name}" not found`, { name, group, kind: resource })
}

export function alreadyExists(resource: string, group: string, name: string): StatusError {
  return status(409, 'AlreadyExists', `${qualifiedResource(resource, group)} "${name}" already exists`, { name, group, kind: resource })
}

export function conflict(resource: string, group: string, name: string, why: string): StatusError {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(resource, group)} "${name}": ${why}`, { name, group, kind: resource })
}

export function badRequest(message: string): StatusError {
  return status(400, 'BadRequest', message)
}

export function forbidden(message: string): StatusError {
  return status(403, 'Forbidden', message)
}

/** A field error, rendered as field.Error.Error() renders it. */
export interface FieldError {
  type: 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueNotSupported' | 'FieldValueForbidden' | 'FieldValueDuplicate' | 'FieldValueTooLong' | 'FieldValueTooMany' | 'InternalError' | 'FieldValueTypeInvalid' | 'FieldValueNotFound'
  field: string
  /** The rendered bad value, already Go-formatted (quoted strings, bare ints), if any. */
  value?: string
  detail?: string
}

const TYPE_TEXT: Record<FieldError['type'], string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
  FieldValueNotFound: 'Not found',
}

// The types whose bad value is printed (FE ErrorBody); the others print only the detail.
const VALUE_SHOWN = new Set<FieldError['type']>(['FieldValueInvalid', 'FieldValueNotSupported', 'FieldValueDuplicate', 'FieldValueTypeInvalid', 'FieldValueNotFound', 'FieldValueTooMany'])

/** field.Error.ErrorBody(): "Invalid value: 3: field is immutable". */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type]
  if (e.value !== undefined && VALUE_SHOWN.has(e.type)) s += ': ' + e.value
  if (e.detail) s += ': ' + e.detail
  return s
}

export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`
}

/** 422 Invalid, as returned for validation failures: "Job.batch "x" is invalid: [...]". */
export function invalid(kind: string, group: string, name: string, errs: FieldError[]): StatusError {
  const qk = group ? `${kind}.${group}` : kind
  // ErrorList.ToAggregate drops repeated messages; the causes keep every error.
  const list = [...new Set(errs.map(fieldErrorString))]
  const message = `${qk} "${name}" is invalid: ` + (list.length === 1 ? list[0] : `[${list.join(', ')}]`)
  return status(422, 'Invalid', message, {
    name,
    group,
    kind,
    causes: errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })),
  })
}

/** Go's %q (strconv.Quote) for a string value in error texts. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"' || ch === '\\') out += '\\' + ch
    else if (c >= 0x20 && c < 0x7f) out += ch
    else if (c < 0x80 || !isGoPrintable(c)) out += goEscape(c)
    else out += ch
  }
  return out + '"'
}

const SHORT_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' }

function goEscape(c: number): string {
  if (SHORT_ESCAPES[c]) return SHORT_ESCAPES[c]
  if (c < 0x20 || c === 0x7f) return '\\x' + c.toString(16).padStart(2, '0')
  if (c < 0x10000) return '\\u' + c.toString(16).padStart(4, '0')
  return '\\U' + c.toString(16).padStart(8, '0')
}

/** unicode.IsPrint for non-ASCII: letters, marks, numbers, punctuation, symbols, and U+0020 only. */
function isGoPrintable(c: number): boolean {
  if (c === 0xfffd) return true
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(c))
}
