// client-go's legacy event correlator (tools/record/events_cache.go): identical events counted, similar
// ones combined after 10 messages in 10 minutes, a token bucket per source+object (burst 25, 1 per 5 min).
import type { Event } from '../api/types.ts'

const CACHE_ENTRIES = 4096
const AGGREGATE_MAX_EVENTS = 10
const AGGREGATE_INTERVAL_MS = 600_000
const SPAM_BURST = 25
const SPAM_QPS = 1 / 300

/**
 * A bounded cache standing in for groupcache's LRU: two generations of maps, the
 * older dropped whole when the newer fills up. Entries in use are promoted, so what
 * is forgotten is what was not touched for a while, at a fraction of an LRU's cost.
 */
export class Lru<V> {
  private young = new Map<string, V>()
  private old = new Map<string, V>()
  constructor(private max = CACHE_ENTRIES) {}

  get(key: string): V | undefined {
    const v = this.young.get(key)
    if (v !== undefined) return v
    const o = this.old.get(key)
    if (o !== undefined) this.set(key, o)
    return o
  }

  set(key: string, v: V): void {
    if (!this.young.has(key) && this.young.size >= this.max) {
      this.old = this.young
      this.young = new Map()
    }
    this.young.set(key, v)
  }

  get size(): number {
    return this.young.size + this.old.size
  }
}

/** What the correlator decided for one event. */
export interface Correlated {
  /** The event to write: a new object, or the existing one's next state. */
  event: Event
  /** True when the spam filter dropped it: nothing is written. */
  skip: boolean
}

interface AggregateRecord {
  localKeys: Set<string>
  last: number
}

interface Observation {
  count: number
  firstTimestamp: string | null
  name: string
}

interface Bucket {
  tokens: number
  at: number
}

// The cache keys: fields joined by NUL (absent ones empty), built on the spam key, which every
// event needs. Only their equality matters (same fields, same key), not their text.

/** The spam filter's key: the source and the object, not the reason (getSpamKey). */
function spamKey(e: Event): string {
  const o = e.involvedObject
  return `${e.source.component ?? ''}\0${e.source.host ?? ''}\0${o.kind ?? ''}\0${o.namespace ?? ''}\0${o.name ?? ''}\0${o.uid ?? ''}\0${o.apiVersion ?? ''}`
}

/** The identity of an event: who says what about which object (events_cache.go getEventKey). */
export function eventKey(e: Event, spam = spamKey(e)): string {
  return `${spam}\0${e.involvedObject.fieldPath ?? ''}\0${e.type ?? ''}\0${e.reason ?? ''}\0${e.message ?? ''}`
}

function aggregateKey(e: Event, spam: string): string {
  return `${spam}\0${e.type ?? ''}\0${e.reason ?? ''}\0${e.reportingComponent ?? ''}\0${e.reportingInstance ?? ''}`
}

export class EventCorrelator {
  private aggregates = new Lru<AggregateRecord>()
  private observations = new Lru<Observation>()
  private buckets = new Lru<Bucket>()

  constructor(private newName: (objName: string) => string) {}

  correlate(input: Event, now: number, nowStamp: string): Correlated {
    const spam = spamKey(input)
    const { event, key } = this.aggregate(input, now, nowStamp, spam)
    const observed = this.observe(event, key)
    // The aggregate copy has the same source and object: the same spam key.
    return { event: observed, skip: !this.allow(spam, now) }
  }

  /** EventAggregate: the 10th distinct message in 10 minutes turns into a combined event. */
  private aggregate(e: Event, now: number, nowStamp: string, spam: string): { event: Event; key: string } {
    const aKey = aggregateKey(e, spam)
    let rec = this.aggregates.get(aKey)
    if (!rec || now - rec.last > AGGREGATE_INTERVAL_MS) rec = { localKeys: new Set(), last: now }
    rec.localKeys.add(e.message)
    rec.last = now
    this.aggregates.set(aKey, rec)
    if (rec.localKeys.size < AGGREGATE_MAX_EVENTS) return { event: e, key: eventKey(e, spam) }
    // Upstream pops an arbitrary member (Go map order); the oldest is our deterministic pick.
    rec.localKeys.delete(rec.localKeys.values().next().value as string)
    const combined: Event = {
      ...e,
      metadata: { ...e.metadata, name: this.newName(e.involvedObject.name ?? '') },
      message: '(combined from similar events): ' + e.message,
      firstTimestamp: nowStamp,
      lastTimestamp: nowStamp,
      count: 1,
      // The aggregate copy carries no reporting fields (EventAggregate builds it field by field).
      reportingComponent: '',
      reportingInstance: '',
    }
    return { event: combined, key: aKey }
  }

  /** eventObserve: a repeat keeps the first name and timestamp and counts one more. */
  private observe(e: Event, key: string): Event {
    const last = this.observations.get(key)
    let observed = e
    if (last && last.count > 0) {
      observed = { ...e, metadata: { ...e.metadata, name: last.name }, firstTimestamp: last.firstTimestamp, count: last.count + 1 }
    }
    this.observations.set(key, { count: observed.count ?? 1, firstTimestamp: observed.firstTimestamp, name: observed.metadata.name })
    return observed
  }

  /** Token bucket per source+object, full at first sight (flowcontrol.NewTokenBucketRateLimiter). */
  private allow(key: string, now: number): boolean {
    let b = this.buckets.get(key)
    if (!b) b = { tokens: SPAM_BURST, at: now }
    else {
      b.tokens = Math.min(SPAM_BURST, b.tokens + ((now - b.at) / 1000) * SPAM_QPS)
      b.at = now
    }
    const ok = b.tokens >= 1
    if (ok) b.tokens -= 1
    this.buckets.set(key, b)
    return ok
  }
}
