import { describe, expect, it } from 'vitest'
import { ContainerLog, LOG_MAX_BYTES, logTimestamp, renderLog } from './logs.ts'

describe('CRI container logs', () => {
  it('splits writes into lines with nanosecond timestamps; an unfinished line is partial', () => {
    let now = Date.UTC(2026, 0, 1, 0, 0, 5)
    const log = new ContainerLog(() => now, () => 123_456)
    log.write('stdout', '9\n8')
    now += 2000
    log.write('stdout', '\n7\n')
    log.write('stderr', 'oops')
    log.close()
    expect(renderLog(log.entries)).toBe('9\n8\n7\noops')
    expect(renderLog(log.entries, true)).toBe(
      '2026-01-01T00:00:05.000123456Z 9\n2026-01-01T00:00:07.000123456Z 8\n2026-01-01T00:00:07.000123457Z 7\n2026-01-01T00:00:07.000123458Z oops',
    )
    expect(log.entries.map((e) => [e.stream, e.partial])).toEqual([['stdout', false], ['stdout', false], ['stdout', false], ['stderr', true]])
  })

  it('RFC3339NanoFixed keeps all nine digits', () => {
    expect(logTimestamp({ ms: Date.UTC(2026, 0, 1, 10, 4, 9, 500), sub: 0 })).toBe('2026-01-01T10:04:09.500000000Z')
  })

  it('rotates at 10 MiB keeping the newest lines', () => {
    const log = new ContainerLog(() => 0)
    const line = 'x'.repeat(1000)
    for (let i = 0; i < 11_000; i++) log.write('stdout', `${i} ${line}\n`)
    const cost = (i: number) => `${i} ${line}`.length + 41
    let kept = 0
    let i = 10_999
    while (kept + cost(i) <= LOG_MAX_BYTES) kept += cost(i--)
    expect([log.entries[0].text.split(' ')[0], log.entries.length]).toEqual([String(i + 1), 10_999 - i])
  })

  it('a container that never stops writing short lines keeps the newest 10 MiB, in linear time', () => {
    // 600,000 'y' lines (yes in a container): dropping one line per new line from the
    // front of the array took minutes; the rotation must cost O(1) per line.
    const log = new ContainerLog(() => 0)
    const block = 'y\n'.repeat(2048)
    const started = performance.now()
    for (let i = 0; i < 300; i++) log.write('stdout', block)
    const kept = Math.floor(LOG_MAX_BYTES / (1 + 41))
    expect(log.entries.length).toBe(kept)
    expect(log.entries.every((e) => e.text === 'y')).toBe(true)
    log.write('stdout', 'last\n')
    expect([log.entries.length, log.entries.at(-1)?.text, log.entries.at(-2)?.text]).toEqual([kept, 'last', 'y'])
    expect(performance.now() - started).toBeLessThan(10_000)
  })

  it('follow streams new lines and ends when the instance exits', () => {
    const log = new ContainerLog(() => 0)
    const seen: string[] = []
    log.follow((e) => seen.push(e.text), () => seen.push('<end>'))
    log.write('stdout', 'a\nb\n')
    log.close()
    log.write('stdout', 'late\n')
    expect(seen).toEqual(['a', 'b', '<end>'])
  })
})
