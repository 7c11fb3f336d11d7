// A whole simulated cluster: kernel, store, API server, controllers, scheduler
// and one kubelet per node, wired together. The only entry point other layers
// (kubectl, the terminal session, the worker, the CLI) need.
import { createAdmission } from './admission/index.ts'
import { ApiServer } from './api/server.ts'
import { Store } from './api/store.ts'
import { defaultNodes, seedObjects } from './cluster-defaults.ts'
import type { ClusterConfig, ControllerContext } from './context.ts'
import { CronJobController } from './controllers/cronjob/controller.ts'
import { GarbageCollector } from './controllers/gc/controller.ts'
import { JobController } from './controllers/job/controller.ts'
import { NamespaceController } from './controllers/namespace.ts'
import { TtlAfterFinishedController } from './controllers/ttl.ts'
import { StoreEventRecorder } from './events/recorder.ts'
import { History, type HistoryLimits } from './history/history.ts'
import type { Pod } from './api/types.ts'
import { Kernel } from './kernel/kernel.ts'
import { Kubelet } from './kubelet/kubelet.ts'
import { execPreflight, type ExecAnswer, type ExecIO } from './kubelet/exec.ts'
import { readPodLogs, type LogAnswer, type LogRequest } from './kubelet/logs.ts'
import { Provisioner } from './kubelet/storage.ts'
import { Scheduler } from './scheduler/scheduler.ts'
import { SystemPodControllers } from './system/controllers.ts'
import { seedSystemPods } from './system/seed.ts'

export interface ClusterOptions {
  seed?: number | string
  /** ms since the Unix epoch; default 2026-01-01T00:00:00Z. */
  start?: number
  controllerTimeZone?: string
  /** Keep a history for the timeline and lesson checks (default on); limits bound its memory. */
  history?: boolean | Partial<HistoryLimits>
}

export const DEFAULT_START = Date.UTC(2026, 0, 1)

export class Cluster {
  readonly kernel: Kernel
  readonly store: Store
  readonly api: ApiServer
  readonly recorder: StoreEventRecorder
  readonly config: ClusterConfig
  readonly ctx: ControllerContext
  readonly jobController: JobController
  readonly cronJobController: CronJobController
  readonly ttlController: TtlAfterFinishedController
  readonly gc: GarbageCollector
  readonly namespaceController: NamespaceController
  readonly scheduler: Scheduler
  readonly kubelets = new Map<string, Kubelet>()
  readonly provisioner: Provisioner
  readonly history?: History
  /** The DaemonSet and ReplicaSet controllers of the cluster's own pods (kube-system, local-path-storage). */
  readonly systemControllers: SystemPodControllers

  constructor(opts: ClusterOptions = {}) {
    this.config = { seed: opts.seed ?? 1, start: opts.start ?? DEFAULT_START, controllerTimeZone: opts.controllerTimeZone ?? 'UTC' }
    this.kernel = new Kernel(this.config.start, this.config.seed)
    this.store = new Store(this.kernel)
    this.api = new ApiServer(this.store, this.kernel, createAdmission())
    this.recorder = new StoreEventRecorder(this.kernel, this.store)
    this.ctx = { kernel: this.kernel, store: this.store, api: this.api, recorder: this.recorder, config: this.config }
    if (opts.history !== false) {
      const history = new History(this.kernel, this.store, opts.history === true ? {} : opts.history)
      this.history = history
      this.ctx.trace = (kind, obj, detail) => history.onTrace(kind, obj, detail)
    }
    for (const o of seedObjects(this.config.start)) this.store.create(o, Date.parse(o.metadata.creationTimestamp))
    this.gc = new GarbageCollector(this.ctx)
    this.namespaceController = new NamespaceController(this.ctx)
    this.jobController = new JobController(this.ctx)
    this.cronJobController = new CronJobController(this.ctx)
    this.ttlController = new TtlAfterFinishedController(this.ctx)
    this.scheduler = new Scheduler(this.ctx)
    this.provisioner = new Provisioner(this.ctx)
    for (const node of defaultNodes(this.config.start)) {
      const stored = this.store.create(node, Date.parse(node.metadata.creationTimestamp))
      this.kubelets.set(stored.metadata.name, new Kubelet(this.ctx, stored.metadata.name, { volumes: this.provisioner.volumes }))
    }
    // The control plane and add-ons have run since the cluster was set up; their pods are there from the start.
    this.systemControllers = new SystemPodControllers(this.ctx, seedSystemPods(this.ctx, this.provisioner.identity.split('_')[1]))
  }

  now(): number {
    return this.kernel.now()
  }

  /** Run everything due up to virtual time `t`. */
  runUntil(t: number, maxEvents?: number): boolean {
    return this.kernel.runUntil(t, maxEvents)
  }

  advance(ms: number): void {
    this.kernel.advance(ms)
  }

  /** POST pods/{name}/exec: the apiserver's checks, then the kubelet of the pod's node (kubectl exec). */
  podExec(namespace: string, pod: string, container: string, argv: string[], io: ExecIO): ExecAnswer {
    const p = this.store.get<Pod>('Pod', namespace, pod)
    const bad = execPreflight(p, pod, container)
    if (bad) return { ok: false, ...bad }
    const kubelet = this.kubelets.get(p!.spec.nodeName!)
    return kubelet ? kubelet.exec(p!.metadata.uid, container, argv, io) : { ok: false, code: 500, message: `container not found (${JSON.stringify(container)})` }
  }

  /** GET pods/{name}/log: the apiserver's checks, then the kubelet of the pod's node (kubectl logs). */
  podLogs(namespace: string, pod: string, container: string, req: LogRequest = {}): LogAnswer {
    return readPodLogs((ns, name) => this.store.get('Pod', ns, name), (node) => this.kubelets.get(node), namespace, pod, container, req)
  }
}
