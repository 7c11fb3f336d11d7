import { describe, expect, it } from 'vitest'
import type { Event, KObject, Node, PersistentVolumeClaim, PodSpec } from '../api/types.ts'
import { createPod, getPod, makeCore, withScheduler } from '../kubelet/testing.ts'

type Core = ReturnType<typeof makeCore>

const busybox = [{ name: 'c', image: 'busybox:1.36' }]
const cpu = (n: string) => [{ name: 'c', image: 'busybox:1.36', resources: { requests: { cpu: n } } }]

function patchNode(core: Core, name: string, f: (n: Node) => Node): void {
  core.store.update(f(core.store.get<Node>('Node', undefined, name)!))
}

function claim(core: Core, name: string): void {
  core.store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } } as PersistentVolumeClaim)
}

/** Where the pod got to: its node, assumed while its claims are provisioned, or how many attempts failed. */
function outcome(core: Core, scheduler: ReturnType<typeof withScheduler>): string {
  const p = getPod(core, 'p')
  if (p.spec.nodeName) return `bound to ${p.spec.nodeName}`
  if (scheduler.cache.isPlaced(p.metadata.uid)) return 'assumed'
  const tries = core.store.list<Event>('Event').filter((e) => e.reason === 'FailedScheduling')
  return `attempts ${tries.reduce((n, e) => n + ((e.series as { count: number } | undefined)?.count ?? 1), 0)}`
}

interface Case {
  name: string
  pod: Partial<PodSpec> & Pick<PodSpec, 'containers'>
  before?: (core: Core) => void
  event: (core: Core) => void
  want: string
}

// Each plugin's EventsToRegister and QueueingHintFn (framework/plugins/*), SchedulerQueueingHints on.
const CASES: Case[] = [
  {
    name: 'NodeAffinity isSchedulableAfterNodeChange: a label that makes a node match → Queue',
    pod: { containers: busybox, nodeSelector: { disk: 'ssd' } },
    event: (core) => patchNode(core, 'node01', (n) => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, disk: 'ssd' } } })),
    want: 'bound to node01',
  },
  {
    name: 'NodeAffinity isSchedulableAfterNodeChange: a label the pod does not select on → QueueSkip',
    pod: { containers: busybox, nodeSelector: { disk: 'ssd' } },
    event: (core) => patchNode(core, 'node01', (n) => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, rack: 'r1' } } })),
    want: 'attempts 1',
  },
  {
    name: 'NodeAffinity does not register pod deletions: a bound pod finishing helps no selector',
    pod: { containers: busybox, nodeSelector: { disk: 'ssd' } },
    before: (core) => createPod(core, 'x', { containers: busybox }),
    event: (core) => core.api.updateStatus(getPod(core, 'x'), { ...getPod(core, 'x').status, phase: 'Succeeded' }),
    want: 'attempts 1',
  },
  {
    name: 'NodeResourcesFit isSchedulableAfterPodEvent: a bound pod finishing (AssignedPodDelete) → Queue',
    pod: { containers: cpu('3') },
    before: (core) => createPod(core, 'x', { containers: busybox }),
    event: (core) => core.api.updateStatus(getPod(core, 'x'), { ...getPod(core, 'x').status, phase: 'Succeeded' }),
    want: 'attempts 2',
  },
  {
    name: 'NodeResourcesFit does not register label changes',
    pod: { containers: cpu('3') },
    event: (core) => patchNode(core, 'node01', (n) => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, rack: 'r1' } } })),
    want: 'attempts 1',
  },
  {
    name: 'NodeResourcesFit isSchedulableAfterNodeChange: more allocatable cpu (UpdateNodeAllocatable) → Queue',
    pod: { containers: cpu('3') },
    event: (core) => patchNode(core, 'node02', (n) => ({ ...n, status: { ...n.status, allocatable: { ...n.status.allocatable, cpu: '4' } } })),
    want: 'bound to node02',
  },
  {
    name: 'NodeUnschedulable isSchedulableAfterNodeChange: uncordon → Queue',
    pod: { containers: busybox },
    before: (core) => ['node01', 'node02'].forEach((name) => patchNode(core, name, (n) => ({ ...n, spec: { ...n.spec, unschedulable: true } }))),
    event: (core) => patchNode(core, 'node02', (n) => ({ ...n, spec: { ...n.spec, unschedulable: false } })),
    want: 'bound to node02',
  },
  {
    name: 'TaintToleration isSchedulableAfterNodeChange: the untolerated taint removed → Queue',
    pod: { containers: busybox, nodeSelector: { 'node-role.kubernetes.io/control-plane': '' } },
    event: (core) => patchNode(core, 'controlplane', (n) => ({ ...n, spec: { ...n.spec, taints: [] } })),
    want: 'bound to controlplane',
  },
  {
    name: 'a Ready condition change (UpdateNodeCondition): no plugin of the default profile registers it',
    pod: { containers: cpu('3') },
    event: (core) => patchNode(core, 'node01', (n) => ({ ...n, status: { ...n.status, conditions: n.status.conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' } : c)) } })),
    want: 'attempts 1',
  },
  {
    name: 'VolumeBinding isSchedulableAfterPersistentVolumeClaimChange: another claim → QueueSkip',
    pod: { containers: busybox, volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
    event: (core) => claim(core, 'other'),
    want: 'attempts 1',
  },
  {
    name: 'VolumeBinding isSchedulableAfterPersistentVolumeClaimChange: the claim the pod uses → Queue',
    pod: { containers: busybox, volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
    event: (core) => claim(core, 'data'),
    want: 'assumed',
  },
  {
    name: 'VolumeBinding registers PersistentVolume Add without a hint → Queue',
    pod: { containers: busybox, volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
    event: (core) => core.store.create({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: {}, status: { phase: 'Available' } } as KObject),
    want: 'attempts 2',
  },
]

describe('queueing hints: which cluster events send an unschedulable pod back', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const core = makeCore()
      const scheduler = withScheduler(core)
      c.before?.(core)
      core.kernel.advance(100)
      createPod(core, 'p', c.pod)
      core.kernel.advance(2000)
      c.event(core)
      // Well within the 5-minute flush of leftovers, past the pod's back-off.
      core.kernel.advance(20_000)
      expect(outcome(core, scheduler)).toBe(c.want)
    })
  }
})
