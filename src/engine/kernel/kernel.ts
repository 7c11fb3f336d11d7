// The discrete-event kernel: a virtual clock in milliseconds and the queue of
// everything that will happen. Nothing here reads the wall clock; the caller
// decides how far to advance (the CLI at once, the worker paced by speed).
import { EventQueue, type QueuedEvent } from './queue.ts'
import { createRng, type Rng } from './rng.ts'

export type Timer = QueuedEvent

export class Kernel {
  readonly queue = new EventQueue()
  readonly rng: Rng
  private clock: number
  /** Events run since creation; the benchmarks and the runaway guard read it. */
  eventsRun = 0

  constructor(start: number, seed: number | string) {
    this.clock = start
    this.rng = createRng(seed)
  }

  now(): number {
    return this.clock
  }

  /** Run `fn` at virtual time `at` (never earlier than now). */
  at(at: number, fn: () => void): Timer {
    return this.queue.push(Math.max(at, this.clock), fn, undefined)
  }

  /** Run `fn(arg)` at virtual time `at`: one shared `fn` for many timers, no closure each. */
  atWith<A>(at: number, fn: (arg: A) => void, arg: A): Timer {
    return this.queue.push(Math.max(at, this.clock), fn, arg)
  }

  /** Run `fn` after `ms` virtual milliseconds. */
  after(ms: number, fn: () => void): Timer {
    return this.queue.push(this.clock + Math.max(0, ms), fn, undefined)
  }

  cancel(t: Timer | undefined | null): void {
    if (t) this.queue.cancel(t)
  }

  /** Time of the next pending event, or Infinity. */
  nextEventTime(): number {
    return this.queue.peekTime()
  }

  /** Run one event; returns false when nothing is pending. */
  step(): boolean {
    const ev = this.queue.pop()
    if (!ev) return false
    if (ev.at > this.clock) this.clock = ev.at
    this.eventsRun++
    ev.run(ev.arg)
    return true
  }

  /**
   * Run every event due at or before `t`, then set the clock to `t`.
   * `maxEvents` bounds the work of one call so a caller (the worker) stays responsive;
   * returns false if it stopped early because of that bound.
   */
  runUntil(t: number, maxEvents = Infinity): boolean {
    let n = 0
    while (this.queue.peekTime() <= t) {
      if (n++ >= maxEvents) return false
      this.step()
    }
    if (t > this.clock && t !== Infinity) this.clock = t
    return true
  }

  /** Advance the clock by `ms`, running everything that happens meanwhile. */
  advance(ms: number): void {
    this.runUntil(this.clock + ms)
  }
}
