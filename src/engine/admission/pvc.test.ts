// Claims through admission: the DefaultStorageClass plugin, the pvc-protection finalizer
// (StorageObjectInUseProtection) and the claim strategy, which sets no generation
// (plugin/pkg/admission/storage/storageclass/setdefault/admission_test.go cases, persistentvolumeclaim/strategy.go).
import { describe, expect, it } from 'vitest'
import { apiForTest, tryCreate } from './testkit.ts'
import type { J } from './util.ts'

function claim(spec: J = {}, meta: J = {}): J {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'default', ...meta },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
  }
}

describe('PersistentVolumeClaim admission', () => {
  const CASES: [string, J, string | undefined, string[]][] = [
    ['no class: the default class (standard) is set', claim(), 'standard', ['kubernetes.io/pvc-protection']],
    ['class "": no class, left as is', claim({ storageClassName: '' }), '', ['kubernetes.io/pvc-protection']],
    ['a class of its own is kept', claim({ storageClassName: 'fast' }), 'fast', ['kubernetes.io/pvc-protection']],
    ['the beta class annotation counts as a class', claim({}, { annotations: { 'volume.beta.kubernetes.io/storage-class': 'slow' } }), undefined, ['kubernetes.io/pvc-protection']],
    ['finalizers of its own come first', claim({}, { finalizers: ['example.com/keep'] }), 'standard', ['example.com/keep', 'kubernetes.io/pvc-protection']],
    ['pvc-protection given already is not repeated', claim({}, { finalizers: ['kubernetes.io/pvc-protection'] }), 'standard', ['kubernetes.io/pvc-protection']],
  ]
  for (const [name, obj, cls, finalizers] of CASES) {
    it(name, () => {
      const { api } = apiForTest()
      const r = tryCreate(api, obj)
      expect(r.error).toBeUndefined()
      const spec = r.obj!.spec as J
      expect(spec.storageClassName).toBe(cls)
      expect(r.obj!.metadata.finalizers).toEqual(finalizers)
      expect(r.obj!.metadata.generation).toBeUndefined()
      expect(r.obj!.status).toEqual({ phase: 'Pending' })
    })
  }

  it('without a default class nothing is set', () => {
    const { api, store } = apiForTest()
    store.remove('StorageClass', undefined, 'standard')
    expect((tryCreate(api, claim()).obj!.spec as J).storageClassName).toBeUndefined()
  })

  it('an invalid claim is refused as before', () => {
    const { api } = apiForTest()
    expect(tryCreate(api, claim({ accessModes: [], resources: {} })).error).toBe(
      'PersistentVolumeClaim "data" is invalid: [spec.accessModes: Required value: at least 1 access mode is required, spec.resources[storage]: Required value]',
    )
  })
})
