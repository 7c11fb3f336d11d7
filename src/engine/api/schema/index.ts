// The API schema of the kinds the simulated cluster serves: one field tree per
// kind feeds strict decoding (admission), `kubectl explain` and the editor's
// JSON Schema. Lookups by field path, and the type labels explain prints.
import { CronJob, Job } from './batch.ts'
import { Namespace, Node, PersistentVolumeClaim } from './cluster.ts'
import { Pod } from './pod-status.ts'
import type { FieldNode, Lang, TypeNode } from './types.ts'

export type { FieldNode, Lang, Text, TypeNode } from './types.ts'

export interface KindSchema {
  kind: string
  group: string
  version: string
  type: TypeNode
}

const list: KindSchema[] = [
  { kind: 'Job', group: 'batch', version: 'v1', type: Job },
  { kind: 'CronJob', group: 'batch', version: 'v1', type: CronJob },
  { kind: 'Pod', group: '', version: 'v1', type: Pod },
  { kind: 'Namespace', group: '', version: 'v1', type: Namespace },
  { kind: 'Node', group: '', version: 'v1', type: Node },
  { kind: 'PersistentVolumeClaim', group: '', version: 'v1', type: PersistentVolumeClaim },
]

const byKind = new Map(list.map((k) => [k.kind, k]))

export function schemaKinds(): KindSchema[] {
  return list
}

export function schemaForKind(kind: string): KindSchema | undefined {
  return byKind.get(kind)
}

export function apiVersionOfSchema(k: KindSchema): string {
  return k.group ? `${k.group}/${k.version}` : k.version
}

/** The node a value at this level is described by: arrays and maps are looked through. */
export function elementType(node: TypeNode): TypeNode {
  let n = node
  while (n.kind === 'array' || n.kind === 'map') n = n.kind === 'array' ? n.items! : n.values!
  return n
}

export interface Resolved {
  /** The field reached, absent for the kind itself. */
  field?: FieldNode
  /** Its type (for arrays and maps, the container type). */
  type: TypeNode
  /** The JSON name of the last segment, or the kind. */
  name: string
}

/**
 * Walk a dotted field path as `kubectl explain job.spec.template` does (the path
 * after the kind). Returns the first unknown segment when a name does not exist.
 */
export function resolvePath(kind: string, path: string[]): Resolved | { missing: string } | undefined {
  const k = byKind.get(kind)
  if (!k) return undefined
  let cur: Resolved = { type: k.type, name: kind }
  for (const seg of path) {
    const obj = elementType(cur.type)
    const f = obj.kind === 'object' ? obj.fields?.[seg] : undefined
    if (!f) return { missing: seg }
    cur = { field: f, type: f.type, name: seg }
  }
  return cur
}

/** The type label `kubectl explain` prints: <string>, <integer>, <Object>, <[]Object>, <map[string]string>... */
export function explainType(node: TypeNode): string {
  return `<${typeLabel(node)}>`
}

function typeLabel(node: TypeNode): string {
  switch (node.kind) {
    case 'string':
    case 'time':
      return 'string'
    case 'integer':
      return 'integer'
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'quantity':
      return 'Quantity'
    case 'int-or-string':
      return 'IntOrString'
    case 'object':
      return 'Object'
    case 'array':
      return '[]' + typeLabel(node.items!)
    case 'map':
      return `map[string]${typeLabel(node.values!)}`
  }
}

/** The fields of an object (or of an array's/map's element), sorted by name as explain lists them. */
export function fieldsOf(node: TypeNode): [string, FieldNode][] {
  const obj = elementType(node)
  return Object.entries(obj.fields ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** A field's or type's description in one language. */
export function describe(r: Resolved, lang: Lang): string {
  const text = r.field?.desc ?? elementType(r.type).desc
  return text ? text[lang] : ''
}
