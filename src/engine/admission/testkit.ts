// Test harness for admission: an API server with real admission and the lab's
// namespaces, but no controllers, so objects stay exactly as admission made them.
import { StatusError } from '../api/errors.ts'
import { ApiServer, type WriteOptions } from '../api/server.ts'
import { Store } from '../api/store.ts'
import type { KObject } from '../api/types.ts'
import { seedObjects } from '../cluster-defaults.ts'
import { Kernel } from '../kernel/kernel.ts'
import { createAdmission } from './index.ts'
import type { J } from './util.ts'

export const START = Date.UTC(2026, 0, 1)

export function apiForTest(seed: number | string = 1): { api: ApiServer; store: Store; kernel: Kernel } {
  const kernel = new Kernel(START, seed)
  const store = new Store(kernel)
  for (const o of seedObjects()) store.create(o)
  return { api: new ApiServer(store, kernel, createAdmission()), store, kernel }
}

/** The uid the next created object will get, read from an identical, untouched harness. */
export function nextUid(seed: number | string = 1): string {
  return apiForTest(seed).store.newUid()
}

/** Create through admission; the StatusError's message when it is refused. */
export function tryCreate(api: ApiServer, obj: J, opts: WriteOptions = {}): { obj?: KObject; error?: string; status?: StatusError } {
  try {
    return { obj: api.create(obj as KObject, opts) }
  } catch (e) {
    if (e instanceof StatusError) return { error: e.message, status: e }
    throw e
  }
}

export function tryUpdate(api: ApiServer, obj: J, opts: WriteOptions = {}): { obj?: KObject; error?: string; status?: StatusError } {
  try {
    return { obj: api.update(obj as KObject, opts) }
  } catch (e) {
    if (e instanceof StatusError) return { error: e.message, status: e }
    throw e
  }
}

/** A minimal valid Job; `spec` and `meta` are merged over it. */
export function job(spec: J = {}, meta: J = {}): J {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', ...meta },
    spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } }, ...spec },
  }
}

/** A Job whose pod spec is `pod` merged over a valid one. */
export function jobWithPod(pod: J, tplMeta?: J): J {
  return job({ template: { ...(tplMeta ? { metadata: tplMeta } : {}), spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never', ...pod } } })
}

export function cronJob(spec: J = {}, meta: J = {}): J {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default', ...meta },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } },
      ...spec,
    },
  }
}

export function pod(spec: J = {}, meta: J = {}): J {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', ...meta }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } }
}
