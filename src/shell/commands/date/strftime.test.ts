// strftime and the zone rules against glibc itself: testdata/strftime.c prints
// localtime_r + strftime for a TZ, an instant and formats. Skipped without gcc.
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { strftime, toTm } from './strftime.ts'
import { zoneFor } from './tz.ts'

function oracle(): string | null {
  try {
    const out = join(mkdtempSync(join(tmpdir(), 'strftime-')), 'strftime')
    execFileSync('gcc', ['-O', '-o', out, join(import.meta.dirname, '../testdata/strftime.c')])
    return out
  } catch {
    return null
  }
}

const FORMATS = [
  '%a %A %b %B %h %c', '%C %d %D %e %F %g %G %H %I %j %k %l %m %M', '%n%t%p %P %r %R %s %S %T %u %U %V %w %W',
  '%x %X %y %Y %z %Z %%', '%Q|%N|%10Y|%_5d|%-d|%^a|%#a|%#Z|%-5m|%E|%Ey|%Od|%:z|%5%|%+', '%-_5d|%_-5d|%005d|%-0d|%^10b|%#p|%#P|%#b|%^#Z',
  '%_H:%-M:%0e|%-k|%-l|%_j|%3d|%-3j|%^B|%^p', '%5', '%',
]

const TIMES = [1767225600, 1767225600 + 13 * 3600 + 5 * 60 + 7, 1735603200, 1609459199, 1704067200 + 86400 * 200, 1230768000, 1451606399, 946684800, 1784073600]
const ZONES = ['UTC', 'Asia/Seoul', 'America/New_York', 'Europe/Berlin', 'Australia/Adelaide', 'Asia/Kolkata', 'Asia/Singapore', 'America/Sao_Paulo', 'Europe/Dublin', 'KST-9', 'EST5EDT', 'Foo', '<+0330>-3:30', 'AB', 'CET-1CEST,M3.5.0,M10.5.0/3']

const bin = oracle()

describe.skipIf(!bin)('strftime against glibc', () => {
  for (const tz of ZONES)
    it(tz, () => {
      const zone = zoneFor(tz, true)
      for (const t of TIMES) {
        const want = execFileSync(bin!, [tz, String(t), ...FORMATS], { encoding: 'utf8' })
        const tm = toTm(t * 1000, zone.at(t * 1000))
        expect(FORMATS.map((f) => strftime(f, tm) + '\n').join(''), `${tz} @${t}`).toBe(want)
      }
    })
})

describe('zones without tzdata (the busybox image has no /usr/share/zoneinfo)', () => {
  const rows: [string, string][] = [
    ['Asia/Seoul', '2026-01-01 00:00:00 Asia +0000'],
    ['KST-9', '2026-01-01 09:00:00 KST +0900'],
    ['UTC', '2026-01-01 00:00:00 UTC +0000'],
    ['Nope/Zone', '2026-01-01 00:00:00 Nope +0000'],
  ]
  for (const [tz, want] of rows)
    it(tz, () => {
      const t = 1767225600000
      expect(strftime('%Y-%m-%d %H:%M:%S %Z %z', toTm(t, zoneFor(tz, false).at(t)))).toBe(want)
    })
})
