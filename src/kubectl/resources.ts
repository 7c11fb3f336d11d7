// Finding the objects a command names as resource.Builder does: TYPE [NAME…], TYPE/NAME, -f, selectors,
// -A; lists in etcd key order, per-object errors collected. Upstream: cli-runtime pkg/resource/builder.go
// (visitBySelector, visitByName, visitByResource), helper.go (EnhanceListError).
import { badRequest } from '../engine/api/errors.ts'
import type { KObject } from '../engine/api/types.ts'
import type { Wait } from '../shell/api.ts'
import type { KubectlContext } from './context.ts'
import { KubectlError } from './errors.ts'
import { checkFieldTerms, fieldsMatch, parseFieldSelector, type FieldTerm } from './field-selectors.ts'
import { splitResourceArgs, type ResourceInfo, type ResourceTarget } from './mapper.ts'
import { readFlagManifests } from './manifest.ts'
import { labelsMatch, parseLabelSelector, SelectorError, type Requirement } from './selectors.ts'
import { gvrString } from './write-common.ts'

export interface Info {
  resource: ResourceInfo
  /** A list request (type, maybe with selectors), or one named object. */
  isList: boolean
  objects: KObject[]
}

export interface Fetched {
  infos: Info[]
  errors: unknown[]
  /** One object was named: json/yaml print it bare instead of in a List. */
  singleItemImplied: boolean
}

export interface FetchOptions {
  args: readonly string[]
  namespace: string
  allNamespaces: boolean
  labelSelector: string
  fieldSelector: string
}

/** The selectors of a list request, parsed and checked the way the API server does. */
export interface ListFilter {
  labels: Requirement[]
  fields: FieldTerm[]
}

/** The server's handling of labelSelector/fieldSelector for one kind; throws a 400 as kubectl reports it. */
export function listFilter(r: ResourceInfo, labelSelector: string, fieldSelector: string): ListFilter {
  try {
    const labels = labelSelector ? parseLabelSelector(labelSelector) : []
    const fields = fieldSelector ? parseFieldSelector(fieldSelector) : []
    checkFieldTerms(r.kind, fields)
    return { labels, fields }
  } catch (e) {
    if (!(e instanceof SelectorError)) throw e
    const prefix =
      labelSelector || fieldSelector
        ? `Unable to find "${gvrString(r)}" that match label selector "${labelSelector}", field selector "${fieldSelector}": `
        : `Unable to list "${gvrString(r)}": `
    throw badRequest(prefix + e.message)
  }
}

/** etcd key order: namespace, then name. */
export function byKey(a: KObject, b: KObject): number {
  const ka = (a.metadata.namespace ?? '') + '/' + a.metadata.name
  const kb = (b.metadata.namespace ?? '') + '/' + b.metadata.name
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/** byKey's order with each key built once, not twice per comparison (5,000 pods: 120,000 strings). */
export function sortByKey<T extends KObject>(objs: T[]): T[] {
  const keyed = objs.map((o) => ({ o, k: (o.metadata.namespace ?? '') + '/' + o.metadata.name }))
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
  for (let i = 0; i < keyed.length; i++) objs[i] = keyed[i].o
  return objs
}

/** LIST: objects of a kind in a namespace (or all), matching the filter, in server order. */
export function listObjects(ctx: KubectlContext, r: ResourceInfo, ns: string | undefined, filter: ListFilter): KObject[] {
  return sortByKey(ctx.store.list(r.kind, r.namespaced ? ns : undefined).filter((o) => labelsMatch(filter.labels, o.metadata.labels) && fieldsMatch(r.kind, filter.fields, o)))
}

function namespaceFor(r: ResourceInfo, opts: FetchOptions): string | undefined {
  if (!r.namespaced) return undefined
  return opts.allNamespaces ? undefined : opts.namespace
}

function requireNamespaceForName(r: ResourceInfo, opts: FetchOptions): void {
  if (r.namespaced && opts.allNamespaces) throw new KubectlError('a resource cannot be retrieved by name across all namespaces')
}

/** Resolve the arguments and selectors into what to print; arguments errors throw. */
export function fetchObjects(ctx: KubectlContext, opts: FetchOptions): Fetched {
  const split = splitResourceArgs(opts.args)
  const hasSelector = !!opts.labelSelector || !!opts.fieldSelector
  const named = split.targets.some((t) => t.names.length)
  if (hasSelector && split.slashForm) throw new KubectlError('selectors and the all flag cannot be used when passing resource/name arguments')
  if (hasSelector && named) throw new KubectlError('name cannot be provided when a selector is specified')
  const infos: Info[] = []
  const errors: unknown[] = []
  if (split.slashForm || named) {
    for (const t of split.targets) requireNamespaceForName(t.resource, opts)
    for (const t of split.targets) for (const name of t.names) getNamed(ctx, t, name, opts, infos, errors)
    const count = split.targets.reduce((n, t) => n + t.names.length, 0)
    return { infos, errors, singleItemImplied: count === 1 }
  }
  for (const t of split.targets) {
    try {
      const filter = listFilter(t.resource, opts.labelSelector, opts.fieldSelector)
      infos.push({ resource: t.resource, isList: true, objects: listObjects(ctx, t.resource, namespaceFor(t.resource, opts), filter) })
    } catch (e) {
      errors.push(e)
    }
  }
  return { infos, errors, singleItemImplied: false }
}

function getNamed(ctx: KubectlContext, t: ResourceTarget, name: string, opts: FetchOptions, infos: Info[], errors: unknown[]): void {
  try {
    const obj = ctx.api.get(t.resource.kind, namespaceFor(t.resource, opts), name)
    infos.push({ resource: t.resource, isList: false, objects: [obj] })
  } catch (e) {
    errors.push(e)
  }
}

/** The live objects the -f manifests name (label, patch); reading errors, then lookup errors. */
export function* fetchManifestObjects(ctx: KubectlContext): Generator<Wait, { objects: KObject[]; errors: unknown[] }, void> {
  const read = yield* readFlagManifests(ctx)
  const objects: KObject[] = []
  const errors: unknown[] = [...read.errors]
  for (const info of read.infos) {
    try {
      objects.push(ctx.api.get(info.resource.kind, info.namespace || undefined, info.name))
    } catch (e) {
      errors.push(e)
    }
  }
  return { objects, errors }
}

/**
 * `-f FILE|DIR|-`: the objects the manifests name, fetched from the server
 * (FilenameParam + Latest). Reading errors come after the objects found.
 */
export function* fetchFromFiles(ctx: KubectlContext, enforceNamespace: boolean): Generator<Wait, Fetched, void> {
  if (ctx.args.length) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
  const read = yield* readFlagManifests(ctx, { enforceNamespace })
  const infos: Info[] = []
  const errors: unknown[] = []
  for (const m of read.infos) {
    try {
      const obj = ctx.api.get(m.resource.kind, m.resource.namespaced ? m.namespace : undefined, m.name)
      infos.push({ resource: m.resource, isList: false, objects: [obj] })
    } catch (e) {
      errors.push(e)
    }
  }
  const files = ctx.flags.strings('filename')
  const single = files.length === 1 && files[0] !== '-' && ctx.fs.lookup(files[0], ctx.cwd)?.type === 'file' && read.infos.length === 1
  return { infos, errors: [...errors, ...read.errors], singleItemImplied: single }
}
