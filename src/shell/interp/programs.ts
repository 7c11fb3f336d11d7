// The programs an executable file can run: the shells, the host's commands
// (kubectl in the terminal), our runners (sleep, timeout, env, xargs, nohup,
// watch), the builtins that are also applets, and the utilities.
import type { Command } from '../api.ts'
import { BUILTIN_COMMANDS } from '../builtins/index.ts'
import { UTILITIES } from '../commands/index.ts'
import { GNU_PROGRAMS } from '../commands/gnu/programs.ts'
import { env, nohup } from '../runners/env.ts'
import { sleep } from '../runners/sleep.ts'
import { time } from '../runners/time.ts'
import { timeout } from '../runners/timeout.ts'
import { watch } from '../runners/watch.ts'
import { xargs } from '../runners/xargs.ts'
import type { ProcCtx } from './sh.ts'

export const SHELLS: ReadonlySet<string> = new Set(['sh', 'ash', 'bash', 'dash'])

export const RUNNERS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['env', env],
  ['nohup', nohup],
  ['sleep', sleep],
  ['time', time],
  ['timeout', timeout],
  ['watch', watch],
  ['xargs', xargs],
])

export function programCommand(p: ProcCtx, name: string): Command | undefined {
  const gnu = GNU_PROGRAMS.get(name)
  if (gnu && p.fs.lookup('/bin/busybox')?.type !== 'file') return gnu
  return p.commands.get(name) ?? RUNNERS.get(name) ?? BUILTIN_COMMANDS.get(name) ?? UTILITIES.get(name)
}

export function hasProgram(p: ProcCtx, name: string): boolean {
  return SHELLS.has(name) || name === 'busybox' || programCommand(p, name) !== undefined
}
