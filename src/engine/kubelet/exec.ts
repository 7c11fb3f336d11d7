// Exec in a running container (pods/exec): a process started in the container's filesystem with its
// environment, driven on the virtual clock, killed with the container; the apiserver's and kubelet's
// errors. Upstream: pkg/registry/core/pod/strategy.go ExecLocation, kubelet server streaming, runc exec.
import type { Proc } from '../../shell/api.ts'
import type { Kernel } from '../kernel/kernel.ts'
import { ProcessHandle } from '../kernel/process.ts'
import type { Pod } from '../api/types.ts'

/** What the runtime offers to exec in one running container: a process, or runc's reason it cannot start. */
export type ExecSpawner = (argv: string[], stdout: (s: string) => void, stderr: (s: string) => void, wake: () => void) => Proc | string

export interface ExecIO {
  stdout(s: string): void
  stderr(s: string): void
  /** The process ended with this status (137 when the container went first). */
  onExit(code: number): void
}

export type ExecAnswer = { ok: true; kill(): void } | { ok: false; code: 400 | 404 | 500; message: string }

/** runc exec could not start the command: containerd reports it and the exec ends with 126. */
export function execStartError(reason: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: ${reason}: unknown\n`
}

/** The exec processes of one container instance; they die with it. */
export class ExecSessions {
  private live = new Set<{ handle: ProcessHandle; io: ExecIO }>()

  constructor(private kernel: Kernel) {}

  run(spawn: ExecSpawner, argv: string[], io: ExecIO): ExecAnswer {
    let handle: ProcessHandle | undefined
    const started = spawn(argv, io.stdout, io.stderr, () => handle?.wake())
    if (typeof started === 'string') {
      io.stderr(execStartError(started))
      this.kernel.after(0, () => io.onExit(126))
      return { ok: true, kill: () => {} }
    }
    const entry = { handle: undefined as unknown as ProcessHandle, io }
    handle = new ProcessHandle(this.kernel, started, (code) => {
      this.live.delete(entry)
      io.onExit(code)
    })
    entry.handle = handle
    this.live.add(entry)
    handle.start()
    return {
      ok: true,
      kill: () => {
        handle!.kill()
        this.live.delete(entry)
      },
    }
  }

  /** The container stopped: its exec'd processes are killed with it. */
  killAll(): void {
    for (const e of [...this.live]) {
      e.handle.kill()
      this.live.delete(e)
      e.io.onExit(137)
    }
  }
}

/** The apiserver's checks before it forwards pods/exec to the node (ExecLocation). */
export function execPreflight(pod: Pod | undefined, podName: string, container: string): { code: 400 | 404; message: string } | undefined {
  if (!pod) return { code: 404, message: `pods ${JSON.stringify(podName)} not found` }
  const known = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].some((c) => c.name === container)
  if (!known) return { code: 400, message: `container ${container} is not valid for pod ${podName}` }
  if (!pod.spec.nodeName) return { code: 400, message: `pod ${podName} does not have a host assigned` }
  return undefined
}
