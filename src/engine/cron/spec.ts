// robfig/cron v3.0.1 SpecSchedule and ConstantDelaySchedule (spec.go, constantdelay.go): the
// five-loop search on wall-clock fields in the schedule's zone (DST: skipped times skip the day,
// repeated hours fire twice), with runs of single steps jumped when no offset change is between.
import { Civil, HOUR_MS, MINUTE_MS, SECOND_MS, ZERO_TIME } from './civil.ts'
import { zoneDate, type Zone } from './zone.ts'

export interface Schedule {
  /** The next activation strictly after `t` (ms), at whole seconds; ZERO_TIME if none within 5 years. */
  next(t: number): number
}

/** One cron field: which values are allowed, and whether it was written as a star. */
export class CronField {
  readonly allowed: Uint8Array
  /** Smallest allowed value >= v, or `size` when there is none (for the jump search). */
  readonly nextFrom: Uint8Array

  constructor(
    allowed: Uint8Array,
    readonly star: boolean,
  ) {
    this.allowed = allowed
    const size = allowed.length
    this.nextFrom = new Uint8Array(size + 1)
    let nxt = size
    for (let v = size; v >= 0; v--) {
      if (v < size && allowed[v]) nxt = v
      this.nextFrom[v] = nxt
    }
  }

  /** The field as robfig's uint64 bit set, star bit (1<<63) included. */
  bits(): bigint {
    let b = this.star ? 1n << 63n : 0n
    this.allowed.forEach((on, v) => {
      if (on) b |= 1n << BigInt(v)
    })
    return b
  }
}

const MEMO = 4

export class SpecSchedule implements Schedule {
  private c = new Civil()
  private t = 0
  private memoIn = [NaN, NaN, NaN, NaN]
  private memoOut = [0, 0, 0, 0]
  private memoAt = 0

  constructor(
    readonly minute: CronField,
    readonly hour: CronField,
    readonly dom: CronField,
    readonly month: CronField,
    readonly dow: CronField,
    readonly zone: Zone,
  ) {}

  next(from: number): number {
    // Callers ask for the same times again and again (t1, t2 of one sync, then the next sync's).
    for (let i = 0; i < MEMO; i++) if (this.memoIn[i] === from) return this.memoOut[i]
    const out = this.search(from)
    this.memoIn[this.memoAt] = from
    this.memoOut[this.memoAt] = out
    this.memoAt = (this.memoAt + 1) % MEMO
    return out
  }

  private search(from: number): number {
    const z = this.zone
    const c = this.c
    // Start at the upcoming whole second.
    this.at(Math.floor(from / SECOND_MS) * SECOND_MS + SECOND_MS)
    let added = false
    const yearLimit = c.year + 5

    wrap: for (;;) {
      if (c.year > yearLimit) return ZERO_TIME

      while (!this.month.allowed[c.month]) {
        if (!added) {
          added = true
          this.at(zoneDate(z, c.year, c.month, 1, 0, 0, 0))
        }
        this.at(zoneDate(z, c.year, c.month + 1, c.day, c.hour, c.minute, c.second))
        if (c.month === 1) continue wrap
      }

      while (!this.dayMatches()) {
        if (!added) {
          added = true
          this.at(zoneDate(z, c.year, c.month, c.day, 0, 0, 0))
        }
        this.at(zoneDate(z, c.year, c.month, c.day + 1, c.hour, c.minute, c.second))
        // Where DST moved midnight, pull back to the day's start (robfig's ±hour fix).
        if (c.hour !== 0) this.at(this.t + (c.hour > 12 ? 24 - c.hour : -c.hour) * HOUR_MS)
        if (c.day === 1) continue wrap
      }

      while (!this.hour.allowed[c.hour]) {
        if (!added) {
          added = true
          this.at(zoneDate(z, c.year, c.month, c.day, c.hour, 0, 0))
        }
        this.at(this.jump((this.hour.nextFrom[c.hour + 1] - c.hour) * HOUR_MS, HOUR_MS))
        if (c.hour === 0) continue wrap
      }

      while (!this.minute.allowed[c.minute]) {
        if (!added) {
          added = true
          this.at(Math.floor(this.t / MINUTE_MS) * MINUTE_MS)
        }
        this.at(this.jump((this.minute.nextFrom[c.minute + 1] - c.minute) * MINUTE_MS, MINUTE_MS))
        if (c.minute === 0) continue wrap
      }

      // ParseStandard fixes the seconds field to 0.
      while (c.second !== 0) {
        if (!added) {
          added = true
          this.at(Math.floor(this.t / SECOND_MS) * SECOND_MS)
        }
        this.at(this.jump((60 - c.second) * SECOND_MS, SECOND_MS))
        if (c.second === 0) continue wrap
      }

      return this.t
    }
  }

  /** Move the search to instant `t` and read its wall clock. */
  private at(t: number): void {
    this.t = t
    this.c.setWall(t + this.zone.offsetAt(t))
  }

  /** Many single steps at once, unless the zone's offset changes on the way. */
  private jump(span: number, unit: number): number {
    const t = this.t
    return this.zone.changesIn(t, t + span) ? t + unit : t + span
  }

  /** robfig dayMatches: with a star in either day field both must match, else either. */
  private dayMatches(): boolean {
    const dom = this.dom.allowed[this.c.day] === 1
    const dow = this.dow.allowed[this.c.weekday] === 1
    return this.dom.star || this.dow.star ? dom && dow : dom || dow
  }
}

/** `@every <duration>`: relative to the previous time, not aligned to the clock. */
export class ConstantDelaySchedule implements Schedule {
  /** The delay in whole seconds, as ms (robfig rounds up to 1 s, truncates the rest). */
  readonly delay: number

  constructor(delayNs: bigint) {
    const ns = delayNs < 1_000_000_000n ? 1_000_000_000n : delayNs
    this.delay = Number(ns / 1_000_000_000n) * SECOND_MS
  }

  next(t: number): number {
    return Math.floor(t / SECOND_MS) * SECOND_MS + this.delay
  }
}
