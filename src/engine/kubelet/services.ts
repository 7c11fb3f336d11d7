// What a pod worker needs from its kubelet (kept as an interface so the worker
// can be read, and tested, on its own), and the small task runner that plays a
// pod sync step by step on the virtual clock.
import type { Node, Pod } from '../api/types.ts'
import type { ControllerContext } from '../context.ts'
import type { DirNode } from '../../shell/fs/vfs.ts'
import type { Rng } from '../kernel/rng.ts'
import type { Backoff } from './backoff.ts'
import type { ConfigMapLookup } from './container-env.ts'
import type { ImageManager } from './image-manager.ts'
import type { ContainerRuntime } from './runtime.ts'
import type { VolumeRegistry } from './storage.ts'

/** pod_workers.go workerBackOffPeriod: a failed sync is retried after 10 s. */
export const SYNC_ERROR_REQUEUE_MS = 10_000

export interface KubeletServices {
  ctx: ControllerContext
  nodeName: string
  node(): Node | undefined
  hostIP(): string
  images: ImageManager
  runtime(): ContainerRuntime
  /** Container restart back-off, shared by the kubelet's pods (kl.backOff). */
  crashBackoff: Backoff
  rng: Rng
  /** When the PLEG next relists (every second) at or after `t`. */
  nextRelist(t: number): number
  allocateIP(): string
  releaseIP(ip: string): void
  claims: VolumeRegistry
  hostPath(path: string): DirNode
  newContainerID(): string
  event(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void
  /** A ConfigMap from the API, for volumes and env (absent in tests that have none). */
  configMap?: ConfigMapLookup
}

/** A step of a sync: wait this many ms, or start something and resume when it calls back. */
export type Step = number | ((resume: () => void) => void)
export type Task = Generator<Step, void, void>

/**
 * Run a task on the kernel. `alive` is checked before every resumption, so a task
 * can be abandoned (the pod is being killed) without being unwound.
 */
export function runTask(ctx: ControllerContext, task: Task, alive: () => boolean, done: () => void): void {
  let inside = false
  let again = false
  const step = () => {
    if (inside) {
      again = true
      return
    }
    inside = true
    try {
      do {
        again = false
        if (!alive()) return done()
        const r = task.next()
        if (r.done) return done()
        const s = r.value
        if (typeof s === 'number') ctx.kernel.after(s, step)
        else {
          let called = false
          s(() => {
            if (called) return
            called = true
            step()
          })
        }
      } while (again)
    } finally {
      inside = false
    }
  }
  step()
}
