// Events as API objects, recorded the way client-go's legacy recorder does
// (k8s.io/client-go/tools/record/event.go, events_cache.go): identical events
// are folded into one object whose count and lastTimestamp grow. The apiserver
// drops events an hour after their last write (--event-ttl=1h).
import type { Kernel, Timer } from '../kernel/kernel.ts'
import { HOUR, rfc3339 } from '../kernel/time.ts'
import type { Rng } from '../kernel/rng.ts'
import type { Store } from '../api/store.ts'
import type { Event, KObject } from '../api/types.ts'

export const EVENT_TTL_MS = HOUR

export interface EventSource {
  component: string
  host?: string
}

export interface EventRecorder {
  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource): void
}

interface Folded {
  key: string
  name: string
  namespace: string
  expiry: Timer | null
}

export class StoreEventRecorder implements EventRecorder {
  private folded = new Map<string, Folded>()
  private rng: Rng

  constructor(
    private kernel: Kernel,
    private store: Store,
  ) {
    this.rng = kernel.rng.stream('events')
  }

  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource): void {
    const ns = obj.metadata.namespace || 'default'
    const key = [source.component, source.host ?? '', obj.kind, ns, obj.metadata.name, obj.metadata.uid, type, reason, message].join('\u0000')
    const now = rfc3339(this.kernel.now())
    const prev = this.folded.get(key)
    const existing = prev && this.store.get<Event>('Event', prev.namespace, prev.name)
    if (prev && existing) {
      const next = { ...existing, count: existing.count + 1, lastTimestamp: now }
      this.store.update(next)
      this.expireLater(prev)
      return
    }
    const ev: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: this.eventName(obj.metadata.name), namespace: ns, uid: '', resourceVersion: '', creationTimestamp: '' },
      involvedObject: {
        kind: obj.kind,
        namespace: ns,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        apiVersion: obj.apiVersion,
        resourceVersion: obj.metadata.resourceVersion,
      },
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    }
    const stored = this.store.create(ev)
    const f: Folded = { key, name: stored.metadata.name, namespace: ns, expiry: null }
    this.folded.set(key, f)
    this.expireLater(f)
  }

  /** "<object>.<unix nanoseconds in hex>", as client-go names events. */
  private eventName(objName: string): string {
    const nanos = BigInt(this.kernel.now()) * 1_000_000n + BigInt(this.rng.int(0, 999_999))
    return `${objName}.${nanos.toString(16)}`
  }

  private expireLater(f: Folded): void {
    this.kernel.cancel(f.expiry)
    f.expiry = this.kernel.after(EVENT_TTL_MS, () => {
      this.store.remove('Event', f.namespace, f.name)
      this.folded.delete(f.key)
    })
  }
}
