// A cluster core for CronJob controller tests: kernel, store, an API server whose create and get
// can fail on demand (upstream's fake job control), an event log with virtual timestamps, and a
// stand-in Job controller that starts each Job at once and finishes it after a set time.
import { StatusError, type Status } from '../../api/errors.ts'
import { ApiServer, type Admission } from '../../api/server.ts'
import { Store } from '../../api/store.ts'
import type { CronJob, CronJobSpec, CronJobStatus, Job, JobStatus, KObject } from '../../api/types.ts'
import type { ClusterConfig, ControllerContext } from '../../context.ts'
import { loadLocation } from '../../cron/index.ts'
import type { EventRecorder } from '../../events/recorder.ts'
import { Kernel } from '../../kernel/kernel.ts'
import { rfc3339 } from '../../kernel/time.ts'
import { CronJobController } from './controller.ts'
import { getJobFromTemplate2 } from './job-from-template.ts'
import type { SyncDeps } from './sync.ts'
import { getControllerOf } from './utils.ts'

export const ms = (iso: string): number => Date.parse(iso)

export interface LoggedEvent {
  at: number
  type: string
  reason: string
  message: string
}

class FaultyApi extends ApiServer {
  createError?: StatusError
  getError?: StatusError
  statusWrites = 0

  override create<T extends KObject>(obj: T, opts?: Parameters<ApiServer['create']>[1]): T {
    if (this.createError && obj.kind === 'Job') throw this.createError
    return super.create(obj, opts)
  }
  override get<T extends KObject>(kind: string, ns: string | undefined, name: string): T {
    if (this.getError && kind === 'Job') throw this.getError
    return super.get(kind, ns, name)
  }
  override updateStatus<T extends KObject>(obj: T, status: T['status']): T {
    if (obj.kind === 'CronJob') this.statusWrites++
    return super.updateStatus(obj, status)
  }
}

const passthrough: Admission = { create: (o) => o, update: (o) => o, specChanged: (o, old) => JSON.stringify(o.spec) !== JSON.stringify(old.spec) }

export function statusError(reason: string, message: string, causes?: { reason: string; message: string; field: string }[]): StatusError {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code: 500, ...(causes ? { details: { causes } } : {}) }
  return new StatusError(s)
}

/** cronJob() of upstream's tests: Allow, template labels a=b, annotations x=y, one container. */
export function cronJobSpec(over: Partial<CronJobSpec> = {}): CronJobSpec {
  return {
    schedule: '* * * * ?',
    concurrencyPolicy: 'Allow',
    suspend: false,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
    jobTemplate: {
      metadata: { labels: { a: 'b' }, annotations: { x: 'y' } },
      spec: { parallelism: 1, completions: 1, template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'c', image: 'foo/bar' }], restartPolicy: 'OnFailure' } } },
    },
    ...over,
  }
}

export interface JobPlan {
  /** How long each Job runs before it finishes, in ms. */
  runMs: number
  outcome: 'Complete' | 'Failed'
}

export class CronHarness {
  readonly kernel: Kernel
  readonly store: Store
  readonly api: FaultyApi
  readonly recorder: EventRecorder
  readonly ctx: ControllerContext
  readonly log: LoggedEvent[] = []
  /** Job names the "lister" does not show yet (upstream's jobStillNotFoundInLister). */
  readonly hidden = new Set<string>()
  controller?: CronJobController

  constructor(now: number, controllerTimeZone = 'UTC') {
    const config: ClusterConfig = { seed: 1, start: now, controllerTimeZone }
    this.kernel = new Kernel(now, 1)
    this.store = new Store(this.kernel)
    this.api = new FaultyApi(this.store, this.kernel, passthrough)
    this.recorder = { event: (_obj, type, reason, message) => this.log.push({ at: this.kernel.now(), type, reason, message }) }
    this.ctx = { kernel: this.kernel, store: this.store, api: this.api, recorder: this.recorder, config }
  }

  /** Store a CronJob as if created at `created`, with the given status. */
  putCronJob(name: string, spec: CronJobSpec, created: number, status: CronJobStatus = {}, namespace = 'snazzycats'): CronJob {
    const cj = this.store.create<CronJob>({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '', generation: 1 }, spec, status })
    return this.store.update({ ...cj, metadata: { ...cj.metadata, creationTimestamp: rfc3339(created) } })
  }

  /** Store the Job the CronJob would have made for `scheduled` (getJobFromTemplate2), with a status. */
  putJob(cj: CronJob, scheduled: number, status: JobStatus = {}): Job {
    const job = this.store.create({ ...getJobFromTemplate2(cj, scheduled), status })
    return this.store.update({ ...job, metadata: { ...job.metadata, creationTimestamp: rfc3339(scheduled) } })
  }

  /** Create a CronJob through the API now, as kubectl apply would (spec already defaulted). */
  createCronJob(name: string, spec: CronJobSpec, namespace = 'default'): CronJob {
    return this.api.create<CronJob>({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' }, spec, status: {} })
  }

  /** Change a CronJob's spec through the API now. */
  updateSpec(name: string, change: Partial<CronJobSpec>, namespace = 'default'): CronJob {
    const cur = this.cronJob(name, namespace)
    return this.api.update<CronJob>({ ...cur, spec: { ...cur.spec, ...change } })
  }

  cronJob(name = 'mycronjob', namespace = 'snazzycats'): CronJob {
    const cj = this.store.get<CronJob>('CronJob', namespace, name)
    if (!cj) throw new Error(`no CronJob ${name}`)
    return cj
  }

  jobNames(namespace = 'snazzycats'): string[] {
    return this.store.list<Job>('Job', namespace).map((j) => j.metadata.name)
  }

  /** What a sync sees, as SyncDeps, with the lister's view of Jobs (minus hidden ones). */
  deps(): SyncDeps {
    return {
      api: this.api,
      recorder: this.recorder,
      now: () => this.kernel.now(),
      local: loadLocation(this.ctx.config.controllerTimeZone),
      jobsFor: (cj) => this.store.list<Job>('Job', cj.metadata.namespace).filter((j) => getControllerOf(j)?.name === cj.metadata.name && !this.hidden.has(j.metadata.name)),
    }
  }

  start(): CronJobController {
    return (this.controller = new CronJobController(this.ctx))
  }

  /** Play the Job controller: startTime at creation, a finished condition `runMs` later. */
  runJobs(plan: JobPlan): void {
    this.store.watch((ev) => {
      if (ev.type !== 'ADDED') return
      const job = ev.object as Job
      this.kernel.after(0, () => this.setJobStatus(job, { startTime: rfc3339(this.kernel.now()), active: 1 }))
      this.kernel.after(plan.runMs, () => this.finishJob(job, plan.outcome))
    }, 'Job')
  }

  finishJob(job: Job, outcome: 'Complete' | 'Failed'): void {
    const cur = this.store.get<Job>('Job', job.metadata.namespace, job.metadata.name)
    if (!cur || cur.metadata.uid !== job.metadata.uid) return
    const now = rfc3339(this.kernel.now())
    const condition = { type: outcome, status: 'True' as const, lastProbeTime: now, lastTransitionTime: now }
    const counts = outcome === 'Complete' ? { succeeded: 1, completionTime: now } : { failed: 1 }
    this.setJobStatus(cur, { ...cur.status, active: 0, ...counts, conditions: [condition] })
  }

  private setJobStatus(job: Job, status: JobStatus): void {
    const cur = this.store.get<Job>('Job', job.metadata.namespace, job.metadata.name)
    if (cur && cur.metadata.uid === job.metadata.uid) this.api.updateStatus(cur, status)
  }

  runUntil(t: number): void {
    this.kernel.runUntil(t)
  }

  /** "hh:mm:ss.s Type Reason message" lines for events from `since`. */
  timeline(since = 0): string[] {
    return this.log.filter((e) => e.at >= since).map((e) => `${clock(e.at)} ${e.type} ${e.reason} ${e.message}`)
  }
}

/** 00:02:40.1, from virtual ms. */
export function clock(t: number): string {
  const d = new Date(t).toISOString()
  const tenths = Math.floor((t % 1000) / 100)
  return `${d.slice(11, 19)}.${tenths}`
}
