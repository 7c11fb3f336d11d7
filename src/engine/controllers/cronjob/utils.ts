// Small helpers of the CronJob controller: the active list, owner references and a Job's
// finished condition (k8s pkg/controller/cronjob/utils.go, pkg/controller/job/util/utils.go,
// apimachinery metav1.GetControllerOf / IsControlledBy).
import type { CronJob, Job, KObject, ObjectReference, OwnerReference } from '../../api/types.ts'

/** The CronJob the controller works on during one sync: a private copy of the status. */
export interface WorkingCronJob extends CronJob {
  status: { active: ObjectReference[]; lastScheduleTime?: string; lastSuccessfulTime?: string }
}

export function workingCopy(cj: CronJob): WorkingCronJob {
  const s = cj.status ?? {}
  return { ...cj, status: { ...s, active: s.active ? [...s.active] : [] } }
}

/** The status to write back: an empty active list is omitted, as Go's omitempty does. */
export function statusOf(cj: WorkingCronJob): CronJob['status'] {
  const { active, ...rest } = cj.status
  return active.length ? { active, ...rest } : rest
}

export function inActiveList(cj: CronJob, uid: string): boolean {
  return (cj.status?.active ?? []).some((r) => r.uid === uid)
}

export function inActiveListByName(cj: CronJob, name: string, namespace: string | undefined): boolean {
  return (cj.status?.active ?? []).some((r) => r.name === name && r.namespace === namespace)
}

export function deleteFromActiveList(cj: WorkingCronJob, uid: string | undefined): void {
  cj.status.active = cj.status.active.filter((r) => r.uid !== uid)
}

export function getControllerOf(obj: KObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true)
}

export function isControlledBy(obj: KObject, owner: KObject): boolean {
  return getControllerOf(obj)?.uid === owner.metadata.uid
}

/** FinishedCondition: the first Complete or Failed condition that is True. */
export function finishedCondition(job: Job): 'Complete' | 'Failed' | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type
  }
  return undefined
}

export function isJobFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined
}

export function isJobSucceeded(job: Job): boolean {
  return (job.status?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True')
}

export function cronJobKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`
}
