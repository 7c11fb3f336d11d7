import { describe, expect, it } from 'vitest'
import { Kernel } from './kernel.ts'
import { createRng } from './rng.ts'
import { WorkQueue } from './workqueue.ts'

describe('kernel', () => {
  it('runs events in (time, sequence) order and moves the clock', () => {
    const k = new Kernel(1000, 1)
    const seen: string[] = []
    k.at(3000, () => seen.push(`c@${k.now()}`))
    k.at(2000, () => seen.push(`a@${k.now()}`))
    k.at(2000, () => seen.push(`b@${k.now()}`))
    k.runUntil(2500)
    expect(seen).toEqual(['a@2000', 'b@2000'])
    expect(k.now()).toBe(2500)
    k.advance(1000)
    expect(seen).toEqual(['a@2000', 'b@2000', 'c@3000'])
    expect(k.now()).toBe(3500)
  })

  it('never runs a cancelled event', () => {
    const k = new Kernel(0, 1)
    let ran = false
    const t = k.after(10, () => (ran = true))
    k.cancel(t)
    k.advance(100)
    expect(ran).toBe(false)
    expect(k.nextEventTime()).toBe(Infinity)
  })

  it('work queue keeps the earliest request for a key', () => {
    const k = new Kernel(0, 1)
    const calls: number[] = []
    const q = new WorkQueue(k, () => calls.push(k.now()))
    q.add('a', 5000)
    q.add('a', 1000)
    q.add('a', 9000)
    k.advance(10_000)
    expect(calls).toEqual([1000])
  })
})

describe('rng', () => {
  it('same seed, same numbers; streams are independent of each other', () => {
    const a = createRng(7), b = createRng(7)
    const xs = [a.stream('names').u32(), a.stream('uids').u32()]
    b.stream('uids').u32() // drawing from another stream first changes nothing
    const ys = [b.stream('names').u32(), createRng(7).stream('uids').u32()]
    expect(xs).toEqual(ys)
    expect(createRng(8).stream('names').u32()).not.toBe(xs[0])
  })

  it('int() stays in range', () => {
    const r = createRng(1)
    for (let i = 0; i < 1000; i++) {
      const v = r.int(3, 5)
      expect(v).toBeGreaterThanOrEqual(3)
      expect(v).toBeLessThanOrEqual(5)
    }
  })
})
