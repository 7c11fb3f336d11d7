// Differential property test: our robfig port against cron-parser (a test-only oracle) on
// random 5-field expressions where both agree; research §2.7 lists where they differ
// (DOW 7 and N/step, the star rule, L/#/H, descriptors, impossible dates, DST).
import { CronExpressionParser } from 'cron-parser'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ZERO_TIME } from './civil.ts'
import { parseStandard } from './parser.ts'
import { loadLocation } from './zone.ts'

const MONTH_NAMES = ['jan', 'FEB', 'Mar', 'apr', 'MAY', 'jun', 'Jul', 'aug', 'SEP', 'oct', 'Nov', 'dec']
const DAY_NAMES = ['sun', 'MON', 'Tue', 'wed', 'THU', 'fri', 'Sat']

interface FieldSpec {
  min: number
  max: number
  names?: string[]
  /** Day fields: no `*` inside lists and no `*`/1 (the star rules differ), no N/step for DOW. */
  day?: 'dom' | 'dow'
}

function valueArb(f: FieldSpec): fc.Arbitrary<string> {
  const n = fc.integer({ min: f.min, max: f.max })
  if (!f.names) return n.map(String)
  return fc.tuple(n, fc.boolean()).map(([v, named]) => (named ? f.names![v - f.min] : String(v)))
}

function itemArb(f: FieldSpec): fc.Arbitrary<string> {
  const v = valueArb(f)
  const n = fc.integer({ min: f.min, max: f.max })
  const step = fc.integer({ min: f.day ? 2 : 1, max: f.max - f.min + 2 })
  const items = [
    v,
    fc.tuple(n, n).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    fc.tuple(n, n, step).map(([a, b, s]) => `${Math.min(a, b)}-${Math.max(a, b)}/${s}`),
    step.map((s) => `*/${s}`),
  ]
  if (f.day !== 'dow') items.push(fc.tuple(n, step).map(([a, s]) => `${a}/${s}`))
  return fc.oneof(...items)
}

/** The values one generated item stands for (cron-parser refuses lists that overlap). */
function expand(item: string, f: FieldSpec): number[] {
  const [range, stepText] = item.split('/')
  const step = stepText ? Number(stepText) : 1
  const names = f.names?.map((n) => n.toLowerCase())
  const num = (x: string): number => (names?.includes(x.toLowerCase()) ? names.indexOf(x.toLowerCase()) + f.min : Number(x))
  const [lo, hi] = range === '*' ? [f.min, f.max] : range.includes('-') ? range.split('-').map(num) : [num(range), stepText ? f.max : num(range)]
  const out: number[] = []
  for (let v = lo; v <= hi; v += step) out.push(v)
  return out
}

function disjoint(items: string[], f: FieldSpec): boolean {
  const seen = new Set<number>()
  for (const v of items.flatMap((i) => expand(i, f))) {
    if (seen.has(v)) return false
    seen.add(v)
  }
  return true
}

function fieldArb(f: FieldSpec): fc.Arbitrary<string> {
  const list = fc
    .array(itemArb(f), { minLength: 1, maxLength: 3 })
    .filter((xs) => disjoint(xs, f))
    .map((xs) => xs.join(','))
  return fc.oneof({ arbitrary: fc.constantFrom('*', '?'), weight: 2 }, { arbitrary: list, weight: 3 })
}

const exprArb = fc
  .tuple(
    fieldArb({ min: 0, max: 59 }),
    fieldArb({ min: 0, max: 23 }),
    fieldArb({ min: 1, max: 31, day: 'dom' }),
    fieldArb({ min: 1, max: 12, names: MONTH_NAMES }),
    fieldArb({ min: 0, max: 6, names: DAY_NAMES, day: 'dow' }),
  )
  .map((fs) => fs.join(' '))

/** Zones without DST, or a New York window with no transition in it. */
const ZONES: { tz: string; from: number; to: number }[] = [
  { tz: 'UTC', from: Date.UTC(2020, 0, 1), to: Date.UTC(2036, 0, 1) },
  { tz: 'Asia/Seoul', from: Date.UTC(2020, 0, 1), to: Date.UTC(2036, 0, 1) },
  { tz: 'Asia/Kolkata', from: Date.UTC(2020, 0, 1), to: Date.UTC(2036, 0, 1) },
  { tz: 'Asia/Kathmandu', from: Date.UTC(2020, 0, 1), to: Date.UTC(2036, 0, 1) },
  { tz: 'America/New_York', from: Date.UTC(2026, 2, 9), to: Date.UTC(2026, 10, 1) },
]

const N = 8

/** The next N times from cron-parser, or null when it refuses the expression. */
function oracle(expr: string, from: number, tz: string, to: number): number[] | null {
  let it
  try {
    it = CronExpressionParser.parse(expr, { currentDate: new Date(from), tz })
  } catch {
    return null
  }
  const out: number[] = []
  for (let i = 0; i < N; i++) {
    let t: number
    try {
      t = it.next().getTime()
    } catch {
      break
    }
    if (t >= to) break
    out.push(t)
  }
  return out
}

function ours(expr: string, from: number, tz: string, to: number): number[] {
  const s = parseStandard(`TZ=${tz} ${expr}`)
  const out: number[] = []
  for (let t = from, i = 0; i < N; i++) {
    t = s.next(t)
    if (t === ZERO_TIME || t >= to) break
    out.push(t)
  }
  return out
}

describe('differential: robfig port vs cron-parser on the subset where they agree', () => {
  it('gives the same next times for random expressions, zones and start times', () => {
    let compared = 0
    fc.assert(
      fc.property(exprArb, fc.integer({ min: 0, max: ZONES.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (expr, zi, pos) => {
        const z = ZONES[zi]
        const from = Math.floor(z.from + pos * (z.to - z.from - 90 * 86400_000))
        const want = oracle(expr, from, z.tz, z.to)
        if (want === null) return true
        compared++
        expect({ expr, tz: z.tz, from: new Date(from).toISOString(), times: ours(expr, from, z.tz, z.to).map((t) => new Date(t).toISOString()) }).toEqual({
          expr,
          tz: z.tz,
          from: new Date(from).toISOString(),
          times: want.map((t) => new Date(t).toISOString()),
        })
        return true
      }),
      { seed: 20260101, numRuns: 600 },
    )
    // Most generated expressions must reach the comparison, or the test proves little.
    expect(compared).toBeGreaterThan(400)
  })

  it.each([
    ['0 0 * * 7', 'day-of-week 7'],
    ['0 0 * * 1/2', 'day-of-week N/step'],
    ['0 0 */1 * 1', 'the star rule'],
    ['0 0 L * *', 'L'],
    ['0 0 31 2 *', 'impossible dates'],
  ])('still differs on %s (%s), so the generator must keep excluding it', (expr) => {
    const from = Date.UTC(2026, 0, 1)
    let ourTimes: number[] | string
    try {
      ourTimes = ours(expr, from, 'UTC', Date.UTC(2036, 0, 1)).slice(0, 3)
    } catch (e) {
      ourTimes = (e as Error).message
    }
    const theirs = oracle(expr, from, 'UTC', Date.UTC(2036, 0, 1))
    expect(theirs === null ? 'refused' : theirs.slice(0, 3)).not.toEqual(ourTimes)
  })
})
