// time.LoadLocation's rules (go/src/time/zoneinfo.go) and the names research §2.6 verified,
// Go's time.Date resolution of skipped and repeated wall times, and RFC 3339 in a zone.
import { describe, expect, it } from 'vitest'
import { formatInZone, loadLocation, UTC, zoneDate } from './zone.ts'

function loadError(name: string): string {
  try {
    loadLocation(name)
  } catch (e) {
    return (e as Error).message
  }
  return 'loaded'
}

describe('loadLocation', () => {
  it.each(['UTC', 'Etc/UTC', 'GMT', 'EST', 'EST5EDT', 'Etc/GMT+5', 'US/Eastern', 'America/Argentina/Buenos_Aires', 'Asia/Seoul', 'Asia/Calcutta', 'Europe/Kyiv', 'Europe/Kiev', ''])('accepts %j', (name) => {
    expect(loadError(name)).toBe('loaded')
  })

  it.each([
    ['asia/seoul', 'unknown time zone asia/seoul'],
    ['Asia/Seoul ', 'unknown time zone Asia/Seoul '],
    ['UTC+9', 'unknown time zone UTC+9'],
    ['Z', 'unknown time zone Z'],
    ['Foo/Bar', 'unknown time zone Foo/Bar'],
    ['bad timezone', 'unknown time zone bad timezone'],
    ['local', 'unknown time zone local'],
    ['utc', 'unknown time zone utc'],
    ['Factory', 'unknown time zone Factory'],
    ['../etc/passwd', 'time: invalid location name'],
    ['/etc/localtime', 'time: invalid location name'],
    ['\\x', 'time: invalid location name'],
  ])('rejects %j: %s', (name, want) => {
    expect(loadError(name)).toBe(want)
  })

  it('gives "Local" the caller\'s local zone and "" UTC', () => {
    const seoul = loadLocation('Asia/Seoul')
    expect(loadLocation('Local', seoul)).toBe(seoul)
    expect(loadLocation('')).toBe(UTC)
  })

  it('keeps one zone object per name', () => {
    expect(loadLocation('Asia/Seoul')).toBe(loadLocation('Asia/Seoul'))
  })
})

describe('offsets', () => {
  const t = Date.parse('2026-07-01T12:00:00Z')
  it.each([
    ['UTC', 0],
    ['Etc/GMT+5', -5 * 3600_000],
    ['Etc/GMT-14', 14 * 3600_000],
    ['Asia/Seoul', 9 * 3600_000],
    ['America/New_York', -4 * 3600_000],
    ['US/Eastern', -4 * 3600_000],
    ['Asia/Kolkata', 5.5 * 3600_000],
    ['Australia/Lord_Howe', 10.5 * 3600_000],
  ] as const)('%s in July 2026', (name, off) => {
    expect(loadLocation(name).offsetAt(t)).toBe(off)
  })

  it('reads dates before year 1 AD (the zero time is in 1 BC west of Greenwich) and local mean time', () => {
    const ny = loadLocation('America/New_York')
    expect([ny.offsetAt(Date.parse('0001-01-01T00:00:00Z')), ny.offsetAt(Date.parse('1800-06-01T00:00:00Z'))]).toEqual([-17762_000, -17762_000])
  })

  it('finds a transition to the second, and only inside its interval', () => {
    const ny = loadLocation('America/New_York')
    const change = Date.parse('2026-03-08T07:00:00Z')
    expect(ny.offsetAt(change - 1)).toBe(-5 * 3600_000)
    expect(ny.offsetAt(change)).toBe(-4 * 3600_000)
    expect(ny.changesIn(change - 3600_000, change)).toBe(true)
    expect(ny.changesIn(change, change + 3600_000)).toBe(false)
    expect(ny.changesIn(change - 7200_000, change - 1)).toBe(false)
  })
})

describe('zoneDate (time.Date)', () => {
  const ny = loadLocation('America/New_York')
  it.each([
    ['a normal wall time', [2026, 1, 15, 9, 30, 0], '2026-01-15T09:30:00-05:00'],
    ['month 13 carries into the year', [2026, 13, 1, 0, 0, 0], '2027-01-01T00:00:00-05:00'],
    ['day 32 carries into the month', [2026, 1, 32, 0, 0, 0], '2026-02-01T00:00:00-05:00'],
    ['Feb 30 normalises to Mar 2', [2026, 2, 30, 0, 0, 0], '2026-03-02T00:00:00-05:00'],
    ['a skipped wall time falls back an hour', [2026, 3, 8, 2, 30, 0], '2026-03-08T01:30:00-05:00'],
    ['a repeated wall time takes the first occurrence', [2026, 11, 1, 1, 30, 0], '2026-11-01T01:30:00-04:00'],
  ] as const)('%s', (_, [y, mo, d, h, mi, s], want) => {
    expect(formatInZone(zoneDate(ny, y, mo, d, h, mi, s), ny)).toBe(want)
  })
})

describe('formatInZone (time.RFC3339)', () => {
  it.each([
    ['2026-11-30T00:00:00Z', 'Asia/Seoul', '2026-11-30T09:00:00+09:00'],
    ['2026-11-30T00:00:00Z', 'UTC', '2026-11-30T00:00:00Z'],
    ['2026-01-15T12:00:00Z', 'Europe/London', '2026-01-15T12:00:00Z'],
    ['2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01T01:30:00-04:00'],
    ['2026-11-01T06:30:00Z', 'America/New_York', '2026-11-01T01:30:00-05:00'],
    ['2026-01-15T12:00:00.999Z', 'Asia/Kolkata', '2026-01-15T17:30:00+05:30'],
    ['0001-01-01T00:00:00Z', 'UTC', '0001-01-01T00:00:00Z'],
  ])('%s in %s', (iso, zone, want) => {
    expect(formatInZone(Date.parse(iso), loadLocation(zone))).toBe(want)
  })
})
