// Writing from a builtin: a closed descriptor is an error busybox reports as
// "sh: write error: Bad file descriptor".
import type { CommandContext, OutputStream } from '../api.ts'

export function isClosed(out: OutputStream): boolean {
  return (out as { bad?: boolean }).bad === true
}

/** Write `s` to stdout; true (after reporting it) when stdout is closed. */
export function writeError(ctx: CommandContext, s: string): boolean {
  if (!s) return false
  if (isClosed(ctx.stdout)) {
    ctx.stderr.write('sh: write error: Bad file descriptor\n')
    return true
  }
  ctx.stdout.write(s)
  return false
}
