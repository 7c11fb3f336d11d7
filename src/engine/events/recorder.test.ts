import { describe, expect, it } from 'vitest'
import { Store } from '../api/store.ts'
import type { Event, KObject } from '../api/types.ts'
import { Kernel } from '../kernel/kernel.ts'
import { nanosHex, StoreEventRecorder } from './recorder.ts'

const T0 = Date.UTC(2026, 0, 1)

function setup() {
  const kernel = new Kernel(T0, 1)
  const store = new Store(kernel)
  const rec = new StoreEventRecorder(kernel, store)
  const pod = store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { containers: [] }, status: { phase: 'Pending' } } as KObject)
  const events = () => store.list<Event>('Event').map((e) => ({ reason: e.reason, message: e.message, count: e.count, first: e.firstTimestamp, last: e.lastTimestamp }))
  return { kernel, store, rec, pod, events }
}

const kubelet = { component: 'kubelet', host: 'node01' }

describe('legacy recorder (client-go tools/record)', () => {
  it('TestEventCorrelator "event-matches-existing": identical events fold into one object with a count', () => {
    const { kernel, rec, pod, events, store } = setup()
    rec.event(pod, 'Normal', 'Pulled', 'Container image "busybox" already present on machine', kubelet)
    const name = store.list<Event>('Event')[0].metadata.name
    kernel.advance(10_000)
    rec.event(pod, 'Normal', 'Pulled', 'Container image "busybox" already present on machine', kubelet)
    expect(events()).toEqual([{ reason: 'Pulled', message: 'Container image "busybox" already present on machine', count: 2, first: '2026-01-01T00:00:00Z', last: '2026-01-01T00:00:10Z' }])
    expect(store.list<Event>('Event')[0].metadata.name).toBe(name)
  })

  it('keeps the object reference, field path, source and reporting fields', () => {
    const { rec, pod, store } = setup()
    rec.event(pod, 'Normal', 'Started', 'Started container c', kubelet, { fieldPath: 'spec.containers{c}' })
    const e = store.list<Event>('Event')[0]
    expect(e.involvedObject).toEqual({ kind: 'Pod', namespace: 'default', name: 'p', uid: pod.metadata.uid, apiVersion: 'v1', resourceVersion: pod.metadata.resourceVersion, fieldPath: 'spec.containers{c}' })
    expect([e.source, e.reportingComponent, e.reportingInstance, e.eventTime, e.type]).toEqual([{ component: 'kubelet', host: 'node01' }, 'kubelet', 'node01', null, 'Normal'])
    expect(e.metadata.name).toMatch(/^p\.[0-9a-f]+$/)
  })

  it('TestEventAggregatorByReasonFunc: the 10th distinct message in 10 minutes becomes a combined event', () => {
    const { kernel, rec, pod, events } = setup()
    for (let i = 1; i <= 11; i++) {
      rec.event(pod, 'Warning', 'Failed', `failure ${i}`, kubelet)
      kernel.advance(1000)
    }
    const all = events()
    expect(all.length).toBe(10)
    expect(all.slice(0, 9).map((e) => e.message)).toEqual(['failure 1', 'failure 2', 'failure 3', 'failure 4', 'failure 5', 'failure 6', 'failure 7', 'failure 8', 'failure 9'])
    expect(all[9]).toEqual({ reason: 'Failed', message: '(combined from similar events): failure 11', count: 2, first: '2026-01-01T00:00:09Z', last: '2026-01-01T00:00:10Z' })
  })

  it('similar messages spread over more than 10 minutes are not combined', () => {
    const { kernel, rec, pod, events } = setup()
    for (let i = 1; i <= 12; i++) {
      rec.event(pod, 'Warning', 'Failed', `failure ${i}`, kubelet)
      kernel.advance(601_000)
    }
    expect(events().every((e) => !e.message.startsWith('(combined'))).toBe(true)
  })

  it('TestEventSourceObjectSpamFilter: 25 events per source and object, then one per 5 minutes', () => {
    const { kernel, rec, pod, events } = setup()
    for (let i = 0; i < 30; i++) rec.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', kubelet)
    expect(events()[0].count).toBe(25)
    kernel.advance(299_000)
    rec.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', kubelet)
    expect(events()[0].count).toBe(25)
    kernel.advance(1_000)
    rec.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', kubelet)
    // The logger counted the dropped occurrences too, so the count jumps.
    expect(events()[0]).toEqual({ reason: 'BackOff', message: 'Back-off restarting failed container', count: 32, first: '2026-01-01T00:00:00Z', last: '2026-01-01T00:05:00Z' })
  })

  it('another source is not throttled by the first one', () => {
    const { rec, pod, events } = setup()
    for (let i = 0; i < 26; i++) rec.event(pod, 'Normal', 'X', 'x', kubelet)
    rec.event(pod, 'Normal', 'X', 'x', { component: 'job-controller' })
    expect(events().map((e) => e.count)).toEqual([25, 1])
  })

  it('--event-ttl=1h: an event goes one hour after its last write, and a repeat recreates it', () => {
    const { kernel, rec, pod, store, events } = setup()
    rec.event(pod, 'Normal', 'Pulled', 'm', kubelet)
    kernel.advance(30 * 60_000)
    rec.event(pod, 'Normal', 'Pulled', 'm', kubelet)
    kernel.advance(60 * 60_000 - 1)
    expect(store.count('Event')).toBe(1)
    kernel.advance(1)
    expect(store.count('Event')).toBe(0)
    rec.event(pod, 'Normal', 'Pulled', 'm', kubelet)
    expect(events()).toEqual([{ reason: 'Pulled', message: 'm', count: 3, first: '2026-01-01T00:00:00Z', last: '2026-01-01T01:30:00Z' }])
  })
})

describe('events.k8s.io/v1 recorder (client-go tools/events)', () => {
  const sched = { controller: 'default-scheduler', instance: 'default-scheduler-controlplane' }
  const v1 = (store: Store) =>
    store.list<Event>('Event').map((e) => ({ eventTime: e.eventTime, series: e.series, count: e.count, first: e.firstTimestamp, action: e.action, source: e.source, rc: e.reportingComponent, ri: e.reportingInstance }))

  it('creates an event with eventTime and action and without count or timestamps', () => {
    const { rec, pod, store } = setup()
    rec.eventV1(pod, 'Normal', 'Scheduled', 'Binding', 'Successfully assigned default/p to node01', sched)
    expect(v1(store)).toEqual([{ eventTime: expect.stringMatching(/^2026-01-01T00:00:00\.000\d{3}Z$/), series: undefined, count: undefined, first: null, action: 'Binding', source: {}, rc: 'default-scheduler', ri: 'default-scheduler-controlplane' }])
  })

  it('a repeat starts a series at once; later repeats are written by the 30-minute refresh', () => {
    const { kernel, rec, pod, store } = setup()
    const fail = () => rec.eventV1(pod, 'Warning', 'FailedScheduling', 'Scheduling', '0/3 nodes are available', sched)
    fail()
    kernel.advance(60_000)
    fail()
    const seriesOf = () => store.list<Event>('Event').map((e) => e.series as { count: number; lastObservedTime: string } | undefined)
    expect(seriesOf()).toEqual([{ count: 2, lastObservedTime: expect.stringMatching(/^2026-01-01T00:01:00\.000\d{3}Z$/) }])
    for (let i = 0; i < 7; i++) {
      kernel.advance(4 * 60_000)
      fail()
    }
    kernel.runUntil(T0 + 30 * 60_000 - 1)
    expect(seriesOf()[0]!.count).toBe(2)
    kernel.runUntil(T0 + 30 * 60_000)
    expect(seriesOf()[0]!.count).toBe(9)
    expect(store.count('Event')).toBe(1)
  })

  it('a series ends after 6 quiet minutes with a last write; the next occurrence is a new event', () => {
    const { kernel, rec, pod, store } = setup()
    const fail = () => rec.eventV1(pod, 'Warning', 'FailedScheduling', 'Scheduling', 'no', sched)
    fail()
    fail()
    fail()
    kernel.advance(13 * 60_000)
    expect(store.list<Event>('Event').map((e) => (e.series as { count: number }).count)).toEqual([3])
    fail()
    expect(store.count('Event')).toBe(2)
  })
})

describe('event names (client-go: <object>.<unix nanoseconds in hex>)', () => {
  it('nanosHex is ms·10⁶ + ns in hexadecimal, as big-integer arithmetic gives it', () => {
    const cases: [number, number][] = [
      [0, 0],
      [0, 1],
      [1, 999_999],
      [T0, 0],
      [T0, 123_456],
      [2 ** 32 - 1, 999_999],
      [2 ** 32, 0],
      [Date.UTC(2262, 0, 1), 999_999],
      [2 ** 53 - 1, 999_999],
    ]
    let x = 12345
    for (let i = 0; i < 2000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0
      cases.push([T0 + x * 997, x % 1_000_000])
    }
    for (const [ms, sub] of cases) expect(nanosHex(ms, sub)).toBe((BigInt(ms) * 1_000_000n + BigInt(sub)).toString(16))
  })

  it('names of one object at the same millisecond strictly increase', () => {
    const { rec, pod, store } = setup()
    for (let i = 0; i < 50; i++) rec.event(pod, 'Normal', 'R', `m${i}`, { component: `c${i}` })
    const nanos = store.list<Event>('Event').map((e) => BigInt('0x' + e.metadata.name.slice(2)))
    expect(nanos.length).toBe(50)
    for (let i = 1; i < nanos.length; i++) expect(nanos[i] > nanos[i - 1]).toBe(true)
    expect(nanos.every((n) => n / 1_000_000n === BigInt(T0))).toBe(true)
  })

  it('an event recorded between two milliseconds (after a paced seq or yes) is named from the whole millisecond', () => {
    const { kernel, rec, pod, store } = setup()
    kernel.advance(0.05)
    rec.event(pod, 'Normal', 'Created', 'Created container: c', kubelet)
    const [ev] = store.list<Event>('Event')
    expect(BigInt('0x' + ev.metadata.name.slice(2)) / 1_000_000n).toBe(BigInt(T0))
    expect(ev.firstTimestamp).toBe('2026-01-01T00:00:00Z')
  })
})
