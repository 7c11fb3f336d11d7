// The Job controller around syncJob: slow start and its errors, the 500 cap, TooManySucceededPods, managedBy, deadline
// re-arming, selector release, deletion cascades, .status wire order (k8s job_controller_test.go "limited pods" …).
import { describe, expect, it } from 'vitest'
import { forbidden } from '../../api/errors.ts'
import type { Job, KObject, Pod } from '../../api/types.ts'
import { rfc3339 } from '../../kernel/time.ts'
import { HARNESS_START, Harness } from './testing.ts'

const at = (s: number) => rfc3339(HARNESS_START + s * 1000)
const forever = { run: () => ({ seconds: Infinity, exitCode: 0 }) }

/** Let the API accept only `limit` pods; count the create calls. */
function limitPods(h: Harness, limit: number): { calls: number } {
  const counter = { calls: 0 }
  const create = h.api.create.bind(h.api)
  h.api.create = <T extends KObject>(obj: T, opts?: { dryRun?: boolean }): T => {
    if (obj.kind === 'Pod') {
      counter.calls++
      if (h.store.count('Pod') >= limit) throw forbidden(`pods "${obj.metadata.generateName}x" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=${limit}, limited: pods=${limit}`)
    }
    return create(obj, opts)
  }
  return counter
}

describe('pod creation', () => {
  it('limited pods: slow start stops after the batch that failed (1+2+4+8 calls), and FailedCreate says why', () => {
    const h = new Harness()
    const counter = limitPods(h, 10)
    h.createJob({ parallelism: 100, completions: 200 })
    h.advanceTo(0)
    expect([h.store.count('Pod'), counter.calls, h.job().status.active]).toEqual([10, 15, 10])
    expect(h.events().filter((e) => e.startsWith('Warning')).map((e) => e.replace(/"foobar-x"/, '"x"'))).toEqual(
      Array(5).fill('Warning FailedCreate Error creating: pods "x" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=10, limited: pods=10'),
    )
  })

  it('a sync that failed is retried after 1 s, doubling to 1 min (DefaultJobApiBackOff, MaxJobApiBackOff)', () => {
    const h = new Harness()
    limitPods(h, 0)
    h.createJob({})
    h.advanceTo(300)
    expect(h.log.filter((e) => e.reason === 'FailedCreate').map((e) => e.t)).toEqual([0, 1, 3, 7, 15, 31, 63, 123, 183, 243])
  })

  it('at most 500 pods are created in one sync; the rest come with the next one', () => {
    const h = new Harness()
    h.createJob({ parallelism: 1000, completions: 1000 })
    h.advanceTo(0)
    expect(h.store.count('Pod')).toBe(500)
    h.advanceTo(1)
    expect(h.store.count('Pod')).toBe(1000)
  })

  it('pods carry the template, the tracking finalizer and a blocking controller reference', () => {
    const h = new Harness()
    const job = h.createJob({ template: { metadata: { labels: { app: 'x' }, annotations: { note: 'y' } }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'true'] }], restartPolicy: 'Never' } } })
    h.advanceTo(0)
    const pod = h.pods()[0]
    expect({ ...pod.metadata, name: '', uid: '', resourceVersion: '' }).toEqual({
      name: '',
      generateName: 'foobar-',
      namespace: 'default',
      uid: '',
      resourceVersion: '',
      creationTimestamp: at(0),
      generation: 1,
      labels: job.spec.template.metadata!.labels,
      annotations: { note: 'y' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'foobar', uid: job.metadata.uid, controller: true, blockOwnerDeletion: true }],
      finalizers: ['batch.kubernetes.io/job-tracking'],
    })
    expect(pod.spec).toEqual(job.spec.template.spec)
  })
})

describe('finishing', () => {
  it('more succeeded pods than completions: TooManySucceededPods, then Completed', () => {
    const h = new Harness()
    const job = h.createJob({ parallelism: 2, completions: 2 })
    for (let i = 0; i < 3; i++) h.addPod(job, { phase: 'Succeeded' })
    h.sync()
    expect(h.events()).toEqual(['Warning TooManySucceededPods Too many succeeded pods running after completion count reached', 'Normal Completed Job completed'])
    expect(h.job().status.succeeded).toBe(3)
  })

  it('.status is written in batch/v1 field order, omitting empty fields', () => {
    const h = new Harness({ kubelet: { run: () => ({ seconds: 2, exitCode: 0 }) } })
    h.createJob({ completions: 3, parallelism: 3, completionMode: 'Indexed' })
    h.advanceTo(10)
    const c = (type: string) => `{"type":"${type}","status":"True","lastProbeTime":"${at(3)}","lastTransitionTime":"${at(3)}","reason":"CompletionsReached","message":"Reached expected number of succeeded pods"}`
    expect(JSON.stringify(h.job().status)).toBe(
      `{"conditions":[${c('SuccessCriteriaMet')},${c('Complete')}],"startTime":"${at(0)}","completionTime":"${at(3)}","succeeded":3,"terminating":0,"completedIndexes":"0-2","uncountedTerminatedPods":{},"ready":0}`,
    )
  })

  it('a Job managed by another controller is left alone', () => {
    const h = new Harness()
    h.createJob({ managedBy: 'kueue.x-k8s.io/multikueue' })
    h.advanceTo(10)
    expect([h.store.count('Pod'), h.job().status, h.events()]).toEqual([0, {}, []])
  })

  it('changing activeDeadlineSeconds re-arms the deadline from the start time', () => {
    const h = new Harness({ kubelet: forever })
    h.createJob({ activeDeadlineSeconds: 100 })
    h.advanceTo(10)
    const j = h.job()
    h.api.update<Job>({ ...j, spec: { ...j.spec, activeDeadlineSeconds: 20 } })
    h.advanceTo(60)
    expect(h.job().status.conditions?.map((c) => [c.type, c.reason, c.lastTransitionTime])).toEqual([
      ['FailureTarget', 'DeadlineExceeded', at(20)],
      ['Failed', 'DeadlineExceeded', at(21)],
    ])
  })
})

describe('pods that leave the Job', () => {
  it('a pod whose labels stop matching the selector is released, loses its finalizer and is replaced', () => {
    const h = new Harness({ kubelet: forever })
    h.createJob({})
    h.advanceTo(5)
    const pod = h.pods()[0]
    const labels = { ...pod.metadata.labels }
    delete labels['batch.kubernetes.io/controller-uid']
    h.api.updateMeta(pod, { labels })
    h.advanceTo(20)
    const old = h.store.get<Pod>('Pod', 'default', pod.metadata.name)!
    expect([old.metadata.ownerReferences, old.metadata.finalizers, old.status.phase]).toEqual([undefined, undefined, 'Running'])
    expect(h.pods().length).toBe(1)
    expect(h.job().status).toEqual({ startTime: at(0), active: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 1 })
  })

  it('getPodsForJob lists pods oldest first, also one that came under the Job after its creation', () => {
    const h = new Harness()
    const job = h.createJob({ parallelism: 0 })
    const a = h.addPod(job, { name: 'a', phase: 'Running' })
    const b = h.addPod(job, { name: 'b', phase: 'Running' })
    // a leaves the Job: no controller reference, and labels the selector does not match (so it is not adopted back).
    h.api.updateMeta(a, { ownerReferences: undefined, labels: { other: 'x' } })
    h.api.updateMeta(b, { labels: { ...b.metadata.labels, touched: 'yes' } })
    const c = h.addPod(job, { name: 'c', phase: 'Running' })
    expect(h.jobs.getPodsForJob(h.job()).map((p) => p.metadata.name)).toEqual(['b', 'c'])
    h.api.updateMeta(h.store.get<Pod>('Pod', 'default', 'a')!, { ownerReferences: c.metadata.ownerReferences, labels: c.metadata.labels })
    expect(h.jobs.getPodsForJob(h.job()).map((p) => p.metadata.name)).toEqual(['a', 'b', 'c'])
  })

  it('an orphan pod the selector matches is adopted (controller reference and tracking finalizer) and counts: finished ones too (ClaimPods)', () => {
    const h = new Harness()
    // One pod at a time: the adopted running pod fills it, so none is created.
    const job = h.createJob({ parallelism: 1, completions: 3 })
    const orphan = (name: string, phase: 'Running' | 'Succeeded', labels = job.spec.template.metadata?.labels) => {
      const p = h.addPod(job, { name, phase, finalizer: false })
      return h.api.updateMeta(p, { ownerReferences: undefined, labels })
    }
    orphan('running', 'Running')
    orphan('done', 'Succeeded')
    orphan('other', 'Running', { app: 'other' })
    h.advance(1)
    const meta = (n: string) => {
      const p = h.store.get<Pod>('Pod', 'default', n)!
      return [p.metadata.ownerReferences?.map((r) => `${r.kind}/${r.name}`), p.metadata.finalizers]
    }
    expect(['running', 'done', 'other'].map(meta)).toEqual([
      [['Job/foobar'], ['batch.kubernetes.io/job-tracking']],
      // Counted as succeeded, so its finalizer is gone again.
      [['Job/foobar'], undefined],
      [undefined, undefined],
    ])
    expect([h.job().status.active, h.job().status.succeeded, h.pods().length]).toEqual([1, 1, 2])
  })

  it('kubectl delete job (Background): the Job goes at once, its pods lose the finalizer and terminate', () => {
    const h = new Harness({ kubelet: forever })
    h.createJob({ parallelism: 2, completions: 2 })
    h.advanceTo(5)
    h.api.delete('Job', 'default', 'foobar', { propagationPolicy: 'Background' })
    expect(h.store.get('Job', 'default', 'foobar')).toBeUndefined()
    h.advanceTo(5)
    expect(h.store.list<Pod>('Pod').map((p) => [p.metadata.finalizers, p.metadata.deletionTimestamp])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ])
    h.advanceTo(5.5)
    expect(h.store.list('Pod')).toEqual([])
  })

  it('a raw API delete of a Job orphans its pods (batch/v1 default): they keep running without owner or finalizer', () => {
    const h = new Harness({ kubelet: forever })
    h.createJob({})
    h.advanceTo(5)
    h.api.delete('Job', 'default', 'foobar')
    expect(h.job().metadata.finalizers).toEqual(['orphan'])
    h.advanceTo(7)
    expect(h.store.get('Job', 'default', 'foobar')).toBeUndefined()
    expect(h.store.list<Pod>('Pod').map((p) => [p.metadata.ownerReferences, p.metadata.finalizers, p.status.phase, p.metadata.deletionTimestamp])).toEqual([[undefined, undefined, 'Running', undefined]])
  })

  it('kubectl delete job --cascade=foreground: the Job stays until its pods are gone', () => {
    const h = new Harness({ kubelet: { run: () => ({ seconds: Infinity, exitCode: 0, onTerm: 'ignore' }) } })
    h.createJob({})
    h.advanceTo(5)
    h.api.delete('Job', 'default', 'foobar', { propagationPolicy: 'Foreground' })
    h.advanceTo(35)
    expect([h.job().metadata.finalizers, h.store.list<Pod>('Pod').map((p) => p.status.phase)]).toEqual([['foregroundDeletion'], ['Running']])
    h.advanceTo(37)
    expect([h.store.get('Job', 'default', 'foobar'), h.store.list('Pod')]).toEqual([undefined, []])
  })
})
