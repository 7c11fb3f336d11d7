// The shape of the API schema: a typed field tree per kind, with the Go type
// names that decoding errors print, what `kubectl explain` shows, and our own
// descriptions in English and Korean. Builders keep the definitions short.

export type Lang = 'en' | 'ko'

export interface Text {
  en: string
  ko: string
}

export type NodeKind = 'string' | 'integer' | 'boolean' | 'number' | 'object' | 'array' | 'map' | 'quantity' | 'int-or-string' | 'time'

export interface TypeNode {
  kind: NodeKind
  /** The Go type as encoding/json names it in errors: "int32", "v1.RestartPolicy", "[]v1.Container". */
  go: string
  /** Struct name for "Go struct field <Struct>.<path>" (objects only), e.g. "JobSpec". */
  struct?: string
  /** Integer width: decoding rejects numbers outside it. */
  bits?: 32 | 64
  enum?: string[]
  /** Object fields in Go struct order. */
  fields?: Record<string, FieldNode>
  /** An object that accepts any fields (types we do not model field by field). */
  open?: boolean
  items?: TypeNode
  values?: TypeNode
  /** What the type is, for `kubectl explain <kind>` and the editor's hover. */
  desc?: Text
}

export interface FieldNode {
  type: TypeNode
  desc: Text
  /** Marked required in the OpenAPI schema (explain shows -required-). */
  required?: boolean
  /** A Go pointer: null/zero values are kept when stored. */
  pointer?: boolean
  /** Go's omitempty on a value field: zero values are dropped when stored. */
  omitEmpty?: boolean
}

export interface FieldOpts {
  required?: boolean
  pointer?: boolean
  /** Defaults to !required for value fields (most optional fields are omitempty). */
  omitEmpty?: boolean
}

export function text(en: string, ko: string): Text {
  return { en, ko }
}

function field(type: TypeNode, en: string, ko: string, o: FieldOpts = {}): FieldNode {
  const node: FieldNode = { type, desc: { en, ko } }
  if (o.required) node.required = true
  if (o.pointer) node.pointer = true
  const omit = o.omitEmpty ?? (!o.required && !o.pointer)
  if (omit) node.omitEmpty = true
  return node
}

export const T = {
  string: (go = 'string', enumValues?: string[]): TypeNode => (enumValues ? { kind: 'string', go, enum: enumValues } : { kind: 'string', go }),
  int32: (): TypeNode => ({ kind: 'integer', go: 'int32', bits: 32 }),
  int64: (): TypeNode => ({ kind: 'integer', go: 'int64', bits: 64 }),
  bool: (): TypeNode => ({ kind: 'boolean', go: 'bool' }),
  quantity: (): TypeNode => ({ kind: 'quantity', go: 'resource.Quantity' }),
  intOrString: (): TypeNode => ({ kind: 'int-or-string', go: 'intstr.IntOrString' }),
  time: (): TypeNode => ({ kind: 'time', go: 'v1.Time' }),
  list: (items: TypeNode): TypeNode => ({ kind: 'array', go: '[]' + items.go, items }),
  map: (values: TypeNode, go = `map[string]${values.go}`): TypeNode => ({ kind: 'map', go, values }),
  /** An opaque object: any fields, checked only as an object. */
  open: (go: string): TypeNode => ({ kind: 'object', go, open: true, fields: {} }),
}

/** A struct type: `pkg` is the Go package alias errors print ("v1" for core/v1, batch/v1 and meta/v1). */
export function struct(name: string, fields: Record<string, FieldNode>, desc?: Text, pkg = 'v1'): TypeNode {
  return { kind: 'object', go: `${pkg}.${name}`, struct: name, fields, desc }
}

export const F = {
  str: (en: string, ko: string, o?: FieldOpts & { go?: string; enum?: string[] }) => field(T.string(o?.go, o?.enum), en, ko, o),
  int32: (en: string, ko: string, o?: FieldOpts) => field(T.int32(), en, ko, o),
  int64: (en: string, ko: string, o?: FieldOpts) => field(T.int64(), en, ko, o),
  bool: (en: string, ko: string, o?: FieldOpts) => field(T.bool(), en, ko, o),
  quantity: (en: string, ko: string, o?: FieldOpts) => field(T.quantity(), en, ko, o),
  intOrString: (en: string, ko: string, o?: FieldOpts) => field(T.intOrString(), en, ko, o),
  time: (en: string, ko: string, o?: FieldOpts) => field(T.time(), en, ko, { omitEmpty: false, ...o }),
  obj: (type: TypeNode, en: string, ko: string, o?: FieldOpts) => field(type, en, ko, o),
  list: (items: TypeNode, en: string, ko: string, o?: FieldOpts) => field(T.list(items), en, ko, o),
  strList: (en: string, ko: string, o?: FieldOpts) => field(T.list(T.string()), en, ko, o),
  strMap: (en: string, ko: string, o?: FieldOpts) => field(T.map(T.string()), en, ko, o),
  resources: (en: string, ko: string, o?: FieldOpts) => field(T.map(T.quantity(), 'v1.ResourceList'), en, ko, o),
}
