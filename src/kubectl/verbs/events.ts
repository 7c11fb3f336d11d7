// kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [-A] [-w]: the events of a namespace,
// oldest first, OBJECT as Kind/name; with -w every event as it is recorded.
// Upstream: kubernetes/kubectl pkg/cmd/events/events.go and event_printer.go (v0.33).
import type { Event, KObject } from '../../engine/api/types.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { humanDuration } from '../duration.ts'
import { KubectlError } from '../errors.ts'
import { goSort } from '../gosort.ts'
import { resolveResource } from '../mapper.ts'
import { byKey } from '../resources.ts'
import { TabWriter } from '../tabwriter.ts'
import { goJsonIndentStruct } from '../printers/json.ts'
import { OUTPUT_FLAGS, printWritten } from '../write-util.ts'

export const eventsVerb: Verb = {
  name: 'events',
  short: 'List events',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'Events of every namespace.' },
    { name: 'for', type: 'string', usage: 'Only the events about one object, TYPE/NAME (e.g. job/countdown-job).' },
    { name: 'types', type: 'stringSlice', usage: 'Only these event types: Normal, Warning.' },
    { name: 'watch', short: 'w', type: 'bool', usage: 'After listing the events, print new ones as they come.' },
    { name: 'no-headers', type: 'bool', usage: 'No header line in the default output.' },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'List in chunks of this size (no effect in this lab).' },
    ...OUTPUT_FLAGS,
  ],
  help: {
    long: 'Display events.\n\n Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.',
    examples: ['# Events of the default namespace, oldest first', 'kubectl events', '', '# Only the warnings about one Job', 'kubectl events --for job/countdown-job --types=Warning'],
    usage: 'events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  },
  run: (ctx) => runEvents(ctx),
}

function since(ctx: KubectlContext, ts: string | null | undefined): string {
  return ts ? humanDuration(ctx.now() - Date.parse(ts)) : '<unknown>'
}

type EventWithSeries = Event & { series?: { count: number; lastObservedTime: string } }

/** getInterval: "<age>", or "<last> (xN over <first>)" for a series or a counted event. */
function interval(ctx: KubectlContext, e: EventWithSeries): string {
  const first = e.eventTime ? since(ctx, e.eventTime) : since(ctx, e.firstTimestamp)
  if (e.series) return `${since(ctx, e.series.lastObservedTime)} (x${e.series.count} over ${first})`
  if (e.count > 1) return `${since(ctx, e.lastTimestamp)} (x${e.count} over ${first})`
  return first
}

/** The time events are sorted by: a series' last sighting, else lastTimestamp, else eventTime. */
function eventTime(e: EventWithSeries): number {
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime
  return t ? Date.parse(t) : -Infinity
}

interface Filter {
  namespace?: string
  kind?: string
  apiVersion?: string
  name?: string
  types: string[]
}

function filterFor(ctx: KubectlContext): Filter {
  const types = [...new Set(ctx.flags.strings('types'))].sort()
  const f: Filter = { namespace: ctx.flags.bool('all-namespaces') ? undefined : ctx.namespace, types }
  const forObject = ctx.flags.string('for')
  if (forObject) {
    if (!forObject.includes('/')) throw new KubectlError('--for must be in resource/name form')
    const parts = forObject.split('/')
    if (parts.length !== 2) throw new KubectlError('arguments in resource/name form may not have more than one slash')
    const r = resolveResource(parts[0].toLowerCase())
    Object.assign(f, { kind: r.kind, apiVersion: r.group ? `${r.group}/${r.version}` : r.version, name: parts[1] })
  }
  // Validate comes after Complete has decoded --for (kubectl pkg/cmd/events/events.go), so a bad --for is reported first.
  for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new KubectlError('valid --types are Normal or Warning')
  return f
}

function matches(f: Filter, e: Event): boolean {
  if (f.namespace !== undefined && e.metadata.namespace !== f.namespace) return false
  if (f.name !== undefined && (e.involvedObject.kind !== f.kind || e.involvedObject.apiVersion !== f.apiVersion || e.involvedObject.name !== f.name)) return false
  return !f.types.length || f.types.some((t) => t.toLowerCase() === e.type.toLowerCase())
}

function row(ctx: KubectlContext, e: Event, all: boolean): string {
  const ns = all ? `${e.metadata.namespace ?? ''}\t` : ''
  return `${ns}${interval(ctx, e)}\t${e.type}\t${e.reason}\t${e.involvedObject.kind}/${e.involvedObject.name}\t${e.message.trim()}\n`
}

function header(all: boolean): string {
  return `${all ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`
}

function* runEvents(ctx: KubectlContext): Generator<Wait, number, void> {
  const f = filterFor(ctx)
  const all = ctx.flags.bool('all-namespaces')
  const output = ctx.flags.string('output')
  if (ctx.flags.bool('watch')) return yield* watchEvents(ctx, f, all, output)
  const events = goSort(
    ctx.store.list<Event>('Event').filter((e) => matches(f, e)).sort(byKey),
    (a, b) => eventTime(a) < eventTime(b),
  )
  if (!events.length) {
    ctx.err(all ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`)
    return 0
  }
  if (output) {
    printEventList(ctx, events, output)
    return 0
  }
  const w = new TabWriter({ minwidth: 6, padding: 3, rememberWidths: true })
  if (!ctx.flags.bool('no-headers')) w.write(header(all))
  for (const e of events) w.write(row(ctx, e, all))
  ctx.out(w.flush())
  return 0
}

/** runWatch: the watch's initial events for what exists, then each new or updated one; deletions are not shown. */
function* watchEvents(ctx: KubectlContext, f: Filter, all: boolean, output: string): Generator<Wait, number, void> {
  const w = new TabWriter({ minwidth: 6, padding: 3, rememberWidths: true })
  let printedHeader = ctx.flags.bool('no-headers')
  const pending: Event[] = ctx.store.list<Event>('Event').filter((e) => matches(f, e)).sort(byKey)
  const stop = ctx.store.watch((ev) => {
    if (ev.type === 'DELETED' || !matches(f, ev.object as Event)) return
    pending.push(ev.object as Event)
    ctx.host.wake()
  }, 'Event')
  try {
    for (;;) {
      for (const e of pending.splice(0)) {
        if (output === 'json') {
          ctx.out(goJsonIndentStruct(typedEvent(e)) + '\n')
          continue
        }
        if (output) {
          if (output !== 'name') printWritten(ctx, { ...e, apiVersion: 'v1', kind: 'Event' } as KObject, 'events', 'none')
          continue
        }
        if (!printedHeader) {
          w.write(header(all))
          printedHeader = true
        }
        w.write(row(ctx, e, all))
        ctx.out(w.flush())
      }
      yield { until: Infinity }
    }
  } finally {
    stop()
  }
}

/** A core/v1 Event as its Go struct marshals: field order and omitempty of k8s.io/api core/v1 types.go. */
function typedEvent(e: EventWithSeries): Record<string, unknown> {
  const m = e.metadata
  const io = e.involvedObject as Event['involvedObject'] & { fieldPath?: string }
  const omit = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '' && v !== 0))
  return {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: { ...omit({ name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion }), creationTimestamp: m.creationTimestamp || null },
    involvedObject: omit({ kind: io.kind, namespace: io.namespace, name: io.name, uid: io.uid, apiVersion: io.apiVersion, resourceVersion: io.resourceVersion, fieldPath: io.fieldPath }),
    ...omit({ reason: e.reason, message: e.message }),
    source: omit({ component: e.source?.component, host: e.source?.host }),
    firstTimestamp: e.firstTimestamp || null,
    lastTimestamp: e.lastTimestamp || null,
    ...omit({ count: e.count, type: e.type }),
    eventTime: e.eventTime || null,
    ...(e.series ? { series: { count: e.series.count, lastObservedTime: e.series.lastObservedTime } } : {}),
    ...omit({ action: e.action }),
    reportingComponent: e.reportingComponent ?? '',
    reportingInstance: e.reportingInstance ?? '',
  }
}

/** -o for the typed EventList: json in struct order, name prints nothing (the name printer refuses a typed list and events ignores the error), the rest as get prints. */
function printEventList(ctx: KubectlContext, events: readonly Event[], output: string): void {
  if (output === 'name') return
  if (output === 'json') {
    ctx.out(goJsonIndentStruct({ kind: 'EventList', apiVersion: 'v1', metadata: {}, items: events.map(typedEvent) }) + '\n')
    return
  }
  const list = { apiVersion: 'v1', items: events.map((e) => ({ ...e, apiVersion: 'v1', kind: 'Event' })), kind: 'EventList', metadata: {} } as unknown as KObject
  printWritten(ctx, list, 'events', 'none')
}
