// robfig/cron v3.0.1 parser_test.go cases that apply to ParseStandard, and the
// research file's rows (cronjob-controller.md §2.2–§2.4).
import { describe, expect, it } from 'vitest'
import { CronError, DOM, DOW, getField, getRange, HOURS, MINUTES, MONTHS, parseStandard, parseStandardCached } from './parser.ts'
import { ConstantDelaySchedule, CronField, SpecSchedule } from './spec.ts'
import { loadLocation, UTC } from './zone.ts'

const STAR = 1n << 63n
const bit = (...vs: number[]): bigint => vs.reduce((b, v) => b | (1n << BigInt(v)), 0n)
const range = (lo: number, hi: number): bigint => bit(...Array.from({ length: hi - lo + 1 }, (_, i) => lo + i))

function rangeBits(expr: string, min: number, max: number): bigint {
  const allowed = new Uint8Array(64)
  const star = getRange(expr, { min, max }, allowed)
  return new CronField(allowed, star).bits()
}

function errorOf(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    return (e as Error).message
  }
  return 'no error'
}

describe('TestRange', () => {
  const ok: [string, number, number, bigint][] = [
    ['5', 0, 7, bit(5)],
    ['0', 0, 7, bit(0)],
    ['7', 0, 7, bit(7)],
    ['5-5', 0, 7, bit(5)],
    ['5-6', 0, 7, bit(5, 6)],
    ['5-7', 0, 7, bit(5, 6, 7)],
    ['5-6/2', 0, 7, bit(5)],
    ['5-7/2', 0, 7, bit(5, 7)],
    ['5-7/1', 0, 7, bit(5, 6, 7)],
    ['*', 1, 3, bit(1, 2, 3) | STAR],
    ['*/2', 1, 3, bit(1, 3)],
  ]
  it.each(ok)('%s in [%d,%d]', (expr, min, max, want) => {
    expect(rangeBits(expr, min, max)).toBe(want)
  })

  const bad: [string, number, number, string][] = [
    ['5--5', 0, 0, 'too many hyphens: 5--5'],
    ['jan-x', 0, 0, 'failed to parse int from jan: strconv.Atoi: parsing "jan": invalid syntax'],
    ['2-x', 1, 5, 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['*/-12', 0, 0, 'negative number (-12) not allowed: -12'],
    ['*//2', 0, 0, 'too many slashes: *//2'],
    ['1', 3, 5, 'beginning of range (1) below minimum (3): 1'],
    ['6', 3, 5, 'end of range (6) above maximum (5): 6'],
    ['5-3', 3, 5, 'beginning of range (5) beyond end of range (3): 5-3'],
    ['*/0', 0, 0, 'step of range should be a positive number: */0'],
  ]
  it.each(bad)('%s fails', (expr, min, max, want) => {
    expect(errorOf(() => rangeBits(expr, min, max))).toBe(want)
  })
})

describe('TestField', () => {
  it.each([
    ['5', bit(5)],
    ['5,6', bit(5, 6)],
    ['5,6,7', bit(5, 6, 7)],
    ['1,5-7/2,3', bit(1, 5, 7, 3)],
    [',,5,,', bit(5)],
  ] as const)('%s', (expr, want) => {
    expect(getField(expr, { min: 1, max: 7 }).bits()).toBe(want)
  })
})

describe('TestAll', () => {
  it.each([
    ['minutes', MINUTES, 0xfffffffffffffffn],
    ['hours', HOURS, 0xffffffn],
    ['dom', DOM, 0xfffffffen],
    ['months', MONTHS, 0x1ffen],
    ['dow', DOW, 0x7fn],
  ] as const)('%s', (_, b, want) => {
    expect(getField('*', b).bits()).toBe(want | STAR)
  })
})

describe('TestBits (getBits through ranges)', () => {
  it.each([
    ['0-0/1', bit(0)],
    ['1-1/1', bit(1)],
    ['1-5/2', 0x2an],
    ['1-4/2', 0xan],
  ] as const)('%s', (expr, want) => {
    expect(rangeBits(expr, 0, 63)).toBe(want)
  })
})

function specBits(s: unknown): bigint[] {
  const spec = s as SpecSchedule
  return [spec.minute.bits(), spec.hour.bits(), spec.dom.bits(), spec.month.bits(), spec.dow.bits()]
}

const ALL_HOURS = range(0, 23) | STAR
const ALL_DOM = range(1, 31) | STAR
const ALL_MONTHS = range(1, 12) | STAR
const ALL_DOW = range(0, 6) | STAR

describe('TestParseSchedule / TestStandardSpecSchedule (standardParser rows)', () => {
  const tokyo = loadLocation('Asia/Tokyo')
  const cases: [string, bigint[], string][] = [
    ['5 * * * *', [bit(5), ALL_HOURS, ALL_DOM, ALL_MONTHS, ALL_DOW], 'UTC'],
    ['CRON_TZ=UTC  5 * * * *', [bit(5), ALL_HOURS, ALL_DOM, ALL_MONTHS, ALL_DOW], 'UTC'],
    ['@midnight', [bit(0), bit(0), ALL_DOM, ALL_MONTHS, ALL_DOW], 'UTC'],
    ['TZ=UTC  @midnight', [bit(0), bit(0), ALL_DOM, ALL_MONTHS, ALL_DOW], 'UTC'],
    ['TZ=Asia/Tokyo @midnight', [bit(0), bit(0), ALL_DOM, ALL_MONTHS, ALL_DOW], 'Asia/Tokyo'],
    ['@yearly', [bit(0), bit(0), bit(1), bit(1), ALL_DOW], 'UTC'],
    ['@annually', [bit(0), bit(0), bit(1), bit(1), ALL_DOW], 'UTC'],
    ['@monthly', [bit(0), bit(0), bit(1), ALL_MONTHS, ALL_DOW], 'UTC'],
    ['@weekly', [bit(0), bit(0), ALL_DOM, ALL_MONTHS, bit(0)], 'UTC'],
    ['@daily', [bit(0), bit(0), ALL_DOM, ALL_MONTHS, ALL_DOW], 'UTC'],
    ['@hourly', [bit(0), ALL_HOURS, ALL_DOM, ALL_MONTHS, ALL_DOW], 'UTC'],
  ]
  it.each(cases)('%s', (expr, want, zone) => {
    const s = parseStandard(expr)
    expect(s).toBeInstanceOf(SpecSchedule)
    expect(specBits(s)).toEqual(want)
    expect((s as SpecSchedule).zone).toBe(zone === 'UTC' ? UTC : tokyo)
  })

  it('@every 5m is a ConstantDelaySchedule of 5 minutes', () => {
    const s = parseStandard('@every 5m')
    expect(s).toBeInstanceOf(ConstantDelaySchedule)
    expect((s as ConstantDelaySchedule).delay).toBe(300_000)
  })

  it('a schedule without TZ= runs in the given local zone (time.Local)', () => {
    const seoul = loadLocation('Asia/Seoul')
    expect((parseStandard('0 9 * * 1', seoul) as SpecSchedule).zone).toBe(seoul)
    expect((parseStandard('TZ=Local 0 9 * * 1', seoul) as SpecSchedule).zone).toBe(seoul)
    expect((parseStandard('TZ= 0 9 * * 1', seoul) as SpecSchedule).zone).toBe(UTC)
  })
})

describe('names, ? and the star bit (research §2.2, §2.4)', () => {
  it.each([
    ['? * * * *', range(0, 59) | STAR],
    ['*/1 * * * *', range(0, 59) | STAR],
    ['*,5 * * * *', range(0, 59) | STAR],
    ['*/90 * * * *', bit(0)],
    ['5/15 * * * *', bit(5, 20, 35, 50)],
    ['*-5 * * * *', range(0, 59) | STAR],
    ['+5 * * * *', bit(5)],
  ] as const)('minute %s', (expr, want) => {
    expect(specBits(parseStandard(expr))[0]).toBe(want)
  })

  it.each([
    ['0 0 * * MON-fri', bit(1, 2, 3, 4, 5)],
    ['0 0 * * sun,SAT', bit(0, 6)],
    ['0 0 * * 1/2', bit(1, 3, 5)],
    ['0 0 * * 5/1', bit(5, 6)],
    ['0 0 * * */2', bit(0, 2, 4, 6)],
    ['0 0 * * 0-6', range(0, 6)],
    ['0 0 * * ?', ALL_DOW],
  ] as const)('day of week %s', (expr, want) => {
    expect(specBits(parseStandard(expr))[4]).toBe(want)
  })

  it.each([
    ['0 0 1 jan-mar *', bit(1, 2, 3)],
    ['0 0 1 Dec *', bit(12)],
    ['0 0 1 ? *', ALL_MONTHS],
  ] as const)('month %s', (expr, want) => {
    expect(specBits(parseStandard(expr))[3]).toBe(want)
  })

  it.each([
    ['0 0 */2 * 1', false],
    ['0 0 1-31 * 1', false],
    ['0 0 */1 * 1', true],
    ['0 0 *,13 * 5', true],
  ] as const)('day of month %s is a star field: %s', (expr, star) => {
    expect((parseStandard(expr) as SpecSchedule).dom.star).toBe(star)
  })
})

describe('TestParseScheduleErrors, TestErrors and research §2.2 error texts', () => {
  const cases: [string, string][] = [
    ['', 'empty spec string'],
    ['xyz', 'expected exactly 5 fields, found 1: [xyz]'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['obvious error schedule', 'expected exactly 5 fields, found 3: [obvious error schedule]'],
    ['  \t ', 'expected exactly 5 fields, found 0: []'],
    ['60 0 * * *', 'end of range (60) above maximum (59): 60'],
    ['0 60 * * *', 'end of range (60) above maximum (23): 60'],
    ['0 0 * * XYZ', 'failed to parse int from XYZ: strconv.Atoi: parsing "XYZ": invalid syntax'],
    ['5 j * * *', 'failed to parse int from j: strconv.Atoi: parsing "j": invalid syntax'],
    ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['0 0 * * 6-7', 'end of range (7) above maximum (6): 6-7'],
    ['0 0 * * 7/1', 'beginning of range (7) beyond end of range (6): 7/1'],
    ['0 0 L * *', 'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax'],
    ['0 0 * * 1#1', 'failed to parse int from 1#1: strconv.Atoi: parsing "1#1": invalid syntax'],
    ['H * * * *', 'failed to parse int from H: strconv.Atoi: parsing "H": invalid syntax'],
    ['0 0 * * Sunday', 'failed to parse int from Sunday: strconv.Atoi: parsing "Sunday": invalid syntax'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['1/2/3 * * * *', 'too many slashes: 1/2/3'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['TZ=America/New_York 15/0 * * * *', 'step of range should be a positive number: 15/0'],
    ['-5 * * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ['99999999999999999999 * * * *', 'failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range'],
    ['9223372036854775807 * * * *', 'end of range (9223372036854775807) above maximum (59): 9223372036854775807'],
    ['@reboot', 'unrecognized descriptor: @reboot'],
    ['@YEARLY', 'unrecognized descriptor: @YEARLY'],
    ['@weekdays', 'unrecognized descriptor: @weekdays'],
    ['@daily ', 'unrecognized descriptor: @daily '],
    [' @daily', 'expected exactly 5 fields, found 1: [@daily]'],
    ['@every Xm', 'failed to parse duration @every Xm: time: invalid duration "Xm"'],
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['TZ=Foo/Bar 0 * * * *', 'provided bad location Foo/Bar: unknown time zone Foo/Bar'],
    ['CRON_TZ=asia/seoul 0 * * * *', 'provided bad location asia/seoul: unknown time zone asia/seoul'],
    ['TZ=../etc 0 * * * *', 'provided bad location ../etc: time: invalid location name'],
  ]
  it.each(cases)('%j', (expr, want) => {
    expect(errorOf(() => parseStandard(expr))).toBe(want)
  })

  it('a TZ= prefix without a space is the input robfig panics on', () => {
    let err: unknown
    try {
      parseStandard('TZ=UTC')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(CronError)
    expect((err as CronError).panic).toBe(true)
    expect((err as CronError).message).toBe('runtime error: slice bounds out of range [:-1]')
  })
})

describe('@every (research §2.3, constantdelay.go Every)', () => {
  it.each([
    ['@every 1h', 3_600_000],
    ['@every 1h30m', 5_400_000],
    ['@every 1.5s', 1000],
    ['@every 500ms', 1000],
    ['@every 0s', 1000],
    ['@every -1h', 1000],
    ['@every 90s', 90_000],
    ['@every 2562047h', 2562047 * 3_600_000],
  ] as const)('%s waits %d ms', (expr, ms) => {
    expect((parseStandard(expr) as ConstantDelaySchedule).delay).toBe(ms)
  })
})

describe('parseStandardCached', () => {
  it('returns the same schedule and the same error for the same input', () => {
    expect(parseStandardCached('*/5 * * * *')).toBe(parseStandardCached('*/5 * * * *'))
    expect(errorOf(() => parseStandardCached('bad'))).toBe('expected exactly 5 fields, found 1: [bad]')
    expect(errorOf(() => parseStandardCached('bad'))).toBe('expected exactly 5 fields, found 1: [bad]')
  })

  it('keeps schedules for different local zones apart', () => {
    const seoul = loadLocation('Asia/Seoul')
    expect((parseStandardCached('0 9 * * *', seoul) as SpecSchedule).zone).toBe(seoul)
    expect((parseStandardCached('0 9 * * *') as SpecSchedule).zone).toBe(UTC)
  })
})
