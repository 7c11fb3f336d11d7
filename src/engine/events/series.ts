// The events.k8s.io/v1 isomorphic-event cache (tools/events/event_broadcaster.go): the first occurrence
// is created, the second starts a series written at once, later ones are written by the 30-minute refresh
// and once more when the series ends (6 quiet minutes).
import type { Event } from '../api/types.ts'

export const SERIES_FINISH_MS = 6 * 60_000
export const SERIES_REFRESH_MS = 30 * 60_000

export interface SeriesEntry {
  namespace: string
  name: string
  /** The event as last written or to be written. */
  event: Event
  eventTime: number
  lastObserved?: number
}

/** The key of an isomorphic event: action, reason, reporter, regarding object and note (getKey). */
export function seriesKey(e: Event): string {
  const o = e.involvedObject
  // Array.join writes undefined as empty: so does `?? ''` here.
  return `${e.action ?? ''}\0${e.reason ?? ''}\0${e.reportingComponent ?? ''}\0${o.kind ?? ''}\0${o.namespace ?? ''}\0${o.name ?? ''}\0${o.uid ?? ''}\0${o.apiVersion ?? ''}\0${o.resourceVersion ?? ''}\0${o.fieldPath ?? ''}\0${e.message ?? ''}`
}

export class SeriesCache {
  readonly entries = new Map<string, SeriesEntry>()

  /**
   * Record one occurrence. Returns the event to write now (create when `created`),
   * or null when only the cache changed.
   */
  observe(e: Event, now: number, micro: (ms: number) => string): { event: Event; created: boolean } | null {
    const key = seriesKey(e)
    const cur = this.entries.get(key)
    if (!cur) {
      this.entries.set(key, { namespace: e.metadata.namespace ?? '', name: e.metadata.name, event: e, eventTime: now })
      return { event: e, created: true }
    }
    const count = cur.lastObserved === undefined ? 2 : (cur.event.series as { count: number }).count + 1
    cur.lastObserved = now
    cur.event = { ...cur.event, series: { count, lastObservedTime: micro(now) } }
    return count === 2 ? { event: cur.event, created: false } : null
  }

  /** finishSeries: ended series are written one last time; stale singletons are forgotten. */
  finish(now: number): SeriesEntry[] {
    const out: SeriesEntry[] = []
    for (const [k, en] of this.entries) {
      if (en.lastObserved !== undefined) {
        if (en.lastObserved < now - SERIES_FINISH_MS) {
          out.push(en)
          this.entries.delete(k)
        }
      } else if (en.eventTime < now - SERIES_FINISH_MS) this.entries.delete(k)
    }
    return out
  }

  /** refreshExistingEventSeries: every running series is written with its current count. */
  refresh(): SeriesEntry[] {
    return [...this.entries.values()].filter((en) => en.lastObserved !== undefined)
  }
}
