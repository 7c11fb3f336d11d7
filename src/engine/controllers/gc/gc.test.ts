// Garbage collection: background, foreground (blockOwnerDeletion, recursive) and orphan cascades, dangling owners,
// the seeded delay; after k8s pkg/controller/garbagecollector and research cronjob-controller.md §8.3.
// The Jobs here are managed elsewhere, so the Job controller leaves them alone.
import { describe, expect, it } from 'vitest'
import type { CronJob, Job, KObject, OwnerReference, Pod } from '../../api/types.ts'
import { Harness } from '../job/testing.ts'

const ref = (o: KObject, block = true): OwnerReference => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid, controller: true, ...(block ? { blockOwnerDeletion: true } : {}) })
const meta = (name: string, owners: OwnerReference[] = []) => ({ name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', ...(owners.length ? { ownerReferences: owners } : {}) })

function cronJob(h: Harness, name = 'cj'): CronJob {
  return h.store.create<CronJob>({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta(name), spec: { schedule: '* * * * *', suspend: true, jobTemplate: { spec: { template: { spec: { containers: [] } } } } }, status: {} })
}

function job(h: Harness, name: string, owners: OwnerReference[] = []): Job {
  return h.store.create<Job>({ apiVersion: 'batch/v1', kind: 'Job', metadata: meta(name, owners), spec: { managedBy: 'example.com/elsewhere', template: { spec: { containers: [] } } }, status: {} })
}

function pod(h: Harness, name: string, owners: OwnerReference[]): Pod {
  return h.store.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: meta(name, owners), spec: { containers: [] }, status: { phase: 'Running' } })
}

/** When each object disappeared from the store, in virtual seconds. */
function goneTimes(h: Harness): Map<string, number> {
  const gone = new Map<string, number>()
  h.store.watch((ev) => {
    if (ev.type === 'DELETED') gone.set(`${ev.object.kind}/${ev.object.metadata.name}`, h.t())
  })
  return gone
}

const exists = (h: Harness, kind: string, name: string) => h.store.get(kind, 'default', name) !== undefined

describe('garbage collector', () => {
  it('background: dependents of a deleted owner are deleted 100–500 ms later, level by level', () => {
    const h = new Harness()
    const gone = goneTimes(h)
    const cj = cronJob(h)
    const j = job(h, 'j', [ref(cj)])
    pod(h, 'p', [ref(j)])
    h.api.delete('CronJob', 'default', 'cj', { propagationPolicy: 'Background' })
    h.advanceTo(5)
    const [tc, tj, tp] = ['CronJob/cj', 'Job/j', 'Pod/p'].map((k) => gone.get(k)!)
    expect(tc).toBe(0)
    expect(tj).toBeGreaterThanOrEqual(0.1)
    expect(tj).toBeLessThanOrEqual(0.5)
    expect(tp - tj).toBeGreaterThanOrEqual(0.1)
    expect(tp - tj).toBeLessThanOrEqual(0.5)
  })

  it('a dependent with another live owner only loses the reference to the one that went', () => {
    const h = new Harness()
    const a = cronJob(h, 'a')
    const b = cronJob(h, 'b')
    job(h, 'j', [ref(a, false), { ...ref(b, false), controller: false }])
    h.api.delete('CronJob', 'default', 'a', { propagationPolicy: 'Background' })
    h.advanceTo(2)
    expect(h.store.get<Job>('Job', 'default', 'j')?.metadata.ownerReferences).toEqual([{ ...ref(b, false), controller: false }])
  })

  it('foreground: the owner waits for its blocking dependents, which go foreground themselves when they own things', () => {
    const h = new Harness()
    const gone = goneTimes(h)
    const cj = cronJob(h)
    const j = job(h, 'j', [ref(cj)])
    pod(h, 'p', [ref(j)])
    h.api.delete('CronJob', 'default', 'cj', { propagationPolicy: 'Foreground' })
    expect(h.store.get<CronJob>('CronJob', 'default', 'cj')?.metadata.finalizers).toEqual(['foregroundDeletion'])
    h.advanceTo(0.5)
    expect(h.store.get<Job>('Job', 'default', 'j')?.metadata.finalizers).toEqual(['foregroundDeletion'])
    h.advanceTo(5)
    const order = ['Pod/p', 'Job/j', 'CronJob/cj'].map((k) => gone.get(k)!)
    expect(order.every((t, i) => i === 0 || t > order[i - 1])).toBe(true)
    expect(order[2]).toBeLessThanOrEqual(2)
  })

  it('foreground: dependents without blockOwnerDeletion are deleted too, but do not hold the owner', () => {
    const h = new Harness()
    const cj = cronJob(h)
    // A scheduled pod with no kubelet stays Terminating for its whole grace period.
    h.store.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: meta('p', [ref(cj, false)]), spec: { containers: [], nodeName: 'node01' }, status: { phase: 'Running' } })
    h.api.delete('CronJob', 'default', 'cj', { propagationPolicy: 'Foreground' })
    h.advanceTo(2)
    const p = h.store.get<Pod>('Pod', 'default', 'p')
    expect([exists(h, 'CronJob', 'cj'), p?.metadata.deletionGracePeriodSeconds]).toEqual([false, 30])
  })

  it('orphan: the owner reference is stripped from dependents, then the owner goes', () => {
    const h = new Harness()
    const cj = cronJob(h)
    job(h, 'j', [ref(cj)])
    h.api.delete('CronJob', 'default', 'cj', { propagationPolicy: 'Orphan' })
    expect(h.store.get<CronJob>('CronJob', 'default', 'cj')?.metadata.finalizers).toEqual(['orphan'])
    h.advanceTo(1)
    expect([exists(h, 'CronJob', 'cj'), h.store.get<Job>('Job', 'default', 'j')?.metadata.ownerReferences]).toEqual([false, undefined])
  })

  it('an object created with an owner that does not exist is collected', () => {
    const h = new Harness()
    pod(h, 'p', [{ apiVersion: 'batch/v1', kind: 'Job', name: 'ghost', uid: 'no-such-uid', controller: true, blockOwnerDeletion: true }])
    h.advanceTo(1)
    expect(exists(h, 'Pod', 'p')).toBe(false)
  })

  it('an owner of the same name but another uid does not count', () => {
    const h = new Harness()
    const old = job(h, 'j')
    h.store.remove('Job', 'default', 'j')
    job(h, 'j')
    pod(h, 'p', [ref(old)])
    h.advanceTo(1)
    expect(exists(h, 'Pod', 'p')).toBe(false)
  })

  it('the reaction delay comes from the seeded stream: same seed, same times; another seed, other times', () => {
    const times = (seed: number) => {
      const h = new Harness({ seed })
      const gone = goneTimes(h)
      const cj = cronJob(h)
      for (let i = 0; i < 5; i++) job(h, `j${i}`, [ref(cj)])
      h.api.delete('CronJob', 'default', 'cj', { propagationPolicy: 'Background' })
      h.advanceTo(2)
      return [...gone.entries()].filter(([k]) => k.startsWith('Job/')).map(([, t]) => Math.round(t * 1000))
    }
    expect(times(7)).toEqual(times(7))
    expect(times(7)).not.toEqual(times(8))
    expect(times(7).every((ms) => ms >= 100 && ms <= 500)).toBe(true)
  })
})

describe('pod GC (k8s pkg/controller/podgc gcUnscheduledTerminating)', () => {
  it('a pod deleted before it was scheduled is marked Failed and removed at the next 20 s pass', () => {
    const h = new Harness()
    h.store.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { ...meta('p'), finalizers: ['example.com/hold'] }, spec: { containers: [] }, status: { phase: 'Pending' } })
    h.advanceTo(25)
    h.api.delete('Pod', 'default', 'p')
    h.advanceTo(39.999)
    expect(h.store.get<Pod>('Pod', 'default', 'p')?.status.phase).toBe('Pending')
    h.advanceTo(40)
    const p = h.store.get<Pod>('Pod', 'default', 'p')!
    expect([p.status.phase, p.metadata.deletionGracePeriodSeconds]).toEqual(['Failed', 0])
  })

  it('with podFailurePolicy a deleted unscheduled pod counts once the pod GC made it Failed (20 s), then is replaced: its back-off ran from the deletion', () => {
    const h = new Harness()
    h.createJob({ backoffLimit: 6, podFailurePolicy: { rules: [{ action: 'Count', onExitCodes: { operator: 'In', values: [42] } }] } })
    h.advanceTo(5)
    h.api.delete('Pod', 'default', h.pods()[0].metadata.name)
    h.advanceTo(15)
    expect([h.job().status.failed, h.job().status.terminating, h.pods().length]).toEqual([undefined, 1, 1])
    h.advanceTo(60)
    expect([h.job().status.failed, h.log.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.t)]).toEqual([1, [0, 21]])
  })
})

describe('pod GC (k8s pkg/controller/podgc gcOrphaned)', () => {
  it('a pod bound to a node that does not exist: found at a 20 s pass, 40 s of quarantine, then Failed with DisruptionTarget and deleted with grace 0', () => {
    const h = new Harness()
    h.advanceTo(5)
    h.store.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { ...meta('p'), finalizers: ['example.com/hold'] }, spec: { containers: [], nodeName: 'node05' }, status: { phase: 'Running' } })
    h.advanceTo(59.999)
    expect(h.store.get<Pod>('Pod', 'default', 'p')?.status.phase).toBe('Running')
    h.advanceTo(60)
    const p = h.store.get<Pod>('Pod', 'default', 'p')!
    expect([p.status.phase, p.metadata.deletionGracePeriodSeconds, p.status.conditions]).toEqual([
      'Failed',
      0,
      [{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:01:00Z' }],
    ])
  })

  it('a node that comes back within the quarantine keeps its pods', () => {
    const h = new Harness()
    h.store.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: meta('p'), spec: { containers: [], nodeName: 'node07' }, status: { phase: 'Running' } })
    h.advanceTo(30)
    h.store.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node07', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: {}, status: {} } as KObject)
    h.advanceTo(120)
    expect(h.store.get<Pod>('Pod', 'default', 'p')?.status.phase).toBe('Running')
  })

  it('kubectl delete node: a Job whose podFailurePolicy ignores DisruptionTarget replaces its pod without counting a failure', () => {
    const h = new Harness()
    h.store.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node02', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: {}, status: {} } as KObject)
    const j = h.createJob({ backoffLimit: 0, podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] } })
    h.addPod(j, { name: 'on-node02', phase: 'Running', ready: true, nodeName: 'node02' })
    h.advanceTo(5)
    h.api.delete('Node', undefined, 'node02')
    h.advanceTo(80)
    expect(h.store.get('Pod', 'default', 'on-node02')).toBeUndefined()
    // The ignored failure still delays the replacement: 10 s from the deletion (finish time: deletionTimestamp − grace 0).
    expect([h.job().status.failed, h.job().status.conditions, h.log.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.t)]).toEqual([undefined, undefined, [70]])
  })
})

