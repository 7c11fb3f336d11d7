// kubectl get: the server's tables (kind prefixes for several types, a blank line between tables) or
// whole objects through -o, and -w. Upstream: kubectl pkg/cmd/get/get.go (Complete, Validate, Run,
// printGeneric); research kubectl-output.md §2, §10, §13.
import type { KObject } from '../../engine/api/types.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { AggregateError, isNotFound, KubectlError, RawError } from '../errors.ts'
import { kindPrefix } from '../mapper.ts'
import { PrintError } from '../printers/gotemplate.ts'
import { isHumanReadable, objectPrinter } from '../printers/output.ts'
import { wireObject } from '../printers/json.ts'
import { tableFor } from '../printers/rows.ts'
import { headerCells, rowCells, tabLine, type TableOptions } from '../printers/table.ts'
import { fetchFromFiles, fetchObjects, type Info } from '../resources.ts'
import { sortObjects } from '../sort.ts'
import { TabWriter } from '../tabwriter.ts'
import { GET_FLAGS, GET_HELP } from './get-flags.ts'
import { watchObjects } from './get-watch.ts'

export interface GetOptions {
  format: string
  template: string
  noHeaders: boolean
  showLabels: boolean
  labelColumns: string[]
  sortBy: string
  allNamespaces: boolean
  ignoreNotFound: boolean
  watch: boolean
  watchOnly: boolean
  outputWatchEvents: boolean
  showManagedFields: boolean
  allowMissingKeys: boolean
}

export function getOptions(ctx: KubectlContext): GetOptions {
  const f = ctx.flags
  return {
    format: f.string('output'),
    template: f.string('template'),
    noHeaders: f.bool('no-headers'),
    showLabels: f.bool('show-labels'),
    labelColumns: f.strings('label-columns'),
    sortBy: f.string('sort-by'),
    allNamespaces: f.bool('all-namespaces'),
    ignoreNotFound: f.bool('ignore-not-found'),
    watch: f.bool('watch'),
    watchOnly: f.bool('watch-only'),
    outputWatchEvents: f.bool('output-watch-events'),
    showManagedFields: f.bool('show-managed-fields'),
    allowMissingKeys: f.bool('allow-missing-template-keys'),
  }
}

const NO_TYPE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
  'error: Required resource not specified.\n' +
  'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
  "See 'kubectl get -h' for help and examples"

function validate(ctx: KubectlContext, o: GetOptions): void {
  if (ctx.flags.string('raw')) throw new KubectlError('--raw is not available in this lab')
  if (ctx.flags.string('kustomize')) throw new KubectlError('-k/--kustomize is not available in this lab')
  if (o.showLabels && o.format !== '' && o.format !== 'wide') throw new KubectlError(`--show-labels option cannot be used with ${o.format} printer`)
  if (o.outputWatchEvents && !(o.watch || o.watchOnly)) throw new KubectlError('--output-watch-events option can only be used with --watch or --watch-only')
}

function run(ctx: KubectlContext) {
  const o = getOptions(ctx)
  validate(ctx, o)
  if (o.watch && o.sortBy) ctx.err('warning: --watch requested, --sort-by will be ignored for watch events received\n')
  if (o.watchOnly && !o.watch && o.sortBy) ctx.err('warning: --watch-only requested, --sort-by will be ignored\n')
  if (o.watch || o.watchOnly) return watchObjects(ctx, o)
  if (!ctx.args.length && !ctx.flags.strings('filename').length) throw new RawError(NO_TYPE)
  if (ctx.flags.strings('filename').length) return getFromFiles(ctx, o)
  const fetched = fetchObjects(ctx, {
    args: ctx.args,
    namespace: ctx.namespace,
    allNamespaces: o.allNamespaces,
    labelSelector: ctx.flags.string('selector').trim(),
    fieldSelector: ctx.flags.string('field-selector').trim(),
  })
  const errors = o.ignoreNotFound ? fetched.errors.filter((e) => !isNotFound(e)) : fetched.errors
  if (!isHumanReadable(o.format, o.template)) return printGeneric(ctx, o, fetched.infos, errors, fetched.singleItemImplied)
  return printTables(ctx, o, fetched.infos, errors)
}

function* getFromFiles(ctx: KubectlContext, o: GetOptions): Generator<Wait, number, void> {
  const fetched = yield* fetchFromFiles(ctx, ctx.namespaceExplicit && !o.allNamespaces)
  const errors = o.ignoreNotFound ? fetched.errors.filter((e) => !isNotFound(e)) : fetched.errors
  if (!isHumanReadable(o.format, o.template)) return printGeneric(ctx, o, fetched.infos, errors, fetched.singleItemImplied)
  return printTables(ctx, o, fetched.infos, errors)
}

function finish(errors: unknown[]): number {
  if (!errors.length) return 0
  throw errors.length === 1 ? errors[0] : new AggregateError(errors)
}

export function tableOptions(o: GetOptions, info: Info, withKind: boolean): TableOptions {
  return {
    wide: o.format === 'wide',
    noHeaders: o.noHeaders,
    withNamespace: o.allNamespaces && info.resource.namespaced,
    kindPrefix: withKind ? kindPrefix(info.resource) : undefined,
    labelColumns: o.labelColumns,
    showLabels: o.showLabels,
  }
}

/** Rows of one table, sorted like SortingPrinter: an error means nothing prints for that table. */
function sortedRows(ctx: KubectlContext, o: GetOptions, objs: KObject[]): KObject[] | undefined {
  if (!o.sortBy || objs.length < 2) return objs
  try {
    return sortObjects(objs.map((x) => wireObject(x)), o.sortBy, ctx.now(), true)
  } catch (e) {
    if (e instanceof RawError && e.message.startsWith('F')) throw e
    return undefined
  }
}

/** With several infos kubectl sorts the Table objects themselves, which lack object fields. */
function checkMultiSort(ctx: KubectlContext, o: GetOptions, infos: Info[]): void {
  if (!o.sortBy || infos.length < 2) return
  const tables = infos.map(() => ({ apiVersion: 'meta.k8s.io/v1', kind: 'Table', metadata: { resourceVersion: ctx.store.resourceVersion } }) as unknown as KObject)
  sortObjects(tables, o.sortBy, ctx.now(), false)
}

function printTables(ctx: KubectlContext, o: GetOptions, infos: Info[], errors: unknown[]): number {
  checkMultiSort(ctx, o, infos)
  const withKind = ctx.flags.bool('show-kind') || new Set(infos.map((i) => i.resource)).size > 1
  const now = ctx.now()
  let written = 0
  let separator = false
  let writer = new TabWriter({ minwidth: 6, padding: 3, rememberWidths: true })
  let last: Info['resource'] | undefined
  let headerDone = false
  const flush = () => {
    const text = writer.flush()
    if (!text) return
    ctx.out((separator ? '\n' : '') + text)
    separator = false
    written += text.length
  }
  for (const info of infos) {
    if (info.resource !== last) {
      flush()
      // separatorWriterWrapper: a blank line before the next table that prints anything.
      if (last && !o.noHeaders && written > 0) separator = true
      writer = new TabWriter({ minwidth: 6, padding: 3, rememberWidths: true })
      last = info.resource
      headerDone = false
    }
    const rows = sortedRows(ctx, o, info.objects)
    if (!rows?.length) continue
    const def = tableFor(info.resource.kind)
    const opts = tableOptions(o, info, withKind)
    if (!o.noHeaders && !headerDone) writer.write(tabLine(headerCells(def, opts)))
    headerDone = true
    for (const obj of rows) writer.write(tabLine(rowCells(def, obj, now, opts)))
  }
  flush()
  if (!written && !o.ignoreNotFound && !errors.length) {
    const allNamespaced = !o.allNamespaces && infos.every((i) => i.resource.namespaced)
    ctx.err(allNamespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n')
  }
  return finish(errors)
}

function printGeneric(ctx: KubectlContext, o: GetOptions, infos: Info[], errors: unknown[], single: boolean): number {
  if (single && errors.length) throw errors[0]
  const objects = infos.flatMap((i) => i.objects).map((x) => wireObject(x, o.showManagedFields))
  if (!objects.length && o.ignoreNotFound) return finish(errors)
  const printer = objectPrinter({ format: o.format, template: o.template, noHeaders: o.noHeaders, allowMissingKeys: o.allowMissingKeys, fs: ctx.fs, cwd: ctx.cwd })
  if (single && objects.length === 1) {
    try {
      ctx.out(printer.print(objects[0]))
    } catch (e) {
      if (e instanceof PrintError) ctx.out(e.stdout)
      throw e
    }
    return finish(errors)
  }
  const items = o.sortBy && objects.length ? sortObjects(objects, o.sortBy, ctx.now(), false) : objects
  const list = { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } } as unknown as KObject
  try {
    ctx.out(printer.print(list))
  } catch (e) {
    if (e instanceof PrintError) ctx.out(e.stdout)
    errors = [...errors, e]
  }
  return finish(errors)
}

export const getVerb: Verb = {
  name: 'get',
  short: 'Display one or many resources',
  flags: GET_FLAGS,
  help: GET_HELP,
  run,
}
