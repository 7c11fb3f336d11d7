// A terminal session: one simulated cluster, the control-plane host's
// filesystem with the student's home directory, and a persistent shell with
// kubectl on its PATH — what a Killercoda-style lab terminal gives. Pure: the
// browser worker drives it at wall-clock pace; the CLI and the transcript
// runner drive it with runLine(), which runs the clock until the line is done.
import { Cluster } from '../engine/cluster.ts'
import { ProcessHandle } from '../engine/kernel/process.ts'
import { parseTime } from '../engine/kernel/time.ts'
import { defaultKubeConfig, kubectlCommand, type KubeConfig } from '../kubectl/index.ts'
import type { Command, Proc, Signal, Yield } from '../shell/api.ts'
import { Vfs, type DirNode } from '../shell/fs/vfs.ts'
import { installPid1 } from '../shell/fs/procfs.ts'
import { makeRootFs, Shell } from '../shell/index.ts'
import type { Outcome, TranscriptSession } from '../testing/transcript.ts'
import { clearCommand, historyCommand } from './commands.ts'

export const HOSTNAME = 'controlplane'
export const HOME = '/root'
export const DEFAULT_START_TEXT = '2026-01-01T00:00:00Z'

export interface SessionOptions {
  seed?: number | string
  /** Virtual start: ms since the epoch or RFC 3339 text (default 2026-01-01T00:00:00Z). */
  start?: number | string
  /** Files placed in the home directory before the first command (paths relative to it). */
  files?: { name: string; data: string }[]
  /** Extra or overriding environment variables (e.g. LANG, BATCHLAB_LANG, TZ). */
  env?: Record<string, string>
  /** The terminal's size (default 80x24, as a headless run keeps it; the browser sends its own). */
  cols?: number
  rows?: number
}

export type Stream = 'stdout' | 'stderr'
export type Sink = (stream: Stream, text: string) => void

/** Bounds for runLine, so a script can never hang the CLI or a test. */
export const LINE_LIMITS = {
  /** Kernel events one line may run before it is interrupted (a runaway loop). */
  maxEvents: 1_000_000,
}

export class SessionError extends Error {}

export class Session implements TranscriptSession {
  readonly cluster: Cluster
  readonly fs: Vfs
  readonly shell: Shell
  readonly kubeconfig: KubeConfig
  readonly history: string[] = []
  private sink: Sink = () => {}
  private handle: ProcessHandle | undefined
  /** Drives the shell's background jobs while no line runs. */
  private idle: { handle: ProcessHandle; stop(): void } | undefined
  private winsize: { cols: number; rows: number }

  constructor(opts: SessionOptions = {}) {
    const start = startTime(opts.start)
    this.winsize = { cols: opts.cols ?? 80, rows: opts.rows ?? 24 }
    this.cluster = new Cluster({ seed: opts.seed ?? 1, start })
    const kernel = this.cluster.kernel
    this.fs = new Vfs(hostRoot(start), () => kernel.now())
    for (const f of opts.files ?? []) this.writeHomeFile(f.name, f.data)
    this.kubeconfig = defaultKubeConfig()
    const rng = kernel.rng.stream('terminal')
    const kubectl = kubectlCommand(this.cluster, { kubeconfig: this.kubeconfig })
    const commands = new Map<string, Command>([
      ['kubectl', kubectl],
      ['k', kubectl],
      ['clear', clearCommand],
      ['history', historyCommand(this.history)],
    ])
    this.shell = new Shell({
      host: { now: () => kernel.now(), random: () => rng.u32(), wake: () => this.handle?.wake() },
      fs: this.fs,
      env: { ...terminalEnv(), ...(opts.env ?? {}) },
      cwd: HOME,
      // The terminal is a tty: ls prints columns, as it would on screen.
      stdout: { write: (t: string) => this.sink('stdout', t), tty: true, winsize: () => this.winsize },
      stderr: { write: (t: string) => this.sink('stderr', t), tty: true, winsize: () => this.winsize },
      commands,
      interactive: true,
    })
    this.setWinsizeVars()
    // Controllers react to what already exists before the first command.
    this.cluster.runUntil(kernel.now())
  }

  /** The terminal was resized: what commands started from now on see (TIOCGWINSZ). */
  resize(cols: number, rows: number): void {
    if (cols > 0 && rows > 0) this.winsize = { cols: Math.floor(cols), rows: Math.floor(rows) }
    this.setWinsizeVars()
  }

  /** Interactive bash keeps COLUMNS and LINES (not exported) at the window's size, updating them on SIGWINCH. */
  private setWinsizeVars(): void {
    this.shell.setVar('COLUMNS', String(this.winsize.cols))
    this.shell.setVar('LINES', String(this.winsize.rows))
  }

  /** Where the shell's output goes (the worker forwards it to the terminal). */
  setSink(sink: Sink): void {
    this.sink = sink
  }

  /** The prompt a terminal shows before a line: "controlplane:~$ ". */
  prompt(): string {
    const cwd = this.shell.cwd
    const shown = cwd === HOME ? '~' : cwd.startsWith(HOME + '/') ? '~' + cwd.slice(HOME.length) : cwd
    return `${HOSTNAME}:${shown}$ `
  }

  /** True when the lines typed so far (without the last Enter) are an unfinished command: an open quote, a here-document, `if` without `fi`… */
  needsMore(text: string): boolean {
    return Shell.needsMore(text + '\n')
  }

  /**
   * Start a line in the persistent shell. The caller drives the Proc on the
   * clock (e.g. with a ProcessHandle, calling attach() so wake-ups reach it).
   */
  run(line: string): Proc {
    if (line.trim()) this.history.push(line)
    this.stopIdle()
    return this.shell.exec(line)
  }

  /**
   * Route wake-ups (watch events, signals) to the process running the current line.
   * Detaching (the line ended) lets the background jobs run on by themselves, as on
   * a real terminal, until the next line.
   */
  attach(handle: ProcessHandle | undefined): void {
    this.handle = handle
    if (handle) this.stopIdle()
    else this.startIdle()
  }

  /** An empty line: bash tells of the background jobs that ended, then prompts again. */
  blankLine(): void {
    this.shell.notify()
  }

  private startIdle(): void {
    if (this.idle || !this.shell.hasRunningJobs) return
    const proc = this.shell.idle()
    const handle = new ProcessHandle(this.cluster.kernel, proc, () => {
      if (this.idle?.handle === handle) this.idle = undefined
      if (this.handle === handle) this.handle = undefined
    })
    this.idle = { handle, stop: () => proc.stop() }
    this.handle = handle
    handle.start()
  }

  private stopIdle(): void {
    const idle = this.idle
    if (!idle) return
    this.idle = undefined
    idle.handle.kill()
    idle.stop()
    if (this.handle === idle.handle) this.handle = undefined
  }

  /**
   * Run a line to completion, advancing the virtual clock through everything it
   * waits for (`sleep 30` runs 30 virtual seconds of the cluster), and return
   * what it printed. A line that would wait forever with nothing left to happen
   * (`kubectl get pods -w` without `timeout`), or runs away, is interrupted like
   * Ctrl-C with a note on stderr.
   */
  runLine(line: string): Outcome {
    const out: Outcome = { stdout: '', stderr: '', code: 0, chunks: [] }
    const previous = this.sink
    this.sink = (stream, text) => {
      out[stream] += text
      const last = out.chunks[out.chunks.length - 1]
      if (last?.stream === stream) last.text += text
      else out.chunks.push({ stream, text })
    }
    try {
      out.code = this.drive(line)
    } finally {
      this.sink = previous
    }
    return out
  }

  private drive(line: string): number {
    const kernel = this.cluster.kernel
    kernel.runUntil(kernel.now())
    let last: Yield | undefined
    const inner = this.run(line)
    const proc: Proc = {
      resume: () => (last = inner.resume()),
      signal: (sig: Signal) => inner.signal(sig),
    }
    let code: number | undefined
    const handle = new ProcessHandle(kernel, proc, (c) => (code = c))
    this.attach(handle)
    handle.start()
    const firstEvent = kernel.eventsRun
    let interrupted = false
    while (code === undefined) {
      const waitsForever = last !== undefined && !last.done && last.until === Infinity
      const stuck = waitsForever && kernel.nextEventTime() === Infinity
      const runaway = kernel.eventsRun - firstEvent > LINE_LIMITS.maxEvents
      if (stuck || runaway) {
        if (interrupted) {
          handle.kill()
          code = 130
          break
        }
        interrupted = true
        this.sink('stderr', interruptNote(line, stuck))
        handle.signal('INT')
      }
      kernel.step()
    }
    this.attach(undefined)
    kernel.runUntil(kernel.now())
    return code
  }

  private writeHomeFile(name: string, data: string): void {
    const path = name.startsWith('/') ? name : `${HOME}/${name}`
    const dir = path.slice(0, path.lastIndexOf('/'))
    if (dir) this.fs.mkdir(dir, '/', true)
    this.fs.writeFile(path, data)
  }
}

function interruptNote(line: string, stuck: boolean): string {
  const cmd = line.split('\n')[0]
  return stuck
    ? `batchlab: "${cmd}" would wait forever: nothing else will happen in the cluster; interrupted (bound it with: timeout 60 ${cmd})\n`
    : `batchlab: "${cmd}" ran too long; interrupted\n`
}

function startTime(start: SessionOptions['start']): number {
  if (start === undefined) return parseTime(DEFAULT_START_TEXT)
  if (typeof start === 'number') return start
  const t = parseTime(start)
  if (Number.isNaN(t)) throw new SessionError(`invalid start time ${JSON.stringify(start)}: want RFC 3339, e.g. ${DEFAULT_START_TEXT}`)
  return t
}

/** The terminal's environment, as a root login on a kubeadm control-plane node has it. */
export function terminalEnv(): Record<string, string> {
  return {
    HOME,
    HOSTNAME,
    LANG: 'C.UTF-8',
    LOGNAME: 'root',
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    PS1: '\\h:\\w$ ',
    PWD: HOME,
    SHELL: '/bin/bash',
    TERM: 'xterm-256color',
    TZ: 'UTC',
    USER: 'root',
  }
}

/** The control-plane host's files: an Ubuntu-like root, a home directory, kubectl installed. */
function hostRoot(now: number): DirNode {
  const root = makeRootFs('debian', now)
  const fs = new Vfs(root, () => now)
  fs.mkdir(HOME, '/', true)
  fs.mkdir('/usr/local/bin', '/', true)
  fs.writeFile('/usr/local/bin/kubectl', '')
  const kubectl = fs.lookup('/usr/local/bin/kubectl')
  if (kubectl?.type === 'file') {
    kubectl.exec = 'kubectl'
    kubectl.mode = 0o755
  }
  fs.writeFile('/etc/hostname', HOSTNAME + '\n')
  // The host's first process is systemd, started as /sbin/init.
  installPid1(fs, ['/sbin/init'], {}, now)
  fs.writeFile('/proc/1/comm', 'systemd\n')
  return root
}
