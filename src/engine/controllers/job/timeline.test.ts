// Timelines in virtual seconds (research job-controller.md §12 rows 38–50, §11):
// pods start when created, run for the planned time, and the controller reacts to
// pod changes one second later (the batch period), to Job changes at once.
import { describe, expect, it } from 'vitest'
import type { Job, JobCondition, Pod } from '../../api/types.ts'
import { rfc3339 } from '../../kernel/time.ts'
import type { ContainerRun } from './testing-kubelet.ts'
import { HARNESS_START, Harness } from './testing.ts'

const at = (s: number) => rfc3339(HARNESS_START + s * 1000)
const cond = (type: JobCondition['type'], s: number, reason: string, message: string, status: JobCondition['status'] = 'True') => ({ type, status, lastProbeTime: at(s), lastTransitionTime: at(s), reason, message })
const completed = (type: JobCondition['type'], s: number) => cond(type, s, 'CompletionsReached', 'Reached expected number of succeeded pods')
const backoff = (type: JobCondition['type'], s: number) => cond(type, s, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit')

/** Times (s) of the job controller's events with this reason. */
function times(h: Harness, reason: string): number[] {
  return h.log.filter((e) => e.reason === reason).map((e) => e.t)
}

function harness(run: (pod: Pod, attempt: number, h: Harness) => ContainerRun): { h: Harness; starts: number[] } {
  const starts: number[] = []
  const h: Harness = new Harness({
    kubelet: {
      run: (pod, attempt) => {
        starts.push(h.t())
        return run(pod, attempt, h)
      },
    },
  })
  return { h, starts }
}

const exits = (seconds: number, exitCode: number): ContainerRun => ({ seconds, exitCode })
const index = (p: Pod) => Number(p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'])

describe('Job timelines (research §12 rows 38–50)', () => {
  it('row 38: one pod sleeping 5 s completes the Job at 6 s; the pod stays', () => {
    const { h } = harness(() => exits(5, 0))
    h.createJob({})
    h.advanceTo(10)
    expect(h.events(true).map(norm)).toEqual(['@0 Normal SuccessfulCreate Created pod: foobar-*****', '@6 Normal Completed Job completed'])
    expect(h.job().status).toEqual({ conditions: [completed('SuccessCriteriaMet', 6), completed('Complete', 6)], startTime: at(0), completionTime: at(6), succeeded: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 })
    expect(h.pods().map((p) => [p.status.phase, p.metadata.finalizers])).toEqual([['Succeeded', undefined]])
  })

  it('row 39: completions 3, parallelism 1, 2 s each: pods at 0, 3, 6 and Complete at 9', () => {
    const { h, starts } = harness(() => exits(2, 0))
    h.createJob({ completions: 3, parallelism: 1 })
    h.advanceTo(20)
    expect(starts).toEqual([0, 3, 6])
    expect(times(h, 'Completed')).toEqual([9])
    expect(h.job().status.succeeded).toBe(3)
  })

  it('row 40: completions 4, parallelism 2, 2 s each: two pods at 0, two at 3, Complete at 6', () => {
    const { h, starts } = harness(() => exits(2, 0))
    h.createJob({ completions: 4, parallelism: 2 })
    h.advanceTo(20)
    expect(starts).toEqual([0, 0, 3, 3])
    expect(times(h, 'Completed')).toEqual([6])
  })

  it('row 41: a work queue creates nothing after the first success and completes when all are done', () => {
    const runs = [exits(5, 0), exits(10, 0), exits(10, 0)]
    let i = 0
    const { h, starts } = harness(() => runs[i++])
    h.createJob({ parallelism: 3 })
    h.advanceTo(30)
    expect(starts).toEqual([0, 0, 0])
    expect(times(h, 'Completed')).toEqual([11])
    expect(h.job().status).toEqual({ conditions: [completed('SuccessCriteriaMet', 11), completed('Complete', 11)], startTime: at(0), completionTime: at(11), succeeded: 3, terminating: 0, uncountedTerminatedPods: {}, ready: 0 })
  })

  it('row 42 (§11.1): Never, backoffLimit 3, exit 1 after 1 s: pods at 0, 11, 32, 73, Failed at 75', () => {
    const { h, starts } = harness(() => exits(1, 1))
    h.createJob({ backoffLimit: 3 })
    h.advanceTo(200)
    expect(starts).toEqual([0, 11, 32, 73])
    expect(h.events(true).slice(-1)).toEqual(['@75 Warning BackoffLimitExceeded Job has reached the specified backoff limit'])
    expect(h.job().status).toEqual({ conditions: [backoff('FailureTarget', 75), backoff('Failed', 75)], startTime: at(0), failed: 4, terminating: 0, uncountedTerminatedPods: {}, ready: 0 })
    expect(h.pods().map((p) => p.status.phase)).toEqual(['Failed', 'Failed', 'Failed', 'Failed'])
  })

  it('row 43 (§11.2): OnFailure, backoffLimit 3: one pod restarting at 0, 1, 12, 33; FailureTarget at 34, Failed at 35', () => {
    const { h, starts } = harness(() => exits(1, 1))
    h.createJob({ backoffLimit: 3, template: { spec: { containers: [{ name: 'main', image: 'busybox' }], restartPolicy: 'OnFailure' } } })
    h.advanceTo(100)
    expect(starts).toEqual([0, 1, 12, 33])
    expect(h.events(true).map(norm)).toEqual([
      '@0 Normal SuccessfulCreate Created pod: foobar-*****',
      `@34 Normal SuccessfulDelete Deleted pod: ${h.log[0].message.slice('Created pod: '.length)}`,
      '@35 Warning BackoffLimitExceeded Job has reached the specified backoff limit',
    ])
    expect(h.job().status).toEqual({ conditions: [backoff('FailureTarget', 34), backoff('Failed', 35)], startTime: at(0), failed: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 })
    expect(h.pods()).toEqual([])
  })

  it('row 44: Never, backoffLimit 10, instant failures: recreation gaps 10 … 320 then capped at 600 s', () => {
    const { h, starts } = harness(() => exits(0, 1))
    h.createJob({ backoffLimit: 10 })
    h.advanceTo(4000)
    expect(starts.slice(1).map((t, i) => t - starts[i])).toEqual([10, 20, 40, 80, 160, 320, 600, 600, 600, 600])
    expect(h.events(true).slice(-1)).toEqual([`@${starts[10] + 1} Warning BackoffLimitExceeded Job has reached the specified backoff limit`])
    expect(h.job().status.failed).toBe(11)
  })

  it('row 45: OnFailure, backoffLimit 100, crash loop: restarts after 0, 10, 20 … 300 s; fails 1 s after restart 100', () => {
    const { h, starts } = harness(() => exits(0, 1))
    h.createJob({ backoffLimit: 100, template: { spec: { containers: [{ name: 'main', image: 'busybox' }], restartPolicy: 'OnFailure' } } })
    h.advanceTo(40_000)
    expect(starts.slice(1, 10).map((t, i) => t - starts[i])).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300])
    expect(starts.length).toBe(101)
    expect(times(h, 'SuccessfulCreate')).toEqual([0])
    expect(h.job().status.conditions).toEqual([backoff('FailureTarget', starts[100] + 1), backoff('Failed', starts[100] + 2)])
  })

  it('row 46: activeDeadlineSeconds 30: FailureTarget at 30, the pod is killed and counted, Failed at 31', () => {
    const { h } = harness(() => ({ seconds: Infinity, exitCode: 0 }))
    h.createJob({ activeDeadlineSeconds: 30 })
    h.advanceTo(60)
    const dl = (type: JobCondition['type'], s: number) => cond(type, s, 'DeadlineExceeded', 'Job was active longer than specified deadline')
    expect(h.events(true).slice(1).map(norm)).toEqual([`@30 Normal SuccessfulDelete Deleted pod: ${podName(h)}`, '@31 Warning DeadlineExceeded Job was active longer than specified deadline'])
    expect(h.job().status).toEqual({ conditions: [dl('FailureTarget', 30), dl('Failed', 31)], startTime: at(0), failed: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 })
  })

  it('row 47: deleting the running pod at 5 s counts a failure at once; the replacement comes 10 s after the deletion', () => {
    const { h, starts } = harness(() => ({ seconds: Infinity, exitCode: 0 }))
    h.createJob({})
    h.advanceTo(5)
    h.api.delete('Pod', 'default', h.pods()[0].metadata.name)
    h.advanceTo(6)
    expect(h.job().status.failed).toBe(1)
    h.advanceTo(30)
    expect(starts).toEqual([0, 15])
  })

  it('row 48: ttlSecondsAfterFinished 100 deletes the Job and its pods at 106 (Foreground)', () => {
    const { h } = harness(() => exits(5, 0))
    h.createJob({ ttlSecondsAfterFinished: 100 })
    h.advanceTo(105.999)
    expect(h.job().metadata.deletionTimestamp).toBeUndefined()
    h.advanceTo(106)
    expect([h.job().metadata.deletionTimestamp, h.job().metadata.finalizers]).toEqual([at(106), ['foregroundDeletion']])
    h.advanceTo(107)
    expect([h.store.get('Job', 'default', 'foobar'), h.store.list('Pod')]).toEqual([undefined, []])
  })

  it('row 49: a resumed Job restarts its deadline from the resume (suspended at 10, resumed at 20, ADS 30: deadline 50)', () => {
    const { h, starts } = harness(() => ({ seconds: Infinity, exitCode: 0 }))
    h.createJob({ activeDeadlineSeconds: 30 })
    h.advanceTo(10)
    setSuspend(h, true)
    h.advanceTo(20)
    expect(h.job().status).toEqual({ conditions: [cond('Suspended', 10, 'JobSuspended', 'Job suspended')], startTime: at(0), terminating: 0, uncountedTerminatedPods: {}, ready: 0 })
    setSuspend(h, false)
    h.advanceTo(100)
    expect(starts).toEqual([0, 20])
    expect(h.events(true).map((e) => e.replace(/foobar-\w{5}$/, 'foobar-*****'))).toEqual([
      '@0 Normal SuccessfulCreate Created pod: foobar-*****',
      '@10 Normal SuccessfulDelete Deleted pod: foobar-*****',
      '@10 Normal Suspended Job suspended',
      '@20 Normal SuccessfulCreate Created pod: foobar-*****',
      '@20 Normal Resumed Job resumed',
      '@50 Normal SuccessfulDelete Deleted pod: foobar-*****',
      '@51 Warning DeadlineExceeded Job was active longer than specified deadline',
    ])
    expect([h.job().status.startTime, h.job().status.failed, h.job().status.conditions?.[0]]).toEqual([at(20), 1, cond('Suspended', 20, 'JobResumed', 'Job resumed', 'False')])
  })

  it('row 49 as 1.33 orders its checks: resumed after the deadline passed (suspended at 20, resumed at 100), the Job fails at once', () => {
    // syncJob tests pastActiveDeadline before the Resumed branch resets startTime
    // (k8s pkg/controller/job/job_controller.go); only 1.35's gated change clears
    // startTime on suspend.
    const { h, starts } = harness(() => ({ seconds: Infinity, exitCode: 0 }))
    h.createJob({ activeDeadlineSeconds: 30 })
    h.advanceTo(20)
    setSuspend(h, true)
    h.advanceTo(100)
    setSuspend(h, false)
    h.advanceTo(200)
    const dl = (type: JobCondition['type']) => cond(type, 100, 'DeadlineExceeded', 'Job was active longer than specified deadline')
    expect(starts).toEqual([0])
    expect(h.job().status).toEqual({ conditions: [cond('Suspended', 20, 'JobSuspended', 'Job suspended'), dl('FailureTarget'), dl('Failed')], startTime: at(0), terminating: 0, uncountedTerminatedPods: {}, ready: 0 })
    expect(h.events(true).slice(3)).toEqual(['@100 Warning DeadlineExceeded Job was active longer than specified deadline'])
  })

  it('row 50: backoffLimitPerIndex 1, maxFailedIndexes 5, even indexes fail: Failed with FailedIndexes', () => {
    const { h } = harness((pod) => exits(1, index(pod) % 2 === 0 ? 1 : 0))
    h.createJob({ completions: 10, parallelism: 3, completionMode: 'Indexed', backoffLimitPerIndex: 1, maxFailedIndexes: 5 })
    h.advanceTo(600)
    const s = h.job().status
    const failed = s.conditions!.filter((c) => c.type === 'FailureTarget' || c.type === 'Failed').map((c) => [c.type, c.reason, c.message])
    expect([s.completedIndexes, s.failedIndexes, s.succeeded, s.failed, failed]).toEqual([
      '1,3,5,7,9',
      '0,2,4,6,8',
      5,
      10,
      [['FailureTarget', 'FailedIndexes', 'Job has failed indexes'], ['Failed', 'FailedIndexes', 'Job has failed indexes']],
    ])
  })
})

describe('pod statuses written by hand (the harness playing the kubelet)', () => {
  it('a success resets the back-off: after fail, wait 10 s, succeed, the next pod comes with the next sync (research §3.3)', () => {
    const h = new Harness()
    h.createJob({ completions: 2 })
    h.advanceTo(0)
    h.podFails(h.pods()[0], 1, 1)
    h.advanceTo(12)
    expect(times(h, 'SuccessfulCreate')).toEqual([0, 11])
    h.podSucceeds(h.pods()[1], 12)
    h.advanceTo(20)
    expect(times(h, 'SuccessfulCreate')).toEqual([0, 11, 13])
    h.podSucceeds(h.pods()[2], 25)
    h.advanceTo(30)
    expect(h.job().status).toEqual({ conditions: [completed('SuccessCriteriaMet', 26), completed('Complete', 26)], startTime: at(0), completionTime: at(26), succeeded: 2, failed: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 })
  })
})

function setSuspend(h: Harness, suspend: boolean): void {
  const j = h.job()
  h.api.update<Job>({ ...j, spec: { ...j.spec, suspend } })
}

function podName(h: Harness): string {
  return h.log[0].message.slice('Created pod: '.length)
}

function norm(e: string): string {
  return e.replace(/(Created pod: .*-)[bcdfghjklmnpqrstvwxz2456789]{5}$/, '$1*****')
}
