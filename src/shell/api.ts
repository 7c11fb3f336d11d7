// The contract between the shell and its hosts (the kubelet running a container,
// the terminal session running a student's line). The shell is pure: it never
// reads the wall clock or sleeps for real. It runs synchronously until it has to
// wait for virtual time (sleep, a CPU-time slice, a watch) and then hands control
// back as a value; the host resumes it on the virtual clock.
import type { Vfs } from './fs/vfs.ts'

export type Signal = 'TERM' | 'INT' | 'KILL' | 'HUP'

/** What a process hands back from resume(). */
export type Yield =
  /** Resume me at virtual time `until` (ms since the epoch), or earlier if woken. Infinity: only when woken. */
  | { done: false; until: number }
  /** The process exited with this status. */
  | { done: true; code: number }

/** A running script or command, driven by its host. */
export interface Proc {
  /** Run until the process must wait for virtual time or a wake-up, or exits. */
  resume(): Yield
  /** Deliver a signal. The host resumes the process promptly afterwards. */
  signal(sig: Signal): void
  /** Bytes the process holds in memory now (variables, buffers, tmpfs files), for memory limits. */
  memoryBytes?(): number
}

/** Inside a command: wait for virtual time. Yielded by command generators. */
export interface Wait {
  /** Absolute virtual ms; Infinity waits for a wake-up only. */
  until: number
}

export interface OutputStream {
  write(chunk: string): void
  /**
   * True when this stream is the student's terminal itself (not a pipe, a file or a
   * container log): `ls` prints columns there, as isatty(1) makes it do.
   */
  readonly tty?: boolean
  /**
   * The terminal's window size, what ioctl(TIOCGWINSZ) reports on it (set only on
   * the terminal's own streams): `ls` lays out its columns and `watch` its screen by it.
   */
  readonly winsize?: () => { cols: number; rows: number }
}

export interface InputStream {
  /** Read everything up to end of input (yields while a pipeline producer is still running). */
  readAll(): Generator<Wait, string, void>
  /** Read one line without its newline; null at end of input. */
  readLine(): Generator<Wait, string | null, void>
  /**
   * Read whatever input is available now (at least one character, yielding until
   * there is some), or null at end of input. Utilities stream through this
   * (`kubectl get pods -w | grep Running`) and keep every byte, including a last
   * line without a newline; without it they fall back to readAll.
   */
  read?(): Generator<Wait, string | null, void>
}

/** Services the host gives to a shell and every command it runs. */
export interface ShellHost {
  /** Current virtual time, ms since the Unix epoch. */
  now(): number
  /** Deterministic 32-bit random numbers ($RANDOM, mktemp names...). */
  random(): number
  /**
   * Ask the host to resume the process at the current virtual time even though its
   * `until` has not come (a watch event arrived, a condition became true).
   * Hosts set this after spawning; calling it is always safe.
   */
  wake(): void
}

export interface CommandContext {
  argv: string[]
  /** Exported environment of the command. */
  env: ReadonlyMap<string, string>
  cwd: string
  fs: Vfs
  stdin: InputStream
  stdout: OutputStream
  stderr: OutputStream
  host: ShellHost
  /** True for the student's terminal, false inside containers. */
  interactive: boolean
  /**
   * Run another program as a child process, found as execve would (a path, or a
   * name on $PATH; no shell functions or builtins), e.g. for `xargs CMD` or
   * `find -exec`. Streams and environment default to this command's. Set by the
   * shell; absent in hand-made contexts. Call it as a method (`ctx.spawn(…)`).
   */
  spawn?(argv: string[], io?: SpawnIo): Generator<Wait, number, void>
  /**
   * Catch the signals that would end this command (the terminal's Ctrl-C, and
   * TERM, HUP or QUIT from `kill`), as a Go program's signal.Notify does: while
   * `handler` is registered the signal calls it instead of killing the process,
   * which the host resumes soon after (so a waiting command sees it at once).
   * Returns the function that removes it. Set by the shell; absent in hand-made contexts.
   */
  onSignal?(handler: (sig: Signal) => void): () => void
}

export interface SpawnIo {
  stdin?: InputStream
  stdout?: OutputStream
  stderr?: OutputStream
  env?: ReadonlyMap<string, string>
  /** The error when the program cannot be found (default: "NAME: can't execute 'PROG': REASON"). */
  notFound?(prog: string, reason: string): string
}

/** A command either finishes at once (a number) or is a generator that may wait. */
export type CommandResult = number | Generator<Wait, number, void>
export type Command = (ctx: CommandContext) => CommandResult

export interface ShellOptions {
  host: ShellHost
  fs: Vfs
  /** Initial variables, all exported (the container's env, or the terminal's). */
  env: Record<string, string>
  cwd?: string
  stdout: OutputStream
  stderr: OutputStream
  /** Commands added by the host (kubectl, watch, clear, history in the terminal). */
  commands?: ReadonlyMap<string, Command>
  interactive?: boolean
  /**
   * PID 1 in a container: signals without a handler are dropped, as the kernel
   * does for a namespace's init, so TERM and HUP do nothing unless trapped (INT
   * still ends ash, which handles INT itself; KILL always ends it).
   */
  pid1?: boolean
  /** Virtual CPU cost of one interpreter step, in ms (default 0.005 = 5 µs). */
  stepCostMs?: number
  /** $$ of the shell (default 1 for a container, 100 for the terminal). */
  pid?: number
  /** Standard input (default: empty, like a container without `stdin: true`). */
  stdin?: InputStream
  /** The terminal shell's $0 and flavour of messages: 'bash' (default) or 'sh'. */
  name?: string
}
