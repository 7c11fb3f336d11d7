// The object store behind the simulated API server: every object by kind,
// namespace and name, with resourceVersion, uid and generateName as the real
// apiserver assigns them, an index of dependents by owner uid (for the Job,
// CronJob and garbage-collection controllers) and of controllees in creation order, and a watch stream.
// Objects are treated as immutable: writers replace them, never mutate them.
import type { Kernel } from '../kernel/kernel.ts'
import type { Rng } from '../kernel/rng.ts'
import { rfc3339 } from '../kernel/time.ts'
import type { KObject } from './types.ts'

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED'
export interface WatchEvent<T extends KObject = KObject> {
  type: WatchType
  object: T
  /** The previous version, for MODIFIED and DELETED. */
  old?: T
}
export type Watcher = (ev: WatchEvent) => void

/** Kubernetes' generateName alphabet: no vowels, no 0/1/3 (apiserver pkg/storage/names). */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'
const MAX_GENERATED_NAME = 63

export const CLUSTER_SCOPED = new Set(['Node', 'Namespace', 'PersistentVolume', 'StorageClass'])

/** Two hex digits per byte value, and one per nibble: uids are made on the hot path (every pod and event). */
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
const HEX1 = '0123456789abcdef'

/** Always a Map iterator, never an array: a call site that sees one kind of iterable stays fast in V8. */
const NONE = new Map<string, KObject>()

function controllerUid(obj: KObject | undefined): string | undefined {
  const refs = obj?.metadata.ownerReferences
  if (refs) for (const r of refs) if (r.controller === true) return r.uid
  return undefined
}

export function objectKey(ns: string | undefined, name: string): string {
  return ns ? ns + '/' + name : name
}

/** A stored object's place: the same slot holds each new version, so the kind's order never changes on update. */
interface Slot {
  obj: KObject
}

/** One kind's objects: in insertion order (list) and by namespace, then name (get, without building a key). */
interface KindIndex {
  order: Map<string, Slot>
  byNs: Map<string, Map<string, Slot>>
}

export class Store {
  private byKind = new Map<string, KindIndex>()
  private owners = new Map<string, Set<KObject>>()
  /** controller uid → dependent uid → object: stays in the order objects came under the controller. */
  private controllees = new Map<string, Map<string, KObject>>()
  private watchers = new Map<string, Set<Watcher>>()
  private allWatchers = new Set<Watcher>()
  /** The watchers as arrays, rebuilt when someone subscribes or leaves: emit copies nothing. */
  private snapshot = new Map<string, Watcher[]>()
  private allSnapshot: Watcher[] = []
  private rv = 1
  private nameRng: Rng
  private uidRng: Rng

  constructor(private kernel: Kernel) {
    this.nameRng = kernel.rng.stream('names')
    this.uidRng = kernel.rng.stream('uids')
  }

  get resourceVersion(): string {
    return String(this.rv)
  }

  get<T extends KObject>(kind: string, ns: string | undefined, name: string): T | undefined {
    return this.slot(kind, ns, name)?.obj as T | undefined
  }

  /** Objects of a kind, in one namespace or all; in insertion order (sort for display). */
  list<T extends KObject>(kind: string, ns?: string): T[] {
    const k = this.byKind.get(kind)
    if (!k) return []
    const out: T[] = []
    for (const { obj } of k.order.values()) if (ns === undefined || (obj.metadata.namespace ?? '') === ns) out.push(obj as T)
    return out
  }

  count(kind: string): number {
    return this.byKind.get(kind)?.order.size ?? 0
  }

  private slot(kind: string, ns: string | undefined, name: string): Slot | undefined {
    return this.byKind.get(kind)?.byNs.get(ns || '')?.get(name)
  }

  /** Objects whose ownerReferences name this uid (in the order of their last write). */
  dependents(uid: string): KObject[] {
    const s = this.owners.get(uid)
    return s ? [...s] : []
  }

  /**
   * Objects whose controller reference (controller: true) names this uid, in the
   * order they came under it (creation order for a Job's pods). A live view: do
   * not write to the store while iterating it.
   */
  controlled(uid: string): MapIterator<KObject> {
    return (this.controllees.get(uid) ?? NONE).values()
  }

  newUid(): string {
    const r = this.uidRng
    const a = r.u32(), b = r.u32(), c = r.u32(), d = r.u32()
    // RFC 4122 version 4 layout, as google/uuid prints it: of the 128 drawn bits, b's
    // fifth hex digit becomes the version 4 and c's first the variant (8, 9, a or b).
    return (
      HEX2[a >>> 24] + HEX2[(a >>> 16) & 255] + HEX2[(a >>> 8) & 255] + HEX2[a & 255] +
      '-' + HEX2[b >>> 24] + HEX2[(b >>> 16) & 255] +
      '-4' + HEX1[(b >>> 8) & 15] + HEX2[b & 255] +
      '-' + HEX1[((c >>> 28) & 3) | 8] + HEX1[(c >>> 24) & 15] + HEX2[(c >>> 16) & 255] +
      '-' + HEX2[(c >>> 8) & 255] + HEX2[c & 255] + HEX2[d >>> 24] + HEX2[(d >>> 16) & 255] + HEX2[(d >>> 8) & 255] + HEX2[d & 255]
    )
  }

  generateName(base: string): string {
    const prefix = base.length > MAX_GENERATED_NAME - 5 ? base.slice(0, MAX_GENERATED_NAME - 5) : base
    let s = ''
    for (let i = 0; i < 5; i++) s += SUFFIX_ALPHABET[this.nameRng.u32() % SUFFIX_ALPHABET.length]
    return prefix + s
  }

  /**
   * Insert a new object. Fills name (from generateName), uid, resourceVersion,
   * creationTimestamp and generation. The caller has validated it. `createdAt`
   * (ms) dates objects the cluster had before the lab began (nodes, namespaces).
   */
  create<T extends KObject>(obj: T, createdAt?: number): T {
    // Object.assign, not a spread: keys added to a spread copy cost V8 a new hidden class each time.
    const meta = Object.assign({}, obj.metadata)
    if (!meta.name && meta.generateName) {
      do meta.name = this.generateName(meta.generateName)
      while (this.get(obj.kind, meta.namespace, meta.name))
    }
    // Admission assigns the uid before validation (a Job's selector needs it).
    meta.uid = meta.uid || this.newUid()
    meta.resourceVersion = String(++this.rv)
    meta.creationTimestamp = rfc3339(createdAt ?? this.kernel.now())
    const stored = { ...obj, metadata: meta } as T
    this.put(stored)
    this.emit({ type: 'ADDED', object: stored })
    return stored
  }

  /** Replace an existing object (same kind, namespace and name); bumps resourceVersion. */
  update<T extends KObject>(obj: T): T {
    const slot = this.slot(obj.kind, obj.metadata.namespace, obj.metadata.name)
    if (!slot) throw new Error(`store: update of missing ${obj.kind} ${obj.metadata.name}`)
    const old = slot.obj as T
    const stored = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(++this.rv) } } as T
    this.unindex(old, stored)
    slot.obj = stored
    this.index(stored)
    this.emit({ type: 'MODIFIED', object: stored, old })
    return stored
  }

  /** Remove an object for good (after finalizers and grace periods). */
  remove(kind: string, ns: string | undefined, name: string): KObject | undefined {
    const k = this.byKind.get(kind)
    const names = k?.byNs.get(ns || '')
    const slot = names?.get(name)
    if (!k || !names || !slot) return undefined
    const old = slot.obj
    names.delete(name)
    k.order.delete(objectKey(ns, name))
    this.unindex(old, undefined)
    const gone = { ...old, metadata: { ...old.metadata, resourceVersion: String(++this.rv) } }
    this.emit({ type: 'DELETED', object: gone, old })
    return gone
  }

  /** Subscribe to changes of one kind, or of every kind when `kind` is omitted. */
  watch(fn: Watcher, kind?: string): () => void {
    if (!kind) {
      this.allWatchers.add(fn)
      this.allSnapshot = [...this.allWatchers]
      return () => {
        this.allWatchers.delete(fn)
        this.allSnapshot = [...this.allWatchers]
      }
    }
    let s = this.watchers.get(kind)
    if (!s) this.watchers.set(kind, (s = new Set()))
    s.add(fn)
    this.snapshot.set(kind, [...s])
    return () => {
      s!.delete(fn)
      this.snapshot.set(kind, [...s!])
    }
  }

  /** A new object: its slot at the end of its kind's order, then the owner indexes. */
  private put(obj: KObject): void {
    let k = this.byKind.get(obj.kind)
    if (!k) this.byKind.set(obj.kind, (k = { order: new Map(), byNs: new Map() }))
    const { namespace, name } = obj.metadata
    let names = k.byNs.get(namespace || '')
    if (!names) k.byNs.set(namespace || '', (names = new Map()))
    const slot = { obj }
    names.set(name, slot)
    k.order.set(objectKey(namespace, name), slot)
    this.index(obj)
  }

  private index(obj: KObject): void {
    const refs = obj.metadata.ownerReferences
    if (!refs) return
    for (const r of refs) {
      let s = this.owners.get(r.uid)
      if (!s) this.owners.set(r.uid, (s = new Set()))
      s.add(obj)
      if (r.controller !== true) continue
      let c = this.controllees.get(r.uid)
      if (!c) this.controllees.set(r.uid, (c = new Map()))
      // Map.set on a key already there keeps its place: an update does not move the object.
      c.set(obj.metadata.uid, obj)
    }
  }

  /** Drop `obj` from the owner indexes; `next` is its replacement (same controller: it keeps its place). */
  private unindex(obj: KObject, next: KObject | undefined): void {
    const refs = obj.metadata.ownerReferences
    if (!refs) return
    for (const r of refs) {
      const s = this.owners.get(r.uid)
      if (s) {
        s.delete(obj)
        if (!s.size) this.owners.delete(r.uid)
      }
      if (r.controller !== true || controllerUid(next) === r.uid) continue
      const c = this.controllees.get(r.uid)
      if (!c) continue
      c.delete(obj.metadata.uid)
      if (!c.size) this.controllees.delete(r.uid)
    }
  }

  /** Deliver to the watchers subscribed when the event began (one who leaves meanwhile still gets it). */
  private emit(ev: WatchEvent): void {
    const ws = this.snapshot.get(ev.object.kind)
    if (ws) for (let i = 0; i < ws.length; i++) ws[i](ev)
    const all = this.allSnapshot
    for (let i = 0; i < all.length; i++) all[i](ev)
  }
}
