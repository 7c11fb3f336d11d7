import { describe, expect, it } from 'vitest'
import type { Event, Node, PersistentVolumeClaim, Pod } from '../api/types.ts'
import { Provisioner } from '../kubelet/storage.ts'
import { createPod, eventLines, getPod, makeCore, T0, withScheduler } from '../kubelet/testing.ts'

const busybox = [{ name: 'c', image: 'busybox:1.36' }]
const cpu = (n: string) => [{ name: 'c', image: 'busybox:1.36', resources: { requests: { cpu: n } } }]

function setup() {
  const core = makeCore()
  const scheduler = withScheduler(core)
  return { ...core, core, scheduler }
}

/** Mark a bound pod finished, as its kubelet would. */
function finish(core: ReturnType<typeof makeCore>, name: string) {
  const p = getPod(core, name)
  core.api.updateStatus(p, { ...p.status, phase: 'Succeeded' })
}

describe('scheduling', () => {
  it('binds a pod to a worker within milliseconds: nodeName, PodScheduled=True and the Scheduled event', () => {
    const { core, kernel, store } = setup()
    createPod(core, 'p', { containers: busybox })
    kernel.advance(50)
    const pod = getPod(core, 'p')
    expect(pod.spec.nodeName).toMatch(/^node0[12]$/)
    expect(pod.status.conditions).toEqual([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' }])
    const ev = store.list<Event>('Event')[0]
    expect(ev).toMatchObject({ reason: 'Scheduled', type: 'Normal', action: 'Binding', message: `Successfully assigned default/p to ${pod.spec.nodeName}`, source: {}, firstTimestamp: null, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-controlplane' })
    expect(Date.parse(ev.eventTime!) - T0).toBeLessThan(20)
  })

  it('spreads pods over the two workers (least allocated), never onto the tainted control plane', () => {
    const { core, kernel } = setup()
    for (const n of ['a', 'b', 'c', 'd']) createPod(core, n, { containers: busybox })
    kernel.advance(100)
    const nodes = ['a', 'b', 'c', 'd'].map((n) => getPod(core, n).spec.nodeName)
    expect(nodes.filter((n) => n === 'node01').length).toBe(2)
    expect(nodes.filter((n) => n === 'node02').length).toBe(2)
  })

  it('the same seed makes the same choices', () => {
    const run = () => {
      const { core, kernel } = setup()
      for (const n of ['a', 'b', 'c']) createPod(core, n, { containers: busybox })
      kernel.advance(100)
      return ['a', 'b', 'c'].map((n) => getPod(core, n).spec.nodeName).join(',')
    }
    expect(run()).toBe(run())
  })

  it('a toleration and a nodeSelector put a pod on the control plane', () => {
    const { core, kernel } = setup()
    createPod(core, 'p', {
      containers: busybox,
      nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
      tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
    })
    kernel.advance(50)
    expect(getPod(core, 'p').spec.nodeName).toBe('controlplane')
  })

  it('required node affinity (In) is honoured', () => {
    const { core, kernel } = setup()
    createPod(core, 'p', {
      containers: busybox,
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node02'] }] }] } } },
    })
    kernel.advance(50)
    expect(getPod(core, 'p').spec.nodeName).toBe('node02')
  })

  it('pods for another scheduler are left alone', () => {
    const { core, kernel, store } = setup()
    createPod(core, 'p', { containers: busybox, schedulerName: 'my-scheduler' })
    kernel.advance(10_000)
    expect([getPod(core, 'p').spec.nodeName, store.count('Event')]).toEqual([undefined, 0])
  })

  it('a pod with scheduling gates is not scheduled (no attempt, no FailedScheduling) until an update removes the last one', () => {
    const { core, kernel, store } = setup()
    createPod(core, 'p', { containers: busybox, schedulingGates: [{ name: 'example.com/a' }, { name: 'example.com/b' }] } as Parameters<typeof createPod>[2])
    kernel.advance(5000)
    expect([getPod(core, 'p').spec.nodeName, store.list<Event>('Event').length]).toEqual([undefined, 0])
    const ungate = (gates: { name: string }[] | undefined) => {
      const p = getPod(core, 'p')
      core.api.update<Pod>({ ...p, spec: { ...p.spec, schedulingGates: gates } as Pod['spec'] })
    }
    ungate([{ name: 'example.com/b' }])
    kernel.advance(5000)
    expect(getPod(core, 'p').spec.nodeName).toBeUndefined()
    ungate(undefined)
    kernel.advance(50)
    expect(getPod(core, 'p').spec.nodeName).toMatch(/^node0[12]$/)
  })
})

describe('FailedScheduling (FitError.Error and the preemption PostFilter)', () => {
  const CASES: [string, Parameters<typeof createPod>[2], string][] = [
    [
      'TestSchedulerFailedSchedulingReasons: insufficient cpu on the workers',
      { containers: cpu('3') },
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    ],
    [
      'cpu and memory both short',
      { containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: '3', memory: '8Gi' } } }] },
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    ],
    [
      'a nodeSelector no node has',
      { containers: busybox, nodeSelector: { disktype: 'ssd' } },
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ],
    [
      'preemptionPolicy Never',
      { containers: cpu('3'), preemptionPolicy: 'Never' },
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    ],
    [
      'a missing PersistentVolumeClaim (VolumeBinding PreFilter)',
      { containers: busybox, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] },
      '0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ],
  ]
  for (const [name, spec, message] of CASES) {
    it(name, () => {
      const { core, kernel, store } = setup()
      createPod(core, 'p', spec)
      kernel.advance(1000)
      const pod = getPod(core, 'p')
      expect(pod.spec.nodeName).toBeUndefined()
      expect(pod.status.conditions).toEqual([{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'Unschedulable', message }])
      expect(store.list<Event>('Event').map((e) => [e.type, e.reason, e.action, e.message])).toEqual([['Warning', 'FailedScheduling', 'Scheduling', message]])
    })
  }

  it('a cordoned node: node(s) were unschedulable', () => {
    const { core, kernel, store } = setup()
    for (const name of ['node01', 'node02']) {
      const n = store.get<Node>('Node', undefined, name)!
      store.update({ ...n, spec: { ...n.spec, unschedulable: true } })
    }
    createPod(core, 'p', { containers: busybox })
    kernel.advance(1000)
    expect(getPod(core, 'p').status.conditions![0].message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    )
  })
})

describe('retries', () => {
  it('a pod waiting for cpu is scheduled when a pod on a node finishes', () => {
    const { core, kernel } = setup()
    createPod(core, 'a', { containers: cpu('1500m') })
    createPod(core, 'b', { containers: cpu('1500m') })
    kernel.advance(100)
    createPod(core, 'c', { containers: cpu('1500m') })
    kernel.advance(30_000)
    expect(getPod(core, 'c').spec.nodeName).toBeUndefined()
    finish(core, 'a')
    kernel.advance(20)
    expect(getPod(core, 'c').spec.nodeName).toBe(getPod(core, 'a').spec.nodeName)
    expect(getPod(core, 'c').status.conditions!.map((c) => [c.type, c.status, c.lastTransitionTime])).toEqual([['PodScheduled', 'True', '2026-01-01T00:00:30Z']])
  })

  it('a freed node waits out the pod back-off (1 s after one attempt)', () => {
    const { core, kernel } = setup()
    createPod(core, 'a', { containers: cpu('1500m') })
    createPod(core, 'b', { containers: cpu('1500m') })
    kernel.advance(100)
    createPod(core, 'c', { containers: cpu('1500m') })
    kernel.advance(300)
    finish(core, 'a')
    kernel.advance(500)
    expect(getPod(core, 'c').spec.nodeName).toBeUndefined()
    kernel.advance(700)
    expect(getPod(core, 'c').spec.nodeName).toBeDefined()
  })

  it('without cluster events an unschedulable pod is retried every 5½ minutes (flush leftovers every 30 s)', () => {
    const { core, kernel, store } = setup()
    createPod(core, 'p', { containers: cpu('3') })
    const seen = () => store.list<Event>('Event').map((e) => [e.eventTime!.slice(11, 19), (e.series as { count: number } | undefined)?.count ?? 1])
    kernel.advance(5 * 60_000 + 29_000)
    expect(seen()).toEqual([['00:00:00', 1]])
    // The first event named the pod before its PodScheduled condition was written, so
    // the retries form a second event: "58m" then "13m (x9 over 53m)" in describe.
    kernel.advance(2000)
    expect(seen()).toEqual([['00:00:00', 1], ['00:05:30', 1]])
    kernel.advance(5 * 60_000 + 30_000)
    expect(seen()).toEqual([['00:00:00', 1], ['00:05:30', 2]])
  })
})

describe('volume binding with the default StorageClass (WaitForFirstConsumer)', () => {
  it('provisions the claim for the chosen node, then binds the pod', () => {
    const { core, kernel, store, ctx } = setup()
    new Provisioner(ctx)
    store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } } as PersistentVolumeClaim)
    kernel.advance(20_000)
    createPod(core, 'p', { containers: busybox, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] })
    kernel.advance(10)
    expect(getPod(core, 'p').spec.nodeName).toBeUndefined()
    kernel.advance(10_000)
    const pod = getPod(core, 'p')
    const pvc = store.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'data')!
    expect(pod.spec.nodeName).toBe(pvc.metadata.annotations!['volume.kubernetes.io/selected-node'])
    expect(pvc.spec.volumeName).toBe('pvc-' + pvc.metadata.uid)
    expect(pvc.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } })
    expect(eventLines(core, 'data').map((l) => l.replace(/^\S+ /, ''))).toEqual([
      'Normal WaitForFirstConsumer waiting for first consumer to be created before binding (x2)',
      "Normal ExternalProvisioning Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      'Normal Provisioning External provisioner is provisioning volume for claim "default/data"',
      `Normal ProvisioningSucceeded Successfully provisioned volume pvc-${pvc.metadata.uid}`,
    ])
    // A second pod using the claim must go where the volume is.
    createPod(core, 'q', { containers: busybox, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] })
    kernel.advance(50)
    expect(getPod(core, 'q').spec.nodeName).toBe(pod.spec.nodeName)
  })

  // binder.go FindPodVolumes: an unbound claim with a selected node fits no other node, even before it is provisioned.
  it('two pods created together for one unprovisioned claim both go to the node chosen for it', () => {
    const { core, kernel, store, ctx } = setup()
    new Provisioner(ctx)
    store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } } as PersistentVolumeClaim)
    for (const n of ['a', 'b']) createPod(core, n, { containers: busybox, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] })
    kernel.advance(10_000)
    const pvc = store.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'data')!
    expect([getPod(core, 'a').spec.nodeName, getPod(core, 'b').spec.nodeName, pvc.metadata.annotations!['volume.kubernetes.io/selected-node']]).toEqual(['node01', 'node01', 'node01'])
  })

  it('a claim of a class that does not exist keeps the pod pending', () => {
    const { core, kernel, store, ctx } = setup()
    new Provisioner(ctx)
    store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { storageClassName: 'fast', resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } } as PersistentVolumeClaim)
    createPod(core, 'p', { containers: busybox, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] })
    kernel.advance(1000)
    expect(getPod(core, 'p').status.conditions![0].message).toBe('0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.')
    expect(eventLines(core, 'data')).toEqual(['0.000 Warning ProvisioningFailed storageclass.storage.k8s.io "fast" not found'])
  })
})

export type { Pod }

describe('pvc-protection', () => {
  it('a claim deleted while a pod uses it stays Terminating until the pod is gone', () => {
    const { core, kernel, store, ctx } = setup()
    new Provisioner(ctx)
    store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', finalizers: ['kubernetes.io/pvc-protection'] }, spec: { resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } } as PersistentVolumeClaim)
    createPod(core, 'p', { containers: busybox, volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] })
    kernel.advance(10_000)
    core.api.delete('PersistentVolumeClaim', 'default', 'data')
    kernel.advance(1000)
    expect(store.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'data')?.metadata.deletionTimestamp).toBe('2026-01-01T00:00:10Z')
    finish(core, 'p')
    expect(store.get('PersistentVolumeClaim', 'default', 'data')).toBeUndefined()
  })
})
