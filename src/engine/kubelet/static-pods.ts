// Static pods and their mirror pods (pkg/kubelet/pod/mirror_client.go, kubelet.go SyncPod): the kubelet runs a
// static pod from its manifest whatever happens to the mirror pod in the API. A deleted mirror pod is removed at
// once (grace 0) and made again with a new uid; the containers run on, and the status manager's next sync
// (every 10 s, status_manager.go syncBatch) writes the cached status to it. Until then it shows Pending.
import { StatusError } from '../api/errors.ts'
import type { Pod } from '../api/types.ts'
import type { PodWorker } from './pod-worker.ts'
import type { KubeletServices } from './services.ts'

export const CONFIG_MIRROR = 'kubernetes.io/config.mirror'
const CONFIG_SOURCE = 'kubernetes.io/config.source'
const STATUS_SYNC_MS = 10_000

/** A mirror pod: the API's copy of a pod the kubelet runs from a file on its node. */
export function isMirrorPod(pod: Pod): boolean {
  const a = pod.metadata.annotations
  return !!a && a[CONFIG_MIRROR] !== undefined && a[CONFIG_SOURCE] === 'file'
}

function fullName(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}`
}

export class StaticPods {
  /** The static pods this kubelet runs, by full name, with the status last reported for them. */
  private pods = new Map<string, { worker: PodWorker; status: Pod['status']; deleting: boolean }>()

  constructor(
    private svc: KubeletServices,
    private workers: Map<string, PodWorker>,
    /** The next tick of the kubelet's status sync at or after `t`. */
    private statusTick: (t: number, period: number) => number,
  ) {}

  /** A worker started for a mirror pod runs the static pod behind it. */
  track(w: PodWorker): void {
    if (!isMirrorPod(w.pod)) return
    w.staticPod = true
    this.pods.set(fullName(w.pod), { worker: w, status: w.pod.status, deleting: false })
  }

  private entry(w: PodWorker) {
    const e = this.pods.get(fullName(w.pod))
    return e?.worker === w ? e : undefined
  }

  /** The mirror pod changed. A deletion is not the static pod's: the kubelet deletes the mirror at once. */
  onUpdate(w: PodWorker, pod: Pod): boolean {
    const e = this.entry(w)
    if (!e) return false
    w.update(pod)
    if (!pod.metadata.deletionTimestamp) {
      e.status = pod.status
      return true
    }
    if (e.deleting) return true
    e.deleting = true
    const { namespace, name, uid } = pod.metadata
    this.svc.ctx.kernel.after(this.svc.rng.int(5, 25), () => {
      try {
        this.svc.ctx.api.delete('Pod', namespace, name, { gracePeriodSeconds: 0, preconditions: { uid } })
      } catch (err) {
        if (!(err instanceof StatusError)) throw err
      }
    })
    return true
  }

  /** The mirror pod is gone: the static pod runs on, and the kubelet makes a new mirror pod. */
  onDeleted(w: PodWorker, pod: Pod): boolean {
    const e = this.entry(w)
    if (!e) return false
    e.deleting = false
    this.svc.ctx.kernel.after(this.svc.rng.int(20, 80), () => this.createMirror(pod))
    return true
  }

  private createMirror(old: Pod): void {
    const api = this.svc.ctx.api
    const node = this.svc.node()
    if (!node || node.metadata.deletionTimestamp) return
    const m = old.metadata
    const mirror = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: m.name, namespace: m.namespace, labels: m.labels, annotations: m.annotations, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid, controller: true }] },
      spec: old.spec,
    } as unknown as Pod
    try {
      api.create(mirror)
    } catch (err) {
      // The namespace went, or a mirror pod of that name is there already.
      if (!(err instanceof StatusError)) throw err
    }
  }

  /** A new mirror pod of a static pod this kubelet runs: the same worker reports to it. */
  adoptMirror(pod: Pod): boolean {
    if (!isMirrorPod(pod)) return false
    const e = this.pods.get(fullName(pod))
    if (!e || this.workers.has(pod.metadata.uid)) return false
    for (const [uid, w] of this.workers) if (w === e.worker) this.workers.delete(uid)
    this.workers.set(pod.metadata.uid, e.worker)
    e.worker.rebind(pod)
    const uid = pod.metadata.uid
    const now = this.svc.ctx.kernel.now()
    this.svc.ctx.kernel.at(this.statusTick(now + 1, STATUS_SYNC_MS), () => {
      const cur = this.svc.ctx.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name)
      if (!cur || cur.metadata.uid !== uid || cur.metadata.deletionTimestamp) return
      e.worker.rebind(this.svc.ctx.api.updateStatus(cur, e.status))
    })
    return true
  }
}
