// A cluster core for controller tests: kernel, store, API server with a passthrough admission, a logging event recorder,
// the GC, Job and TTL controllers, and helpers that play the kubelet's part by writing pod statuses.
import { ApiServer, type Admission } from '../../api/server.ts'
import { Store } from '../../api/store.ts'
import type { ContainerStatus, Job, JobSpec, JobStatus, KObject, Node, Pod, PodCondition } from '../../api/types.ts'
import type { ClusterConfig, ControllerContext } from '../../context.ts'
import { StoreEventRecorder, type EventRecorder, type EventSource } from '../../events/recorder.ts'
import { Kernel } from '../../kernel/kernel.ts'
import { rfc3339 } from '../../kernel/time.ts'
import { GarbageCollector } from '../gc/controller.ts'
import { TtlAfterFinishedController } from '../ttl.ts'
import { JobController } from './controller.ts'
import { FakeKubelet, type KubeletPlan } from './testing-kubelet.ts'
import { newControllerRef } from './pod-control.ts'
import { JOB_COMPLETION_INDEX_ANNOTATION, JOB_TRACKING_FINALIZER, jobKey } from './utils.ts'

export const HARNESS_START = Date.UTC(2026, 0, 1)

export interface HarnessOptions {
  seed?: number
  /** A fake kubelet that starts pods when created and runs them by this plan. */
  kubelet?: KubeletPlan
}

export interface LoggedEvent {
  /** Virtual seconds since the harness start. */
  t: number
  type: string
  reason: string
  message: string
  object: string
  component: string
}

/** Admission that changes nothing but what the apiserver's strategies always do for pods. */
const passthroughAdmission: Admission = {
  create: (obj) => (obj.kind === 'Pod' && !obj.status ? { ...obj, status: { phase: 'Pending' } } : obj),
  update: (obj) => obj,
  specChanged: (obj, old) => JSON.stringify(obj.spec) !== JSON.stringify(old.spec),
}

export class Harness {
  readonly kernel: Kernel
  readonly store: Store
  readonly api: ApiServer
  readonly ctx: ControllerContext
  readonly gc: GarbageCollector
  readonly jobs: JobController
  readonly ttl: TtlAfterFinishedController
  readonly kubelet?: FakeKubelet
  readonly log: LoggedEvent[] = []
  private podSeq = 0

  constructor(opts: HarnessOptions = {}) {
    const config: ClusterConfig = { seed: opts.seed ?? 1, start: HARNESS_START, controllerTimeZone: 'UTC' }
    this.kernel = new Kernel(HARNESS_START, config.seed)
    this.store = new Store(this.kernel)
    this.api = new ApiServer(this.store, this.kernel, passthroughAdmission)
    const inner = new StoreEventRecorder(this.kernel, this.store)
    const recorder: EventRecorder = {
      event: (obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource) => {
        this.log.push({ t: this.t(), type, reason, message, object: `${obj.kind}/${obj.metadata.name}`, component: source.component })
        inner.event(obj, type, reason, message, source)
      },
    }
    this.ctx = { kernel: this.kernel, store: this.store, api: this.api, recorder, config }
    // The node the fake kubelet binds pods to: the pod GC collects pods bound to a node that does not exist.
    this.store.create<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node01', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: {}, status: {} } as Node)
    this.gc = new GarbageCollector(this.ctx)
    this.jobs = new JobController(this.ctx)
    this.ttl = new TtlAfterFinishedController(this.ctx)
    if (opts.kubelet) this.kubelet = new FakeKubelet(this.ctx, opts.kubelet)
  }

  /** Virtual seconds since the start. */
  t(): number {
    return (this.kernel.now() - HARNESS_START) / 1000
  }

  /** Run everything that happens in the next `s` virtual seconds. */
  advance(s: number): void {
    this.kernel.advance(Math.round(s * 1000))
  }

  /** Run everything up to `s` seconds after the start. */
  advanceTo(s: number): void {
    this.kernel.runUntil(HARNESS_START + Math.round(s * 1000))
  }

  /** "Normal SuccessfulCreate Created pod: x" lines (with "@t " when `timed`), in the order they were recorded. */
  events(timed = false): string[] {
    return this.log.map((e) => `${timed ? `@${e.t} ` : ''}${e.type} ${e.reason} ${e.message}`)
  }

  /** Create a Job the way the API server would store it: defaulted, with generated selector and labels. */
  createJob(spec: Partial<JobSpec>, opts: { name?: string; namespace?: string; status?: JobStatus } = {}): Job {
    const job = defaultJob(opts.name ?? 'foobar', opts.namespace ?? 'default', spec, opts.status)
    const created = this.api.create(job)
    const uid = created.metadata.uid
    const generated = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': created.metadata.name, 'controller-uid': uid, 'job-name': created.metadata.name }
    const tmplLabels = { ...generated, ...(created.spec.template.metadata?.labels ?? {}) }
    return this.store.update<Job>({
      ...created,
      metadata: { ...created.metadata, labels: created.metadata.labels ?? tmplLabels },
      spec: {
        ...created.spec,
        selector: created.spec.selector ?? { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
        template: { ...created.spec.template, metadata: { ...created.spec.template.metadata, labels: tmplLabels } },
      },
    })
  }

  job(name = 'foobar', ns = 'default'): Job {
    const j = this.store.get<Job>('Job', ns, name)
    if (!j) throw new Error(`no Job ${ns}/${name}`)
    return j
  }

  /** The Job's pods that still exist, oldest first. */
  pods(name = 'foobar', ns = 'default'): Pod[] {
    const j = this.store.get<Job>('Job', ns, name)
    const all = this.store.list<Pod>('Pod', ns)
    return j ? all.filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === j.metadata.uid)) : all
  }

  /** Run one syncJob pass now, as upstream's table tests do. */
  sync(name = 'foobar', ns = 'default'): void {
    this.jobs.syncJob(jobKey(this.job(name, ns)))
  }

  /** Put a pod of the Job straight into the store, as the upstream tests fill the informer. */
  addPod(job: Job, f: PodFixture): Pod {
    const name = f.name ?? `pod-${this.podSeq++}`
    const annotations = f.index !== undefined ? { [JOB_COMPLETION_INDEX_ANNOTATION]: f.index, ...(f.annotations ?? {}) } : f.annotations
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: job.metadata.namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        labels: { ...(job.spec.template.metadata?.labels ?? {}) },
        ...(annotations ? { annotations } : {}),
        ownerReferences: [newControllerRef(job)],
        finalizers: f.finalizer === false ? undefined : [JOB_TRACKING_FINALIZER],
      },
      spec: { ...job.spec.template.spec, ...(f.nodeName ? { nodeName: f.nodeName } : {}) },
      status: f.status ?? fixtureStatus({ containerName: job.spec.template.spec.containers[0]?.name, ...f }, this.kernel.now()),
    }
    if (!pod.metadata.finalizers) delete pod.metadata.finalizers
    const created = this.store.create(pod)
    if (!f.deleting) return created
    return this.store.update({ ...created, metadata: { ...created.metadata, deletionTimestamp: rfc3339(this.kernel.now()), deletionGracePeriodSeconds: 30 } })
  }

  /** The kubelet's report of a running pod. */
  podRunning(pod: Pod, opts: { ready?: boolean; restartCount?: number } = {}): Pod {
    const cur = this.current(pod)
    return this.api.updateStatus(cur, fixtureStatus({ phase: 'Running', ready: opts.ready, restartCount: opts.restartCount, containerName: cur.spec.containers[0]?.name }, this.kernel.now()))
  }

  /** The kubelet's report that the pod's container exited 0; at `at` seconds after the start, or now. */
  podSucceeds(pod: Pod, at?: number): void {
    this.when(at, () => this.finish(pod, 'Succeeded', 0))
  }

  /** The kubelet's report that the pod's container exited with `exitCode`. */
  podFails(pod: Pod, exitCode: number, at?: number): void {
    this.when(at, () => this.finish(pod, 'Failed', exitCode))
  }

  private when(at: number | undefined, fn: () => void): void {
    if (at === undefined || HARNESS_START + at * 1000 <= this.kernel.now()) fn()
    else this.kernel.at(HARNESS_START + at * 1000, fn)
  }

  private finish(pod: Pod, phase: 'Succeeded' | 'Failed', exitCode: number): void {
    const cur = this.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name)
    if (!cur || cur.metadata.uid !== pod.metadata.uid) return
    this.api.updateStatus(cur, fixtureStatus({ phase, exitCode, finishedAt: this.kernel.now(), containerName: cur.spec.containers[0]?.name }, this.kernel.now()))
  }

  private current(pod: Pod): Pod {
    const cur = this.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name)
    if (!cur) throw new Error(`no pod ${pod.metadata.name}`)
    return cur
  }
}

export interface PodFixture {
  name?: string
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed'
  /** The completion index annotation, as a string ("invalid" allowed). */
  index?: string
  annotations?: Record<string, string>
  ready?: boolean
  restartCount?: number
  exitCode?: number
  /** ms; default: a day before now, long enough ago that no back-off is pending. */
  finishedAt?: number
  containerName?: string
  conditions?: PodCondition[]
  finalizer?: boolean
  deleting?: boolean
  nodeName?: string
  /** A status written as is, for states the other fields cannot express. */
  status?: Pod['status']
}

/** A pod status in the shape the kubelet writes, for the given phase. */
export function fixtureStatus(f: PodFixture, now: number): Pod['status'] {
  const name = f.containerName ?? 'main'
  const t = rfc3339(now)
  const terminal = f.phase === 'Succeeded' || f.phase === 'Failed'
  const exitCode = f.exitCode ?? (f.phase === 'Failed' ? 1 : 0)
  const finishedAt = rfc3339(f.finishedAt ?? now - 86_400_000)
  const cs: ContainerStatus = {
    name,
    state: terminal ? { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: finishedAt, finishedAt } } : f.phase === 'Running' ? { running: { startedAt: t } } : { waiting: { reason: 'ContainerCreating' } },
    lastState: {},
    ready: f.phase === 'Running' && f.ready !== false,
    restartCount: f.restartCount ?? 0,
    image: 'busybox',
    imageID: '',
    started: f.phase === 'Running',
  }
  const ready = f.phase === 'Running' && f.ready === true
  const conditions: PodCondition[] = [{ type: 'Ready', status: ready ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: terminal ? finishedAt : t }, ...(f.conditions ?? [])]
  return { phase: f.phase, conditions, containerStatuses: f.phase === 'Pending' && !f.restartCount ? [] : [cs] }
}

/** What SetDefaults_Job fills in, with upstream's test template (one container, restartPolicy Never). */
export function defaultJob(name: string, namespace: string, spec: Partial<JobSpec>, status: JobStatus = {}): Job {
  const s: JobSpec = {
    template: { metadata: {}, spec: { containers: [{ name: 'main', image: 'busybox' }], restartPolicy: 'Never', terminationGracePeriodSeconds: 30 } },
    ...spec,
  }
  if (s.completions === undefined && s.parallelism === undefined) {
    s.completions = 1
    s.parallelism = 1
  }
  s.parallelism ??= 1
  s.backoffLimit ??= s.backoffLimitPerIndex !== undefined ? 2147483647 : 6
  s.completionMode ??= 'NonIndexed'
  s.suspend ??= false
  s.podReplacementPolicy ??= s.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed'
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' }, spec: s, status }
}
