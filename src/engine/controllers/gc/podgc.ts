// Pod garbage collection, passes every 20 s: pods deleted before they reached a node, and pods bound to a node that
// no longer exists (40 s in quarantine first), are marked Failed and removed with grace 0, after k8s
// pkg/controller/podgc/gc_controller.go (gcUnscheduledTerminating, gcOrphaned, markFailedAndDeletePodWithCondition).
import { StatusError } from '../../api/errors.ts'
import type { WatchEvent } from '../../api/store.ts'
import type { Node, Pod, PodCondition } from '../../api/types.ts'
import type { ControllerContext } from '../../context.ts'
import type { Timer } from '../../kernel/kernel.ts'
import { rfc3339 } from '../../kernel/time.ts'

/** How often the pod GC runs (gcCheckPeriod). */
export const POD_GC_CHECK_PERIOD_MS = 20_000
/** How long a missing node stays in quarantine before its pods go (quarantineTime). */
export const POD_GC_QUARANTINE_MS = 40_000

export class PodGCController {
  /** Pods waiting for the next pass: uid → namespace/name. */
  private pending = new Map<string, [string | undefined, string]>()
  private pass: Timer | null = null
  private readonly start: number
  /** Missing nodes in quarantine (the nodeQueue's AddAfter): name → when they may be declared deleted. */
  private quarantine = new Map<string, number>()

  constructor(private ctx: ControllerContext) {
    this.start = ctx.kernel.now()
    ctx.store.watch((ev) => this.onPod(ev as WatchEvent<Pod>), 'Pod')
    ctx.store.watch((ev) => {
      if (ev.type === 'DELETED') this.schedulePass()
    }, 'Node')
  }

  private onPod(ev: WatchEvent<Pod>): void {
    const pod = ev.object
    const uid = pod.metadata.uid
    if (ev.type !== 'DELETED' && this.onMissingNode(pod)) this.schedulePass()
    if (ev.type === 'DELETED' || !unscheduledTerminating(pod)) {
      this.pending.delete(uid)
      return
    }
    this.pending.set(uid, [pod.metadata.namespace, pod.metadata.name])
    this.schedulePass()
  }

  /** Passes run every 20 s from the controller's start; only one that has work is kept on the clock. */
  private schedulePass(): void {
    if (this.pass) return
    const now = this.ctx.kernel.now()
    const next = this.start + (Math.floor((now - this.start) / POD_GC_CHECK_PERIOD_MS) + 1) * POD_GC_CHECK_PERIOD_MS
    this.pass = this.ctx.kernel.at(next, () => this.gc())
  }

  private onMissingNode(pod: Pod): boolean {
    const node = pod.spec.nodeName
    return !!node && !this.ctx.store.get<Node>('Node', undefined, node)
  }

  /** One pass (gc): orphaned pods, then the unscheduled terminating ones. */
  private gc(): void {
    this.pass = null
    this.gcOrphaned()
    this.gcUnscheduledTerminating()
    if (this.quarantine.size) this.schedulePass()
  }

  /**
   * gcOrphaned: a node that pods are bound to but that does not exist goes into a 40 s
   * quarantine; at the first pass after it, if the node is still missing, its pods are marked
   * Failed with DisruptionTarget (DeletionByPodGC) and deleted with grace 0.
   */
  private gcOrphaned(): void {
    const now = this.ctx.kernel.now()
    const orphans = this.ctx.store.list<Pod>('Pod').filter((p) => this.onMissingNode(p))
    for (const p of orphans) if (!this.quarantine.has(p.spec.nodeName!)) this.quarantine.set(p.spec.nodeName!, now + POD_GC_QUARANTINE_MS)
    const deleted = new Set<string>()
    for (const [node, readyAt] of this.quarantine) {
      if (readyAt > now) continue
      this.quarantine.delete(node)
      if (!this.ctx.store.get<Node>('Node', undefined, node)) deleted.add(node)
    }
    for (const pod of orphans) {
      if (!deleted.has(pod.spec.nodeName!)) continue
      const condition = { type: 'DisruptionTarget', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' }
      try {
        this.markFailedAndDeletePod(pod, condition)
      } catch (err) {
        if (!(err instanceof StatusError)) throw err
      }
    }
  }

  private gcUnscheduledTerminating(): void {
    const work = [...this.pending]
    this.pending.clear()
    for (const [uid, [ns, name]] of work) {
      const pod = this.ctx.store.get<Pod>('Pod', ns, name)
      if (!pod || pod.metadata.uid !== uid || !unscheduledTerminating(pod)) continue
      try {
        this.markFailedAndDeletePod(pod)
      } catch (err) {
        if (!(err instanceof StatusError)) throw err
      }
    }
  }

  /** Failed first (nothing else would ever finish it), with the condition if one is given, then a delete with grace 0. */
  private markFailedAndDeletePod(pod: Pod, condition?: Pick<PodCondition, 'type' | 'reason' | 'message'>): void {
    const phase = pod.status?.phase
    if (phase !== 'Succeeded' && phase !== 'Failed') {
      const status = { ...pod.status, phase: 'Failed' as const }
      if (condition) {
        const now = rfc3339(this.ctx.kernel.now())
        const rest = (status.conditions ?? []).filter((c) => c.type !== condition.type)
        status.conditions = [...rest, { ...condition, status: 'True', lastProbeTime: null, lastTransitionTime: now }]
      }
      this.ctx.api.updateStatus(pod, status)
    }
    this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 })
  }
}

function unscheduledTerminating(pod: Pod): boolean {
  return !!pod.metadata.deletionTimestamp && !pod.spec.nodeName
}
