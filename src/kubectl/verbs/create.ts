// kubectl create -f: send each object of the manifests as a new object; with
// --save-config also record it as last applied. Subcommands `create job`,
// `create cronjob` and `create namespace` build the object from flags.
// Upstream: kubernetes/kubectl pkg/cmd/create/create.go (RunCreate).
import type { KObject } from '../../engine/api/types.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { KubectlError } from '../errors.ts'
import { readFlagManifests } from '../manifest.ts'
import { throwCollected, VALIDATE_FLAG, validateMode } from '../write-common.ts'
import { createFromManifest, DRY_RUN_FLAG, dryRunStrategy, fieldManagerFlag, jsonCopy, OUTPUT_FLAGS, printWritten, SAVE_CONFIG_FLAG } from '../write-util.ts'
import { FILENAME_FLAG, RECURSIVE_FLAG } from './apply-flags.ts'
import { modifiedConfiguration } from './apply.ts'
import { createCronJobVerb } from './create-cronjob.ts'
import { createJobVerb } from './create-job.ts'
import { createNamespaceVerb } from './create-namespace.ts'

export const createVerb: Verb = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  flags: [
    FILENAME_FLAG('to create'),
    RECURSIVE_FLAG,
    { name: 'kustomize', short: 'k', type: 'string', usage: 'A kustomization directory to build and create (not available in this lab).' },
    DRY_RUN_FLAG,
    ...OUTPUT_FLAGS,
    VALIDATE_FLAG,
    SAVE_CONFIG_FLAG,
    fieldManagerFlag('kubectl-create'),
  ],
  help: {
    long: `Create objects from manifests: files, directories, or standard input (JSON or YAML).

 Unlike apply, create fails for an object that already exists.`,
    examples: [
      '# Create the Job described in a file',
      'kubectl create -f countdown-job.yaml',
      '',
      '# Create from standard input',
      'cat job.json | kubectl create -f -',
    ],
    usage: 'create -f FILENAME [options]',
  },
  subcommands: [createCronJobVerb, createJobVerb, createNamespaceVerb],
  run: (ctx) => runCreate(ctx),
}

function* runCreate(ctx: KubectlContext): Generator<Wait, number, void> {
  const files = ctx.flags.strings('filename')
  if (ctx.flags.string('kustomize')) throw new KubectlError('kustomize is not available in this simulated cluster')
  if (ctx.args.length) {
    throw new KubectlError(`unknown command "${ctx.args[0]}" for "kubectl create"`)
  }
  if (!files.length) throw new KubectlError('must specify one of -f and -k')
  const dry = dryRunStrategy(ctx)
  const { infos, errors } = yield* readFlagManifests(ctx, { validate: validateMode(ctx) })
  if (!infos.length && !errors.length) throw new KubectlError('no objects passed to create')
  const errs: unknown[] = [...errors]
  for (const info of infos) {
    try {
      // Without --save-config the object goes as written, only its namespace filled in.
      const modified = ctx.flags.bool('save-config') ? modifiedConfiguration(info, true).modified : withNamespace(info.obj, info.namespace)
      printWritten(ctx, createFromManifest(ctx, modified, info.source, dry), 'created', dry)
    } catch (e) {
      errs.push(e)
    }
  }
  throwCollected(errs)
  return 0
}

function withNamespace(obj: KObject, namespace: string): KObject {
  const copy = jsonCopy(obj)
  if (namespace) copy.metadata = { ...(copy.metadata ?? {}), namespace } as KObject['metadata']
  return copy
}
