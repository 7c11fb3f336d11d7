// Strict decoding (kubectl-output.md §13 #10; apimachinery's json serializer with
// sigs.k8s.io/json): unknown fields, Go type errors, Quantity and IntOrString
// errors, and the fieldValidation modes.
import { describe, expect, it } from 'vitest'
import { apiForTest, cronJob, job, pod, tryCreate } from './testkit.ts'
import { decodeObject } from './decode.ts'
import type { J } from './util.ts'

const strict = (obj: J) => tryCreate(apiForTest().api, obj, { fieldValidation: 'Strict' }).error
const c = (extra: J) => ({ name: 'c', image: 'busybox', ...extra })
const withContainer = (extra: J) => job({ template: { spec: { containers: [c(extra)], restartPolicy: 'Never' } } })
const J = 'Job in version "v1" cannot be handled as a Job: '

describe('strict decoding errors', () => {
  const table: [string, J, string][] = [
    ['unknown field (kubectl-output.md §13 #10)', withContainer({ commands: ['sh'] }), `${J}strict decoding error: unknown field "spec.template.spec.containers[0].commands"`],
    ['several, in the order of the sorted JSON', job({ backofLimit: 3 }, { lables: { a: 'b' } }), `${J}strict decoding error: unknown field "metadata.lables", unknown field "spec.backofLimit"`],
    ['a misspelt template field', job({ template: { spec: { containers: [c({})], restartPolicy: 'Never', nodeselector: {} } } }), `${J}strict decoding error: unknown field "spec.template.spec.nodeselector"`],
    ['field names are case-sensitive', withContainer({ Image: 'x' }), `${J}strict decoding error: unknown field "spec.template.spec.containers[0].Image"`],
    ['an unknown field in a second container', job({ template: { spec: { containers: [c({}), c({ name: 'd', imagePullpolicy: 'Always' })], restartPolicy: 'Never' } } }), `${J}strict decoding error: unknown field "spec.template.spec.containers[1].imagePullpolicy"`],
  ]
  for (const [name, obj, msg] of table) it(name, () => expect(strict(obj)).toBe(msg))
})

describe('Go type errors', () => {
  const table: [string, J, string][] = [
    ['string for an int32', job({ completions: '3' }), `${J}json: cannot unmarshal string into Go struct field JobSpec.spec.completions of type int32`],
    ['fraction for an int32', job({ completions: 1.5 }), `${J}json: cannot unmarshal number 1.5 into Go struct field JobSpec.spec.completions of type int32`],
    ['out of int32 range', job({ backoffLimit: 3000000000 }), `${J}json: cannot unmarshal number 3000000000 into Go struct field JobSpec.spec.backoffLimit of type int32`],
    ['string for a bool', job({ suspend: 'true' }), `${J}json: cannot unmarshal string into Go struct field JobSpec.spec.suspend of type bool`],
    ['number for a named string type', job({ template: { spec: { containers: [c({})], restartPolicy: 5 } } }), `${J}json: cannot unmarshal number into Go struct field PodSpec.spec.template.spec.restartPolicy of type v1.RestartPolicy`],
    ['string for a list of strings (no indexes in the path)', withContainer({ command: 'echo hi' }), `${J}json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.command of type []string`],
    ['number for an env value', withContainer({ env: [{ name: 'N', value: 5 }] }), `${J}json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string`],
    ['number for a label value', job({}, { labels: { version: 1 } }), `${J}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`],
    ['object for the containers list', job({ template: { spec: { containers: { name: 'c' }, restartPolicy: 'Never' } } }), `${J}json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container`],
    ['string for the whole spec', { ...job(), spec: 'x' }, `${J}json: cannot unmarshal string into Go struct field Job.spec of type v1.JobSpec`],
    ['a type error wins over unknown fields', job({ completions: '3', backofLimit: 1 }), `${J}json: cannot unmarshal string into Go struct field JobSpec.spec.completions of type int32`],
  ]
  for (const [name, obj, msg] of table) it(name, () => expect(strict(obj)).toBe(msg))
})

describe('Quantity and IntOrString (their own UnmarshalJSON errors)', () => {
  const res = (r: J) => withContainer({ resources: r })
  const table: [string, J, string][] = [
    ['not a quantity', res({ limits: { memory: '512 MB' } }), `${J}quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`],
    ['an unknown suffix', res({ limits: { memory: '512K' } }), `${J}unable to parse quantity's suffix`],
    ['a bool', res({ requests: { cpu: true } }), `${J}quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`],
    ['a quantity error aborts at once, even after a type error', job({ completions: '3', template: { spec: { containers: [c({ resources: { limits: { cpu: 'lots' } } })], restartPolicy: 'Never' } } }), `${J}quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`],
    ['a bool for a probe port', withContainer({ livenessProbe: { httpGet: { port: true } } }), `${J}json: cannot unmarshal bool into Go value of type int32`],
  ]
  for (const [name, obj, msg] of table) it(name, () => expect(strict(obj)).toBe(msg))

  it('numbers are quantities too', () => {
    expect(strict(res({ limits: { cpu: 1, memory: 1e9 } }))).toBe(undefined)
  })
})

describe('other kinds', () => {
  it('CronJob', () => expect(strict(cronJob({ schedulle: '* * * * *' }))).toBe('CronJob in version "v1" cannot be handled as a CronJob: strict decoding error: unknown field "spec.schedulle"'))
  it('Pod', () => expect(strict(pod({ restartpolicy: 'Never' }))).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.restartpolicy"'))
  it('a Pod saved with kubectl get -o yaml decodes again (status and all)', () => {
    const { api } = apiForTest()
    const created = tryCreate(api, pod()).obj!
    const again = { ...created, metadata: { name: 'p2', namespace: 'default', labels: { a: 'b' } } }
    expect(tryCreate(api, again, { fieldValidation: 'Strict' }).error).toBe(undefined)
  })
})

describe('fieldValidation Warn and Ignore: unknown fields are dropped', () => {
  it('Warn: one warning per field, the object is created without them', () => {
    const warnings: string[] = []
    const r = tryCreate(apiForTest().api, job({ backofLimit: 3 }, { lables: {} }), { fieldValidation: 'Warn', warnings })
    expect([r.error, warnings, (r.obj!.spec as J).backofLimit, (r.obj!.metadata as unknown as Record<string, unknown>).lables]).toEqual([undefined, ['unknown field "metadata.lables"', 'unknown field "spec.backofLimit"'], undefined, undefined])
  })

  it('Ignore: silently', () => {
    const warnings: string[] = []
    const r = tryCreate(apiForTest().api, job({ backofLimit: 3 }), { fieldValidation: 'Ignore', warnings })
    expect([r.error, warnings, (r.obj!.spec as J).backofLimit]).toEqual([undefined, [], undefined])
  })
})

describe('the decoded object is what the apiserver stores', () => {
  it('drops omitempty zero values and nulls; keeps pointers and required fields', () => {
    const input = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'x', labels: {}, annotations: null }, spec: { suspend: false, parallelism: 0, template: { spec: { containers: [{ name: 'c', image: 'busybox', args: [], workingDir: '', stdin: false, ports: [{ containerPort: 80, hostPort: 0 }] }], nodeSelector: {} } } } }
    expect(decodeObject(input, 'Job')).toEqual({
      unknown: [],
      object: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'x' }, spec: { suspend: false, parallelism: 0, template: { spec: { containers: [{ name: 'c', image: 'busybox', ports: [{ containerPort: 80 }] }] } } } },
    })
  })
})
