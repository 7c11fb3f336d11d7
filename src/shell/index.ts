// The shell's public surface: the terminal's persistent Shell, a container's
// first process (spawnContainer), exec's path resolution for the kubelet, and
// image root filesystems. Everything runs on the host's virtual clock.
import type { Command, Proc, ShellOptions } from './api.ts'
import { installPid1 } from './fs/procfs.ts'
import { normalize, type Vfs } from './fs/vfs.ts'
import { parseCached } from './parse/cache.ts'
import { needsMore } from './parse/parser.ts'
import { ExitSignal, ShellError } from './interp/control.ts'
import { exitTrap, runProcess, runScript } from './interp/exec.ts'
import { resolveFile, searchPath } from './interp/lookup.ts'
import { ShellProc } from './interp/proc.ts'
import { FROM_STDIN, runProgramGen, setupShell } from './interp/program.ts'
import { SHELLS } from './interp/programs.ts'
import { Sched, type Gen } from './interp/sched.ts'
import { Sh, type ProcCtx } from './interp/sh.ts'
import { BLOCKED, EMPTY_INPUT } from './interp/streams.ts'
import { notifyJobs } from './builtins/jobs.ts'

export { makeRootFs, type Flavor } from './fs/rootfs.ts'
export type * from './api.ts'

const NO_COMMANDS: ReadonlyMap<string, Command> = new Map()
// Shared until first written (see ownMap): most processes never define an alias.
const NO_STRINGS = new Map<string, string>()
const NO_NUMBERS = new Map<string, number>()

function procCtx(opts: ShellOptions, interactive: boolean, pid: number): ProcCtx {
  const stepCost = opts.stepCostMs ?? 0.005
  return {
    host: opts.host,
    fs: opts.fs,
    commands: opts.commands ?? NO_COMMANDS,
    interactive,
    stepCost,
    sched: new Sched(stepCost),
    pid1: interactive ? false : (opts.pid1 ?? pid === 1),
    nextPid: pid + 1,
    aliases: NO_STRINGS,
    aliasAt: NO_NUMBERS,
    lines: 0,
    hashed: NO_STRINGS,
    depth: 0,
    umask: 0o022,
    mainPid: pid,
    signalSelf: () => false,
  }
}

function baseShell(p: ProcCtx, opts: ShellOptions): Sh {
  const sh = new Sh(p)
  sh.pid = sh.ownPid = p.mainPid
  sh.cwd = normalize(opts.cwd ?? '/')
  sh.fds = [{ r: opts.stdin ?? EMPTY_INPUT }, { w: opts.stdout }, { w: opts.stderr }]
  const env = opts.env
  for (const k in env) {
    sh.vars.set(k, env[k])
    sh.exported.add(k)
  }
  return sh
}

/**
 * The student's terminal: one shell whose variables, functions, aliases, cwd
 * and traps persist across lines. `exec(line)` runs one line (or a pasted
 * script) as a process the host drives.
 */
export class Shell {
  private sh: Sh
  /** The shell ran `exit`: the terminal session is over. */
  exited = false

  constructor(opts: ShellOptions) {
    const p = procCtx(opts, opts.interactive ?? true, opts.pid ?? 100)
    this.sh = baseShell(p, opts)
    this.sh.arg0 = opts.name ?? 'bash'
    this.sh.flavor = this.sh.arg0 === 'bash' ? 'bash' : 'ash'
    this.sh.applet = this.sh.arg0
    for (const [k, v] of [['IFS', ' \t\n'], ['PS4', '+ '], ['OPTIND', '1'], ['PWD', this.sh.cwd]] as const) {
      if (!this.sh.vars.has(k)) this.sh.vars.set(k, v)
    }
  }

  get cwd(): string {
    return this.sh.cwd
  }

  getVar(name: string): string | undefined {
    return this.sh.get(name)
  }

  setVar(name: string, value: string, exported = false): void {
    this.sh.vars.set(name, value)
    if (exported) this.sh.export(name)
    else this.sh.invalidateEnv()
  }

  /** Exit status of the last line ($?). */
  get status(): number {
    return this.sh.status
  }

  exec(script: string): Proc {
    return new ShellProc(this.sh, this.runLine(script), true)
  }

  private *runLine(script: string): Gen {
    const sh = this.sh
    let code: number
    try {
      code = yield* runScript(sh, parseCached(script, 1, sh.flavor === 'bash'))
    } catch (e) {
      if (e instanceof ExitSignal) {
        this.exited = true
        code = e.replaced ? e.code : yield* exitTrap(sh, e.code)
      } else if (e instanceof ShellError) code = e.code
      else throw e
    }
    sh.skip = null
    sh.status = code
    notifyJobs(sh)
    return code
  }

  /** Background jobs are still running (the terminal keeps them going between lines). */
  get hasRunningJobs(): boolean {
    return this.sh.jobs.some((j) => !j.done)
  }

  /**
   * Drive the background jobs while no line runs, as a real terminal's jobs run on
   * their own: a process that ends when the last job has (it tells of none: bash does
   * that before its next prompt). `stop()` it before the next `exec`.
   */
  idle(): Proc & { stop(): void } {
    const sh = this.sh
    const proc = new ShellProc(sh, untilJobsEnd(sh), true)
    return {
      resume: () => proc.resume(),
      signal: () => {},
      memoryBytes: () => proc.memoryBytes(),
      stop: () => proc.detach(),
    }
  }

  /** What bash does for an empty line: tell of the jobs that ended, before the next prompt. */
  notify(): void {
    notifyJobs(this.sh)
  }

  /** True when the text is an incomplete command (the terminal shows PS2 and reads more). */
  static needsMore(text: string): boolean {
    return needsMore(text, true)
  }
}

function* untilJobsEnd(sh: Sh): Gen {
  while (sh.jobs.some((j) => !j.done)) yield BLOCKED
  return 0
}

export type ResolvedExecutable = { ok: true; path: string; program: string } | { ok: false; error: string }

/**
 * Find a container's executable as runc does before starting it: a path with
 * a slash (relative to the working directory), or a name searched on PATH.
 * The error is the runtime's "exec: …" text.
 */
export function resolveExecutable(fs: Vfs, argv0: string, cwd: string, path: string): ResolvedExecutable {
  if (!argv0.includes('/')) {
    for (const dir of path.split(':')) {
      const full = normalize(argv0, dir || cwd)
      const node = fs.lookup(full)
      if (node?.type === 'file' && (node.exec !== undefined || node.mode & 0o111)) return { ok: true, path: full, program: node.exec ?? '' }
    }
    return { ok: false, error: `exec: "${argv0}": executable file not found in $PATH` }
  }
  const node = fs.lookup(argv0, cwd)
  if (!node) return { ok: false, error: `exec: "${argv0}": stat ${argv0}: no such file or directory` }
  if (node.type === 'dir') return { ok: false, error: `exec: "${argv0}": is a directory` }
  if (node.exec === undefined && !(node.mode & 0o111)) return { ok: false, error: `exec: "${argv0}": permission denied` }
  return { ok: true, path: normalize(argv0, cwd), program: node.exec ?? '' }
}

/**
 * A container's first process (PID 1): `argv` is the command after Kubernetes'
 * $(VAR) expansion. A shell runs its script; any other program runs directly.
 */
export function spawnContainer(argv: string[], opts: ShellOptions): Proc {
  const p = procCtx(opts, opts.interactive ?? false, opts.pid ?? 1)
  if (p.pid1) installPid1(opts.fs, argv, opts.env, opts.host.now())
  const sh = baseShell(p, opts)
  return new ShellProc(sh, runContainer(sh, argv, opts))
}

function* runContainer(sh: Sh, argv: string[], opts: ShellOptions): Gen {
  if (!argv.length) return 0
  const r = argv[0].includes('/') ? resolveFile(sh.p.fs, argv[0], sh.cwd) : searchPath(sh, argv[0])
  if (sh.p.hashed.size) sh.p.hashed = new Map()
  if (r.k !== 'program') {
    sh.stderr().write(resolveExecutable(sh.p.fs, argv[0], sh.cwd, sh.vars.get('PATH') ?? '').ok ? '' : `exec ${argv[0]}: no such file or directory\n`)
    return r.k === 'denied' ? 126 : 127
  }
  if (SHELLS.has(r.prog)) {
    let start = setupShell(sh, r.prog, argv)
    if (start === FROM_STDIN) start = parseCached(yield* sh.stdin().readAll(), 1, sh.flavor === 'bash')
    if (typeof start === 'number') return start
    return yield* runProcess(sh, runScript(sh, start))
  }
  return yield* runProgramGen(sh, r, argv, new Map(Object.entries(opts.env)), sh.pid)
}

export { needsMore }
