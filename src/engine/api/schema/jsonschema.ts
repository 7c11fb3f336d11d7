// JSON Schema (draft-07) export of the API schema for the browser editor
// (monaco-yaml): completion, hover and markers. Objects are closed
// (additionalProperties: false) so a misspelt field is flagged as the
// apiserver's strict decoding would reject it.
import { apiVersionOfSchema, explainType, schemaForKind } from './index.ts'
import type { FieldNode, Lang, TypeNode } from './types.ts'

export type JsonSchema = Record<string, unknown>

const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'

function describe(node: JsonSchema, text: string | undefined, typeLabel: string, enumValues?: string[]): JsonSchema {
  if (!text) return node
  const md = [`\`${typeLabel}\` ${text}`]
  if (enumValues?.length) md.push('', enumValues.map((v) => `\`${v === '' ? '""' : v}\``).join(' · '))
  return { ...node, description: text, markdownDescription: md.join('\n') }
}

function typeSchema(node: TypeNode, lang: Lang): JsonSchema {
  switch (node.kind) {
    case 'string':
      return node.enum ? { type: 'string', enum: node.enum } : { type: 'string' }
    case 'integer':
      return { type: 'integer', format: node.bits === 32 ? 'int32' : 'int64' }
    case 'number':
      return { type: 'number' }
    case 'boolean':
      return { type: 'boolean' }
    case 'quantity':
      return { anyOf: [{ type: 'string', pattern: QUANTITY_PATTERN }, { type: 'number' }] }
    case 'int-or-string':
      return { anyOf: [{ type: 'integer' }, { type: 'string' }] }
    case 'time':
      return { type: ['string', 'null'], format: 'date-time' }
    case 'array':
      return { type: 'array', items: typeSchema(node.items!, lang) }
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(node.values!, lang) }
    case 'object':
      return objectSchema(node, lang)
  }
}

function fieldSchema(f: FieldNode, lang: Lang): JsonSchema {
  const inner = typeSchema(f.type, lang)
  return describe(inner, f.desc[lang], explainType(f.type), f.type.enum)
}

function objectSchema(node: TypeNode, lang: Lang): JsonSchema {
  if (node.open) return { type: 'object' }
  const properties: Record<string, JsonSchema> = {}
  const required: string[] = []
  for (const [name, f] of Object.entries(node.fields ?? {})) {
    properties[name] = fieldSchema(f, lang)
    if (f.required) required.push(name)
  }
  const out: JsonSchema = { type: 'object', properties, additionalProperties: false }
  if (required.length) out.required = required
  return out
}

/** The draft-07 schema of one kind's manifests, with descriptions in `lang`. */
export function toJsonSchema(kind: string, lang: Lang = 'en'): JsonSchema | undefined {
  const k = schemaForKind(kind)
  if (!k) return undefined
  const root = objectSchema(k.type, lang)
  const props = root.properties as Record<string, JsonSchema>
  props.apiVersion = { ...props.apiVersion, enum: [apiVersionOfSchema(k)] }
  props.kind = { ...props.kind, enum: [kind] }
  const text = k.type.desc?.[lang]
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `batchlab:${apiVersionOfSchema(k)}/${kind}`,
    title: kind,
    ...describe(root, text, kind),
    required: ['apiVersion', 'kind'],
  }
}
