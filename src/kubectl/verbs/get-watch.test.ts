// kubectl get -w: the research's captured watches (kubectl-output.md §7),
// replayed by writing the same object changes at the same virtual times.
import { describe, expect, it } from 'vitest'
import { Cluster } from '../../engine/cluster.ts'
import type { Job, KObject, Pod } from '../../engine/api/types.ts'
import { rfc3339 } from '../../engine/kernel/time.ts'
import { labPods } from '../fixtures.ts'
import { Running } from '../testkit.ts'

const T0 = Date.UTC(2025, 5, 2, 10, 0, 0)
const at = (s: number) => rfc3339(T0 + s * 1000)

function jobAt(c: Cluster): Job {
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'countdown-job', namespace: 'default', uid: 'u1', resourceVersion: '', creationTimestamp: at(0) },
    // managedBy keeps the simulated Job controller away: this test writes the status itself.
    spec: { completions: 1, parallelism: 1, managedBy: 'example.com/test', template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } },
    status: { startTime: at(0), active: 1 },
  } as unknown as Job
  const created = c.store.create(job)
  return c.store.update({ ...job, metadata: { ...job.metadata, resourceVersion: created.metadata.resourceVersion } })
}

function setStatus(c: Cluster, s: number, status: Job['status']): void {
  c.kernel.at(T0 + s * 1000, () => {
    const j = c.store.get<Job>('Job', 'default', 'countdown-job')!
    c.store.update({ ...j, status })
  })
}

function jobScript(c: Cluster): void {
  setStatus(c, 3, { startTime: at(0), active: 1 })
  setStatus(c, 7, { startTime: at(0), active: 0, succeeded: 1 })
  const complete = { type: 'Complete' as const, status: 'True' as const, lastProbeTime: at(8), lastTransitionTime: at(8) }
  setStatus(c, 8, { startTime: at(0), completionTime: at(8), succeeded: 1, conditions: [complete] })
}

describe('kubectl get -w (research §7)', () => {
  it('§7 kubectl get jobs -w: one row per change, STATUS widening from its row on', () => {
    const c = new Cluster({ start: T0 })
    jobAt(c)
    c.advance(2000)
    const r = new Running(c, ['get', 'jobs', '-w'])
    jobScript(c)
    c.advance(10_000)
    expect(r.stdout).toBe(`NAME            STATUS    COMPLETIONS   DURATION   AGE
countdown-job   Running   0/1           2s         2s
countdown-job   Running   0/1           3s         3s
countdown-job   Running   1/1           7s         7s
countdown-job   Complete   1/1           8s         8s
`)
    // kubectl's interrupt handler: Ctrl-C ends the watch with os.Exit(1) (pkg/util/interrupt).
    r.interrupt()
    expect(r.code).toBe(1)
  })

  it('§7 --output-watch-events: an EVENT column, existing objects as ADDED', () => {
    const c = new Cluster({ start: T0 })
    jobAt(c)
    c.advance(3000)
    const r = new Running(c, ['get', 'jobs', '-w', '--output-watch-events'])
    setStatus(c, 4, { startTime: at(0), active: 1 })
    setStatus(c, 7, { startTime: at(0), active: 0, succeeded: 1 })
    setStatus(c, 8, { startTime: at(0), completionTime: at(8), succeeded: 1, conditions: [{ type: 'Complete', status: 'True', lastProbeTime: at(8), lastTransitionTime: at(8) }] })
    c.advance(10_000)
    expect(r.stdout).toBe(`EVENT      NAME            STATUS    COMPLETIONS   DURATION   AGE
ADDED      countdown-job   Running   0/1           3s         3s
MODIFIED   countdown-job   Running   0/1           4s         4s
MODIFIED   countdown-job   Running   1/1           7s         7s
MODIFIED   countdown-job   Complete   1/1           8s         8s
`)
  })

  it('§7 kubectl get pods -w: the header is never redrawn', () => {
    const c = new Cluster({ start: T0 })
    const base = labPods()[0]
    const pod: Pod = {
      ...base,
      // No owner: the garbage collector would delete a pod whose Job does not exist.
      metadata: { ...base.metadata, creationTimestamp: at(0), ownerReferences: undefined },
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: at(0) }] },
    }
    const created = c.store.create(pod as KObject)
    c.store.update({ ...pod, metadata: { ...pod.metadata, resourceVersion: created.metadata.resourceVersion } })
    c.advance(3000)
    const r = new Running(c, ['get', 'pods', '-w'])
    const cs = base.status.containerStatuses![0]
    const put = (s: number, status: Pod['status']) =>
      c.kernel.at(T0 + s * 1000, () => {
        const p = c.store.get<Pod>('Pod', 'default', pod.metadata.name)!
        c.store.update({ ...p, status })
      })
    put(4, { phase: 'Pending', containerStatuses: [{ ...cs, state: { waiting: { reason: 'ContainerCreating' } } }] })
    put(5, { phase: 'Running', containerStatuses: [{ ...cs, ready: true, state: { running: { startedAt: at(5) } } }] })
    put(9, { phase: 'Succeeded', containerStatuses: [{ ...cs, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: at(5), finishedAt: at(9) } } }] })
    put(10, { phase: 'Succeeded', podIP: '10.244.0.15', containerStatuses: [{ ...cs, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: at(5), finishedAt: at(9) } } }] })
    c.advance(10_000)
    expect(r.stdout).toBe(`NAME                  READY   STATUS    RESTARTS   AGE
countdown-job-x7k2p   0/1     Pending   0          3s
countdown-job-x7k2p   0/1     ContainerCreating   0          4s
countdown-job-x7k2p   1/1     Running             0          5s
countdown-job-x7k2p   0/1     Completed           0          9s
countdown-job-x7k2p   0/1     Completed           0          10s
`)
  })

  it('--watch-only: no initial list, the header comes with the first event', () => {
    const c = new Cluster({ start: T0 })
    jobAt(c)
    const r = new Running(c, ['get', 'jobs', '--watch-only'])
    expect(r.stdout).toBe('')
    jobScript(c)
    c.advance(7500)
    expect(r.stdout).toBe(`NAME            STATUS    COMPLETIONS   DURATION   AGE
countdown-job   Running   0/1           3s         3s
countdown-job   Running   1/1           7s         7s
`)
  })

  it('-w -o name: one line per event; a deletion prints the object once more', () => {
    const c = new Cluster({ start: T0 })
    jobAt(c)
    const r = new Running(c, ['get', 'job', 'countdown-job', '-w', '-o', 'name'])
    jobScript(c)
    c.kernel.at(T0 + 9000, () => c.store.remove('Job', 'default', 'countdown-job'))
    c.advance(10_000)
    expect(r.stdout).toBe('job.batch/countdown-job\n'.repeat(5))
  })

  it('a selector: objects entering it are ADDED, leaving it are DELETED', () => {
    const c = new Cluster({ start: T0 })
    const j = jobAt(c)
    const r = new Running(c, ['get', 'jobs', '-l', 'team=a', '-w', '--output-watch-events', '--no-headers'])
    c.kernel.at(T0 + 1000, () => c.store.update({ ...c.store.get<Job>('Job', 'default', 'countdown-job')!, metadata: { ...j.metadata, labels: { team: 'a' } } }))
    c.kernel.at(T0 + 2000, () => c.store.update({ ...c.store.get<Job>('Job', 'default', 'countdown-job')!, metadata: { ...j.metadata, labels: { team: 'b' } } }))
    c.advance(3000)
    expect(r.stdout).toBe('ADDED      countdown-job   Running   0/1   1s    1s\nDELETED    countdown-job   Running   0/1   2s    2s\n')
  })

  it('--sort-by with -w warns that it is ignored for watch events', () => {
    const c = new Cluster({ start: T0 })
    const r = new Running(c, ['get', 'jobs', '-w', '--sort-by=.metadata.name'])
    expect(r.stderr).toBe('warning: --watch requested, --sort-by will be ignored for watch events received\n')
  })

  it('several types cannot be watched', () => {
    const c = new Cluster({ start: T0 })
    const r = new Running(c, ['get', 'jobs,pods', '-w'])
    expect([r.stderr, r.code]).toEqual(['error: you may only specify a single resource type\n', 1])
  })

  it('the API server ends a watch after its request timeout (30-60 minutes); kubectl then exits 0', () => {
    const c = new Cluster({ start: T0 })
    const r = new Running(c, ['get', 'jobs', '-w'])
    c.advance(30 * 60_000 - 1)
    expect(r.code).toBe(undefined)
    c.advance(30 * 60_000)
    expect(r.code).toBe(0)
  })
})
