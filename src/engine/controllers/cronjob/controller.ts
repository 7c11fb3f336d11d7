// The CronJob controller v2 (k8s pkg/controller/cronjob/cronjob_controllerv2.go): informer
// handlers deciding when a CronJob syncs, a work queue on virtual time, and client-go's
// per-item exponential back-off (5 ms doubling, 1000 s cap) after errors.
import type { WatchEvent } from '../../api/store.ts'
import type { CronJob, Job, KObject, OwnerReference } from '../../api/types.ts'
import type { ControllerContext } from '../../context.ts'
import { CronError, loadLocation, parseStandardCached, UTC, type Zone } from '../../cron/index.ts'
import { WorkQueue } from '../../kernel/workqueue.ts'
import { formatSchedule, nextScheduleTimeDuration, SOURCE } from './schedule-utils.ts'
import { sync, type SyncDeps, type SyncResult } from './sync.ts'
import { cronJobKey, getControllerOf } from './utils.ts'

const BASE_DELAY_MS = 5
const MAX_DELAY_MS = 1000 * 1000

export class CronJobController {
  readonly queue: WorkQueue
  private deps: SyncDeps
  private failures = new Map<string, number>()
  /** Jobs by namespace/controller-name, as getJobsToBeReconciled selects them (name only, no UID). */
  private jobsByController = new Map<string, Map<string, Job>>()

  constructor(readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.kernel, (key) => this.processNextWorkItem(key))
    this.deps = {
      api: ctx.api,
      recorder: ctx.recorder,
      trace: ctx.trace,
      now: () => ctx.kernel.now(),
      local: controllerZone(ctx.config.controllerTimeZone),
      jobsFor: (cj) => [...(this.jobsByController.get(cronJobKey(cj.metadata.namespace, cj.metadata.name))?.values() ?? [])],
    }
    ctx.store.watch((ev) => this.onJob(ev as WatchEvent<Job>), 'Job')
    ctx.store.watch((ev) => this.onCronJob(ev as WatchEvent<CronJob>), 'CronJob')
    // The informers' initial list: objects that exist before the controller starts.
    for (const job of ctx.store.list<Job>('Job')) {
      const ref = getControllerOf(job)
      if (ref) this.index(job, ref)
    }
    for (const cj of ctx.store.list<CronJob>('CronJob')) this.enqueue(cj)
  }

  /** Run one sync now, outside the queue (tests compare its result with upstream's). */
  syncNow(namespace: string | undefined, name: string): SyncResult {
    return sync(this.deps, namespace, name)
  }

  private processNextWorkItem(key: string): void {
    const slash = key.indexOf('/')
    const r = sync(this.deps, key.slice(0, slash) || undefined, key.slice(slash + 1))
    if (r.err) {
      const n = this.failures.get(key) ?? 0
      this.failures.set(key, n + 1)
      this.queue.add(key, Math.min(BASE_DELAY_MS * 2 ** n, MAX_DELAY_MS))
    } else if (r.requeueAfter !== null) {
      this.failures.delete(key)
      this.queue.add(key, r.requeueAfter)
    }
  }

  private enqueue(obj: KObject, delay = 0): void {
    this.queue.add(cronJobKey(obj.metadata.namespace, obj.metadata.name), delay)
  }

  private onCronJob(ev: WatchEvent<CronJob>): void {
    if (ev.type === 'MODIFIED' && ev.old) this.updateCronJob(ev.old, ev.object)
    else this.enqueue(ev.object)
  }

  /** A schedule or time-zone change waits for the new schedule's next time; anything else syncs now. */
  private updateCronJob(old: CronJob, cur: CronJob): void {
    if (old.spec.schedule === cur.spec.schedule && (old.spec.timeZone ?? null) === (cur.spec.timeZone ?? null)) {
      this.enqueue(cur)
      return
    }
    let sched
    try {
      sched = parseStandardCached(formatSchedule(cur, null), this.deps.local)
    } catch (e) {
      if (!(e instanceof CronError)) throw e
      this.ctx.recorder.event(cur, 'Warning', 'UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${cur.spec.schedule}`, SOURCE)
      return
    }
    this.enqueue(cur, nextScheduleTimeDuration(cur, this.ctx.kernel.now(), sched))
  }

  private onJob(ev: WatchEvent<Job>): void {
    const job = ev.object
    const ref = getControllerOf(job)
    if (ev.type === 'DELETED') {
      if (ref) this.unindex(job, ref)
      this.enqueueOwner(job, ref)
      return
    }
    if (ev.type === 'MODIFIED' && ev.old) {
      if (ev.old.metadata.resourceVersion === job.metadata.resourceVersion) return
      const oldRef = getControllerOf(ev.old)
      if (oldRef && oldRef.name !== ref?.name) this.unindex(ev.old, oldRef)
      if (ref) this.index(job, ref)
      if (oldRef && !sameRef(oldRef, ref)) this.enqueueOwner(ev.old, oldRef)
      this.enqueueOwner(job, ref)
      return
    }
    if (ref) this.index(job, ref)
    this.enqueueOwner(job, ref)
  }

  /** resolveControllerRef: only a CronJob with the referenced name and UID is woken. */
  private enqueueOwner(job: Job, ref: OwnerReference | undefined): void {
    if (!ref || ref.kind !== 'CronJob') return
    const cj = this.ctx.store.get<CronJob>('CronJob', job.metadata.namespace, ref.name)
    if (cj && cj.metadata.uid === ref.uid) this.enqueue(cj)
  }

  /** Keep the Job under its controller's name; an update keeps its place in the listing. */
  private index(job: Job, ref: OwnerReference): void {
    const key = cronJobKey(job.metadata.namespace, ref.name)
    let m = this.jobsByController.get(key)
    if (!m) this.jobsByController.set(key, (m = new Map()))
    m.set(job.metadata.name, job)
  }

  private unindex(job: Job, ref: OwnerReference): void {
    const key = cronJobKey(job.metadata.namespace, ref.name)
    const m = this.jobsByController.get(key)
    if (!m) return
    m.delete(job.metadata.name)
    if (!m.size) this.jobsByController.delete(key)
  }
}

function sameRef(a: OwnerReference, b: OwnerReference | undefined): boolean {
  return !!b && a.apiVersion === b.apiVersion && a.kind === b.kind && a.name === b.name && a.uid === b.uid && a.controller === b.controller && a.blockOwnerDeletion === b.blockOwnerDeletion
}

function controllerZone(name: string): Zone {
  try {
    return loadLocation(name)
  } catch {
    return UTC
  }
}
