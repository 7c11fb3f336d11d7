// kubectl label and kubectl annotate: KEY=VALUE to set, KEY- to remove, on
// named objects, -l/--all selections or -f manifests; --overwrite to change an
// existing value; --list to show them.
// Upstream: kubernetes/kubectl pkg/cmd/label/label.go, pkg/cmd/annotate/annotate.go,
// pkg/cmd/util/helpers.go (GetResourcesAndPairs).
import type { KObject } from '../../engine/api/types.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { KubectlError } from '../errors.ts'
import type { FlagSpec } from '../flags.ts'
import { fetchManifestObjects, fetchObjects } from '../resources.ts'
import { labelValueErrors } from '../selectors.ts'
import { throwCollected } from '../write-common.ts'
import { DRY_RUN_FLAG, dryRunStrategy, fieldManagerFlag, jsonCopy, OUTPUT_FLAGS, printWritten, type DryRun } from '../write-util.ts'
import { FILENAME_FLAG, RECURSIVE_FLAG } from './apply-flags.ts'

type Field = 'labels' | 'annotations'

function flags(what: string): FlagSpec[] {
  return [
    FILENAME_FLAG(`naming the objects to ${what}`),
    RECURSIVE_FLAG,
    { name: 'overwrite', type: 'bool', usage: 'Allow changing a key that already has a different value.' },
    { name: 'list', type: 'bool', usage: 'Print the current keys and values of each object instead of changing them.' },
    { name: 'all', type: 'bool', usage: 'Every object of the given types in the namespace.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'With a selector or --all, look in every namespace.' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Only the objects whose labels match this selector.' },
    { name: 'field-selector', type: 'string', usage: 'Only the objects whose fields match this selector.' },
    { name: 'resource-version', type: 'string', usage: 'Only change the object if it is still at this resourceVersion.' },
    { name: 'local', type: 'bool', usage: 'Change the object read from -f and print it, without the server (not available in this lab).' },
    fieldManagerFlag(`kubectl-${what}`),
    DRY_RUN_FLAG,
    ...OUTPUT_FLAGS,
  ]
}

export const labelVerb: Verb = {
  name: 'label',
  short: 'Update the labels on a resource',
  flags: flags('label'),
  help: {
    long: `Set or remove labels of objects. A label key is an optional DNS-subdomain prefix and "/" and a name of up to 63 letters, digits, '-', '_' or '.'; a value is up to 63 of the same characters, starting and ending with a letter or digit.

 Changing a key that already has another value needs --overwrite.`,
    examples: [
      '# Label a Job',
      'kubectl label job countdown-job color=aqua',
      '',
      '# Change the value, then remove the label',
      'kubectl label job countdown-job color=yellow --overwrite',
      'kubectl label job countdown-job color-',
      '',
      '# Label every pod of a Job',
      'kubectl label pods -l job-name=countdown-job checked=true',
    ],
    usage: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  },
  run: (ctx) => runMeta(ctx, 'labels'),
}

export const annotateVerb: Verb = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  flags: flags('annotate'),
  help: {
    long: `Set or remove annotations of objects: free-form text kept with an object, for people and tools, not used to select objects.

 Changing a key that already has another value needs --overwrite.`,
    examples: [
      '# Note who owns a CronJob',
      "kubectl annotate cronjob db-backup owner='data team'",
      '',
      '# Remove the note',
      'kubectl annotate cronjob db-backup owner-',
    ],
    usage: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  },
  run: (ctx) => runMeta(ctx, 'annotations'),
}

/** Arguments before the first KEY=VAL / KEY- are resources; after it, only pairs. */
function resourcesAndPairs(args: readonly string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = []
  const pairs: string[] = []
  for (const s of args) {
    const pair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-')
    if (pair) pairs.push(s)
    else if (pairs.length) throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`)
    else resources.push(s)
  }
  return { resources, pairs }
}

function parsePairs(field: Field, pairs: string[]): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {}
  const remove: string[] = []
  const what = field === 'labels' ? 'label' : 'annotation'
  for (const p of pairs) {
    if (p.includes('=')) {
      const parts = field === 'labels' ? p.split('=') : [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]
      if (parts.length !== 2 || !parts[0]) throw new KubectlError(`invalid ${what} spec: ${p}`)
      if (field === 'labels') {
        const errs = labelValueErrors(parts[1])
        if (errs.length) throw new KubectlError(`invalid label value: ${JSON.stringify(p)}: ${errs.join(';')}`)
      }
      set[parts[0]] = parts[1]
    } else remove.push(p.slice(0, -1))
  }
  for (const k of remove) if (k in set) throw new KubectlError(`can not both modify and remove ${what}s in the same command`)
  return { set, remove }
}

function* runMeta(ctx: KubectlContext, field: Field): Generator<Wait, number, void> {
  const pairType = field === 'labels' ? 'label' : 'annotation'
  const { resources, pairs } = resourcesAndPairs(ctx.args, pairType)
  const { set, remove } = parsePairs(field, pairs)
  const all = ctx.flags.bool('all')
  const selector = ctx.flags.string('selector')
  const files = ctx.flags.strings('filename')
  if (all && selector) throw new KubectlError('cannot set --all and --selector at the same time')
  if (!resources.length && !files.length) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>')
  const list = ctx.flags.bool('list')
  if (!pairs.length && !list) throw new KubectlError(`at least one ${pairType} update is required`)
  const dry = dryRunStrategy(ctx)
  const errs: unknown[] = []
  const targets: KObject[] = []
  if (files.length) {
    const live = yield* fetchManifestObjects(ctx)
    errs.push(...live.errors)
    targets.push(...live.objects)
  } else {
    const named = resources.length > 1 || resources[0].includes('/')
    if (!named && !all && !selector && !ctx.flags.string('field-selector')) throw new KubectlError('resource(s) were provided, but no name was specified')
    const fetched = fetchObjects(ctx, { args: resources, namespace: ctx.namespace, allNamespaces: ctx.flags.bool('all-namespaces'), labelSelector: selector, fieldSelector: ctx.flags.string('field-selector') })
    errs.push(...fetched.errors)
    for (const info of fetched.infos) targets.push(...info.objects)
  }
  for (const obj of targets) {
    try {
      if (list) listPairs(ctx, obj, field)
      else changeOne(ctx, obj, field, set, remove, dry)
    } catch (e) {
      errs.push(e)
    }
  }
  throwCollected(errs)
  return 0
}

function listPairs(ctx: KubectlContext, obj: KObject, field: Field): void {
  const m = obj.metadata[field] ?? {}
  ctx.out(Object.keys(m).sort().map((k) => `${k}=${m[k]}\n`).join(''))
}

function changeOne(ctx: KubectlContext, obj: KObject, field: Field, set: Record<string, string>, remove: string[], dry: DryRun): void {
  const overwrite = ctx.flags.bool('overwrite')
  const old = obj.metadata[field] ?? {}
  if (!overwrite) {
    const clashes = Object.keys(set).filter((k) => k in old && old[k] !== set[k])
    if (clashes.length && field === 'labels') throw new KubectlError(clashes.map((k) => `'${k}' already has a value (${old[k]}), and --overwrite is false`).join(', '))
    if (clashes.length) throw new KubectlError(`--overwrite is false but found the following declared annotation(s): ${clashes.map((k) => `'${k}' already has a value (${old[k]})`).join('; ')}`)
  }
  const version = ctx.flags.string('resource-version')
  if (field === 'labels') for (const k of remove) if (!(k in old)) ctx.out(`label ${JSON.stringify(k)} not found.\n`)
  const next: Record<string, string> = { ...old, ...set }
  for (const k of remove) delete next[k]
  const updated = jsonCopy(obj)
  updated.metadata = { ...updated.metadata, [field]: next }
  if (!Object.keys(next).length) delete updated.metadata[field]
  if (version) updated.metadata.resourceVersion = version
  const changed = JSON.stringify(jsonCopy(obj)) !== JSON.stringify(jsonCopy(updated))
  const result = changed && dry !== 'client' ? ctx.api.update(updated, { dryRun: dry === 'server' }) : updated
  printWritten(ctx, result, changeMessage(field, obj, updated, changed, overwrite), dry)
}

/** label: "labeled", "unlabeled" (only removals, without --overwrite) or "not labeled"; annotate: always "annotated". */
function changeMessage(field: Field, before: KObject, after: KObject, changed: boolean, overwrite: boolean): string {
  if (field === 'annotations') return 'annotated'
  if (!changed) return 'not labeled'
  return !overwrite && JSON.stringify(after).length < JSON.stringify(before).length ? 'unlabeled' : 'labeled'
}
