// robfig/cron v3.0.1 spec_test.go and constantdelay_test.go cases (6-field specs with a
// zero seconds field rewritten to ParseStandard's 5 fields), and the research file's
// Next() rows (cronjob-controller.md §2.4, §2.5).
import { describe, expect, it } from 'vitest'
import { ZERO_TIME } from './civil.ts'
import { parseDuration } from './duration.ts'
import { parseStandard } from './parser.ts'
import { ConstantDelaySchedule } from './spec.ts'
import { formatInZone, loadLocation, UTC, type Zone } from './zone.ts'

const ms = (iso: string): number => {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) throw new Error(`bad test time ${iso}`)
  return t
}
const fmt = (t: number, zone: Zone = UTC): string => (t === ZERO_TIME ? 'zero' : formatInZone(t, zone))

describe('TestActivation', () => {
  const cases: [string, string, boolean][] = [
    ['2012-07-09T15:00:00Z', '0/15 * * * *', true],
    ['2012-07-09T15:45:00Z', '0/15 * * * *', true],
    ['2012-07-09T15:40:00Z', '0/15 * * * *', false],
    ['2012-07-09T15:05:00Z', '5/15 * * * *', true],
    ['2012-07-09T15:20:00Z', '5/15 * * * *', true],
    ['2012-07-09T15:50:00Z', '5/15 * * * *', true],
    ['2012-07-15T15:00:00Z', '0/15 * * Jul *', true],
    ['2012-07-15T15:00:00Z', '0/15 * * Jun *', false],
    ['2012-07-15T08:30:00Z', '30 08 ? Jul Sun', true],
    ['2012-07-15T08:30:00Z', '30 08 15 Jul ?', true],
    ['2012-07-16T08:30:00Z', '30 08 ? Jul Sun', false],
    ['2012-07-16T08:30:00Z', '30 08 15 Jul ?', false],
    ['2012-07-09T15:00:00Z', '@hourly', true],
    ['2012-07-09T15:04:00Z', '@hourly', false],
    ['2012-07-09T15:00:00Z', '@daily', false],
    ['2012-07-09T00:00:00Z', '@daily', true],
    ['2012-07-09T00:00:00Z', '@weekly', false],
    ['2012-07-08T00:00:00Z', '@weekly', true],
    ['2012-07-08T01:00:00Z', '@weekly', false],
    ['2012-07-08T00:00:00Z', '@monthly', false],
    ['2012-07-01T00:00:00Z', '@monthly', true],
    ['2012-07-15T00:00:00Z', '* * 1,15 * Sun', true],
    ['2012-06-15T00:00:00Z', '* * 1,15 * Sun', true],
    ['2012-08-01T00:00:00Z', '* * 1,15 * Sun', true],
    ['2012-07-15T00:00:00Z', '* * */10 * Sun', true],
    ['2012-07-15T00:00:00Z', '* * * * Mon', false],
    ['2012-07-09T00:00:00Z', '* * 1,15 * *', false],
    ['2012-07-15T00:00:00Z', '* * 1,15 * *', true],
    ['2012-07-15T00:00:00Z', '* * */2 * Sun', true],
  ]
  it.each(cases)('%s %s fires: %s', (time, spec, fires) => {
    const t = ms(time)
    expect(parseStandard(spec).next(t - 1000) === t).toBe(fires)
  })
})

describe('TestNext', () => {
  const cases: [string, string, string][] = [
    ['2012-07-09T14:45:00Z', '0/15 * * * *', '2012-07-09T15:00:00Z'],
    ['2012-07-09T14:59:00Z', '0/15 * * * *', '2012-07-09T15:00:00Z'],
    ['2012-07-09T14:59:59Z', '0/15 * * * *', '2012-07-09T15:00:00Z'],
    ['2012-07-09T15:45:00Z', '20-35/15 * * * *', '2012-07-09T16:20:00Z'],
    ['2012-07-09T23:46:00Z', '*/15 * * * *', '2012-07-10T00:00:00Z'],
    ['2012-07-09T23:45:00Z', '20-35/15 * * * *', '2012-07-10T00:20:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 9 Apr-Oct ?', '2012-08-09T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 */5 Apr,Aug,Oct Mon', '2012-08-01T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 */5 Oct Mon', '2012-10-01T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 * Feb Mon', '2013-02-04T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 * Feb Mon/2', '2013-02-01T00:00:00Z'],
    ['2012-12-31T23:59:45Z', '* * * * *', '2013-01-01T00:00:00Z'],
    ['2012-07-09T23:35:00Z', '0 0 29 Feb ?', '2016-02-29T00:00:00Z'],
    ['2012-03-11T00:00:00-05:00', 'TZ=America/New_York 30 2 11 Mar ?', '2013-03-11T02:30:00-04:00'],
    ['2012-03-11T00:00:00-05:00', 'TZ=America/New_York 0 * * * ?', '2012-03-11T01:00:00-05:00'],
    ['2012-03-11T01:00:00-05:00', 'TZ=America/New_York 0 * * * ?', '2012-03-11T03:00:00-04:00'],
    ['2012-03-11T03:00:00-04:00', 'TZ=America/New_York 0 * * * ?', '2012-03-11T04:00:00-04:00'],
    ['2012-03-11T04:00:00-04:00', 'TZ=America/New_York 0 * * * ?', '2012-03-11T05:00:00-04:00'],
    ['2012-03-11T00:00:00-05:00', 'CRON_TZ=America/New_York 0 * * * ?', '2012-03-11T01:00:00-05:00'],
    ['2012-03-11T01:00:00-05:00', 'CRON_TZ=America/New_York 0 * * * ?', '2012-03-11T03:00:00-04:00'],
    ['2012-03-11T00:00:00-05:00', 'TZ=America/New_York 0 1 * * ?', '2012-03-11T01:00:00-05:00'],
    ['2012-03-11T01:00:00-05:00', 'TZ=America/New_York 0 1 * * ?', '2012-03-12T01:00:00-04:00'],
    ['2012-03-11T00:00:00-05:00', 'TZ=America/New_York 0 2 * * ?', '2012-03-12T02:00:00-04:00'],
    ['2012-11-04T00:00:00-04:00', 'TZ=America/New_York 30 2 04 Nov ?', '2012-11-04T02:30:00-05:00'],
    ['2012-11-04T01:45:00-04:00', 'TZ=America/New_York 30 1 04 Nov ?', '2012-11-04T01:30:00-05:00'],
    ['2012-11-04T00:00:00-04:00', 'TZ=America/New_York 0 * * * ?', '2012-11-04T01:00:00-04:00'],
    ['2012-11-04T01:00:00-04:00', 'TZ=America/New_York 0 * * * ?', '2012-11-04T01:00:00-05:00'],
    ['2012-11-04T01:00:00-05:00', 'TZ=America/New_York 0 * * * ?', '2012-11-04T02:00:00-05:00'],
    ['2012-11-04T00:00:00-04:00', 'TZ=America/New_York 0 1 * * ?', '2012-11-04T01:00:00-04:00'],
    ['2012-11-04T01:00:00-04:00', 'TZ=America/New_York 0 1 * * ?', '2012-11-04T01:00:00-05:00'],
    ['2012-11-04T01:00:00-05:00', 'TZ=America/New_York 0 1 * * ?', '2012-11-05T01:00:00-05:00'],
    ['2012-11-04T00:00:00-04:00', 'TZ=America/New_York 0 2 * * ?', '2012-11-04T02:00:00-05:00'],
    ['2012-11-04T02:00:00-05:00', 'TZ=America/New_York 0 2 * * ?', '2012-11-05T02:00:00-05:00'],
    ['2012-11-04T00:00:00-04:00', 'TZ=America/New_York 0 3 * * ?', '2012-11-04T03:00:00-05:00'],
    ['2012-11-04T03:00:00-05:00', 'TZ=America/New_York 0 3 * * ?', '2012-11-05T03:00:00-05:00'],
    ['2012-11-04T00:00:00-04:00', 'TZ=America/New_York 0 3 3 * ?', '2012-12-03T03:00:00-05:00'],
    ['2018-10-17T05:00:00-04:00', 'TZ=America/Sao_Paulo 0 9 10 * ?', '2018-11-10T06:00:00-05:00'],
    ['2018-02-14T05:00:00-05:00', 'TZ=America/Sao_Paulo 0 9 22 * ?', '2018-02-22T07:00:00-05:00'],
  ]
  it.each(cases)('%s %s → %s', (from, spec, want) => {
    expect(parseStandard(spec).next(ms(from))).toBe(ms(want))
  })

  it.each([
    ['0 0 30 Feb ?'],
    ['0 0 31 Apr ?'],
    ['0 0 31 2 *'],
    [', * * * *'],
  ])('Unsatisfiable: %s gives the zero time', (spec) => {
    expect(parseStandard(spec).next(ms('2012-07-09T23:35:00Z'))).toBe(ZERO_TIME)
  })
})

describe('TestNextWithTz (the time\'s own zone is the search zone)', () => {
  const kolkata = loadLocation('Asia/Kolkata')
  it.each([
    ['2016-01-03T13:09:03+05:30', '14 14 * * *', '2016-01-03T14:14:00+05:30'],
    ['2016-01-03T04:09:03+05:30', '14 14 * * ?', '2016-01-03T14:14:00+05:30'],
    ['2016-01-03T14:09:03+05:30', '14 14 * * *', '2016-01-03T14:14:00+05:30'],
    ['2016-01-03T14:00:00+05:30', '14 14 * * ?', '2016-01-03T14:14:00+05:30'],
  ])('%s %s', (from, spec, want) => {
    expect(fmt(parseStandard(spec, kolkata).next(ms(from)), kolkata)).toBe(want)
  })
})

describe('TestConstantDelayNext', () => {
  const cases: [string, string, string][] = [
    ['2012-07-09T14:45:00Z', '15m0.00000005s', '2012-07-09T15:00:00Z'],
    ['2012-07-09T14:59:00Z', '15m', '2012-07-09T15:14:00Z'],
    ['2012-07-09T14:59:59Z', '15m', '2012-07-09T15:14:59Z'],
    ['2012-07-09T15:45:00Z', '35m', '2012-07-09T16:20:00Z'],
    ['2012-07-09T23:46:00Z', '14m', '2012-07-10T00:00:00Z'],
    ['2012-07-09T23:45:00Z', '35m', '2012-07-10T00:20:00Z'],
    ['2012-07-09T23:35:51Z', '44m24s', '2012-07-10T00:20:15Z'],
    ['2012-07-09T23:35:51Z', '25h44m24s', '2012-07-11T01:20:15Z'],
    ['2012-07-09T23:35:00Z', '2184h25m', '2012-10-09T00:00:00Z'],
    ['2012-12-31T23:59:45Z', '15s', '2013-01-01T00:00:00Z'],
    ['2012-07-09T14:45:00Z', '15ms', '2012-07-09T14:45:01Z'],
    ['2012-07-09T14:45:00.005Z', '15m', '2012-07-09T15:00:00Z'],
    ['2012-07-09T14:45:00.005Z', '15m0.00000005s', '2012-07-09T15:00:00Z'],
  ]
  it.each(cases)('%s + %s', (from, delay, want) => {
    expect(new ConstantDelaySchedule(parseDuration(delay)).next(ms(from))).toBe(ms(want))
  })
})

describe('Next (research §2.4, §2.5)', () => {
  const ny = loadLocation('America/New_York')
  function run(spec: string, from: string, n: number, zone: Zone = UTC): string[] {
    const s = parseStandard(spec)
    const out: string[] = []
    for (let t = ms(from), i = 0; i < n; i++) out.push(fmt((t = s.next(t)), zone))
    return out
  }

  it('is strictly after t at second granularity', () => {
    const hourly = parseStandard('0 * * * *')
    expect(fmt(hourly.next(ms('2016-05-19T09:59:59.900Z')))).toBe('2016-05-19T10:00:00Z')
    expect(fmt(hourly.next(ms('2016-05-19T10:00:00Z')))).toBe('2016-05-19T11:00:00Z')
    expect(fmt(hourly.next(ms('2016-05-19T09:59:59Z')))).toBe('2016-05-19T10:00:00Z')
  })

  it.each([
    ['0 0 13 * 5', '2026-01-01T00:00:00Z', ['2026-01-02T00:00:00Z', '2026-01-09T00:00:00Z', '2026-01-13T00:00:00Z', '2026-01-16T00:00:00Z', '2026-01-23T00:00:00Z', '2026-01-30T00:00:00Z', '2026-02-06T00:00:00Z', '2026-02-13T00:00:00Z']],
    ['0 0 */2 * 1', '2026-01-01T00:00:00Z', ['2026-01-03T00:00:00Z', '2026-01-05T00:00:00Z', '2026-01-07T00:00:00Z', '2026-01-09T00:00:00Z', '2026-01-11T00:00:00Z', '2026-01-12T00:00:00Z']],
    ['0 0 1-31 * 1', '2026-01-01T00:00:00Z', ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z']],
    ['0 0 */1 * 1', '2026-01-01T00:00:00Z', ['2026-01-05T00:00:00Z', '2026-01-12T00:00:00Z']],
    ['0 0 13 * */1', '2026-01-01T00:00:00Z', ['2026-01-13T00:00:00Z', '2026-02-13T00:00:00Z']],
    ['0 0 * * */2', '2026-01-01T00:00:00Z', ['2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z', '2026-01-06T00:00:00Z', '2026-01-08T00:00:00Z']],
    ['0 0 *,13 * 5', '2026-01-01T00:00:00Z', ['2026-01-02T00:00:00Z', '2026-01-09T00:00:00Z', '2026-01-16T00:00:00Z']],
    ['0 0 29 2 *', '2026-01-01T00:00:00Z', ['2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z']],
    ['@weekly', '2026-11-26T00:00:00Z', ['2026-11-29T00:00:00Z', '2026-12-06T00:00:00Z']],
  ] as const)('day rules: %s', (spec, from, want) => {
    expect(run(spec, from, want.length)).toEqual(want)
  })

  it.each([
    ['TZ=America/New_York 30 2 * * *', '2026-03-06T07:30:00Z', ['2026-03-07T07:30:00Z', '2026-03-09T06:30:00Z', '2026-03-10T06:30:00Z']],
    ['TZ=America/New_York 0 2 * * *', '2026-03-07T07:00:00Z', ['2026-03-09T06:00:00Z']],
    ['TZ=America/New_York 0 * * * *', '2026-03-08T05:30:00Z', ['2026-03-08T06:00:00Z', '2026-03-08T07:00:00Z', '2026-03-08T08:00:00Z']],
    ['TZ=America/New_York 30 1 * * *', '2026-10-31T05:30:00Z', ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-02T06:30:00Z']],
    ['TZ=America/New_York 0 1 * * *', '2026-10-31T05:00:00Z', ['2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z', '2026-11-02T06:00:00Z']],
    ['TZ=America/New_York */30 1 * * *', '2026-11-01T04:00:00Z', ['2026-11-01T05:00:00Z', '2026-11-01T05:30:00Z', '2026-11-01T06:00:00Z', '2026-11-01T06:30:00Z', '2026-11-02T06:00:00Z']],
    ['TZ=America/New_York 30 2 * * *', '2026-10-30T06:30:00Z', ['2026-10-31T06:30:00Z', '2026-11-01T07:30:00Z', '2026-11-02T07:30:00Z']],
    ['TZ=Asia/Seoul 0 9 * * 1', '2026-11-26T00:00:00Z', ['2026-11-30T00:00:00Z', '2026-12-07T00:00:00Z', '2026-12-14T00:00:00Z']],
  ] as const)('DST and zones: %s', (spec, from, want) => {
    expect(run(spec, from, want.length)).toEqual(want)
  })

  it('reads the fall-back pair in New York time as two different offsets', () => {
    expect(run('TZ=America/New_York 30 1 * * *', '2026-10-31T05:30:00Z', 2, ny)).toEqual(['2026-11-01T01:30:00-04:00', '2026-11-01T01:30:00-05:00'])
  })

  it('gives up after five years (the zero time)', () => {
    // 2100 is not a leap year: after 2096-02-29 the next Feb 29 is 2104, beyond the horizon.
    expect(fmt(parseStandard('0 0 29 2 *').next(ms('2096-03-01T00:00:00Z')))).toBe('zero')
    expect(fmt(parseStandard('0 0 29 2 *').next(ms('2095-03-01T00:00:00Z')))).toBe('2096-02-29T00:00:00Z')
  })

  it('searches in the local zone when the schedule has no TZ=', () => {
    const seoul = loadLocation('Asia/Seoul')
    expect(fmt(parseStandard('0 9 * * *', seoul).next(ms('2026-01-01T00:00:00Z')))).toBe('2026-01-02T00:00:00Z')
  })
})
