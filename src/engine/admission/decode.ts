// Strict decoding, the apiserver's first step for objects kubectl sends
// (apimachinery pkg/runtime/serializer/json with sigs.k8s.io/json): Go type
// errors ("json: cannot unmarshal string into Go struct field JobSpec.spec.completions
// of type int32"), unknown fields in document order (kubectl sends map keys sorted),
// Quantity and IntOrString errors; and the object as it would be stored (unknown
// fields dropped, omitempty zero values removed).
import { goJSONNumber, parseQuantityJSON, QuantityError } from '../api/quantity.ts'
import { parseTime } from '../kernel/time.ts'
import { schemaForKind, type TypeNode } from '../api/schema/index.ts'
import type { FieldNode } from '../api/schema/types.ts'
import { byteOrder, isObj, type J } from './util.ts'

export interface DecodeResult {
  /** A decoding error that fails the request (type mismatch, bad quantity...). */
  error?: string
  /** Unknown fields, as strict decoding reports them. */
  unknown: string[]
  /** The decoded object: unknown fields dropped, zero omitempty values removed. */
  object: J
}

class Hard {
  constructor(readonly message: string) {}
}

interface Ctx {
  /** The Go struct whose field is being decoded, for type errors. */
  struct: string
  /** JSON field names from the root, without indexes (Go's errorContext.FieldStack). */
  stack: string[]
  /** The path with indexes, for unknown-field errors. */
  path: string
}

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return 'array'
  return 'object'
}

class Decoder {
  typeError: string | undefined
  unknown: string[] = []

  private saveType(value: string, ctx: Ctx, go: string): void {
    if (this.typeError) return
    const where = ctx.stack.length ? `Go struct field ${ctx.struct}.${ctx.stack.join('.')}` : 'Go value'
    this.typeError = `json: cannot unmarshal ${value} into ${where} of type ${go}`
  }

  /** Decode `v` as `node`; returns the cleaned value (undefined drops the field). */
  value(node: TypeNode, v: unknown, ctx: Ctx): unknown {
    if (v === null) return null
    switch (node.kind) {
      case 'string':
        if (typeof v !== 'string') return this.saveType(jsonKind(v), ctx, node.go), undefined
        return v
      case 'boolean':
        if (typeof v !== 'boolean') return this.saveType(jsonKind(v), ctx, node.go), undefined
        return v
      case 'integer':
      case 'number':
        return this.integer(node, v, ctx)
      case 'quantity':
        return this.quantity(v)
      case 'int-or-string':
        return this.intOrString(v)
      case 'time':
        return this.time(v)
      case 'array':
        return this.array(node, v, ctx)
      case 'map':
        return this.map(node, v, ctx)
      case 'object':
        return this.object(node, v, ctx)
    }
  }

  private integer(node: TypeNode, v: unknown, ctx: Ctx): unknown {
    if (typeof v !== 'number') return this.saveType(jsonKind(v), ctx, node.go), undefined
    const limit = node.bits === 32 ? 2 ** 31 : 2 ** 63
    if (!Number.isInteger(v) || v < -limit || v >= limit) return this.saveType(`number ${goJSONNumber(v)}`, ctx, node.go), undefined
    return v
  }

  private quantity(v: unknown): unknown {
    const raw = typeof v === 'string' || typeof v === 'number' ? v : JSON.stringify(v)
    try {
      parseQuantityJSON(raw)
    } catch (e) {
      if (e instanceof QuantityError) throw new Hard(e.message)
      throw e
    }
    return v
  }

  private intOrString(v: unknown): unknown {
    if (typeof v === 'string') return v
    if (typeof v === 'number') {
      if (!Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31) throw new Hard(`json: cannot unmarshal number ${goJSONNumber(v)} into Go value of type int32`)
      return v
    }
    throw new Hard(`json: cannot unmarshal ${jsonKind(v)} into Go value of type int32`)
  }

  private time(v: unknown): unknown {
    if (typeof v !== 'string') throw new Hard(`json: cannot unmarshal ${jsonKind(v)} into Go value of type string`)
    if (Number.isNaN(parseTime(v))) throw new Hard(`parsing time ${JSON.stringify(v)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(v)} as "2006"`)
    return v
  }

  private array(node: TypeNode, v: unknown, ctx: Ctx): unknown {
    if (!Array.isArray(v)) return this.saveType(jsonKind(v), ctx, node.go), undefined
    return v.map((e, i) => {
      const out = this.value(node.items!, e, { ...ctx, path: `${ctx.path}[${i}]` })
      return out === undefined ? zeroOf(node.items!) : out
    })
  }

  private map(node: TypeNode, v: unknown, ctx: Ctx): unknown {
    if (!isObj(v)) return this.saveType(jsonKind(v), ctx, node.go), undefined
    const out: J = {}
    for (const k of Object.keys(v).sort(byteOrder)) {
      const d = this.value(node.values!, v[k], { ...ctx, path: `${ctx.path}[${k}]` })
      if (d !== undefined) out[k] = d
    }
    return out
  }

  private object(node: TypeNode, v: unknown, ctx: Ctx): unknown {
    if (!isObj(v)) return this.saveType(jsonKind(v), ctx, node.go), undefined
    if (node.open) return v
    const out: J = {}
    for (const k of Object.keys(v).sort(byteOrder)) {
      const f = node.fields![k]
      const path = ctx.path ? `${ctx.path}.${k}` : k
      if (!f) {
        this.unknown.push(`unknown field ${JSON.stringify(path)}`)
        continue
      }
      const d = this.value(f.type, v[k], { struct: node.struct ?? ctx.struct, stack: [...ctx.stack, k], path })
      if (d !== undefined && keep(f, d)) out[k] = d
    }
    return out
  }
}

function zeroOf(node: TypeNode): unknown {
  switch (node.kind) {
    case 'string':
      return ''
    case 'integer':
    case 'number':
      return 0
    case 'boolean':
      return false
    case 'object':
      return {}
    default:
      return null
  }
}

/** Whether a decoded field survives re-encoding: Go drops nil pointers, slices and maps, and omitempty zeros. */
function keep(f: FieldNode, v: unknown): boolean {
  const kind = f.type.kind
  if (v === null) return kind === 'time' && !f.pointer ? true : !(f.pointer || kind === 'array' || kind === 'map' || f.omitEmpty)
  if (f.pointer || kind === 'object' || kind === 'time') return true
  if (!f.omitEmpty) return true
  if (v === '' || v === 0 || v === false) return false
  if (Array.isArray(v)) return v.length > 0
  if (isObj(v) && (kind === 'map' || kind === 'quantity')) return Object.keys(v).length > 0
  return true
}

/** Decode an object of a kind the schema knows. */
export function decodeObject(obj: J, kind: string): DecodeResult {
  const schema = schemaForKind(kind)
  if (!schema) return { unknown: [], object: obj }
  const d = new Decoder()
  try {
    const object = d.value(schema.type, obj, { struct: schema.type.struct ?? kind, stack: [], path: '' }) as J
    if (d.typeError) return { error: d.typeError, unknown: d.unknown, object: obj }
    return { unknown: d.unknown, object: object ?? {} }
  } catch (e) {
    if (e instanceof Hard) return { error: e.message, unknown: d.unknown, object: obj }
    throw e
  }
}

/** transformDecodeError: `Job in version "v1" cannot be handled as a Job: <error>`. */
export function decodeFailure(kind: string, version: string, err: string): string {
  return `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${err}`
}

/** runtime.NewStrictDecodingError's text. */
export function strictDecodingError(unknown: string[]): string {
  return 'strict decoding error: ' + unknown.join(', ')
}
