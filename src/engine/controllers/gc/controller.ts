// The garbage collector (k8s pkg/controller/garbagecollector: attemptToDeleteItem, processDeletingDependentsItem,
// attemptToOrphan, graph_builder): collects dependents of gone owners, completes foreground deletion and
// orphaning, 100–500 ms after a change (a seeded stream).
import { StatusError } from '../../api/errors.ts'
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN, type PropagationPolicy } from '../../api/server.ts'
import { CLUSTER_SCOPED, type WatchEvent } from '../../api/store.ts'
import type { KObject, OwnerReference } from '../../api/types.ts'
import type { ControllerContext } from '../../context.ts'
import type { Rng } from '../../kernel/rng.ts'
import { WorkQueue } from '../../kernel/workqueue.ts'
import { PodGCController } from './podgc.ts'

/** How long the collector takes to notice a change (informer and queue latency), ms. */
export const GC_LATENCY_MS: [number, number] = [100, 500]
const RETRY_MS = 1000

type Op = 'delete' | 'orphan'

export class GarbageCollector {
  /** The pod GC runs alongside (kube-controller-manager's podgc controller). */
  readonly podGC: PodGCController
  private queue: WorkQueue
  private rng: Rng

  constructor(readonly ctx: ControllerContext) {
    this.podGC = new PodGCController(ctx)
    this.rng = ctx.kernel.rng.stream('gc')
    this.queue = new WorkQueue(ctx.kernel, (key) => this.process(key))
    ctx.store.watch((ev) => this.onChange(ev))
  }

  private enqueue(op: Op, obj: KObject, delay = this.rng.int(GC_LATENCY_MS[0], GC_LATENCY_MS[1])): void {
    const m = obj.metadata
    this.queue.add([op, obj.kind, m.namespace ?? '', m.name, m.uid].join('\u0000'), delay)
  }

  /** The graph builder's reaction to a watch event (processGraphChanges, processTransitions). */
  private onChange(ev: WatchEvent): void {
    const obj = ev.object
    if (obj.kind === 'Event') return
    if (ev.type === 'DELETED') {
      for (const dep of this.ctx.store.dependents(obj.metadata.uid)) this.enqueue('delete', dep)
      for (const ref of obj.metadata.ownerReferences ?? []) {
        const owner = this.owner(obj, ref)
        if (owner && deletingDependents(owner)) this.enqueue('delete', owner)
      }
      return
    }
    const old = ev.old
    if (deletingDependents(obj) && !(old && deletingDependents(old))) {
      for (const dep of this.ctx.store.dependents(obj.metadata.uid)) this.enqueue('delete', dep)
      this.enqueue('delete', obj)
    }
    if (orphaning(obj) && !(old && orphaning(old))) this.enqueue('orphan', obj)
    const refs = obj.metadata.ownerReferences ?? []
    const oldRefs = old?.metadata.ownerReferences ?? []
    if (old && old.metadata.ownerReferences === obj.metadata.ownerReferences) return
    if (refs.some((r) => !oldRefs.some((o) => sameRef(o, r)) && !this.owner(obj, r))) this.enqueue('delete', obj)
    // An owner waiting in foreground deletion re-checks when a dependent lets go of it.
    for (const o of oldRefs) {
      if (refs.some((r) => sameRef(o, r))) continue
      const owner = this.owner(obj, o)
      if (owner && deletingDependents(owner)) this.enqueue('delete', owner)
    }
  }

  private process(key: string): void {
    const [op, kind, ns, name, uid] = key.split('\u0000')
    const item = this.ctx.store.get(kind, ns || undefined, name)
    if (!item || item.metadata.uid !== uid) return
    try {
      if (op === 'orphan') this.attemptToOrphan(item)
      else this.attemptToDeleteItem(item)
    } catch (err) {
      if (!(err instanceof StatusError)) throw err
      if (err.reason !== 'NotFound') this.queue.add(key, RETRY_MS)
    }
  }

  /** The owner object a reference points to, if it exists with that uid. */
  private owner(dependent: KObject, ref: OwnerReference): KObject | undefined {
    const ns = CLUSTER_SCOPED.has(ref.kind) ? undefined : dependent.metadata.namespace
    const o = this.ctx.store.get(ref.kind, ns, ref.name)
    return o && o.metadata.uid === ref.uid ? o : undefined
  }

  private attemptToDeleteItem(item: KObject): void {
    const m = item.metadata
    if (m.deletionTimestamp && !m.finalizers?.includes(FINALIZER_FOREGROUND)) return
    if (deletingDependents(item)) return this.processDeletingDependentsItem(item)
    const refs = m.ownerReferences ?? []
    if (!refs.length) return
    const solid: OwnerReference[] = [], dangling: OwnerReference[] = [], waiting: OwnerReference[] = []
    for (const ref of refs) {
      const owner = this.owner(item, ref)
      if (!owner) dangling.push(ref)
      else if (deletingDependents(owner)) waiting.push(ref)
      else solid.push(ref)
    }
    if (solid.length) {
      if (!dangling.length && !waiting.length) return
      // Keep the live owners; drop references to owners that are gone or going.
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid))
      this.ctx.api.updateMeta(item, { ownerReferences: refs.filter((r) => !drop.has(r.uid)) })
      return
    }
    const dependents = this.ctx.store.dependents(m.uid)
    if (waiting.length && dependents.length) {
      if (dependents.some(deletingDependents)) {
        // Avoid a cycle of objects waiting for each other: stop blocking the owners.
        this.ctx.api.updateMeta(item, { ownerReferences: refs.map((r) => (r.blockOwnerDeletion ? { ...r, blockOwnerDeletion: false } : r)) })
      }
      return this.deleteObject(item, 'Foreground')
    }
    const policy: PropagationPolicy = m.finalizers?.includes(FINALIZER_ORPHAN) ? 'Orphan' : m.finalizers?.includes(FINALIZER_FOREGROUND) ? 'Foreground' : 'Background'
    this.deleteObject(item, policy)
  }

  /** Foreground deletion: once no dependent blocks the owner, drop its foregroundDeletion finalizer. */
  private processDeletingDependentsItem(item: KObject): void {
    const uid = item.metadata.uid
    const blocking = this.ctx.store.dependents(uid).filter((d) => d.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion))
    if (!blocking.length) return this.removeFinalizer(item, FINALIZER_FOREGROUND)
    for (const dep of blocking) if (!deletingDependents(dep)) this.enqueue('delete', dep)
  }

  /** Orphan: strip the owner reference from every dependent, then drop the orphan finalizer. */
  private attemptToOrphan(owner: KObject): void {
    if (!orphaning(owner)) return
    const uid = owner.metadata.uid
    for (const dep of this.ctx.store.dependents(uid)) {
      const refs = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid)
      try {
        this.ctx.api.updateMeta(dep, { ownerReferences: refs.length ? refs : undefined })
      } catch (err) {
        if (!(err instanceof StatusError && err.reason === 'NotFound')) throw err
      }
    }
    this.removeFinalizer(owner, FINALIZER_ORPHAN)
  }

  private removeFinalizer(obj: KObject, finalizer: string): void {
    const rest = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer)
    this.ctx.api.updateMeta(obj, { finalizers: rest.length ? rest : undefined })
  }

  private deleteObject(item: KObject, policy: PropagationPolicy): void {
    const m = item.metadata
    this.ctx.api.delete(item.kind, m.namespace, m.name, { propagationPolicy: policy, preconditions: { uid: m.uid } })
  }
}

function deletingDependents(obj: KObject): boolean {
  return !!obj.metadata.deletionTimestamp && (obj.metadata.finalizers?.includes(FINALIZER_FOREGROUND) ?? false)
}

function orphaning(obj: KObject): boolean {
  return !!obj.metadata.deletionTimestamp && (obj.metadata.finalizers?.includes(FINALIZER_ORPHAN) ?? false)
}

function sameRef(a: OwnerReference, b: OwnerReference): boolean {
  return a.uid === b.uid && a.blockOwnerDeletion === b.blockOwnerDeletion
}
