// metadata.generation as the apiserver keeps it: 1 on create for generational kinds (pods too
// since 1.33, KEP-5067), +1 on a spec change, +1 when deletion first sets deletionTimestamp
// (k8s.io/apiserver rest.BeforeDelete for graceful deletes, store.go markAsDeleting for finalizers).
import { describe, expect, it } from 'vitest'
import { apiForTest, job, pod } from '../admission/testkit.ts'
import type { KObject, Pod } from './types.ts'

describe('metadata.generation', () => {
  it('a pod starts at 1; a spec change bumps it, a label change does not', () => {
    const { api } = apiForTest()
    const p = api.create(pod() as unknown as KObject) as Pod
    expect(p.metadata.generation).toBe(1)
    const relabelled = api.update({ ...p, metadata: { ...p.metadata, labels: { a: 'b' } } })
    expect(relabelled.metadata.generation).toBe(1)
    const changed = api.update({ ...relabelled, spec: { ...relabelled.spec, activeDeadlineSeconds: 30 } })
    expect(changed.metadata.generation).toBe(2)
  })

  it('a graceful pod delete bumps it once; a second, shorter delete does not', () => {
    const { api, store } = apiForTest()
    const p = api.create(pod() as unknown as KObject) as Pod
    store.update({ ...p, spec: { ...p.spec, nodeName: 'node01' } })
    expect(api.delete('Pod', 'default', 'p').metadata.generation).toBe(2)
    expect(api.delete('Pod', 'default', 'p', { gracePeriodSeconds: 1 }).metadata.generation).toBe(2)
  })

  const POLICIES = [
    ['Foreground', 2],
    ['Orphan', 2],
  ] as const
  for (const [policy, want] of POLICIES) {
    it(`a Job deleted with ${policy} propagation gets generation ${want} with its finalizer`, () => {
      const { api } = apiForTest()
      api.create(job() as unknown as KObject)
      const deleting = api.delete('Job', 'default', 'pi', { propagationPolicy: policy })
      expect(deleting.metadata.generation).toBe(want)
      expect(deleting.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z')
    })
  }

  it('kinds without a generation never get one (claims, namespaces)', () => {
    const { api } = apiForTest()
    const claim = api.create({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c', namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    } as unknown as KObject)
    expect(claim.metadata.generation).toBeUndefined()
    expect(api.delete('PersistentVolumeClaim', 'default', 'c').metadata.generation).toBeUndefined()
  })
})

describe('an update that changes nothing', () => {
  it('is not written: same resourceVersion, no watch event (etcd3 GuaranteedUpdate)', () => {
    const { api, store } = apiForTest()
    const p = api.create(pod() as unknown as KObject) as Pod
    const seen: string[] = []
    store.watch((e) => seen.push(e.type))
    // Defaulting fills the dropped field back in, so the stored bytes would be the same.
    const same = api.update({ ...p, spec: { ...p.spec, restartPolicy: undefined } } as unknown as KObject)
    expect(same.metadata.resourceVersion).toBe(p.metadata.resourceVersion)
    expect(seen).toEqual([])
    const relabelled = api.update({ ...p, metadata: { ...p.metadata, labels: { a: 'b' } } })
    expect(relabelled.metadata.resourceVersion).not.toBe(p.metadata.resourceVersion)
    expect(seen).toEqual(['MODIFIED'])
  })
})
