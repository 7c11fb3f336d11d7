// kubectl's RESTMapper: `jobs`, `job`, `Job`, `job.batch`, `jobs.v1.batch`, case-sensitive short names,
// categories (`all`), TYPE/NAME arguments. Upstream: apimachinery pkg/api/meta/restmapper.go, client-go
// restmapper/shortcut.go and category_expansion.go, cli-runtime pkg/resource/builder.go.
import { RESOURCES, type ResourceInfo } from '../engine/api/resources.ts'
import { KubectlError } from './errors.ts'

export type { ResourceInfo }

/** "job.batch", "pod": what the name printer and multi-type tables prefix names with. */
export function kindPrefix(r: ResourceInfo): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase()
}

/** "jobs.batch", "pods": the group-qualified resource, as error messages name it. */
export function qualifiedResource(r: ResourceInfo): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource
}

export function resourceNotFound(arg: string): KubectlError {
  return new KubectlError(`the server doesn't have a resource type "${arg}"`)
}

/**
 * Resolve one resource word. The resource part is matched case-insensitively
 * against plural, singular and kind; short names are expanded only as typed.
 * `name.version.group` and `name.group` forms restrict the match.
 */
export function resolveResource(word: string, resources: readonly ResourceInfo[] = RESOURCES): ResourceInfo {
  const short = resources.find((r) => r.shortNames.includes(word))
  if (short) return short
  const dot = word.indexOf('.')
  const name = dot < 0 ? word : word.slice(0, dot)
  const rest = dot < 0 ? undefined : word.slice(dot + 1)
  const lower = name.toLowerCase()
  const matches = resources.filter((r) => r.resource === lower || r.singular === lower || r.kind.toLowerCase() === lower)
  for (const r of matches) {
    if (rest === undefined) return r
    // "jobs.v1.batch": version then group; "jobs.batch": group only.
    if (rest === r.group || rest === `${r.version}.${r.group}`) return r
  }
  throw resourceNotFound(name)
}

/** Expand a category such as `all` to its resources, in discovery order of kubectl's `get all`. */
export function expandCategory(word: string, resources: readonly ResourceInfo[] = RESOURCES): ResourceInfo[] | undefined {
  const members = resources.filter((r) => r.categories.includes(word))
  if (!members.length) return undefined
  // kubectl lists the legacy core group first, then groups as discovery orders them.
  return [...members.filter((r) => !r.group), ...members.filter((r) => r.group)]
}

/** Resolve a comma-separated type list (`job,cronjob`, `all`), keeping order and dropping repeats. */
export function resolveTypes(arg: string, resources: readonly ResourceInfo[] = RESOURCES): ResourceInfo[] {
  const out: ResourceInfo[] = []
  for (const word of arg.split(',')) {
    if (!word) continue
    const expanded = resources.some((r) => r.shortNames.includes(word) || r.resource === word) ? undefined : expandCategory(word, resources)
    for (const r of expanded ?? [resolveResource(word, resources)]) if (!out.includes(r)) out.push(r)
  }
  return out
}

/** One thing a command acts on: a type with optional names, or a `type/name` pair. */
export interface ResourceTarget {
  resource: ResourceInfo
  names: string[]
}

export interface SplitArgs {
  /** Types with the names that followed them; an empty names list means "all of that type". */
  targets: ResourceTarget[]
  /** True when the arguments used the TYPE/NAME form. */
  slashForm: boolean
}

/**
 * Split a command's positional arguments as resource.Builder does: either
 * `TYPE[,TYPE…] [NAME…]` or a list of `TYPE/NAME`. `job,cj NAME` becomes the
 * pairs job/NAME and cj/NAME (normalizeMultipleResourcesArgs). Errors in kubectl's words.
 */
export function splitResourceArgs(args: readonly string[], resources: readonly ResourceInfo[] = RESOURCES): SplitArgs {
  if (!args.length) return { targets: [], slashForm: false }
  if (args.some((a) => a.includes('/'))) return splitSlashForm(args, resources)
  if (args[0].includes(',') && args.length > 1) {
    const pairs = args[0].split(',').flatMap((t) => args.slice(1).map((n) => `${t}/${n}`))
    return splitSlashForm(pairs, resources)
  }
  const types = resolveTypes(args[0], resources)
  if (args.length > 1 && types.length > 1) throw new KubectlError('you must specify only one resource')
  return { targets: types.map((r) => ({ resource: r, names: args.slice(1) })), slashForm: false }
}

function splitSlashForm(args: readonly string[], resources: readonly ResourceInfo[]): SplitArgs {
  const targets: ResourceTarget[] = []
  for (const a of args) {
    if (!a.includes('/')) {
      throw new KubectlError(
        // Upstream names the `get` verb here whatever the command was.
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      )
    }
  }
  for (const a of args) {
    const parts = a.split('/')
    if (parts.length > 2) throw new KubectlError('arguments in resource/name form may not have more than one slash')
    const [type, name] = parts
    if (!type || !name) throw new KubectlError('arguments in resource/name form must have a single resource and name')
    const r = resolveResource(type, resources)
    const last = targets[targets.length - 1]
    if (last?.resource === r) last.names.push(name)
    else targets.push({ resource: r, names: [name] })
  }
  return { targets, slashForm: true }
}
