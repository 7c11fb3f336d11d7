// "Next event" steps to the next change the student can see, not to the next internal
// event (a controller's requeue, a timer a fraction of a second away), and says what it
// was: a Pod, Job or CronJob created, deleted, scheduled, or with a new STATUS as
// `kubectl get` prints it (kubectl printers: pod-status.ts, rows.ts jobStatus).
import type { Job, KObject, Pod } from '../engine/api/types.ts'
import type { WatchEvent } from '../engine/api/store.ts'
import { podCells } from '../kubectl/printers/pod-status.ts'
import { jobCompletions, jobStatus } from '../kubectl/printers/rows.ts'
import type { StepChange } from './protocol.ts'

function podView(p: Pod, now: number): string {
  return podCells(p, now).status
}

/** What a watch event changed that `kubectl get` shows, or null if nothing. */
export function describeChange(e: WatchEvent<KObject>, now: number): StepChange | null {
  const kind = e.object.kind
  if (kind !== 'Pod' && kind !== 'Job' && kind !== 'CronJob') return null
  const name = e.object.metadata.name
  if (e.type === 'ADDED') return { kind, name, verb: 'created' }
  if (e.type === 'DELETED') return { kind, name, verb: 'deleted' }
  if (!e.old) return null
  if (kind === 'Pod') {
    const [p, o] = [e.object as Pod, e.old as Pod]
    const status = podView(p, now)
    if (status !== podView(o, now)) return { kind, name, verb: 'status', detail: status }
    if (p.spec.nodeName && p.spec.nodeName !== o.spec.nodeName) return { kind, name, verb: 'scheduled', detail: p.spec.nodeName }
    return null
  }
  if (kind === 'Job') {
    const [j, o] = [e.object as Job, e.old as Job]
    const status = jobStatus(j)
    if (status !== jobStatus(o)) return { kind, name, verb: 'status', detail: status }
    const done = jobCompletions(j)
    if (done !== jobCompletions(o)) return { kind, name, verb: 'completions', detail: done }
    return null
  }
  return null
}

/**
 * A step looks this far ahead at most (virtual ms; the longest jump button) and runs at
 * most this many events: where nothing visible happens for longer (node heartbeats and
 * controller resyncs go on for ever), it stops at the last event before and says so.
 */
const STEP_MAX_MS = 24 * 3_600_000
const STEP_MAX_EVENTS = 20_000
const SHOWN = 3

export interface Stepper {
  kernel: { now(): number; nextEventTime(): number; step(): boolean }
  store: { watch(fn: (e: WatchEvent<KObject>) => void): () => void }
  /** Characters of terminal output so far: a command printing is a visible change too. */
  output(): number
}

/**
 * Run events until one changes something visible (or prints to the terminal), then the
 * rest of that same instant, so the lab is shown as it stands at that moment.
 */
export function stepToChange(s: Stepper): { from: number; at: number; changes: StepChange[]; more: number; idle: boolean } {
  const { kernel } = s
  const from = kernel.now()
  const changes: StepChange[] = []
  const off = s.store.watch((e) => {
    const c = describeChange(e, kernel.now())
    if (c) changes.push(c)
  })
  const printed = s.output()
  let n = 0
  let idle = false
  try {
    while (!changes.length && s.output() === printed && n++ < STEP_MAX_EVENTS && kernel.nextEventTime() <= from + STEP_MAX_MS) {
      if (!kernel.step()) {
        idle = true
        break
      }
    }
    const at = kernel.now()
    while (kernel.nextEventTime() <= at && n++ < STEP_MAX_EVENTS) kernel.step()
  } finally {
    off()
  }
  return { from, at: kernel.now(), changes: changes.slice(0, SHOWN), more: Math.max(0, changes.length - SHOWN), idle }
}
