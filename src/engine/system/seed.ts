// The cluster's own pods as they stand when the lab begins, two weeks after `kubeadm init`: the control plane's
// mirror pods, kube-proxy and canal on every node, CoreDNS and calico-kube-controllers (Pending until the control
// plane was Ready), local-path-provisioner (until a worker was). Made once at cluster start, Running since then.
import type { ControllerContext } from '../context.ts'
import type { KObject, Node, Pod, PodCondition } from '../api/types.ts'
import { defaultPodObject } from '../admission/create.ts'
import { admitPod, TOKEN_VOLUME_PREFIX } from '../admission/pod-admission.ts'
import type { J } from '../admission/util.ts'
import { clusterBirth } from '../cluster-defaults.ts'
import type { Rng } from '../kernel/rng.ts'
import { rfc3339 } from '../kernel/time.ts'
import { parseImageRef, resolveImage } from '../kubelet/images.ts'
import { generatePodStatus, type InstanceView } from '../kubelet/pod-status.ts'
import { ADDON_SERVICE_ACCOUNTS, addonConfigMaps, addons, kubeDnsService, type Workload } from './addons.ts'
import { controlPlaneManifests, mirrorPod } from './control-plane.ts'
import { daemonSet, deployment, podFromTemplate, type SystemController } from './owners.ts'

const SUFFIX = 'bcdfghjklmnpqrstvwxz2456789'
const POD_SUBNET = '192.168.0.0/16'
const SERVICE_SUBNET = '10.96.0.0/12'

/** When each add-on was applied, in seconds after `kubeadm init` brought the apiserver up. */
const APPLIED = { coredns: 11.8, kubeProxy: 12.0, canal: 18.2, calicoControllers: 18.25, localPath: 40 }

interface NodeInfo {
  node: Node
  ip: string
  cidr: string
  registered: number
  ready: number
  nextIP: number
}

/** One object to store, dated when it was created. */
interface Dated {
  at: number
  obj: KObject
}

class Seeder {
  readonly out: Dated[] = []
  readonly controllers: SystemController[] = []
  private readonly birth: number

  constructor(
    private ctx: ControllerContext,
    private rng: Rng,
    private nodes: NodeInfo[],
  ) {
    this.birth = clusterBirth(ctx.config.start)
  }

  t(s: number): number {
    return this.birth + Math.round(s * 1000)
  }

  jitter(lo: number, hi: number): number {
    return this.rng.int(lo, hi)
  }

  hex(n: number): string {
    let s = ''
    while (s.length < n) s += this.rng.u32().toString(16).padStart(8, '0')
    return s.slice(0, n)
  }

  suffix(n: number): string {
    let s = ''
    for (let i = 0; i < n; i++) s += SUFFIX[this.rng.u32() % SUFFIX.length]
    return s
  }

  /** A pod-template or controller-revision hash: a 32-bit hash's decimal digits through SafeEncodeString. */
  templateHash(): string {
    return String(this.rng.u32()).replace(/\d/g, (d) => '456789bcdf'[Number(d)])
  }

  uid(): string {
    const h = this.hex(32)
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20)}`
  }

  add(at: number, obj: KObject): void {
    this.out.push({ at, obj: { ...obj, metadata: { ...obj.metadata, uid: obj.metadata.uid || this.uid(), resourceVersion: '', creationTimestamp: rfc3339(at) } } })
  }

  /** Defaults and the admission plugins, as the apiserver applied them when the pod was created. */
  admit(pod: Pod): Pod {
    const env = { serviceAccountExists: () => true, tokenVolumeName: () => TOKEN_VOLUME_PREFIX + this.suffix(5) }
    return admitPod(defaultPodObject(pod as unknown as J), env) as unknown as Pod
  }

  /**
   * A pod that has run since `sandbox`: bound at `scheduled`, init containers one after another, then the
   * containers, Ready at `ready`. Its status is what the kubelet reported, so the kubelet finds nothing to change.
   */
  run(pod: Pod, n: NodeInfo, created: number, scheduled: number, firstSync: number): void {
    const sandbox = firstSync + this.jitter(400, 900)
    const hostNet = !!pod.spec.hostNetwork
    const ip = hostNet ? n.ip : `${n.cidr.split('.').slice(0, 3).join('.')}.${n.nextIP++}`
    let t = sandbox + this.jitter(150, 300)
    const instance = (image: string, start: number, end?: number): InstanceView => {
      const ref = parseImageRef(image)
      const r = 'error' in ref ? ref : resolveImage(ref)
      const id = 'containerd://' + this.hex(64)
      const img = 'error' in r ? { image, imageID: '' } : { image: r.ref.full, imageID: r.imageID }
      return end === undefined ? { id, restartCount: 0, ...img, state: 'running', startedAt: start } : { id, restartCount: 0, ...img, state: 'exited', startedAt: start, finishedAt: end, exitCode: 0, reason: 'Completed' }
    }
    const init = (pod.spec.initContainers ?? []).map((c) => {
      const start = t
      t = start + this.jitter(300, 900)
      const i = instance(c.image ?? '', start, t)
      t += this.jitter(100, 250)
      return { spec: c, instances: [i] }
    })
    const initDone = t
    const main = pod.spec.containers.map((c) => {
      const i = instance(c.image ?? '', t)
      t += this.jitter(60, 200)
      return { spec: c, instances: [i] }
    })
    const ready = t + (pod.metadata.annotations?.['kubernetes.io/config.source'] ? this.jitter(10_000, 11_000) : this.jitter(300, 2500))
    const cond = (type: string, at: number): PodCondition => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(at) })
    const old = {
      phase: 'Pending' as const,
      conditions: [cond('PodReadyToStartContainers', sandbox), cond('Initialized', init.length ? initDone : firstSync), cond('Ready', ready), cond('ContainersReady', ready), cond('PodScheduled', scheduled)],
    }
    const bound: Pod = { ...pod, spec: { ...pod.spec, nodeName: n.node.metadata.name }, status: old }
    const status = generatePodStatus({ pod: bound, init, main, sandboxReady: true, hostIP: n.ip, podIP: ip, startTime: rfc3339(firstSync), terminal: false, now: ready })
    this.add(created, { ...bound, metadata: { ...bound.metadata, generation: 1 }, status } as KObject)
  }

  /** A pod of a DaemonSet or ReplicaSet, created at `created` and bound once a node would take it. */
  controlled(c: SystemController, n: NodeInfo, created: number, name: string, eligible = created): void {
    const tpl = podFromTemplate(c, c.kind === 'DaemonSet' ? n.node.metadata.name : undefined)
    const pod = this.admit({ ...tpl, metadata: { ...tpl.metadata, name, generateName: tpl.metadata.generateName } })
    const scheduled = Math.max(created, eligible) + this.jitter(40, 180)
    this.run(pod, n, created, scheduled, scheduled + this.jitter(15, 40))
  }

  daemonSet(w: Workload, appliedS: number): void {
    const at = this.t(appliedS)
    const ds = daemonSet(w, this.uid(), rfc3339(at), this.templateHash(), this.nodes.length)
    this.add(at, ds.object)
    this.controllers.push(ds.controller)
    for (const n of this.nodes) this.controlled(ds.controller, n, Math.max(at, n.registered) + this.jitter(60, 250), `${w.name}-${this.suffix(5)}`)
  }

  deployment(w: Workload, appliedS: number, placed: NodeInfo[], eligible: (n: NodeInfo) => number, names?: string[]): void {
    const at = this.t(appliedS)
    const rsAt = at + this.jitter(20, 60)
    const hash = names?.[0].split('-').slice(-2, -1)[0] ?? this.templateHash()
    const d = deployment(w, [this.uid(), this.uid()], [rfc3339(at), rfc3339(rsAt)], hash)
    d.objects.forEach((o, i) => this.add(i ? rsAt : at, o))
    this.controllers.push(d.controller)
    placed.forEach((n, i) => this.controlled(d.controller, n, rsAt + this.jitter(20, 60), names?.[i] ?? `${d.controller.name}-${this.suffix(5)}`, eligible(n)))
  }
}

function nodeInfo(n: Node): NodeInfo {
  const ready = n.status.conditions.find((c) => c.type === 'Ready')?.lastTransitionTime
  return {
    node: n,
    ip: n.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
    cidr: n.spec?.podCIDR ?? '10.244.0.0/24',
    registered: Date.parse(n.metadata.creationTimestamp),
    ready: ready ? Date.parse(ready) : Date.parse(n.metadata.creationTimestamp),
    nextIP: 2,
  }
}

function staticPods(s: Seeder, cp: NodeInfo, version: string): void {
  const seen = s.t(-7.3)
  const seenStamp = rfc3339(seen).slice(0, 19) + '.' + String(seen % 1000).padStart(3, '0') + String(s.jitter(0, 999_999)).padStart(6, '0') + 'Z'
  const manifests = controlPlaneManifests({ node: cp.node.metadata.name, ip: cp.ip, podSubnet: POD_SUBNET, serviceSubnet: SERVICE_SUBNET, version })
  manifests.forEach((m, i) => {
    const pod = s.admit(mirrorPod(m, { name: cp.node.metadata.name, uid: cp.node.metadata.uid }, s.hex(32), seenStamp))
    // The kubelet runs them from their files before the apiserver is up; their mirror pods follow its node.
    const firstSync = seen + s.jitter(5, 30) + i * 3
    s.run(pod, cp, cp.registered + 1100 + s.jitter(0, 400), firstSync, firstSync)
  })
}

function supporting(s: Seeder, apiServer: string, namespace: (name: string, at: number) => void): void {
  const cm = addonConfigMaps(POD_SUBNET, apiServer)
  const appliedAt: Record<string, number> = { coredns: APPLIED.coredns, 'kube-proxy': APPLIED.kubeProxy, 'canal-config': APPLIED.canal, 'local-path-config': APPLIED.localPath }
  namespace('local-path-storage', s.t(APPLIED.localPath))
  for (const c of cm) s.add(s.t(appliedAt[c.name] - 0.1), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: c.name, namespace: c.namespace, uid: '', resourceVersion: '', creationTimestamp: '', ...(c.labels ? { labels: c.labels } : {}) }, data: c.data })
  const saAt: Record<string, number> = { 'kube-proxy': APPLIED.kubeProxy, coredns: APPLIED.coredns, 'local-path-provisioner-service-account': APPLIED.localPath }
  for (const [ns, name] of ADDON_SERVICE_ACCOUNTS) s.add(s.t((saAt[name] ?? APPLIED.canal) - 0.05), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns, uid: '', resourceVersion: '', creationTimestamp: '' } })
}

/**
 * Store the system pods and what keeps them (owners, ConfigMaps, service accounts, the local-path-storage
 * namespace); returns the DaemonSets' and ReplicaSets' controllers. `localPathPod`: the provisioner's pod name.
 */
export function seedSystemPods(ctx: ControllerContext, localPathPod: string): SystemController[] {
  const nodes = ctx.store
    .list<Node>('Node')
    .map(nodeInfo)
    .sort((a, b) => a.registered - b.registered)
  const cp = nodes.find((n) => n.node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined) ?? nodes[0]
  if (!cp) return []
  const workers = nodes.filter((n) => n !== cp)
  const s = new Seeder(ctx, ctx.kernel.rng.stream('system-pods'), nodes)
  const version = cp.node.status.nodeInfo?.kubeletVersion ?? 'v1.33.2'
  const a = addons(version)
  staticPods(s, cp, version)
  supporting(s, `https://${cp.ip}:6443`, (name, at) => s.add(at, { apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: '', resourceVersion: '', creationTimestamp: '', labels: { 'kubernetes.io/metadata.name': name } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }))
  s.add(s.t(APPLIED.coredns + 0.02), kubeDnsService())
  s.deployment(a.coredns, APPLIED.coredns, [cp, cp], () => cp.ready)
  s.daemonSet(a.kubeProxy, APPLIED.kubeProxy)
  s.daemonSet(a.canal, APPLIED.canal)
  s.deployment(a.calicoControllers, APPLIED.calicoControllers, [cp], () => cp.ready)
  // local-path-provisioner tolerates no taint: it waited for the first worker to be Ready.
  const first = workers[0] ?? cp
  s.deployment(a.localPath, APPLIED.localPath, [first], (n) => n.ready, [localPathPod])
  for (const d of s.out.sort((x, y) => x.at - y.at)) ctx.store.create(d.obj, d.at)
  return s.controllers
}
