// successPolicy and podFailurePolicy matching, after k8s
// pkg/controller/job/success_policy_test.go (TestMatchSuccessPolicy) and the rules
// of pkg/controller/job/pod_failure_policy.go (research §8.3).
import { describe, expect, it } from 'vitest'
import type { ContainerStatus, Pod, PodFailurePolicyRule } from '../../api/types.ts'
import type { OrderedIntervals } from './indexed-job-utils.ts'
import { matchPodFailurePolicy } from './pod-failure-policy.ts'
import { matchSuccessPolicy } from './success-policy.ts'

const iv = (...pairs: [number, number][]): OrderedIntervals => pairs.map(([first, last]) => ({ first, last }))

describe('matchSuccessPolicy (TestMatchSuccessPolicy)', () => {
  const cases: { name: string; rules?: { succeededIndexes?: string; succeededCount?: number }[]; succeeded: OrderedIntervals; want?: string }[] = [
    { name: 'successPolicy is null', succeeded: iv([0, 0]) },
    { name: 'any rules are nothing', rules: [], succeeded: iv([0, 0]) },
    { name: 'rules.succeededIndexes is invalid format', rules: [{ succeededIndexes: 'invalid-form' }], succeeded: iv([0, 0]) },
    { name: 'rules.succeededIndexes is specified; succeededIndexes matched rules', rules: [{ succeededIndexes: '0-2' }], succeeded: iv([0, 2], [4, 7]), want: 'Matched rules at index 0' },
    { name: "rules.succeededIndexes is specified; succeededIndexes didn't match rules", rules: [{ succeededIndexes: '3' }], succeeded: iv([0, 2]) },
    { name: 'rules.succeededCount is specified; succeededIndexes matched rules', rules: [{ succeededCount: 2 }], succeeded: iv([0, 2]), want: 'Matched rules at index 0' },
    { name: "rules.succeededCount is specified; succeededIndexes didn't match rules", rules: [{ succeededCount: 4 }], succeeded: iv([0, 2]) },
    { name: 'multiple rules; rules.succeededIndexes is specified; succeededIndexes met one of rules', rules: [{ succeededIndexes: '9' }, { succeededIndexes: '4,6' }], succeeded: iv([0, 2], [4, 7]), want: 'Matched rules at index 1' },
    { name: 'multiple rules; rules.succeededIndexes is specified; succeededIndexes met all rules', rules: [{ succeededIndexes: '0,1' }, { succeededIndexes: '5' }], succeeded: iv([0, 2], [4, 7]), want: 'Matched rules at index 0' },
    { name: 'rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes met all rules', rules: [{ succeededIndexes: '3-6', succeededCount: 2 }], succeeded: iv([0, 2], [4, 7]), want: 'Matched rules at index 0' },
    { name: "rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes didn't match rules", rules: [{ succeededIndexes: '3-6', succeededCount: 2 }], succeeded: iv([0, 2], [6, 7]) },
    { name: 'rules.succeededIndexes is specified; succeededIndexes are nothing', rules: [{ succeededCount: 4 }], succeeded: [] },
    { name: 'rules.succeededIndexes is specified; succeededIndexes matched rules; rules is proper subset of succeededIndexes', rules: [{ succeededIndexes: '2-4,6-8' }], succeeded: iv([1, 5], [6, 9]), want: 'Matched rules at index 0' },
    { name: "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules overlaps succeededIndexes at first", rules: [{ succeededIndexes: '1-3,5-7' }], succeeded: iv([2, 4], [6, 8]) },
    { name: 'rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; rules overlaps succeededIndexes at first', rules: [{ succeededIndexes: '1-3,5-7', succeededCount: 4 }], succeeded: iv([2, 4], [6, 8]), want: 'Matched rules at index 0' },
    { name: "rules.succeededIndexes is specified; succeededIndexes didn't match rules; rules completely overlaps succeededIndexes", rules: [{ succeededIndexes: '0-4,6-9' }], succeeded: iv([1, 3], [7, 8]) },
    { name: 'rules.succeededIndexes and rules.succeededCount are specified; succeededIndexes matched rules; the first rules overlaps succeededIndexes at first', rules: [{ succeededIndexes: '0-3,6-9', succeededCount: 7 }], succeeded: iv([1, 10]), want: 'Matched rules at index 0' },
  ]
  for (const c of cases) it(c.name, () => expect(matchSuccessPolicy(c.rules ? { rules: c.rules } : undefined, 10, c.succeeded)).toBe(c.want))
})

function failedPod(containers: ContainerStatus[], extra: Partial<Pod['status']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'mypod-0', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '' },
    spec: { containers: [] },
    status: { phase: 'Failed', containerStatuses: containers, ...extra },
  }
}

const exited = (name: string, exitCode: number | undefined): ContainerStatus => ({
  name,
  state: exitCode === undefined ? { running: {} } : { terminated: { exitCode } },
  lastState: {},
  ready: false,
  restartCount: 0,
  image: '',
  imageID: '',
})

describe('matchPodFailurePolicy (research §8.3)', () => {
  const ignore123: PodFailurePolicyRule = { action: 'Ignore', onExitCodes: { operator: 'In', values: [1, 2, 3] } }
  const failJob567: PodFailurePolicyRule = { action: 'FailJob', onExitCodes: { operator: 'In', values: [5, 6, 7] } }
  const cases: { name: string; rules: PodFailurePolicyRule[]; pod: Pod; want: ReturnType<typeof matchPodFailurePolicy> }[] = [
    { name: 'the first matching rule wins (Ignore before FailJob)', rules: [ignore123, failJob567], pod: failedPod([exited('a', 6), exited('b', 2)]), want: { countFailed: false, action: 'Ignore' } },
    { name: 'FailJob names the container, the pod and the rule index', rules: [ignore123, failJob567], pod: failedPod([exited('main-container', 5)]), want: { failJobMessage: 'Container main-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1', countFailed: true, action: 'FailJob' } },
    { name: 'no rule matches: default counting', rules: [ignore123, failJob567], pod: failedPod([exited('main', 10)]), want: { countFailed: true } },
    { name: 'exit code 0 never matches, even with NotIn', rules: [{ action: 'FailJob', onExitCodes: { operator: 'NotIn', values: [5] } }], pod: failedPod([exited('main', 0)]), want: { countFailed: true } },
    { name: 'a running container has no exit code to match', rules: [{ action: 'FailJob', onExitCodes: { operator: 'NotIn', values: [5] } }], pod: failedPod([exited('main', undefined)]), want: { countFailed: true } },
    { name: 'containerName restricts the match', rules: [{ action: 'FailJob', onExitCodes: { containerName: 'other', operator: 'In', values: [5] } }], pod: failedPod([exited('main', 5)]), want: { countFailed: true } },
    { name: 'init containers are checked after the regular ones', rules: [{ action: 'Count', onExitCodes: { operator: 'In', values: [42] } }], pod: failedPod([], { initContainerStatuses: [exited('init', 42)] }), want: { countFailed: true, action: 'Count' } },
    {
      name: 'onPodConditions defaults the status to True',
      rules: [{ action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget' }] }],
      pod: failedPod([], { conditions: [{ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: '' }] }),
      want: { failJobMessage: 'Pod default/mypod-0 has condition DisruptionTarget matching FailJob rule at index 0', countFailed: true, action: 'FailJob' },
    },
    { name: 'a condition with another status does not match', rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }], pod: failedPod([], { conditions: [{ type: 'DisruptionTarget', status: 'False', lastProbeTime: null, lastTransitionTime: '' }] }), want: { countFailed: true } },
    { name: 'FailIndex marks the index failed and counts', rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [3] } }], pod: failedPod([exited('main', 3)]), want: { countFailed: true, action: 'FailIndex' } },
  ]
  for (const c of cases) it(c.name, () => expect(matchPodFailurePolicy({ rules: c.rules }, c.pod)).toEqual(c.want))
})
