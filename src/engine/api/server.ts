// The simulated API server: the one door through which kubectl and the
// controllers read and write objects. It runs admission (defaulting, then
// validation), bumps generation on spec changes, and implements deletion with
// finalizers, graceful pod termination and propagation policies, as
// k8s.io/apiserver pkg/registry/generic/registry/store.go does.
import { jsonEqual } from '../admission/util.ts'
import type { Kernel } from '../kernel/kernel.ts'
import { rfc3339 } from '../kernel/time.ts'
import { alreadyExists, conflict, notFound, type StatusError } from './errors.ts'
import { resourceForKind } from './resources.ts'
import { objectKey, type Store } from './store.ts'
import type { KObject, Pod } from './types.ts'

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan'

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy
  gracePeriodSeconds?: number
  preconditions?: { uid?: string; resourceVersion?: string }
  dryRun?: boolean
}

export interface WriteOptions {
  dryRun?: boolean
  /** Write status only (the /status subresource): spec and metadata changes are ignored. */
  subresource?: 'status'
  /**
   * The fieldValidation query parameter kubectl sends: the object is decoded as the
   * apiserver decodes a request body (type errors, unknown fields: Strict fails,
   * Warn warns, Ignore drops them). Controllers leave it unset: no decoding at all.
   */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore'
  /** If given, the API warnings of the request are appended here (kubectl prints "Warning: ..."). */
  warnings?: string[]
}

/** Admission: defaulting and validation, plugged in by src/engine/admission. */
export interface Admission {
  /** Apply defaults and validate a new object; return the object to store or throw a StatusError. */
  create(obj: KObject, api: ApiServer, opts?: WriteOptions): KObject
  /** Validate an update of `old` to `obj` (spec/metadata); return the object to store or throw. */
  update(obj: KObject, old: KObject, api: ApiServer, opts?: WriteOptions): KObject
  /** Strategy: does this update change the spec (bump generation)? */
  specChanged?(obj: KObject, old: KObject): boolean
}

export const FINALIZER_FOREGROUND = 'foregroundDeletion'
export const FINALIZER_ORPHAN = 'orphan'

export class ApiServer {
  constructor(
    readonly store: Store,
    readonly kernel: Kernel,
    private admission: Admission,
  ) {}

  now(): number {
    return this.kernel.now()
  }

  get<T extends KObject>(kind: string, ns: string | undefined, name: string): T {
    const o = this.store.get<T>(kind, ns, name)
    if (!o) throw this.notFound(kind, name)
    return o
  }

  tryGet<T extends KObject>(kind: string, ns: string | undefined, name: string): T | undefined {
    return this.store.get<T>(kind, ns, name)
  }

  list<T extends KObject>(kind: string, ns?: string): T[] {
    return this.store.list<T>(kind, ns)
  }

  notFound(kind: string, name: string): StatusError {
    const r = resourceForKind(kind)
    return notFound(r?.resource ?? kind.toLowerCase() + 's', r?.group ?? '', name)
  }

  create<T extends KObject>(obj: T, opts: WriteOptions = {}): T {
    const admitted = this.admission.create(obj, this, opts) as T
    const meta = admitted.metadata
    if (meta.name && this.store.get(admitted.kind, meta.namespace, meta.name)) {
      const r = resourceForKind(admitted.kind)!
      throw alreadyExists(r.resource, r.group, meta.name)
    }
    // Object.assign rather than a spread plus a new key, and no `delete`: both give the
    // stored object a slow hidden class in V8, and pods are created by the hundred thousand.
    // Pods have a generation since 1.33 (pod strategy PrepareForCreate, KEP-5067, not feature-gated).
    const noGeneration = admitted.kind === 'Event' || admitted.kind === 'Node' || admitted.kind === 'Namespace' || admitted.kind === 'PersistentVolumeClaim'
    let withGen: T = admitted
    if (!noGeneration) withGen = { ...admitted, metadata: Object.assign({}, admitted.metadata, { generation: 1 }) }
    else if ('generation' in admitted.metadata) {
      const { generation: _, ...metadata } = admitted.metadata as T['metadata'] & { generation?: number }
      withGen = { ...admitted, metadata }
    }
    // A dry run answers with what would be stored, less the resourceVersion: the registry
    // store fills creationTimestamp and uid (rest.FillObjectMetaSystemFields) and the
    // strategy the generation before DryRunnableStorage skips the write
    // (k8s.io/apiserver pkg/registry/generic/registry/store.go, dryrun.go).
    if (opts.dryRun) return { ...withGen, metadata: Object.assign({}, withGen.metadata, { creationTimestamp: rfc3339(this.kernel.now()) }) }
    return this.store.create(withGen)
  }

  /**
   * Replace an object. With `subresource: 'status'` only status changes; otherwise
   * status is carried over from the stored object, as the main resource ignores it.
   */
  update<T extends KObject>(obj: T, opts: WriteOptions = {}): T {
    const old = this.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name)
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== old.metadata.resourceVersion) {
      const r = resourceForKind(obj.kind)!
      throw conflict(r.resource, r.group, obj.metadata.name, 'the object has been modified; please apply your changes to the latest version and try again')
    }
    let next: T
    if (opts.subresource === 'status') {
      next = { ...old, status: obj.status }
    } else {
      const admitted = this.admission.update({ ...obj, status: old.status }, old, this, opts) as T
      const changed = this.admission.specChanged ? this.admission.specChanged(admitted, old) : false
      const gen = old.metadata.generation
      next = {
        ...admitted,
        metadata: {
          ...admitted.metadata,
          uid: old.metadata.uid,
          creationTimestamp: old.metadata.creationTimestamp,
          deletionTimestamp: old.metadata.deletionTimestamp,
          deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
          ...(gen !== undefined ? { generation: changed ? gen + 1 : gen } : {}),
        },
      }
      if (next.metadata.deletionTimestamp === undefined) delete next.metadata.deletionTimestamp
      if (next.metadata.deletionGracePeriodSeconds === undefined) delete next.metadata.deletionGracePeriodSeconds
    }
    if (opts.dryRun) return next
    // etcd3 GuaranteedUpdate (apiserver pkg/storage/etcd3/store.go) writes nothing when the
    // new object's bytes are the stored ones: same resourceVersion, no watch event.
    if (jsonEqual({ ...next, metadata: { ...next.metadata, resourceVersion: old.metadata.resourceVersion } }, old)) return old
    const stored = this.store.update(next)
    return this.finishIfDone(stored) as T
  }

  /** Controllers' shortcut: write a new status for the stored object. */
  updateStatus<T extends KObject>(obj: T, status: T['status']): T {
    const cur = this.store.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name)
    if (!cur) throw this.notFound(obj.kind, obj.metadata.name)
    return this.store.update({ ...cur, status })
  }

  /** Controllers' shortcut: change metadata (labels, finalizers, ownerReferences) without admission. */
  updateMeta<T extends KObject>(obj: T, meta: Partial<T['metadata']>): T {
    const cur = this.store.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name)
    if (!cur) throw this.notFound(obj.kind, obj.metadata.name)
    const merged: Record<string, unknown> = { ...cur.metadata, ...meta }
    // An undefined value removes the field (the last finalizer, the last ownerReference).
    for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k]
    const stored = this.store.update({ ...cur, metadata: merged as unknown as T['metadata'] })
    return this.finishIfDone(stored) as T
  }

  /**
   * DELETE. Objects without finalizers go at once (background: the garbage
   * collector then removes dependents). Foreground and orphan add their
   * finalizer and set deletionTimestamp. Scheduled, running pods get a grace
   * period; the kubelet removes them when their containers are gone.
   */
  delete(kind: string, ns: string | undefined, name: string, opts: DeleteOptions = {}): KObject {
    const cur = this.get(kind, ns, name)
    const pre = opts.preconditions
    if (pre?.uid && pre.uid !== cur.metadata.uid) {
      const r = resourceForKind(kind)!
      throw conflict(r.resource, r.group, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${cur.metadata.uid}`)
    }
    if (opts.dryRun) return cur
    if (kind === 'Namespace') return this.deleteNamespace(cur)
    const policy = opts.propagationPolicy ?? defaultPropagation(kind)
    const finalizers = [...(cur.metadata.finalizers ?? [])]
    if (policy === 'Foreground' && !finalizers.includes(FINALIZER_FOREGROUND)) finalizers.push(FINALIZER_FOREGROUND)
    if (policy === 'Orphan' && !finalizers.includes(FINALIZER_ORPHAN)) finalizers.push(FINALIZER_ORPHAN)
    if (policy === 'Background') removeIn(finalizers, FINALIZER_ORPHAN)

    const grace = kind === 'Pod' ? this.podGrace(cur as Pod, opts.gracePeriodSeconds) : 0
    if (cur.metadata.deletionTimestamp) {
      // Already terminating: a shorter grace period may still cut it short.
      if (kind === 'Pod' && grace < (cur.metadata.deletionGracePeriodSeconds ?? 0)) {
        return this.finishIfDone(this.store.update({ ...cur, metadata: { ...cur.metadata, deletionTimestamp: rfc3339(this.now() + grace * 1000), deletionGracePeriodSeconds: grace } }))
      }
      return cur
    }
    if (!finalizers.length && grace === 0) return this.store.remove(kind, ns, name)!
    const gen = cur.metadata.generation
    const meta = {
      ...cur.metadata,
      finalizers: finalizers.length ? finalizers : undefined,
      deletionTimestamp: rfc3339(this.now() + grace * 1000),
      deletionGracePeriodSeconds: kind === 'Pod' || grace ? grace : 0,
      // The first deletionTimestamp bumps a generation the object has (rest.BeforeDelete, store.go markAsDeleting).
      ...(gen ? { generation: gen + 1 } : {}),
    }
    if (!meta.finalizers) delete meta.finalizers
    if (kind !== 'Pod' && !grace) meta.deletionGracePeriodSeconds = 0
    return this.finishIfDone(this.store.update({ ...cur, metadata: meta }))
  }

  /**
   * The namespace registry's Delete: the first request turns the namespace Terminating
   * (the namespace controller then empties it and finalizes it); it is removed at once
   * only when spec.finalizers is empty (pkg/registry/core/namespace/storage/storage.go).
   */
  private deleteNamespace(cur: KObject): KObject {
    const finalizers = (cur.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []
    if (!finalizers.length) return this.store.remove(cur.kind, undefined, cur.metadata.name)!
    if (cur.metadata.deletionTimestamp) return cur
    const metadata = { ...cur.metadata, deletionTimestamp: rfc3339(this.now()) }
    return this.store.update({ ...cur, metadata, status: { ...(cur.status as object), phase: 'Terminating' } } as KObject)
  }

  /** Remove a terminating object whose finalizers are gone and whose grace period is over. */
  private finishIfDone(obj: KObject): KObject {
    const m = obj.metadata
    if (!m.deletionTimestamp || m.finalizers?.length) return obj
    if (obj.kind === 'Pod' && (m.deletionGracePeriodSeconds ?? 0) > 0) return obj
    return this.store.remove(obj.kind, m.namespace, m.name) ?? obj
  }

  /** pkg/registry/core/pod/strategy.go CheckGracefulDelete. */
  private podGrace(pod: Pod, requested?: number): number {
    if (!pod.spec.nodeName) return 0
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0
    if (requested !== undefined) return Math.max(0, requested)
    return pod.spec.terminationGracePeriodSeconds ?? 30
  }

  key(obj: KObject): string {
    return objectKey(obj.metadata.namespace, obj.metadata.name)
  }
}

/** The registry default when DeleteOptions has no propagationPolicy (STRAT DefaultGarbageCollectionPolicy). */
function defaultPropagation(kind: string): PropagationPolicy {
  return kind === 'Job' ? 'Orphan' : 'Background'
}

function removeIn(a: string[], s: string): void {
  const i = a.indexOf(s)
  if (i >= 0) a.splice(i, 1)
}
