// How kubectl turns an error into its last words on stderr and an exit code.
// Upstream: kubernetes/kubectl pkg/cmd/util/helpers.go (checkErr,
// StandardErrorMessage, MultilineError, statusCausesToAggrError).
import { StatusError } from '../engine/api/errors.ts'
import { FlagError } from './flags.ts'

/** An error kubectl reports in its own words: printed as `error: <message>` unless it already says so. */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

/** Printed verbatim (no `error: ` prefix), e.g. `get` without a resource type. */
export class RawError extends KubectlError {}

/** A usage error: message, then "See 'kubectl <cmd> --help' for usage." (cmdutil.UsageErrorf). */
export class UsageError extends KubectlError {
  constructor(
    message: string,
    readonly commandPath: string,
  ) {
    super(message)
  }
}

/** Several errors reported together, one per line (utilerrors.Aggregate). */
export class AggregateError extends KubectlError {
  constructor(readonly errors: unknown[]) {
    super(errors.map((e) => (e instanceof Error ? e.message : String(e))).join(', '))
  }
}

/** A command that ends quietly with a status (the message, if any, was printed already). */
export class ExitError extends KubectlError {}

/** StandardErrorMessage for API errors: "Error from server (Reason): message". */
export function statusMessage(e: StatusError): string {
  const s = e.status
  if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message})`
  if (s.reason) return `Error from server (${s.reason}): ${s.message}`
  return `Error from server: ${s.message}`
}

/** checkErr's rendering of a 422 Invalid: one cause inline, several as a `* ` list. */
function invalidMessage(e: StatusError): string {
  const d = e.status.details
  if (!d) return 'The request is invalid' + (e.status.message ? ': ' + e.status.message : '')
  let head = 'The request is invalid'
  if (d.kind || d.name) head = `The ${d.kind ?? ''} ${JSON.stringify(d.name ?? '')} is invalid`
  const seen = new Set<string>()
  const causes: string[] = []
  for (const c of d.causes ?? []) {
    const msg = c.field ? `${c.field}: ${c.message}` : c.message
    if (seen.has(msg)) continue
    seen.add(msg)
    causes.push(msg)
  }
  if (!causes.length) return head
  if (causes.length === 1) return `${head}: ${causes[0]}`
  return `${head}: \n` + causes.map((c) => `* ${c}`).join('\n')
}

/** One error as kubectl prints it, without the trailing newline. */
export function errorText(e: unknown): string {
  if (e instanceof StatusError) return e.status.reason === 'Invalid' ? invalidMessage(e) : statusMessage(e)
  if (e instanceof AggregateError) return e.errors.map(errorText).join('\n')
  if (e instanceof RawError) return e.message
  if (e instanceof UsageError) return withPrefix(e.message) + `\nSee '${e.commandPath} -h' for help and examples`
  const msg = e instanceof Error ? e.message : String(e)
  return withPrefix(msg)
}

function withPrefix(msg: string): string {
  return msg.startsWith('error: ') ? msg : 'error: ' + msg
}

/** The text for stderr (ends with a newline, as fatal() adds one) and the exit code. */
export function reportError(e: unknown): { text: string; code: number } {
  if (e instanceof ExitError) return { text: e.message ? withNewline(e.message) : '', code: e.exitCode }
  if (e instanceof FlagError) return { text: withNewline(withPrefix(e.message)), code: 1 }
  const code = e instanceof KubectlError ? e.exitCode : 1
  if (!(e instanceof Error) && typeof e !== 'string') return { text: 'error: ' + String(e) + '\n', code }
  if (e instanceof Error && !(e instanceof KubectlError) && !(e instanceof StatusError) && isBug(e)) {
    return { text: `error: internal error in the kubectl simulator: ${e.message}\n`, code: 1 }
  }
  return { text: withNewline(errorText(e)), code }
}

function withNewline(s: string): string {
  return s.endsWith('\n') ? s : s + '\n'
}

/** JavaScript runtime errors are our bugs, not kubectl messages: say so instead of faking one (they keep their type). */
export function isBug(e: unknown): boolean {
  return e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || e instanceof SyntaxError
}

/** An API error whose reason is NotFound. */
export function isNotFound(e: unknown): boolean {
  return (e as { status?: { reason?: string } }).status?.reason === 'NotFound'
}
