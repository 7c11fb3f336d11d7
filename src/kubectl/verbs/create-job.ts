// kubectl create job NAME --image=IMAGE [-- COMMAND…], or --from=cronjob/NAME
// (a Job made from the CronJob's template, owned by it, marked as manual).
// Upstream: kubernetes/kubectl pkg/cmd/create/create_job.go; research
// cronjob-controller.md §8.1.
import type { CronJob, Job, KObject } from '../../engine/api/types.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { isBug, KubectlError, UsageError } from '../errors.ts'
import { resolveResource } from '../mapper.ts'
import { printWarnings, writeOptions } from '../write-common.ts'
import type { FlagSpec } from '../flags.ts'
import { DRY_RUN_FLAG, dryRunStrategy, fieldManagerFlag, jsonCopy, OUTPUT_FLAGS, printWritten, SAVE_CONFIG_FLAG, type DryRun } from '../write-util.ts'

/** The flags every `create` subcommand ends with (create_*.go: dry run, printing, save-config, validate, field manager). */
export const CREATE_SUBCOMMAND_FLAGS: FlagSpec[] = [
  DRY_RUN_FLAG,
  ...OUTPUT_FLAGS,
  SAVE_CONFIG_FLAG,
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
  fieldManagerFlag('kubectl-create'),
]

export const createJobVerb: Verb = {
  name: 'job',
  short: 'Create a job with the specified name',
  flags: [
    { name: 'image', type: 'string', usage: 'Image of the Job\'s one container.' },
    { name: 'from', type: 'string', usage: 'Copy the Job from a CronJob\'s template: cronjob/NAME.' },
    ...CREATE_SUBCOMMAND_FLAGS,
  ],
  help: {
    long: 'Create a Job, either with one container running IMAGE (and COMMAND, if given), or as a copy of a CronJob\'s job template (--from=cronjob/NAME), which starts it at once instead of waiting for the schedule.',
    examples: [
      '# A Job running one command in busybox',
      'kubectl create job hello --image=busybox:1.36 -- echo "Hello World"',
      '',
      '# Run a CronJob now, without waiting for its schedule',
      'kubectl create job manual-backup-1 --from=cronjob/db-backup',
    ],
    usage: 'create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
  },
  run: (ctx) => runCreateJob(ctx),
}

/** The NAME argument (args before `--`); kubectl wants exactly one. */
export function oneName(ctx: KubectlContext): string {
  const before = ctx.argsLenAtDash < 0 ? ctx.args : ctx.args.slice(0, ctx.argsLenAtDash)
  if (before.length !== 1) throw new UsageError(`exactly one NAME is required, got ${before.length}`, ctx.commandPath)
  return before[0]
}

/** The COMMAND after `--`, if any. */
export function command(ctx: KubectlContext): string[] {
  return ctx.argsLenAtDash < 0 ? [] : ctx.args.slice(ctx.argsLenAtDash)
}

function runCreateJob(ctx: KubectlContext): number {
  const name = oneName(ctx)
  const image = ctx.flags.string('image')
  const from = ctx.flags.string('from')
  const cmd = command(ctx)
  if ((image === '') === (from === '')) throw new KubectlError('either --image or --from must be specified')
  if (from && cmd.length) throw new KubectlError('cannot specify --from and command')
  const dry = dryRunStrategy(ctx)
  const job = from ? jobFromCronJob(ctx, name, from) : jobFromImage(name, image, cmd)
  if (ctx.namespaceExplicit) job.metadata.namespace = ctx.namespace
  return send(ctx, job, dry, 'job')
}

/** What `create job --image` builds, with the zero values a typed object prints (creationTimestamp: null, resources: {}). */
function jobFromImage(name: string, image: string, cmd: string[]): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, creationTimestamp: null } as unknown as KObject['metadata'],
    spec: {
      template: {
        metadata: { creationTimestamp: null },
        spec: { containers: [{ name, image, ...(cmd.length ? { command: cmd } : {}), resources: {} }], restartPolicy: 'Never' },
      },
    },
    status: {},
  }
}

function jobFromCronJob(ctx: KubectlContext, name: string, from: string): KObject {
  const slash = from.indexOf('/')
  const type = slash < 0 ? from : from.slice(0, slash)
  const r = resolveResource(type)
  if (slash < 0) throw new KubectlError(`the server doesn't have a resource type "${from}"`)
  const cj = ctx.api.get<KObject>(r.kind, r.namespaced ? ctx.namespace : undefined, from.slice(slash + 1))
  if (cj.kind !== 'CronJob') throw new KubectlError(`unknown object type *v1.${cj.kind}`)
  const tpl = jsonCopy((cj as CronJob).spec.jobTemplate)
  const annotations = { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tpl.metadata?.annotations ?? {}) }
  const job: Job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      annotations,
      ...(tpl.metadata?.labels ? { labels: tpl.metadata.labels } : {}),
      creationTimestamp: null,
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }],
    } as unknown as Job['metadata'],
    spec: { ...tpl.spec, template: { ...tpl.spec.template, metadata: { creationTimestamp: null, ...(tpl.spec.template.metadata ?? {}) } as Job['spec']['template']['metadata'] } },
    status: {},
  }
  return job
}

/** Send (or not, for client dry runs) and confirm; errors read "failed to create job: …". */
export function send(ctx: KubectlContext, obj: KObject, dry: DryRun, what: string): number {
  let out = obj
  if (dry !== 'client') {
    const toSend = jsonCopy(obj)
    toSend.metadata = { ...toSend.metadata, namespace: ctx.namespace }
    delete (toSend.metadata as { creationTimestamp?: unknown }).creationTimestamp
    const opts = writeOptions(ctx, dry === 'server')
    try {
      out = ctx.api.create(toSend, opts)
    } catch (e) {
      if (isBug(e)) throw e
      throw new KubectlError(`failed to create ${what}: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      printWarnings(ctx, opts.warnings)
    }
  }
  printWritten(ctx, out, 'created', dry)
  return 0
}
