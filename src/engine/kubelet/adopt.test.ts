import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/types.ts'
import { Cluster } from '../cluster.ts'
import { foundRunning } from './adopt.ts'
import { renderLog } from './logs.ts'

const SECOND = 1000

/** kube-proxy's pod on node02 as a kubelet that restarted would find it: its container restarted once before. */
function restartedOnce(c: Cluster): Pod {
  const base = c.store.list<Pod>('Pod', 'kube-system').find((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy' && p.spec.nodeName === 'node02')!
  const st = base.status!.containerStatuses![0]
  const started = Date.parse(st.state.running!.startedAt!)
  const t = (ms: number) => new Date(started + ms).toISOString().slice(0, 19) + 'Z'
  const last = { containerID: 'containerd://' + 'ab'.repeat(32), exitCode: 1, reason: 'Error', startedAt: t(-30_000), finishedAt: t(-28_000) }
  const status = { ...base.status!, containerStatuses: [{ ...st, restartCount: 1, lastState: { terminated: last } }] }
  return { ...base, metadata: { name: 'again', namespace: 'kube-system', uid: '', resourceVersion: '', creationTimestamp: '', labels: { app: 'again' } }, status }
}

describe('a kubelet finds pods already running (kube-system\'s, or after a restart)', () => {
  const FOUND: [string, Partial<NonNullable<Pod['status']>>, boolean][] = [
    ['Running with every container up', { phase: 'Running', startTime: '2026-01-01T00:00:00Z', containerStatuses: [{ name: 'c', state: { running: { startedAt: '2026-01-01T00:00:00Z' } }, lastState: {}, ready: true, restartCount: 0, image: 'x', imageID: '' }] }, true],
    ['Pending: the kubelet starts it', { phase: 'Pending' }, false],
    ['Running with a container waiting: not found running', { phase: 'Running', startTime: '2026-01-01T00:00:00Z', containerStatuses: [{ name: 'c', state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: {}, ready: false, restartCount: 1, image: 'x', imageID: '' }] }, false],
  ]
  for (const [name, status, want] of FOUND) {
    it(name, () => {
      expect(foundRunning({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { containers: [] }, status } as Pod)).toBe(want)
    })
  }

  it('takes the containers over as they are: the same IDs, restarts and logs, the earlier run behind --previous, no status written', () => {
    const c = new Cluster({ seed: 1 })
    const stored = c.store.create(restartedOnce(c))
    c.runUntil(c.now() + 60 * SECOND)
    const now = c.store.get<Pod>('Pod', 'kube-system', 'again')!
    expect(now.metadata.resourceVersion).toBe(stored.metadata.resourceVersion)
    const lines = (previous: boolean) => {
      const r = c.podLogs('kube-system', 'again', 'kube-proxy', { previous })
      return r.ok ? renderLog(r.log.entries).split('\n').length - 1 : r.message
    }
    // kube-proxy writes 5 lines in its first 171 ms; the earlier run lasted 2 s.
    expect([lines(false), lines(true)]).toEqual([5, 5])
  })

  it('deleting it stops the adopted process as any: TERM, then the pod goes', () => {
    const c = new Cluster({ seed: 1 })
    c.store.create(restartedOnce(c))
    c.runUntil(c.now() + SECOND)
    c.api.delete('Pod', 'kube-system', 'again')
    c.runUntil(c.now() + 5 * SECOND)
    expect(c.store.get('Pod', 'kube-system', 'again')).toBeUndefined()
  })
})
