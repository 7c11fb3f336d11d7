// Strategic merge patches for the kinds we serve: computing kubectl apply's
// three-way patch (original = last-applied, modified = the manifest, current =
// the live object) and applying a strategic patch the way the apiserver does.
// Upstream: apimachinery pkg/util/strategicpatch/patch.go (CreateThreeWayMergePatch,
// diffMaps, diffListsOfMaps, mergeMap, mergeSliceHandler); the merge keys are
// the patchMergeKey tags of k8s.io/api core/v1 and meta/v1 types.

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
export type JsonMap = { [k: string]: Json }

/** Lists merged element-wise, by field name, and the key that identifies an element. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  imagePullSecrets: 'name',
  env: 'name',
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  schedulingGates: 'name',
}

/** Lists of scalars merged as sets (patchStrategy "merge" without a key). */
const MERGED_SCALAR_LISTS = new Set(['finalizers'])

const ORDER = '$setElementOrder/'
const DELETE_FROM = '$deleteFromPrimitiveList/'

export function isMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]))
  }
  return false
}

function keyOf(el: Json, key: string): Json | undefined {
  return isMap(el) ? el[key] : undefined
}

function findByKey(list: Json[], key: string, value: Json | undefined): JsonMap | undefined {
  return list.find((e) => isMap(e) && deepEqual(e[key], value)) as JsonMap | undefined
}

// --------------------------------------------------------------- diffing

interface DiffMode {
  /** Report fields of `from` missing in `to` as deletions. */
  deletions: boolean
  /** Report fields of `to` that are new or differ. */
  changes: boolean
}

function diffMaps(from: JsonMap, to: JsonMap, mode: DiffMode): JsonMap {
  const patch: JsonMap = {}
  if (mode.deletions) for (const k of Object.keys(from)) if (!(k in to)) patch[k] = null
  for (const [k, tv] of Object.entries(to)) {
    const fv = from[k]
    if (!(k in from)) {
      if (mode.changes) patch[k] = tv
      continue
    }
    if (isMap(fv) && isMap(tv)) {
      const sub = diffMaps(fv, tv, mode)
      if (Object.keys(sub).length) patch[k] = sub
    } else if (Array.isArray(fv) && Array.isArray(tv) && MERGE_KEYS[k]) {
      Object.assign(patch, diffKeyedList(k, MERGE_KEYS[k], fv, tv, mode))
    } else if (Array.isArray(fv) && Array.isArray(tv) && MERGED_SCALAR_LISTS.has(k)) {
      const added = tv.filter((x) => !fv.some((y) => deepEqual(x, y)))
      const removed = fv.filter((x) => !tv.some((y) => deepEqual(x, y)))
      if (mode.changes && added.length) patch[k] = added
      if (mode.deletions && removed.length) patch[DELETE_FROM + k] = removed
      if ((mode.changes && added.length) || (mode.deletions && removed.length)) patch[ORDER + k] = tv
    } else if (mode.changes && !deepEqual(fv, tv)) patch[k] = tv
  }
  return patch
}

function diffKeyedList(field: string, key: string, from: Json[], to: Json[], mode: DiffMode): JsonMap {
  const items: Json[] = []
  for (const t of to) {
    const f = findByKey(from, key, keyOf(t, key))
    if (!f) {
      if (mode.changes) items.push(t)
      continue
    }
    if (!isMap(t)) continue
    const sub = diffMaps(f, t, mode)
    if (Object.keys(sub).length) items.push({ [key]: t[key], ...sub })
  }
  if (mode.deletions) {
    for (const f of from) if (!findByKey(to, key, keyOf(f, key))) items.push({ [key]: keyOf(f, key) ?? null, $patch: 'delete' })
  }
  if (!items.length) return {}
  return { [ORDER + field]: to.map((t) => ({ [key]: keyOf(t, key) ?? null })), [field]: items }
}

/** Deep-merge two patches (the deletions and the changes of a three-way patch). */
function mergePatches(a: JsonMap, b: JsonMap): JsonMap {
  const out: JsonMap = { ...a }
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k]
    if (isMap(cur) && isMap(v)) out[k] = mergePatches(cur, v)
    else if (Array.isArray(cur) && Array.isArray(v) && !k.startsWith('$')) out[k] = [...cur, ...v]
    else out[k] = v
  }
  return out
}

/**
 * kubectl apply's patch: what changed from the live object to the manifest,
 * plus what the manifest dropped since it was last applied. `{}` means
 * "unchanged". Differences only in the order of keyed list elements do not count.
 */
export function threeWayPatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap): JsonMap {
  const changes = diffMaps(current, modified, { deletions: false, changes: true })
  const deletions = original ? diffMaps(original, modified, { deletions: true, changes: false }) : {}
  return mergePatches(deletions, changes)
}

// --------------------------------------------------------------- applying

/** Apply a strategic merge patch to an object, as the apiserver's PATCH does. */
export function applyStrategicPatch(doc: JsonMap, patch: JsonMap): JsonMap {
  if (patch.$patch === 'replace') {
    const { $patch: _, ...rest } = patch
    return rest
  }
  const out: JsonMap = { ...doc }
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith(ORDER) || k.startsWith(DELETE_FROM) || k === '$patch' || k === '$retainKeys') continue
    if (v === null) {
      delete out[k]
      continue
    }
    const cur = out[k]
    if (isMap(v)) out[k] = isMap(cur) ? applyStrategicPatch(cur, v) : stripDirectives(v)
    else if (Array.isArray(v) && MERGE_KEYS[k]) out[k] = mergeKeyedList(Array.isArray(cur) ? cur : [], v, MERGE_KEYS[k], patch[ORDER + k])
    else if (Array.isArray(v) && MERGED_SCALAR_LISTS.has(k)) out[k] = [...(Array.isArray(cur) ? cur : []), ...v.filter((x) => !(Array.isArray(cur) && cur.some((y) => deepEqual(x, y))))]
    else out[k] = v
  }
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith(DELETE_FROM) && Array.isArray(v)) {
      const field = k.slice(DELETE_FROM.length)
      const cur = out[field]
      if (Array.isArray(cur)) out[field] = cur.filter((x) => !v.some((y) => deepEqual(x, y)))
    }
    if (k.startsWith(ORDER) && !(k.slice(ORDER.length) in patch) && Array.isArray(v)) {
      const field = k.slice(ORDER.length)
      const cur = out[field]
      if (Array.isArray(cur) && MERGE_KEYS[field]) out[field] = reorder(cur, v, MERGE_KEYS[field])
    }
  }
  return out
}

function stripDirectives(v: JsonMap): JsonMap {
  const out: JsonMap = {}
  for (const [k, x] of Object.entries(v)) {
    if (k.startsWith('$') || x === null) continue
    out[k] = isMap(x) ? stripDirectives(x) : x
  }
  return out
}

function mergeKeyedList(cur: Json[], patch: Json[], key: string, order: Json | undefined): Json[] {
  let out = [...cur]
  if (patch.some((p) => isMap(p) && p.$patch === 'replace')) return patch.filter((p) => !(isMap(p) && p.$patch === 'replace'))
  for (const p of patch) {
    const k = keyOf(p, key)
    const i = out.findIndex((e) => deepEqual(keyOf(e, key), k))
    if (isMap(p) && p.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1)
      continue
    }
    if (i >= 0 && isMap(out[i]) && isMap(p)) out[i] = applyStrategicPatch(out[i] as JsonMap, p)
    else if (i < 0) out.push(isMap(p) ? stripDirectives(p) : p)
  }
  if (Array.isArray(order)) out = reorder(out, order, key)
  return out
}

/** $setElementOrder: listed keys first in that order, the rest after, as they were. */
function reorder(list: Json[], order: Json[], key: string): Json[] {
  const keys = order.map((o) => keyOf(o, key))
  const listed = keys.map((k) => list.find((e) => deepEqual(keyOf(e, key), k))).filter((e): e is Json => e !== undefined)
  const rest = list.filter((e) => !keys.some((k) => deepEqual(keyOf(e, key), k)))
  return [...listed, ...rest]
}

/** RFC 7386 JSON merge patch. */
export function applyMergePatch(doc: Json, patch: Json): Json {
  if (!isMap(patch)) return patch
  const out: JsonMap = isMap(doc) ? { ...doc } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = applyMergePatch(out[k] ?? null, v)
  }
  return out
}
