// kubectl api-resources: the resource types the simulated cluster serves, in
// discovery order (the core group, then batch), with kubectl's columns.
// Upstream: kubernetes/kubectl pkg/cmd/apiresources/apiresources.go.
import { apiVersionOf, RESOURCES } from '../../engine/api/resources.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { KubectlError } from '../errors.ts'
import { TabWriter } from '../tabwriter.ts'

export const apiResourcesVerb: Verb = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  flags: [
    { name: 'api-group', type: 'string', usage: 'Only resources of this API group ("" for the core group).' },
    { name: 'namespaced', type: 'bool', default: true, usage: 'With false, only cluster-scoped resources; with true, only namespaced ones (when given).' },
    { name: 'verbs', type: 'stringSlice', usage: 'Only resources that support all these verbs.' },
    { name: 'categories', type: 'stringSlice', usage: 'Only resources in these categories (e.g. all).' },
    { name: 'no-headers', type: 'bool', usage: 'Leave out the header line.' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format: wide or name.' },
    { name: 'sort-by', type: 'string', usage: "Sort by 'name' or 'kind'." },
    { name: 'cached', type: 'bool', usage: 'Use the cached list of resources, if there is one.' },
  ],
  help: {
    long: 'List the resource types the API server offers: their names, short names, API version, whether they live in a namespace, and their kind.',
    examples: ['# Every resource type', 'kubectl api-resources', '', '# Only those of the batch group, with their verbs', 'kubectl api-resources --api-group=batch -o wide'],
    usage: 'api-resources [flags] [options]',
  },
  run: (ctx) => runApiResources(ctx),
}

function runApiResources(ctx: KubectlContext): number {
  const out = ctx.flags.string('output')
  if (out !== '' && out !== 'wide' && out !== 'name') throw new KubectlError(`--output ${out} is not available`)
  const sortBy = ctx.flags.string('sort-by')
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError(`--sort-by accepts only name or kind`)
  let list = RESOURCES.filter((r) => !r.group).sort((a, b) => cmp(a.resource, b.resource)).concat(RESOURCES.filter((r) => r.group).sort((a, b) => cmp(a.group + a.resource, b.group + b.resource)))
  if (ctx.flags.changed('api-group')) list = list.filter((r) => r.group === ctx.flags.string('api-group'))
  if (ctx.flags.changed('namespaced')) list = list.filter((r) => r.namespaced === ctx.flags.bool('namespaced'))
  const verbs = ctx.flags.strings('verbs')
  if (verbs.length) list = list.filter((r) => verbs.every((v) => r.verbs.includes(v)))
  const cats = ctx.flags.strings('categories')
  if (cats.length) list = list.filter((r) => cats.every((c) => r.categories.includes(c)))
  if (sortBy) list = [...list].sort((a, b) => (sortBy === 'name' ? cmp(a.resource, b.resource) : cmp(a.kind, b.kind)))
  if (out === 'name') {
    ctx.out(list.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource) + '\n').join(''))
    return 0
  }
  const w = new TabWriter({ minwidth: 6, padding: 3 })
  const wide = out === 'wide'
  if (!ctx.flags.bool('no-headers')) w.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`)
  for (const r of list) {
    w.write(`${r.resource}\t${r.shortNames.join(',')}\t${apiVersionOf(r)}\t${r.namespaced}\t${r.kind}${wide ? `\t${r.verbs.join(',')}\t${r.categories.join(',')}` : ''}\n`)
  }
  ctx.out(w.flush())
  return 0
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
