// kubectl patch: a strategic merge (default), JSON merge or JSON patch applied
// to named objects on the server; "patched", or "patched (no change)" when the
// object came back as it was. A JSON-looking patch is sent as typed; anything
// else is read as YAML first. Upstream: kubernetes/kubectl pkg/cmd/patch/patch.go;
// the server side: apiserver pkg/endpoints/handlers/patch.go.
import { badRequest, StatusError } from '../../engine/api/errors.ts'
import type { KObject } from '../../engine/api/types.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { KubectlError } from '../errors.ts'
import { goJsonUnmarshal, GoJsonError } from '../gojson.ts'
import { applyJsonPatch, JsonPatchError } from '../merge/jsonpatch.ts'
import { applyMergePatch, applyStrategicPatch, deepEqual, isMap, type Json, type JsonMap } from '../merge/strategic.ts'
import { fetchManifestObjects, fetchObjects } from '../resources.ts'
import { printWarnings, throwCollected } from '../write-common.ts'
import { DRY_RUN_FLAG, dryRunStrategy, fieldManagerFlag, jsonCopy, OUTPUT_FLAGS, printWritten, type DryRun } from '../write-util.ts'
import { yamlToJson } from '../yamljson.ts'
import { FILENAME_FLAG, RECURSIVE_FLAG } from './apply-flags.ts'

type PatchType = 'strategic' | 'merge' | 'json'

export const patchVerb: Verb = {
  name: 'patch',
  short: 'Update fields of a resource',
  flags: [
    FILENAME_FLAG('naming the objects to patch'),
    RECURSIVE_FLAG,
    { name: 'patch', short: 'p', type: 'string', usage: 'The patch, as JSON or YAML.' },
    { name: 'patch-file', type: 'string', usage: 'A file holding the patch.' },
    { name: 'type', type: 'string', default: 'strategic', usage: 'How the patch is read: json (RFC 6902 operations), merge (RFC 7386) or strategic (Kubernetes\' strategic merge, where lists such as containers merge by name).' },
    { name: 'local', type: 'bool', usage: 'Patch the object read from -f and print it, without the server (not available in this lab).' },
    { name: 'subresource', type: 'string', usage: 'Patch a subresource such as status (not available in this lab).' },
    fieldManagerFlag('kubectl-patch'),
    DRY_RUN_FLAG,
    ...OUTPUT_FLAGS,
  ],
  help: {
    long: `Change fields of an object on the server with a patch.

 A strategic merge patch (the default) merges maps and merges lists such as containers and env by name; a JSON merge patch (--type merge) merges maps and replaces lists; a JSON patch (--type json) is a list of add, remove, replace, move, copy and test operations.`,
    examples: [
      '# Suspend a CronJob, then resume it',
      'kubectl patch cronjob sample-cron-job -p \'{"spec":{"suspend":true}}\'',
      'kubectl patch cronjob sample-cron-job -p \'{"spec":{"suspend":false}}\'',
      '',
      '# The same as a JSON patch',
      'kubectl patch cronjob sample-cron-job --type=json -p \'[{"op":"replace","path":"/spec/suspend","value":true}]\'',
      '',
      '# Raise a Job\'s parallelism, in YAML',
      "kubectl patch job countdown-job -p 'spec: {parallelism: 2}'",
    ],
    usage: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  },
  run: (ctx) => runPatch(ctx),
}

function patchType(ctx: KubectlContext): PatchType {
  const t = ctx.flags.string('type')
  if (t !== 'strategic' && t !== 'merge' && t !== 'json') throw new KubectlError(`--type must be one of [json merge strategic], not "${t}"`)
  return t
}

/** The patch text as sent: JSON as typed, YAML converted (util/yaml ToJSON). */
function patchBody(ctx: KubectlContext): string {
  const inline = ctx.flags.string('patch')
  const file = ctx.flags.string('patch-file')
  if (inline && file) throw new KubectlError('cannot specify --patch and --patch-file together')
  if (!inline && !file) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch')
  let text = inline
  if (file) {
    try {
      text = ctx.fs.readFile(file, ctx.cwd)
    } catch {
      throw new KubectlError(`unable to read patch file: open ${file}: no such file or directory`)
    }
  }
  if (/^\s*\{/.test(text)) return text
  try {
    return JSON.stringify(yamlToJson(text))
  } catch (e) {
    throw new KubectlError(`unable to parse ${JSON.stringify(text)}: ${(e as Error).message}`)
  }
}

function* runPatch(ctx: KubectlContext): Generator<Wait, number, void> {
  const type = patchType(ctx)
  const body = patchBody(ctx)
  const dry = dryRunStrategy(ctx)
  if (ctx.flags.bool('local')) throw new KubectlError('--local is not available in this simulated cluster')
  const errs: unknown[] = []
  const targets: KObject[] = []
  const files = ctx.flags.strings('filename')
  if (files.length) {
    const live = yield* fetchManifestObjects(ctx)
    errs.push(...live.errors)
    targets.push(...live.objects)
  } else {
    if (!ctx.args.length) throw new KubectlError('You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'')
    if (ctx.args.length === 1 && !ctx.args[0].includes('/')) throw new KubectlError('resource(s) were provided, but no name was specified')
    const fetched = fetchObjects(ctx, { args: ctx.args, namespace: ctx.namespace, allNamespaces: false, labelSelector: '', fieldSelector: '' })
    errs.push(...fetched.errors)
    for (const info of fetched.infos) targets.push(...info.objects)
  }
  for (const obj of targets) {
    try {
      patchOne(ctx, obj, type, body, dry)
    } catch (e) {
      errs.push(e)
    }
  }
  throwCollected(errs)
  return 0
}

/** The server's side of PATCH: decode the patch, apply it, and write the result unless nothing changed. */
export function serverPatch(current: KObject, type: PatchType, body: string): KObject {
  let patch: unknown
  try {
    patch = goJsonUnmarshal(body)
  } catch (e) {
    if (e instanceof GoJsonError) throw badRequest(e.message)
    throw e
  }
  const doc = jsonCopy(current) as unknown as JsonMap
  try {
    if (type === 'json') return applyJsonPatch(doc, patch) as unknown as KObject
    if (!isMap(patch as Json)) throw badRequest(`json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch === 'string' ? 'string' : typeof patch === 'number' ? 'number' : 'bool'} into Go value of type map[string]interface {}`)
    const out = type === 'merge' ? applyMergePatch(doc, patch as Json) : applyStrategicPatch(doc, patch as JsonMap)
    return out as unknown as KObject
  } catch (e) {
    // The apiserver answers a failed JSON patch with a generic 422 and drops the library's text.
    if (e instanceof JsonPatchError) throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server rejected our request due to an error in our request', reason: 'Invalid', code: 422 })
    throw e
  }
}

function patchOne(ctx: KubectlContext, current: KObject, type: PatchType, body: string, dry: DryRun): void {
  const patched = serverPatch(current, type, body)
  checkName(patched, current)
  // Bookkeeping comes from the stored object, whatever the patch said.
  patched.metadata = { ...patched.metadata, name: current.metadata.name, namespace: current.metadata.namespace, uid: current.metadata.uid, resourceVersion: current.metadata.resourceVersion }
  if (deepEqual(jsonCopy(patched), jsonCopy(current))) {
    // patch.go prints through PrintFlagsWithDryRunStrategy: a dry run keeps its suffix.
    printWritten(ctx, current, 'patched (no change)', dry)
    return
  }
  const opts = { dryRun: dry === 'server', fieldValidation: 'Strict' as const, warnings: [] as string[] }
  let result = patched
  try {
    if (dry !== 'client') {
      // The apiserver stores nothing when the patched object, once defaulted, is the stored
      // one ({"spec":{"suspend":null}}): it answers with the same resourceVersion, and
      // kubectl says "patched (no change)".
      result = ctx.api.update(patched, opts)
      if (result.metadata.resourceVersion === current.metadata.resourceVersion && deepEqual(jsonCopy(result), jsonCopy(current))) {
        printWritten(ctx, current, 'patched (no change)', dry)
        return
      }
    }
  } finally {
    printWarnings(ctx, opts.warnings)
  }
  printWritten(ctx, result, 'patched', dry)
}

/**
 * The patch handler's checkName (apiserver pkg/endpoints/handlers/rest.go): a patch may not
 * rename an object or move it to another namespace.
 */
function checkName(patched: KObject, current: KObject): void {
  const name = patched.metadata?.name
  if (name !== current.metadata.name) throw badRequest(`the name of the object (${name ?? ''}) does not match the name on the URL (${current.metadata.name})`)
  const ns = patched.metadata?.namespace
  if (ns && current.metadata.namespace && ns !== current.metadata.namespace) {
    throw badRequest(`the namespace of the object (${ns}) does not match the namespace on the URL (${current.metadata.namespace})`)
  }
}
