// The controller on the virtual clock: research §10.4 timelines T1–T6 (created at
// 00:00:30 on 2026-01-01; wakes at each tick + 0.1 s; a Job finishing syncs at once),
// upstream's TestControllerV2UpdateCronJob and the queue's behaviour after errors.
import { describe, expect, it } from 'vitest'
import type { CronJobSpec } from '../../api/types.ts'
import { CronHarness, cronJobSpec, ms, statusError, type JobPlan } from './testing.ts'

const S = 1000, M = 60 * S, δ = 100
const CREATED = ms('2026-01-01T00:00:30Z')
const at = (hms: string): number => ms(`2026-01-01T${hms}Z`)

const create = (job: string): string => `Normal SuccessfulCreate Created job ${job}`
const saw = (job: string, c = 'Complete'): string => `Normal SawCompletedJob Saw completed job: ${job}, condition: ${c}`
const del = (job: string): string => `Normal SuccessfulDelete Deleted job ${job}`
const blocked = 'Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid'

function timeline(name: string, spec: Partial<CronJobSpec>, plan: JobPlan, until: string): { h: CronHarness; lines: string[] } {
  const h = new CronHarness(CREATED)
  h.start()
  h.runJobs(plan)
  h.createCronJob(name, cronJobSpec(spec))
  h.runUntil(at(until))
  return { h, lines: h.timeline() }
}

describe('timelines (research §10.4)', () => {
  it('T1: Forbid, each Job runs 100 s: a finished Job lets the latest due time run at once', () => {
    const { lines } = timeline('fb', { schedule: '* * * * *', concurrencyPolicy: 'Forbid' }, { runMs: 100 * S, outcome: 'Complete' }, '00:05:30')
    expect(lines).toEqual([
      `00:01:00.1 ${create('fb-29453761')}`,
      `00:02:00.1 ${blocked}`,
      `00:02:40.1 ${saw('fb-29453761')}`,
      `00:02:40.1 ${create('fb-29453762')}`,
      `00:03:00.1 ${blocked}`,
      `00:04:00.1 ${blocked}`,
      `00:04:20.1 ${saw('fb-29453762')}`,
      `00:04:20.1 ${create('fb-29453764')}`,
      `00:05:00.1 ${blocked}`,
    ])
  })

  it('T2: Forbid with startingDeadlineSeconds 20: a time 40 s old is not run', () => {
    const { lines } = timeline('fb', { schedule: '* * * * *', concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 20 }, { runMs: 100 * S, outcome: 'Complete' }, '00:05:30')
    expect(lines).toEqual([
      `00:01:00.1 ${create('fb-29453761')}`,
      `00:02:00.1 ${blocked}`,
      `00:02:40.1 ${saw('fb-29453761')}`,
      `00:03:00.1 ${create('fb-29453763')}`,
      `00:04:00.1 ${blocked}`,
      `00:04:40.1 ${saw('fb-29453763')}`,
      `00:05:00.1 ${create('fb-29453765')}`,
    ])
  })

  it('T3: Replace, Jobs run 3 min: each tick deletes the running Job first', () => {
    const { h, lines } = timeline('rp', { schedule: '*/2 * * * *', concurrencyPolicy: 'Replace' }, { runMs: 3 * M, outcome: 'Complete' }, '00:07:00')
    expect(lines).toEqual([
      `00:02:00.1 ${create('rp-29453762')}`,
      `00:04:00.1 ${del('rp-29453762')}`,
      `00:04:00.1 ${create('rp-29453764')}`,
      `00:06:00.1 ${del('rp-29453764')}`,
      `00:06:00.1 ${create('rp-29453766')}`,
    ])
    expect([h.jobNames('default'), h.cronJob('rp', 'default').status.active?.map((r) => r.name)]).toEqual([['rp-29453766'], ['rp-29453766']])
  })

  it('T4: Allow, Jobs run 150 s: runs overlap', () => {
    const { h, lines } = timeline('al', { schedule: '* * * * *' }, { runMs: 150 * S, outcome: 'Complete' }, '00:04:45')
    expect(lines).toEqual([
      `00:01:00.1 ${create('al-29453761')}`,
      `00:02:00.1 ${create('al-29453762')}`,
      `00:03:00.1 ${create('al-29453763')}`,
      `00:03:30.1 ${saw('al-29453761')}`,
      `00:04:00.1 ${create('al-29453764')}`,
      `00:04:30.1 ${saw('al-29453762')}`,
    ])
    expect(h.cronJob('al', 'default').status.active?.map((r) => r.name)).toEqual(['al-29453763', 'al-29453764'])
  })

  it('T5: successfulJobsHistoryLimit 3: the oldest is deleted before the new completion is seen', () => {
    const { h, lines } = timeline('hist', { schedule: '* * * * *' }, { runMs: 10 * S, outcome: 'Complete' }, '00:05:30')
    expect(lines).toEqual([
      `00:01:00.1 ${create('hist-29453761')}`,
      `00:01:10.1 ${saw('hist-29453761')}`,
      `00:02:00.1 ${create('hist-29453762')}`,
      `00:02:10.1 ${saw('hist-29453762')}`,
      `00:03:00.1 ${create('hist-29453763')}`,
      `00:03:10.1 ${saw('hist-29453763')}`,
      `00:04:00.1 ${create('hist-29453764')}`,
      `00:04:10.1 ${del('hist-29453761')}`,
      `00:04:10.1 ${saw('hist-29453764')}`,
      `00:05:00.1 ${create('hist-29453765')}`,
      `00:05:10.1 ${del('hist-29453762')}`,
      `00:05:10.1 ${saw('hist-29453765')}`,
    ])
    expect([h.jobNames('default'), h.cronJob('hist', 'default').status]).toEqual([
      ['hist-29453763', 'hist-29453764', 'hist-29453765'],
      { lastScheduleTime: '2026-01-01T00:05:00Z', lastSuccessfulTime: '2026-01-01T00:05:10Z' },
    ])
  })

  it('T5: successfulJobsHistoryLimit 0: the finished Job goes at once, unseen', () => {
    const { h, lines } = timeline('z', { schedule: '* * * * *', successfulJobsHistoryLimit: 0 }, { runMs: 10 * S, outcome: 'Complete' }, '00:02:30')
    expect(lines).toEqual([`00:01:00.1 ${create('z-29453761')}`, `00:01:10.1 ${del('z-29453761')}`, `00:02:00.1 ${create('z-29453762')}`, `00:02:10.1 ${del('z-29453762')}`])
    expect([h.jobNames('default'), h.cronJob('z', 'default').status]).toEqual([[], { lastScheduleTime: '2026-01-01T00:02:00Z', lastSuccessfulTime: '2026-01-01T00:02:10Z' }])
  })

  it('T6: failedJobsHistoryLimit 1: each failure deletes the previous one', () => {
    const { h, lines } = timeline('fl', { schedule: '* * * * *' }, { runMs: 10 * S, outcome: 'Failed' }, '00:03:30')
    expect(lines).toEqual([
      `00:01:00.1 ${create('fl-29453761')}`,
      `00:01:10.1 ${saw('fl-29453761', 'Failed')}`,
      `00:02:00.1 ${create('fl-29453762')}`,
      `00:02:10.1 ${del('fl-29453761')}`,
      `00:02:10.1 ${saw('fl-29453762', 'Failed')}`,
      `00:03:00.1 ${create('fl-29453763')}`,
      `00:03:10.1 ${del('fl-29453762')}`,
      `00:03:10.1 ${saw('fl-29453763', 'Failed')}`,
    ])
    expect([h.jobNames('default'), h.cronJob('fl', 'default').status]).toEqual([['fl-29453763'], { lastScheduleTime: '2026-01-01T00:03:00Z' }])
  })
})

describe('@every shorter than a minute (research §5.3)', () => {
  it('two times in one minute share a Job name: the second adopts the finished Job instead of creating one', () => {
    const h = new CronHarness(at('00:00:10'))
    h.start()
    h.runJobs({ runMs: 5 * S, outcome: 'Complete' })
    h.createCronJob('every', cronJobSpec({ schedule: '@every 30s' }))
    h.runUntil(at('00:02:45'))
    expect(h.timeline()).toEqual([
      `00:00:40.1 ${create('every-29453760')}`,
      `00:00:45.1 ${saw('every-29453760')}`,
      `00:01:10.1 ${create('every-29453761')}`,
      `00:01:15.1 ${saw('every-29453761')}`,
      `00:01:40.1 ${saw('every-29453761')}`,
      `00:02:10.1 ${create('every-29453762')}`,
      `00:02:15.1 ${saw('every-29453762')}`,
      `00:02:40.1 ${saw('every-29453762')}`,
    ])
  })
})

describe('TestControllerV2UpdateCronJob (now 09:59:59, last scheduled 09:59)', () => {
  const now = ms('2016-05-19T09:59:59Z')
  function delayAfter(old: Partial<CronJobSpec>, change: Partial<CronJobSpec>): number[] {
    const h = new CronHarness(now)
    h.putCronJob('mycronjob', cronJobSpec(old), ms('2016-05-19T08:00:00Z'), { lastScheduleTime: '2016-05-19T09:59:00Z' }, 'default')
    const c = h.start()
    const delays: number[] = []
    c.queue.add = (_key: string, delay = 0) => void delays.push(delay)
    h.updateSpec('mycronjob', change)
    return delays
  }

  it.each([
    ['spec.template changed', { schedule: '30 * * * *' }, { jobTemplate: { metadata: { labels: { a: 'foo' } }, spec: cronJobSpec().jobTemplate.spec } }, [0]],
    ['spec.schedule changed', { schedule: '30 * * * *' }, { schedule: '*/1 * * * *' }, [S + δ]],
    ['spec.schedule with @every changed - cadence decrease', { schedule: '@every 1m' }, { schedule: '@every 3m' }, [2 * M + S + δ]],
    ['spec.schedule with @every changed - cadence increase', { schedule: '@every 3m' }, { schedule: '@every 1m' }, [S + δ]],
    ['spec.timeZone changed: waits for the next time in the new zone', { schedule: '0 10 * * *' }, { timeZone: 'Asia/Seoul' }, [M * 60 * 15 + S + δ]],
    ['spec.suspend changed', { schedule: '30 * * * *' }, { suspend: true }, [0]],
  ] as const)('%s', (_, old, change, want) => {
    expect(delayAfter(old, change)).toEqual(want)
  })

  it('an unparseable new schedule is reported and not enqueued', () => {
    const h = new CronHarness(now)
    h.putCronJob('mycronjob', cronJobSpec({ schedule: '30 * * * *' }), now - M, {}, 'default')
    const c = h.start()
    const delays: number[] = []
    c.queue.add = (_key: string, delay = 0) => void delays.push(delay)
    h.updateSpec('mycronjob', { schedule: '61 * * * *' })
    expect([delays, h.timeline()]).toEqual([[], ['09:59:59.0 Warning UnParseableCronJobSchedule unparseable schedule for cronjob: 61 * * * *']])
  })

  it('spec.timeZone changed (upstream\'s case has no schedule, so nothing is enqueued)', () => {
    const h = new CronHarness(now)
    h.putCronJob('mycronjob', cronJobSpec({ schedule: '' }), now - M, {}, 'default')
    const c = h.start()
    const delays: number[] = []
    c.queue.add = (_key: string, delay = 0) => void delays.push(delay)
    h.updateSpec('mycronjob', { timeZone: 'America/New_York' })
    expect([delays, h.timeline()]).toEqual([[], ['09:59:59.0 Warning UnParseableCronJobSchedule unparseable schedule for cronjob: ']])
  })
})

describe('the work queue', () => {
  it('retries a failed sync with exponential back-off, and forgets the failures after a success', () => {
    const h = new CronHarness(CREATED)
    const c = h.start()
    h.createCronJob('fc', cronJobSpec({ schedule: '* * * * *' }))
    h.runUntil(at('00:00:59'))
    h.api.createError = statusError('Forbidden', 'exceeded quota: jobs')
    const scheduled: number[] = []
    const add = c.queue.add.bind(c.queue)
    c.queue.add = (key: string, delay = 0) => {
      scheduled.push(delay)
      add(key, delay)
    }
    h.runUntil(at('00:01:00.200'))
    h.api.createError = undefined
    h.runUntil(at('00:01:01'))
    // Five failures back off 5, 10, 20, 40, 80 ms; the success creates the Job and writes the
    // status (each wakes the CronJob at once: 0, 0), requeues at the next tick, and the
    // follow-up sync finds nothing to do and requeues at the same tick.
    expect([scheduled, h.timeline()]).toEqual([
      [5, 10, 20, 40, 80, 0, 0, M - 255 + δ, M - 255 + δ],
      [
        '00:01:00.1 Warning FailedCreate Error creating job: exceeded quota: jobs',
        '00:01:00.1 Warning FailedCreate Error creating job: exceeded quota: jobs',
        '00:01:00.1 Warning FailedCreate Error creating job: exceeded quota: jobs',
        '00:01:00.1 Warning FailedCreate Error creating job: exceeded quota: jobs',
        '00:01:00.1 Warning FailedCreate Error creating job: exceeded quota: jobs',
        '00:01:00.2 Normal SuccessfulCreate Created job fc-29453761',
      ],
    ])
  })

  it('a deleted CronJob stops being synced', () => {
    const h = new CronHarness(CREATED)
    h.start()
    h.createCronJob('gone', cronJobSpec({ schedule: '* * * * *' }))
    h.runUntil(at('00:01:30'))
    h.api.delete('CronJob', 'default', 'gone')
    h.runUntil(at('00:05:00'))
    expect(h.timeline()).toEqual([`00:01:00.1 ${create('gone-29453761')}`])
  })
})
