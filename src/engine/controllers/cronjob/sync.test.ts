// Upstream's TestControllerV2SyncCronJob (cronjob_controllerv2_test.go), research §10.1:
// one sync of `mycronjob` (schedule "0 * * * ?") on 2016-05-19 against a real store and
// API server. "prev ran" = created 08:59, last scheduled 09:01, that Job done at 09:01:10.
import { describe, expect, it } from 'vitest'
import type { CronJobSpec, JobStatus } from '../../api/types.ts'
import { rfc3339 } from '../../kernel/time.ts'
import { getRef } from './job-from-template.ts'
import { sync } from './sync.ts'
import { CronHarness, cronJobSpec, ms, statusError } from './testing.ts'

const justBeforeThePriorHour = ms('2016-05-19T08:59:00Z')
const justAfterThePriorHour = ms('2016-05-19T09:01:00Z')
const justBeforeTheHour = ms('2016-05-19T09:59:00Z')
const topOfTheHour = ms('2016-05-19T10:00:00Z')
const justAfterTheHour = ms('2016-05-19T10:01:00Z')
const justBeforeTheNextHour = ms('2016-05-19T10:59:00Z')
const weekAfterTheHour = ms('2016-05-26T10:00:00Z')
const S = 1000, M = 60 * S, H = 60 * M, δ = 100
const shortDead = 10, mediumDead = 2 * 60 * 60, longDead = 1000000
const onTheHour = '0 * * * ?'
const everyHour = '@every 1h'

type Policy = 'Allow' | 'Forbid' | 'Replace'

interface Case {
  policy?: Policy
  suspend?: boolean
  schedule?: string
  timeZone?: string
  deadline?: number
  ranPreviously?: boolean
  stillActive?: boolean
  /** stillActive but missing from status.active (the fresh copy has it). */
  notInActiveStatus?: boolean
  cronjobCreationTime?: number
  jobCreationTime?: number
  lastScheduleTime?: number
  now: number
  createError?: 'AlreadyExists' | 'NamespaceTerminating'
  getError?: boolean
  // expectations
  create?: string
  deleted?: string
  active?: number
  events?: string[]
  requeue: number | null
  err?: string
  updateStatus?: boolean
}

const created = (name: string): string => `Normal SuccessfulCreate Created job ${name}`
const tooMany = 'Warning TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew'

/** The A/F/R triple upstream writes out for cases that behave the same under every policy. */
function allPolicies(name: string, c: Case): [string, Case][] {
  return [
    [`${name}, A`, { ...c, policy: 'Allow' }],
    [`${name}, F`, { ...c, policy: 'Forbid' }],
    [`${name}, R`, { ...c, policy: 'Replace' }],
  ]
}

const cases: [string, Case][] = [
  ...allPolicies('never ran, not valid schedule', { schedule: 'obvious error schedule', now: justBeforeTheHour, requeue: null, events: ['Warning UnparseableSchedule unparseable schedule: "obvious error schedule" : expected exactly 5 fields, found 3: [obvious error schedule]'] }),
  ['never ran, not valid time zone', { timeZone: 'bad timezone', now: justBeforeTheHour, requeue: null, events: ['Warning UnknownTimeZone invalid timeZone: "bad timezone": unknown time zone bad timezone'] }],
  ...allPolicies('never ran, not time', { now: justBeforeTheHour, requeue: M + δ }),
  ['never ran, not time in zone', { timeZone: 'America/New_York', now: justBeforeTheHour, requeue: M + δ }],
  ...allPolicies('never ran, is time', { now: justAfterTheHour, create: 'mycronjob-24394200', active: 1, requeue: H - M + δ, updateStatus: true, events: [created('mycronjob-24394200')] }),
  ['never ran, is time in zone', { timeZone: 'America/New_York', now: justAfterTheHour, create: 'mycronjob-24394200', active: 1, requeue: H - M + δ, updateStatus: true, events: [created('mycronjob-24394200')] }],
  ['never ran, is time in zone, but TZ is also set in schedule', { schedule: 'TZ=UTC ' + onTheHour, timeZone: 'America/New_York', now: justAfterTheHour, create: 'mycronjob-24394200', active: 1, requeue: H - M + δ, updateStatus: true, events: ['Warning UnsupportedSchedule CRON_TZ or TZ used in schedule "TZ=UTC 0 * * * ?" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details', created('mycronjob-24394200')] }],
  ['never ran, is time, suspended', { suspend: true, now: justAfterTheHour, requeue: null }],
  ['never ran, is time, past deadline', { deadline: shortDead, now: justAfterTheHour + (shortDead + 1) * M, requeue: H - M - (shortDead + 1) * M + δ }],
  ['never ran, is time, not past deadline', { deadline: longDead, now: justAfterTheHour, create: 'mycronjob-24394200', active: 1, requeue: H - M + δ, updateStatus: true, events: [created('mycronjob-24394200')] }],

  ...allPolicies('prev ran but done, not time', { ranPreviously: true, now: justBeforeTheHour, requeue: M + δ, updateStatus: true }),
  ...allPolicies('prev ran but done, is time', { ranPreviously: true, now: justAfterTheHour, create: 'mycronjob-24394200', active: 1, requeue: H - M + δ, updateStatus: true, events: [created('mycronjob-24394200')] }),
  ...allPolicies('prev ran but done, is time, past deadline', { ranPreviously: true, deadline: shortDead, now: justAfterTheHour, requeue: H - M + δ, updateStatus: true }),
  ...allPolicies('prev ran but done, is time, not past deadline', { ranPreviously: true, deadline: longDead, now: justAfterTheHour, create: 'mycronjob-24394200', active: 1, requeue: H - M + δ, updateStatus: true, events: [created('mycronjob-24394200')] }),

  ...allPolicies('still active, not time', { ranPreviously: true, stillActive: true, now: justBeforeTheHour, active: 1, requeue: M + δ }),
  ['still active, is time, A', { policy: 'Allow', ranPreviously: true, stillActive: true, now: justAfterTheHour, create: 'mycronjob-24394200', active: 2, requeue: H - M + δ, updateStatus: true, events: [created('mycronjob-24394200')] }],
  ['still active, is time, F', { policy: 'Forbid', ranPreviously: true, stillActive: true, now: justAfterTheHour, active: 1, requeue: H - M + δ, events: ['Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid'] }],
  ['still active, is time, R', { policy: 'Replace', ranPreviously: true, stillActive: true, now: justAfterTheHour, deleted: 'mycronjob-24394141', create: 'mycronjob-24394200', active: 1, requeue: H - M + δ, updateStatus: true, events: ['Normal SuccessfulDelete Deleted job mycronjob-24394141', created('mycronjob-24394200')] }],
  ['still active, is time, get job failed, R', { policy: 'Replace', ranPreviously: true, stillActive: true, getError: true, now: justAfterTheHour, active: 1, requeue: null, err: 'boom', events: ['Warning FailedGet Get job: boom'] }],
  ['still active, is time, past deadline, A', { policy: 'Allow', ranPreviously: true, stillActive: true, deadline: shortDead, now: justAfterTheHour, active: 1, requeue: H - M + δ }],
  ['still active, is time, not past deadline, A', { policy: 'Allow', ranPreviously: true, stillActive: true, deadline: longDead, now: justAfterTheHour, create: 'mycronjob-24394200', active: 2, requeue: H - M + δ, updateStatus: true, events: [created('mycronjob-24394200')] }],

  ...allPolicies('prev ran but done, long overdue, not past deadline', { ranPreviously: true, deadline: longDead, now: weekAfterTheHour, create: 'mycronjob-24404280', active: 1, requeue: H + δ, updateStatus: true, events: [tooMany, created('mycronjob-24404280')] }),
  ...allPolicies('prev ran but done, long overdue, past medium deadline', { ranPreviously: true, deadline: mediumDead, now: weekAfterTheHour, create: 'mycronjob-24404280', active: 1, requeue: H + δ, updateStatus: true, events: [created('mycronjob-24404280')] }),
  ...allPolicies('prev ran but done, long overdue, past short deadline', { ranPreviously: true, deadline: shortDead, now: weekAfterTheHour, create: 'mycronjob-24404280', active: 1, requeue: H + δ, updateStatus: true, events: [created('mycronjob-24404280')] }),
  ...allPolicies('prev ran but done, long overdue, no deadline', { ranPreviously: true, now: weekAfterTheHour, create: 'mycronjob-24404280', active: 1, requeue: H + δ, updateStatus: true, events: [tooMany, created('mycronjob-24404280')] }),

  ['prev ran but done, is time, create job failed, A', { policy: 'Allow', ranPreviously: true, now: justAfterTheHour, createError: 'AlreadyExists', active: 1, requeue: H - M + δ, updateStatus: true }],
  ['do nothing if the namespace is terminating', { policy: 'Allow', now: justAfterTheHour, createError: 'NamespaceTerminating', requeue: null, err: 'namespace snazzycats is being terminated' }],

  ['with @every schedule, never ran, is time', { schedule: everyHour, cronjobCreationTime: justBeforeThePriorHour, now: justBeforeTheHour, create: 'mycronjob-24394199', active: 1, requeue: H + δ, updateStatus: true, events: [created('mycronjob-24394199')] }],
  ['with @every schedule, never ran, not time', { schedule: everyHour, cronjobCreationTime: justBeforeTheHour, now: topOfTheHour, requeue: H - M + δ }],
  ['with @every schedule, prev ran but done, long overdue, no deadline', { schedule: everyHour, ranPreviously: true, cronjobCreationTime: justAfterThePriorHour, lastScheduleTime: justAfterTheHour, now: weekAfterTheHour, create: 'mycronjob-24404221', active: 1, requeue: M + δ, updateStatus: true, events: [tooMany, created('mycronjob-24404221')] }],
  ['with @every schedule, prev ran but done, long overdue, past deadline', { schedule: everyHour, ranPreviously: true, deadline: shortDead, cronjobCreationTime: justAfterThePriorHour, lastScheduleTime: justAfterTheHour, now: weekAfterTheHour + M + (shortDead + 1) * S, requeue: H - (shortDead + 1) * S + δ, updateStatus: true }],
  ['with @every schedule, prev ran but done, is time, past deadline', { schedule: everyHour, ranPreviously: true, deadline: shortDead, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeThePriorHour, lastScheduleTime: justBeforeTheHour, now: justBeforeTheNextHour + (shortDead + 1) * S, requeue: H - (shortDead + 1) * S + δ, updateStatus: true }],
  ['with @every schedule, still active, not time', { schedule: everyHour, ranPreviously: true, stillActive: true, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeTheHour, lastScheduleTime: justBeforeTheHour, now: topOfTheHour, active: 1, requeue: H - M + δ }],
  ['with @every schedule, still active, is time', { schedule: everyHour, ranPreviously: true, stillActive: true, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeThePriorHour, lastScheduleTime: justBeforeThePriorHour, now: justAfterTheHour, create: 'mycronjob-24394199', active: 2, requeue: H - 2 * M + δ, updateStatus: true, events: [created('mycronjob-24394199')] }],
  ['with @every schedule, still active, is time, past deadline', { schedule: everyHour, ranPreviously: true, stillActive: true, deadline: shortDead, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeTheHour, lastScheduleTime: justBeforeTheHour, now: justBeforeTheNextHour + (shortDead + 1) * S, active: 1, requeue: H - (shortDead + 1) * S + δ }],
  ['with @every schedule, still active, is time, not past deadline', { schedule: everyHour, ranPreviously: true, stillActive: true, deadline: longDead, cronjobCreationTime: justBeforeThePriorHour, jobCreationTime: justBeforeTheHour, lastScheduleTime: justBeforeTheHour, now: justBeforeTheNextHour + (shortDead - 1) * S, create: 'mycronjob-24394259', active: 2, requeue: H - (shortDead - 1) * S + δ, updateStatus: true, events: [created('mycronjob-24394259')] }],
]

function setUp(c: Case): CronHarness {
  const h = new CronHarness(c.now)
  const over: Partial<CronJobSpec> = {
    schedule: c.schedule ?? onTheHour,
    concurrencyPolicy: c.policy ?? 'Allow',
    suspend: c.suspend ?? false,
    successfulJobsHistoryLimit: undefined,
    failedJobsHistoryLimit: undefined,
  }
  if (c.timeZone !== undefined) over.timeZone = c.timeZone
  if (c.deadline !== undefined) over.startingDeadlineSeconds = c.deadline
  const spec = cronJobSpec(over)
  if (!c.ranPreviously) {
    h.putCronJob('mycronjob', spec, c.cronjobCreationTime ?? justBeforeTheHour)
    return h
  }
  const last = rfc3339(c.lastScheduleTime ?? justAfterThePriorHour)
  let cj = h.putCronJob('mycronjob', spec, c.cronjobCreationTime ?? justBeforeThePriorHour, { lastScheduleTime: last })
  const jobAt = c.jobCreationTime ?? justAfterThePriorHour
  const done: JobStatus = { completionTime: rfc3339(jobAt + 10 * S), conditions: [{ type: 'Complete', status: 'True', lastProbeTime: '', lastTransitionTime: '' }] }
  const job = h.putJob(cj, jobAt, c.stillActive ? {} : done)
  if (c.stillActive && !c.notInActiveStatus) cj = h.store.update({ ...cj, status: { ...cj.status, active: [getRef(job)] } })
  if (c.createError === 'AlreadyExists') {
    // The Job for 10:00 exists (made before a crash) but the lister has not seen it yet.
    h.putJob(cj, topOfTheHour)
    h.hidden.add('mycronjob-24394200')
  }
  return h
}

describe('TestControllerV2SyncCronJob', () => {
  it.each(cases)('%s', (_, c) => {
    const h = setUp(c)
    if (c.createError === 'AlreadyExists') h.api.createError = statusError('AlreadyExists', 'jobs.batch "mycronjob-24394200" already exists')
    if (c.createError === 'NamespaceTerminating') {
      h.api.createError = statusError('Forbidden', 'namespace snazzycats is being terminated', [{ reason: 'NamespaceTerminating', message: 'namespace snazzycats is being terminated', field: 'metadata.namespace' }])
    }
    if (c.getError) h.api.getError = statusError('InternalError', 'boom')
    const before = h.jobNames()
    h.api.statusWrites = 0

    const r = sync(h.deps(), 'snazzycats', 'mycronjob')

    const after = h.jobNames()
    expect({
      created: after.filter((n) => !before.includes(n)),
      deleted: before.filter((n) => !after.includes(n)),
      events: h.log.map((e) => `${e.type} ${e.reason} ${e.message}`),
      requeue: r.requeueAfter,
      err: r.err?.message,
      updateStatus: h.api.statusWrites > 0,
      active: (h.cronJob().status.active ?? []).length,
    }).toEqual({
      created: c.create && c.createError !== 'AlreadyExists' ? [c.create] : [],
      deleted: c.deleted ? [c.deleted] : [],
      events: c.events ?? [],
      requeue: c.requeue,
      err: c.err,
      updateStatus: c.updateStatus ?? false,
      active: c.active ?? 0,
    })
  })

  it('prev ran but done, not time: lastSuccessfulTime comes from the finished Job', () => {
    const h = setUp({ ranPreviously: true, now: justBeforeTheHour, requeue: M + δ })
    sync(h.deps(), 'snazzycats', 'mycronjob')
    expect(h.cronJob().status).toEqual({ lastScheduleTime: '2016-05-19T09:01:00Z', lastSuccessfulTime: '2016-05-19T09:01:10Z' })
  })

  it('is time: the new Job and the status the controller writes', () => {
    const h = setUp({ now: justAfterTheHour, timeZone: 'America/New_York', requeue: H - M + δ })
    sync(h.deps(), 'snazzycats', 'mycronjob')
    const cj = h.cronJob()
    const job = h.store.get('Job', 'snazzycats', 'mycronjob-24394200')!
    expect(job.metadata).toEqual({
      name: 'mycronjob-24394200',
      namespace: 'snazzycats',
      uid: job.metadata.uid,
      resourceVersion: job.metadata.resourceVersion,
      creationTimestamp: '2016-05-19T10:01:00Z',
      generation: 1,
      labels: { a: 'b' },
      annotations: { x: 'y', 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2016-05-19T06:00:00-04:00' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'mycronjob', uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true }],
    })
    expect(job.spec).toBe(cj.spec.jobTemplate.spec)
    expect(cj.status).toEqual({
      active: [{ kind: 'Job', namespace: 'snazzycats', name: 'mycronjob-24394200', uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion }],
      lastScheduleTime: '2016-05-19T10:00:00Z',
    })
  })

  it('create job failed with AlreadyExists: the existing Job is adopted into active, no SuccessfulCreate', () => {
    const h = setUp({ ranPreviously: true, now: justAfterTheHour, createError: 'AlreadyExists', requeue: H - M + δ })
    h.api.createError = statusError('AlreadyExists', 'jobs.batch "mycronjob-24394200" already exists')
    sync(h.deps(), 'snazzycats', 'mycronjob')
    const cj = h.cronJob()
    expect([(cj.status.active ?? []).map((r) => r.name), cj.status.lastScheduleTime, h.log]).toEqual([['mycronjob-24394200'], '2016-05-19T10:00:00Z', []])
  })
})
