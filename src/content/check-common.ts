// What every lesson check predicate shares: the context it reads (history, the
// commands typed, live objects, volumes, logs), its outcome with a reason a hint is
// keyed by, and the count ranges ("10", "at least 2") with their wording in both languages.
import type { History } from '../engine/history/history.ts'
import type { Lang, Localized } from './types.ts'

export interface CheckContext {
  history: History
  now: number
  /** Commands the student ran in the terminal, in order. */
  commands: string[]
  /** Live objects, by kind (for "exists" and field checks). */
  get(kind: string, name: string, namespace?: string): Record<string, unknown> | undefined
  /** Every live object of a kind in a namespace (for checks that let the student choose names). */
  list(kind: string, namespace?: string): Record<string, unknown>[]
  /** Files of a PersistentVolumeClaim's volume (paths relative to it), or undefined when it has none. */
  volumeFiles(claim: string, namespace?: string): string[] | undefined
  /** The logs of a pod's first container. */
  logs(pod: string, namespace?: string): string
}

export interface CheckOutcome {
  passed: boolean
  /** Why it failed, for hint lookup: notFound, running, failed, tooFew, … */
  reason?: string
  message: Localized
}

/** An exact count, or bounds. */
export type Range = number | { atLeast?: number; atMost?: number }

export type Expect = Record<string, unknown>

export const ok = (en: string, ko: string): CheckOutcome => ({ passed: true, message: { en, ko } })
export const no = (reason: string, en: string, ko: string): CheckOutcome => ({ passed: false, reason, message: { en, ko } })

export function inRange(v: number, r: Range): boolean {
  if (typeof r === 'number') return v === r
  return (r.atLeast === undefined || v >= r.atLeast) && (r.atMost === undefined || v <= r.atMost)
}

export function rangeText(r: Range, lang: Lang): string {
  if (typeof r === 'number') return String(r)
  const parts = []
  if (r.atLeast !== undefined) parts.push(lang === 'ko' ? `${r.atLeast} 이상` : `at least ${r.atLeast}`)
  if (r.atMost !== undefined) parts.push(lang === 'ko' ? `${r.atMost} 이하` : `at most ${r.atMost}`)
  return parts.join(lang === 'ko' ? ', ' : ' and ')
}

/** A failure when `n` is outside `r`; the texts get "(expected …)" appended. */
export function outside(n: number, r: unknown, reason: string, en: string, ko: string): CheckOutcome | undefined {
  if (r === undefined || inRange(n, r as Range)) return undefined
  return no(reason, `${en} (expected ${rangeText(r as Range, 'en')}).`, `${ko} (기대: ${rangeText(r as Range, 'ko')}).`)
}

/** The first passing outcome, else the last one (the candidate the student most likely means). */
export function anyPasses(results: CheckOutcome[]): CheckOutcome {
  return results.find((r) => r.passed) ?? results[results.length - 1]
}

/** Most intervals [from, to) open at one moment. */
export function maxOverlap(intervals: [number, number][]): number {
  const edges: [number, number][] = intervals.flatMap(([a, b]): [number, number][] => [
    [a, 1],
    [b, -1],
  ])
  edges.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  let cur = 0
  let max = 0
  for (const [, d] of edges) max = Math.max(max, (cur += d))
  return max
}

/** "1 pod", "2 pods": a count with its English noun. */
export function count(n: number, singular: string, plural = singular + 's'): string {
  return `${n} ${n === 1 ? singular : plural}`
}

export function metaName(o: Record<string, unknown>): string {
  return ((o.metadata as { name?: string } | undefined)?.name ?? '') as string
}
