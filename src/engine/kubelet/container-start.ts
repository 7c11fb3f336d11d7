// Which containers a sync starts and how (kuberuntime_manager.go computePodActions, SyncPod, doBackOff;
// kuberuntime_container.go startContainer): init containers in order, then the containers; restarts by
// restartPolicy after the crash back-off (0, then 10 s doubling to 5 min); image, config, create, start.
import { valueOf } from '../api/quantity.ts'
import { createRng } from '../kernel/rng.ts'
import type { Container, Node } from '../api/types.ts'
import { commandLine, containerEnv } from './container-env.ts'
import { ContainerInstance } from './container.ts'
import type { ImageResult } from './image-manager.ts'
import type { PodWorker } from './pod-worker.ts'
import { TERMINATION_LOG, containerRootFs } from './rootfs.ts'
import { startErrorMessage } from './runtime.ts'
import { SYNC_ERROR_REQUEUE_MS, type KubeletServices, type Task } from './services.ts'

/** A container of the pod and its runs (the last two: the current and the previous). */
export interface CState {
  spec: Container
  init: boolean
  instances: ContainerInstance[]
  /** The reason cache: why the last start failed, shown while it waits. */
  waiting?: { reason: string; message: string }
  starting: boolean
}

const CRASH_REQUEUE_MS = 10_000

export class ContainerStarter {
  /** Set when a start failed this sync: the pod worker retries after 10 s. */
  private failed = false

  constructor(
    private svc: KubeletServices,
    private w: PodWorker,
    private relist: () => void,
  ) {}

  *startNeeded(): Task {
    this.failed = false
    const init = this.nextInit()
    if (init === 'wait' || init === 'failed') return
    if (init) yield* this.start(init)
    else {
      // Sidecars are restarted whatever the pod's restartPolicy, alongside the containers.
      for (const c of this.w.init) if (isSidecar(c) && this.exited(c) && !this.inBackoff(c)) yield* this.start(c)
      for (const c of this.w.main) if (this.needsStart(c) && !this.inBackoff(c)) yield* this.start(c)
    }
    if (this.failed) this.w.requeueAt(this.svc.ctx.kernel.now() + SYNC_ERROR_REQUEUE_MS)
  }

  /**
   * findNextInitContainerToRun: the first init container that has not succeeded
   * (a sidecar: that has not started), if it may run now.
   */
  private nextInit(): CState | 'wait' | 'failed' | null {
    for (const c of this.w.init) {
      const last = c.instances[c.instances.length - 1]
      if (!last) return c.starting ? 'wait' : c
      if (last.seen === 'none') return 'wait'
      if (isSidecar(c)) {
        if (last.seen === 'running') continue
        return this.inBackoff(c) ? 'wait' : c
      }
      if (last.seen !== 'exited') return 'wait'
      if (last.exitCode === 0) continue
      if (this.w.pod.spec.restartPolicy === 'Never') return 'failed'
      return this.inBackoff(c) ? 'wait' : c
    }
    return null
  }

  private exited(c: CState): boolean {
    const last = c.instances[c.instances.length - 1]
    return !c.starting && last?.seen === 'exited'
  }

  private needsStart(c: CState): boolean {
    if (c.starting) return false
    const last = c.instances[c.instances.length - 1]
    if (!last) return true
    if (last.seen !== 'exited') return false
    const policy = this.w.pod.spec.restartPolicy ?? 'Always'
    return policy === 'Always' || (policy === 'OnFailure' && last.exitCode !== 0)
  }

  /** doBackOff: in back-off since the last exit → CrashLoopBackOff; else start now and lengthen the back-off. */
  private inBackoff(c: CState): boolean {
    const last = c.instances[c.instances.length - 1]
    if (!last || last.finishedAt === undefined) return false
    const key = `${this.w.pod.metadata.uid}/${c.spec.name}`
    const now = this.svc.ctx.kernel.now()
    const b = this.svc.crashBackoff
    if (b.inBackOffSince(key, last.finishedAt, now)) {
      this.svc.event(this.w.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.spec.name} in pod ${this.w.fullName}`, fieldPathOf(c))
      c.waiting = { reason: 'CrashLoopBackOff', message: this.w.crashLoopMessage(c, key) }
      this.w.requeueAt(Math.min(now + CRASH_REQUEUE_MS, b.endOf(key, last.finishedAt)))
      return true
    }
    b.next(key, last.finishedAt, now)
    return false
  }

  private fail(c: CState, reason: string, message: string, event = `Error: ${reason}`): void {
    c.waiting = { reason, message }
    this.svc.event(this.w.pod, 'Warning', 'Failed', event, fieldPathOf(c))
    this.failed = true
  }

  /** startContainer: image, config, create, start. */
  private *start(c: CState): Task {
    const svc = this.svc
    const k = svc.ctx.kernel
    const pod = this.w.pod
    c.starting = true
    try {
      let img: ImageResult | undefined
      yield (resume) => svc.images.ensure(pod, c.spec, fieldPathOf(c), (r) => ((img = r), resume()))
      if (!img!.ok) return this.fail(c, img!.reason, img!.message)
      const image = img!.image
      const config = image.build.config
      const env = containerEnv(this.w.pod, c.spec, config, svc.node(), { host: svc.hostIP(), pod: this.w.podIP }, svc.configMap)
      if (env.error) return this.fail(c, 'CreateContainerConfigError', env.error, `Error: ${env.error}`)
      const argv = commandLine(c.spec, config, env.kubeletEnv)
      yield svc.rng.int(15, 60)
      svc.event(this.w.pod, 'Normal', 'Created', `Created container: ${c.spec.name}`, fieldPathOf(c))
      yield svc.rng.int(20, 90)
      const prev = c.instances[c.instances.length - 1]
      const id = 'containerd://' + svc.newContainerID()
      const inst = new ContainerInstance(k, id, prev ? prev.restartCount + 1 : 0, image.ref.full, image.imageID, this.w.logs.start(c.spec.name, id), () => this.w.onExit())
      c.instances.push(inst)
      if (c.instances.length > 2) c.instances.shift()
      const rt = svc.runtime()
      const root = containerRootFs(rt, this.w.pod, c.spec, config, this.w.volumes, () => k.now(), this.w.podIP)
      const why = argv.length ? rt.resolve(root.fs, argv[0], root.cwd, env.env.get('PATH') ?? '') : 'no command specified'
      if (why) {
        const msg = startErrorMessage(why)
        inst.failToStart(msg)
        return this.fail(c, 'RunContainerError', msg, `Error: ${msg}`)
      }
      // Its own generator, not a cached child stream: a year of containers must not pile up streams.
      const rng = createRng(`${svc.ctx.config.seed}/random/${id}`)
      const termPath = c.spec.terminationMessagePath ?? TERMINATION_LOG
      inst.start({
        spawn: (out, err, wake) =>
          rt.spawn(argv, { host: { now: () => k.now(), random: () => rng.u32(), wake }, fs: root.fs, env: Object.fromEntries(env.env), cwd: root.cwd, stdout: { write: out }, stderr: { write: err }, pid1: true, interactive: false }),
        memoryLimit: memoryLimit(c.spec, svc.node()),
        baselineBytes: config.baselineBytes,
        terminationMessage: () => {
          try {
            return root.fs.readFile(termPath)
          } catch {
            return ''
          }
        },
        fallbackToLogs: c.spec.terminationMessagePolicy === 'FallbackToLogsOnError',
        exec: (cmd, out, err, wake) => {
          const reason = rt.resolve(root.fs, cmd[0], root.cwd, env.env.get('PATH') ?? '')
          if (reason) return reason
          const execRng = createRng(`${svc.ctx.config.seed}/exec/${id}/${k.now()}`)
          return rt.spawn(cmd, { host: { now: () => k.now(), random: () => execRng.u32(), wake }, fs: root.fs, env: Object.fromEntries(env.env), cwd: root.cwd, stdout: { write: out }, stderr: { write: err }, pid1: false, interactive: false })
        },
      })
      c.waiting = undefined
      svc.event(this.w.pod, 'Normal', 'Started', `Started container ${c.spec.name}`, fieldPathOf(c))
      this.relist()
    } finally {
      c.starting = false
    }
  }
}

/** The container's memory limit; without one, the node's memory, where the node's OOM killer stops a runaway process. */
function memoryLimit(c: Container, node: Node | undefined): number {
  const quantity = (q: unknown): number => {
    try {
      return q === undefined ? Infinity : valueOf(String(q))
    } catch {
      return Infinity
    }
  }
  const limit = quantity(c.resources?.limits?.memory)
  return limit === Infinity ? quantity(node?.status?.capacity?.memory) : limit
}

/** A restartable init container (restartPolicy: Always): a sidecar that runs beside the containers. */
export function isSidecar(c: { spec: Container; init: boolean }): boolean {
  return c.init && c.spec.restartPolicy === 'Always'
}

export function fieldPathOf(c: CState): string {
  return `${c.init ? 'spec.initContainers' : 'spec.containers'}{${c.spec.name}}`
}
