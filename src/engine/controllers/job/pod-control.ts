// The Job controller's pod writes and the events they record, after k8s
// pkg/controller/controller_utils.go (RealPodControl, GetPodFromTemplate) and the
// finalizer patch in pkg/controller/job/job_controller.go (removeTrackingFinalizerPatch).
import { StatusError } from '../../api/errors.ts'
import type { ControllerContext } from '../../context.ts'
import type { Job, OwnerReference, Pod, PodTemplateSpec } from '../../api/types.ts'
import { CONTROLLER_COMPONENT, JOB_TRACKING_FINALIZER, deepCopy } from './utils.ts'

/** metav1.NewControllerRef for a Job. */
export function newControllerRef(job: Job): OwnerReference {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, uid: job.metadata.uid, controller: true, blockOwnerDeletion: true }
}

export function isNotFound(err: unknown): boolean {
  return err instanceof StatusError && err.reason === 'NotFound'
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** A pod from the template: its labels, annotations and finalizers, a copy of its spec, the owner. */
export function getPodFromTemplate(template: PodTemplateSpec, job: Job, generateName: string): Pod {
  const m = template.metadata ?? {}
  const labels = m.labels && Object.keys(m.labels).length ? { ...m.labels } : undefined
  const annotations = m.annotations && Object.keys(m.annotations).length ? { ...m.annotations } : undefined
  const metadata: Pod['metadata'] = {
    name: '',
    generateName,
    namespace: job.metadata.namespace,
    uid: '',
    resourceVersion: '',
    creationTimestamp: '',
    ...(labels ? { labels } : {}),
    ...(annotations ? { annotations } : {}),
    ownerReferences: [newControllerRef(job)],
    finalizers: [...(m.finalizers ?? [])],
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: deepCopy(template.spec), status: { phase: 'Pending' } }
}

export function appendJobCompletionFinalizerIfNotFound(finalizers: string[] | undefined): string[] {
  const f = finalizers ?? []
  return f.includes(JOB_TRACKING_FINALIZER) ? f : [...f, JOB_TRACKING_FINALIZER]
}

export class PodControl {
  constructor(private ctx: ControllerContext) {}

  /** Create one pod; records SuccessfulCreate or FailedCreate on the Job. */
  createPod(job: Job, template: PodTemplateSpec, generateName: string): void {
    const pod = getPodFromTemplate(template, job, generateName)
    let created: Pod
    try {
      created = this.ctx.api.create(pod)
    } catch (err) {
      this.ctx.recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${errorText(err)}`, CONTROLLER_COMPONENT)
      throw err
    }
    this.ctx.recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, CONTROLLER_COMPONENT)
  }

  /** Delete one pod; SuccessfulDelete, or FailedDelete unless it was already gone (then the error is rethrown quietly). */
  deletePod(job: Job, ns: string, name: string): void {
    try {
      this.ctx.api.delete('Pod', ns, name)
    } catch (err) {
      if (!isNotFound(err)) this.ctx.recorder.event(job, 'Warning', 'FailedDelete', `Error deleting: ${errorText(err)}`, CONTROLLER_COMPONENT)
      throw err
    }
    this.ctx.recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`, CONTROLLER_COMPONENT)
  }

  /** Remove the job-tracking finalizer (no-op without it). */
  removeTrackingFinalizer(pod: Pod): void {
    const cur = this.ctx.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name)
    if (!cur || cur.metadata.uid !== pod.metadata.uid) throw this.ctx.api.notFound('Pod', pod.metadata.name)
    const fins = cur.metadata.finalizers ?? []
    if (!fins.includes(JOB_TRACKING_FINALIZER)) return
    const rest = fins.filter((f) => f !== JOB_TRACKING_FINALIZER)
    this.ctx.api.updateMeta(cur, { finalizers: rest.length ? rest : undefined })
  }
}
