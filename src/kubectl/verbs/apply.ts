// kubectl apply (client-side): create what is missing, else send the three-way
// strategic merge patch between the last-applied configuration, the manifest
// and the live object; "created", "configured" or "unchanged" per object; keep
// going after errors and report them all at the end.
// Upstream: kubernetes/kubectl pkg/cmd/apply/apply.go (applyOneObject), patcher.go,
// pkg/util/apply.go (GetModifiedConfiguration).
import type { KObject } from '../../engine/api/types.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { KubectlError } from '../errors.ts'
import { goJson, readFlagManifests, type ManifestInfo } from '../manifest.ts'
import { applyStrategicPatch, threeWayPatch, type JsonMap } from '../merge/strategic.ts'
import { gvkString, gvrString, printWarnings, throwCollected, validateMode, writeOptions } from '../write-common.ts'
import { addSourceToErr, createFromManifest, dryRunStrategy, jsonCopy, printObjects, printsObjects, printWritten, type DryRun } from '../write-util.ts'
import { APPLY_FLAGS, APPLY_HELP, APPLY_UNSUPPORTED } from './apply-flags.ts'

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

export const applyVerb: Verb = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  flags: APPLY_FLAGS,
  help: APPLY_HELP,
  run: (ctx) => runApply(ctx),
}

function* runApply(ctx: KubectlContext): Generator<Wait, number, void> {
  const files = ctx.flags.strings('filename')
  if (ctx.flags.string('kustomize')) throw new KubectlError('kustomize is not available in this simulated cluster')
  for (const f of APPLY_UNSUPPORTED) if (ctx.flags.bool(f)) throw new KubectlError(`--${f} is not available in this simulated cluster`)
  if (!files.length) throw new KubectlError('must specify one of -f and -k')
  const dry = dryRunStrategy(ctx)
  const { infos, errors } = yield* readFlagManifests(ctx, { validate: validateMode(ctx) })
  if (!infos.length && !errors.length) throw new KubectlError('no objects passed to apply')
  const errs: unknown[] = [...errors]
  const printed: KObject[] = []
  for (const info of infos) {
    try {
      const obj = applyOne(ctx, info, dry)
      if (obj) printed.push(obj)
    } catch (e) {
      errs.push(e)
    }
  }
  printObjects(ctx, printed)
  throwCollected(errs)
  return 0
}

/** The manifest as apply sends it: namespace filled in, annotations present, the last-applied annotation set. */
export function modifiedConfiguration(info: ManifestInfo, annotate: boolean): { modified: KObject; lastApplied: string } {
  const obj = jsonCopy(info.obj)
  const meta = (obj.metadata ?? {}) as KObject['metadata']
  obj.metadata = meta
  if (info.namespace) meta.namespace = info.namespace
  const annotations = { ...(meta.annotations ?? {}) }
  delete annotations[LAST_APPLIED]
  meta.annotations = annotations
  // The JSON encoder's trailing newline stays in the annotation (it prints as a `|` block).
  const lastApplied = goJson(obj) + '\n'
  if (annotate) meta.annotations = { ...annotations, [LAST_APPLIED]: lastApplied }
  return { modified: obj, lastApplied }
}

function infoString(info: ManifestInfo): string {
  return `Resource: ${JSON.stringify(gvrString(info.resource))}, GroupVersionKind: ${JSON.stringify(gvkString(info.resource))}\nName: ${JSON.stringify(info.name)}, Namespace: ${JSON.stringify(info.namespace)}`
}

/** Apply one object; with -o FORMAT (not name) the result is returned for printing at the end instead. */
function applyOne(ctx: KubectlContext, info: ManifestInfo, dry: DryRun): KObject | undefined {
  const { modified } = modifiedConfiguration(info, true)
  if (!info.name) {
    throw addSourceToErr(`retrieving current configuration of:\n${infoString(info)}\nfrom server for:`, info.source, new KubectlError('resource name may not be empty'))
  }
  const current = ctx.api.tryGet<KObject>(info.resource.kind, info.namespace || undefined, info.name)
  if (!current) {
    return confirm(ctx, createFromManifest(ctx, modified, info.source, dry), 'created', dry)
  }
  if (dry === 'client') return confirm(ctx, current, 'configured', dry)
  if (!current.metadata.annotations?.[LAST_APPLIED]) {
    ctx.err(
      `Warning: resource ${info.resource.resource}/${info.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    )
  }
  const live = jsonCopy(current) as unknown as JsonMap
  const patch = threeWayPatch(lastApplied(current), modified as unknown as JsonMap, live)
  let result = current
  if (Object.keys(patch).length) {
    const opts = writeOptions(ctx, dry === 'server')
    try {
      result = ctx.api.update(applyStrategicPatch(live, patch) as unknown as KObject, opts)
      printWarnings(ctx, opts.warnings)
    } catch (e) {
      printWarnings(ctx, opts.warnings)
      const inner = addSourceToErr('patching', info.source, e)
      throw addSourceToErr(`applying patch:\n${goJson(patch)}\nto:\n${infoString(info)}\nfor:`, info.source, inner)
    }
  }
  if (current.metadata.deletionTimestamp) ctx.err(`Warning: Detected changes to resource ${info.name} which is currently being deleted.\n`)
  return confirm(ctx, result, Object.keys(patch).length ? 'configured' : 'unchanged', dry)
}

function confirm(ctx: KubectlContext, obj: KObject, op: string, dry: DryRun): KObject | undefined {
  if (printsObjects(ctx)) return obj
  printWritten(ctx, obj, op, dry)
  return undefined
}

function lastApplied(obj: KObject): JsonMap | undefined {
  const text = obj.metadata.annotations?.[LAST_APPLIED]
  if (!text) return undefined
  try {
    const v = JSON.parse(text) as unknown
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonMap) : undefined
  } catch {
    return undefined
  }
}
