// One syncJob pass (or two, where the terminal condition waits for terminating
// pods) over a given state: rows 1–37 of research job-controller.md §12, named after
// the upstream cases in k8s pkg/controller/job/job_controller_test.go.
import { describe, expect, it } from 'vitest'
import type { JobCondition, JobSpec, JobStatus, Pod } from '../../api/types.ts'
import { rfc3339 } from '../../kernel/time.ts'
import { HARNESS_START, Harness, type PodFixture } from './testing.ts'

const T0 = rfc3339(HARNESS_START)
const ago = (s: number) => rfc3339(HARNESS_START - s * 1000)

interface Step {
  /** The whole .status after the pass. */
  status: JobStatus
  /** Events recorded during the pass; generated pod-name suffixes print as *****. */
  events: string[]
}

interface SyncCase {
  name: string
  /** The research §12 row, or the section the case comes from. */
  row: number | string
  spec: Partial<JobSpec>
  status?: JobStatus
  pods?: PodFixture[]
  steps: Step[]
  /** Indexes of the pods created by the first pass, in creation order. */
  createdIndexes?: string[]
  /** The Job is being deleted (deletionTimestamp set). */
  deleting?: boolean
}

const n = (count: number, f: PodFixture): PodFixture[] => Array.from({ length: count }, () => ({ ...f }))
const cond = (type: JobCondition['type'], status: JobCondition['status'], reason: string, message: string, at = T0): JobCondition => ({ type, status, lastProbeTime: at, lastTransitionTime: at, reason, message })
const backoffExceeded = (type: JobCondition['type']) => cond(type, 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit')
const deadlineExceeded = (type: JobCondition['type']) => cond(type, 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline')
const completed = (type: JobCondition['type']) => cond(type, 'True', 'CompletionsReached', 'Reached expected number of succeeded pods')
const created = 'Normal SuccessfulCreate Created pod: foobar-*****'
const deletedPod = (name: string) => `Normal SuccessfulDelete Deleted pod: ${name}`
const onFailure = { template: { metadata: {}, spec: { containers: [{ name: 'main', image: 'busybox' }], restartPolicy: 'OnFailure' as const } } }
const pfpTemplate = { template: { metadata: {}, spec: { containers: [{ name: 'main-container', image: 'busybox' }], restartPolicy: 'Never' as const } } }
const pfpRules = { rules: [{ action: 'Ignore' as const, onExitCodes: { operator: 'In' as const, values: [1, 2, 3] } }, { action: 'FailJob' as const, onExitCodes: { operator: 'In' as const, values: [5, 6, 7] } }] }
const base = (s: Partial<JobStatus>): JobStatus => ({ startTime: T0, ...s, terminating: s.terminating ?? 0, uncountedTerminatedPods: {}, ready: s.ready ?? 0 })

const cases: SyncCase[] = [
  { row: 1, name: 'job start', spec: { parallelism: 2, completions: 5 }, steps: [{ status: base({ active: 2 }), events: [created, created] }] },
  { row: 2, name: 'WQ job start', spec: { parallelism: 2 }, steps: [{ status: base({ active: 2 }), events: [created, created] }] },
  {
    row: 3, name: 'too few active pods', spec: { parallelism: 2, completions: 5 },
    pods: [{ phase: 'Running' }, { phase: 'Succeeded' }],
    steps: [{ status: base({ active: 2, succeeded: 1 }), events: [created] }],
  },
  {
    row: 4, name: 'too many active pods', spec: { parallelism: 2, completions: 5 },
    pods: n(3, { phase: 'Running' }),
    steps: [{ status: base({ active: 2, terminating: 1 }), events: [deletedPod('pod-0')] }],
  },
  {
    row: 5, name: 'more active pods than remaining completions', spec: { parallelism: 3, completions: 4 },
    pods: [...n(3, { phase: 'Running' }), ...n(2, { phase: 'Succeeded' })],
    steps: [{ status: base({ active: 2, succeeded: 2, terminating: 1 }), events: [deletedPod('pod-0')] }],
  },
  {
    row: 6, name: 'more active pods than parallelism', spec: { parallelism: 2, completions: 5 },
    pods: n(10, { phase: 'Running' }),
    steps: [{ status: base({ active: 2, terminating: 8 }), events: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => deletedPod(`pod-${i}`)) }],
  },
  {
    row: 7, name: 'new failed pod', spec: { parallelism: 2, completions: 5 },
    pods: [{ phase: 'Running' }, { phase: 'Failed' }],
    steps: [{ status: base({ active: 2, failed: 1 }), events: [created] }],
  },
  {
    row: 8, name: 'job finish', spec: { parallelism: 2, completions: 5 },
    pods: n(5, { phase: 'Succeeded' }),
    steps: [{ status: { conditions: [completed('SuccessCriteriaMet'), completed('Complete')], startTime: T0, completionTime: T0, succeeded: 5, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Normal Completed Job completed'] }],
  },
  {
    row: 9, name: 'WQ job finishing', spec: { parallelism: 2 },
    pods: [{ phase: 'Running' }, { phase: 'Succeeded' }],
    steps: [{ status: base({ active: 1, succeeded: 1 }), events: [] }],
  },
  {
    row: 10, name: 'WQ job all finished despite one failure', spec: { parallelism: 2 },
    pods: [{ phase: 'Succeeded' }, { phase: 'Failed' }],
    steps: [{ status: { conditions: [completed('SuccessCriteriaMet'), completed('Complete')], startTime: T0, completionTime: T0, succeeded: 1, failed: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Normal Completed Job completed'] }],
  },
  {
    row: 11, name: 'too many job failures', spec: { parallelism: 2, completions: 5, backoffLimit: 0 },
    pods: [{ phase: 'Failed' }],
    steps: [{ status: { conditions: [backoffExceeded('FailureTarget'), backoffExceeded('Failed')], startTime: T0, failed: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Warning BackoffLimitExceeded Job has reached the specified backoff limit'] }],
  },
  {
    row: 12, name: 'count ready pods when job fails', spec: { parallelism: 2, completions: 3, backoffLimit: 0 },
    pods: [...n(2, { phase: 'Running', ready: true }), { phase: 'Failed' }],
    steps: [
      { status: { conditions: [backoffExceeded('FailureTarget')], startTime: T0, failed: 3, terminating: 2, uncountedTerminatedPods: {}, ready: 0 }, events: [deletedPod('pod-0'), deletedPod('pod-1')] },
      { status: { conditions: [backoffExceeded('FailureTarget'), backoffExceeded('Failed')], startTime: T0, failed: 3, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Warning BackoffLimitExceeded Job has reached the specified backoff limit'] },
    ],
  },
  {
    row: 13, name: 'indexed job start', spec: { parallelism: 2, completions: 5, completionMode: 'Indexed' },
    steps: [{ status: base({ active: 2, completedIndexes: undefined }), events: ['Normal SuccessfulCreate Created pod: foobar-0-*****', 'Normal SuccessfulCreate Created pod: foobar-1-*****'] }],
    createdIndexes: ['0', '1'],
  },
  {
    row: 14, name: 'indexed job completed', spec: { parallelism: 2, completions: 3, completionMode: 'Indexed' },
    pods: [{ phase: 'Succeeded', index: '0' }, { phase: 'Failed', index: '1' }, { phase: 'Succeeded', index: '1' }, { phase: 'Succeeded', index: '2' }],
    steps: [{ status: { conditions: [completed('SuccessCriteriaMet'), completed('Complete')], startTime: T0, completionTime: T0, succeeded: 3, failed: 1, terminating: 0, completedIndexes: '0-2', uncountedTerminatedPods: {}, ready: 0 }, events: ['Normal Completed Job completed'] }],
  },
  {
    row: 15, name: 'count terminating pods when indexed job fails and PodReplacementPolicy enabled', spec: { parallelism: 2, completions: 3, backoffLimit: 0, completionMode: 'Indexed' },
    pods: [{ phase: 'Succeeded', index: '0' }, { phase: 'Failed', index: '1' }, { phase: 'Running', index: '2' }],
    steps: [
      { status: { conditions: [backoffExceeded('FailureTarget')], startTime: T0, succeeded: 1, failed: 2, terminating: 1, completedIndexes: '0', uncountedTerminatedPods: {}, ready: 0 }, events: [deletedPod('pod-2')] },
      { status: { conditions: [backoffExceeded('FailureTarget'), backoffExceeded('Failed')], startTime: T0, succeeded: 1, failed: 2, terminating: 0, completedIndexes: '0', uncountedTerminatedPods: {}, ready: 0 }, events: ['Warning BackoffLimitExceeded Job has reached the specified backoff limit'] },
    ],
  },
  {
    row: 16, name: 'indexed job some running and completed pods', spec: { parallelism: 8, completions: 20, completionMode: 'Indexed' },
    pods: [{ phase: 'Running', index: '0' }, { phase: 'Succeeded', index: '2' }, { phase: 'Pending', index: '3' }, ...['4', '5', '7', '8', '9'].map((index): PodFixture => ({ phase: 'Succeeded', index }))],
    steps: [{ status: base({ active: 8, succeeded: 6, completedIndexes: '2,4,5,7-9' }), events: ['1', '6', '10', '11', '12', '13'].map((i) => `Normal SuccessfulCreate Created pod: foobar-${i}-*****`) }],
    createdIndexes: ['1', '6', '10', '11', '12', '13'],
  },
  {
    row: 17, name: 'indexed job repeated indexes', spec: { parallelism: 5, completions: 5, completionMode: 'Indexed' },
    pods: [{ phase: 'Succeeded' }, { phase: 'Failed' }, { phase: 'Running', index: 'invalid' }, { phase: 'Succeeded', index: '0' }, { phase: 'Running', index: '1' }, { phase: 'Running', index: '2' }, { phase: 'Pending', index: '2' }],
    steps: [{ status: base({ active: 2, succeeded: 1, completedIndexes: '0', terminating: 2 }), events: [deletedPod('pod-2'), deletedPod('pod-6')] }],
  },
  {
    row: 18, name: 'suspending a job with satisfied expectations', spec: { parallelism: 2, completions: 4, suspend: true },
    status: { startTime: ago(30), active: 2, ready: 0 },
    pods: n(2, { phase: 'Running' }),
    steps: [{ status: { conditions: [cond('Suspended', 'True', 'JobSuspended', 'Job suspended')], startTime: ago(30), terminating: 2, uncountedTerminatedPods: {}, ready: 0 }, events: [deletedPod('pod-0'), deletedPod('pod-1'), 'Normal Suspended Job suspended'] }],
  },
  {
    row: 19, name: 'resuming a suspended job', spec: { parallelism: 2, completions: 4 },
    status: { conditions: [cond('Suspended', 'True', 'JobSuspended', 'Job suspended', ago(60))], startTime: ago(90) },
    steps: [{ status: { conditions: [cond('Suspended', 'False', 'JobResumed', 'Job resumed')], startTime: T0, active: 2, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: [created, created, 'Normal Resumed Job resumed'] }],
  },
  {
    row: 20, name: 'should not create pods when created in suspend state', spec: { parallelism: 2, completions: 4, suspend: true },
    steps: [{ status: { conditions: [cond('Suspended', 'True', 'JobSuspended', 'Job suspended')], terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Normal Suspended Job suspended'] }],
  },
  {
    row: 21, name: 'backoffLimit 1 with restartCount 1 and podRunning should have 0 pod active', spec: { parallelism: 1, completions: 1, backoffLimit: 1, ...onFailure },
    pods: [{ phase: 'Running', restartCount: 1 }],
    steps: [
      { status: { conditions: [backoffExceeded('FailureTarget')], startTime: T0, failed: 1, terminating: 1, uncountedTerminatedPods: {}, ready: 0 }, events: [deletedPod('pod-0')] },
      { status: { conditions: [backoffExceeded('FailureTarget'), backoffExceeded('Failed')], startTime: T0, failed: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Warning BackoffLimitExceeded Job has reached the specified backoff limit'] },
    ],
  },
  {
    row: 22, name: 'too many job failures with podPending - single pod', spec: { parallelism: 1, completions: 5, backoffLimit: 2, ...onFailure },
    pods: [{ phase: 'Pending', restartCount: 2 }],
    steps: [{ status: { conditions: [backoffExceeded('FailureTarget')], startTime: T0, failed: 1, terminating: 1, uncountedTerminatedPods: {}, ready: 0 }, events: [deletedPod('pod-0')] }],
  },
  {
    row: 23, name: 'not enough failures', spec: { parallelism: 2, completions: 5, backoffLimit: 3, ...onFailure },
    pods: [{ phase: 'Running', restartCount: 1 }, { phase: 'Running', restartCount: 1 }],
    steps: [{ status: base({ active: 2 }), events: [] }],
  },
  {
    row: 24, name: 'backoffLimit 0 should have 1 pod active', spec: { parallelism: 1, completions: 1, backoffLimit: 0, ...onFailure },
    pods: [{ phase: 'Running', restartCount: 0 }],
    steps: [{ status: base({ active: 1 }), events: [] }],
  },
  {
    row: 25, name: 'too many failures with backoffLimit 1', spec: { parallelism: 1, completions: 1, backoffLimit: 1 },
    pods: n(2, { phase: 'Failed' }),
    steps: [{ status: { conditions: [backoffExceeded('FailureTarget'), backoffExceeded('Failed')], startTime: T0, failed: 2, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Warning BackoffLimitExceeded Job has reached the specified backoff limit'] }],
  },
  {
    row: 26, name: 'not enough failures with backoffLimit 6', spec: { parallelism: 2, completions: 2, backoffLimit: 6 },
    pods: [...n(6, { phase: 'Failed' }), { phase: 'Running' }],
    steps: [{ status: base({ active: 2, failed: 6 }), events: [created] }],
  },
  {
    row: 27, name: 'activeDeadlineSeconds less than single pod execution', spec: { parallelism: 1, completions: 1, activeDeadlineSeconds: 10 },
    status: { startTime: ago(15), active: 1 },
    pods: [{ phase: 'Running' }],
    steps: [
      { status: { conditions: [deadlineExceeded('FailureTarget')], startTime: ago(15), failed: 1, terminating: 1, uncountedTerminatedPods: {}, ready: 0 }, events: [deletedPod('pod-0')] },
      { status: { conditions: [deadlineExceeded('FailureTarget'), deadlineExceeded('Failed')], startTime: ago(15), failed: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Warning DeadlineExceeded Job was active longer than specified deadline'] },
    ],
  },
  {
    row: 28, name: 'activeDeadlineSeconds times-out before any pod starts', spec: { parallelism: 1, completions: 1, activeDeadlineSeconds: 10 },
    status: { startTime: ago(10) },
    steps: [{ status: { conditions: [deadlineExceeded('FailureTarget'), deadlineExceeded('Failed')], startTime: ago(10), terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Warning DeadlineExceeded Job was active longer than specified deadline'] }],
  },
  {
    row: 29, name: 'activeDeadlineSeconds with backofflimit reach', spec: { parallelism: 1, completions: 1, backoffLimit: 0, activeDeadlineSeconds: 1 },
    status: { startTime: ago(10) },
    pods: [{ phase: 'Failed' }],
    steps: [{ status: { conditions: [backoffExceeded('FailureTarget'), backoffExceeded('Failed')], startTime: ago(10), failed: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Warning BackoffLimitExceeded Job has reached the specified backoff limit'] }],
  },
  {
    row: 30, name: 'activeDeadlineSeconds is not triggered when Job is suspended', spec: { parallelism: 1, completions: 2, activeDeadlineSeconds: 10, suspend: true },
    status: { startTime: ago(15) },
    steps: [{ status: { conditions: [cond('Suspended', 'True', 'JobSuspended', 'Job suspended')], startTime: ago(15), terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Normal Suspended Job suspended'] }],
  },
  {
    row: 31, name: 'fail job based on OnExitCodes', spec: { parallelism: 1, completions: 1, ...pfpTemplate, podFailurePolicy: pfpRules },
    pods: [{ name: 'mypod-0', phase: 'Failed', exitCode: 5 }],
    steps: [pfpFailed('Container main-container for pod default/mypod-0 failed with exit code 5 matching FailJob rule at index 1')],
  },
  {
    row: 32, name: 'ignore pod failure based on OnExitCodes', spec: { parallelism: 1, completions: 1, backoffLimit: 0, ...pfpTemplate, podFailurePolicy: pfpRules },
    pods: [{ name: 'mypod-0', phase: 'Failed', exitCode: 1 }],
    steps: [{ status: base({ active: 1 }), events: [created] }],
  },
  {
    row: 33, name: 'default job based on OnExitCodes', spec: { parallelism: 1, completions: 1, backoffLimit: 0, ...pfpTemplate, podFailurePolicy: pfpRules },
    pods: [{ name: 'mypod-0', phase: 'Failed', exitCode: 10 }],
    steps: [{ status: { conditions: [backoffExceeded('FailureTarget'), backoffExceeded('Failed')], startTime: T0, failed: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Warning BackoffLimitExceeded Job has reached the specified backoff limit'] }],
  },
  {
    row: 34, name: 'fail job with NotIn operator', spec: { parallelism: 1, completions: 1, ...pfpTemplate, podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'NotIn', values: [5, 6, 7] } }] } },
    pods: [{ name: 'mypod-0', phase: 'Failed', exitCode: 42 }],
    steps: [pfpFailed('Container main-container for pod default/mypod-0 failed with exit code 42 matching FailJob rule at index 0')],
  },
  {
    row: 35, name: 'fail job based on OnPodConditions', spec: { parallelism: 1, completions: 1, ...pfpTemplate, podFailurePolicy: { rules: [{ action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget' }] }] } },
    pods: [{ name: 'mypod-0', phase: 'Failed', conditions: [{ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: T0 }] }],
    steps: [pfpFailed('Pod default/mypod-0 has condition DisruptionTarget matching FailJob rule at index 0')],
  },
  {
    row: 36, name: 'running pod should not result in job fail based on OnExitCodes', spec: { parallelism: 1, completions: 1, ...pfpTemplate, podFailurePolicy: pfpRules },
    pods: [{ name: 'mypod-0', phase: 'Running', status: { phase: 'Running', containerStatuses: [{ name: 'main-container', state: { terminated: { exitCode: 5, finishedAt: T0 } }, lastState: {}, ready: false, restartCount: 0, image: 'busybox', imageID: '' }] } }],
    steps: [{ status: base({ active: 1 }), events: [] }],
  },
  {
    row: 37, name: 'job with successPolicy with succeededIndexes and succeededCount', spec: { parallelism: 3, completions: 3, completionMode: 'Indexed', successPolicy: { rules: [{ succeededIndexes: '0,1', succeededCount: 1 }] } },
    pods: [{ phase: 'Failed', index: '0' }, { phase: 'Running', index: '0' }, { phase: 'Succeeded', index: '1' }, { phase: 'Running', index: '2' }],
    steps: [
      { status: { conditions: [cond('SuccessCriteriaMet', 'True', 'SuccessPolicy', 'Matched rules at index 0')], startTime: T0, succeeded: 1, failed: 1, terminating: 2, completedIndexes: '1', uncountedTerminatedPods: {}, ready: 0 }, events: [deletedPod('pod-1'), deletedPod('pod-3')] },
      { status: { conditions: [cond('SuccessCriteriaMet', 'True', 'SuccessPolicy', 'Matched rules at index 0'), cond('Complete', 'True', 'SuccessPolicy', 'Matched rules at index 0')], startTime: T0, completionTime: T0, succeeded: 1, failed: 1, terminating: 0, completedIndexes: '1', uncountedTerminatedPods: {}, ready: 0 }, events: ['Normal Completed Job completed'] },
    ],
  },
  {
    row: 'TEST', name: 'deleting job', spec: { parallelism: 2, completions: 5 }, deleting: true,
    pods: [{ phase: 'Pending' }, { phase: 'Running' }, { phase: 'Succeeded' }],
    steps: [{ status: base({ active: 2, succeeded: 1 }), events: [] }],
  },
  {
    row: '§1', name: 'completions 0 completes at the first sync without pods', spec: { completions: 0, parallelism: 1 },
    steps: [{ status: { conditions: [completed('SuccessCriteriaMet'), completed('Complete')], startTime: T0, completionTime: T0, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Normal Completed Job completed'] }],
  },
  { row: '§1', name: 'parallelism 0 pauses the Job', spec: { completions: 1, parallelism: 0 }, steps: [{ status: base({}), events: [] }] },
  {
    row: '§1', name: 'a work queue still fails on failures after its first success', spec: { parallelism: 2, backoffLimit: 1 },
    pods: [{ phase: 'Succeeded' }, { phase: 'Failed' }, { phase: 'Failed' }],
    steps: [{ status: { conditions: [backoffExceeded('FailureTarget'), backoffExceeded('Failed')], startTime: T0, succeeded: 1, failed: 2, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: ['Warning BackoffLimitExceeded Job has reached the specified backoff limit'] }],
  },
  {
    row: 'TEST', name: 'more terminating pods than parallelism', spec: { parallelism: 1, completions: 1, podReplacementPolicy: 'Failed' },
    pods: [...n(2, { phase: 'Running' }), ...n(4, { phase: 'Running', deleting: true })],
    steps: [{ status: base({ active: 1, terminating: 5 }), events: [deletedPod('pod-0')] }],
  },
  {
    row: 'TEST', name: 'WQ job: recreate pods when failed', spec: { parallelism: 1, podReplacementPolicy: 'Failed' },
    pods: [{ phase: 'Running' }, { phase: 'Failed' }, { phase: 'Running', deleting: true }],
    steps: [{ status: base({ active: 1, failed: 1, terminating: 1 }), events: [] }],
  },
  {
    row: 'TEST', name: 'indexed job with some pods deleted, podReplacementPolicy Failed', spec: { parallelism: 2, completions: 5, completionMode: 'Indexed', podReplacementPolicy: 'Failed' },
    pods: [{ phase: 'Running', deleting: true }],
    steps: [{ status: base({ active: 1, terminating: 1 }), events: ['Normal SuccessfulCreate Created pod: foobar-0-*****'] }],
    createdIndexes: ['0'],
  },
  {
    row: '§8.2', name: 'more failed indexes than maxFailedIndexes: MaxFailedIndexesExceeded, the running pods go', spec: { parallelism: 3, completions: 3, completionMode: 'Indexed', backoffLimitPerIndex: 0, maxFailedIndexes: 0 },
    pods: [{ phase: 'Failed', index: '0', annotations: { 'batch.kubernetes.io/job-index-failure-count': '0' } }, { phase: 'Running', index: '1' }, { phase: 'Running', index: '2' }],
    steps: [
      {
        status: { conditions: [cond('FailureTarget', 'True', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes')], startTime: T0, failed: 3, terminating: 2, failedIndexes: '0', uncountedTerminatedPods: {}, ready: 0 },
        events: [deletedPod('pod-1'), deletedPod('pod-2')],
      },
    ],
  },
  {
    row: '§8.3', name: 'a FailIndex rule fails the index at once; with the others done the Job fails: FailedIndexes', spec: { parallelism: 2, completions: 2, completionMode: 'Indexed', backoffLimitPerIndex: 2, ...pfpTemplate, podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [42] } }] } },
    pods: [{ phase: 'Failed', index: '0', exitCode: 42, annotations: { 'batch.kubernetes.io/job-index-failure-count': '0' } }, { phase: 'Succeeded', index: '1' }],
    steps: [
      {
        status: { conditions: [cond('FailureTarget', 'True', 'FailedIndexes', 'Job has failed indexes'), cond('Failed', 'True', 'FailedIndexes', 'Job has failed indexes')], startTime: T0, succeeded: 1, failed: 1, terminating: 0, completedIndexes: '1', failedIndexes: '0', uncountedTerminatedPods: {}, ready: 0 },
        events: ['Warning FailedIndexes Job has failed indexes'],
      },
    ],
  },
]

function pfpFailed(message: string): Step {
  const c = (type: JobCondition['type']) => cond(type, 'True', 'PodFailurePolicy', message)
  return { status: { conditions: [c('FailureTarget'), c('Failed')], startTime: T0, failed: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }, events: [`Warning PodFailurePolicy ${message}`] }
}

/** Generated pod names end in 5 random characters from Kubernetes' alphabet. */
function normalise(events: string[]): string[] {
  return events.map((e) => e.replace(/^(Normal SuccessfulCreate Created pod: .*-)[bcdfghjklmnpqrstvwxz2456789]{5}$/, '$1*****'))
}

describe('syncJob (research §12 rows 1–37 and §1)', () => {
  for (const c of cases) {
    it(`${typeof c.row === 'number' ? 'row ' : ''}${c.row}: ${c.name}`, () => {
      const h = new Harness()
      let job = h.createJob(c.spec, { status: c.status ?? {} })
      if (c.deleting) job = h.store.update({ ...job, metadata: { ...job.metadata, deletionTimestamp: T0, deletionGracePeriodSeconds: 0, finalizers: ['foregroundDeletion'] } })
      for (const p of c.pods ?? []) h.addPod(job, p)
      const before = new Set(h.store.list<Pod>('Pod').map((p) => p.metadata.uid))
      for (const step of c.steps) {
        const seen = h.log.length
        h.sync()
        expect(h.job().status).toEqual(step.status)
        expect(normalise(h.events().slice(seen))).toEqual(step.events)
      }
      const fresh = h.store.list<Pod>('Pod').filter((p) => !before.has(p.metadata.uid))
      if (c.createdIndexes) expect(fresh.map(indexedPodShape)).toEqual(c.createdIndexes.map(expectedIndexedShape))
      else for (const p of fresh) expect([p.metadata.generateName, p.spec.hostname, p.metadata.annotations]).toEqual(['foobar-', undefined, undefined])
    })
  }
})

function indexedPodShape(p: Pod) {
  return {
    generateName: p.metadata.generateName,
    hostname: p.spec.hostname,
    label: p.metadata.labels?.['batch.kubernetes.io/job-completion-index'],
    annotations: p.metadata.annotations,
    env: p.spec.containers[0].env,
    finalizers: p.metadata.finalizers,
  }
}

function expectedIndexedShape(i: string) {
  return {
    generateName: `foobar-${i}-`,
    hostname: `foobar-${i}`,
    label: i,
    annotations: { 'batch.kubernetes.io/job-completion-index': i },
    env: [{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } }],
    finalizers: ['batch.kubernetes.io/job-tracking'],
  }
}
