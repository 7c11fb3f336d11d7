// The DaemonSet and ReplicaSet controllers, for the system pods only (pkg/controller/daemon/daemon_controller.go
// manage, pkg/controller/replicaset/replica_set.go manageReplicas): a pod that starts terminating no longer
// counts, so a new one (a new name) is posted at once, one per node for a DaemonSet, up to replicas for a ReplicaSet.
import { StatusError } from '../api/errors.ts'
import type { WatchEvent } from '../api/store.ts'
import type { KObject, Pod } from '../api/types.ts'
import type { ControllerContext } from '../context.ts'
import type { Rng } from '../kernel/rng.ts'
import { podFromTemplate, type SystemController } from './owners.ts'

const COMPONENT = { DaemonSet: 'daemonset-controller', ReplicaSet: 'replicaset-controller' }

export class SystemPodControllers {
  private byUid = new Map<string, SystemController>()
  private queued = new Set<string>()
  private rng: Rng

  constructor(
    private ctx: ControllerContext,
    controllers: SystemController[],
  ) {
    for (const c of controllers) this.byUid.set(c.uid, c)
    // A stream of their own: a replacement shifts no other component's numbers.
    this.rng = ctx.kernel.rng.stream('system-controllers')
    ctx.store.watch((e) => this.onPod(e as WatchEvent<Pod>), 'Pod')
    ctx.store.watch((e) => this.onNamespace(e), 'Namespace')
  }

  private onPod(e: WatchEvent<Pod>): void {
    const pod = e.object
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller)
    const c = ref && this.byUid.get(ref.uid)
    if (!c) return
    const leaving = e.type === 'DELETED' || (!!pod.metadata.deletionTimestamp && !e.old?.metadata.deletionTimestamp)
    if (!leaving) return
    const node = c.kind === 'DaemonSet' ? (pod.spec.nodeName ?? '') : ''
    const key = `${c.uid}/${node}`
    if (this.queued.has(key)) return
    this.queued.add(key)
    // The informer's and the work queue's latency.
    this.ctx.kernel.after(this.rng.int(5, 30), () => {
      this.queued.delete(key)
      this.sync(c, node)
    })
  }

  /** A namespace that goes takes its controllers with it (the namespace controller deletes their objects). */
  private onNamespace(e: WatchEvent): void {
    if (e.type !== 'DELETED') return
    const ns = e.object.metadata.name
    for (const [uid, c] of this.byUid) if (c.namespace === ns) this.byUid.delete(uid)
  }

  /** Pods of `c` that count: not terminating, not finished (on `node`, for a DaemonSet). */
  private active(c: SystemController, node: string): number {
    let n = 0
    for (const o of this.ctx.store.controlled(c.uid)) {
      const p = o as Pod
      if (o.kind !== 'Pod' || p.metadata.deletionTimestamp || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue
      if (c.kind === 'DaemonSet' && p.spec.nodeName !== node) continue
      n++
    }
    return n
  }

  private sync(c: SystemController, node: string): void {
    if (!this.byUid.has(c.uid)) return
    const want = c.kind === 'DaemonSet' ? 1 : c.replicas
    for (let have = this.active(c, node); have < want; have++) if (!this.create(c, node)) return
  }

  private create(c: SystemController, node: string): boolean {
    const owner = this.ctx.store.get<KObject>(c.kind, c.namespace, c.name)
    const ns = this.ctx.store.get<KObject>('Namespace', undefined, c.namespace)
    if (!owner || (ns?.status as { phase?: string } | undefined)?.phase !== 'Active') return false
    try {
      const pod = this.ctx.api.create(podFromTemplate(c, node || undefined))
      this.ctx.recorder.event(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, { component: COMPONENT[c.kind] })
      return true
    } catch (err) {
      if (!(err instanceof StatusError)) throw err
      this.ctx.recorder.event(owner, 'Warning', 'FailedCreate', `Error creating: ${err.message}`, { component: COMPONENT[c.kind] })
      return false
    }
  }
}
