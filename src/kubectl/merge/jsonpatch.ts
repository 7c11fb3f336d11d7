// RFC 6902 JSON patch, applied as the apiserver applies `--type=json` patches
// (gopkg.in/evanphx/json-patch.v4), with that library's error texts.
import { deepEqual, isMap, type Json } from './strategic.ts'

export class JsonPatchError extends Error {}

function decodePointer(path: string): string[] {
  if (path === '') return []
  return path.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function clone(v: Json): Json {
  return JSON.parse(JSON.stringify(v)) as Json
}

interface Slot {
  parent: Json
  key: string
}

/** The container of the last path segment; undefined when the path's parent does not exist. */
function locate(doc: Json, parts: string[]): Slot | undefined {
  let cur: Json = doc
  for (const p of parts.slice(0, -1)) {
    if (isMap(cur) && p in cur) cur = cur[p]
    else if (Array.isArray(cur) && /^\d+$/.test(p) && Number(p) < cur.length) cur = cur[Number(p)]
    else return undefined
  }
  return { parent: cur, key: parts[parts.length - 1] }
}

function get(slot: Slot): Json | undefined {
  const { parent, key } = slot
  if (isMap(parent)) return key in parent ? parent[key] : undefined
  if (Array.isArray(parent) && /^\d+$/.test(key)) return parent[Number(key)]
  return undefined
}

function missing(op: string, path: string, what = 'path'): JsonPatchError {
  return new JsonPatchError(`${op} operation does not apply: doc is missing ${what}: ${what === 'path' ? JSON.stringify(path) : path}: missing value`)
}

function add(doc: Json, path: string, value: Json): Json {
  const parts = decodePointer(path)
  if (!parts.length) return value
  const slot = locate(doc, parts)
  if (!slot) throw missing('add', path)
  const { parent, key } = slot
  if (isMap(parent)) parent[key] = value
  else if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key)
    if (!/^(\d+|-)$/.test(key) || i > parent.length) throw new JsonPatchError(`Unable to access invalid index: ${key}: invalid index referenced`)
    parent.splice(i, 0, value)
  } else throw missing('add', path)
  return doc
}

function remove(doc: Json, path: string, op = 'remove'): Json {
  const parts = decodePointer(path)
  const slot = locate(doc, parts)
  if (!slot || get(slot) === undefined) throw missing(op, path)
  const { parent, key } = slot
  if (isMap(parent)) delete parent[key]
  else if (Array.isArray(parent)) parent.splice(Number(key), 1)
  return doc
}

/** Apply the operations in order to a copy of `doc`. */
export function applyJsonPatch(doc: Json, ops: unknown): Json {
  if (!Array.isArray(ops)) throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
  let out = clone(doc)
  for (const raw of ops) {
    const o = (isMap(raw as Json) ? raw : {}) as Record<string, Json>
    const op = typeof o.op === 'string' ? o.op : ''
    const path = typeof o.path === 'string' ? o.path : ''
    switch (op) {
      case 'add':
        out = add(out, path, clone(o.value ?? null))
        break
      case 'remove':
        out = remove(out, path)
        break
      case 'replace': {
        const slot = locate(out, decodePointer(path))
        if (!slot || get(slot) === undefined) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`)
        out = add(remove(out, path, 'replace'), path, clone(o.value ?? null))
        break
      }
      case 'move':
      case 'copy': {
        const from = typeof o.from === 'string' ? o.from : ''
        const slot = locate(out, decodePointer(from))
        const v = slot && get(slot)
        if (v === undefined) throw missing(op, from, 'from path')
        if (op === 'move') out = remove(out, from)
        out = add(out, path, clone(v))
        break
      }
      case 'test': {
        const slot = locate(out, decodePointer(path))
        const v = slot ? get(slot) : undefined
        if (!deepEqual(v ?? null, o.value ?? null)) throw new JsonPatchError(`testing value ${path} failed: test failed`)
        break
      }
      default:
        throw new JsonPatchError(`Unexpected kind: ${op}`)
    }
  }
  return out
}
