// A stand-in kubelet for controller tests (research job-controller.md §0): pods start when created, exit as planned,
// OnFailure restarts after 0, 10, 20 … 300 s, deletion sends SIGTERM; exits are reported after same-instant work.
// The real kubelet (src/engine/kubelet) replaces it in scenarios.
import type { WatchEvent } from '../../api/store.ts'
import type { ContainerStatus, Pod, PodStatus } from '../../api/types.ts'
import type { ControllerContext } from '../../context.ts'
import type { Timer } from '../../kernel/kernel.ts'
import { rfc3339 } from '../../kernel/time.ts'

export interface ContainerRun {
  /** How long the container runs before it exits by itself; Infinity for ever. */
  seconds: number
  exitCode: number
  /** On SIGTERM: exit at once with 143 (default) or ignore it until SIGKILL (137) at the grace period's end. */
  onTerm?: 'exit' | 'ignore'
}

export interface KubeletPlan {
  /** What the container does on its `attempt`-th run in this pod (0 first, then restarts). */
  run(pod: Pod, attempt: number): ContainerRun
  startLatencyMs?: number
}

interface PodState {
  ns?: string
  name: string
  timer: Timer | null
  running: boolean
  restarts: number
  run?: ContainerRun
  startedAt: number
  backoffMs: number
  terminal: boolean
  lastTerminated?: ContainerStatus['state']
}

const INITIAL_CRASH_LOOP_BACKOFF = 10_000
const MAX_CRASH_LOOP_BACKOFF = 300_000

export class FakeKubelet {
  private pods = new Map<string, PodState>()

  constructor(
    private ctx: ControllerContext,
    private plan: KubeletPlan,
  ) {
    ctx.store.watch((ev) => this.onPod(ev as WatchEvent<Pod>), 'Pod')
  }

  private onPod(ev: WatchEvent<Pod>): void {
    const pod = ev.object
    const uid = pod.metadata.uid
    if (ev.type === 'ADDED' && !pod.spec.nodeName) {
      const st: PodState = { ns: pod.metadata.namespace, name: pod.metadata.name, timer: null, running: false, restarts: 0, startedAt: 0, backoffMs: 0, terminal: false }
      this.pods.set(uid, st)
      st.timer = this.ctx.kernel.after(this.plan.startLatencyMs ?? 0, () => this.start(uid))
    } else if (ev.type === 'MODIFIED' && pod.metadata.deletionTimestamp && !ev.old?.metadata.deletionTimestamp) {
      this.ctx.kernel.after(0, () => this.terminate(uid))
    } else if (ev.type === 'DELETED') {
      const st = this.pods.get(uid)
      if (st) this.ctx.kernel.cancel(st.timer)
      this.pods.delete(uid)
    }
  }

  private pod(uid: string): Pod | undefined {
    const st = this.pods.get(uid)
    const p = st && this.ctx.store.get<Pod>('Pod', st.ns, st.name)
    return p && p.metadata.uid === uid ? p : undefined
  }

  private start(uid: string): void {
    const st = this.pods.get(uid)
    let pod = this.pod(uid)
    if (!st || !pod || st.terminal) return
    if (!pod.spec.nodeName) pod = this.ctx.store.update<Pod>({ ...pod, spec: { ...pod.spec, nodeName: 'node01' } })
    if (pod.metadata.deletionTimestamp) return this.terminate(uid)
    const now = this.ctx.kernel.now()
    st.run = this.plan.run(pod, st.restarts)
    st.startedAt = now
    st.running = true
    this.write(pod, 'Running', { running: { startedAt: rfc3339(now) } }, true, st)
    if (st.run.seconds !== Infinity) this.scheduleExit(uid, st, now + st.run.seconds * 1000)
  }

  /**
   * The exit is reported after whatever else is due at that instant (a sync
   * queued a second earlier sees the pod still running), as a real kubelet's
   * status lags the container's exit.
   */
  private scheduleExit(uid: string, st: PodState, at: number): void {
    const exit = () => this.exit(uid, st.run!.exitCode)
    const k = this.ctx.kernel
    st.timer = k.at(Math.max(k.now(), at - 1), () => {
      st.timer = k.at(at, exit)
    })
  }

  private exit(uid: string, exitCode: number): void {
    const st = this.pods.get(uid)
    const pod = this.pod(uid)
    if (!st || !pod || st.terminal) return
    st.timer = null
    st.running = false
    const now = this.ctx.kernel.now()
    const terminated = { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: rfc3339(st.startedAt), finishedAt: rfc3339(now) } }
    const restart = pod.spec.restartPolicy === 'OnFailure' && exitCode !== 0 && !pod.metadata.deletionTimestamp
    if (!restart) return this.end(pod, st, terminated, exitCode === 0 ? 'Succeeded' : 'Failed')
    // Crash loop: the first restart is immediate, then 10 s doubling to 5 min.
    st.lastTerminated = terminated
    const delay = st.backoffMs
    st.backoffMs = st.backoffMs ? Math.min(st.backoffMs * 2, MAX_CRASH_LOOP_BACKOFF) : INITIAL_CRASH_LOOP_BACKOFF
    st.restarts++
    if (delay > 0) this.write(pod, 'Running', { waiting: { reason: 'CrashLoopBackOff' } }, false, { ...st, restarts: st.restarts - 1 })
    st.timer = this.ctx.kernel.after(delay, () => this.start(uid))
  }

  private terminate(uid: string): void {
    const st = this.pods.get(uid)
    const pod = this.pod(uid)
    if (!st || !pod || st.terminal) return
    this.ctx.kernel.cancel(st.timer)
    st.timer = null
    if (!pod.spec.nodeName) {
      // Never reached a node: nothing for a kubelet to do.
      st.terminal = true
      return
    }
    if (!st.running || !st.run) return this.end(pod, st, st.lastTerminated ?? { waiting: { reason: 'ContainerCreating' } }, 'Failed')
    if (st.run.onTerm === 'ignore') {
      const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000
      st.timer = this.ctx.kernel.after(grace, () => this.kill(uid, 137))
      return
    }
    this.kill(uid, 143)
  }

  private kill(uid: string, exitCode: number): void {
    const st = this.pods.get(uid)
    const pod = this.pod(uid)
    if (!st || !pod || st.terminal) return
    const now = this.ctx.kernel.now()
    st.running = false
    this.end(pod, st, { terminated: { exitCode, reason: 'Error', startedAt: rfc3339(st.startedAt), finishedAt: rfc3339(now) } }, 'Failed')
  }

  /** Terminal phase, then, for a pod being deleted, the final delete with grace 0. */
  private end(pod: Pod, st: PodState, state: ContainerStatus['state'], phase: 'Succeeded' | 'Failed'): void {
    st.terminal = true
    const cur = this.write(pod, phase, state, false, st)
    if (cur.metadata.deletionTimestamp) this.ctx.api.delete('Pod', cur.metadata.namespace, cur.metadata.name, { gracePeriodSeconds: 0 })
  }

  private write(pod: Pod, phase: PodStatus['phase'], state: ContainerStatus['state'], ready: boolean, st: Pick<PodState, 'restarts' | 'lastTerminated'>): Pod {
    const now = rfc3339(this.ctx.kernel.now())
    const prevReady = pod.status?.conditions?.find((c) => c.type === 'Ready')
    const readyStatus = ready ? 'True' : 'False'
    const transition = prevReady && prevReady.status === readyStatus ? prevReady.lastTransitionTime : now
    const cs: ContainerStatus = {
      name: pod.spec.containers[0]?.name ?? 'main',
      state,
      lastState: st.lastTerminated ?? {},
      ready,
      restartCount: st.restarts,
      image: pod.spec.containers[0]?.image ?? '',
      imageID: '',
      started: !!state.running,
    }
    const status: PodStatus = {
      phase,
      conditions: [{ type: 'Ready', status: readyStatus, lastProbeTime: null, lastTransitionTime: transition }],
      startTime: pod.status?.startTime ?? now,
      containerStatuses: [cs],
    }
    return this.ctx.api.updateStatus(pod, status)
  }
}
