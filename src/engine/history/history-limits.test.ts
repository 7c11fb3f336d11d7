// History's bounds: past its limit it drops the oldest lanes and Job records of
// deleted objects, never those of objects that still exist.
import { describe, expect, it } from 'vitest'
import { Store } from '../api/store.ts'
import type { KObject } from '../api/types.ts'
import { Kernel } from '../kernel/kernel.ts'
import { History } from './history.ts'

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { containers: [] }, status: { phase: 'Pending' } }) as unknown as KObject

describe('History limits', () => {
  const cases: { name: string; create: string[]; remove: string[]; then: string[]; want: string[] }[] = [
    { name: 'nothing deleted: every lane stays, past the limit', create: ['a', 'b', 'c'], remove: [], then: ['d'], want: ['a', 'b', 'c', 'd'] },
    { name: 'the oldest deleted lane goes first, only until within the limit', create: ['a', 'b', 'c'], remove: ['b', 'a'], then: ['d'], want: ['b', 'c', 'd'] },
    { name: 'a deleted lane behind live ones is found', create: ['a', 'b', 'c'], remove: ['c'], then: ['d'], want: ['a', 'b', 'd'] },
    { name: 'deleted lanes wait until the limit is passed', create: ['a', 'b'], remove: ['a'], then: ['c'], want: ['a', 'b', 'c'] },
    { name: 'trimmed once, counted again after', create: ['a', 'b', 'c'], remove: ['a', 'b'], then: ['d', 'e', 'f'], want: ['c', 'd', 'e', 'f'] },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const store = new Store(new Kernel(0, 1))
      const h = new History(new Kernel(0, 1), store, { pods: 3 })
      for (const n of c.create) store.create(pod(n))
      for (const n of c.remove) store.remove('Pod', 'default', n)
      for (const n of c.then) store.create(pod(n))
      expect([...h.pods.values()].map((l) => l.name)).toEqual(c.want)
    })
  }
})
