// kubectl create cronjob NAME --image=IMAGE --schedule=SCHEDULE [--restart=R] [-- COMMAND…].
// Upstream: kubernetes/kubectl pkg/cmd/create/create_cronjob.go; research
// cronjob-controller.md §8.2.
import type { KObject } from '../../engine/api/types.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { KubectlError } from '../errors.ts'
import { dryRunStrategy } from '../write-util.ts'
import { command, CREATE_SUBCOMMAND_FLAGS, oneName, send } from './create-job.ts'

export const createCronJobVerb: Verb = {
  name: 'cronjob',
  // create_cronjob.go registers the short name as an alias: kubectl create cj NAME ...
  aliases: ['cj'],
  short: 'Create a cron job with the specified name',
  flags: [
    { name: 'image', type: 'string', usage: 'Image of the container the scheduled Jobs run.' },
    { name: 'schedule', type: 'string', usage: 'When to run, in cron format, e.g. "*/5 * * * *".' },
    { name: 'restart', type: 'string', usage: 'restartPolicy of the Jobs\' pods: OnFailure (the default) or Never.' },
    ...CREATE_SUBCOMMAND_FLAGS,
  ],
  help: {
    long: 'Create a CronJob that starts a Job on SCHEDULE; each Job runs one container with IMAGE (and COMMAND, if given).',
    examples: ['# Every five minutes, print the date', 'kubectl create cronjob tick --image=busybox:1.36 --schedule="*/5 * * * *" -- date'],
    usage: 'create cronjob NAME --image=image --schedule=\'0/5 * * * ?\' -- [COMMAND] [args...] [flags] [options]',
  },
  run: (ctx) => runCreateCronJob(ctx),
}

function runCreateCronJob(ctx: KubectlContext): number {
  const missing = ['image', 'schedule'].filter((f) => !ctx.flags.changed(f))
  if (missing.length) throw new KubectlError(`required flag(s) ${missing.map((m) => JSON.stringify(m)).join(', ')} not set`)
  const name = oneName(ctx)
  const cmd = command(ctx)
  const dry = dryRunStrategy(ctx)
  const cj: KObject = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, creationTimestamp: null } as unknown as KObject['metadata'],
    spec: {
      jobTemplate: {
        metadata: { creationTimestamp: null, name },
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: {
              containers: [{ name, image: ctx.flags.string('image'), ...(cmd.length ? { command: cmd } : {}), resources: {} }],
              restartPolicy: ctx.flags.string('restart') || 'OnFailure',
            },
          },
        },
      },
      schedule: ctx.flags.string('schedule'),
    },
    status: {},
  }
  if (ctx.namespaceExplicit) cj.metadata.namespace = ctx.namespace
  return send(ctx, cj, dry, 'cronjob')
}
