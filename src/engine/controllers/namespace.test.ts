// Namespace deletion end to end: Terminating at once, content deleted (background), the
// namespace gone when its last pod has finished its grace period; no new content meanwhile.
// After k8s pkg/controller/namespace/deletion/namespaced_resources_deleter_test.go and the
// namespace registry (pkg/registry/core/namespace/storage/storage.go).
import { describe, expect, it } from 'vitest'
import { StatusError } from '../api/errors.ts'
import type { KObject, Namespace } from '../api/types.ts'
import { Cluster } from '../cluster.ts'

const T0 = Date.UTC(2026, 0, 1)

function job(name: string, ns: string, command: string[]): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: ns },
    spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox:1.36', command }], restartPolicy: 'Never' } } },
  } as unknown as KObject
}

function setup(): Cluster {
  const c = new Cluster({ start: T0 })
  c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } } as unknown as KObject)
  c.api.create(job('long', 'lab', ['sleep', '1000']))
  c.api.create(job('short', 'lab', ['true']))
  c.runUntil(T0 + 5000)
  return c
}

describe('namespace deletion', () => {
  it('Terminating, then gone once the last pod is killed after its 30 s grace period', () => {
    const c = setup()
    const deleting = c.api.delete('Namespace', undefined, 'lab') as Namespace
    expect(deleting.status.phase).toBe('Terminating')
    expect(deleting.metadata.deletionTimestamp).toBe('2026-01-01T00:00:05Z')
    c.runUntil(T0 + 5100)
    expect(c.store.list('Job', 'lab')).toEqual([])
    expect(c.store.list('Pod', 'lab').map((p) => [p.metadata.name.replace(/-.*/, ''), !!p.metadata.deletionTimestamp])).toEqual([['long', true]])
    const conds = (c.store.get<Namespace>('Namespace', undefined, 'lab')!.status as { conditions: { type: string; status: string; message: string }[] }).conditions
    expect(conds.map((x) => `${x.type}=${x.status}: ${x.message}`)).toEqual([
      'NamespaceDeletionDiscoveryFailure=False: All resources successfully discovered',
      'NamespaceDeletionGroupVersionParsingFailure=False: All legacy kube types successfully parsed',
      'NamespaceDeletionContentFailure=False: All content successfully deleted, may be waiting on finalization',
      'NamespaceContentRemaining=True: Some resources are remaining: pods has 1 resource instances',
      'NamespaceFinalizersRemaining=False: All content-preserving finalizers finished',
    ])
    c.runUntil(T0 + 34_000)
    expect(c.store.get('Namespace', undefined, 'lab')).toBeDefined()
    c.runUntil(T0 + 37_000)
    expect(c.store.get('Namespace', undefined, 'lab')).toBeUndefined()
    expect(c.store.list('Pod', 'lab')).toEqual([])
    expect(c.store.list('Event', 'lab')).toEqual([])
  })

  it('refuses new content while terminating, as NamespaceLifecycle words it', () => {
    const c = setup()
    c.api.delete('Namespace', undefined, 'lab')
    let err: unknown
    try {
      c.api.create(job('late', 'lab', ['true']))
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(StatusError)
    expect((err as StatusError).message).toBe('jobs.batch "late" is forbidden: unable to create new content in namespace lab because it is being terminated')
  })

  it('an empty namespace goes at the first sync', () => {
    const c = new Cluster({ start: T0 })
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'empty' } } as unknown as KObject)
    c.api.delete('Namespace', undefined, 'empty')
    expect(c.store.get('Namespace', undefined, 'empty')).toBeDefined()
    c.runUntil(T0)
    expect(c.store.get('Namespace', undefined, 'empty')).toBeUndefined()
  })
})
