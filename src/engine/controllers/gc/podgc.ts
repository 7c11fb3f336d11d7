// Pod garbage collection for pods deleted before they reached a node: no kubelet will ever finish them, so at the
// next 20-second pass they are marked Failed and removed with grace 0, after k8s pkg/controller/podgc/gc_controller.go
// (gcUnscheduledTerminating, markFailedAndDeletePodWithCondition, gcCheckPeriod).
import { StatusError } from '../../api/errors.ts'
import type { WatchEvent } from '../../api/store.ts'
import type { Pod } from '../../api/types.ts'
import type { ControllerContext } from '../../context.ts'
import type { Timer } from '../../kernel/kernel.ts'

/** How often the pod GC runs (gcCheckPeriod). */
export const POD_GC_CHECK_PERIOD_MS = 20_000

export class PodGCController {
  /** Pods waiting for the next pass: uid → namespace/name. */
  private pending = new Map<string, [string | undefined, string]>()
  private pass: Timer | null = null
  private readonly start: number

  constructor(private ctx: ControllerContext) {
    this.start = ctx.kernel.now()
    ctx.store.watch((ev) => this.onPod(ev as WatchEvent<Pod>), 'Pod')
  }

  private onPod(ev: WatchEvent<Pod>): void {
    const pod = ev.object
    const uid = pod.metadata.uid
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
    this.pass = this.ctx.kernel.at(next, () => this.gcUnscheduledTerminating())
  }

  private gcUnscheduledTerminating(): void {
    this.pass = null
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

  /** Failed first (nothing else would ever finish it), then a delete with grace 0. */
  private markFailedAndDeletePod(pod: Pod): void {
    const phase = pod.status?.phase
    if (phase !== 'Succeeded' && phase !== 'Failed') this.ctx.api.updateStatus(pod, { ...pod.status, phase: 'Failed' })
    this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 })
  }
}

function unscheduledTerminating(pod: Pod): boolean {
  return !!pod.metadata.deletionTimestamp && !pod.spec.nodeName
}
