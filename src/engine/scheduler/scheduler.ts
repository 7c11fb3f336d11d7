// kube-scheduler's default profile (schedule_one.go): serial scheduling cycles (filter, score, seeded
// tie-break, assume), asynchronous binding (PreBind volumes, bind, "Scheduled"); a pod that fits nowhere gets
// PodScheduled=False/Unschedulable and FailedScheduling (events/v1) and waits in the queue.
import type { WatchEvent } from '../api/store.ts'
import type { Node, PersistentVolumeClaim, Pod, PodCondition } from '../api/types.ts'
import type { ControllerContext } from '../context.ts'
import type { Reporter } from '../events/recorder.ts'
import type { Rng } from '../kernel/rng.ts'
import { rfc3339 } from '../kernel/time.ts'
import { parseImageRef } from '../kubelet/images.ts'
import { SELECTED_NODE } from '../kubelet/storage.ts'
import { NodeCache } from './cache.ts'
import { filterNode, type NodeState, type Rejection } from './filters.ts'
import { fitErrorMessage } from './fit-error.ts'
import { ASSIGNED_POD_DELETE, claimChange, nodeChanges, VOLUME_CHANGE, type EventHints } from './hints.ts'
import { SchedulingQueue, type QueuedPod } from './queue.ts'
import { podRequests } from './resources.ts'
import { scoreNodes } from './score.ts'
import { isBound, planVolumes, volumeConflict, type VolumePlan } from './volume-binding.ts'

export const SCHEDULER_NAME = 'default-scheduler'
/** How long the error message may be in an event (schedule_one.go truncateMessage). */
const MAX_MESSAGE = 1024

export class Scheduler {
  readonly cache = new NodeCache()
  private queue: SchedulingQueue
  private rng: Rng
  private busy = false
  private kickTimer = false
  /** Pods waiting in PreBind for their claims, by claim uid. */
  private waitingOnClaims = new Map<string, Set<() => void>>()
  private reporter: Reporter

  constructor(
    readonly ctx: ControllerContext,
    controlPlaneHost = 'controlplane',
  ) {
    this.rng = ctx.kernel.rng.stream('scheduler')
    this.reporter = { controller: SCHEDULER_NAME, instance: `${SCHEDULER_NAME}-${controlPlaneHost}` }
    this.queue = new SchedulingQueue(ctx.kernel, () => this.kick())
    ctx.store.watch((e) => this.onNode(e as WatchEvent<Node>), 'Node')
    ctx.store.watch((e) => this.onPod(e as WatchEvent<Pod>), 'Pod')
    ctx.store.watch((e) => this.onClaim(e as WatchEvent<PersistentVolumeClaim>), 'PersistentVolumeClaim')
    ctx.store.watch((e) => e.type !== 'DELETED' && this.move(VOLUME_CHANGE), 'PersistentVolume')
    for (const n of ctx.store.list<Node>('Node')) this.cache.setNode(n)
    for (const p of ctx.store.list<Pod>('Pod')) this.onPod({ type: 'ADDED', object: p })
  }

  private onNode(e: WatchEvent<Node>): void {
    if (e.type === 'DELETED') return this.cache.removeNode(e.object.metadata.name)
    this.cache.setNode(e.object)
    // A heartbeat or a new image list changes no scheduling property: no event at all.
    for (const hints of nodeChanges(e.type === 'ADDED' ? undefined : e.old, e.object)) this.move(hints)
  }

  /** MoveAllToActiveOrBackoffQueue with queueing hints: a pod moves when a plugin that rejected it says Queue. */
  private move(hints: EventHints): void {
    this.queue.moveUnschedulable((q) => {
      let pod: Pod | undefined
      for (const plugin of q.plugins) {
        const hint = hints[plugin]
        if (!hint) continue
        pod ??= this.ctx.store.get<Pod>('Pod', q.namespace, q.name)
        if (pod && hint(pod)) return true
      }
      return false
    })
  }

  private onPod(e: WatchEvent<Pod>): void {
    const pod = e.object
    const uid = pod.metadata.uid
    const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
    if (e.type === 'DELETED' || (pod.spec.nodeName && terminal)) {
      this.queue.delete(uid)
      if (this.cache.remove(uid)) this.move(ASSIGNED_POD_DELETE)
      return
    }
    if (pod.spec.nodeName) {
      this.queue.delete(uid)
      this.cache.place(pod, pod.spec.nodeName)
      return
    }
    if (pod.metadata.deletionTimestamp) return this.queue.delete(uid)
    if ((pod.spec.schedulerName ?? SCHEDULER_NAME) !== SCHEDULER_NAME || this.cache.isPlaced(uid)) return
    // SchedulingGates' PreEnqueue: a gated pod waits outside the queue, without attempts or
    // FailedScheduling, until an update removes its last gate (k8s pkg/scheduler/framework/
    // plugins/schedulinggates; a Job's template may gain gates while it is suspended).
    if (isGated(pod)) return this.queue.delete(uid)
    if (e.type === 'ADDED' || (e.old && isGated(e.old))) this.queue.add(newQueued(pod, this.ctx.kernel.now()))
  }

  private onClaim(e: WatchEvent<PersistentVolumeClaim>): void {
    if (e.type !== 'DELETED') this.move(claimChange(e.object))
    const waiters = this.waitingOnClaims.get(e.object.metadata.uid)
    if (waiters && (e.type === 'DELETED' || isBound(e.object))) {
      this.waitingOnClaims.delete(e.object.metadata.uid)
      for (const w of waiters) w()
    }
  }

  /** The scheduling loop picks the next pod a moment after it becomes active. */
  private kick(): void {
    if (this.busy || this.kickTimer || !this.queue.size) return
    this.kickTimer = true
    this.ctx.kernel.after(this.rng.int(1, 4), () => {
      this.kickTimer = false
      this.busy = true
      try {
        const next = this.queue.pop()
        if (next) this.scheduleOne(next)
      } finally {
        this.busy = false
      }
      this.kick()
    })
  }

  private scheduleOne(q: QueuedPod): void {
    const pod = this.ctx.store.get<Pod>('Pod', q.namespace, q.name)
    if (!pod || pod.metadata.uid !== q.uid || pod.spec.nodeName || pod.metadata.deletionTimestamp) return
    q.attempts++
    const nodes = this.cache.list()
    const plan = planVolumes(pod, (ns, name) => this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name))
    if (plan.preFilter) return this.fail(pod, q, nodes.length, [], plan.preFilter, ['VolumeBinding'])
    const req = podRequests(pod)
    const feasible: NodeState[] = []
    const rejections: Rejection[] = []
    for (const st of nodes) {
      const r = filterNode(pod, req, st, (n) => volumeConflict(plan, n.metadata.name))
      if (r) rejections.push(r)
      else feasible.push(st)
    }
    if (!feasible.length) return this.fail(pod, q, nodes.length, rejections, undefined, [...new Set(rejections.map((r) => r.plugin))])
    const host = this.selectHost(pod, feasible, nodes)
    this.cache.place(pod, host)
    this.bindingCycle(pod, host, plan)
  }

  /** selectHost: the best score; ties broken by reservoir sampling on a seeded stream. */
  private selectHost(pod: Pod, feasible: NodeState[], all: NodeState[]): string {
    const scores = scoreNodes(pod, feasible, all, normalizedImage)
    let best = -1
    let count = 0
    let host = feasible[0].node.metadata.name
    for (let i = 0; i < feasible.length; i++) {
      if (scores[i] > best) {
        best = scores[i]
        count = 1
        host = feasible[i].node.metadata.name
      } else if (scores[i] === best) {
        count++
        if (this.rng.int(0, count - 1) === 0) host = feasible[i].node.metadata.name
      }
    }
    return host
  }

  private bindingCycle(pod: Pod, host: string, plan: VolumePlan): void {
    const bind = () => this.ctx.kernel.after(this.rng.int(2, 8), () => this.bind(pod, host))
    if (!plan.toProvision.length) return void bind()
    let pending = plan.toProvision.length
    for (const pvc of plan.toProvision) {
      const cur = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', pvc.metadata.namespace, pvc.metadata.name)
      if (!cur) continue
      let set = this.waitingOnClaims.get(cur.metadata.uid)
      if (!set) this.waitingOnClaims.set(cur.metadata.uid, (set = new Set()))
      set.add(() => --pending === 0 && bind())
      if (!cur.metadata.annotations?.[SELECTED_NODE]) this.ctx.api.updateMeta(cur, { annotations: { ...(cur.metadata.annotations ?? {}), [SELECTED_NODE]: host } })
    }
  }

  /** The pods/binding subresource: nodeName and PodScheduled=True (pod storage setPodHostAndAnnotations). */
  private bind(assumed: Pod, host: string): void {
    const pod = this.ctx.store.get<Pod>('Pod', assumed.metadata.namespace, assumed.metadata.name)
    if (!pod || pod.metadata.uid !== assumed.metadata.uid || pod.spec.nodeName || pod.metadata.deletionTimestamp) {
      this.cache.remove(assumed.metadata.uid)
      return
    }
    const now = rfc3339(this.ctx.kernel.now())
    const conditions = setCondition(pod.status?.conditions, { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }, now)
    const bound = this.ctx.store.update<Pod>({ ...pod, spec: { ...pod.spec, nodeName: host }, status: { ...pod.status, conditions } })
    const ns = bound.metadata.namespace ?? 'default'
    this.ctx.recorder.eventV1?.(bound, 'Normal', 'Scheduled', 'Binding', `Successfully assigned ${ns}/${bound.metadata.name} to ${host}`, this.reporter)
  }

  /** handleSchedulingFailure: the event, the PodScheduled condition, back to the queue. */
  private fail(pod: Pod, q: QueuedPod, numNodes: number, rejections: Rejection[], preFilter: string | undefined, plugins: string[]): void {
    const message = fitErrorMessage({ numNodes, rejections, preFilter, preemptionNever: pod.spec.preemptionPolicy === 'Never' })
    q.lastFailure = this.ctx.kernel.now()
    q.plugins = new Set(plugins)
    this.queue.addUnschedulable(q)
    this.ctx.recorder.eventV1?.(pod, 'Warning', 'FailedScheduling', 'Scheduling', truncate(message), this.reporter)
    const now = rfc3339(this.ctx.kernel.now())
    const cond: PodCondition = { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: now, reason: 'Unschedulable', message }
    const conditions = setCondition(pod.status?.conditions, cond, now)
    if (conditions !== pod.status?.conditions) this.ctx.api.updateStatus(pod, { ...pod.status, conditions })
  }
}

function isGated(pod: Pod): boolean {
  const gates: unknown = (pod.spec as { schedulingGates?: unknown }).schedulingGates
  return Array.isArray(gates) && gates.length > 0
}

function newQueued(pod: Pod, now: number): QueuedPod {
  const ns = pod.metadata.namespace ?? 'default'
  return { uid: pod.metadata.uid, namespace: ns, name: pod.metadata.name, priority: pod.spec.priority ?? 0, timestamp: now, attempts: 0, lastFailure: now, plugins: new Set() }
}

/**
 * podutil.UpdatePodCondition: replace the condition of that type, keeping its
 * lastTransitionTime unless the status changed. Returns the same array when nothing changed.
 */
export function setCondition(list: PodCondition[] | undefined, c: PodCondition, now: string): PodCondition[] {
  const cur = list ?? []
  const i = cur.findIndex((x) => x.type === c.type)
  if (i < 0) return [...cur, { ...c, lastTransitionTime: now }]
  const old = cur[i]
  const next = { ...c, lastTransitionTime: old.status === c.status ? old.lastTransitionTime : now }
  if (old.status === next.status && old.reason === next.reason && old.message === next.message) return cur
  return cur.map((x, j) => (j === i ? next : x))
}

function truncate(msg: string): string {
  return msg.length > MAX_MESSAGE ? msg.slice(0, MAX_MESSAGE - 3) + '...' : msg
}

function normalizedImage(image: string): string {
  const ref = parseImageRef(image)
  return 'error' in ref ? image : ref.full
}
