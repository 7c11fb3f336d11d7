// One pod on one node (pod_workers.go, kuberuntime SyncPod): each sync reports the observed status, then
// acts (volumes, sandbox, containers, restarts, termination for deletion/deadline/completion). Syncs are
// serial; the PLEG relist (1 s) and error requeues (10 s) trigger the next.
import type { Pod } from '../api/types.ts'
import type { Timer } from '../kernel/kernel.ts'
import { goDuration } from './duration.ts'
import type { ExecAnswer, ExecIO } from './exec.ts'
import { PodLogs } from './logs.ts'
import { generatePodStatus, type ContainerView, type InstanceView, type PodView } from './pod-status.ts'
import { runTask, type KubeletServices, type Task } from './services.ts'
import { ContainerStarter, fieldPathOf, isSidecar, type CState } from './container-start.ts'
import { setUpVolumes } from './volumes.ts'
import type { DirNode } from '../../shell/fs/vfs.ts'
import { rfc3339 } from '../kernel/time.ts'
import { createRng } from '../kernel/rng.ts'

/** kubelet: killContainer never grants less than 2 s. */
const MIN_GRACE_MS = 2000
const DEADLINE_REASON = 'DeadlineExceeded'
const DEADLINE_MESSAGE = 'Pod was active on the node longer than the specified deadline'

export class PodWorker {
  readonly logs: PodLogs
  readonly init: CState[]
  readonly main: CState[]
  private sandbox: { ip: string; seen: boolean } | null = null
  private vols = new Map<string, DirNode>()
  private startTime?: string
  private syncing = false
  private again = false
  private generation = 0
  private requeueTimer: Timer | null = null
  private relistTimer: Timer | null = null
  private deadlineTimer: Timer | null = null
  private terminating: { graceMs: number } | null = null
  private terminated = false
  /** The terminal status is written: only then may the status manager delete the pod. */
  private terminalWritten = false
  private deleteSent = false
  private evicted?: { reason: string; message: string }
  private mountRetry = 500
  private lastWritten?: Pod['status']
  private starter: ContainerStarter
  removed = false
  /** A static pod's worker: it runs from the node's manifest, so its mirror pod's deletion does not stop it. */
  staticPod = false

  constructor(
    private svc: KubeletServices,
    public pod: Pod,
  ) {
    this.logs = new PodLogs(() => svc.ctx.kernel.now(), () => svc.rng.int(0, 999_999))
    const cs = (c: Pod['spec']['containers'][number], init: boolean): CState => ({ spec: c, init, instances: [], starting: false })
    this.init = (pod.spec.initContainers ?? []).map((c) => cs(c, true))
    this.main = pod.spec.containers.map((c) => cs(c, false))
    this.starter = new ContainerStarter(svc, this, () => this.scheduleRelist())
  }

  get podIP(): string | undefined {
    return this.sandbox?.ip
  }

  get volumes(): Map<string, DirNode> {
    return this.vols
  }

  /** The kubelet found this pod's sandbox already running (it was started before): take it over as it is. */
  adoptSandbox(ip: string, startTime: string): void {
    this.sandbox = { ip, seen: true }
    this.startTime = startTime
  }

  /** A new mirror pod stands for this static pod: report to it from now on (its status is written afresh). */
  rebind(pod: Pod): void {
    this.pod = pod
    this.lastWritten = undefined
  }

  /** The pod object changed in the API. */
  update(pod: Pod): void {
    const wasDeleting = !!this.pod.metadata.deletionTimestamp
    this.pod = pod
    if (!pod.metadata.deletionTimestamp || this.staticPod) return
    if (!wasDeleting && !this.terminating) {
      // A kill request cancels the sync in flight (an image pull, say): pod_workers cancels its context.
      this.abortSync()
      this.requestSync()
    } else if (this.terminated) this.requestSync()
    else if (this.terminating) this.shortenGrace()
  }

  private abortSync(): void {
    this.generation++
    this.syncing = false
    this.again = false
  }

  /** The pod is gone from the API: stop everything, report nothing. */
  remove(): void {
    this.removed = true
    this.generation++
    for (const t of [this.requeueTimer, this.relistTimer, this.deadlineTimer]) this.svc.ctx.kernel.cancel(t)
    const grace = Math.max(MIN_GRACE_MS, (this.pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000)
    for (const c of [...this.init, ...this.main]) {
      for (const i of c.instances) if (i.state === 'running') i.stop(grace)
      this.svc.crashBackoff.forget(`${this.pod.metadata.uid}/${c.spec.name}`)
    }
    if (this.sandbox) this.svc.releaseIP(this.sandbox.ip)
    this.svc.images.forgetPod(this.pod.metadata.uid, [...this.init, ...this.main].map((c) => c.spec.image ?? ''))
  }

  requestSync(): void {
    if (this.removed) return
    if (this.syncing) {
      this.again = true
      return
    }
    this.syncing = true
    const gen = this.generation
    runTask(this.svc.ctx, this.sync(), () => gen === this.generation && !this.removed, () => {
      if (gen !== this.generation) return
      this.syncing = false
      if (this.again) {
        this.again = false
        this.requestSync()
      }
    })
  }

  requeueAt(at: number): void {
    if (this.removed) return
    if (this.requeueTimer && this.requeueTimer.at <= at) return
    this.svc.ctx.kernel.cancel(this.requeueTimer)
    this.requeueTimer = this.svc.ctx.kernel.at(at, () => {
      this.requeueTimer = null
      this.requestSync()
    })
  }

  /** PLEG: the next relist notices started and exited containers and the sandbox. */
  scheduleRelist(): void {
    if (this.relistTimer || this.removed) return
    const now = this.svc.ctx.kernel.now()
    this.relistTimer = this.svc.ctx.kernel.at(this.svc.nextRelist(now + 1), () => {
      this.relistTimer = null
      let changed = false
      if (this.sandbox && !this.sandbox.seen) this.sandbox.seen = changed = true
      for (const c of [...this.init, ...this.main]) {
        for (const i of c.instances) {
          const st = i.state === 'exited' ? 'exited' : 'running'
          if (i.seen !== st) {
            i.seen = st
            changed = true
          }
        }
      }
      if (changed) this.requestSync()
    })
  }

  /** A container's process exited (the relist reports it). */
  onExit(): void {
    this.scheduleRelist()
    if (this.terminating) this.checkTerminated()
  }

  private *sync(): Task {
    // Between the last exit and the terminal status, an API update (a finalizer
    // removed) must not delete the pod before its final status is written.
    if (this.terminated) return this.terminalWritten ? this.deleteIfRequested() : undefined
    const now = this.svc.ctx.kernel.now()
    if (!this.startTime) this.startTime = this.pod.status?.startTime ?? rfc3339(now)
    this.armDeadline()
    if (!this.evicted && this.pastDeadline(now)) this.evicted = { reason: DEADLINE_REASON, message: DEADLINE_MESSAGE }
    if (this.evicted) this.svc.event(this.pod, 'Normal', DEADLINE_REASON, DEADLINE_MESSAGE)
    const status = this.writeStatus()
    if (this.terminating) return
    if (this.pod.metadata.deletionTimestamp && !this.staticPod) return this.terminate((this.pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000)
    if (this.evicted) return this.terminate((this.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000)
    if (status.phase === 'Succeeded' || status.phase === 'Failed') return this.terminate(0)
    // computePodActions: no regular container left to run or restart → KillPod, which stops the sidecars.
    if (this.containersDone() && this.init.some((c) => isSidecar(c) && c.instances.some((i) => i.state === 'running'))) return this.terminate((this.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000)
    if (!this.mountVolumes()) return
    if (!this.sandbox) {
      yield this.svc.rng.int(300, 900)
      // A hostNetwork pod shares the node's network namespace: its IP is the node's.
      this.sandbox = { ip: this.pod.spec.hostNetwork ? this.svc.hostIP() : this.svc.allocateIP(), seen: false }
      this.scheduleRelist()
    }
    yield* this.starter.startNeeded()
  }

  /** Every regular container ran and none will run again (its restartPolicy says so). */
  private containersDone(): boolean {
    const policy = this.pod.spec.restartPolicy ?? 'Always'
    return this.main.every((c) => {
      const last = c.instances[c.instances.length - 1]
      return last?.seen === 'exited' && !(policy === 'Always' || (policy === 'OnFailure' && last.exitCode !== 0))
    })
  }

  /** Volume manager: set up every volume; a failure blocks the pod (FailedMount) and is retried with back-off. */
  private mountVolumes(): boolean {
    if ((this.pod.spec.volumes ?? []).every((v) => this.vols.has(v.name))) return true
    const claims = (ns: string, name: string) => this.svc.ctx.store.get('PersistentVolumeClaim', ns, name) as never
    const now = this.svc.ctx.kernel.now()
    // The token's random bytes come from a generator of their own: reading it (or not) changes nothing else.
    const rng = createRng(`${this.svc.ctx.config.seed}/token/${this.pod.metadata.uid}`)
    const r = setUpVolumes(this.pod, this.vols, { now, rng, claims, registry: this.svc.claims, hostPath: (p) => this.svc.hostPath(p), configMap: this.svc.configMap })
    if (!r.errors.length) return true
    for (const e of r.errors) this.svc.event(this.pod, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume ${JSON.stringify(e.volume)} : ${e.message}`)
    this.requeueAt(now + this.mountRetry)
    this.mountRetry = Math.min(this.mountRetry * 2, 122_000)
    return false
  }

  private pastDeadline(now: number): boolean {
    const ads = this.pod.spec.activeDeadlineSeconds
    return ads !== undefined && !!this.startTime && now - Date.parse(this.startTime) >= ads * 1000
  }

  private armDeadline(): void {
    const ads = this.pod.spec.activeDeadlineSeconds
    if (ads === undefined || this.deadlineTimer || !this.startTime) return
    this.deadlineTimer = this.svc.ctx.kernel.at(Date.parse(this.startTime) + ads * 1000, () => this.requestSync())
  }

  /** Kill every running container: TERM, KILL after the grace period; then tear the sandbox down. */
  private terminate(graceMs: number): void {
    this.terminating = { graceMs }
    this.abortSync()
    for (const c of [...this.init, ...this.main]) {
      const cur = c.instances[c.instances.length - 1]
      if (cur?.state !== 'running') continue
      this.svc.event(this.pod, 'Normal', 'Killing', `Stopping container ${c.spec.name}`, fieldPathOf(c))
      cur.stop(Math.max(MIN_GRACE_MS, graceMs))
    }
    this.checkTerminated()
  }

  private shortenGrace(): void {
    const grace = Math.max(MIN_GRACE_MS, (this.pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000)
    for (const c of [...this.init, ...this.main]) for (const i of c.instances) if (i.state === 'running') i.shortenGrace(grace)
  }

  private checkTerminated(): void {
    if (this.terminated || [...this.init, ...this.main].some((c) => c.instances.some((i) => i.state === 'running'))) return
    this.terminated = true
    this.svc.ctx.kernel.after(this.svc.rng.int(40, 160), () => {
      if (this.removed) return
      for (const c of [...this.init, ...this.main]) for (const i of c.instances) i.seen = i.state
      // The sandbox is gone: host-local IPAM takes its address back (the status keeps showing it).
      if (this.sandbox) {
        this.sandbox.seen = false
        this.svc.releaseIP(this.sandbox.ip)
      }
      this.writeStatus(true)
      this.terminalWritten = true
      this.deleteIfRequested()
    })
  }

  /** The status manager deletes a terminated pod that is being deleted (grace 0, with its uid). */
  private deleteIfRequested(): void {
    if (!this.pod.metadata.deletionTimestamp || this.deleteSent || this.removed) return
    this.deleteSent = true
    const { namespace, name, uid } = this.pod.metadata
    this.svc.ctx.kernel.after(this.svc.rng.int(20, 120), () => {
      try {
        this.svc.ctx.api.delete('Pod', namespace, name, { gracePeriodSeconds: 0, preconditions: { uid } })
      } catch {
        // Already gone.
      }
    })
  }

  /** Generate the status from what the PLEG has seen and write it when it changed. */
  writeStatus(terminal = false): NonNullable<Pod['status']> {
    const cur = this.svc.ctx.store.get<Pod>('Pod', this.pod.metadata.namespace, this.pod.metadata.name)
    if (cur && cur.metadata.uid === this.pod.metadata.uid) this.pod = cur
    const view: PodView = {
      pod: this.pod,
      init: this.init.map(visible),
      main: this.main.map(visible),
      sandboxReady: !!this.sandbox?.seen,
      hostIP: this.svc.hostIP(),
      podIP: this.sandbox?.seen || terminal ? this.sandbox?.ip : undefined,
      startTime: this.startTime ?? rfc3339(this.svc.ctx.kernel.now()),
      terminal: terminal || this.terminated,
      evicted: this.evicted,
      now: this.svc.ctx.kernel.now(),
    }
    const status = generatePodStatus(view)
    // The status manager writes only changes to what it last wrote (or what the API shows, at first).
    if (cur && !this.removed && !sameJSON(status, this.lastWritten ?? cur.status)) {
      this.pod = this.svc.ctx.api.updateStatus(cur, status)
      this.lastWritten = status
    }
    return status
  }

  /** pods/exec on this node: a process in the container's latest instance, if it is running. */
  exec(container: string, argv: string[], io: ExecIO): ExecAnswer {
    const c = [...this.init, ...this.main].find((x) => x.spec.name === container)
    const answer = c?.instances[c.instances.length - 1]?.exec(argv, io)
    return answer ?? { ok: false, code: 500, message: `container not found (${JSON.stringify(container)})` }
  }

  /** "pod_namespace(uid)", as format.Pod prints a pod in kubelet messages. */
  get fullName(): string {
    return `${this.pod.metadata.name}_${this.pod.metadata.namespace ?? 'default'}(${this.pod.metadata.uid})`
  }

  crashLoopMessage(c: CState, key: string): string {
    return `back-off ${goDuration(this.svc.crashBackoff.get(key))} restarting failed container=${c.spec.name} pod=${this.fullName}`
  }
}

/** Deep equality of JSON-shaped values (undefined members count as absent), without serialising. */
function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    return a.length === bb.length && a.every((x, i) => sameJSON(x, bb[i]))
  }
  const ao = a as Record<string, unknown>
  const bo = b as Record<string, unknown>
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined)
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined)
  return ak.length === bk.length && ak.every((k) => sameJSON(ao[k], bo[k]))
}

/** The container as the runtime last reported it: only what the PLEG has seen. */
function visible(c: CState): ContainerView {
  const instances: InstanceView[] = []
  for (const i of c.instances) {
    if (i.seen === 'none') continue
    if (i.seen === 'exited') instances.push(i)
    else instances.push({ id: i.id, restartCount: i.restartCount, image: i.image, imageID: i.imageID, state: 'running', startedAt: i.startedAt })
  }
  return { spec: c.spec, instances, waiting: c.waiting }
}
