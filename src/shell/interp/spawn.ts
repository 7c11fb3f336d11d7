// CommandContext.spawn: a command starting another program (xargs, timeout,
// env, find -exec) the way execve finds it: by path, or by name on $PATH.
import type { CommandContext, SpawnIo } from '../api.ts'
import { resolveFile, searchPath } from './lookup.ts'
import { runProgramGen } from './program.ts'
import type { Gen } from './sched.ts'
import { shellOf } from './context.ts'

export function* spawnFromContext(this: CommandContext, argv: string[], io: SpawnIo = {}): Gen {
  const sh = shellOf(this)
  const name = this.argv[0]
  if (!sh || !argv.length) {
    this.stderr.write(`${name}: can't execute '${argv[0] ?? ''}': No such file or directory\n`)
    return 127
  }
  const r = argv[0].includes('/') ? resolveFile(sh.p.fs, argv[0], this.cwd) : searchPath(sh, argv[0])
  if (r.k !== 'program') {
    const why = r.k === 'denied' ? 'Permission denied' : 'No such file or directory'
    ;(io.stderr ?? this.stderr).write(io.notFound ? io.notFound(argv[0], why) : `${name}: can't execute '${argv[0]}': ${why}\n`)
    return r.k === 'denied' ? 126 : 127
  }
  const child = sh.subshell()
  child.cwd = this.cwd
  child.fds[0] = { r: io.stdin ?? this.stdin }
  child.fds[1] = { w: io.stdout ?? this.stdout }
  child.fds[2] = { w: io.stderr ?? this.stderr }
  const env = new Map(io.env ?? this.env)
  const code = yield* runProgramGen(child, r, argv, env, child.ownPid)
  if (child.fgSignal) sh.fgSignal = child.fgSignal
  return code
}
