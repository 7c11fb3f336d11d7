// kubectl wait: block (on the virtual clock) until each named object meets a
// condition (--for=condition=Complete, --for=jsonpath=…=value), is deleted or
// is created; one "condition met" line per object, all within one --timeout.
// Upstream: kubernetes/kubectl pkg/cmd/wait/wait.go, condition.go, json.go, delete.go, create.go.
import { StatusError } from '../../engine/api/errors.ts'
import { RESOURCES } from '../../engine/api/resources.ts'
import type { KObject } from '../../engine/api/types.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { KubectlError } from '../errors.ts'
import { FlagError } from '../flags.ts'
import { parseGoDuration } from '../duration.ts'
import { evaluateJsonPath, JsonPathError, parseJsonPath, type JpNode } from '../jsonpath.ts'
import { readFlagManifests } from '../manifest.ts'
import { relaxedJsonPath } from '../printers/custom-columns.ts'
import { fetchObjects } from '../resources.ts'
import { waitUntil } from '../waiting.ts'
import { throwCollected } from '../write-common.ts'
import { OUTPUT_FLAGS, printWritten, resourceOf } from '../write-util.ts'
import { FILENAME_FLAG, RECURSIVE_FLAG } from './apply-flags.ts'

export const waitVerb: Verb = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  flags: [
    { name: 'for', type: 'string', usage: 'What to wait for: delete, create, condition=NAME[=VALUE] (VALUE defaults to true) or jsonpath=\'{EXPRESSION}\'[=VALUE].' },
    { name: 'timeout', type: 'duration', default: '30s', usage: 'How long to wait in all; 0 checks once, a negative value waits a week.' },
    FILENAME_FLAG('naming the objects to wait for'),
    RECURSIVE_FLAG,
    { name: 'all', type: 'bool', usage: 'Every object of the given types in the namespace.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'With a selector or --all, look in every namespace.' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Only the objects whose labels match this selector.' },
    { name: 'field-selector', type: 'string', usage: 'Only the objects whose fields match this selector.' },
    { name: 'local', type: 'bool', usage: 'Check the objects read from -f without the server (not available in this lab).' },
    ...OUTPUT_FLAGS,
  ],
  help: {
    long: `Wait until objects reach a state: a condition in their status, a value at a JSONPath, their deletion or their creation.

 Each object is waited for in turn, all within --timeout. "condition met" is printed for every object that got there; the command fails for those that did not.`,
    examples: [
      '# Wait until a Job has completed',
      'kubectl wait --for=condition=complete job/countdown-job --timeout=120s',
      '',
      '# Wait until a Job has failed',
      'kubectl wait --for=condition=failed job/failing-job',
      '',
      '# Wait until 5 pods of a Job have succeeded',
      "kubectl wait --for=jsonpath='{.status.succeeded}'=5 job/parallel-processing",
      '',
      '# Wait until a Job and its pods are gone',
      'kubectl delete job countdown-job --wait=false',
      'kubectl wait --for=delete job/countdown-job --timeout=60s',
    ],
    usage: 'wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath=\'{}\'[=value]] [options]',
  },
  run: (ctx) => runWait(ctx),
}

type Goal =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; name: string; value: string }
  | { kind: 'jsonpath'; path: JpNode; value: string | undefined }

function parseFor(spec: string): Goal {
  const lower = spec.toLowerCase()
  if (lower === 'delete') return { kind: 'delete' }
  if (lower === 'create') return { kind: 'create' }
  if (lower.startsWith('condition=')) {
    const rest = spec.slice('condition='.length)
    const eq = rest.indexOf('=')
    return eq < 0 ? { kind: 'condition', name: rest, value: 'true' } : { kind: 'condition', name: rest.slice(0, eq), value: rest.slice(eq + 1) }
  }
  if (lower.startsWith('jsonpath=')) return jsonPathGoal(spec.slice('jsonpath='.length))
  throw new KubectlError(`unrecognized condition: ${JSON.stringify(spec)}`)
}

const JSONPATH_FORMAT = "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'"

/** Split at each single '='; '==' stays inside a part (kubectl wait.go splitJSONPathInput). */
function splitOnSingleEquals(input: string): string[] {
  const parts: string[] = []
  let cur = ''
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== '=') cur += input[i]
    else if (input[i + 1] === '=') {
      cur += '=='
      i++
    } else {
      parts.push(cur)
      cur = ''
    }
  }
  return [...parts, cur]
}

/**
 * --for=jsonpath=EXPR[=VALUE] as kubectl wait.go processJSONPathInput and newJSONPathParser take it:
 * at most one single '=', quotes around VALUE dropped, an empty VALUE or EXPR refused, parse errors as they are.
 */
function jsonPathGoal(input: string): Goal {
  const parts = splitOnSingleEquals(input)
  if (parts.length > 2) throw new KubectlError(JSONPATH_FORMAT)
  const expr = relaxedJsonPath(parts[0])
  let value: string | undefined
  if (parts.length === 2) {
    value = parts[1].replace(/^['"]+|['"]+$/g, '')
    if (value === '') throw new KubectlError("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3")
  }
  if (expr === '') throw new KubectlError('jsonpath expression cannot be empty')
  try {
    return { kind: 'jsonpath', path: parseJsonPath(expr), value }
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(e.message)
    throw e
  }
}

/** Whether an object meets a condition or JSONPath goal now; throws kubectl's errors for ambiguous paths. */
function met(goal: Goal, obj: KObject): boolean {
  if (goal.kind === 'condition') {
    const conds = ((obj.status as { conditions?: { type?: string; status?: string }[] } | undefined)?.conditions ?? [])
    return conds.some((c) => (c.type ?? '').toLowerCase() === goal.name.toLowerCase() && (c.status ?? '').toLowerCase() === goal.value.toLowerCase())
  }
  if (goal.kind !== 'jsonpath') return true
  const results = evaluateJsonPath(goal.path, obj, { allowMissingKeys: true })
  if (results.length > 1) throw new KubectlError('given jsonpath expression matches more than one list')
  const values = results[0] ?? []
  if (!values.length) return false
  // wait.go checkCondition verifies a single value before "any value will do" (verifyParsedJSONPath).
  if (values.length > 1) throw new KubectlError('given jsonpath expression matches more than one value')
  if (goal.value === undefined) return true
  const v = values[0]
  if (typeof v === 'object' && v !== null) throw new KubectlError('jsonpath leads to a nested object or list which is not supported')
  // compareResults: fmt %v of the value, both sides trimmed of white space.
  return (v === null ? '<nil>' : String(v)).trim() === goal.value.trim()
}

function timeoutMs(ctx: KubectlContext): number {
  const raw = ctx.flags.string('timeout')
  const t = parseGoDuration(raw)
  if (typeof t === 'string') throw new FlagError(`invalid argument ${JSON.stringify(raw)} for "--timeout" flag: ${t}`)
  return t < 0 ? 168 * 3600 * 1000 : t
}

function* runWait(ctx: KubectlContext): Generator<Wait, number, void> {
  const goal = parseFor(ctx.flags.string('for'))
  const timeout = timeoutMs(ctx)
  const errs: unknown[] = []
  const targets: { kind: string; namespace: string | undefined; name: string; obj?: KObject }[] = []
  const files = ctx.flags.strings('filename')
  if (files.length) {
    const read = yield* readFlagManifests(ctx)
    errs.push(...read.errors)
    for (const i of read.infos) targets.push({ kind: i.resource.kind, namespace: i.namespace || undefined, name: i.name, obj: ctx.api.tryGet(i.resource.kind, i.namespace || undefined, i.name) })
  } else {
    if (!ctx.args.length) throw new KubectlError('You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'')
    const fetched = fetchObjects(ctx, { args: ctx.args, namespace: ctx.namespace, allNamespaces: ctx.flags.bool('all-namespaces'), labelSelector: ctx.flags.string('selector'), fieldSelector: ctx.flags.string('field-selector') })
    for (const e of fetched.errors) {
      const notFound = e instanceof StatusError && e.reason === 'NotFound'
      if (notFound && goal.kind === 'create') targets.push(createTarget(ctx, e))
      else if (!(notFound && goal.kind === 'delete')) errs.push(e)
    }
    for (const info of fetched.infos) for (const obj of info.objects) targets.push({ kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, obj })
  }
  if (!targets.length && !errs.length && goal.kind !== 'delete') throw new KubectlError('no matching resources found')
  // One deadline for the whole command: RunWait makes a single context with --timeout and every object's
  // watch runs under it (kubectl pkg/cmd/wait/wait.go), so objects after one that timed out time out at once.
  const deadline = ctx.now() + timeout
  for (const t of targets) {
    const current = () => ctx.store.get<KObject>(t.kind, t.namespace, t.name)
    let done: () => boolean
    if (goal.kind === 'delete') done = () => current()?.metadata.uid !== t.obj?.metadata.uid || !t.obj
    else if (goal.kind === 'create') done = () => current() !== undefined
    else done = () => !!current() && met(goal, current()!)
    const resourceName = () => {
      const o = current() ?? t.obj
      return `${o ? resourceOf(o).resource : t.kind.toLowerCase() + 's'}/${t.name}`
    }
    let ok: boolean
    if (timeout === 0 && goal.kind !== 'create') {
      // --timeout=0 looks once (getObjAndCheckCondition, IsDeleted): an unmet goal is "condition not met".
      ok = done()
      if (!ok) {
        errs.push(new KubectlError(`condition not met for ${resourceName()}`))
        continue
      }
    } else if (ctx.now() >= deadline && !((goal.kind === 'delete' || goal.kind === 'create') && done())) {
      // The shared context has expired: the watch cannot even start. Deletion and creation are still seen by
      // the GET that comes before any watch.
      ok = false
    } else ok = yield* waitUntil(ctx, done, deadline)
    const shown = current() ?? t.obj
    if (ok && shown) printWritten(ctx, shown, 'condition met', 'none')
    else if (!ok) errs.push(new KubectlError(`timed out waiting for the condition on ${resourceName()}`))
  }
  throwCollected(errs)
  return 0
}

/** A named object that does not exist yet, from the NotFound error that named it (--for=create). */
function createTarget(ctx: KubectlContext, e: StatusError): { kind: string; namespace: string | undefined; name: string } {
  const d = e.status.details ?? {}
  const r = RESOURCES.find((x) => x.resource === d.kind && x.group === (d.group ?? ''))
  return { kind: r?.kind ?? '', namespace: r?.namespaced === false ? undefined : ctx.namespace, name: d.name ?? '' }
}
