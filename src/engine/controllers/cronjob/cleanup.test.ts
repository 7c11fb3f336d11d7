// History limits: upstream's TestByJobStartTime (utils_test.go), TestControllerV2CleanupFinishedJobs
// (cronjob_controllerv2_test.go) and research §10.3 #64.
import { describe, expect, it } from 'vitest'
import type { Job, JobStatus } from '../../api/types.ts'
import { rfc3339 } from '../../kernel/time.ts'
import { byJobStartTime } from './cleanup.ts'
import { sync } from './sync.ts'
import { CronHarness, cronJobSpec, ms, statusError } from './testing.ts'

const job = (name: string, startTime?: string): Job => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, uid: '', resourceVersion: '', creationTimestamp: '' },
  spec: { template: { spec: { containers: [] } } },
  status: startTime ? { startTime } : {},
})

describe('TestByJobStartTime', () => {
  const now = '2018-01-01T02:03:04Z'
  const later = '2019-01-01T02:03:04Z'
  it.each([
    ['both have nil start times', [job('b'), job('a')], ['a', 'b']],
    ['only the first has a nil start time', [job('a'), job('b', now)], ['b', 'a']],
    ['only the second has a nil start time', [job('a', now), job('b')], ['a', 'b']],
    ['both have non-nil, equal start time', [job('b', now), job('a', now)], ['a', 'b']],
    ['both have non-nil, different start time', [job('a', later), job('b', now)], ['b', 'a']],
  ])('%s', (_, input, want) => {
    expect([...input].sort(byJobStartTime).map((j) => j.metadata.name)).toEqual(want)
  })
})

const T = ms('2016-05-19T10:00:00Z')
const done = (start: number): JobStatus => ({
  startTime: rfc3339(start),
  completionTime: rfc3339(start + 10_000),
  conditions: [{ type: 'Complete', status: 'True', lastProbeTime: '', lastTransitionTime: '' }],
})

describe('TestControllerV2CleanupFinishedJobs', () => {
  it("jobs are still deleted when a cronjob can't create jobs due to jobs quota being reached (avoiding a deadlock)", () => {
    const h = new CronHarness(ms('2016-05-19T10:01:00Z'))
    const cj = h.putCronJob('fooer', cronJobSpec({ schedule: '0 * * * ?', successfulJobsHistoryLimit: 1 }), ms('2016-05-19T08:00:00Z'), { lastScheduleTime: '2016-05-19T09:01:00Z' })
    h.putJob(cj, ms('2016-05-19T08:59:00Z'), done(ms('2016-05-19T08:59:00Z')))
    h.putJob(cj, ms('2016-05-19T09:59:00Z'), done(ms('2016-05-19T09:59:00Z')))
    h.api.createError = statusError('Forbidden', 'exceeded quota: job-quota, requested: count/jobs.batch=1, used: count/jobs.batch=1, limited: count/jobs.batch=1')
    const r = sync(h.deps(), 'snazzycats', 'fooer')
    expect([h.jobNames(), r.err?.message, h.log.map((e) => `${e.type} ${e.reason} ${e.message}`)]).toEqual([
      ['fooer-24394199'],
      'exceeded quota: job-quota, requested: count/jobs.batch=1, used: count/jobs.batch=1, limited: count/jobs.batch=1',
      ['Normal SuccessfulDelete Deleted job fooer-24394139', 'Warning FailedCreate Error creating job: exceeded quota: job-quota, requested: count/jobs.batch=1, used: count/jobs.batch=1, limited: count/jobs.batch=1'],
    ])
  })

  it('limit 2 with one finished Job: nothing is deleted', () => {
    const h = new CronHarness(ms('2016-05-19T09:59:30Z'))
    const cj = h.putCronJob('fooer', cronJobSpec({ schedule: '0 * * * ?', successfulJobsHistoryLimit: 2 }), ms('2016-05-19T08:00:00Z'), { lastScheduleTime: '2016-05-19T09:01:00Z' })
    h.putJob(cj, ms('2016-05-19T09:01:00Z'), done(ms('2016-05-19T09:01:00Z')))
    sync(h.deps(), 'snazzycats', 'fooer')
    expect([h.jobNames(), h.log]).toEqual([['fooer-24394141'], []])
  })
})

describe('history limits (research §6, §10.3 #64)', () => {
  it('#64 five succeeded Jobs, one never started, limit 3: the two earliest starts go', () => {
    const h = new CronHarness(T + 30_000)
    const cj = h.putCronJob('hist', cronJobSpec({ schedule: '0 * * * *' }), T - 10 * 3600_000, { lastScheduleTime: rfc3339(T) })
    // Names do not follow start times: the order is by status.startTime only.
    h.putJob(cj, T - 4 * 3600_000, done(T - 1 * 3600_000))
    h.putJob(cj, T - 3 * 3600_000, done(T - 4 * 3600_000))
    h.putJob(cj, T - 2 * 3600_000, { ...done(0), startTime: undefined })
    h.putJob(cj, T - 1 * 3600_000, done(T - 3 * 3600_000))
    h.putJob(cj, T, done(T - 2 * 3600_000))
    sync(h.deps(), 'snazzycats', 'hist')
    expect(h.log.map((e) => e.message)).toEqual(['Deleted job hist-24394020', 'Deleted job hist-24394140'])
    expect(h.jobNames()).toEqual(['hist-24393960', 'hist-24394080', 'hist-24394200'])
  })

  it('failed and succeeded Jobs are limited separately; unfinished Jobs are never touched', () => {
    const h = new CronHarness(T + 30_000)
    const cj = h.putCronJob('mix', cronJobSpec({ schedule: '0 * * * *', successfulJobsHistoryLimit: 1, failedJobsHistoryLimit: 1 }), T - 10 * 3600_000, { lastScheduleTime: rfc3339(T) })
    const failed = (start: number): JobStatus => ({ startTime: rfc3339(start), conditions: [{ type: 'Failed', status: 'True', lastProbeTime: '', lastTransitionTime: '' }] })
    h.putJob(cj, T - 5 * 3600_000, done(T - 5 * 3600_000))
    h.putJob(cj, T - 4 * 3600_000, failed(T - 4 * 3600_000))
    h.putJob(cj, T - 3 * 3600_000, done(T - 3 * 3600_000))
    h.putJob(cj, T - 2 * 3600_000, failed(T - 2 * 3600_000))
    h.putJob(cj, T - 1 * 3600_000, { startTime: rfc3339(T - 3600_000) })
    sync(h.deps(), 'snazzycats', 'mix')
    expect(h.log.map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
      'Normal SuccessfulDelete Deleted job mix-24393900',
      'Normal SuccessfulDelete Deleted job mix-24393960',
      'Warning UnexpectedJob Saw a job that the controller did not create or forgot: mix-24394140',
    ])
    expect(h.jobNames()).toEqual(['mix-24394020', 'mix-24394080', 'mix-24394140'])
  })
})
