// Research §10.3 computed scenarios (controller zone UTC): Job names, scheduled-time
// annotations, requeue delays, missed-time handling, suspend/resume and odd Jobs.
import { describe, expect, it } from 'vitest'
import type { CronJobSpec, Job } from '../../api/types.ts'
import { rfc3339 } from '../../kernel/time.ts'
import { SCHEDULED_TIMESTAMP_ANNOTATION } from './job-from-template.ts'
import { sync } from './sync.ts'
import { CronHarness, cronJobSpec, ms } from './testing.ts'

const S = 1000, M = 60 * S, H = 60 * M, δ = 100

/** Create at `created`, run the controller until `until`; Jobs never finish. */
function run(name: string, spec: Partial<CronJobSpec>, created: string, until: string): CronHarness {
  const h = new CronHarness(ms(created))
  h.start()
  h.createCronJob(name, cronJobSpec(spec))
  h.runUntil(ms(until))
  return h
}

const annotations = (h: CronHarness): string[] => h.store.list<Job>('Job', 'default').map((j) => `${j.metadata.name} ${j.metadata.annotations?.[SCHEDULED_TIMESTAMP_ANNOTATION]}`)

function pendingDelay(h: CronHarness, name: string): number | undefined {
  const at = h.controller!.queue.scheduledAt(`default/${name}`)
  return at === undefined ? undefined : at - h.kernel.now()
}

describe('Job names and the scheduled-time annotation', () => {
  it('#42 0 9 * * 1 in Asia/Seoul: Mondays 09:00 KST, requeue 96 h, then exactly 168 h', () => {
    const h = new CronHarness(ms('2026-11-26T00:00:00Z'))
    h.start()
    h.createCronJob('sample-cron-job', cronJobSpec({ schedule: '0 9 * * 1', timeZone: 'Asia/Seoul' }))
    h.runUntil(ms('2026-11-26T00:00:00Z'))
    const first = pendingDelay(h, 'sample-cron-job')
    h.runUntil(ms('2026-11-30T00:00:00.100Z'))
    const afterCreate = pendingDelay(h, 'sample-cron-job')
    h.runUntil(ms('2026-12-14T00:01:00Z'))
    expect([first, afterCreate, annotations(h)]).toEqual([
      96 * H + δ,
      168 * H,
      ['sample-cron-job-29933280 2026-11-30T09:00:00+09:00', 'sample-cron-job-29943360 2026-12-07T09:00:00+09:00', 'sample-cron-job-29953440 2026-12-14T09:00:00+09:00'],
    ])
  })

  it.each([
    ['#43 30 2 * * 1-5', 'wd', '30 2 * * 1-5', '2026-11-30T03:00:00Z', ['wd-29927670 2026-11-26T02:30:00Z', 'wd-29929110 2026-11-27T02:30:00Z', 'wd-29933430 2026-11-30T02:30:00Z']],
    ['#44 0 0 1 * *', 'mo', '0 0 1 * *', '2027-02-01T00:01:00Z', ['mo-29934720 2026-12-01T00:00:00Z', 'mo-29979360 2027-01-01T00:00:00Z', 'mo-30024000 2027-02-01T00:00:00Z']],
    ['#47 0 0 * * 0', 'su', '0 0 * * 0', '2026-12-13T00:01:00Z', ['su-29931840 2026-11-29T00:00:00Z', 'su-29941920 2026-12-06T00:00:00Z', 'su-29952000 2026-12-13T00:00:00Z']],
  ])('%s from 2026-11-26', (_, name, schedule, until, want) => {
    expect(annotations(run(name, { schedule }, '2026-11-26T00:00:00Z', until))).toEqual(want)
  })

  it('#48 0 0 13 * 5: Fridays or the 13th (both fields restricted)', () => {
    const h = run('or', { schedule: '0 0 13 * 5' }, '2026-01-01T00:00:00Z', '2026-02-13T00:01:00Z')
    expect(h.jobNames('default')).toEqual(['or-29455200', 'or-29465280', 'or-29471040', 'or-29475360', 'or-29485440', 'or-29495520', 'or-29505600', 'or-29515680'])
  })

  it('#45 */5 created exactly at 00:00:00: the first run is 00:05, not 00:00', () => {
    const h = run('five', { schedule: '*/5 * * * *' }, '2026-11-26T00:00:00Z', '2026-11-26T00:15:01Z')
    expect(h.jobNames('default')).toEqual(['five-29927525', 'five-29927530', 'five-29927535'])
  })

  it('#46 */5 created at 23:59:59: 00:00 runs, then every 5 min', () => {
    const h = run('five', { schedule: '*/5 * * * *' }, '2026-11-25T23:59:59Z', '2026-11-26T00:00:00.100Z')
    expect([h.jobNames('default'), pendingDelay(h, 'five')]).toEqual([['five-29927520'], 5 * M])
  })
})

describe('DST in America/New_York', () => {
  function from(last: string, now: string, schedule: string): { h: CronHarness; requeue: number | null } {
    const h = new CronHarness(ms(now))
    h.putCronJob('ny', cronJobSpec({ schedule, timeZone: 'America/New_York' }), ms('2026-01-01T00:00:00Z'), { lastScheduleTime: last })
    const r = sync(h.deps(), 'snazzycats', 'ny')
    return { h, requeue: r.requeueAfter }
  }
  const ann = (h: CronHarness): string[] => h.store.list<Job>('Job', 'snazzycats').map((j) => `${j.metadata.name} ${j.metadata.annotations?.[SCHEDULED_TIMESTAMP_ANNOTATION]}`)

  it('#49 30 2 * * *: no 02:30 on 2026-03-08, so the next Job is 47 h later', () => {
    const { h, requeue } = from('2026-03-07T07:30:00Z', '2026-03-07T07:30:00.100Z', '30 2 * * *')
    expect([ann(h), requeue]).toEqual([[], 47 * H])
  })

  it('#50 30 1 * * *: the first 01:30 of 2026-11-01 (EDT)', () => {
    const { h, requeue } = from('2026-10-31T05:30:00Z', '2026-11-01T05:30:00.100Z', '30 1 * * *')
    expect([ann(h), requeue]).toEqual([['ny-29891850 2026-11-01T01:30:00-04:00'], H])
  })

  it('#51 30 1 * * *: the second 01:30 of 2026-11-01 (EST): two Jobs that day', () => {
    const { h, requeue } = from('2026-11-01T05:30:00Z', '2026-11-01T06:30:00.100Z', '30 1 * * *')
    expect([ann(h), requeue]).toEqual([['ny-29891910 2026-11-01T01:30:00-05:00'], 24 * H])
  })

  it('#52 30 2 * * *: once a day across the fall-back', () => {
    const h = new CronHarness(ms('2026-10-31T00:00:00Z'))
    h.start()
    h.createCronJob('ny', cronJobSpec({ schedule: '30 2 * * *', timeZone: 'America/New_York' }))
    h.runUntil(ms('2026-11-02T08:00:00Z'))
    expect(annotations(h)).toEqual(['ny-29890470 2026-10-31T02:30:00-04:00', 'ny-29891970 2026-11-01T02:30:00-05:00', 'ny-29893410 2026-11-02T02:30:00-05:00'])
  })

  it('#49 over time: 2026-03-07 and 2026-03-09 run, 2026-03-08 does not', () => {
    const h = new CronHarness(ms('2026-03-07T00:00:00Z'))
    h.start()
    h.createCronJob('ny', cronJobSpec({ schedule: '30 2 * * *', timeZone: 'America/New_York' }))
    h.runUntil(ms('2026-03-10T00:00:00Z'))
    expect(annotations(h)).toEqual(['ny-29547810 2026-03-07T02:30:00-05:00', 'ny-29550630 2026-03-09T02:30:00-04:00'])
  })
})

describe('missed times (controller down since creation at 2026-01-01T00:00Z)', () => {
  function downUntil(now: string, spec: Partial<CronJobSpec> = {}, last?: string): { events: string[]; jobs: string[]; requeue: number | null } {
    const h = new CronHarness(ms(now))
    h.putCronJob('every-min', cronJobSpec({ schedule: '* * * * *', ...spec }), ms('2026-01-01T00:00:00Z'), last ? { lastScheduleTime: last } : {})
    const r = sync(h.deps(), 'snazzycats', 'every-min')
    return { events: h.log.map((e) => `${e.type} ${e.reason}`), jobs: h.jobNames(), requeue: r.requeueAfter }
  }

  it.each([
    ['#53 02:00:30 (120 missed)', '2026-01-01T02:00:30Z', ['Warning TooManyMissedTimes', 'Normal SuccessfulCreate'], ['every-min-29453880'], 30 * S + δ],
    ['#54 01:41:30 (101 missed)', '2026-01-01T01:41:30Z', ['Warning TooManyMissedTimes', 'Normal SuccessfulCreate'], ['every-min-29453861'], 30 * S + δ],
    ['#55 01:40:30 (100 missed)', '2026-01-01T01:40:30Z', ['Normal SuccessfulCreate'], ['every-min-29453860'], 30 * S + δ],
  ])('%s: only the latest runs', (_, now, events, jobs, requeue) => {
    expect(downUntil(now)).toEqual({ events, jobs, requeue })
  })

  it('#56 startingDeadlineSeconds 200, last 08:29, now 10:21:00.5: 10:21 runs, no warning', () => {
    expect(downUntil('2026-01-01T10:21:00.500Z', { startingDeadlineSeconds: 200 }, '2026-01-01T08:29:00Z')).toEqual({ events: ['Normal SuccessfulCreate'], jobs: ['every-min-29454381'], requeue: 59.6 * S })
  })

  it('#57 startingDeadlineSeconds 0: never a Job, a wake-up every minute', () => {
    const h = run('never', { schedule: '* * * * *', startingDeadlineSeconds: 0 }, '2026-01-01T00:00:00Z', '2026-01-01T00:05:30Z')
    expect([h.jobNames('default'), h.timeline(), pendingDelay(h, 'never')]).toEqual([[], [], 30 * S + δ])
  })
})

describe('suspend and resume (#58–#60): 0 * * * *, last 10:00, suspended 10:30', () => {
  function resumeAt(resume: string, deadline?: number): { jobs: string[]; events: string[]; requeue: number | undefined } {
    const h = new CronHarness(ms('2026-01-01T09:30:00Z'))
    h.start()
    h.createCronJob('hourly', cronJobSpec({ schedule: '0 * * * *', ...(deadline !== undefined ? { startingDeadlineSeconds: deadline } : {}) }))
    h.runUntil(ms('2026-01-01T10:30:00Z'))
    h.updateSpec('hourly', { suspend: true })
    h.runUntil(ms(resume))
    h.updateSpec('hourly', { suspend: false })
    h.runUntil(ms(resume))
    return { jobs: h.jobNames('default'), events: h.timeline(), requeue: pendingDelay(h, 'hourly') }
  }

  it('#58 resumed at 15:10:00 without a deadline: one Job, for 15:00', () => {
    expect(resumeAt('2026-01-01T15:10:00Z')).toEqual({
      jobs: ['hourly-29454360', 'hourly-29454660'],
      events: ['10:00:00.1 Normal SuccessfulCreate Created job hourly-29454360', '15:10:00.0 Normal SuccessfulCreate Created job hourly-29454660'],
      requeue: 50 * M + δ,
    })
  })

  it('#59 resumed at 15:10:00 with a 600 s deadline: 15:00 is too late', () => {
    expect(resumeAt('2026-01-01T15:10:00Z', 600)).toEqual({ jobs: ['hourly-29454360'], events: ['10:00:00.1 Normal SuccessfulCreate Created job hourly-29454360'], requeue: 50 * M + δ })
  })

  it('#60 resumed at 15:09:59 with a 600 s deadline: 15:00 still runs', () => {
    expect(resumeAt('2026-01-01T15:09:59Z', 600)).toEqual({
      jobs: ['hourly-29454360', 'hourly-29454660'],
      events: ['10:00:00.1 Normal SuccessfulCreate Created job hourly-29454360', '15:09:59.0 Normal SuccessfulCreate Created job hourly-29454660'],
      requeue: 50 * M + S + δ,
    })
  })

  it('suspended: no Jobs and no wake-ups until resumed', () => {
    const h = new CronHarness(ms('2026-01-01T09:30:00Z'))
    h.start()
    h.createCronJob('hourly', cronJobSpec({ schedule: '0 * * * *', suspend: true }))
    h.runUntil(ms('2026-01-01T13:00:00Z'))
    expect([h.jobNames('default'), pendingDelay(h, 'hourly')]).toEqual([[], undefined])
  })
})

describe('schedules and Jobs the controller cannot use', () => {
  it('#61 0 0 31 2 *: InvalidSchedule, no requeue', () => {
    const h = run('feb31', { schedule: '0 0 31 2 *' }, '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')
    expect([h.timeline(), pendingDelay(h, 'feb31')]).toEqual([['00:00:00.0 Warning InvalidSchedule invalid schedule: 0 0 31 2 * : time difference between two schedules is less than 1 second'], undefined])
  })

  it('#62 Forbid with a manual Job running: the scheduled Job is still made, and UnexpectedJob on every sync', () => {
    const h = new CronHarness(ms('2026-01-01T00:00:30Z'))
    h.start()
    const cj = h.createCronJob('fb', cronJobSpec({ schedule: '* * * * *', concurrencyPolicy: 'Forbid' }))
    h.api.create<Job>({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'manual', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' }, ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'fb', uid: cj.metadata.uid, controller: true }] },
      spec: cj.spec.jobTemplate.spec,
      status: {},
    })
    h.runUntil(ms('2026-01-01T00:01:00.100Z'))
    const unexpected = '00:00:30.0 Warning UnexpectedJob Saw a job that the controller did not create or forgot: manual'
    expect(h.timeline()).toEqual([
      unexpected,
      '00:01:00.1 Warning UnexpectedJob Saw a job that the controller did not create or forgot: manual',
      '00:01:00.1 Normal SuccessfulCreate Created job fb-29453761',
      '00:01:00.1 Warning UnexpectedJob Saw a job that the controller did not create or forgot: manual',
    ])
  })

  it('#63 a foreign Job already has the name: no Job, no event, no status change, no requeue', () => {
    const h = new CronHarness(ms('2026-01-01T00:01:00.100Z'))
    h.putCronJob('cj', cronJobSpec({ schedule: '* * * * *' }), ms('2026-01-01T00:00:30Z'))
    h.store.create<Job>({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'cj-29453761', namespace: 'snazzycats', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: cronJobSpec().jobTemplate.spec, status: {} })
    h.api.statusWrites = 0
    const r = sync(h.deps(), 'snazzycats', 'cj')
    expect([r, h.log, h.api.statusWrites, h.cronJob('cj').status]).toEqual([{ requeueAfter: null }, [], 0, {}])
  })

  it('a Job that went missing is dropped from active (MissingJob)', () => {
    const h = new CronHarness(ms('2026-01-01T00:00:30Z'))
    h.start()
    h.createCronJob('gone', cronJobSpec({ schedule: '*/5 * * * *' }))
    h.runUntil(ms('2026-01-01T00:05:00.100Z'))
    h.api.delete('Job', 'default', 'gone-29453765', { propagationPolicy: 'Background' })
    h.runUntil(ms('2026-01-01T00:06:00Z'))
    // Our watch delivers the delete, so the sync sees the Job gone from its list; the
    // active entry is the one left over, found missing by a direct read.
    expect([h.timeline(), h.cronJob('gone', 'default').status]).toEqual([
      ['00:05:00.1 Normal SuccessfulCreate Created job gone-29453765', '00:05:00.1 Normal MissingJob Active job went missing: gone-29453765'],
      { lastScheduleTime: rfc3339(ms('2026-01-01T00:05:00Z')) },
    ])
  })
})
