// The Job controller (k8s pkg/controller/job/job_controller.go): watches Jobs and pods and queues syncJob with
// upstream's delays (spec change at once, pod events and status updates batched 1 s, errors 1 s doubling to 1 min);
// adopts orphan pods its selector matches, releases its pods that stop matching, strips the finalizer from orphans.
import { StatusError } from '../../api/errors.ts'
import type { WatchEvent } from '../../api/store.ts'
import type { Job, LabelSelector, Pod } from '../../api/types.ts'
import type { ControllerContext } from '../../context.ts'
import { WorkQueue } from '../../kernel/workqueue.ts'
import { BackoffStore } from './backoff-utils.ts'
import { appendJobCompletionFinalizerIfNotFound, isNotFound, newControllerRef, PodControl } from './pod-control.ts'
import { syncJob as runSyncJob } from './sync-job.ts'
import type { JobControllerHandle } from './types.ts'
import {
  DEFAULT_JOB_API_BACKOFF,
  MAX_JOB_API_BACKOFF,
  JOB_TRACKING_FINALIZER,
  SYNC_JOB_BATCH_PERIOD,
  getControllerOf,
  hasJobTrackingFinalizer,
  isJobFinished,
  jobKey,
  managedByExternalController,
  splitKey,
  timeMs,
} from './utils.ts'

export class JobController implements JobControllerHandle {
  readonly podControl: PodControl
  readonly podBackoffStore = new BackoffStore()
  readonly queue: WorkQueue
  private orphanQueue: WorkQueue
  /** Failed syncs per Job, for the rate-limited requeue. */
  private apiFailures = new Map<string, number>()
  /** Pod creation order (uid → sequence), so pods are handled oldest first. */
  private created = new Map<string, number>()
  private seq = 0
  /**
   * Jobs that gained a pod after its creation (its controller reference changed):
   * only their pods can be out of creation order in the store's controller index.
   */
  private adopted = new Set<string>()
  /** Pods with no controller that are not being deleted ("namespace/name"): the ones a Job may adopt. */
  private orphans = new Set<string>()

  constructor(readonly ctx: ControllerContext) {
    this.podControl = new PodControl(ctx)
    this.queue = new WorkQueue(ctx.kernel, (key) => this.processNextWorkItem(key))
    this.orphanQueue = new WorkQueue(ctx.kernel, (key) => this.syncOrphanPod(key))
    ctx.store.watch((ev) => this.onJob(ev as WatchEvent<Job>), 'Job')
    ctx.store.watch((ev) => this.onPod(ev as WatchEvent<Pod>), 'Pod')
  }

  now(): number {
    return this.ctx.kernel.now()
  }

  addAfter(key: string, delayMs: number): void {
    this.queue.add(key, Math.max(0, delayMs))
  }

  enqueueSyncJobWithDelay(key: string, delayMs: number): void {
    this.queue.add(key, Math.max(delayMs, SYNC_JOB_BATCH_PERIOD))
  }

  /** One pass of syncJob for the Job with this "namespace/name" key (tests call it directly). */
  syncJob(key: string): void {
    runSyncJob(this, key, (job) => this.getPodsForJob(job))
  }

  private processNextWorkItem(key: string): void {
    try {
      this.syncJob(key)
      this.apiFailures.delete(key)
    } catch (err) {
      if (!(err instanceof StatusError)) throw err
      const n = this.apiFailures.get(key) ?? 0
      this.apiFailures.set(key, n + 1)
      this.queue.add(key, Math.min(DEFAULT_JOB_API_BACKOFF * 2 ** n, MAX_JOB_API_BACKOFF))
    }
  }

  private onJob(ev: WatchEvent<Job>): void {
    const key = jobKey(ev.object)
    if (ev.type === 'ADDED') this.queue.add(key, 0)
    else if (ev.type === 'MODIFIED') this.updateJob(ev.old!, ev.object)
    else {
      this.queue.add(key, 0)
      this.cleanupPodFinalizers(ev.object)
    }
  }

  private updateJob(old: Job, cur: Job): void {
    const key = jobKey(cur)
    // A spec change syncs at once; a status-only update waits for the batch period.
    this.queue.add(key, cur.metadata.generation === old.metadata.generation ? SYNC_JOB_BATCH_PERIOD : 0)
    if (isJobFinished(cur)) this.cleanupPodFinalizers(cur)
    const start = timeMs(cur.status?.startTime)
    const ads = cur.spec.activeDeadlineSeconds
    if (Number.isNaN(start) || ads === undefined || ads === null) return
    if (old.spec.activeDeadlineSeconds !== ads) this.addAfter(key, ads * 1000 - (this.now() - start))
  }

  private onPod(ev: WatchEvent<Pod>): void {
    const pod = ev.object
    if (ev.type !== 'DELETED' && !pod.metadata.deletionTimestamp && !getControllerOf(pod)) this.orphans.add(jobKey(pod))
    else this.orphans.delete(jobKey(pod))
    if (ev.type === 'ADDED') {
      this.created.set(pod.metadata.uid, this.seq++)
      if (pod.metadata.deletionTimestamp) this.deletePod(pod)
      else this.addPod(pod)
    } else if (ev.type === 'MODIFIED') {
      const ref = getControllerOf(pod)
      if (ref && ref.uid !== getControllerOf(ev.old!)?.uid) this.adopted.add(ref.uid)
      this.updatePod(ev.old!, pod)
    } else {
      this.created.delete(pod.metadata.uid)
      this.deletePod(pod)
    }
  }

  private addPod(pod: Pod): void {
    const ref = getControllerOf(pod)
    if (ref) {
      const job = this.resolveControllerRef(pod.metadata.namespace, ref)
      if (job) this.queue.add(jobKey(job), SYNC_JOB_BATCH_PERIOD)
      return
    }
    if (hasJobTrackingFinalizer(pod)) this.enqueueOrphanPod(pod)
    // An orphan: the Jobs whose selector matches it may want to adopt it.
    this.enqueueMatchingJobs(pod)
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (cur.metadata.deletionTimestamp) {
      // Do not wait for the kubelet to remove a terminating pod: replace it now.
      this.deletePod(cur)
      return
    }
    const curRef = getControllerOf(cur)
    const oldRef = getControllerOf(old)
    if (oldRef && oldRef.uid !== curRef?.uid) {
      const job = this.resolveControllerRef(old.metadata.namespace, oldRef)
      if (job) this.queue.add(jobKey(job), SYNC_JOB_BATCH_PERIOD)
    }
    if (curRef) {
      const job = this.resolveControllerRef(cur.metadata.namespace, curRef)
      if (job) this.queue.add(jobKey(job), SYNC_JOB_BATCH_PERIOD)
      return
    }
    if (hasJobTrackingFinalizer(cur)) this.enqueueOrphanPod(cur)
    if (oldRef || !sameLabels(old.metadata.labels, cur.metadata.labels)) this.enqueueMatchingJobs(cur)
  }

  /** getPodJobs: the Jobs of the pod's namespace with a non-empty selector that matches its labels. */
  private enqueueMatchingJobs(pod: Pod): void {
    const labels = pod.metadata.labels ?? EMPTY_LABELS
    for (const job of this.ctx.store.list<Job>('Job', pod.metadata.namespace)) {
      const sel = job.spec.selector
      if (!sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length)) continue
      if (selectorMatcher(sel)(labels)) this.queue.add(jobKey(job), SYNC_JOB_BATCH_PERIOD)
    }
  }

  private deletePod(pod: Pod): void {
    const ref = getControllerOf(pod)
    const job = ref && this.resolveControllerRef(pod.metadata.namespace, ref)
    if (!job || isJobFinished(job)) {
      // syncJob will not remove this finalizer: the pod is an orphan now.
      if (hasJobTrackingFinalizer(pod)) this.enqueueOrphanPod(pod)
      return
    }
    this.queue.add(jobKey(job), SYNC_JOB_BATCH_PERIOD)
  }

  private resolveControllerRef(ns: string | undefined, ref: { kind: string; name: string; uid: string }): Job | undefined {
    if (ref.kind !== 'Job') return undefined
    const job = this.ctx.store.get<Job>('Job', ns, ref.name)
    return job && job.metadata.uid === ref.uid ? job : undefined
  }

  private enqueueOrphanPod(pod: Pod): void {
    this.orphanQueue.add(jobKey(pod), 0)
  }

  /** Finished or deleted Jobs leave their pods' finalizers to the orphan worker. */
  private cleanupPodFinalizers(job: Job): void {
    for (const o of this.ctx.store.dependents(job.metadata.uid)) {
      if (o.kind === 'Pod' && getControllerOf(o)?.uid === job.metadata.uid && hasJobTrackingFinalizer(o)) this.enqueueOrphanPod(o as Pod)
    }
  }

  /** Remove the tracking finalizer from a pod whose Job is gone or finished (syncOrphanPod). */
  private syncOrphanPod(key: string): void {
    const [ns, name] = splitKey(key)
    const pod = this.ctx.store.get<Pod>('Pod', ns, name)
    if (!pod) return
    const ref = getControllerOf(pod)
    if (ref) {
      if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return
      const job = this.resolveControllerRef(ns, ref)
      if (job && managedByExternalController(job)) return
      if (job && !isJobFinished(job)) return
    }
    try {
      this.podControl.removeTrackingFinalizer(pod)
    } catch (err) {
      if (!isNotFound(err)) this.orphanQueue.add(key, DEFAULT_JOB_API_BACKOFF)
    }
  }

  /**
   * The pods this Job controls (the store's controller index, never a list of all
   * pods), oldest first: ClaimPods, which first adopts the orphans the selector
   * matches and releases the pods whose labels stopped matching it.
   */
  getPodsForJob(job: Job): Pod[] {
    const uid = job.metadata.uid
    const matches = job.spec.selector ? selectorMatcher(job.spec.selector) : undefined
    if (matches && !job.metadata.deletionTimestamp && this.orphans.size) this.adoptOrphans(job, matches)
    const pods: Pod[] = []
    let released: Pod[] | undefined
    for (const o of this.ctx.store.controlled(uid)) {
      if (o.kind !== 'Pod') continue
      const pod = o as Pod
      if (matches && !matches(pod.metadata.labels ?? EMPTY_LABELS)) {
        if (!job.metadata.deletionTimestamp) (released ??= []).push(pod)
        continue
      }
      pods.push(pod)
    }
    if (released) for (const pod of released) this.releasePod(pod, uid)
    // The index is in creation order unless a pod came under this Job later.
    if (!this.adopted.has(uid)) return pods
    const seq = (p: Pod) => this.created.get(p.metadata.uid) ?? Infinity
    return pods.sort((a, b) => seq(a) - seq(b))
  }

  /**
   * AdoptPod for each orphan of the Job's namespace that its selector matches, finished
   * ones too: one patch adds the controller reference and the tracking finalizer, so the
   * pod counts for this Job from now on (k8s pkg/controller/controller_ref_manager.go
   * ClaimObject and ownerRefControllerPatch; job_controller.go getPodsForJob).
   */
  private adoptOrphans(job: Job, matches: (labels: Record<string, string>) => boolean): void {
    const ns = job.metadata.namespace ?? ''
    const prefix = ns + '/'
    for (const key of [...this.orphans]) {
      if (!key.startsWith(prefix)) continue
      const pod = this.ctx.store.get<Pod>('Pod', ns, key.slice(prefix.length))
      if (!pod || pod.metadata.deletionTimestamp || getControllerOf(pod) || !matches(pod.metadata.labels ?? EMPTY_LABELS)) continue
      this.ctx.api.updateMeta(pod, {
        ownerReferences: [...(pod.metadata.ownerReferences ?? []), newControllerRef(job)],
        finalizers: appendJobCompletionFinalizerIfNotFound(pod.metadata.finalizers),
      })
      this.adopted.add(job.metadata.uid)
    }
  }

  /** ReleasePod: one patch drops this Job's reference and the tracking finalizer. */
  private releasePod(pod: Pod, ownerUid: string): void {
    const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid)
    const fins = (pod.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER)
    try {
      this.ctx.api.updateMeta(pod, { ownerReferences: refs.length ? refs : undefined, finalizers: fins.length ? fins : undefined })
    } catch (err) {
      if (!isNotFound(err)) throw err
    }
  }
}

const EMPTY_LABELS: Record<string, string> = {}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {}), kb = Object.keys(b ?? {})
  return ka.length === kb.length && ka.every((k) => b![k] === a![k])
}
const matchers = new WeakMap<LabelSelector, (labels: Record<string, string>) => boolean>()

/** selectorMatches, with the selector's parts read once per (immutable) selector object. */
function selectorMatcher(sel: LabelSelector): (labels: Record<string, string>) => boolean {
  let m = matchers.get(sel)
  if (m) return m
  const want = Object.entries(sel.matchLabels ?? {})
  const exprs = sel.matchExpressions ?? []
  m = (labels) => {
    for (let i = 0; i < want.length; i++) if (labels[want[i][0]] !== want[i][1]) return false
    return !exprs.length || selectorMatches({ matchExpressions: exprs }, labels)
  }
  matchers.set(sel, m)
  return m
}

/** metav1.LabelSelectorAsSelector(...).Matches: matchLabels and matchExpressions, all must hold. */
export function selectorMatches(sel: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key)
    const values = e.values ?? []
    if (e.operator === 'In' && !(has && values.includes(labels[e.key]))) return false
    if (e.operator === 'NotIn' && has && values.includes(labels[e.key])) return false
    if (e.operator === 'Exists' && !has) return false
    if (e.operator === 'DoesNotExist' && has) return false
  }
  return true
}
