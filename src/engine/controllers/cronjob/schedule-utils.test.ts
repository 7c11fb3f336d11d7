// Upstream's utils_test.go: TestMostRecentScheduleTime, TestNextScheduleTimeDuration and
// TestNextScheduleTime (research §10.2), T = 2016-05-19T10:00:00Z, a Thursday.
import { describe, expect, it } from 'vitest'
import type { CronJob } from '../../api/types.ts'
import { parseStandard } from '../../cron/index.ts'
import { rfc3339 } from '../../kernel/time.ts'
import { mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDuration, type MostRecent } from './schedule-utils.ts'
import { sync } from './sync.ts'
import { CronHarness, cronJobSpec, ms } from './testing.ts'

const T = ms('2016-05-19T10:00:00Z')
const S = 1000, M = 60 * S, H = 60 * M, D = 24 * H, δ = 100

function cronJob(schedule: string, created: number, last?: number, deadline?: number): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'mycronjob', namespace: 'snazzycats', uid: '1a2b3c', resourceVersion: '1', creationTimestamp: rfc3339(created) },
    spec: cronJobSpec({ schedule, ...(deadline !== undefined ? { startingDeadlineSeconds: deadline } : {}) }),
    status: last !== undefined ? { lastScheduleTime: rfc3339(last) } : {},
  }
}

interface MostRecentCase {
  schedule: string
  created: number
  last?: number
  deadline?: number
  includeDeadline?: boolean
  now: number
  want: MostRecent
}

describe('TestMostRecentScheduleTime', () => {
  const cases: [string, MostRecentCase][] = [
    ['now before next schedule', { schedule: '0 * * * *', created: T, now: T + 30 * S, want: { earliest: T, mostRecent: null, missed: 'none' } }],
    ['now just after next schedule', { schedule: '0 * * * *', created: T, now: T + 61 * M, want: { earliest: T, mostRecent: T + 60 * M, missed: 'none' } }],
    ['missed 5 schedules', { schedule: '0 * * * *', created: T + 10 * S, now: T + 301 * M, want: { earliest: T + 10 * S, mostRecent: T + 300 * M, missed: 'few' } }],
    ['complex schedule', { schedule: '30 6-16/4 * * 1-5', created: T, last: T + 30 * M, now: T + 24 * H + 31 * M, want: { earliest: T + 30 * M, mostRecent: T + 24 * H + 30 * M, missed: 'few' } }],
    ['another complex schedule', { schedule: '30 10,11,12 * * 1-5', created: T, last: T + 30 * M, now: T + 30 * H + 30 * M, want: { earliest: T + 30 * M, mostRecent: null, missed: 'few' } }],
    ['complex schedule with longer diff between executions', { schedule: '30 6-16/4 * * 1-5', created: T, last: T + 30 * M, now: T + 96 * H + 31 * M, want: { earliest: T + 30 * M, mostRecent: T + 96 * H + 30 * M, missed: 'few' } }],
    ['complex schedule with shorter diff between executions', { schedule: '30 6-16/4 * * 1-5', created: T, now: T + 24 * H + 31 * M, want: { earliest: T, mostRecent: T + 24 * H + 30 * M, missed: 'few' } }],
    ['@every schedule', { schedule: '@every 1h', created: T - 59 * M, last: T + M, deadline: 10, now: T + 7 * D, want: { earliest: T + M, mostRecent: T + 6 * D + 23 * H + M, missed: 'many' } }],
    ['rogue cronjob', { schedule: '59 23 31 2 *', created: T + 10 * S, now: T + H, want: { earliest: T + 10 * S, mostRecent: null, missed: 'none', err: 'time difference between two schedules is less than 1 second' } }],
    ['earliestTime being CreationTimestamp and LastScheduleTime', { schedule: '0 * * * *', created: T, last: T, now: T + 30 * S, want: { earliest: T, mostRecent: null, missed: 'none' } }],
    ['earliestTime being LastScheduleTime', { schedule: '*/5 * * * *', created: T, last: T + 30 * M, now: T + 31 * M, want: { earliest: T + 30 * M, mostRecent: null, missed: 'none' } }],
    ['earliestTime being LastScheduleTime (within StartingDeadlineSeconds)', { schedule: '*/5 * * * *', created: T, last: T + 30 * M, deadline: 60, now: T + 31 * M, want: { earliest: T + 30 * M, mostRecent: null, missed: 'none' } }],
    ['earliestTime being LastScheduleTime (outside StartingDeadlineSeconds)', { schedule: '*/5 * * * *', created: T, last: T + 30 * M, deadline: 60, includeDeadline: true, now: T + 32 * M, want: { earliest: T + 31 * M, mostRecent: null, missed: 'none' } }],
  ]
  it.each(cases)('%s', (_, c) => {
    const cj = cronJob(c.schedule, c.created, c.last, c.deadline)
    expect(mostRecentScheduleTime(cj, c.now, parseStandard(c.schedule), c.includeDeadline ?? false)).toEqual(c.want)
  })
})

describe('TestNextScheduleTimeDuration', () => {
  const cases: [string, string, number, number | undefined, number, number][] = [
    ['complex schedule skipping weekend', '30 6-16/4 * * 1-5', T, T + 30 * M, T + 24 * H + 31 * M, 3 * H + 59 * M + δ],
    ['another complex schedule skipping weekend', '30 10,11,12 * * 1-5', T, T + 30 * M, T + 30 * H + 30 * M, 66 * H + δ],
    ['once a week cronjob, missed two runs', '0 12 * * 4', T, T + 2 * H, T + 19 * D + H + 30 * M, 48 * H + 30 * M + δ],
    ['no previous run of a cronjob', '0 12 * * 5', T, undefined, T + 6 * H, 20 * H + δ],
  ]
  it.each(cases)('%s', (_, schedule, created, last, now, want) => {
    expect(nextScheduleTimeDuration(cronJob(schedule, created, last), now, parseStandard(schedule))).toBe(want)
  })

  it.each([
    ['complex schedule skipping weekend', '30 6-16/4 * * 1-5', T + 30 * M, T + 24 * H + 31 * M, 'mycronjob-24395670', 3 * H + 59 * M + δ],
    ['once a week cronjob, missed two runs', '0 12 * * 4', T + 2 * H, T + 19 * D + H + 30 * M, 'mycronjob-24414480', 48 * H + 30 * M + δ],
  ])('%s: the sync creates the latest missed Job and requeues', (_, schedule, last, now, job, req) => {
    const h = new CronHarness(now)
    h.putCronJob('mycronjob', cronJobSpec({ schedule }), T, { lastScheduleTime: rfc3339(last) })
    const r = sync(h.deps(), 'snazzycats', 'mycronjob')
    expect([h.jobNames(), r.requeueAfter]).toEqual([[job], req])
  })
})

describe('TestNextScheduleTime', () => {
  function next(cj: CronJob, now: number): [number | null, string | undefined, string[]] {
    const events: string[] = []
    const r = nextScheduleTime(cj, now, parseStandard(cj.spec.schedule), { event: (_o, type, reason) => events.push(`${type} ${reason}`) })
    return [r.time, r.err, events]
  }

  it.each([
    ['not time yet', cronJob('0 * * * ?', T - H, T - H), T - M, [null, undefined, []]],
    ['one start time due', cronJob('0 * * * ?', T - 2 * H, T - H), T + M, [T, undefined, []]],
    ['two start times due: only the latest', cronJob('0 * * * ?', T - 2 * H, T - H), T + H + 5 * M, [T + H, undefined, []]],
    ['starting deadline: a time older than the deadline is not seen', cronJob('0 * * * ?', T - 2 * H, T - H, 10 * 60), T + 10 * M + S, [null, undefined, []]],
    ['starting deadline: a time within the deadline runs', cronJob('0 * * * ?', T - 2 * H, T - H, 10 * 60), T + 9 * M + 59 * S, [T, undefined, []]],
    ['more than 100 missed: the latest still runs, with a warning', cronJob('0 * * * ?', T - 200 * H, T - 200 * H), T + 30 * M, [T, undefined, ['Warning TooManyMissedTimes']]],
    ['rogue schedule: an error and no time', cronJob('59 23 31 2 *', T, undefined), T + H, [null, 'time difference between two schedules is less than 1 second', []]],
  ] as const)('%s', (_, cj, now, want) => {
    expect(next(cj, now)).toEqual(want)
  })
})
