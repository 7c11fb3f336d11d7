// What every describer shares: multi-line labels and annotations, tolerations, and the events table
// with "(xN over M)". Upstream: kubectl pkg/describe/describe.go (printLabelsMultiline,
// printAnnotationsMultiline, printPodTolerationsMultiline, DescribeEvents), pkg/util/event.
import type { Event, KObject, Labels, Toleration } from '../../engine/api/types.ts'
import { parseTime } from '../../engine/kernel/time.ts'
import { goSort } from '../gosort.ts'
import { LEVEL_0, LEVEL_1, type DescribeWriter } from './writer.ts'

export function printLabelsMultiline(w: DescribeWriter, title: string, labels: Labels | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  const keys = Object.keys(labels ?? {}).sort()
  if (!keys.length) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((k, i) => {
    if (i) w.write(LEVEL_0, initialIndent + innerIndent)
    w.write(LEVEL_0, `${k}=${labels![k]}\n`)
  })
}

const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])
const MAX_ANNOTATION_LEN = 140

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + '...' : s
}

/** Annotations sorted by key; long or multi-line values on their own lines, cut at 138 bytes. */
export function printAnnotationsMultiline(w: DescribeWriter, title: string, annotations: Labels | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort()
  if (!keys.length) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((k, i) => {
    if (i) w.write(LEVEL_0, '\t')
    const value = annotations![k].replace(/\n$/, '')
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${k}:\n`)
      for (const s of value.split('\n')) w.write(LEVEL_0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`)
    } else w.write(LEVEL_0, `${k}: ${value}\n`)
  })
}

export function printTolerationsMultiline(w: DescribeWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  const list = [...(tolerations ?? [])]
  if (!list.length) {
    w.writeLine('<none>')
    return
  }
  const sorted = goSort(list, (a, b) => (a.key ?? '') < (b.key ?? ''))
  sorted.forEach((t, i) => {
    if (i) w.write(LEVEL_0, initialIndent + innerIndent)
    let s = t.key ?? ''
    if (t.value) s += '=' + t.value
    if (t.effect) s += ':' + t.effect
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`
    w.write(LEVEL_0, s + '\n')
  })
}

/** "Kind/name" of the controlling owner, or ''. */
export function controlledBy(obj: KObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller)
  return ref ? `${ref.kind}/${ref.name}` : ''
}

/** The events about an object, as describe's searchEvents finds them (involvedObject name, namespace, kind, uid). */
export function eventsFor(all: readonly Event[], obj: KObject, uid = obj.metadata.uid): Event[] {
  const ns = obj.metadata.namespace ?? ''
  return all.filter((e) => {
    const io = e.involvedObject
    return io.name === obj.metadata.name && (io.namespace ?? '') === ns && io.kind === obj.kind && (!uid || io.uid === uid)
  })
}

function lastTime(e: Event): number {
  return e.lastTimestamp ? parseTime(e.lastTimestamp) : -Infinity
}

export function describeEvents(w: DescribeWriter, events: readonly Event[]): void {
  if (!events.length) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  const sorted = goSort([...events], (a, b) => lastTime(a) < lastTime(b))
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted) {
    const first = e.eventTime ? w.since(e.eventTime) : w.since(e.firstTimestamp)
    const series = e.series as { lastObservedTime?: string; count?: number } | undefined
    let interval = first
    if (series) interval = `${w.since(series.lastObservedTime)} (x${series.count ?? 0} over ${first})`
    else if (e.count > 1) interval = `${w.since(e.lastTimestamp)} (x${e.count} over ${first})`
    const source = e.source?.component || e.reportingComponent || ''
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`)
  }
}
