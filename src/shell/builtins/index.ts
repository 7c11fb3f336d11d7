// ash's builtin table (shell/ash.c builtintab): special builtins (POSIX 2.14),
// regular builtins that work on the shell's state, and the builtins that are
// also busybox applets (echo, printf, test, kill…), written as plain Commands.
import type { Command } from '../api.ts'
import type { Gen } from '../interp/sched.ts'
import type { Sh } from '../interp/sh.ts'
import { echo } from './echo.ts'
import { dot, evalCmd, exec, exit, loopJump, ret, shift } from './flow.ts'
import { jobsCmd, kill, wait } from './jobs.ts'
import { alias, cd, colon, command, falseCmd, getopts, hash, help, letCmd, pwd, times, trueCmd, type, ulimit, umask, unalias } from './misc.ts'
import { printf } from './printf.ts'
import { read } from './read.ts'
import { test } from './test.ts'
import { trap } from './trap.ts'
import { exportCmd, local, set, unset } from './vars.ts'

export type Builtin = (sh: Sh, argv: string[]) => number | Gen

export const SPECIAL_BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['.', dot],
  [':', colon],
  ['local', local],
  ['break', loopJump],
  ['continue', loopJump],
  ['eval', evalCmd],
  ['exec', exec],
  ['exit', exit],
  ['export', exportCmd],
  ['readonly', exportCmd],
  ['return', ret],
  ['set', set],
  ['shift', shift],
  ['source', dot],
  ['times', times],
  ['trap', trap],
  ['unset', unset],
])

export const REGULAR_BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['alias', alias],
  ['cd', cd],
  ['chdir', cd],
  ['command', command],
  ['getopts', getopts],
  ['hash', hash],
  ['help', help],
  ['jobs', jobsCmd],
  ['let', letCmd],
  ['read', read],
  ['type', type],
  ['ulimit', ulimit],
  ['umask', umask],
  ['unalias', unalias],
  ['wait', wait],
])

export const BUILTIN_COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['[', test],
  ['[[', test],
  ['echo', echo],
  ['false', falseCmd],
  ['kill', kill],
  ['printf', printf],
  ['pwd', pwd],
  ['test', test],
  ['true', trueCmd],
])
