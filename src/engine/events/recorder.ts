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
  private correlators = new Map<string, EventCorrelator>()
  private series = new SeriesCache()
  private expiries = new Map<string, Timer>()
  private tick: Timer | null = null
  private lastNanos = 0n
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
    const key = source.component + '\u0000' + (source.host ?? '')
    let c = this.correlators.get(key)
    if (!c) this.correlators.set(key, (c = new EventCorrelator((n) => this.eventName(n))))
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
    this.expiries.set(
      key,
      this.kernel.after(EVENT_TTL_MS, () => {
        this.expiries.delete(key)
        this.store.remove('Event', ns, name)
      }),
    )
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
    let nanos = BigInt(this.kernel.now()) * 1_000_000n + BigInt(this.rng.int(0, 999_999))
    if (nanos <= this.lastNanos) nanos = this.lastNanos + 1n
    this.lastNanos = nanos
    return `${objName}.${nanos.toString(16)}`
  }

  /** metav1.MicroTime: RFC 3339 with microseconds. */
  private micro(ms: number): string {
    const us = String(this.rng.int(0, 999)).padStart(3, '0')
    return new Date(ms).toISOString().slice(0, 23) + us + 'Z'
  }
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
