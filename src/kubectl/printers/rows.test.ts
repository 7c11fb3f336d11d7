// The server-side cells of `kubectl get` (research §4.1, §4.3, §6.2): Job
// STATUS/COMPLETIONS/DURATION and Pod READY/STATUS/RESTARTS for every shape.
import { describe, expect, it } from 'vitest'
import type { ContainerStatus, Job, Pod } from '../../engine/api/types.ts'
import { rfc3339 } from '../../engine/kernel/time.ts'
import { podCells } from './pod-status.ts'
import { jobCompletions, jobDuration, jobStatus, nodeRoles, nodeStatus, tableFor } from './rows.ts'

const NOW = Date.UTC(2025, 5, 2, 10, 4, 35)
const ago = (s: number) => rfc3339(NOW - s * 1000)
const cond = (type: string, status = 'True') => ({ type, status, lastProbeTime: ago(1), lastTransitionTime: ago(1) })

function job(spec: Partial<Job['spec']>, status: Job['status'], deleting = false): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'j', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: ago(130), ...(deleting ? { deletionTimestamp: ago(0) } : {}) },
    spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } }, ...spec },
    status,
  } as Job
}

describe('Job cells (research §4.1, §4.3)', () => {
  const cases: [string, Job, string, string, string][] = [
    ['just created, pod pending', job({ completions: 1 }, { startTime: ago(2), active: 1 }), 'Running', '0/1', '2s'],
    ['parallelism 3, no completions', job({ parallelism: 3 }, { startTime: ago(10) }), 'Running', '0/1 of 3', '10s'],
    ['parallelism 1, no completions', job({ parallelism: 1 }, { startTime: ago(10), succeeded: 0 }), 'Running', '0/1', '10s'],
    ['indexed, 2 of 5 done', job({ completions: 5, completionMode: 'Indexed' }, { startTime: ago(60), succeeded: 2 }), 'Running', '2/5', '60s'],
    ['all succeeded, SuccessCriteriaMet before Complete (1.33 server)', job({ completions: 1 }, { startTime: ago(7), succeeded: 1, conditions: [cond('SuccessCriteriaMet')] as Job['status']['conditions'] }), 'Running', '1/1', '7s'],
    ['complete', job({ completions: 1 }, { startTime: ago(300), completionTime: ago(292), succeeded: 1, conditions: [cond('Complete')] as Job['status']['conditions'] }), 'Complete', '1/1', '8s'],
    ['deadline exceeded, FailureTarget first', job({ completions: 1 }, { startTime: ago(40), conditions: [cond('FailureTarget')] as Job['status']['conditions'] }), 'FailureTarget', '0/1', '40s'],
    ['failed: no completionTime, DURATION keeps growing', job({ completions: 1 }, { startTime: ago(200), failed: 2, conditions: [cond('FailureTarget'), cond('Failed')] as Job['status']['conditions'] }), 'Failed', '0/1', '3m20s'],
    ['deleted while pods finalize', job({ completions: 1 }, { startTime: ago(20), active: 1 }, true), 'Terminating', '0/1', '20s'],
    ['suspended before starting: blank DURATION', job({ completions: 3, suspend: true }, { conditions: [cond('Suspended')] as Job['status']['conditions'] }), 'Suspended', '0/3', ''],
    ['a False condition does not count', job({ completions: 1 }, { startTime: ago(5), conditions: [cond('Suspended', 'False')] as Job['status']['conditions'] }), 'Running', '0/1', '5s'],
  ]
  for (const [name, j, status, completions, duration] of cases) {
    it(name, () => expect([jobStatus(j), jobCompletions(j), jobDuration(j, NOW)]).toEqual([status, completions, duration]))
  }
})

function cs(state: ContainerStatus['state'], extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name: 'c', state, lastState: {}, ready: false, restartCount: 0, image: 'busybox', imageID: '', ...extra }
}

function pod(st: Partial<Pod['status']>, spec: Partial<Pod['spec']> = {}, deleting = false): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: ago(60), ...(deleting ? { deletionTimestamp: ago(0), deletionGracePeriodSeconds: 30 } : {}) },
    spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec },
    status: { phase: 'Running', ...st },
  } as Pod
}

const term = (exitCode: number, reason?: string, signal?: number) => ({ terminated: { exitCode, reason, signal, startedAt: ago(30), finishedAt: ago(25) } })

describe('Pod cells (research §6.2)', () => {
  const init = { initContainers: [{ name: 'i', image: 'busybox' }] }
  const cases: [string, Pod, string, string, string][] = [
    ['no container statuses yet: the phase', pod({ phase: 'Pending' }), '0/1', 'Pending', '0'],
    ['ContainerCreating', pod({ phase: 'Pending', containerStatuses: [cs({ waiting: { reason: 'ContainerCreating' } })] }), '0/1', 'ContainerCreating', '0'],
    ['running and ready', pod({ containerStatuses: [cs({ running: { startedAt: ago(10) } }, { ready: true })] }), '1/1', 'Running', '0'],
    ['exit 0 shows Completed, not Succeeded', pod({ phase: 'Succeeded', containerStatuses: [cs(term(0, 'Completed'))] }), '0/1', 'Completed', '0'],
    ['exit 1 shows Error', pod({ phase: 'Failed', containerStatuses: [cs(term(1, 'Error'))] }), '0/1', 'Error', '0'],
    ['OOMKilled', pod({ phase: 'Failed', containerStatuses: [cs(term(137, 'OOMKilled'))] }), '0/1', 'OOMKilled', '0'],
    ['terminated without a reason: ExitCode', pod({ containerStatuses: [cs(term(2))] }), '0/1', 'ExitCode:2', '0'],
    ['terminated by a signal', pod({ containerStatuses: [cs(term(137, undefined, 9))] }), '0/1', 'Signal:9', '0'],
    [
      'CrashLoopBackOff with restarts and the last restart age',
      pod({ containerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 3, lastState: term(1, 'Error') })] }),
      '0/1',
      'CrashLoopBackOff',
      '3 (25s ago)',
    ],
    ['DeadlineExceeded from the pod reason', pod({ phase: 'Failed', reason: 'DeadlineExceeded' }), '0/1', 'DeadlineExceeded', '0'],
    ['deleting a running pod: Terminating', pod({ containerStatuses: [cs({ running: {} }, { ready: true })] }, {}, true), '1/1', 'Terminating', '0'],
    ['deleting a finished pod keeps its status', pod({ phase: 'Succeeded', containerStatuses: [cs(term(0, 'Completed'))] }, {}, true), '0/1', 'Completed', '0'],
    ['init container pending: Init:0/1', pod({ phase: 'Pending', initContainerStatuses: [cs({ waiting: { reason: 'PodInitializing' } }, { name: 'i' })] }, init), '0/1', 'Init:0/1', '0'],
    ['init container crash loop', pod({ phase: 'Pending', initContainerStatuses: [cs({ waiting: { reason: 'CrashLoopBackOff' } }, { name: 'i', restartCount: 2, lastState: term(1, 'Error') })] }, init), '0/1', 'Init:CrashLoopBackOff', '2 (25s ago)'],
    ['init container failed', pod({ phase: 'Failed', initContainerStatuses: [cs(term(1, 'Error'), { name: 'i' })] }, init), '0/1', 'Init:Error', '0'],
    ['scheduling gated', pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', lastProbeTime: null, lastTransitionTime: ago(1) }] }), '0/1', 'SchedulingGated', '0'],
    [
      'a sidecar still running after the main container completed: Completed, READY counts the sidecar',
      pod(
        {
          initContainerStatuses: [cs({ running: {} }, { name: 's', started: true, ready: true })],
          containerStatuses: [cs(term(0, 'Completed'))],
        },
        { initContainers: [{ name: 's', image: 'busybox', restartPolicy: 'Always' }] },
      ),
      '1/2',
      'Completed',
      '0',
    ],
  ]
  for (const [name, p, ready, status, restarts] of cases) {
    it(name, () => expect(podCells(p, NOW)).toEqual({ ready, status, restarts }))
  }
})

describe('Node cells', () => {
  const node = (labels: Record<string, string>, ready: string, unschedulable = false) =>
    ({ metadata: { name: 'n', labels }, spec: { unschedulable }, status: { conditions: [{ type: 'Ready', status: ready }] } }) as never
  it('roles from node-role labels, sorted; <none> without', () => {
    expect(nodeRoles(node({ 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '' }, 'True'))).toBe('control-plane,worker')
    expect(nodeRoles(node({}, 'True'))).toBe('<none>')
  })
  it('status: Ready, NotReady, SchedulingDisabled', () => {
    expect([nodeStatus(node({}, 'True')), nodeStatus(node({}, 'False', true)), nodeStatus(node({}, 'Unknown'))]).toEqual(['Ready', 'NotReady,SchedulingDisabled', 'NotReady'])
  })
  it('wide columns', () => expect(tableFor('Node').columns.filter((c) => c.priority).map((c) => c.name)).toEqual(['Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime']))
})
