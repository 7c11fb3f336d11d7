// Events as API objects: the legacy recorder (tools/record: counting, aggregation, spam filter) for
// controllers and kubelets, events.k8s.io/v1 (tools/events: eventTime, action, series) for the scheduler;
// the apiserver drops an event an hour after its last write (--event-ttl=1h).
import type { Kernel, Timer } from '../kernel/kernel.ts'
import { HOUR, rfc3339 } from '../kernel/time.ts'
import type { Rng } from '../kernel/rng.ts'
import type { Store } from '../api/store.ts'
import type { Event, KObject, ObjectReference } from '../api/types.ts'
import { EventCorrelator } from './correlator.ts'
import { SERIES_FINISH_MS, SeriesCache, type SeriesEntry } from './series.ts'

export const EVENT_TTL_MS = HOUR

export interface EventSource {
  component: string
  host?: string
}

export interface EventOptions {
  /** The part of the object the event is about, e.g. "spec.containers{main}". */
  fieldPath?: string
}

/** Who reports an events.k8s.io/v1 event, e.g. default-scheduler / default-scheduler-controlplane. */
export interface Reporter {
  controller: string
  instance: string
}

export interface EventRecorder {
  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, opts?: EventOptions): void
  /** events.k8s.io/v1 Eventf(regarding, related=nil, type, reason, action, note). */
  eventV1?(regarding: KObject, type: 'Normal' | 'Warning', reason: string, action: string, note: string, reporter: Reporter): void
}

export class StoreEventRecorder implements EventRecorder {
  private rng: Rng
  /** By component, then host: two lookups of the source's own strings, no key built per event. */
  private correlators = new Map<string, Map<string, EventCorrelator>>()
  private series = new SeriesCache()
  /** "namespace/name" → the event's expiry timer, which carries that key. */
  private expiries = new Map<string, Timer>()
  private readonly expire = (key: string): void => {
    this.expiries.delete(key)
    const slash = key.indexOf('/')
    this.store.remove('Event', key.slice(0, slash), key.slice(slash + 1))
  }
  private tick: Timer | null = null
  /** The last name's time: ms and the nanoseconds within that ms (0–999,999). */
  private lastMs = 0
  private lastSub = 0
  /** The broadcaster's tickers start with the component, i.e. with the cluster. */
  private tickOrigin: number

  constructor(
    private kernel: Kernel,
    private store: Store,
  ) {
    this.rng = kernel.rng.stream('events')
    this.tickOrigin = kernel.now()
  }

  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, opts: EventOptions = {}): void {
    const now = this.kernel.now()
    const stamp = rfc3339(now)
    const ev: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: this.eventName(obj.metadata.name), namespace: eventNamespace(obj), uid: '', resourceVersion: '', creationTimestamp: '' },
      involvedObject: reference(obj, opts.fieldPath),
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: stamp,
      lastTimestamp: stamp,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    }
    const c = this.correlator(source).correlate(ev, now, stamp)
    if (!c.skip) this.write(c.event)
  }

  eventV1(regarding: KObject, type: 'Normal' | 'Warning', reason: string, action: string, note: string, reporter: Reporter): void {
    const now = this.kernel.now()
    const ev = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: this.eventName(regarding.metadata.name), namespace: eventNamespace(regarding), uid: '', resourceVersion: '', creationTimestamp: '' },
      involvedObject: reference(regarding),
      reason,
      message: note,
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type,
      eventTime: this.micro(now),
      action,
      reportingComponent: reporter.controller,
      reportingInstance: reporter.instance,
    } as unknown as Event // events.k8s.io/v1 has no count: core/v1 shows it omitted
    const out = this.series.observe(ev, now, (ms) => this.micro(ms))
    if (out) this.write(out.event)
    this.armSeriesTick()
  }

  private correlator(source: EventSource): EventCorrelator {
    let byHost = this.correlators.get(source.component)
    if (!byHost) this.correlators.set(source.component, (byHost = new Map()))
    const host = source.host ?? ''
    let c = byHost.get(host)
    if (!c) byHost.set(host, (c = new EventCorrelator((n) => this.eventName(n))))
    return c
  }

  /** Create the event, or replace the stored one of that name (a patch, in client-go). */
  private write(ev: Event): void {
    const ns = ev.metadata.namespace ?? ''
    const name = ev.metadata.name
    const cur = this.store.get<Event>('Event', ns, name)
    if (cur) this.store.update({ ...ev, metadata: cur.metadata })
    else this.store.create(ev)
    this.expireLater(ns, name)
  }

  private expireLater(ns: string, name: string): void {
    const key = ns + '/' + name
    this.kernel.cancel(this.expiries.get(key))
    this.expiries.set(key, this.kernel.atWith(this.kernel.now() + EVENT_TTL_MS, this.expire, key))
  }

  /** Series housekeeping runs on the broadcaster's 6-minute ticker (30-minute refresh = every 5th tick). */
  private armSeriesTick(): void {
    if (this.tick || !this.series.entries.size) return
    const now = this.kernel.now()
    const n = Math.floor((now - this.tickOrigin) / SERIES_FINISH_MS) + 1
    this.tick = this.kernel.at(this.tickOrigin + n * SERIES_FINISH_MS, () => {
      this.tick = null
      if (n % 5 === 0) for (const en of this.series.refresh()) this.rewrite(en)
      for (const en of this.series.finish(this.kernel.now())) this.rewrite(en)
      this.armSeriesTick()
    })
  }

  private rewrite(en: SeriesEntry): void {
    this.write(en.event)
  }

  /** "<object>.<unix nanoseconds in hex>", as client-go names events; strictly increasing. */
  private eventName(objName: string): string {
    // Whole milliseconds: paced shell utilities (seq, yes …) leave the clock between two.
    let ms = Math.floor(this.kernel.now())
    let sub = this.rng.int(0, 999_999)
    // ms·10⁶ + sub ordered as the pair (ms, sub): sub stays below 10⁶.
    if (ms < this.lastMs || (ms === this.lastMs && sub <= this.lastSub)) {
      ms = this.lastMs
      sub = this.lastSub + 1
      if (sub === 1_000_000) {
        ms++
        sub = 0
      }
    }
    this.lastMs = ms
    this.lastSub = sub
    return `${objName}.${nanosHex(ms, sub)}`
  }

  /** metav1.MicroTime: RFC 3339 with microseconds. */
  private micro(ms: number): string {
    const us = String(this.rng.int(0, 999)).padStart(3, '0')
    return millisIso(ms) + us + 'Z'
  }
}

const TWO32 = 2 ** 32

/**
 * ms·10⁶ + sub in hexadecimal, in doubles (no BigInt on the hot path): the low 32 bits of
 * ms times 10⁶ plus sub stays below 2⁵³, and so does the high part.
 */
export function nanosHex(ms: number, sub: number): string {
  if (ms < 0 || !Number.isSafeInteger(ms)) return (BigInt(ms) * 1_000_000n + BigInt(sub)).toString(16)
  const hiMs = Math.floor(ms / TWO32)
  const x = (ms - hiMs * TWO32) * 1_000_000 + sub
  const carry = Math.floor(x / TWO32)
  const lo = x - carry * TWO32
  const hi = hiMs * 1_000_000 + carry
  return hi ? hi.toString(16) + lo.toString(16).padStart(8, '0') : lo.toString(16)
}

let isoMs = NaN
let isoText = ''

/** "2026-01-01T00:00:00.123", remembered for the last millisecond (many events share one). */
function millisIso(ms: number): string {
  if (ms !== isoMs) {
    isoText = new Date(ms).toISOString().slice(0, 23)
    isoMs = ms
  }
  return isoText
}

function eventNamespace(obj: KObject): string {
  return obj.metadata.namespace || 'default'
}

/** The object reference client-go builds (reference.GetReference), fields in Go struct order. */
function reference(obj: KObject, fieldPath?: string): ObjectReference & { fieldPath?: string } {
  const ref: ObjectReference & { fieldPath?: string } = { kind: obj.kind }
  if (obj.metadata.namespace) ref.namespace = obj.metadata.namespace
  ref.name = obj.metadata.name
  ref.uid = obj.metadata.uid
  ref.apiVersion = obj.apiVersion
  ref.resourceVersion = obj.metadata.resourceVersion
  if (fieldPath) ref.fieldPath = fieldPath
  return ref
}
