// One run of a container: its process on the virtual clock, its log, its memory against the limit
// (OOMKilled, 137), and kuberuntime killContainer's stop: TERM, then KILL after the grace period (137).
import type { Proc, Signal } from '../../shell/api.ts'
import type { Kernel, Timer } from '../kernel/kernel.ts'
import { ProcessHandle } from '../kernel/process.ts'
import { ExecSessions, type ExecAnswer, type ExecIO, type ExecSpawner } from './exec.ts'
import type { ContainerLog } from './logs.ts'
import type { InstanceView } from './pod-status.ts'

/** How much of the log a FallbackToLogsOnError termination message keeps. */
const FALLBACK_LINES = 80
const FALLBACK_BYTES = 2048

export interface StartSpec {
  spawn: (stdout: (s: string) => void, stderr: (s: string) => void, wake: () => void) => Proc
  /** Memory limit in bytes, or Infinity. */
  memoryLimit: number
  /** What the image's process holds besides what the shell reports. */
  baselineBytes: number
  /** Read the termination message file after exit. */
  terminationMessage: () => string
  fallbackToLogs: boolean
  /** Start another process in this container (kubectl exec). */
  exec?: ExecSpawner
}

export class ContainerInstance implements InstanceView {
  state: 'running' | 'exited' = 'running'
  startedAt = 0
  finishedAt?: number
  exitCode?: number
  reason?: string
  message?: string
  /** What the PLEG has seen of it: nothing yet, running, or its exit. */
  seen: 'none' | 'running' | 'exited' = 'none'
  private handle?: ProcessHandle
  private killTimer: Timer | null = null
  private oom = false
  private execSpawner?: ExecSpawner
  private execs?: ExecSessions

  constructor(
    private kernel: Kernel,
    readonly id: string,
    readonly restartCount: number,
    readonly image: string,
    readonly imageID: string,
    readonly log: ContainerLog,
    private onExit: (i: ContainerInstance) => void,
  ) {}

  /** runc could not start the process: exit 128, reason StartError, started at the epoch. */
  failToStart(message: string): void {
    this.startedAt = 0
    this.finish(128, 'StartError', message)
  }

  /** Start the process; `startedAt` is earlier when the kubelet takes over a container already running. */
  start(spec: StartSpec, startedAt = this.kernel.now()): void {
    this.startedAt = startedAt
    this.execSpawner = spec.exec
    let proc: Proc
    const wrapped: Proc = {
      resume: () => {
        let y
        try {
          y = proc.resume()
        } catch {
          // A fault in the program must not stop the cluster: it dies like a segfault would.
          return { done: true, code: 139 }
        }
        if (!y.done && (proc.memoryBytes?.() ?? 0) + spec.baselineBytes > spec.memoryLimit) {
          this.oom = true
          return { done: true, code: 137 }
        }
        return y
      },
      signal: (sig: Signal) => proc.signal(sig),
      memoryBytes: () => proc.memoryBytes?.() ?? 0,
    }
    this.handle = new ProcessHandle(this.kernel, wrapped, (code) => this.exited(code, spec))
    proc = spec.spawn(
      (s) => this.log.write('stdout', s),
      (s) => this.log.write('stderr', s),
      () => this.handle?.wake(),
    )
    if (spec.baselineBytes > spec.memoryLimit) {
      // The image's own process does not fit: the OOM killer strikes as it starts.
      this.oom = true
      this.handle.kill()
      this.kernel.after(0, () => this.exited(137, spec))
      return
    }
    this.handle.start()
  }

  /** Run a command beside the container's process; only while it runs. */
  exec(argv: string[], io: ExecIO): ExecAnswer | undefined {
    if (this.state !== 'running' || !this.execSpawner) return undefined
    this.execs ??= new ExecSessions(this.kernel)
    return this.execs.run(this.execSpawner, argv, io)
  }

  /** Deliver TERM now and KILL after `graceMs` (kuberuntime killContainer). */
  stop(graceMs: number, signal: Signal = 'TERM'): void {
    if (this.state !== 'running') return
    if (graceMs > 0) this.handle?.signal(signal)
    this.shortenGrace(graceMs)
  }

  /** A later deletion with a shorter grace period brings the KILL forward. */
  shortenGrace(graceMs: number): void {
    if (this.state !== 'running') return
    const at = this.kernel.now() + graceMs
    if (this.killTimer && this.killTimer.at <= at) return
    this.kernel.cancel(this.killTimer)
    this.killTimer = this.kernel.at(at, () => {
      this.killTimer = null
      if (this.state !== 'running') return
      this.handle?.kill()
      this.finish(137, 'Error')
    })
  }

  /** Remove it for good (the pod object is gone): no exit is reported. */
  destroy(): void {
    this.kernel.cancel(this.killTimer)
    this.handle?.kill()
    if (this.state === 'running') this.finish(137, 'Error', undefined, false)
  }

  private exited(code: number, spec: StartSpec): void {
    if (this.state !== 'running') return
    const reason = this.oom ? 'OOMKilled' : code === 0 ? 'Completed' : 'Error'
    let message = spec.terminationMessage().slice(0, 4096)
    if (!message && spec.fallbackToLogs && code !== 0) message = logTail(this.log)
    this.finish(code, reason, message || undefined)
  }

  private finish(code: number, reason: string, message?: string, notify = true): void {
    this.kernel.cancel(this.killTimer)
    this.killTimer = null
    this.state = 'exited'
    this.exitCode = code
    this.reason = reason
    if (message) this.message = message
    this.finishedAt = this.kernel.now()
    this.log.close()
    this.execs?.killAll()
    if (notify) this.onExit(this)
  }
}

function logTail(log: ContainerLog): string {
  const lines = log.entries.slice(-FALLBACK_LINES).map((e) => e.text + (e.partial ? '' : '\n'))
  let s = lines.join('')
  if (s.length > FALLBACK_BYTES) s = s.slice(s.length - FALLBACK_BYTES)
  return s
}
