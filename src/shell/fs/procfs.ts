// /proc for processes: the container's first process (/proc/1/cmdline, comm,
// environ) and the reading process itself (/proc/self/…, resolved when read).
// Upstream: Linux fs/proc/base.c (proc_pid_cmdline_read, comm, environ).
import type { CommandContext } from '../api.ts'
import { newDir, newFile, type Vfs } from './vfs.ts'

/** What /proc/PID/cmdline holds: every argument followed by a NUL. */
function cmdline(argv: readonly string[]): string {
  return argv.map((a) => a + '\0').join('')
}

/** The kernel's comm: the executable's name, cut to 15 bytes. */
function comm(argv0: string): string {
  return argv0.slice(argv0.lastIndexOf('/') + 1).slice(0, 15) + '\n'
}

function environ(env: Iterable<[string, string]>): string {
  let out = ''
  for (const [k, v] of env) out += `${k}=${v}\0`
  return out
}

/** The files of /proc/1 for a container's first process. */
export function installPid1(fs: Vfs, argv: readonly string[], env: Record<string, string>, now: number): void {
  const proc = fs.lookup('/proc')
  if (proc?.type !== 'dir') return
  const dir = newDir(now, 0o555)
  dir.entries.set('cmdline', newFile(cmdline(argv), now, 0o444))
  dir.entries.set('comm', newFile(comm(argv[0] ?? ''), now, 0o644))
  dir.entries.set('environ', newFile(environ(Object.entries(env)), now, 0o400))
  proc.entries.set('1', dir)
}

/** /proc/self/NAME as the process reading it sees it, or undefined for what we do not model. */
export function procSelf(ctx: CommandContext, name: string): string | undefined {
  if (name === 'cmdline') return cmdline(ctx.argv)
  if (name === 'comm') return comm(ctx.argv[0] ?? '')
  if (name === 'environ') return environ(ctx.env)
  return undefined
}
