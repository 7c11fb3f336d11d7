import { describe, expect, it } from 'vitest'
import type { Event, KObject, Pod } from '../api/types.ts'
import { Cluster } from '../cluster.ts'

const SECOND = 1000

function pods(c: Cluster, ns?: string): Pod[] {
  return c.store.list<Pod>('Pod', ns).sort((a, b) => ((a.metadata.namespace ?? '') + a.metadata.name < (b.metadata.namespace ?? '') + b.metadata.name ? -1 : 1))
}

function row(p: Pod): string {
  const ready = (p.status?.containerStatuses ?? []).filter((s) => s.ready).length
  return `${p.metadata.namespace}/${p.metadata.name} ${p.spec.nodeName} ${ready}/${p.spec.containers.length} ${p.status?.phase} ${p.status?.podIP}`
}

function events(c: Cluster, ns: string): string[] {
  return c.store
    .list<Event>('Event', ns)
    .map((e) => `${e.source?.component} ${e.reason} ${e.involvedObject.kind}/${e.involvedObject.name}: ${e.message}`)
    .sort()
}

describe('the pods a kubeadm 1.33 lab starts with', () => {
  it('control plane, kube-proxy and canal per node, CoreDNS, calico-kube-controllers, local-path-provisioner (seed 1)', () => {
    const c = new Cluster({ seed: 1 })
    expect(pods(c).map(row)).toEqual([
      'kube-system/calico-kube-controllers-864cb8597d-st92d controlplane 1/1 Running 192.168.0.4',
      'kube-system/canal-8dg9k node02 2/2 Running 172.30.2.3',
      'kube-system/canal-j279j node01 2/2 Running 172.30.2.2',
      'kube-system/canal-wxz6n controlplane 2/2 Running 172.30.1.2',
      'kube-system/coredns-7bbdf89b77-9bxjt controlplane 1/1 Running 192.168.0.2',
      'kube-system/coredns-7bbdf89b77-bsgzv controlplane 1/1 Running 192.168.0.3',
      'kube-system/etcd-controlplane controlplane 1/1 Running 172.30.1.2',
      'kube-system/kube-apiserver-controlplane controlplane 1/1 Running 172.30.1.2',
      'kube-system/kube-controller-manager-controlplane controlplane 1/1 Running 172.30.1.2',
      'kube-system/kube-proxy-c7cmf node02 1/1 Running 172.30.2.3',
      'kube-system/kube-proxy-k7mrj node01 1/1 Running 172.30.2.2',
      'kube-system/kube-proxy-p7nvx controlplane 1/1 Running 172.30.1.2',
      'kube-system/kube-scheduler-controlplane controlplane 1/1 Running 172.30.1.2',
      'local-path-storage/local-path-provisioner-79b8cb7cdb-vqhjr node01 1/1 Running 192.168.1.2',
    ])
  })

  it('the local-path-provisioner pod is the one whose identity the provisioner reports', () => {
    const c = new Cluster({ seed: 1 })
    expect(c.provisioner.identity.split('_')[1]).toBe(pods(c, 'local-path-storage')[0].metadata.name)
  })

  it('the same seed makes the same cluster; another seed other names', () => {
    const names = (seed: number) => pods(new Cluster({ seed })).map((p) => `${p.metadata.name} ${p.metadata.uid} ${p.status?.containerStatuses?.[0].containerID}`)
    expect(names(1)).toEqual(names(1))
    expect(names(2)).not.toEqual(names(1))
  })

  it('mirror pods: file source, the manifest hash twice, owned by the Node, node-critical, the node IP', () => {
    const c = new Cluster({ seed: 1 })
    const node = c.store.get<KObject>('Node', undefined, 'controlplane')!
    for (const p of pods(c, 'kube-system').filter((x) => x.metadata.labels?.tier === 'control-plane')) {
      const a = p.metadata.annotations!
      expect(a['kubernetes.io/config.source']).toBe('file')
      expect(a['kubernetes.io/config.mirror']).toMatch(/^[0-9a-f]{32}$/)
      expect(a['kubernetes.io/config.hash']).toBe(a['kubernetes.io/config.mirror'])
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'controlplane', uid: node.metadata.uid, controller: true }])
      expect([p.spec.priority, p.spec.priorityClassName, p.spec.hostNetwork, p.status?.podIP]).toEqual([2000001000, 'system-node-critical', true, '172.30.1.2'])
    }
  })

  it('their statuses are what the kubelet itself reports, so it writes none (10 minutes later, same resourceVersions)', () => {
    const c = new Cluster({ seed: 1 })
    const before = pods(c).map((p) => `${p.metadata.name} ${p.metadata.resourceVersion}`)
    c.runUntil(c.now() + 600 * SECOND)
    expect(pods(c).map((p) => `${p.metadata.name} ${p.metadata.resourceVersion}`)).toEqual(before)
    expect(events(c, 'kube-system')).toEqual([])
  })

  it('the history (timeline, lesson checks) leaves them out', () => {
    const c = new Cluster({ seed: 1 })
    c.api.delete('Pod', 'kube-system', 'kube-proxy-k7mrj')
    c.runUntil(c.now() + 30 * SECOND)
    expect([c.history!.pods.size, c.history!.events.length]).toEqual([0, 0])
  })
})

describe('their requests count where they run', () => {
  const CASES: [string, string, string, string][] = [
    ['the scheduler: a worker has 1750m left (canal asks 250m)', 'node02-fit', '1750m', 'Running'],
    ['the scheduler: 1800m fits no worker', 'nowhere', '1800m', 'Pending Unschedulable'],
    ['the kubelet: 900m left on the control plane (1100m requested)', 'controlplane', '900m', 'Running'],
    ['the kubelet rejects 1 CPU more than that: OutOfcpu', 'controlplane', '1', "Failed OutOfcpu Pod was rejected: Node didn't have enough resource: cpu, requested: 1000, used: 1100, capacity: 2000"],
  ]
  for (const [name, where, cpu, want] of CASES) {
    it(name, () => {
      const c = new Cluster({ seed: 1 })
      const spec = { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'], resources: { requests: { cpu } } }], ...(where === 'controlplane' ? { nodeName: 'controlplane' } : {}) }
      c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec } as unknown as Pod)
      c.runUntil(c.now() + 20 * SECOND)
      const p = c.store.get<Pod>('Pod', 'default', 'p')!
      const st = p.status!
      const got = st.phase === 'Pending' ? `Pending ${st.conditions?.find((x) => x.type === 'PodScheduled')?.reason}` : st.phase === 'Failed' ? `Failed ${st.reason} ${st.message}` : st.phase
      expect(got).toBe(want)
    })
  }
})

describe('deleting them does what their owners do', () => {
  it('a mirror pod: the kubelet deletes it at once and posts a new one, Pending until its status sync (every 10 s), the containers untouched', () => {
    const c = new Cluster({ seed: 1 })
    // This kubelet's status syncs fall at 0.598 s past each 10 s: delete just after one.
    c.runUntil(c.now() + SECOND)
    const old = c.store.get<Pod>('Pod', 'kube-system', 'etcd-controlplane')!
    c.api.delete('Pod', 'kube-system', 'etcd-controlplane')
    c.runUntil(c.now() + 9 * SECOND)
    const fresh = c.store.get<Pod>('Pod', 'kube-system', 'etcd-controlplane')!
    expect([fresh.metadata.uid === old.metadata.uid, fresh.status?.phase, fresh.metadata.creationTimestamp]).toEqual([false, 'Pending', '2026-01-01T00:00:01Z'])
    c.runUntil(c.now() + SECOND)
    const synced = c.store.get<Pod>('Pod', 'kube-system', 'etcd-controlplane')!
    expect(synced.metadata.uid).toBe(fresh.metadata.uid)
    expect(synced.status).toEqual(old.status)
    expect(events(c, 'kube-system')).toEqual([])
  })

  const REPLACED: [string, string, string, string][] = [
    ['a DaemonSet pod: a new one on the same node, at once', 'k8s-app=kube-proxy', 'node01', 'node01'],
    ['a canal pod: its init containers run again, then both containers', 'k8s-app=canal', 'node01', 'node01'],
    ['a ReplicaSet pod: a new one where the scheduler puts it', 'k8s-app=kube-dns', 'controlplane', 'node02'],
  ]
  for (const [name, label, from, to] of REPLACED) {
    it(name, () => {
      const c = new Cluster({ seed: 1 })
      const [key, value] = label.split('=')
      const matching = () => pods(c, 'kube-system').filter((p) => p.metadata.labels?.[key] === value)
      const gone = matching().find((p) => p.spec.nodeName === from)!
      const owner = gone.metadata.ownerReferences![0]
      c.api.delete('Pod', 'kube-system', gone.metadata.name)
      c.runUntil(c.now() + 30 * SECOND)
      const fresh = matching().filter((p) => p.metadata.creationTimestamp.startsWith('2026'))
      const n = gone.spec.containers.length
      expect(fresh.map(row)).toEqual([`kube-system/${owner.name}-cl9vt ${to} ${n}/${n} Running ${fresh[0]?.status?.podIP}`])
      expect(fresh[0].metadata.ownerReferences).toEqual(gone.metadata.ownerReferences)
      expect(c.store.get('Pod', 'kube-system', gone.metadata.name)).toBeUndefined()
      const controller = owner.kind === 'DaemonSet' ? 'daemonset-controller' : 'replicaset-controller'
      expect(events(c, 'kube-system').filter((e) => e.includes('SuccessfulCreate'))).toEqual([`${controller} SuccessfulCreate ${owner.kind}/${owner.name}: Created pod: ${owner.name}-cl9vt`])
    })
  }

  it('a namespace that goes takes its system pods for good', () => {
    const c = new Cluster({ seed: 1 })
    c.api.delete('Namespace', undefined, 'local-path-storage')
    c.runUntil(c.now() + 60 * SECOND)
    expect([c.store.get('Namespace', undefined, 'local-path-storage'), pods(c, 'local-path-storage').length]).toEqual([undefined, 0])
  })
})
