// kubectl delete: by TYPE NAME…, TYPE/NAME, -f, -l, --field-selector or --all;
// --cascade, --grace-period, --now, --force; then, by default, wait (on the
// virtual clock) until every deleted object is really gone.
// Upstream: kubernetes/kubectl pkg/cmd/delete/delete.go, delete_flags.go (1.33:
// `job.batch "x" deleted`, without the 1.34 "from default namespace").
import { StatusError } from '../../engine/api/errors.ts'
import type { PropagationPolicy } from '../../engine/api/server.ts'
import type { KObject } from '../../engine/api/types.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { KubectlError } from '../errors.ts'
import { parseGoDuration } from '../duration.ts'
import { readFlagManifests } from '../manifest.ts'
import { kindPrefix } from '../mapper.ts'
import { fetchObjects } from '../resources.ts'
import { waitUntil } from '../waiting.ts'
import { throwCollected } from '../write-common.ts'
import { addSourceToErr, dryRunStrategy, dryRunSuffix, resourceOf, type DryRun } from '../write-util.ts'
import { DELETE_FLAGS, DELETE_HELP } from './delete-flags.ts'

export const deleteVerb: Verb = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: DELETE_FLAGS,
  help: DELETE_HELP,
  run: (ctx) => runDelete(ctx),
}

const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

interface Target {
  obj: KObject
  source: string
}

interface Plan {
  policy: PropagationPolicy
  grace: number | undefined
  force: boolean
  dry: DryRun
}

function cascade(ctx: KubectlContext): PropagationPolicy {
  const v = ctx.flags.string('cascade')
  const warn = (to: string) => ctx.err(`warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=${to}.\n`)
  switch (v) {
    case 'background':
      return 'Background'
    case 'foreground':
      return 'Foreground'
    case 'orphan':
      return 'Orphan'
    case 'true':
      warn('background')
      return 'Background'
    case 'false':
      warn('orphan')
      return 'Orphan'
    default:
      throw new KubectlError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`)
  }
}

function plan(ctx: KubectlContext): Plan {
  const now = ctx.flags.bool('now')
  let grace = ctx.flags.int('grace-period')
  if (now) {
    if (ctx.flags.changed('grace-period')) throw new KubectlError('--now and --grace-period cannot be specified together')
    grace = 1
  }
  const force = ctx.flags.bool('force')
  // --grace-period=0 means 1 unless forced; --force alone means 0.
  if (grace === 0 && !force) grace = 1
  if (force && grace < 0) grace = 0
  const policy = cascade(ctx)
  const dry = dryRunStrategy(ctx)
  return { policy, grace: grace < 0 ? undefined : grace, force, dry }
}

function* runDelete(ctx: KubectlContext): Generator<Wait, number, void> {
  const p = plan(ctx)
  const files = ctx.flags.strings('filename')
  const selector = ctx.flags.string('selector')
  const fieldSelector = ctx.flags.string('field-selector')
  const all = ctx.flags.bool('all')
  const errs: unknown[] = []
  const targets: Target[] = []
  if (files.length) {
    const read = yield* readFlagManifests(ctx)
    errs.push(...read.errors)
    for (const info of read.infos) {
      const obj = ctx.api.tryGet<KObject>(info.resource.kind, info.namespace || undefined, info.name)
      if (obj) targets.push({ obj, source: info.source })
      else if (!ctx.flags.bool('ignore-not-found')) errs.push(addSourceToErr('deleting', info.source, ctx.api.notFound(info.resource.kind, info.name)))
    }
  } else {
    if (!ctx.args.length) throw new KubectlError(NO_RESOURCES)
    const named = ctx.args.length > 1 || ctx.args[0].includes('/')
    if (!named && !all && !selector && !fieldSelector) throw new KubectlError('resource(s) were provided, but no name was specified')
    if (named && (all || selector)) throw new KubectlError('name cannot be provided when a selector is specified')
    const fetched = fetchObjects(ctx, {
      args: ctx.args,
      namespace: ctx.namespace,
      allNamespaces: ctx.flags.bool('all-namespaces'),
      labelSelector: selector,
      fieldSelector,
    })
    for (const e of fetched.errors) if (!(ctx.flags.bool('ignore-not-found') && e instanceof StatusError && e.reason === 'NotFound')) errs.push(e)
    for (const info of fetched.infos) for (const obj of info.objects) targets.push({ obj, source: '' })
  }
  if (p.force && p.grace === 0) {
    ctx.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n')
  }
  const deleted: KObject[] = []
  for (const t of targets) {
    try {
      deleteOne(ctx, t, p)
      deleted.push(t.obj)
    } catch (e) {
      errs.push(t.source ? addSourceToErr('deleting', t.source, e) : e)
    }
  }
  // Only a list request (a selector or --all) reports that it matched nothing.
  const listed = !files.length && ctx.args.length === 1 && !ctx.args[0].includes('/')
  if (!targets.length && !errs.length && listed) ctx.out('No resources found\n')
  if (ctx.flags.bool('wait') && p.dry === 'none' && deleted.length) yield* waitGone(ctx, deleted, errs)
  throwCollected(errs)
  return 0
}

function deleteOne(ctx: KubectlContext, t: Target, p: Plan): void {
  const r = resourceOf(t.obj)
  const m = t.obj.metadata
  if (p.dry !== 'client') {
    ctx.api.delete(r.kind, m.namespace, m.name, {
      propagationPolicy: p.policy,
      gracePeriodSeconds: p.grace,
      dryRun: p.dry === 'server',
      preconditions: t.source ? undefined : { uid: m.uid },
    })
  }
  if (ctx.flags.string('output') === 'name') ctx.out(`${kindPrefix(r)}/${m.name}\n`)
  else ctx.out(`${kindPrefix(r)} ${JSON.stringify(m.name)} ${p.force && p.grace === 0 ? 'force deleted' : 'deleted'}${dryRunSuffix(p.dry)}\n`)
}

/** --wait: until every deleted object (this uid) is gone, or --timeout (0: a week). */
function* waitGone(ctx: KubectlContext, deleted: KObject[], errs: unknown[]): Generator<Wait, void, void> {
  const t = parseGoDuration(ctx.flags.string('timeout'))
  if (typeof t === 'string') throw new KubectlError(`invalid argument "${ctx.flags.string('timeout')}" for "--timeout" flag: ${t}`)
  const deadline = ctx.now() + (t > 0 ? t : 168 * 3600 * 1000)
  const gone = (o: KObject) => ctx.store.get(o.kind, o.metadata.namespace, o.metadata.name)?.metadata.uid !== o.metadata.uid
  const ok = yield* waitUntil(ctx, () => deleted.every(gone), deadline)
  if (ok) return
  for (const o of deleted) if (!gone(o)) errs.push(new KubectlError(`timed out waiting for the condition on ${resourceOf(o).resource}/${o.metadata.name}`))
}
