// BoundedLog keeps exactly what splicing the front of an array would keep.
import { describe, expect, it } from 'vitest'
import { BoundedLog } from './bounded-log.ts'

describe('BoundedLog', () => {
  const cases = [
    { limit: 1, pushes: 5 },
    { limit: 3, pushes: 2 },
    { limit: 3, pushes: 3 },
    { limit: 3, pushes: 4 },
    { limit: 3, pushes: 6 },
    { limit: 3, pushes: 7 },
    { limit: 4, pushes: 25 },
  ]
  for (const { limit, pushes } of cases) {
    it(`limit ${limit}, ${pushes} entries: the newest ${limit}, oldest first, after every push`, () => {
      const log = new BoundedLog<number>(limit)
      const spliced: number[] = []
      for (let i = 0; i < pushes; i++) {
        log.push(i)
        spliced.push(i)
        if (spliced.length > limit) spliced.splice(0, spliced.length - limit)
        expect(log.entries()).toEqual(spliced)
        expect(log.length).toBe(spliced.length)
      }
    })
  }

  it('hands out the same array until the next push', () => {
    const log = new BoundedLog<string>(2)
    for (const s of ['a', 'b', 'c']) log.push(s)
    const first = log.entries()
    expect(log.entries()).toBe(first)
    log.push('d')
    expect(log.entries()).toEqual(['c', 'd'])
    expect(first).toEqual(['b', 'c'])
  })
})
