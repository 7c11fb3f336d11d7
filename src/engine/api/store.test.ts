// The store's owner indexes: dependents() in the order of their last write (the
// garbage collector's order), controlled() in the order objects came under their
// controller (the Job controller's "oldest first"), both following updates and removals.
import { describe, expect, it } from 'vitest'
import { Kernel } from '../kernel/kernel.ts'
import { Store } from './store.ts'
import type { KObject, OwnerReference } from './types.ts'

function pod(name: string, refs?: OwnerReference[]): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: 'uid-' + name, resourceVersion: '', creationTimestamp: '', ...(refs ? { ownerReferences: refs } : {}) } } as KObject
}

const ctl = (uid: string): OwnerReference => ({ apiVersion: 'batch/v1', kind: 'Job', name: 'j', uid, controller: true, blockOwnerDeletion: true })
const plain = (uid: string): OwnerReference => ({ apiVersion: 'v1', kind: 'ConfigMap', name: 'c', uid })
const names = (objs: Iterable<KObject>) => [...objs].map((o) => o.metadata.name)

describe('Store owner indexes', () => {
  const cases: { name: string; steps: (s: Store) => void; dependents: string[]; controlled: string[]; other?: string[] }[] = [
    {
      name: 'creation order in both',
      steps: (s) => ['a', 'b', 'c'].forEach((n) => s.create(pod(n, [ctl('J')]))),
      dependents: ['a', 'b', 'c'],
      controlled: ['a', 'b', 'c'],
    },
    {
      name: 'an update moves the object to the end of dependents but keeps its place under its controller',
      steps: (s) => {
        ;['a', 'b', 'c'].forEach((n) => s.create(pod(n, [ctl('J')])))
        s.update(s.get('Pod', 'default', 'a')!)
      },
      dependents: ['b', 'c', 'a'],
      controlled: ['a', 'b', 'c'],
    },
    {
      name: 'a removed object leaves both',
      steps: (s) => {
        ;['a', 'b', 'c'].forEach((n) => s.create(pod(n, [ctl('J')])))
        s.remove('Pod', 'default', 'b')
      },
      dependents: ['a', 'c'],
      controlled: ['a', 'c'],
    },
    {
      name: 'losing the controller reference leaves controlled(), not dependents() of a plain owner',
      steps: (s) => {
        s.create(pod('a', [ctl('J'), plain('J')]))
        s.create(pod('b', [ctl('J')]))
        const a = s.get('Pod', 'default', 'a')!
        s.update({ ...a, metadata: { ...a.metadata, ownerReferences: [plain('J')] } })
      },
      dependents: ['b', 'a'],
      controlled: ['b'],
    },
    {
      name: 'a new controller appends the object to its own list',
      steps: (s) => {
        s.create(pod('a', [ctl('J')]))
        s.create(pod('b', [ctl('K')]))
        const a = s.get('Pod', 'default', 'a')!
        s.update({ ...a, metadata: { ...a.metadata, ownerReferences: [ctl('K')] } })
      },
      dependents: [],
      controlled: [],
      other: ['b', 'a'],
    },
    {
      name: 'a non-controller reference is not a controllee',
      steps: (s) => s.create(pod('a', [plain('J')])),
      dependents: ['a'],
      controlled: [],
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const s = new Store(new Kernel(0, 1))
      c.steps(s)
      expect(names(s.dependents('J'))).toEqual(c.dependents)
      expect(names(s.controlled('J'))).toEqual(c.controlled)
      expect(names(s.controlled('K'))).toEqual(c.other ?? [])
    })
  }
})

describe('Store order and watch delivery', () => {
  it('list keeps insertion order through updates; a re-created object goes last; get follows namespaces', () => {
    const s = new Store(new Kernel(0, 1))
    ;['a', 'b', 'c'].forEach((n) => s.create(pod(n)))
    s.update(s.get('Pod', 'default', 'a')!)
    s.remove('Pod', 'default', 'b')
    s.create(pod('b'))
    expect(names(s.list('Pod'))).toEqual(['a', 'c', 'b'])
    expect(s.get('Pod', 'default', 'a')!.metadata.resourceVersion).toBe('5')
    expect(s.get('Pod', 'other', 'a')).toBeUndefined()
    expect(s.get('Pod', undefined, 'a')).toBeUndefined()
    expect(s.count('Pod')).toBe(3)
  })

  it('an event goes to the watchers subscribed when it began: one added meanwhile waits for the next, one leaving still gets it', () => {
    const s = new Store(new Kernel(0, 1))
    const seen: string[] = []
    let stopLate: (() => void) | undefined
    const stopFirst = s.watch((e) => {
      seen.push('first ' + e.object.metadata.name)
      stopLate ??= s.watch((e2) => seen.push('late ' + e2.object.metadata.name), 'Pod')
      stopSecond()
    }, 'Pod')
    const stopSecond = s.watch((e) => seen.push('second ' + e.object.metadata.name), 'Pod')
    s.watch((e) => seen.push('all ' + e.object.metadata.name))
    s.create(pod('a'))
    s.create(pod('b'))
    stopFirst()
    stopLate!()
    s.create(pod('c'))
    expect(seen).toEqual(['first a', 'second a', 'all a', 'first b', 'late b', 'all b', 'all c'])
  })
})

describe('Store uids', () => {
  /** google/uuid's String() of a version 4 uuid from four 32-bit draws, written the plain way. */
  function reference(draws: number[]): string {
    const [a, b, c, d] = draws.map((n) => n.toString(16).padStart(8, '0'))
    const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16)
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`
  }

  it('are RFC 4122 version 4 uuids of the "uids" stream\'s next four draws', () => {
    const store = new Store(new Kernel(0, 7))
    const draws = new Kernel(0, 7).rng.stream('uids')
    for (let i = 0; i < 5000; i++) {
      const uid = store.newUid()
      expect(uid).toBe(reference([draws.u32(), draws.u32(), draws.u32(), draws.u32()]))
      expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
  })
})
