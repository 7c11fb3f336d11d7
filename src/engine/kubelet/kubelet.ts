// The kubelet of one node (pkg/kubelet): a pod worker per bound pod, the node's images, pod IPs from its
// podCIDR (host-local IPAM), the PLEG's one-second relist, the restart back-off, logs, node status reports.
import type { WatchEvent } from '../api/store.ts'
import type { Node, Pod } from '../api/types.ts'
import type { ControllerContext } from '../context.ts'
import type { Timer } from '../kernel/kernel.ts'
import type { Rng } from '../kernel/rng.ts'
import { newDir, type DirNode } from '../../shell/fs/vfs.ts'
import { adoptRunning, foundRunning } from './adopt.ts'
import { admitPod } from './admission.ts'
import { Backoff } from './backoff.ts'
import type { ExecAnswer, ExecIO } from './exec.ts'
import { ImageManager } from './image-manager.ts'
import { pickLog, type LogAnswer, type LogRequest, type LogSource, type PodLogs } from './logs.ts'
import { PodWorker } from './pod-worker.ts'
import { qosClass } from './pod-status.ts'
import { rfc3339 } from '../kernel/time.ts'
import { getDefaultRuntime, type ContainerRuntime } from './runtime.ts'
import type { KubeletServices } from './services.ts'
import { shellRuntime } from './shell-runtime.ts'
import { StaticPods } from './static-pods.ts'
import { VolumeRegistry } from './storage.ts'

/** The sandbox image every node has (kubeadm 1.33's pause). */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10'
/** kubelet nodeStatusUpdateFrequency: the node status is computed this often, and patched when it changed. */
const NODE_STATUS_PERIOD_MS = 10_000
/** nodeStatusReportFrequency: with node leases, an unchanged status is still patched 5 minutes after the last patch. */
const NODE_STATUS_REPORT_MS = 5 * 60_000
const MAX_NODE_IMAGES = 50

export interface KubeletOptions {
  runtime?: ContainerRuntime
  /** The cluster's provisioned volumes (shared by every node). */
  volumes?: VolumeRegistry
}

export class Kubelet implements LogSource {
  readonly images: ImageManager
  private workers = new Map<string, PodWorker>()
  /** Workers whose pods may still hold resources; a pod once terminal stays so, and is dropped when next seen. */
  private holding = new Set<PodWorker>()
  private rng: Rng
  private relistPhase: number
  private usedIPs = new Set<string>()
  private lastIP = 1
  private hostPaths = new Map<string, DirNode>()
  private nodeStatusPending = false
  private reportTimer: Timer | null = null
  private services: KubeletServices
  private statics: StaticPods

  constructor(
    readonly ctx: ControllerContext,
    readonly nodeName: string,
    private opts: KubeletOptions = {},
  ) {
    this.rng = ctx.kernel.rng.stream('kubelet/' + nodeName)
    this.relistPhase = ctx.kernel.now() + this.rng.int(0, 999)
    this.images = new ImageManager(ctx.kernel, ctx.recorder, nodeName, () => this.imagesChanged())
    this.images.preload(PAUSE_IMAGE)
    // The node starts with the images its status lists (kubeadm's control-plane images, kube-proxy).
    for (const img of this.node()?.status?.images ?? []) for (const name of img.names) if (!name.includes('@')) this.images.preload(name)
    const idRng = ctx.kernel.rng.stream('containers/' + nodeName)
    const claims = opts.volumes ?? new VolumeRegistry()
    this.services = {
      ctx,
      nodeName,
      node: () => this.node(),
      hostIP: () => this.hostIP(),
      images: this.images,
      runtime: () => this.opts.runtime ?? getDefaultRuntime() ?? shellRuntime,
      crashBackoff: new Backoff(10_000, 300_000),
      rng: this.rng,
      nextRelist: (t) => this.relistPhase + Math.ceil((t - this.relistPhase) / 1000) * 1000,
      allocateIP: () => this.allocateIP(),
      releaseIP: (ip) => this.usedIPs.delete(ip),
      claims,
      hostPath: (p) => {
        let d = this.hostPaths.get(p)
        if (!d) this.hostPaths.set(p, (d = newDir(ctx.kernel.now())))
        return d
      },
      newContainerID: () => Array.from({ length: 8 }, () => idRng.u32().toString(16).padStart(8, '0')).join(''),
      event: (pod, type, reason, message, fieldPath) => ctx.recorder.event(pod, type, reason, message, { component: 'kubelet', host: nodeName }, fieldPath ? { fieldPath } : {}),
      configMap: (ns, name) => ctx.store.get('ConfigMap', ns, name) as { data?: Record<string, string> } | undefined,
    }
    this.statics = new StaticPods(this.services, this.workers, (t, period) => this.relistPhase + Math.ceil((t - this.relistPhase) / period) * period)
    ctx.store.watch((e) => this.onPod(e as WatchEvent<Pod>), 'Pod')
    this.scheduleHeartbeat()
  }

  /** The first unchanged-status report: on the kubelet's 10-second status loop, 5 minutes apart. */
  private scheduleHeartbeat(): void {
    const now = this.ctx.kernel.now()
    this.scheduleReport(this.relistPhase + Math.max(1, Math.ceil((now + 1 - this.relistPhase) / NODE_STATUS_REPORT_MS)) * NODE_STATUS_REPORT_MS)
  }

  private scheduleReport(at: number): void {
    this.ctx.kernel.cancel(this.reportTimer)
    this.reportTimer = this.ctx.kernel.at(at, () => {
      this.reportTimer = null
      this.patchNodeStatus()
    })
  }

  /**
   * kubelet_node_status.go tryUpdateNodeStatus → patchNodeStatus: the whole computed status, whose
   * condition setters stamp lastHeartbeatTime now; the next unchanged report is due 5 minutes later.
   */
  private patchNodeStatus(): void {
    const node = this.node()
    if (!node) return
    const stamp = rfc3339(this.ctx.kernel.now())
    const conditions = node.status.conditions.map((c) => ({ ...c, lastHeartbeatTime: stamp }))
    this.ctx.api.updateStatus(node, { ...node.status, conditions, images: this.nodeImages() })
    this.scheduleReport(this.ctx.kernel.now() + NODE_STATUS_REPORT_MS)
  }

  /** nodestatus.Images: the node's images, biggest first, at most nodeStatusMaxImages. */
  private nodeImages(): { names: string[]; sizeBytes: number }[] {
    return this.images
      .list()
      .slice(0, MAX_NODE_IMAGES)
      .map((i) => ({ names: i.names, sizeBytes: i.size }))
  }

  /** The container runtime this kubelet uses from now on (the shell once it is wired). */
  setRuntime(rt: ContainerRuntime): void {
    this.opts.runtime = rt
  }

  podLogs(podUid: string): PodLogs | undefined {
    return this.workers.get(podUid)?.logs
  }

  /** Exec in a container of a pod on this node. */
  exec(podUid: string, container: string, argv: string[], io: ExecIO): ExecAnswer {
    const w = this.workers.get(podUid)
    if (!w) return { ok: false, code: 500, message: `container not found (${JSON.stringify(container)})` }
    return w.exec(container, argv, io)
  }

  /** Logs of a container of a pod on this node, with the kubelet's errors. */
  logs(podUid: string, container: string, req: LogRequest = {}): LogAnswer {
    const w = this.workers.get(podUid)
    if (!w) return { ok: false, code: 404, message: `pod with UID ${JSON.stringify(podUid)} not found on node ${this.nodeName}` }
    return pickLog(w.pod, w.logs, container, req)
  }

  /** Pods this kubelet is running or finished and still knows. */
  get podCount(): number {
    return this.workers.size
  }

  private onPod(e: WatchEvent<Pod>): void {
    const pod = e.object
    const uid = pod.metadata.uid
    const w = this.workers.get(uid)
    if (e.type === 'DELETED') {
      if (!w) return
      this.workers.delete(uid)
      if (this.statics.onDeleted(w, pod)) return
      w.remove()
      this.holding.delete(w)
      return
    }
    if (pod.spec.nodeName !== this.nodeName) return
    if (w) return this.statics.onUpdate(w, pod) ? undefined : w.update(pod)
    if (this.statics.adoptMirror(pod)) return
    const phase = pod.status?.phase
    if (phase === 'Succeeded' || phase === 'Failed') return
    if (foundRunning(pod)) return this.adopt(pod)
    if (this.rejected(pod)) return
    const worker = new PodWorker(this.services, pod)
    this.workers.set(uid, worker)
    this.holding.add(worker)
    // The kubelet's watch delivers the binding a few milliseconds later.
    this.ctx.kernel.after(this.rng.int(5, 25), () => worker.requestSync())
  }

  /** A pod already running on this node when the kubelet (re)started: its containers are taken over, not started. */
  private adopt(pod: Pod): void {
    const worker = new PodWorker(this.services, pod)
    this.workers.set(pod.metadata.uid, worker)
    this.holding.add(worker)
    adoptRunning(worker, this.services)
    const ip = pod.status?.podIP
    if (ip && !pod.spec.hostNetwork) this.reserveIP(ip)
    this.statics.track(worker)
    // The first sync mounts its volumes and finds nothing to start or report.
    this.ctx.kernel.after(0, () => worker.requestSync())
  }

  /** HandlePodAdditions → canAdmitPod; a rejected pod fails with the kubelet's reason. */
  private rejected(pod: Pod): boolean {
    const node = this.node()
    if (!node) return false
    const active: Pod[] = []
    for (const w of this.holding) {
      const phase = w.pod.status?.phase
      if (phase === 'Succeeded' || phase === 'Failed') this.holding.delete(w)
      else active.push(w.pod)
    }
    const r = admitPod(pod, node, active)
    if (!r) return false
    this.ctx.kernel.after(this.rng.int(5, 25), () => {
      const cur = this.ctx.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name)
      if (!cur || cur.metadata.uid !== pod.metadata.uid) return
      this.services.event(cur, 'Warning', r.reason, r.message)
      const now = rfc3339(this.ctx.kernel.now())
      this.ctx.api.updateStatus(cur, { phase: 'Failed', message: `Pod was rejected: ${r.message}`, reason: r.reason, startTime: cur.status?.startTime ?? now, qosClass: cur.status?.qosClass ?? qosClass(cur) })
    })
    return true
  }

  private node(): Node | undefined {
    return this.ctx.store.get<Node>('Node', undefined, this.nodeName)
  }

  private hostIP(): string {
    return this.node()?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? ''
  }

  /** host-local IPAM on the node's podCIDR: the next free address after the last one given. */
  private allocateIP(): string {
    const cidr = this.node()?.spec?.podCIDR ?? '10.244.0.0/24'
    const base = cidr.split('/')[0].split('.').slice(0, 3).join('.')
    for (let n = 0; n < 253; n++) {
      this.lastIP = this.lastIP >= 254 ? 2 : this.lastIP + 1
      const ip = `${base}.${this.lastIP}`
      if (!this.usedIPs.has(ip)) {
        this.usedIPs.add(ip)
        return ip
      }
    }
    return `${base}.254`
  }

  /** host-local IPAM's record of an address a sandbox already holds (the next one goes after it). */
  private reserveIP(ip: string): void {
    this.usedIPs.add(ip)
    const last = Number(ip.split('.')[3])
    if (last > this.lastIP && last < 255) this.lastIP = last
  }

  /**
   * A pull added an image: the next tick of the status loop finds the list changed and patches the
   * status (nodeStatusHasChanged ignores only heartbeat times); an unchanged list is not written.
   */
  private imagesChanged(): void {
    if (this.nodeStatusPending) return
    this.nodeStatusPending = true
    const now = this.ctx.kernel.now()
    const at = this.relistPhase + Math.ceil((now - this.relistPhase) / NODE_STATUS_PERIOD_MS) * NODE_STATUS_PERIOD_MS
    this.ctx.kernel.at(at, () => {
      this.nodeStatusPending = false
      const node = this.node()
      if (node && !sameImages(node.status?.images, this.nodeImages())) this.patchNodeStatus()
    })
  }
}

function sameImages(a: { names: string[]; sizeBytes: number }[] | undefined, b: { names: string[]; sizeBytes: number }[]): boolean {
  if (!a || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]
    const y = b[i]
    if (x.sizeBytes !== y.sizeBytes || x.names.length !== y.names.length || x.names.some((n, j) => n !== y.names[j])) return false
  }
  return true
}
