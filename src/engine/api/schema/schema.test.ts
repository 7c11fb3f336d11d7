// The API schema: every field described in English and Korean, lookups by field
// path as `kubectl explain` walks them, and the type labels explain prints.
import { describe, expect, it } from 'vitest'
import { describe as describeField, explainType, fieldsOf, resolvePath, schemaKinds, type Resolved } from './index.ts'
import type { TypeNode } from './types.ts'

function* walk(node: TypeNode, path: string, seen = new Set<TypeNode>()): Generator<[string, TypeNode, { en: string; ko: string } | undefined]> {
  if (seen.has(node)) return
  seen.add(node)
  for (const [name, f] of Object.entries(node.fields ?? {})) {
    yield [`${path}.${name}`, f.type, f.desc]
    let t = f.type
    while (t.kind === 'array' || t.kind === 'map') t = t.kind === 'array' ? t.items! : t.values!
    if (t.kind === 'object') yield* walk(t, `${path}.${name}`, seen)
  }
}

describe('descriptions', () => {
  it('every field of every kind has an English and a Korean description', () => {
    const missing: string[] = []
    for (const k of schemaKinds()) {
      if (!k.type.desc?.en || !k.type.desc?.ko) missing.push(k.kind)
      for (const [path, , desc] of walk(k.type, k.kind)) if (!desc?.en || !desc?.ko || desc.en === desc.ko) missing.push(path)
    }
    expect(missing).toEqual([])
  })

  it('Korean descriptions are written in Korean', () => {
    const notKorean: string[] = []
    for (const k of schemaKinds()) for (const [path, , desc] of walk(k.type, k.kind)) if (desc && !/[가-힣]/.test(desc.ko)) notKorean.push(path)
    expect(notKorean).toEqual([])
  })
})

describe('resolvePath (kubectl explain <kind>.<path>)', () => {
  const label = (kind: string, path: string) => {
    const r = resolvePath(kind, path ? path.split('.') : [])
    return r && 'type' in r ? explainType(r.type) : r
  }
  const table: [string, string, unknown][] = [
    ['Job', '', '<Object>'],
    ['Job', 'spec.backoffLimit', '<integer>'],
    ['Job', 'spec.template.spec.containers', '<[]Object>'],
    ['Job', 'spec.template.spec.containers.command', '<[]string>'],
    ['Job', 'spec.template.spec.containers.resources.limits', '<map[string]Quantity>'],
    ['Job', 'spec.template.spec.containers.livenessProbe.httpGet.port', '<IntOrString>'],
    ['Job', 'spec.template.spec.restartPolicy', '<string>'],
    ['Job', 'spec.template.metadata.labels', '<map[string]string>'],
    ['Job', 'spec.suspend', '<boolean>'],
    ['Job', 'status.startTime', '<string>'],
    ['Job', 'spec.podFailurePolicy.rules.onExitCodes.values', '<[]integer>'],
    ['CronJob', 'spec.jobTemplate.spec.template.spec.volumes.emptyDir.sizeLimit', '<Quantity>'],
    ['Pod', 'status.containerStatuses.state.terminated.exitCode', '<integer>'],
    ['Job', 'spec.backofflimit', { missing: 'backofflimit' }],
    ['Job', 'spec.template.spec.containers.commands', { missing: 'commands' }],
    ['Deployment', 'spec', undefined],
  ]
  for (const [kind, path, want] of table) it(`${kind}.${path}`, () => expect(label(kind, path)).toEqual(want))

  it('enum values and required marks', () => {
    const rp = resolvePath('Job', ['spec', 'template', 'spec', 'restartPolicy']) as Resolved
    const cp = resolvePath('CronJob', ['spec', 'concurrencyPolicy']) as Resolved
    const req = fieldsOf((resolvePath('Job', ['spec', 'template', 'spec', 'containers']) as Resolved).type).filter(([, f]) => f.required).map(([n]) => n)
    expect([rp.type.enum, cp.type.enum, req]).toEqual([['Always', 'Never', 'OnFailure'], ['Allow', 'Forbid', 'Replace'], ['name']])
  })

  it('fields are listed by name, as explain lists them', () => {
    const names = fieldsOf((resolvePath('CronJob', ['spec']) as Resolved).type).map(([n]) => n)
    expect(names).toEqual(['concurrencyPolicy', 'failedJobsHistoryLimit', 'jobTemplate', 'schedule', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'suspend', 'timeZone'])
  })

  it('descriptions in both languages', () => {
    const r = resolvePath('Job', ['spec', 'backoffLimit']) as Resolved
    expect([describeField(r, 'en'), describeField(r, 'ko')]).toEqual([
      'Retries before the Job is marked failed (BackoffLimitExceeded). Defaults to 6.',
      'Job을 실패(BackoffLimitExceeded)로 처리하기 전 재시도 횟수. 기본값 6.',
    ])
    expect(describeField(resolvePath('Job', []) as Resolved, 'en')).toBe('Runs pods until a number of them succeed, retrying failures up to a limit. Used for one-off and batch work.')
  })
})
