// `-f FILE|DIR|-|URL` as kubectl's resource builder reads it (cli-runtime
// pkg/resource/builder.go, visitor.go: FileVisitorForSTDIN, ExpandPathsToFileVisitors,
// StreamVisitor, FlattenListVisitor; mapper.go infoForData): files in order,
// directories by name (with -R, recursively), every document of a stream, List
// items flattened; client-side validation and the RESTMapping, with kubectl's
// error texts. A bad stream stops that source; other sources go on.
import { RESOURCES, type ResourceInfo } from '../engine/api/resources.ts'
import type { KObject } from '../engine/api/types.ts'
import type { Wait } from '../shell/api.ts'
import type { Vfs } from '../shell/fs/vfs.ts'
import type { KubectlContext } from './context.ts'
import { KubectlError } from './errors.ts'
import { decodeStream } from './yamljson.ts'

/** One object read from a manifest. */
export interface ManifestInfo {
  /** The source as kubectl names it in messages: the path as given, "d/a.yaml", or "STDIN". */
  source: string
  obj: KObject
  resource: ResourceInfo
  name: string
  /** The namespace the object goes to ('' for cluster-scoped kinds). */
  namespace: string
}

export interface ManifestOptions {
  fs: Vfs
  cwd: string
  filenames: readonly string[]
  recursive: boolean
  /** --validate (strict and true validate; false does not). */
  validate: boolean
  /** The request namespace, and whether -n was given (objects must then agree with it). */
  namespace: string
  enforceNamespace: boolean
  readStdin: () => Generator<Wait, string, void>
}

export interface ManifestResult {
  infos: ManifestInfo[]
  /** Errors of individual sources or objects, in order (printed after the work is done). */
  errors: Error[]
}

const EXTENSIONS = ['.json', '.yaml', '.yml']

/** The manifests a command's -f and -R name, in its namespace (which they must match when -n was given). */
export function readFlagManifests(ctx: KubectlContext, o: { validate?: boolean; enforceNamespace?: boolean } = {}): Generator<Wait, ManifestResult, void> {
  return readManifests({
    fs: ctx.fs,
    cwd: ctx.cwd,
    filenames: ctx.flags.strings('filename'),
    recursive: ctx.flags.bool('recursive'),
    validate: o.validate ?? false,
    namespace: ctx.namespace,
    enforceNamespace: o.enforceNamespace ?? ctx.namespaceExplicit,
    readStdin: () => ctx.stdin.readAll(),
  })
}

/**
 * Read every object. Throws KubectlError for problems kubectl reports before
 * reading anything (a missing path, a directory without manifests).
 */
export function* readManifests(o: ManifestOptions): Generator<Wait, ManifestResult, void> {
  const sources: { source: string; read: () => string }[] = []
  for (const f of o.filenames) sources.push(...expand(o, f))
  const result: ManifestResult = { infos: [], errors: [] }
  for (const src of sources) {
    const text = src.source === 'STDIN' ? yield* o.readStdin() : src.read()
    visitStream(o, src.source, text, result)
  }
  return result
}

function expand(o: ManifestOptions, f: string): { source: string; read: () => string }[] {
  if (f === '-') return [{ source: 'STDIN', read: () => '' }]
  const url = /^https?:\/\/([^/:]+)/.exec(f)
  if (url) throw new KubectlError(`Unable to connect to the server: dial tcp: lookup ${url[1]} on 127.0.0.53:53: no such host`)
  const node = o.fs.lookup(f, o.cwd)
  if (!node) throw new KubectlError(`the path ${JSON.stringify(f)} does not exist`)
  if (node.type === 'file') return [{ source: f, read: () => o.fs.readFile(f, o.cwd) }]
  const files: string[] = []
  walk(o, cleanPath(f), o.recursive, files)
  if (!files.length) throw new KubectlError(`error reading [${f}]: recognized file extensions are [${EXTENSIONS.join(' ')}]`)
  return files.map((p) => ({ source: p, read: () => o.fs.readFile(p, o.cwd) }))
}

function walk(o: ManifestOptions, dir: string, recursive: boolean, out: string[]): void {
  for (const name of o.fs.readdir(dir, o.cwd)) {
    const p = dir === '.' ? name : `${dir}/${name}`
    const n = o.fs.lookup(p, o.cwd)
    if (n?.type === 'dir') {
      if (recursive) walk(o, p, recursive, out)
    } else if (EXTENSIONS.some((e) => name.endsWith(e))) out.push(p)
  }
}

/** filepath.Clean, as filepath.Join applies it to directory entries. */
function cleanPath(p: string): string {
  const abs = p.startsWith('/')
  const parts: string[] = []
  for (const s of p.split('/')) {
    if (!s || s === '.') continue
    if (s === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop()
    else if (s === '..' && abs) continue
    else parts.push(s)
  }
  const joined = parts.join('/')
  return abs ? '/' + joined : joined || '.'
}

function visitStream(o: ManifestOptions, source: string, text: string, result: ManifestResult): void {
  const { values, error } = decodeStream(text)
  for (const v of values) {
    if (o.validate) {
      const problem = validationProblem(v)
      if (problem) {
        result.errors.push(new KubectlError(`error validating ${JSON.stringify(source)}: error validating data: ${problem}; if you choose to ignore these errors, turn validation off with --validate=false`))
        return
      }
    }
    for (const obj of flatten(v)) {
      try {
        result.infos.push(infoFor(o, source, obj))
      } catch (e) {
        result.errors.push(e as Error)
      }
    }
  }
  if (error !== undefined) result.errors.push(new KubectlError(`error parsing ${source}: ${error}`))
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The client-side schema check's first words: the type fields must be there. */
function validationProblem(v: unknown): string | undefined {
  if (!isObject(v)) return 'invalid object to validate'
  const missing: string[] = []
  if (!v.apiVersion) missing.push('apiVersion not set')
  if (!v.kind) missing.push('kind not set')
  if (missing.length === 1) return missing[0]
  if (missing.length) return `[${missing.join(', ')}]`
  return undefined
}

function flatten(v: unknown): unknown[] {
  if (isObject(v) && v.kind === 'List' && (v.apiVersion === 'v1' || v.apiVersion === undefined) && Array.isArray(v.items)) return v.items.flatMap(flatten)
  return [v]
}

function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (v === null) return 'null'
  return typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'object'
}

function infoFor(o: ManifestOptions, source: string, v: unknown): ManifestInfo {
  if (!isObject(v)) throw new KubectlError(`unable to decode ${JSON.stringify(source)}: json: cannot unmarshal ${goTypeName(v)} into Go value of type unstructured.detector`)
  if (!v.kind) throw new KubectlError(`unable to decode ${JSON.stringify(source)}: Object 'Kind' is missing in '${goJson(v)}'`)
  const meta = isObject(v.metadata) ? v.metadata : {}
  const name = typeof meta.name === 'string' ? meta.name : ''
  const givenNs = typeof meta.namespace === 'string' ? meta.namespace : ''
  const apiVersion = typeof v.apiVersion === 'string' ? v.apiVersion : ''
  const resource = RESOURCES.find((r) => r.kind === v.kind && (r.group ? `${r.group}/${r.version}` : r.version) === apiVersion)
  if (!resource) {
    throw new KubectlError(
      `resource mapping not found for name: ${JSON.stringify(name)} namespace: ${JSON.stringify(givenNs)} from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(String(v.kind))} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first`,
    )
  }
  let namespace = ''
  if (resource.namespaced) {
    if (o.enforceNamespace && givenNs && givenNs !== o.namespace) {
      throw new KubectlError(`the namespace from the provided object ${JSON.stringify(givenNs)} does not match the namespace ${JSON.stringify(o.namespace)}. You must pass '--namespace=${givenNs}' to perform this operation.`)
    }
    namespace = givenNs || o.namespace
  }
  return { source, obj: v as unknown as KObject, resource, name, namespace }
}

/** Go's json.Marshal of a map: keys sorted at every level, compact. */
export function goJson(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(goJson).join(',') + ']'
  if (isObject(v)) {
    return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + goJson(v[k])).join(',') + '}'
  }
  return JSON.stringify(v).replace(/[<>&]/g, (c) => '\\u00' + c.charCodeAt(0).toString(16))
}
