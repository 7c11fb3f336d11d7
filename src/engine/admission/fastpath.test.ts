// The create fast path (a spec's defaults, validity, QoS and warnings worked out
// once per distinct content) must be indistinguishable from the full path: the
// same stored object with its keys in the same order, the same errors in the same
// order, the same warnings, the same Forbidden refusals, the same random draws.
import { describe, expect, it } from 'vitest'
import { StatusError } from '../api/errors.ts'
import { admitCreate } from './create.ts'
import { ContentMemo, sameJSON, structuralHash } from './memo.ts'
import { apiForTest, job, jobWithPod, pod } from './testkit.ts'
import type { J } from './util.ts'

/** What admission made of `obj`, as text, so key order counts too. */
function outcome(obj: J, fast: boolean, seed = 1): string {
  const { api } = apiForTest(seed)
  try {
    const a = admitCreate(structuredClone(obj), api, { fast })
    // A second object from the same harness: the random streams advanced alike.
    const next = admitCreate({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'n-', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } }, api, { fast })
    return JSON.stringify({ obj: a.obj, errs: a.errs, warnings: a.warnings, next: [next.obj.metadata.name, next.obj.metadata.uid, next.obj.spec.volumes] })
  } catch (e) {
    if (e instanceof StatusError) return JSON.stringify({ refused: e.message })
    throw e
  }
}

const controllerPod = (spec: J, meta: J = {}): J => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    generateName: 'countdown-job-',
    namespace: 'default',
    labels: { app: 'countdown-job', 'batch.kubernetes.io/controller-uid': 'a0fd3c4e-1234-4567-89ab-cdef01234567', 'batch.kubernetes.io/job-name': 'countdown-job', 'controller-uid': 'a0fd3c4e-1234-4567-89ab-cdef01234567', 'job-name': 'countdown-job' },
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'countdown-job', uid: 'a0fd3c4e-1234-4567-89ab-cdef01234567', controller: true, blockOwnerDeletion: true }],
    finalizers: ['batch.kubernetes.io/job-tracking'],
    ...meta,
  },
  spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo hi'] }], restartPolicy: 'OnFailure', ...spec },
})

const POD_CASES: [string, J][] = [
  ['a controller-made pod', controllerPod({})],
  ['requests defaulted from limits (Guaranteed)', controllerPod({ containers: [{ name: 'c', image: 'busybox', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] })],
  ['init containers get the token mount too', controllerPod({ initContainers: [{ name: 'i', image: 'busybox' }] })],
  ['a container that mounts the account path itself', controllerPod({ containers: [{ name: 'c', image: 'busybox', volumeMounts: [{ name: 'v', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] }, { name: 'd', image: 'busybox' }], volumes: [{ name: 'v', emptyDir: {} }] })],
  ['every container mounts the account path itself', controllerPod({ containers: [{ name: 'c', image: 'busybox', volumeMounts: [{ name: 'v', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] }], volumes: [{ name: 'v', emptyDir: {} }] })],
  ['automountServiceAccountToken false', controllerPod({ automountServiceAccountToken: false })],
  ['volumes of its own, and a fractional memory warning', controllerPod({ volumes: [{ name: 'data', emptyDir: {} }], containers: [{ name: 'c', image: 'busybox', resources: { requests: { memory: '0.5' } }, volumeMounts: [{ name: 'data', mountPath: '/data' }] }] })],
  ['a volume named like the token volume', controllerPod({ volumes: [{ name: 'kube-api-access-probe', emptyDir: {} }] })],
  ['a mount of the probe name without a volume', controllerPod({ containers: [{ name: 'c', image: 'busybox', volumeMounts: [{ name: 'kube-api-access-probe', mountPath: '/x' }] }] })],
  ['a mount of a drawn-looking name without a volume', controllerPod({ containers: [{ name: 'c', image: 'busybox', volumeMounts: [{ name: 'kube-api-access-bcdfg', mountPath: '/x' }] }] })],
  ['a mirror pod', controllerPod({}, { annotations: { 'kubernetes.io/config.mirror': 'x' } })],
  ['an account that does not exist', controllerPod({ serviceAccountName: 'robot' })],
  ['the default account named', controllerPod({ serviceAccountName: 'default' })],
  ['a system priority class', controllerPod({ priorityClassName: 'system-node-critical' })],
  ['an unknown priority class', controllerPod({ priorityClassName: 'gold' })],
  ['a priority given by hand', controllerPod({ priority: 5 })],
  ['a toleration for not-ready', controllerPod({ tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }] })],
  ['scheduling gates', controllerPod({ schedulingGates: [{ name: 'example.com/gate' }] })],
  ['an invalid spec', controllerPod({ restartPolicy: 'Sometimes', containers: [{ name: 'C', image: ' busybox' }] })],
  ['invalid metadata on a valid spec', controllerPod({}, { labels: { 'bad key!': 'x', app: 'y'.repeat(64) }, finalizers: ['weird'] })],
  ['invalid metadata on an invalid spec', controllerPod({ dnsPolicy: 'Sometimes' }, { name: 'Upper', generateName: undefined })],
  ['a duplicate-ish ownerReference', controllerPod({}, { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'a', uid: 'u', controller: true }, { apiVersion: 'batch/v1', kind: 'Job', name: 'b', uid: 'v', controller: true }] })],
  ['a user pod', pod({ restartPolicy: 'Never' })],
  ['a pod with no spec', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'empty', namespace: 'default' } }],
  ['ephemeral containers on create', controllerPod({ ephemeralContainers: [{ name: 'e', image: 'busybox' }] })],
]

const cronMade = (name: string, spec: J = {}, labels?: J): J => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: {
    name,
    namespace: 'default',
    ...(labels ? { labels } : {}),
    annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-01T00:01:00Z' },
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'c0fd3c4e-1234-4567-89ab-cdef01234567', controller: true, blockOwnerDeletion: true }],
  },
  spec: { template: { metadata: { labels: { app: 'hello' } }, spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } }, ...spec },
})

const JOB_CASES: [string, J][] = [
  ['a CronJob-made Job', cronMade('hello-29453101')],
  ['with labels of its own', cronMade('hello-29453102', {}, { team: 'a' })],
  ['a seed-like Job', job({ completions: 10, parallelism: 4, backoffLimit: 3 })],
  ['a name that is no DNS label (warning)', cronMade('hello.world')],
  ['a name too long for a label value', cronMade('h'.repeat(64))],
  ['an invalid name', cronMade('Hello')],
  ['Indexed, hostnames fit', cronMade('idx', { completionMode: 'Indexed', completions: 3 })],
  ['Indexed, hostnames too long', cronMade('i'.repeat(62), { completionMode: 'Indexed', completions: 12 })],
  ['a selector of its own', cronMade('sel', { selector: { matchLabels: { app: 'hello' } } })],
  ['manualSelector without a selector', cronMade('manual', { manualSelector: true })],
  ['manualSelector with a matching selector', cronMade('manual2', { manualSelector: true, selector: { matchLabels: { app: 'hello' } } })],
  ['template labels that claim another Job', cronMade('claim', { template: { metadata: { labels: { 'job-name': 'other' } }, spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } })],
  ['an invalid spec', cronMade('bad', { parallelism: -1, template: { spec: { containers: [], restartPolicy: 'Always' } } })],
  ['an invalid pod spec', jobWithPod({ containers: [{ name: 'c', image: 'busybox', ports: [{ containerPort: 0 }] }] })],
  ['a podFailurePolicy', cronMade('pfp', { podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] }, template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } })],
  ['no spec at all', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'nothing', namespace: 'default' } }],
  ['generateName', { ...cronMade(''), metadata: { generateName: 'gen-', namespace: 'default' } }],
]

describe('the create fast path matches the full path', () => {
  for (const [name, obj] of [...POD_CASES, ...JOB_CASES]) {
    it(name, () => {
      const full = outcome(obj, false)
      expect(outcome(obj, true)).toBe(full) // the plan made now
      expect(outcome(obj, true)).toBe(full) // the plan found by content
      expect(outcome(obj, true, 7)).toBe(outcome(obj, false, 7)) // other draws
    })
  }

  it('the very same spec object, one Job after another (what the CronJob controller sends)', () => {
    const spec = cronMade('x').spec
    const names = ['hello-1', 'hello-2', 'Bad_Name', 'hello-3']
    for (const n of names) {
      const made = (fast: boolean) => {
        const { api } = apiForTest()
        const r = admitCreate({ ...cronMade(n), spec }, api, { fast })
        return JSON.stringify(r)
      }
      expect(made(true)).toBe(made(false))
    }
  })

  it('a spec whose keys come in another order is its own entry, so stored key order follows the request', () => {
    const a = controllerPod({ dnsPolicy: 'ClusterFirst', restartPolicy: 'Never' })
    const b = { ...a, spec: { restartPolicy: 'Never', dnsPolicy: 'ClusterFirst', containers: a.spec.containers } }
    outcome(a, true)
    expect(outcome(b, true)).toBe(outcome(b, false))
    expect(Object.keys(JSON.parse(outcome(b, true)).obj.spec).slice(0, 2)).toEqual(['restartPolicy', 'dnsPolicy'])
  })
})

describe('memo.ts', () => {
  it('structuralHash depends on content and key order, not on undefined keys', () => {
    expect(structuralHash({ a: 1, b: [1, 'x'] })).toBe(structuralHash({ a: 1, b: [1, 'x'], c: undefined }))
    expect(structuralHash({ a: 1, b: 2 })).not.toBe(structuralHash({ b: 2, a: 1 }))
    expect(structuralHash([1])).not.toBe(structuralHash(['1']))
    expect(structuralHash({ a: true })).not.toBe(structuralHash({ a: false }))
    expect(structuralHash(0.5)).not.toBe(structuralHash(0.25))
  })

  it('sameJSON: equal content in the same key order; undefined keys are absent', () => {
    expect(sameJSON({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 2] } })).toBe(true)
    expect(sameJSON({ a: 1, x: undefined, b: 2 }, { a: 1, b: 2, y: undefined })).toBe(true)
    expect(sameJSON({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false)
    expect(sameJSON({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(sameJSON({ a: 1, b: 2 }, { a: 1 })).toBe(false)
    expect(sameJSON([1, 2], [1, 2, 3])).toBe(false)
    expect(sameJSON([], {})).toBe(false)
    expect(sameJSON({ a: null }, { a: undefined })).toBe(false)
  })

  it('ContentMemo computes once per content, keeps its own copy of the key, and starts over at its limit', () => {
    const memo = new ContentMemo<number>(2)
    let calls = 0
    const f = () => ++calls
    const x = { a: [1] }
    expect(memo.get(x, f)).toBe(1)
    expect(memo.get({ a: [1] }, f)).toBe(1)
    expect(memo.get(x, f)).toBe(1)
    // A caller that broke the rule and changed its object: found by identity still,
    // but the content entry is the copy taken at first sight.
    const y = { a: [2] }
    expect(memo.get(y, f)).toBe(2)
    y.a.push(3)
    expect(memo.get({ a: [2] }, f)).toBe(2)
    expect(memo.get({ a: [3] }, f)).toBe(3) // third entry: the table was full and starts over
    expect(memo.get({ a: [1] }, f)).toBe(4)
    expect(calls).toBe(4)
  })
})
