// Pod-recreation back-off, table-driven after k8s pkg/controller/job/backoff_utils_test.go
// (TestNewBackoffRecord, TestGetFinishedTime, TestGetRemainingBackoffTime).
import { describe, expect, it } from 'vitest'
import type { ContainerStatus, Pod } from '../../api/types.ts'
import { rfc3339 } from '../../kernel/time.ts'
import { BackoffStore, getFinishedTime, getRemainingTime, getRemainingTimeForFailuresCount, type BackoffRecord } from './backoff-utils.ts'

const T = Date.UTC(2009, 10, 10, 23, 0, 0)
const S = 1000

function finished(phase: 'Succeeded' | 'Failed', at: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', uid: 'u', resourceVersion: '1', creationTimestamp: rfc3339(0) },
    spec: { containers: [] },
    status: { phase, containerStatuses: [terminated(at)] },
  }
}

function terminated(at: number | undefined): ContainerStatus {
  return { name: 'c', state: { terminated: { exitCode: 0, ...(at !== undefined ? { finishedAt: rfc3339(at) } : {}) } }, lastState: {}, ready: false, restartCount: 0, image: '', imageID: '' }
}

const running: ContainerStatus = { name: 'c', state: { running: {} }, lastState: {}, ready: true, restartCount: 0, image: '', imageID: '' }

describe('newBackoffRecord (TestNewBackoffRecord)', () => {
  // Finish times have whole seconds on the wire, so upstream's millisecond steps become seconds here.
  const cases: { name: string; stored?: BackoffRecord; succeeded: number[]; failed: number[]; want: BackoffRecord }[] = [
    { name: 'Empty backoff store and one new failure', succeeded: [], failed: [T], want: { key: 'key', failuresAfterLastSuccess: 1, lastFailureTime: T } },
    { name: 'Empty backoff store and two new failures', succeeded: [], failed: [T, T - S], want: { key: 'key', failuresAfterLastSuccess: 2, lastFailureTime: T } },
    { name: 'Empty backoff store, two failures followed by success', succeeded: [T], failed: [T - 2 * S, T - S], want: { key: 'key', failuresAfterLastSuccess: 0, lastFailureTime: undefined } },
    { name: 'Empty backoff store, two failures, one success and two more failures', succeeded: [T - 2 * S], failed: [T, T - 4 * S, T - 3 * S, T - S], want: { key: 'key', failuresAfterLastSuccess: 2, lastFailureTime: T } },
    { name: 'Backoff store having failure count 2 and one new failure', stored: { key: 'key', failuresAfterLastSuccess: 2 }, succeeded: [], failed: [T], want: { key: 'key', failuresAfterLastSuccess: 3, lastFailureTime: T } },
    { name: 'Empty backoff store with success and failure at same timestamp', succeeded: [T], failed: [T], want: { key: 'key', failuresAfterLastSuccess: 0, lastFailureTime: undefined } },
    { name: 'Empty backoff store with no success/failure', succeeded: [], failed: [], want: { key: 'key', failuresAfterLastSuccess: 0 } },
    { name: 'Empty backoff store with one success', succeeded: [T], failed: [], want: { key: 'key', failuresAfterLastSuccess: 0, lastFailureTime: undefined } },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const store = new BackoffStore()
      if (c.stored) store.updateBackoffRecord(c.stored)
      const got = store.newBackoffRecord('key', c.succeeded.map((t) => finished('Succeeded', t)), c.failed.map((t) => finished('Failed', t)))
      expect(got).toEqual(c.want)
    })
  }
})

describe('getFinishedTime (TestGetFinishedTime)', () => {
  const pod = (status: Partial<Pod['status']>, meta: Partial<Pod['metadata']> = {}): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', uid: 'u', resourceVersion: '1', creationTimestamp: '', ...meta },
    spec: { containers: [] },
    status: { phase: 'Failed', ...status },
  })
  const cases: { name: string; pod: Pod; want: number }[] = [
    { name: 'Pod with multiple containers and all containers terminated', pod: pod({ containerStatuses: [terminated(T - S), terminated(T), terminated(T - 2 * S)] }), want: T },
    { name: 'Pod with multiple containers; two containers in terminated state and one in running state; fallback to deletionTimestamp', pod: pod({ containerStatuses: [terminated(T - S), running, terminated(T - 2 * S)] }, { deletionTimestamp: rfc3339(T) }), want: T },
    { name: 'fallback to deletionTimestamp', pod: pod({ containerStatuses: [running] }, { deletionTimestamp: rfc3339(T) }), want: T },
    { name: 'fallback to deletionTimestamp, decremented by grace period', pod: pod({ containerStatuses: [running] }, { deletionTimestamp: rfc3339(T), deletionGracePeriodSeconds: 30 }), want: T - 30 * S },
    { name: 'fallback to PodReady.LastTransitionTime when status of the condition is False', pod: pod({ containerStatuses: [terminated(undefined)], conditions: [{ type: 'Ready', status: 'False', reason: 'PodFailed', lastProbeTime: null, lastTransitionTime: rfc3339(T) }] }), want: T },
    { name: 'skip fallback to PodReady.LastTransitionTime when status of the condition is True', pod: pod({ containerStatuses: [terminated(undefined)], conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(T - 30 * S) }] }, { deletionTimestamp: rfc3339(T) }), want: T },
    { name: 'fallback to creationTimestamp', pod: pod({ containerStatuses: [terminated(undefined)] }, { creationTimestamp: rfc3339(T) }), want: T },
    { name: 'Pod with init container and all containers terminated', pod: pod({ containerStatuses: [terminated(T - S)], initContainerStatuses: [terminated(T)] }), want: T },
  ]
  for (const c of cases) it(c.name, () => expect(getFinishedTime(c.pod)).toBe(c.want))
})

describe('getRemainingTime (TestGetRemainingBackoffTime, base 5 s, max 700 s)', () => {
  const cases: { name: string; failures: number; last?: number; now: number; want: number }[] = [
    { name: 'no failures', failures: 0, now: T, want: 0 },
    { name: 'one failure; current time and failure time are same', failures: 1, last: T, now: T, want: 5 * S },
    { name: 'one failure; current time == 1 second + failure time', failures: 1, last: T, now: T + S, want: 4 * S },
    { name: 'one failure; current time == expected backoff time', failures: 1, last: T, now: T + 5 * S, want: 0 },
    { name: 'one failure; current time == expected backoff time + 1 Second', failures: 1, last: T, now: T + 6 * S, want: 0 },
    { name: 'three failures; current time and failure time are same', failures: 3, last: T, now: T, want: 20 * S },
    { name: 'eight failures; current time and failure time are same; backoff not exceeding maxBackoff', failures: 8, last: T, now: T, want: 640 * S },
    { name: 'nine failures; current time and failure time are same; backoff exceeding maxBackoff', failures: 9, last: T, now: T, want: 700 * S },
  ]
  for (const c of cases) {
    it(c.name, () => expect(getRemainingTime({ key: 'k', failuresAfterLastSuccess: c.failures, lastFailureTime: c.last }, c.now, 5 * S, 700 * S)).toBe(c.want))
  }

  it('the Job defaults give 10, 20, 40, 80, 160, 320, 600, 600 s (research §3.3)', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => getRemainingTimeForFailuresCount(T, 10 * S, 600 * S, n, T) / S)
    expect(delays).toEqual([10, 20, 40, 80, 160, 320, 600, 600])
  })
})
