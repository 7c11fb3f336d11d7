// The container runtime's contract with the kubelet: a root filesystem per start, runc's executable
// lookup (its error becomes the StartError message), and PID 1. src/shell provides it; tests use fakes.
import type { Proc, ShellOptions } from '../../shell/api.ts'
import type { DirNode, Vfs } from '../../shell/fs/vfs.ts'
import type { Flavor } from './image-catalog.ts'

export interface ContainerRuntime {
  makeRootFs(flavor: Flavor, now: number): DirNode
  /** runc's lookup of argv[0]: null when it can be executed, else the reason (`exec: "bash": executable file not found in $PATH`). */
  resolve(fs: Vfs, argv0: string, cwd: string, path: string): string | null
  /** Start the process as PID 1 of the container. */
  spawn(argv: string[], opts: ShellOptions): Proc
}

let defaultRuntime: ContainerRuntime | undefined

/** Installed by the shell bridge; kubelets created without a runtime use it. */
export function setDefaultRuntime(rt: ContainerRuntime): void {
  defaultRuntime = rt
}

export function getDefaultRuntime(): ContainerRuntime | undefined {
  return defaultRuntime
}

/** runc's "unable to start container process" wrapped the way containerd 1.7 reports it. */
export function startErrorMessage(reason: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${reason}: unknown`
}
