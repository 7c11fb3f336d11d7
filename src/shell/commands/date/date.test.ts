import { describe, expect, it } from 'vitest'
import { run, T0 } from '../test-helpers.ts'
import { date } from './date.ts'

type Row = [name: string, argv: string[], env: Record<string, string>, stdout: string, stderr: string, code: number]

describe('date', () => {
  const at = T0 + (13 * 3600 + 5 * 60 + 7) * 1000 + 250
  const rows: Row[] = [
    // The seed's cron hello and backup scripts print plain `date` and `date +%Y%m%d_%H%M%S`.
    ['busybox default format', ['date'], {}, 'Thu Jan  1 13:05:07 UTC 2026\n', '', 0],
    ['seed backup file name', ['date', '+%Y%m%d_%H%M%S'], {}, '20260101_130507\n', '', 0],
    ['-u', ['date', '-u', '+%H:%M %Z'], { TZ: 'KST-9' }, '13:05 UTC\n', '', 0],
    ['-R', ['date', '-R'], {}, 'Thu, 01 Jan 2026 13:05:07 +0000\n', '', 0],
    ['-I', ['date', '-I'], {}, '2026-01-01\n', '', 0],
    ['-Iseconds', ['date', '-Iseconds'], { TZ: 'KST-9' }, '2026-01-01T22:05:07+09:00\n', '', 0],
    ['-Ins has no nanoseconds in the image build', ['date', '-Ins'], {}, '2026-01-01T13:05:07,000000000+00:00\n', '', 0],
    ['%N is not supported by the image build', ['date', '+%s %N'], {}, '1767272707 %N\n', '', 0],
    ['-d @N', ['date', '-d', '@0'], {}, 'Thu Jan  1 00:00:00 UTC 1970\n', '', 0],
    ['-d date and time', ['date', '-d', '2026-03-05 14:30:09', '+%F %T %a'], {}, '2026-03-05 14:30:09 Thu\n', '', 0],
    ['-d time only is today', ['date', '-d', '09:15'], {}, 'Thu Jan  1 09:15:00 UTC 2026\n', '', 0],
    ['-d normalises like mktime', ['date', '-d', '2026-02-30', '+%F'], {}, '2026-03-02\n', '', 0],
    ['-d with an offset', ['date', '-d', '2026-01-01 10:00 +0900', '+%T %Z'], {}, '01:00:00 UTC\n', '', 0],
    ['invalid date', ['date', '-d', 'yesterday'], {}, '', "date: invalid date 'yesterday'\n", 1],
    ['setting the clock is not permitted', ['date', '01020304'], {}, 'Fri Jan  2 03:04:00 UTC 2026\n', "date: can't set date: Operation not permitted\n", 0],
    ['POSIX TZ string', ['date'], { TZ: 'KST-9' }, 'Thu Jan  1 22:05:07 KST 2026\n', '', 0],
    // No /usr/share/zoneinfo in the busybox image: glibc falls back to UTC under "Asia".
    ['IANA zone without zone files', ['date'], { TZ: 'Asia/Seoul' }, 'Thu Jan  1 13:05:07 Asia 2026\n', '', 0],
  ]
  for (const [name, argv, env, stdout, stderr, code] of rows)
    it(name, () => {
      const r = run(date, argv, { env, now: at })
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout, stderr, code })
    })

  it('IANA zones with zone files (the terminal, debian images) use tzdata abbreviations', () => {
    const kst = run(date, ['date'], { env: { TZ: 'Asia/Seoul' }, now: at, interactive: true })
    expect(kst.stdout).toBe('Thu Jan  1 22:05:07 KST 2026\n')
    const files = { '/usr/share/zoneinfo/': '' }
    const ny = run(date, ['date', '-d', '2026-07-04 12:00'], { env: { TZ: 'America/New_York' }, now: at, files })
    expect(ny.stdout).toBe('Sat Jul  4 12:00:00 EDT 2026\n')
  })

  it('-r reads a file mtime', () => {
    const r = run(date, ['date', '-r', '/etc', '+%s'], { now: at })
    expect(r.stdout).toBe(`${Math.floor(at / 1000)}\n`)
    expect(run(date, ['date', '-r', 'nope']).stderr).toBe("date: can't stat 'nope': No such file or directory\n")
  })
})
