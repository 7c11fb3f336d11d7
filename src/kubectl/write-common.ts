// Small pieces the writing verbs share: GVR/GVK strings as kubectl prints
// them, --validate, and reporting several collected errors the way checkErr
// prints a utilerrors.Aggregate (API errors as "Error from server (…)", others bare).
// Upstream: kubectl pkg/cmd/util/helpers.go (checkErr, MultipleErrors, GetValidationDirective).
import { StatusError } from '../engine/api/errors.ts'
import type { ResourceInfo } from '../engine/api/resources.ts'
import type { KubectlContext } from './context.ts'
import { KubectlError, RawError, statusMessage } from './errors.ts'
import type { FlagSpec } from './flags.ts'

/** "batch/v1, Resource=jobs"; the core group prints as "/v1, Resource=pods". */
export function gvrString(r: ResourceInfo): string {
  return `${r.group}/${r.version}, Resource=${r.resource}`
}

/** "batch/v1, Kind=Job"; core: "/v1, Kind=Pod". */
export function gvkString(r: ResourceInfo): string {
  return `${r.group}/${r.version}, Kind=${r.kind}`
}

export const VALIDATE_FLAG: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  noOptDefault: 'strict',
  usage: 'Must be one of: strict (or true), warn, ignore (or false). strict and warn check the object against the schema before sending it.',
}

/** Whether the client checks manifests (apiVersion and kind set) before sending them. */
export function validateMode(ctx: KubectlContext): boolean {
  const v = ctx.flags.string('validate').toLowerCase()
  if (['strict', 'true', 'warn'].includes(v)) return true
  if (['ignore', 'false'].includes(v)) return false
  throw new KubectlError(`invalid - validate option "${ctx.flags.string('validate')}"; must be one of: strict (or true), warn, ignore (or false)`)
}

/** Throw nothing, the one error, or all of them as checkErr prints an aggregate. */
export function throwCollected(errs: unknown[]): void {
  if (errs.length === 1) throw errs[0]
  if (errs.length > 1) throw new RawError(errs.map(aggregateLine).join('\n'))
}

function aggregateLine(e: unknown): string {
  if (e instanceof StatusError) return statusMessage(e)
  if (e instanceof RawError) return e.message
  return e instanceof Error ? e.message : String(e)
}
