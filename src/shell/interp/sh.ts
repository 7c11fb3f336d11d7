// The state of one shell process (variables, functions, options, traps, open
// files, jobs) and what a subshell copies of it, as in busybox ash (shell/ash.c).
import type { Command, InputStream, OutputStream, ShellHost } from '../api.ts'
import type { Vfs } from '../fs/vfs.ts'
import type { Cmd, List } from '../parse/ast.ts'
import { ShellError } from './control.ts'
import type { Sched, Task } from './sched.ts'
import { EMPTY_INPUT } from './streams.ts'

/** Whose messages the shell prints: busybox ash, bash, or dash (Debian's /bin/sh). */
export type Flavor = 'ash' | 'bash' | 'dash'

export interface Fd {
  r?: InputStream
  w?: OutputStream
}

export interface Options {
  e: boolean
  u: boolean
  x: boolean
  f: boolean
  n: boolean
  v: boolean
  C: boolean
  pipefail: boolean
}

/** What every shell of one process tree shares: the host, the files, the scheduler. */
export interface ProcCtx {
  host: ShellHost
  fs: Vfs
  commands: ReadonlyMap<string, Command>
  interactive: boolean
  stepCost: number
  sched: Sched
  pid1: boolean
  nextPid: number
  aliases: Map<string, string>
  /** The alias maps are this process's own (not the shared empty ones). */
  ownsAliases?: boolean
  /** The top-level line each alias was defined on: ash expands aliases while parsing, so only later lines see them. */
  aliasAt: Map<string, number>
  /** Top-level lines started so far. */
  lines: number
  /** Programs found on $PATH so far, as `hash` lists them. */
  hashed: Map<string, string>
  /** The file mode creation mask. */
  umask: number
  /** $$ of the process's own shell (kill $$). */
  mainPid: number
  /** The process signals itself (kill $$); true when it must end now. */
  signalSelf(sig: number): boolean
  /** Nesting of function calls, subshells and substitutions (a guard against runaway recursion). */
  depth: number
}

interface LocalSave {
  value: string | undefined
  exported: boolean
}

/** busybox's $RANDOM generator state (shell/random.c). */
export interface RandomState {
  g: number
  lcg: number
  x: number
  y: number
}

export class Sh {
  vars: Map<string, string>
  exported: Set<string>
  /** Copy-on-write: shared with the parent (or empty) until changed here. */
  readonly: ReadonlySet<string> = NO_NAMES
  funcs: ReadonlyMap<string, Cmd> = NO_FUNCS
  positional: string[]
  arg0: string
  opts: Options
  traps: ReadonlyMap<string, string> = NO_TRAPS
  private owned = 0
  /** Shared empty arrays until something is added (a process starts cheaply). */
  pendingSigs: number[] = NONE
  cwd: string
  fds: (Fd | undefined)[]
  /** $? */
  status = 0
  /** $! */
  lastBg: number | undefined
  /** >0 while running a condition (if, while, &&, ||, !): set -e does not apply. */
  tested = 0
  frames: Map<string, LocalSave>[] = NONE
  loopDepth = 0
  skip: { kind: 'break' | 'continue' | 'return'; n: number } | null = null
  jobs: Task[] = NONE
  /** $$ (a subshell keeps its parent's). */
  pid: number
  /** The process id of this shell itself (differs from $$ in subshells). */
  ownPid: number
  lineno = 0
  /** -c scripts count lines from 0 in busybox. */
  lineOffset = 0
  /** Set while a builtin runs, or to $0 for script files: ash's commandname. */
  commandName: string | null = null
  isSubshell = false
  /** bash prints its errors differently; the language is the same here. */
  flavor: Flavor = 'ash'
  /** The name busybox's own messages start with ("sh: invalid number"). */
  applet = 'sh'
  /** 0 for the foreground; a background job's processes share its pid here (Ctrl-C spares them). */
  group = 0
  /** The running function ($FUNCNAME), '' outside functions. */
  funcName = ''
  /** ash's commandname outside builtins: $0 for script files, null for -c. */
  baseCommandName: string | null = null
  /** getopts' position inside a group of options (-abc). */
  optSub = 0
  /** Files being sourced with `.` (return ends them). */
  sourceDepth = 0
  /** Started with -c (shows in $-). */
  cFlag = false
  /** A forked child whose only command is a program: ash execs it in place (same pid). */
  execLast = false
  /** The list whose last command a forked child execs in place (ash's EV_EXIT). */
  execLastList: List | null = null
  /** The signal that killed the last foreground program (ash then prints "Terminated"). */
  fgSignal = 0
  /** Status of the last command substitution of the current command. */
  substStatus = 0
  /** Unset in a new subshell: ash reseeds $RANDOM in every child (CLEAR_RANDOM_T). */
  random: RandomState | null = null
  private envCache: Map<string, string> | null = null

  constructor(
    readonly p: ProcCtx,
    init?: Sh,
  ) {
    if (init) {
      this.vars = new Map(init.vars)
      this.exported = new Set(init.exported)
      this.readonly = init.readonly
      this.funcs = init.funcs
      this.positional = init.positional
      this.arg0 = init.arg0
      this.opts = { ...init.opts }
      for (const [k, v] of init.traps) if (v === '') this.setTrap(k, '')
      this.cwd = init.cwd
      this.fds = init.fds.slice()
      this.status = init.status
      this.lastBg = init.lastBg
      this.pid = init.pid
      this.ownPid = init.ownPid
      this.lineno = init.lineno
      this.lineOffset = init.lineOffset
      this.commandName = init.commandName
      this.baseCommandName = init.baseCommandName
      this.tested = init.tested
      this.group = init.group
      this.funcName = init.funcName
      this.flavor = init.flavor
      this.applet = init.applet
      this.sourceDepth = init.sourceDepth
      this.cFlag = init.cFlag
      this.isSubshell = true
      this.envCache = init.envCache
      return
    }
    this.vars = new Map()
    this.exported = new Set()
    this.positional = []
    this.arg0 = 'sh'
    this.opts = { e: false, u: false, x: false, f: false, n: false, v: false, C: false, pipefail: false }
    this.cwd = '/'
    this.fds = [{ r: EMPTY_INPUT }]
    this.pid = 1
    this.ownPid = 1
  }

  /** A copy for a subshell: ( … ), $( … ), a pipeline stage, a background job. */
  subshell(): Sh {
    const s = new Sh(this.p, this)
    s.ownPid = this.p.nextPid++
    this.owned = 0
    return s
  }

  addPendingSig(n: number): void {
    if (this.pendingSigs === NONE) this.pendingSigs = []
    this.pendingSigs.push(n)
  }

  pushFrame(): void {
    if (this.frames === NONE) this.frames = []
    this.frames.push(new Map())
  }

  addJob(t: Task): void {
    if (this.jobs === NONE) this.jobs = []
    this.jobs.push(t)
  }

  defineFunc(name: string, body: Cmd): void {
    this.ownFuncs().set(name, body)
  }

  deleteFunc(name: string): void {
    if (this.funcs.has(name)) this.ownFuncs().delete(name)
  }

  setTrap(name: string, action: string): void {
    if (!(this.owned & OWN_TRAPS)) {
      this.traps = new Map(this.traps)
      this.owned |= OWN_TRAPS
    }
    ;(this.traps as Map<string, string>).set(name, action)
  }

  deleteTrap(name: string): void {
    if (this.traps.has(name)) {
      this.setTrap(name, '')
      ;(this.traps as Map<string, string>).delete(name)
    }
  }

  addReadonly(name: string): void {
    if (!(this.owned & OWN_READONLY)) {
      this.readonly = new Set(this.readonly)
      this.owned |= OWN_READONLY
    }
    ;(this.readonly as Set<string>).add(name)
  }

  private ownFuncs(): Map<string, Cmd> {
    if (!(this.owned & OWN_FUNCS)) {
      this.funcs = new Map(this.funcs)
      this.owned |= OWN_FUNCS
    }
    return this.funcs as Map<string, Cmd>
  }

  get(name: string): string | undefined {
    if (name === 'RANDOM') return String(this.nextRandom())
    if (name === 'LINENO' && this.flavor !== 'dash') return String(this.lineno + this.lineOffset)
    if (name === 'FUNCNAME' && !this.vars.has(name)) return this.funcName
    return this.vars.get(name)
  }

  set(name: string, value: string): void {
    if (this.readonly.has(name)) {
      this.error(`${name}: is read only`)
      throw new ShellError(2)
    }
    if (name === 'RANDOM') this.seedRandom(value)
    if (value.length > this.p.sched.memHigh) this.p.sched.grew(value.length)
    this.vars.set(name, value)
    if (this.exported.has(name)) this.envCache = null
  }

  unset(name: string): boolean {
    if (this.readonly.has(name)) return false
    this.vars.delete(name)
    if (this.exported.delete(name)) this.envCache = null
    return true
  }

  export(name: string): void {
    this.exported.add(name)
    this.envCache = null
  }

  invalidateEnv(): void {
    this.envCache = null
  }

  /** The exported environment, as commands see it. */
  env(): Map<string, string> {
    if (this.envCache) return this.envCache
    const names: string[] = []
    for (const name of this.vars.keys()) if (this.exported.has(name)) names.push(name)
    if (this.flavor === 'ash') names.sort((a, b) => ashBucket(a) - ashBucket(b))
    const env = new Map<string, string>()
    for (const name of names) env.set(name, this.vars.get(name) as string)
    return (this.envCache = env)
  }

  /** Make `name` local to the running function (saved now, restored on return). */
  makeLocal(name: string): void {
    const frame = this.frames[this.frames.length - 1]
    if (!frame || frame.has(name)) return
    frame.set(name, { value: this.vars.get(name), exported: this.exported.has(name) })
  }

  popFrame(): void {
    const frame = this.frames.pop()
    if (!frame) return
    for (const [name, save] of frame) {
      if (save.value === undefined) this.vars.delete(name)
      else this.vars.set(name, save.value)
      if (save.exported) this.exported.add(name)
      else this.exported.delete(name)
    }
    if (frame.size) this.envCache = null
  }

  stdout(): OutputStream {
    return this.fds[1]?.w ?? BAD_FD_OUT
  }

  stderr(): OutputStream {
    return this.fds[2]?.w ?? BAD_FD_OUT
  }

  stdin(): InputStream {
    return this.fds[0]?.r ?? EMPTY_INPUT
  }

  /** Print an error the way ash does: "$0: [cmd: ][line N: ]msg". */
  error(msg: string, cmd?: string): void {
    this.stderr().write(this.errorPrefix(cmd) + msg + '\n')
  }

  errorPrefix(cmd?: string): string {
    if (this.flavor === 'dash') return `${this.arg0}: ${this.lineno + this.lineOffset}: ${cmd ? cmd + ': ' : ''}`
    if (this.flavor === 'bash') {
      const where = this.p.interactive ? '' : `line ${this.lineno + this.lineOffset}: `
      return `${this.arg0}: ${where}${cmd ? cmd + ': ' : ''}`
    }
    let out = this.arg0 + ': '
    const name = cmd ?? this.commandName
    if (name) {
      if (name !== this.arg0) out += name + ': '
      if (!this.p.interactive) out += `line ${this.lineno + this.lineOffset}: `
    }
    return out
  }

  /** A message from a builtin in busybox's own style: "sh: invalid number 'x'". */
  appletError(msg: string): void {
    this.stderr().write(`${this.applet}: ${msg}\n`)
  }

  private nextRandom(): number {
    let r = this.random
    if (!r) {
      const a = this.p.host.random() | 0
      r = this.random = { g: a || 1, lcg: this.p.host.random() >>> 0, x: (a || 1) >>> 0, y: 0 }
      r.y = r.lcg
    }
    r.lcg = (Math.imul(1664525, r.lcg) + 1013904223) >>> 0
    let t = (r.g << 1) >>> 0
    if (r.g < 0) t = (t ^ 0x8000000b) >>> 0
    r.g = t | 0
    for (;;) {
      const u = (r.x ^ (r.x << 2)) >>> 0
      r.x = r.y
      r.y = (r.y ^ (r.y >>> 3) ^ u ^ (u >>> 7)) >>> 0
      if (!(r.y === 0 && r.x <= 2)) break
    }
    return ((r.g >>> 0) - r.lcg + r.y) & 0x7fff
  }

  private seedRandom(value: string): void {
    const t = parseInt(value, 10) >>> 0 || 0
    this.random = { g: (t || 1) | 0, lcg: t, x: (t || 1) >>> 0, y: t }
  }
}

/**
 * ash keeps variables in a 39-bucket hash table and builds a child's environment
 * bucket by bucket (shell/ash.c hashvar, listvars); within a bucket, oldest first.
 */
function ashBucket(name: string): number {
  let h = name.charCodeAt(0) << 4
  for (let i = 0; i < name.length; i++) h += name.charCodeAt(i)
  return h % 39
}

const NONE = Object.freeze([]) as unknown as never[]
const NO_NAMES: ReadonlySet<string> = new Set()
const NO_FUNCS: ReadonlyMap<string, Cmd> = new Map()
const NO_TRAPS: ReadonlyMap<string, string> = new Map()
const OWN_FUNCS = 1
const OWN_TRAPS = 2
const OWN_READONLY = 4

/** Writing to a closed descriptor fails; the writer reports it. */
export const BAD_FD_OUT: OutputStream & { bad: true } = {
  bad: true,
  write() {},
}
