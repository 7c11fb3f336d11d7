// kubectl get -w / --watch-only: the current objects, then a row per change as the watch delivers it
// (objects entering or leaving a selector as ADDED/DELETED), until interrupted or the server's
// watch timeout. Upstream: kubectl pkg/cmd/get/get.go (watch); research §7.
import type { WatchEvent } from '../../engine/api/store.ts'
import type { KObject } from '../../engine/api/types.ts'
import { MINUTE, SECOND } from '../../engine/kernel/time.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext } from '../context.ts'
import { KubectlError } from '../errors.ts'
import { fieldsMatch } from '../field-selectors.ts'
import { splitResourceArgs, type ResourceInfo } from '../mapper.ts'
import { wireObject } from '../printers/json.ts'
import { isHumanReadable, objectPrinter } from '../printers/output.ts'
import { tableFor } from '../printers/rows.ts'
import { headerCells, rowCells, tabLine } from '../printers/table.ts'
import { toYaml } from '../printers/yaml.ts'
import { goJsonIndent } from '../printers/json.ts'
import { byKey, listFilter, listObjects, type ListFilter } from '../resources.ts'
import { labelsMatch } from '../selectors.ts'
import { TabWriter } from '../tabwriter.ts'
import type { GetOptions } from './get.ts'
import { tableOptions } from './get.ts'

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED'

interface Scope {
  resource: ResourceInfo
  namespace: string | undefined
  name: string | undefined
  filter: ListFilter
}

function resolveScope(ctx: KubectlContext, o: GetOptions): Scope {
  const split = splitResourceArgs(ctx.args)
  if (!split.targets.length) {
    throw new KubectlError(
      'You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'',
    )
  }
  if (new Set(split.targets.map((t) => t.resource)).size > 1) throw new KubectlError('you may only specify a single resource type')
  const t = split.targets[0]
  const names = split.targets.flatMap((x) => x.names)
  if (names.length > 1) throw new KubectlError('watch is only supported on individual resources and resource collections, but a list of resources is found')
  const labelSelector = ctx.flags.string('selector').trim()
  const fieldSelector = ctx.flags.string('field-selector').trim()
  if (names.length && (labelSelector || fieldSelector)) throw new KubectlError('name cannot be provided when a selector is specified')
  if (names.length && o.allNamespaces && t.resource.namespaced) throw new KubectlError('a resource cannot be retrieved by name across all namespaces')
  const namespace = t.resource.namespaced && !o.allNamespaces ? ctx.namespace : undefined
  return { resource: t.resource, namespace, name: names[0], filter: listFilter(t.resource, labelSelector, fieldSelector) }
}

function inScope(s: Scope, obj: KObject): boolean {
  if (s.namespace !== undefined && (obj.metadata.namespace ?? '') !== s.namespace) return false
  if (s.name !== undefined && obj.metadata.name !== s.name) return false
  return labelsMatch(s.filter.labels, obj.metadata.labels) && fieldsMatch(s.resource.kind, s.filter.fields, obj)
}

/** What a filtered watch reports for a store change, if anything. */
function translate(s: Scope, ev: WatchEvent): { type: EventType; obj: KObject } | undefined {
  const now = inScope(s, ev.object)
  const before = ev.old !== undefined && inScope(s, ev.old)
  if (ev.type === 'ADDED') return now ? { type: 'ADDED', obj: ev.object } : undefined
  if (ev.type === 'DELETED') return before || now ? { type: 'DELETED', obj: ev.object } : undefined
  if (now && before) return { type: 'MODIFIED', obj: ev.object }
  if (now) return { type: 'ADDED', obj: ev.object }
  if (before) return { type: 'DELETED', obj: ev.object }
  return undefined
}

/** Turns objects into output text, keeping table widths across events. */
function makeRenderer(ctx: KubectlContext, o: GetOptions, s: Scope): (obj: KObject, type: EventType) => string {
  if (isHumanReadable(o.format, o.template)) {
    const def = tableFor(s.resource.kind)
    const opts = tableOptions(o, { resource: s.resource, isList: true, objects: [] }, false)
    const w = new TabWriter({ minwidth: 6, padding: 3, rememberWidths: true })
    let header = o.noHeaders
    return (obj, type) => {
      if (!header) w.write(tabLine(headerCells(def, opts, o.outputWatchEvents)))
      header = true
      w.write(tabLine(rowCells(def, obj, ctx.now(), opts, o.outputWatchEvents ? type : undefined)))
      return w.flush()
    }
  }
  const printer = objectPrinter({ format: o.format, template: o.template, noHeaders: o.noHeaders, allowMissingKeys: o.allowMissingKeys, fs: ctx.fs, cwd: ctx.cwd })
  let docs = 0
  return (obj, type) => {
    const wire = wireObject(obj, o.showManagedFields)
    if (!o.outputWatchEvents || o.format === 'name') return printer.print(wire)
    // A metav1.WatchEvent: JSON keeps the struct's field order, YAML sorts.
    if (o.format === 'json') return `{\n    "type": "${type}",\n    "object": ${goJsonIndent(wire).replace(/\n/g, '\n    ')}\n}\n`
    if (o.format === 'yaml') return (docs++ ? '---\n' : '') + toYaml({ object: wire, type })
    return printer.print(wire)
  }
}

export function* watchObjects(ctx: KubectlContext, o: GetOptions): Generator<Wait, number, void> {
  const s = resolveScope(ctx, o)
  const render = makeRenderer(ctx, o, s)
  let initial: KObject[]
  if (s.name !== undefined) initial = [ctx.api.get(s.resource.kind, s.namespace, s.name)]
  else initial = listObjects(ctx, s.resource, s.namespace, s.filter).sort(byKey)
  if (!o.watchOnly) {
    let text = ''
    for (const obj of initial) text += render(obj, 'ADDED')
    ctx.out(text)
  }
  let pending = ''
  const stop = ctx.store.watch((ev) => {
    const t = translate(s, ev)
    if (!t) return
    pending += render(t.obj, t.type)
    ctx.host.wake()
  }, s.resource.kind)
  // The API server ends a watch after its request timeout (--min-request-timeout 1800s, randomised up to 2x).
  const endAt = ctx.now() + ctx.cluster.kernel.rng.stream('kubectl-watch-timeout').int(30 * MINUTE, 60 * MINUTE - SECOND)
  // kubectl's interrupt handler (pkg/util/interrupt): INT, TERM or HUP cancels the watch and exits 1.
  let interrupted = false
  const release = ctx.onSignal?.(() => (interrupted = true))
  try {
    while (ctx.now() < endAt) {
      if (pending) {
        ctx.out(pending)
        pending = ''
      }
      yield { until: endAt }
      if (interrupted) return 1
    }
    if (pending) ctx.out(pending)
    return 0
  } finally {
    release?.()
    stop()
  }
}
