// Field selectors (`--field-selector`) as the API server parses and applies them: =, ==, != terms and
// per kind its selectable fields and its own error text. Upstream: apimachinery pkg/fields/selector.go;
// k/k pkg/apis/core/v1/conversion.go, pkg/apis/batch/v1/conversion.go, registry strategies.
import type { CronJob, Event, Job, KObject, Namespace, Node, Pod } from '../engine/api/types.ts'
import { SelectorError } from './selectors.ts'

export interface FieldTerm {
  field: string
  op: '=' | '==' | '!='
  value: string
}

/** Split on commas not escaped with a backslash (fields.splitTerms). */
function splitTerms(s: string): string[] {
  if (!s) return []
  const out: string[] = []
  let cur = ''
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      cur += s[i] + s[i + 1]
      i++
    } else if (s[i] === ',') {
      out.push(cur)
      cur = ''
    } else cur += s[i]
  }
  out.push(cur)
  return out
}

/** fields.UnescapeValue: only \\, \, and \= may be escaped. */
function unescape(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      out += s[i]
      continue
    }
    const c = s[i + 1]
    if (c === '\\' || c === ',' || c === '=') {
      out += c
      i++
      continue
    }
    if (c === undefined) throw new SelectorError(`invalid field selector: ${JSON.stringify(s)}: unterminated escape sequence`)
    throw new SelectorError(`invalid field selector: ${JSON.stringify(s)}: invalid escape sequence: \\${c}`)
  }
  return out
}

/** fields.ParseSelector: terms sorted as the parser sorts them. */
export function parseFieldSelector(s: string): FieldTerm[] {
  const terms: FieldTerm[] = []
  for (const part of splitTerms(s).sort()) {
    if (!part) continue
    let found: FieldTerm | undefined
    for (let i = 0; i < part.length && !found; i++) {
      for (const op of ['!=', '==', '='] as const) {
        if (part.startsWith(op, i)) {
          found = { field: part.slice(0, i), op, value: unescape(part.slice(i + op.length)) }
          break
        }
      }
    }
    if (!found) throw new SelectorError(`invalid selector: '${s}'; can't understand '${part}'`)
    terms.push(found)
  }
  return terms
}

type Fields = Record<string, string>
type FieldFn = (o: KObject) => Fields

const meta = (o: KObject): Fields => ({ 'metadata.name': o.metadata.name, 'metadata.namespace': o.metadata.namespace ?? '' })

const POD_FIELDS: FieldFn = (o) => {
  const p = o as Pod
  return {
    ...meta(o),
    'spec.nodeName': p.spec.nodeName ?? '',
    'spec.restartPolicy': p.spec.restartPolicy ?? '',
    'spec.schedulerName': p.spec.schedulerName ?? '',
    'spec.serviceAccountName': p.spec.serviceAccountName ?? '',
    'spec.hostNetwork': String(p.spec.hostNetwork === true),
    'status.phase': p.status?.phase ?? '',
    'status.podIP': p.status?.podIPs?.[0]?.ip ?? p.status?.podIP ?? '',
    'status.podIPs': p.status?.podIPs?.[0]?.ip ?? '',
    'status.nominatedNodeName': p.status?.nominatedNodeName ?? '',
  }
}

const EVENT_FIELDS: FieldFn = (o) => {
  const e = o as Event
  const io = e.involvedObject
  return {
    ...meta(o),
    'involvedObject.kind': io.kind ?? '',
    'involvedObject.namespace': io.namespace ?? '',
    'involvedObject.name': io.name ?? '',
    'involvedObject.uid': io.uid ?? '',
    'involvedObject.apiVersion': io.apiVersion ?? '',
    'involvedObject.resourceVersion': io.resourceVersion ?? '',
    'involvedObject.fieldPath': io.fieldPath ?? '',
    reason: e.reason ?? '',
    reportingComponent: e.reportingComponent ?? '',
    source: e.source?.component ?? '',
    type: e.type ?? '',
  }
}

interface KindFields {
  fields: FieldFn
  /** The conversion's error for a field it does not know. */
  unsupported: (f: string) => string
}

const CORE_ERROR = (f: string) => `field label not supported: ${f}`
const META_ERROR = (f: string) => `${JSON.stringify(f)} is not a known field selector: only "metadata.name", "metadata.namespace"`

const KINDS: Record<string, KindFields> = {
  Pod: { fields: POD_FIELDS, unsupported: CORE_ERROR },
  Event: { fields: EVENT_FIELDS, unsupported: CORE_ERROR },
  Node: { fields: (o) => ({ 'metadata.name': o.metadata.name, 'spec.unschedulable': String((o as Node).spec?.unschedulable === true) }), unsupported: CORE_ERROR },
  Namespace: { fields: (o) => ({ 'metadata.name': o.metadata.name, 'status.phase': (o as Namespace).status?.phase ?? '' }), unsupported: CORE_ERROR },
  Job: {
    fields: (o) => ({ ...meta(o), 'status.successful': String((o as Job).status?.succeeded ?? 0) }),
    unsupported: (f) => `field label ${JSON.stringify(f)} not supported for batchv1.Job`,
  },
  CronJob: { fields: (o) => meta(o as CronJob), unsupported: META_ERROR },
}

function kindFields(kind: string): KindFields {
  return KINDS[kind] ?? { fields: meta, unsupported: META_ERROR }
}

/** The server's field label conversion: throws the kind's error for the first unknown field. */
export function checkFieldTerms(kind: string, terms: readonly FieldTerm[], sample?: KObject): void {
  const k = kindFields(kind)
  const known = new Set(Object.keys(k.fields(sample ?? blank(kind))))
  for (const t of terms) if (!known.has(t.field)) throw new SelectorError(k.unsupported(t.field))
}

export function fieldsMatch(kind: string, terms: readonly FieldTerm[], o: KObject): boolean {
  if (!terms.length) return true
  const f = kindFields(kind).fields(o)
  return terms.every((t) => ((f[t.field] ?? '') === t.value) !== (t.op === '!='))
}

/** An empty object of a kind, to list its selectable fields. */
function blank(kind: string): KObject {
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name: '', uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: { containers: [] },
    status: {},
    involvedObject: {},
    source: {},
  } as unknown as KObject
}
