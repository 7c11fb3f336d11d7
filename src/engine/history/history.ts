// Keeps the history of a lab from the store's watch stream: pod lanes, Job
// records, CronJob ticks and the events. Bounded: the oldest finished lanes and
// records are dropped past a limit, so a simulated year does not grow memory.
import type { Store, WatchEvent } from '../api/store.ts'
import type { CronJob, Event, Job, KObject, Pod } from '../api/types.ts'
import type { Kernel } from '../kernel/kernel.ts'
import { SYSTEM_NAMESPACES } from '../system/namespaces.ts'
import { BoundedLog } from './bounded-log.ts'
import { laneStatus } from './lane-state.ts'
import type { CronTick, EventRecord, JobRecord, PodLane } from './types.ts'

export interface HistoryLimits {
  pods: number
  jobs: number
  ticks: number
  events: number
}

const DEFAULT_LIMITS: HistoryLimits = { pods: 5000, jobs: 2000, ticks: 5000, events: 10000 }
const MANUAL_ANNOTATION = 'cronjob.kubernetes.io/instantiate'
const TRACE_TICKS: Record<string, CronTick['kind']> = { 'cronjob.created': 'created', 'cronjob.skipped': 'skipped', 'cronjob.replaced': 'replaced' }

export class History {
  readonly pods = new Map<string, PodLane>()
  readonly jobs = new Map<string, JobRecord>()
  private tickLog: BoundedLog<CronTick>
  private eventLog: BoundedLog<EventRecord>
  /** Bumped on every change, so a renderer can tell when to redraw. */
  version = 0
  private unwatch: (() => void)[] = []
  /** Lanes and records that may be trimmed (deleted objects): none, and trimming has nothing to scan for. */
  private deletedLanes = 0
  private deletedJobs = 0
  private limits: HistoryLimits

  constructor(
    private kernel: Kernel,
    store: Store,
    limits: Partial<HistoryLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits }
    this.tickLog = new BoundedLog(this.limits.ticks)
    this.eventLog = new BoundedLog(this.limits.events)
    this.unwatch.push(store.watch((e) => this.onPod(e as WatchEvent<Pod>), 'Pod'))
    this.unwatch.push(store.watch((e) => this.onJob(e as WatchEvent<Job>), 'Job'))
    this.unwatch.push(store.watch((e) => this.onEvent(e as WatchEvent<Event>), 'Event'))
  }

  /** CronJob ticks, oldest first (the newest `limits.ticks`). */
  get ticks(): readonly CronTick[] {
    return this.tickLog.entries()
  }

  /** Events as they were recorded, oldest first (the newest `limits.events`). */
  get events(): readonly EventRecord[] {
    return this.eventLog.entries()
  }

  stop(): void {
    for (const u of this.unwatch) u()
    this.unwatch = []
  }

  private now(): number {
    return this.kernel.now()
  }

  private onPod(e: WatchEvent<Pod>): void {
    const pod = e.object
    // The cluster's own pods (control plane, kube-proxy, CoreDNS...) are no part of the student's lab.
    if (SYSTEM_NAMESPACES.has(pod.metadata.namespace ?? '')) return
    const uid = pod.metadata.uid
    let lane = this.pods.get(uid)
    if (!lane) {
      if (e.type === 'DELETED') return
      lane = newLane(pod, this.now())
      this.pods.set(uid, lane)
      const job = lane.jobUid ? this.jobs.get(lane.jobUid) : undefined
      if (job) {
        job.podUids.push(uid)
        lane.cronJobName = job.cronJobName
      }
      if (this.deletedLanes) this.deletedLanes -= trim(this.pods, this.limits.pods, (l) => l.deletedAt !== undefined)
    }
    this.version++
    const now = this.now()
    if (pod.spec.nodeName && !lane.node) {
      lane.node = pod.spec.nodeName
      lane.scheduledAt = now
    }
    lane.phase = pod.status?.phase ?? lane.phase
    this.markRestarts(lane, pod, now)
    if (e.type === 'DELETED') {
      if (lane.deletedAt === undefined) this.deletedLanes++
      lane.deletedAt = now
      closeSegment(lane, now)
      return
    }
    const { state, status } = laneStatus(pod)
    const open = lane.segments[lane.segments.length - 1]
    if (!open || open.state !== state || open.status !== status) {
      closeSegment(lane, now)
      lane.segments.push({ state, status, from: now, to: null })
    }
    if (state === 'Running' && lane.firstRunningAt === undefined) lane.firstRunningAt = now
    if (state === 'Succeeded' || state === 'Failed') lane.finishedAt ??= now
  }

  private markRestarts(lane: PodLane, pod: Pod, now: number): void {
    for (const c of pod.status?.containerStatuses ?? []) {
      const seen = lane.restarts.filter((r) => r.container === c.name).length
      for (let n = seen + 1; n <= c.restartCount; n++) {
        const t = c.lastState?.terminated
        lane.restarts.push({ at: now, count: n, container: c.name, exitCode: t?.exitCode, reason: t?.reason })
      }
    }
  }

  private onJob(e: WatchEvent<Job>): void {
    const job = e.object
    const uid = job.metadata.uid
    let rec = this.jobs.get(uid)
    if (!rec) {
      if (e.type === 'DELETED') return
      rec = newJobRecord(job, this.now())
      this.jobs.set(uid, rec)
      if (rec.manual && rec.cronJobName) this.addTick({ cronJob: rec.cronJobName, namespace: rec.namespace, kind: 'manual', at: this.now(), jobName: rec.name })
      if (this.deletedJobs) this.deletedJobs -= trim(this.jobs, this.limits.jobs, (r) => r.deletedAt !== undefined)
    }
    this.version++
    if (e.type === 'DELETED') {
      if (rec.deletedAt === undefined) this.deletedJobs++
      rec.deletedAt = this.now()
      return
    }
    const st = job.status ?? {}
    if (st.startTime) rec.startTime = Date.parse(st.startTime)
    for (const c of st.conditions ?? []) {
      if (c.status !== 'True' || rec.outcome) continue
      if (c.type === 'Complete' || c.type === 'Failed') {
        rec.outcome = c.type
        rec.reason = c.reason
        rec.finishedAt = this.now()
      }
    }
    rec.ttlSecondsAfterFinished = job.spec.ttlSecondsAfterFinished
    rec.activeDeadlineSeconds = job.spec.activeDeadlineSeconds
    rec.parallelism = job.spec.parallelism
    rec.backoffLimit = job.spec.backoffLimit
  }

  private onEvent(e: WatchEvent<Event>): void {
    if (e.type === 'DELETED') return
    const ev = e.object
    if (SYSTEM_NAMESPACES.has(ev.metadata.namespace ?? '')) return
    const prevCount = e.old?.count ?? 0
    if (e.type === 'MODIFIED' && ev.count <= prevCount) return
    const at = this.now()
    const inv = ev.involvedObject
    this.eventLog.push({ at, type: ev.type, reason: ev.reason, message: ev.message, kind: inv.kind ?? '', name: inv.name ?? '', namespace: inv.namespace ?? '' })
    this.version++
  }

  /** A controller's traced decision (ControllerContext.trace): CronJob ticks come from here. */
  onTrace(kind: string, obj: KObject, detail: Record<string, unknown>): void {
    const tick = TRACE_TICKS[kind]
    if (!tick) return
    const scheduledAt = typeof detail.scheduledTime === 'number' ? detail.scheduledTime : undefined
    this.addTick({ cronJob: obj.metadata.name, namespace: obj.metadata.namespace ?? 'default', kind: tick, at: this.now(), jobName: detail.job as string | undefined, scheduledAt })
  }

  private addTick(t: CronTick): void {
    this.tickLog.push(t)
    this.version++
  }

  /** Lanes of one Job, in creation order. */
  lanesOfJob(jobUid: string): PodLane[] {
    const rec = this.jobs.get(jobUid)
    return rec ? rec.podUids.map((u) => this.pods.get(u)).filter((l): l is PodLane => !!l) : []
  }

  /** Most pods of a Job that were Running at the same moment. */
  maxConcurrentRunning(jobUid: string): number {
    const edges: [number, number][] = []
    for (const lane of this.lanesOfJob(jobUid))
      for (const s of lane.segments) if (s.state === 'Running') edges.push([s.from, 1], [s.to ?? this.now(), -1])
    edges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
    let cur = 0, max = 0
    for (const [, d] of edges) max = Math.max(max, (cur += d))
    return max
  }

  findJob(name: string, namespace = 'default'): JobRecord | undefined {
    let found: JobRecord | undefined
    for (const r of this.jobs.values()) if (r.name === name && r.namespace === namespace) found = r
    return found
  }

  /** Cheap description of the cluster's CronJobs, for callers that need the owner of a tick. */
  static isCronJob(o: KObject): o is CronJob {
    return o.kind === 'CronJob'
  }
}

function newLane(pod: Pod, now: number): PodLane {
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Job')
  return {
    uid: pod.metadata.uid,
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? 'default',
    jobName: owner?.name,
    jobUid: owner?.uid,
    restartPolicy: pod.spec.restartPolicy,
    createdAt: now,
    segments: [],
    restarts: [],
    phase: pod.status?.phase ?? 'Pending',
  }
}

function newJobRecord(job: Job, now: number): JobRecord {
  const owner = job.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'CronJob')
  return {
    uid: job.metadata.uid,
    name: job.metadata.name,
    namespace: job.metadata.namespace ?? 'default',
    cronJobName: owner?.name,
    manual: job.metadata.annotations?.[MANUAL_ANNOTATION] === 'manual',
    createdAt: now,
    completions: job.spec.completions,
    parallelism: job.spec.parallelism,
    backoffLimit: job.spec.backoffLimit,
    activeDeadlineSeconds: job.spec.activeDeadlineSeconds,
    ttlSecondsAfterFinished: job.spec.ttlSecondsAfterFinished,
    restartPolicy: job.spec.template?.spec?.restartPolicy,
    claims: claimsOf(job),
    podUids: [],
  }
}

function claimsOf(job: Job): string[] | undefined {
  const names = (job.spec.template?.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []))
  return names.length ? names : undefined
}

function closeSegment(lane: PodLane, now: number): void {
  const open = lane.segments[lane.segments.length - 1]
  if (open && open.to === null) open.to = now
}

/** Drop the oldest entries that may go, until the map is within its limit; returns how many went. */
function trim<T>(m: Map<string, T>, limit: number, removable: (v: T) => boolean): number {
  if (m.size <= limit) return 0
  let dropped = 0
  for (const [k, v] of m) {
    if (m.size <= limit) break
    if (removable(v)) {
      m.delete(k)
      dropped++
    }
  }
  return dropped
}
