// Test harness for the kubectl emulator: runs one kubectl command line against a
// cluster without a shell, on the cluster's virtual clock, capturing its output.
// Used by this package's tests; the terminal session runs kubectl through the shell.
import type { Cluster } from '../engine/cluster.ts'
import { ProcessHandle } from '../engine/kernel/process.ts'
import type { CommandContext, CommandResult, Proc, ShellHost, Signal, Wait } from '../shell/api.ts'
import { stdinOf } from '../shell/commands/test-helpers.ts'
import { newDir, Vfs } from '../shell/fs/vfs.ts'
import { runKubectl } from './cli.ts'
import { defaultKubeConfig, type KubeConfig } from './context.ts'

export interface RunResult {
  stdout: string
  stderr: string
  code: number | undefined
}

export interface RunOptions {
  env?: Record<string, string>
  fs?: Vfs
  cwd?: string
  stdin?: string
  kubeconfig?: KubeConfig
}

/** A running kubectl: output so far, and a way to interrupt it. */
export class Running {
  stdout = ''
  stderr = ''
  code: number | undefined
  private handle: ProcessHandle | undefined
  /** The command's signal handler (CommandContext.onSignal), as the shell keeps it. */
  private catcher: ((sig: Signal) => void) | undefined

  constructor(
    readonly cluster: Cluster,
    argv: readonly string[],
    opts: RunOptions = {},
  ) {
    const kernel = cluster.kernel
    let wake = () => {}
    const host: ShellHost = { now: () => kernel.now(), random: () => 4, wake: () => wake() }
    const fs = opts.fs ?? new Vfs(newDir(), () => kernel.now())
    const cmd: CommandContext = {
      argv: ['kubectl', ...argv],
      env: new Map(Object.entries(opts.env ?? {})),
      cwd: opts.cwd ?? '/root',
      fs,
      stdin: stdinOf(opts.stdin ?? ''),
      stdout: { write: (s) => void (this.stdout += s) },
      stderr: { write: (s) => void (this.stderr += s) },
      host,
      interactive: true,
      onSignal: (h) => {
        this.catcher = h
        return () => {
          if (this.catcher === h) this.catcher = undefined
        }
      },
    }
    const result: CommandResult = runKubectl(argv, { cmd, cluster, kubeconfig: opts.kubeconfig ?? defaultKubeConfig() })
    if (typeof result === 'number') {
      this.code = result
      return
    }
    // The command runs now, before anything else due at this instant; later
    // wake-ups and timers go through the kernel like a shell process's.
    const proc = procOf(result, () => this.catcher)
    const first = proc.resume()
    if (first.done) {
      this.code = first.code
      return
    }
    this.handle = new ProcessHandle(kernel, proc, (code) => (this.code = code))
    wake = () => this.handle?.wake()
    if (first.until !== Infinity) kernel.at(first.until, () => this.handle?.wake())
  }

  /** Ctrl-C: a command that catches it (a watch, logs -f) exits as it chooses; one that does not, 130 like a shell reports. */
  interrupt(): void {
    if (this.code !== undefined || !this.handle) return
    this.handle.signal('INT')
    this.cluster.kernel.runUntil(this.cluster.kernel.now())
  }
}

function procOf(gen: Generator<Wait, number, void>, catcher: () => ((sig: Signal) => void) | undefined): Proc {
  let stopped: number | undefined
  return {
    resume() {
      if (stopped !== undefined) {
        gen.return(stopped)
        return { done: true, code: stopped }
      }
      const r = gen.next()
      return r.done ? { done: true, code: r.value } : { done: false, until: r.value.until }
    },
    signal(sig) {
      const caught = catcher()
      if (caught && sig !== 'KILL') caught(sig)
      else stopped = sig === 'INT' ? 130 : 143
    },
  }
}

/** Run a command that finishes without waiting for virtual time (or until it does). */
export function kubectl(cluster: Cluster, line: string | readonly string[], opts: RunOptions = {}): RunResult {
  const argv = typeof line === 'string' ? splitWords(line) : line
  const r = new Running(cluster, argv, opts)
  return { stdout: r.stdout, stderr: r.stderr, code: r.code }
}

/** Minimal word splitting for test command lines: spaces separate, '…' and "…" quote. */
export function splitWords(line: string): string[] {
  const out: string[] = []
  let cur = ''
  let inWord = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1)
      cur += line.slice(i + 1, end)
      i = end
      inWord = true
    } else if (c === ' ') {
      if (inWord) out.push(cur)
      cur = ''
      inWord = false
    } else {
      cur += c
      inWord = true
    }
  }
  if (inWord) out.push(cur)
  return out
}
