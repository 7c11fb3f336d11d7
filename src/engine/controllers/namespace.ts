// The namespace controller: a namespace being deleted (phase Terminating) has all its content
// deleted, waits for it to be gone (pods finish their grace periods), then is finalized and removed.
// After k8s pkg/controller/namespace/deletion/namespaced_resources_deleter.go.
import { StatusError } from '../api/errors.ts'
import { RESOURCES } from '../api/resources.ts'
import type { WatchEvent } from '../api/store.ts'
import type { KObject, Namespace } from '../api/types.ts'
import { rfc3339 } from '../kernel/time.ts'
import type { ControllerContext } from '../context.ts'
import { WorkQueue } from '../kernel/workqueue.ts'

const RETRY_BASE_MS = 5
const RETRY_MAX_MS = 1_000_000

interface NsCondition {
  type: string
  status: 'True' | 'False'
  lastTransitionTime: string
  reason: string
  message: string
}

export class NamespaceController {
  private queue: WorkQueue
  private retries = new Map<string, number>()

  constructor(readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.kernel, (name) => this.sync(name))
    ctx.store.watch((ev) => this.onNamespace(ev as WatchEvent<Namespace>), 'Namespace')
  }

  private onNamespace(ev: WatchEvent<Namespace>): void {
    if (ev.type === 'DELETED') {
      this.queue.forget(ev.object.metadata.name)
      this.retries.delete(ev.object.metadata.name)
    } else if (ev.object.metadata.deletionTimestamp) this.queue.add(ev.object.metadata.name, 0)
  }

  private sync(name: string): void {
    const ns = this.ctx.store.get<Namespace>('Namespace', undefined, name)
    if (!ns?.metadata.deletionTimestamp) return
    const kinds = RESOURCES.filter((r) => r.namespaced).map((r) => r.kind)
    for (const kind of kinds) for (const o of this.ctx.store.list(kind, name)) if (!o.metadata.deletionTimestamp) this.deleteQuietly(o)
    const left = kinds.map((kind) => [kind, this.ctx.store.list(kind, name)] as const).filter(([, objs]) => objs.length)
    if (!left.length) {
      // Finalize (the "kubernetes" finalizer goes), and the apiserver removes the namespace.
      this.ctx.store.remove('Namespace', undefined, name)
      return
    }
    this.writeConditions(ns, left)
    // Pods still terminating: come back when the longest grace period is over; else back off.
    const graceEnd = Math.max(0, ...left.flatMap(([, objs]) => objs.map((o) => (o.metadata.deletionTimestamp ? Date.parse(o.metadata.deletionTimestamp) : 0))))
    const now = this.ctx.kernel.now()
    if (graceEnd > now) {
      this.retries.delete(name)
      this.queue.add(name, graceEnd - now)
    } else {
      const n = this.retries.get(name) ?? 0
      this.retries.set(name, n + 1)
      this.queue.add(name, Math.min(RETRY_BASE_MS * 2 ** n, RETRY_MAX_MS))
    }
  }

  private deleteQuietly(o: KObject): void {
    try {
      // The deleter asks for background propagation, so no orphan finalizer holds anything up.
      this.ctx.api.delete(o.kind, o.metadata.namespace, o.metadata.name, { propagationPolicy: 'Background' })
    } catch (err) {
      if (!(err instanceof StatusError)) throw err
    }
  }

  /** The deletion conditions the controller reports while content remains (namespace_deleter.go updateNamespaceStatusFunc). */
  private writeConditions(ns: Namespace, left: readonly (readonly [string, KObject[]])[]): void {
    const resources = left.map(([kind, objs]) => `${RESOURCES.find((r) => r.kind === kind)!.resource}${groupSuffix(kind)} has ${objs.length} resource instances`)
    const finalizers = new Map<string, number>()
    for (const [, objs] of left) for (const o of objs) for (const f of o.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1)
    const fin = [...finalizers].sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, n]) => `${f} in ${n} resource instances`)
    const want: Omit<NsCondition, 'lastTransitionTime'>[] = [
      { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
      { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
      { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
      { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${resources.join(', ')}` },
      fin.length
        ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${fin.join(', ')}` }
        : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
    ]
    const old = ((ns.status as { conditions?: NsCondition[] }).conditions ?? [])
    const now = rfc3339(this.ctx.kernel.now())
    const conditions = want.map((c) => {
      const prev = old.find((o) => o.type === c.type)
      return { ...c, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : now }
    })
    if (JSON.stringify(conditions) === JSON.stringify(old)) return
    this.ctx.api.updateStatus(ns, { ...ns.status, conditions } as Namespace['status'])
  }
}

function groupSuffix(kind: string): string {
  const g = RESOURCES.find((r) => r.kind === kind)?.group
  return g ? `.${g}` : ''
}
