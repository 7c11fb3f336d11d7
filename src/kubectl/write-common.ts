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

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

/** --validate as the fieldValidation directive sent with writes (GetValidationDirective). */
export function fieldValidation(ctx: KubectlContext): FieldValidation {
  if (!ctx.flags.has('validate')) return 'Strict'
  const v = ctx.flags.string('validate').toLowerCase()
  if (v === 'strict' || v === 'true') return 'Strict'
  if (v === 'warn') return 'Warn'
  if (v === 'ignore' || v === 'false') return 'Ignore'
  throw new KubectlError(`invalid - validate option "${ctx.flags.string('validate')}"; must be one of: strict (or true), warn, ignore (or false)`)
}

/** Whether the client checks manifests (apiVersion and kind set) before sending them. */
export function validateMode(ctx: KubectlContext): boolean {
  return fieldValidation(ctx) !== 'Ignore'
}

/** Write options for a request from kubectl, collecting the API's warnings. */
export function writeOptions(ctx: KubectlContext, dryRun: boolean): { dryRun: boolean; fieldValidation: FieldValidation; warnings: string[] } {
  return { dryRun, fieldValidation: fieldValidation(ctx), warnings: [] }
}

/** kubectl prints each API warning header as "Warning: <text>" on stderr. */
export function printWarnings(ctx: KubectlContext, warnings: readonly string[]): void {
  for (const w of warnings) ctx.err(`Warning: ${w}\n`)
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
