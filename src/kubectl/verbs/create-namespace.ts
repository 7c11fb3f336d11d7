// kubectl create namespace NAME (alias ns): a Namespace with nothing but its name; errors
// come back as the apiserver words them. Upstream: kubernetes/kubectl pkg/cmd/create/create_namespace.go.
import type { KObject } from '../../engine/api/types.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { printWarnings, writeOptions } from '../write-common.ts'
import { dryRunStrategy, printWritten } from '../write-util.ts'
import { CREATE_SUBCOMMAND_FLAGS, oneName } from './create-job.ts'

export const createNamespaceVerb: Verb = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  flags: CREATE_SUBCOMMAND_FLAGS,
  help: {
    long: 'Create a namespace: a named space for objects, so that labs or teams do not collide.',
    examples: ['# A namespace for the lab', 'kubectl create namespace lab'],
    usage: 'create namespace NAME [--dry-run=server|client|none] [options]',
  },
  run: (ctx) => runCreateNamespace(ctx),
}

function runCreateNamespace(ctx: KubectlContext): number {
  const name = oneName(ctx)
  const dry = dryRunStrategy(ctx)
  let ns: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name, creationTimestamp: null } as unknown as KObject['metadata'], spec: {}, status: {} }
  if (dry !== 'client') {
    const opts = writeOptions(ctx, dry === 'server')
    try {
      ns = ctx.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as KObject, opts)
    } finally {
      printWarnings(ctx, opts.warnings)
    }
  }
  printWritten(ctx, ns, 'created', dry)
  return 0
}
