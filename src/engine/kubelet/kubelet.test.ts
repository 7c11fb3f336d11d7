import { describe, expect, it } from 'vitest'
import type { PersistentVolumeClaim, Pod } from '../api/types.ts'
import { renderLog } from './logs.ts'
import { createPod, eventLines, getPod, makeNodes, statusTrail, T0, type KubeletCore } from './testing.ts'

const uidOf = (core: KubeletCore, name: string) => getPod(core, name).metadata.uid

function logsOf(core: KubeletCore, pod: string, container: string, previous = false): string {
  const p = getPod(core, pod)
  const r = core.kubelets.get(p.spec.nodeName!)!.logs(p.metadata.uid, container, { previous })
  return r.ok ? renderLog(r.log.entries) : `error ${r.code}: ${r.message}`
}

describe('a pod from creation to completion', () => {
  it('Never pod: ContainerCreating, Running, Completed, with the kubelet status and events', () => {
    const core = makeNodes()
    const trail = statusTrail(core, 'p')
    createPod(core, 'p', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'out:hello', 'sleep:5000', 'out:bye'] }] })
    core.kernel.advance(20_000)
    expect(trail).toEqual(['0.000 Pending Pending restarts=0', '0.014 Pending ContainerCreating restarts=0', '2.386 Running Running restarts=0', '7.386 Succeeded Completed restarts=0'])
    expect(eventLines(core, 'p')).toEqual([
      '0.004 Normal Scheduled Successfully assigned default/p to node01',
      '0.000 Normal Pulling Pulling image "busybox:1.36"',
      '1.000 Normal Pulled Successfully pulled image "busybox:1.36" in 771ms (771ms including waiting). Image size: 2160406 bytes.',
      '1.000 Normal Created Created container: c',
      '1.000 Normal Started Started container c',
    ])
    const cid = 'containerd://67be01266a663b75f76e4143eb4e8a7be8fdaae106e8817c2f47b8b9232199ad'
    expect(getPod(core, 'p').status).toEqual({
      phase: 'Succeeded',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:07Z' },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'PodCompleted' },
        { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:07Z', reason: 'PodCompleted' },
        { type: 'ContainersReady', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:07Z', reason: 'PodCompleted' },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' },
      ],
      hostIP: '172.30.2.2',
      hostIPs: [{ ip: '172.30.2.2' }],
      podIP: '192.168.1.2',
      podIPs: [{ ip: '192.168.1.2' }],
      startTime: '2026-01-01T00:00:00Z',
      containerStatuses: [
        {
          name: 'c',
          state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2026-01-01T00:00:01Z', finishedAt: '2026-01-01T00:00:06Z', containerID: cid } },
          lastState: {},
          ready: false,
          restartCount: 0,
          image: 'docker.io/library/busybox:1.36',
          imageID: 'docker.io/library/busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447',
          containerID: cid,
          started: false,
          resources: {},
        },
      ],
      qosClass: 'BestEffort',
    })
    expect(logsOf(core, 'p', 'c')).toBe('hello\nbye\n')
  })

  it("the kubelet's first status: ContainerCreating, conditions with reasons, host IP and start time", () => {
    const core = makeNodes()
    createPod(core, 'p', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'forever'] }] })
    core.kernel.advance(100)
    expect(getPod(core, 'p').status).toEqual({
      phase: 'Pending',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' },
        { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'ContainersNotReady', message: 'containers with unready status: [c]' },
        { type: 'ContainersReady', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'ContainersNotReady', message: 'containers with unready status: [c]' },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' },
      ],
      hostIP: '172.30.2.2',
      hostIPs: [{ ip: '172.30.2.2' }],
      startTime: '2026-01-01T00:00:00Z',
      containerStatuses: [{ name: 'c', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0, image: 'busybox:1.36', imageID: '', started: false }],
      qosClass: 'BestEffort',
    })
  })

  it('init containers run one at a time, then the containers; Initialized waits for them', () => {
    const core = makeNodes()
    const seen: string[] = []
    core.store.watch((e) => {
      const p = e.object as Pod
      if (p.metadata.name !== 'p' || e.type === 'DELETED' || !p.status.initContainerStatuses) return
      const f = (cs: NonNullable<Pod['status']['containerStatuses']>) => cs.map((c) => c.state.waiting?.reason ?? c.state.terminated?.reason ?? 'Running').join(',')
      const init = p.status.conditions!.find((c) => c.type === 'Initialized')!
      seen.push(`${p.status.phase} init=${f(p.status.initContainerStatuses)} main=${f(p.status.containerStatuses!)} Initialized=${init.status}${init.message ? ' ' + init.message : ''}`)
    }, 'Pod')
    createPod(core, 'p', {
      restartPolicy: 'Never',
      initContainers: [{ name: 'i1', image: 'busybox:1.36', command: ['fake', 'sleep:2000'] }, { name: 'i2', image: 'busybox:1.36', command: ['fake', 'sleep:1000'] }],
      containers: [{ name: 'a', image: 'busybox:1.36', command: ['fake', 'sleep:3000'] }],
    })
    core.kernel.advance(20_000)
    expect(seen).toEqual([
      'Pending init=PodInitializing,PodInitializing main=PodInitializing Initialized=False containers with incomplete status: [i1 i2]',
      'Pending init=PodInitializing,PodInitializing main=PodInitializing Initialized=False containers with incomplete status: [i1 i2]',
      'Pending init=Running,PodInitializing main=PodInitializing Initialized=False containers with incomplete status: [i1 i2]',
      'Pending init=Completed,PodInitializing main=PodInitializing Initialized=False containers with incomplete status: [i2]',
      'Pending init=Completed,Running main=PodInitializing Initialized=False containers with incomplete status: [i2]',
      'Pending init=Completed,Completed main=PodInitializing Initialized=True',
      'Running init=Completed,Completed main=Running Initialized=True',
      'Succeeded init=Completed,Completed main=Completed Initialized=True',
      'Succeeded init=Completed,Completed main=Completed Initialized=True',
    ])
  })

  it('a failed init container fails a Never pod; the containers never start', () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'Never', initContainers: [{ name: 'i', image: 'busybox:1.36', command: ['fake', 'exit:3'] }], containers: [{ name: 'a', image: 'busybox:1.36', command: ['fake'] }] })
    core.kernel.advance(10_000)
    const st = getPod(core, 'p').status
    expect([st.phase, st.initContainerStatuses![0].state.terminated?.exitCode, st.containerStatuses![0].state]).toEqual(['Failed', 3, { waiting: { reason: 'PodInitializing' } }])
    expect(core.runtime.spawns.length).toBe(1)
  })
})

describe('what a container is started with', () => {
  it('env: $(VAR) from earlier entries, the downward API, service links, HOSTNAME; args expanded with $$ escapes', () => {
    const core = makeNodes()
    createPod(core, 'p', {
      hostname: 'worker-0',
      containers: [
        {
          name: 'c',
          image: 'busybox:1.36',
          command: ['fake'],
          args: ['$(GREETING)', '$$(A)', '$(NOPE)', '$(PATH)'],
          env: [
            { name: 'A', value: 'hello' },
            { name: 'GREETING', value: '$(A) from $(MY_NODE)' },
            { name: 'MY_NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
            { name: 'MY_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
          ],
          resources: { limits: { memory: '64Mi' } },
        },
      ],
    })
    core.kernel.advance(5_000)
    const s = core.runtime.spawns[0]
    expect(s.argv).toEqual(['fake', 'hello from $(MY_NODE)', '$(A)', '$(NOPE)', '$(PATH)'])
    expect(s.env).toEqual({
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HOSTNAME: 'worker-0',
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_SERVICE_PORT_HTTPS: '443',
      KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
      KUBERNETES_PORT_443_TCP_PORT: '443',
      KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
      A: 'hello',
      GREETING: 'hello from $(MY_NODE)',
      MY_NODE: 'node01',
      MY_NAME: 'p',
      MEM: '64',
      HOME: '/root',
    })
  })

  it('a ConfigMap key that does not exist: CreateContainerConfigError, retried every 10 s', () => {
    const core = makeNodes()
    const trail = statusTrail(core, 'p')
    createPod(core, 'p', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake'], env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'x' } } }] }] })
    core.kernel.advance(25_000)
    expect(trail).toEqual(['0.000 Pending Pending restarts=0', '0.014 Pending ContainerCreating restarts=0', '1.658 Pending CreateContainerConfigError restarts=0'])
    // Attempts at 1.6 s (twice: the sandbox's relist follows at once), 11.6 s and 21.6 s.
    expect(eventLines(core, 'p').slice(3)).toEqual(['1.000 Warning Failed Error: configmap "cfg" not found (x4)', '1.000 Normal Pulled Container image "busybox:1.36" already present on machine (x3)'])
    expect(getPod(core, 'p').status.containerStatuses![0].state).toEqual({ waiting: { reason: 'CreateContainerConfigError', message: 'configmap "cfg" not found' } })
  })

  it('a command that is not in the image: StartError 128 with runc\'s message, then RunContainerError', () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['bash', '-c', 'echo hi'] }] })
    core.kernel.advance(10_000)
    const msg = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown'
    const st = getPod(core, 'p').status
    expect([st.phase, st.containerStatuses![0].state.terminated]).toEqual([
      'Failed',
      { exitCode: 128, reason: 'StartError', message: msg, startedAt: '1970-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:01Z', containerID: st.containerStatuses![0].containerID },
    ])
    expect(eventLines(core, 'p').slice(3)).toEqual(['1.000 Normal Created Created container: c', `1.000 Warning Failed Error: ${msg}`])
  })

  it('an invalid image name: InvalidImageName with the kubelet\'s InspectFailed event', () => {
    const core = makeNodes()
    createPod(core, 'p', { containers: [{ name: 'c', image: 'BusyBox', command: ['fake'] }] })
    core.kernel.advance(3000)
    const msg = 'Failed to apply default image tag "BusyBox": couldn\'t parse image name "BusyBox": invalid reference format: repository name must be lowercase'
    expect(getPod(core, 'p').status.containerStatuses![0].state).toEqual({ waiting: { reason: 'InvalidImageName', message: msg } })
    // Every sync tries again: once at first sight, once more when the sandbox shows up.
    expect(eventLines(core, 'p').slice(1)).toEqual([`0.000 Warning InspectFailed ${msg} (x2)`, '0.000 Warning Failed Error: InvalidImageName (x2)'])
  })
})

describe('volumes', () => {
  it('an emptyDir is shared by the containers of a pod and kept across restarts', () => {
    const core = makeNodes()
    createPod(core, 'p', {
      restartPolicy: 'OnFailure',
      volumes: [{ name: 'scratch', emptyDir: {} }],
      containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'read:/data/x', 'write:/data/x:from the first run', 'exit:1'], volumeMounts: [{ name: 'scratch', mountPath: '/data' }] }],
    })
    core.kernel.advance(5_000)
    expect(logsOf(core, 'p', 'c', true)).toBe('/data/x: missing\n')
    expect(logsOf(core, 'p', 'c')).toBe('from the first run')
  })

  it('a PersistentVolumeClaim keeps its data after the pod is deleted; the next pod sees it', () => {
    const core = makeNodes()
    core.store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } } as PersistentVolumeClaim)
    const spec = (cmd: string[]) => ({ restartPolicy: 'Never' as const, volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }], containers: [{ name: 'c', image: 'busybox:1.36', command: cmd, volumeMounts: [{ name: 'd', mountPath: '/var/data' }] }] })
    createPod(core, 'writer', spec(['fake', 'write:/var/data/note:kept\n']))
    core.kernel.advance(20_000)
    expect(getPod(core, 'writer').status.phase).toBe('Succeeded')
    core.api.delete('Pod', 'default', 'writer')
    createPod(core, 'reader', spec(['fake', 'read:/var/data/note']))
    core.kernel.advance(20_000)
    expect(logsOf(core, 'reader', 'c')).toBe('kept\n')
  })
})

describe('node resources the kubelet reports', () => {
  it('pod IPs come from the node podCIDR in order; the node lists pulled images', () => {
    const core = makeNodes()
    for (const n of ['a', 'b', 'c', 'd']) createPod(core, n, { nodeName: 'node02', containers: [{ name: 'c', image: 'alpine:3.20', command: ['fake', 'forever'] }] })
    core.kernel.advance(20_000)
    expect(['a', 'b', 'c', 'd'].map((n) => getPod(core, n).status.podIP).sort()).toEqual(['192.168.2.2', '192.168.2.3', '192.168.2.4', '192.168.2.5'])
    const node = core.store.get<import('../api/types.ts').Node>('Node', undefined, 'node02')!
    expect(node.status.images!.map((i) => i.names[1])).toEqual([
      'docker.io/calico/node:v3.29.3',
      'docker.io/calico/cni:v3.29.3',
      'registry.k8s.io/kube-proxy:v1.33.2',
      'docker.io/flannel/flannel:v0.24.4',
      'docker.io/library/alpine:3.20',
      'registry.k8s.io/pause:3.10',
    ])
    expect(uidOf(core, 'a')).toBeTruthy()
  })

  // kubelet_node_status.go tryUpdateNodeStatus: a status is patched when it changed (heartbeat times
  // aside) or 5 minutes after the last patch; every patch stamps the conditions' lastHeartbeatTime.
  const nodeWrites = (core: KubeletCore, node: string): string[] => {
    const out: string[] = []
    core.store.watch((e) => {
      const n = e.object as import('../api/types.ts').Node
      if (e.type !== 'MODIFIED' || n.metadata.name !== node) return
      const beat = n.status.conditions.map((c) => c.lastHeartbeatTime)
      out.push(`${(core.kernel.now() - T0) / 1000} images=${n.status.images!.length} heartbeat=${[...new Set(beat)].join(',')}`)
    }, 'Node')
    return out
  }
  const cases: { name: string; image: string; want: string[] }[] = [
    {
      name: 'an image the node already has (pull policy Always): only the 5-minute reports',
      image: 'registry.k8s.io/pause:3.10',
      want: ['300.637 images=5 heartbeat=2026-01-01T00:05:00Z', '600.637 images=5 heartbeat=2026-01-01T00:10:00Z'],
    },
    {
      name: 'a new image: patched at the next 10-second tick, the next report 5 minutes after that',
      image: 'alpine:3.20',
      want: ['10.637 images=6 heartbeat=2026-01-01T00:00:10Z', '310.637 images=6 heartbeat=2026-01-01T00:05:10Z', '610.637 images=6 heartbeat=2026-01-01T00:10:10Z'],
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const core = makeNodes()
      const writes = nodeWrites(core, 'node02')
      for (const n of ['a', 'b']) createPod(core, n, { nodeName: 'node02', containers: [{ name: 'c', image: c.image, imagePullPolicy: 'Always', command: ['fake', 'forever'] }] })
      core.kernel.advance(700_000)
      expect(writes).toEqual(c.want)
    })
  }
})

export { T0 }

describe("the kubelet's admission of pods bound by hand (spec.nodeName)", () => {
  it('a pod on the control plane by nodeName runs there: NoSchedule taints only bind the scheduler', () => {
    const core = makeNodes()
    createPod(core, 'p', { nodeName: 'controlplane', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'forever'] }] })
    core.kernel.advance(10_000)
    expect(getPod(core, 'p').status.phase).toBe('Running')
  })

  it('more CPU than the node has: OutOfcpu, the pod fails at once', () => {
    const core = makeNodes()
    createPod(core, 'p', { nodeName: 'node01', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake'], resources: { requests: { cpu: '3' } } }] })
    core.kernel.advance(1000)
    expect(getPod(core, 'p').status).toEqual({ phase: 'Failed', message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: 0, capacity: 2000", reason: 'OutOfcpu', startTime: '2026-01-01T00:00:00Z', qosClass: 'BestEffort' })
    expect(eventLines(core, 'p')).toEqual(["0.000 Warning OutOfcpu Node didn't have enough resource: cpu, requested: 3000, used: 0, capacity: 2000"])
  })

  it('a nodeSelector the node does not match: NodeAffinity', () => {
    const core = makeNodes()
    createPod(core, 'p', { nodeName: 'node01', nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake'] }] })
    core.kernel.advance(1000)
    const st = getPod(core, 'p').status
    expect([st.phase, st.reason, st.message]).toEqual(['Failed', 'NodeAffinity', "Pod was rejected: Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector"])
  })
})

describe('the service account volume', () => {
  it('token, ca.crt and namespace under /var/run/secrets/kubernetes.io/serviceaccount', () => {
    const core = makeNodes()
    const dir = '/var/run/secrets/kubernetes.io/serviceaccount'
    createPod(core, 'p', {
      restartPolicy: 'Never',
      volumes: [
        {
          name: 'kube-api-access-x7k2p',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
          },
        },
      ],
      containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', `read:${dir}/namespace`, `read:${dir}/token`], volumeMounts: [{ name: 'kube-api-access-x7k2p', mountPath: dir, readOnly: true }] }],
    })
    core.kernel.advance(10_000)
    const [ns, token] = logsOf(core, 'p', 'c').split(/(?<=^default)/)
    expect(ns).toBe('default')
    const [header, claims, sig] = token.split('.')
    const json = (s: string) => JSON.parse(atob(s.replace(/-/g, '+').replace(/_/g, '/')))
    expect(json(header)).toEqual({ alg: 'RS256', kid: 'k8s-sim' })
    expect(json(claims)).toMatchObject({ sub: 'system:serviceaccount:default:default', 'kubernetes.io': { namespace: 'default', pod: { name: 'p' } }, exp: json(claims).iat + 3607 })
    expect(sig).toMatch(/^[A-Za-z0-9_-]{342}$/)
    expect(getPod(core, 'p').status.containerStatuses![0].volumeMounts).toEqual([{ name: 'kube-api-access-x7k2p', mountPath: dir, readOnly: true, recursiveReadOnly: 'Disabled' }])
  })
})
