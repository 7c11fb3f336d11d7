// A simple command (ash's evalcommand): expand the words, find the command
// (function, special builtin, builtin, program on $PATH), apply prefix
// assignments and redirections, trace it (set -x), run it.
import type { Command, CommandContext, CommandResult, Wait } from '../api.ts'
import type { Simple } from '../parse/ast.ts'
import { parseCached } from '../parse/cache.ts'
import type { Builtin } from '../builtins/index.ts'
import { ExitSignal, isOutOfMemory, ShellError, SigPipe, SignalDeath, SIGNAL_TEXT } from './control.ts'
import { expandFields, expandString } from './expand-async.ts'
import { fieldsSync, stringSync } from './expand.ts'
import { runCmd } from './exec.ts'
import { resolveCommand, searchPath, type Resolved } from './lookup.ts'
import { runProgram } from './program.ts'
import { applyRedirs, restoreRedirs } from './redirect.ts'
import type { Gen } from './sched.ts'
import type { Sh } from './sh.ts'
import { trace } from './xtrace.ts'
import { catchSignals, SHELL } from './context.ts'
import { spawnFromContext } from './spawn.ts'
import { notifyJobs } from '../builtins/jobs.ts'

/** Nested function calls, subshells and substitutions allowed before the shell "crashes". */
export const MAX_DEPTH = 200

export function* runSimple(sh: Sh, cmd: Simple): Gen {
  sh.lineno = cmd.line
  sh.substStatus = 0
  const sync = (cmd.sync ??= simpleIsSync(cmd))
  let argv = !cmd.words.length ? EMPTY : sync ? fieldsSync(sh, cmd.words) : yield* expandFields(sh, cmd.words)
  if (argv.length && sh.p.aliases.size && cmd.words[0].lit !== undefined) argv = yield* withAlias(sh, argv)
  if (!argv.length) return yield* assignOnly(sh, cmd)
  const r = resolveCommand(sh, argv[0])
  let restoreVars: (() => void) | null = null
  let env: Map<string, string> | null = null
  let values: [string, string][] = EMPTY_VALUES
  if (cmd.assigns.length) {
    values = []
    for (const a of cmd.assigns) values.push([a.name, a.value.sync ? stringSync(sh, a.value) : yield* expandString(sh, a.value)])
  }
  if (sh.opts.x) yield* trace(sh, values, argv)
  if (values.length) {
    if (r.k === 'special') for (const [n, v] of values) sh.set(n, v)
    else if (r.k === 'builtin' || r.k === 'func') restoreVars = tempAssign(sh, values)
    else {
      env = new Map(sh.env())
      for (const [n, v] of values) env.set(n, v)
    }
  }
  const keep = argv[0] === 'exec' && argv.length === 1 && r.k === 'special'
  const saved = cmd.redirs.length ? yield* applyRedirs(sh, cmd.redirs) : EMPTY_SAVED
  if (!saved) {
    restoreVars?.()
    if (r.k === 'special' && !sh.p.interactive) throw new ShellError(1)
    return 1
  }
  try {
    const res = invoke(sh, r, argv, env)
    return typeof res === 'number' ? res : yield* res
  } finally {
    if (!keep && saved !== EMPTY_SAVED) restoreRedirs(sh, saved)
    restoreVars?.()
  }
}

/**
 * The common case without a generator: words without $( ), no assignments,
 * redirections, aliases or tracing. Returns undefined when runSimple is needed.
 */
export function simpleFast(sh: Sh, cmd: Simple): CommandResult | undefined {
  if (cmd.assigns.length || cmd.redirs.length || sh.opts.x || !(cmd.sync ??= simpleIsSync(cmd))) return undefined
  if (sh.p.aliases.size && cmd.words[0]?.lit !== undefined && sh.p.aliases.has(cmd.words[0].lit)) return undefined
  sh.lineno = cmd.line
  sh.substStatus = 0
  const argv = fieldsSync(sh, cmd.words)
  if (!argv.length) return 0
  return invoke(sh, resolveCommand(sh, argv[0]), argv, null)
}

function simpleIsSync(cmd: Simple): boolean {
  return cmd.words.every((w) => w.sync) && cmd.assigns.every((a) => a.value.sync)
}

const EMPTY: string[] = []
const EMPTY_VALUES: [string, string][] = []
const EMPTY_SAVED: [number, undefined][] = []

function* assignOnly(sh: Sh, cmd: Simple): Gen {
  const values: [string, string][] = []
  for (const a of cmd.assigns) {
    const v = a.value.sync ? stringSync(sh, a.value) : yield* expandString(sh, a.value)
    values.push([a.name, v])
    sh.set(a.name, v)
  }
  if (sh.opts.x && values.length) yield* trace(sh, values, EMPTY)
  const status = sh.substStatus
  if (cmd.redirs.length) {
    const saved = yield* applyRedirs(sh, cmd.redirs)
    if (!saved) return 1
    restoreRedirs(sh, saved)
  }
  return status
}

/** Prefix assignments for a builtin or function: visible during the call only. */
function tempAssign(sh: Sh, values: [string, string][]): () => void {
  const old = values.map(([n]) => [n, sh.vars.get(n), sh.exported.has(n)] as const)
  for (const [n, v] of values) {
    sh.set(n, v)
    sh.export(n)
  }
  return () => {
    for (const [n, v, exp] of old) {
      if (v === undefined) sh.vars.delete(n)
      else sh.vars.set(n, v)
      if (exp) sh.exported.add(n)
      else sh.exported.delete(n)
    }
    sh.invalidateEnv()
  }
}

function* withAlias(sh: Sh, argv: string[]): Generator<Wait, string[], void> {
  const value = sh.p.aliases.get(argv[0])
  if (value === undefined || (sh.p.aliasAt.get(argv[0]) ?? 0) >= sh.p.lines) return argv
  const first = parseCached(value, 1, sh.flavor === 'bash').items[0]
  if (!first || first.k !== 'list' || first.items[0]?.cmd.k !== 'simple') return argv
  const words = yield* expandFields(sh, first.items[0].cmd.words)
  return [...words, ...argv.slice(1)]
}

function invoke(sh: Sh, r: Resolved, argv: string[], env: Map<string, string> | null): CommandResult {
  switch (r.k) {
    case 'func':
      return callFunction(sh, r.name, argv)
    case 'special':
      return runBuiltin(sh, r.fn, argv, true)
    case 'builtin':
      return runBuiltin(sh, r.fn, argv, false)
    case 'command':
      return runCommandFn(sh, r.fn, argv, env)
    case 'program':
      return runExternal(sh, r, argv, env)
    case 'denied':
      sh.error(`${argv[0]}: Permission denied`)
      return 126
    case 'notfound':
      if (sh.flavor !== 'bash') sh.error(`${argv[0]}: not found`)
      else sh.error(argv[0].includes('/') ? `${argv[0]}: No such file or directory` : `${argv[0]}: command not found`)
      return 127
  }
}

/** `command NAME ARGS`: run NAME skipping shell functions. */
export function* runWithoutFunctions(sh: Sh, argv: string[]): Gen {
  if (!argv.length) return 0
  let r = resolveCommand(sh, argv[0])
  if (r.k === 'func') r = searchPath(sh, argv[0])
  const saved = sh.commandName
  sh.commandName = sh.baseCommandName
  try {
    const res = invoke(sh, r, argv, null)
    return typeof res === 'number' ? res : yield* res
  } finally {
    sh.commandName = saved
  }
}

function runExternal(sh: Sh, r: { prog: string; path: string }, argv: string[], env: Map<string, string> | null): CommandResult {
  let pid: number
  if (sh.execLast) {
    sh.execLast = false
    pid = sh.ownPid
  } else pid = sh.p.nextPid++
  const res = runProgram(sh, r, argv, env, pid)
  return typeof res === 'number' ? afterExternal(sh, res) : finishExternal(sh, res)
}

function* finishExternal(sh: Sh, gen: Gen): Gen {
  return afterExternal(sh, yield* gen)
}

/** After a foreground program: reap finished jobs (bash at a terminal tells of them), say which signal killed it. */
function afterExternal(sh: Sh, code: number): number {
  for (const j of sh.jobs) if (j.done) j.reaped = true
  if (sh.fgSignal) {
    const sig = sh.fgSignal
    sh.fgSignal = 0
    if (sig !== 2 && sig !== 13) sh.stderr().write((SIGNAL_TEXT[sig] ?? `Signal ${sig}`) + '\n')
  }
  notifyJobs(sh)
  return code
}

function runBuiltin(sh: Sh, fn: Builtin, argv: string[], special: boolean): CommandResult {
  const saved = sh.commandName
  sh.commandName = argv[0]
  let res: CommandResult
  try {
    res = fn(sh, argv)
  } catch (e) {
    sh.commandName = saved
    if (e instanceof ShellError && !special) return e.code
    throw e
  }
  if (typeof res === 'number') {
    sh.commandName = saved
    return res
  }
  return finishBuiltin(sh, res, saved, special)
}

function* finishBuiltin(sh: Sh, gen: Gen, saved: string | null, special: boolean): Gen {
  try {
    return yield* gen
  } catch (e) {
    if (e instanceof ShellError && !special) return e.code
    throw e
  } finally {
    sh.commandName = saved
  }
}

/** Run a Command (the shared command interface) with this shell's files and environment. */
export function runCommandFn(sh: Sh, fn: Command, argv: string[], env: Map<string, string> | null): CommandResult {
  const ctx = makeContext(sh, argv, env)
  let res: CommandResult
  try {
    res = fn(ctx)
  } catch (e) {
    return commandFailed(sh, argv, e)
  }
  return typeof res === 'number' ? res : guardCommand(sh, argv, res)
}

function* guardCommand(sh: Sh, argv: string[], gen: Gen): Gen {
  try {
    return yield* gen
  } catch (e) {
    return commandFailed(sh, argv, e)
  }
}

/** A command threw: our own control flow passes; anything else is reported like a failed write or open. */
function commandFailed(sh: Sh, argv: string[], e: unknown): number {
  if (e instanceof ExitSignal || e instanceof ShellError || e instanceof SigPipe || e instanceof SignalDeath) throw e
  if (isOutOfMemory(e)) {
    // The program is its own process: the OOM killer takes it (SIGKILL), the shell reports it.
    sh.fgSignal = 9
    return 137
  }
  const msg = (e as { text?: string }).text ?? (e as Error).message ?? String(e)
  sh.stderr().write(`${argv[0]}: ${msg}\n`)
  return 1
}

export function makeContext(sh: Sh, argv: string[], env: Map<string, string> | null): CommandContext {
  const ctx: CommandContext & { [SHELL]: Sh } = {
    argv,
    env: env ?? sh.env(),
    cwd: sh.cwd,
    fs: sh.p.fs,
    stdin: sh.stdin(),
    stdout: sh.stdout(),
    stderr: sh.stderr(),
    host: sh.p.host,
    interactive: sh.p.interactive,
    spawn: spawnFromContext,
    onSignal: catchSignals,
    [SHELL]: sh,
  }
  return ctx
}


function* callFunction(sh: Sh, name: string, argv: string[]): Gen {
  const body = sh.funcs.get(name)
  if (!body) return 127
  if (sh.p.depth >= MAX_DEPTH) throw new SignalDeath(11)
  const savedPos = sh.positional
  const savedName = sh.funcName
  sh.positional = argv.slice(1)
  sh.funcName = name
  sh.pushFrame()
  sh.p.depth++
  try {
    let status = yield* runCmd(sh, body)
    if (sh.skip?.kind === 'return') {
      sh.skip = null
      status = sh.status
    }
    return status
  } finally {
    sh.p.depth--
    sh.popFrame()
    sh.positional = savedPos
    sh.funcName = savedName
  }
}

