// What the writing verbs share: --dry-run, the confirmation line
// (`job.batch/x created (dry run)`), wrapping errors with their source file,
// klog warnings, and printing the written object with -o.
// Upstream: kubectl pkg/cmd/util/helpers.go (GetDryRunStrategy, AddSourceToErr),
// cli-runtime pkg/printers/name.go, k8s.io/klog (header format).
import { StatusError } from '../engine/api/errors.ts'
import { resourceForKind, type ResourceInfo } from '../engine/api/resources.ts'
import type { KObject } from '../engine/api/types.ts'
import type { KubectlContext } from './context.ts'
import { isBug, KubectlError } from './errors.ts'
import type { FlagSpec } from './flags.ts'
import { kindPrefix } from './mapper.ts'
import { objectPrinter } from './printers/output.ts'
import { printWarnings, writeOptions } from './write-common.ts'

export type DryRun = 'none' | 'client' | 'server'

export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
  usage: 'Must be "none", "server", or "client". With client, only print what would be sent; with server, send it to be checked without storing it.',
}

export const SAVE_CONFIG_FLAG: FlagSpec = {
  name: 'save-config',
  type: 'bool',
  usage: 'Also store the object as its last-applied configuration, so that kubectl apply can manage it later.',
}

/** --field-manager, defaulting to the command's own manager name (kubectl-create, kubectl-patch…). */
export function fieldManagerFlag(manager: string): FlagSpec {
  return { name: 'field-manager', type: 'string', default: manager, usage: 'The name recorded as the manager of the fields this command sets.' }
}

export const OUTPUT_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', usage: 'Output format: json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file.' },
  { name: 'template', type: 'string', usage: 'Template string or path for -o=go-template or -o=jsonpath.' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'Ignore template errors for fields or map keys missing from the object (golang and jsonpath templates only).' },
  { name: 'show-managed-fields', type: 'bool', usage: 'Keep managedFields when printing objects as JSON or YAML.' },
]

/** klog's warning header: "W0101 00:00:00.000000   12345 helpers.go:703] ". */
export function klogWarning(ctx: KubectlContext, where: string, msg: string): void {
  const d = new Date(ctx.now())
  const p2 = (n: number) => String(n).padStart(2, '0')
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0')
  const stamp = `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}`
  ctx.err(`W${stamp}   ${kubectlPid(ctx)} ${where}] ${msg}\n`)
}

/** A stable fake process id per kubectl run, from the host's random source. */
function kubectlPid(ctx: KubectlContext): number {
  return 1000 + (ctx.host.random() % 60000)
}

export function dryRunStrategy(ctx: KubectlContext): DryRun {
  const v = ctx.flags.string('dry-run')
  switch (v) {
    case 'unchanged':
      klogWarning(ctx, 'helpers.go:703', '--dry-run is deprecated and can be replaced with --dry-run=client.')
      return 'client'
    case 'client':
    case 'server':
    case 'none':
      return v
    case 'true':
    case 'false':
    case '1':
    case '0':
    case 't':
    case 'f':
    case 'T':
    case 'F':
    case 'TRUE':
    case 'FALSE':
    case 'True':
    case 'False': {
      const on = ['true', '1', 't', 'T', 'TRUE', 'True'].includes(v)
      klogWarning(ctx, 'helpers.go:717', `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=${on ? 'client' : 'none'}.`)
      return on ? 'client' : 'none'
    }
    default:
      throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`)
  }
}

export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : ''
}

/** "job.batch/x created (dry run)". */
export function successLine(r: ResourceInfo, name: string, op: string, d: DryRun): string {
  return `${kindPrefix(r)}/${name} ${op}${dryRunSuffix(d)}\n`
}

export function resourceOf(obj: KObject): ResourceInfo {
  const r = resourceForKind(obj.kind)
  if (!r) throw new KubectlError(`no matches for kind ${JSON.stringify(obj.kind)}`)
  return r
}

/**
 * AddSourceToErr: "error when <verb> "<file>": <message>". API errors keep
 * their reason and details (so an Invalid still prints as "The Job … is invalid").
 */
export function addSourceToErr(verb: string, source: string, e: unknown): unknown {
  if (!source || isBug(e)) return e
  if (e instanceof StatusError) return new StatusError({ ...e.status, message: `error when ${verb} ${JSON.stringify(source)}: ${e.status.message}` })
  const msg = e instanceof Error ? e.message : String(e)
  return new KubectlError(`error when ${verb} ${JSON.stringify(source)}: ${msg}`)
}

/** Create one manifest object (a client dry run just returns it); errors name the manifest it came from. */
export function createFromManifest(ctx: KubectlContext, obj: KObject, source: string, dry: DryRun): KObject {
  if (dry === 'client') return obj
  const opts = writeOptions(ctx, dry === 'server')
  try {
    return ctx.api.create(obj, opts)
  } catch (e) {
    throw addSourceToErr('creating', source, e)
  } finally {
    printWarnings(ctx, opts.warnings)
  }
}

/** `-o FORMAT` given and not `name`: print objects instead of a confirmation. */
export function printsObjects(ctx: KubectlContext): boolean {
  const o = ctx.flags.has('output') ? ctx.flags.string('output') : ''
  return o !== '' && o !== 'name'
}

/** Print one written object with -o (name, json, yaml, jsonpath…), or the confirmation line. */
export function printWritten(ctx: KubectlContext, obj: KObject, op: string, d: DryRun): void {
  const format = ctx.flags.has('output') ? ctx.flags.string('output') : ''
  if (format === '') {
    ctx.out(successLine(resourceOf(obj), obj.metadata.name, op, d))
    return
  }
  ctx.out(printerFor(ctx, format).print(stripForPrint(obj, ctx)))
}

const printers = new WeakMap<KubectlContext, ReturnType<typeof objectPrinter>>()

/** One printer per command, so several YAML documents get their "---" separators. */
function printerFor(ctx: KubectlContext, format: string): ReturnType<typeof objectPrinter> {
  let p = printers.get(ctx)
  if (!p) {
    p = objectPrinter({
      format,
      template: ctx.flags.has('template') ? ctx.flags.string('template') : '',
      noHeaders: false,
      allowMissingKeys: ctx.flags.has('allow-missing-template-keys') ? ctx.flags.bool('allow-missing-template-keys') : true,
      fs: ctx.fs,
      cwd: ctx.cwd,
    })
    printers.set(ctx, p)
  }
  return p
}

/** apply -o: the objects at the end, one bare or several in a List (as apply.go printObjects does). */
export function printObjects(ctx: KubectlContext, objs: KObject[]): void {
  if (!objs.length) return
  const one = objs.length === 1 ? objs[0] : ({ apiVersion: 'v1', items: objs.map((o) => stripForPrint(o, ctx)), kind: 'List', metadata: {} } as unknown as KObject)
  ctx.out(printerFor(ctx, ctx.flags.string('output')).print(objs.length === 1 ? stripForPrint(one, ctx) : one))
}

/** What -o json/yaml shows of an object: no managedFields unless asked. */
export function stripForPrint(obj: KObject, ctx: KubectlContext): KObject {
  const copy = jsonCopy(obj)
  const show = ctx.flags.has('show-managed-fields') && ctx.flags.bool('show-managed-fields')
  if (!show) delete copy.metadata.managedFields
  return copy
}

/** Deep copy through JSON (drops undefined fields, as the wire does). */
export function jsonCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}
