import { describe, expect, it } from 'vitest'
import { Backoff } from './backoff.ts'
import { goDuration } from './duration.ts'

describe('flowcontrol Backoff (kubelet: 10 s doubling to 300 s)', () => {
  it('TestSlowBackoff: windows 10, 20, 40, 80, 160, 300, 300', () => {
    const b = new Backoff(10_000, 300_000)
    const seen: number[] = []
    for (let i = 0; i < 7; i++) {
      b.next('c', i * 1000, i * 1000)
      seen.push(b.get('c') / 1000)
    }
    expect(seen).toEqual([10, 20, 40, 80, 160, 300, 300])
  })

  it('TestIsInBackOffSince: inside the window from the event time, not after', () => {
    const b = new Backoff(10_000, 300_000)
    b.next('c', 0, 0)
    expect([b.inBackOffSince('c', 1000, 10_999), b.inBackOffSince('c', 1000, 11_000)]).toEqual([true, false])
    expect(b.inBackOffSince('other', 1000, 1000)).toBe(false)
  })

  it('TestBackoffHighWaterMark / hasExpired: untouched for more than 2 × max starts over at 10 s', () => {
    const b = new Backoff(10_000, 300_000)
    b.next('c', 0, 0)
    b.next('c', 0, 0)
    expect(b.get('c')).toBe(20_000)
    expect(b.inBackOffSince('c', 600_001, 600_002)).toBe(false)
    b.next('c', 600_001, 600_001)
    expect(b.get('c')).toBe(10_000)
  })

  it('IsInBackOffSinceUpdate measures from the last Next()', () => {
    const b = new Backoff(10_000, 300_000)
    b.next('img', 5000, 5000)
    expect([b.inBackOffSinceUpdate('img', 14_999), b.inBackOffSinceUpdate('img', 15_000)]).toEqual([true, false])
  })

  it('GC drops expired entries', () => {
    const b = new Backoff(10_000, 300_000)
    b.next('c', 0, 0)
    b.gc(600_001)
    expect(b.get('c')).toBe(0)
  })
})

describe('Go duration strings', () => {
  const CASES: [number, string][] = [
    [0, '0s'], [830, '830ms'], [1030, '1.03s'], [1594, '1.594s'], [10_000, '10s'], [20_000, '20s'],
    [80_000, '1m20s'], [160_000, '2m40s'], [300_000, '5m0s'], [3_723_500, '1h2m3.5s'], [7_264, '7.264s'],
  ]
  for (const [ms, s] of CASES) it(`${ms} ms is ${s}`, () => expect(goDuration(ms)).toBe(s))
})
