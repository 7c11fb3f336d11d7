// Job create validation: every row of job-controller.md §9.1 and the Job errors of
// kubectl-output.md §13-14, as the apiserver's message (kubectl reformats it),
// plus cases from pkg/apis/batch/validation/validation_test.go (TestValidateJob).
import { describe, expect, it } from 'vitest'
import { apiForTest, job, jobWithPod, nextUid, tryCreate } from './testkit.ts'
import type { J } from './util.ts'

const create = (obj: J) => tryCreate(apiForTest().api, obj)
const errorOf = (obj: J) => create(obj).error
const pfp = (rules: J[]) => ({ rules })
const exitRule = (values: unknown[], operator = 'In', extra: J = {}) => ({ action: 'FailJob', onExitCodes: { operator, values, ...extra } })

describe('ValidateJob (job-controller.md §9.1)', () => {
  const table: [string, J, string][] = [
    ['restartPolicy omitted (defaulted to Always)', jobWithPod({ restartPolicy: undefined }), 'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    ['restartPolicy Always', jobWithPod({ restartPolicy: 'Always' }), 'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    [
      'restartPolicy Sometimes: the pod check and the Job check',
      jobWithPod({ restartPolicy: 'Sometimes' }),
      'Job.batch "pi" is invalid: [spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never", spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"]',
    ],
    [
      'podFailurePolicy with OnFailure',
      job({ podFailurePolicy: pfp([exitRule([42])]), template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } }),
      'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
    ],
    ['negative parallelism', job({ parallelism: -1 }), 'Job.batch "pi" is invalid: spec.parallelism: Invalid value: -1: must be greater than or equal to 0'],
    ['negative completions', job({ completions: -1 }), 'Job.batch "pi" is invalid: spec.completions: Invalid value: -1: must be greater than or equal to 0'],
    ['negative activeDeadlineSeconds', job({ activeDeadlineSeconds: -1 }), 'Job.batch "pi" is invalid: spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0'],
    ['negative backoffLimit', job({ backoffLimit: -1 }), 'Job.batch "pi" is invalid: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0'],
    ['negative ttlSecondsAfterFinished', job({ ttlSecondsAfterFinished: -1 }), 'Job.batch "pi" is invalid: spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0'],
    ['negative backoffLimitPerIndex', job({ completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: -1 }), 'Job.batch "pi" is invalid: spec.backoffLimitPerIndex: Invalid value: -1: must be greater than or equal to 0'],
    ['negative maxFailedIndexes', job({ completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1, maxFailedIndexes: -1 }), 'Job.batch "pi" is invalid: spec.maxFailedIndexes: Invalid value: -1: must be greater than or equal to 0'],
    ['Indexed without completions', job({ completionMode: 'Indexed', parallelism: 2 }), 'Job.batch "pi" is invalid: spec.completions: Required value: when completion mode is Indexed'],
    ['Indexed with parallelism > 100000', job({ completionMode: 'Indexed', completions: 5, parallelism: 100001 }), 'Job.batch "pi" is invalid: spec.parallelism: Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed'],
    ['completionMode other than NonIndexed/Indexed', job({ completionMode: 'Sometimes' }), 'Job.batch "pi" is invalid: spec.completionMode: Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed"'],
    ['backoffLimitPerIndex on NonIndexed', job({ backoffLimitPerIndex: 1 }), 'Job.batch "pi" is invalid: spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode'],
    ['maxFailedIndexes on NonIndexed', job({ backoffLimitPerIndex: 1, maxFailedIndexes: 1 }), 'Job.batch "pi" is invalid: [spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode, spec.maxFailedIndexes: Invalid value: 1: requires indexed completion mode]'],
    ['maxFailedIndexes without backoffLimitPerIndex', job({ completionMode: 'Indexed', completions: 5, maxFailedIndexes: 1 }), 'Job.batch "pi" is invalid: spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified'],
    ['maxFailedIndexes > completions', job({ completionMode: 'Indexed', completions: 3, backoffLimitPerIndex: 1, maxFailedIndexes: 4 }), 'Job.batch "pi" is invalid: spec.maxFailedIndexes: Invalid value: 4: must be less than or equal to completions'],
    [
      'Indexed, completions > 100000 with backoffLimitPerIndex',
      job({ completionMode: 'Indexed', completions: 100001, parallelism: 10001, backoffLimitPerIndex: 1 }),
      'Job.batch "pi" is invalid: [spec.maxFailedIndexes: Required value: must be specified when completions is above 100000, spec.parallelism: Invalid value: 10001: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index]',
    ],
    ['FailIndex without backoffLimitPerIndex', job({ completionMode: 'Indexed', completions: 2, podFailurePolicy: pfp([{ ...exitRule([1]), action: 'FailIndex' }]) }), 'Job.batch "pi" is invalid: spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set'],
    ['onExitCodes In containing 0', job({ podFailurePolicy: pfp([exitRule([0, 1])]) }), 'Job.batch "pi" is invalid: spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator'],
    ['onExitCodes values unordered', job({ podFailurePolicy: pfp([exitRule([2, 1])]) }), 'Job.batch "pi" is invalid: spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{2, 1}: must be ordered'],
    ['onExitCodes values duplicated', job({ podFailurePolicy: pfp([exitRule([1, 1])]) }), 'Job.batch "pi" is invalid: spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 1'],
    ['onExitCodes values empty', job({ podFailurePolicy: pfp([exitRule([])]) }), 'Job.batch "pi" is invalid: spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{}: at least one value is required'],
    [
      'both onExitCodes and onPodConditions',
      job({ podFailurePolicy: pfp([{ ...exitRule([1]), onPodConditions: [{ type: 'DisruptionTarget' }] }]) }),
      'Job.batch "pi" is invalid: spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported',
    ],
    ['neither onExitCodes nor onPodConditions', job({ podFailurePolicy: pfp([{ action: 'Ignore' }]) }), 'Job.batch "pi" is invalid: spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required'],
    [
      'containerName not in the template',
      job({ podFailurePolicy: pfp([exitRule([1], 'In', { containerName: 'other' })]) }),
      'Job.batch "pi" is invalid: spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "other": must be one of the container or initContainer names in the pod template',
    ],
    ['more than 20 rules', job({ podFailurePolicy: pfp(Array.from({ length: 21 }, () => exitRule([1]))) }), 'Job.batch "pi" is invalid: spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items'],
    ['podReplacementPolicy TerminatingOrFailed with podFailurePolicy', job({ podFailurePolicy: pfp([exitRule([1])]), podReplacementPolicy: 'TerminatingOrFailed' }), 'Job.batch "pi" is invalid: spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"'],
    ['podReplacementPolicy Sometimes', job({ podReplacementPolicy: 'Sometimes' }), 'Job.batch "pi" is invalid: spec.podReplacementPolicy: Unsupported value: "Sometimes": supported values: "Failed", "TerminatingOrFailed"'],
    [
      'successPolicy on NonIndexed',
      job({ successPolicy: { rules: [{ succeededCount: 1 }] } }),
      'Job.batch "pi" is invalid: spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{batch.SuccessPolicyRule{SucceededIndexes:(*string)(nil), SucceededCount:(*int32)(0xc00a3c5000)}}}: requires indexed completion mode',
    ],
    ['successPolicy rule empty', job({ completionMode: 'Indexed', completions: 3, successPolicy: { rules: [{}] } }), 'Job.batch "pi" is invalid: spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified'],
    ['successPolicy count > completions', job({ completionMode: 'Indexed', completions: 3, successPolicy: { rules: [{ succeededCount: 4 }] } }), 'Job.batch "pi" is invalid: spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less than or equal to 3 (the number of specified completions)'],
    [
      'successPolicy indexes out of range',
      job({ completionMode: 'Indexed', completions: 3, successPolicy: { rules: [{ succeededIndexes: '0-5' }] } }),
      'Job.batch "pi" is invalid: spec.successPolicy.rules[0].succeededIndexes: Invalid value: "0-5": error parsing succeededIndexes: too large index: "5"',
    ],
    [
      'name not a DNS-1123 subdomain (kubectl-output.md §13)',
      job({}, { name: 'CountDown' }),
      `Job.batch "CountDown" is invalid: metadata.name: Invalid value: "CountDown": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ],
    ['name longer than 63: the generated job-name labels', job({}, { name: 'a'.repeat(64) }), `Job.batch "${'a'.repeat(64)}" is invalid: spec.template.labels: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`],
    [
      'Indexed: <name>-<completions-1> must be a DNS label',
      job({ completionMode: 'Indexed', completions: 11 }, { name: 'a'.repeat(61) }),
      `Job.batch "${'a'.repeat(61)}" is invalid: metadata.name: Invalid value: "${'a'.repeat(61)}": will not able to create pod with invalid DNS label: ${'a'.repeat(61)}-10`,
    ],
    ['managedBy longer than 63', job({ managedBy: 'example.com/' + 'x'.repeat(60) }), 'Job.batch "pi" is invalid: spec.managedBy: Too long: may not be longer than 63'],
    ['managedBy not a domain-prefixed path', job({ managedBy: 'mine' }), 'Job.batch "pi" is invalid: spec.managedBy: Invalid value: "mine": must be a domain-prefixed path (such as "acme.io/foo")'],
    [
      'noimage (kubectl-output.md §13 #7)',
      job({ template: { spec: { containers: [{ name: 'c' }] } } }),
      'Job.batch "pi" is invalid: [spec.template.spec.containers[0].image: Required value, spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"]',
    ],
    ['a mount of an undeclared volume', jobWithPod({ containers: [{ name: 'c', image: 'busybox', volumeMounts: [{ name: 'x', mountPath: '/x' }] }] }), 'Job.batch "pi" is invalid: spec.template.spec.containers[0].volumeMounts[0].name: Not found: "x"'],
    ['no name and no generateName', job({}, { name: '' }), 'Job.batch "" is invalid: metadata.name: Required value: name or generateName is required'],
  ]
  for (const [name, obj, message] of table) it(name, () => expect(errorOf(obj)).toBe(message))

  it('user selector without manualSelector: `selector` not auto-generated', () => {
    const uid = nextUid()
    const obj = job({ selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } })
    expect(errorOf(obj)).toBe(`Job.batch "pi" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"x", "batch.kubernetes.io/controller-uid":"${uid}"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: \`selector\` not auto-generated`)
  })

  it('manual selector that does not match the template labels', () => {
    const obj = job({ manualSelector: true, selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'y' } }, spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } })
    expect(errorOf(obj)).toBe('Job.batch "pi" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`')
  })

  it('a conflicting job-name label in the template', () => {
    const obj = job({ template: { metadata: { labels: { 'job-name': 'other' } }, spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } })
    expect(errorOf(obj)).toBe(`Job.batch "pi" is invalid: spec.template.metadata.labels[job-name]: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"${nextUid()}", "batch.kubernetes.io/job-name":"pi", "controller-uid":"${nextUid()}", "job-name":"other"}: must be 'pi'`)
  })

  it('the Invalid status carries every cause (kubectl prints them one per line)', () => {
    expect(create(job({ parallelism: -1, completions: -2 })).status!.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Job.batch "pi" is invalid: [spec.parallelism: Invalid value: -1: must be greater than or equal to 0, spec.completions: Invalid value: -2: must be greater than or equal to 0]',
      reason: 'Invalid',
      details: {
        name: 'pi',
        group: 'batch',
        kind: 'Job',
        causes: [
          { reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.parallelism' },
          { reason: 'FieldValueInvalid', message: 'Invalid value: -2: must be greater than or equal to 0', field: 'spec.completions' },
        ],
      },
      code: 422,
    })
  })

  it('an invalid Job changes nothing in the store', () => {
    const { api, store } = apiForTest()
    tryCreate(api, job({ parallelism: -1 }))
    expect(store.list('Job')).toEqual([])
  })

  it('a dotted name is valid but warned about (WarningsOnCreate)', () => {
    const warnings: string[] = []
    const r = tryCreate(apiForTest().api, job({}, { name: 'my.job' }), { warnings })
    expect([r.error, warnings]).toEqual([undefined, ['metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]']])
  })

  it('pod template warnings: deprecated node labels, fractional bytes, negative grace period', () => {
    const warnings: string[] = []
    const c = { name: 'c', image: 'busybox', resources: { limits: { memory: '1.5' } } }
    tryCreate(apiForTest().api, jobWithPod({ containers: [c], nodeSelector: { 'beta.kubernetes.io/os': 'linux' }, terminationGracePeriodSeconds: -1 }), { warnings })
    expect(warnings).toEqual([
      'spec.template.spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead',
      'spec.template.spec.containers[0].resources.limits[memory]: fractional byte value "1500m" is invalid, must be an integer',
      'spec.template.spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1',
    ])
  })
})
