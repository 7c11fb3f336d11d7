// The JSON Schema the editor validates with: one of Job or CronJob (by `kind`),
// generated from the same API schema the simulated API server decodes with.
import type { Lang } from '../../content/types.ts'
import { toJsonSchema } from '../../engine/api/schema/jsonschema.ts'

export function manifestSchema(lang: Lang): object {
  const job = toJsonSchema('Job', lang) ?? {}
  const cronJob = toJsonSchema('CronJob', lang) ?? {}
  const pvc = toJsonSchema('PersistentVolumeClaim', lang) ?? {}
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['apiVersion', 'kind'],
    if: { properties: { kind: { const: 'CronJob' } } },
    then: cronJob,
    else: { if: { properties: { kind: { const: 'Job' } } }, then: job, else: { if: { properties: { kind: { const: 'PersistentVolumeClaim' } } }, then: pvc } },
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string', enum: ['Job', 'CronJob', 'Pod', 'PersistentVolumeClaim'] },
    },
  }
}
