// Small helpers of the CronJob controller: the active list, owner references and a Job's
// finished condition (k8s pkg/controller/cronjob/utils.go, pkg/controller/job/util/utils.go,
// apimachinery metav1.GetControllerOf / IsControlledBy).
import type { CronJob, Job, KObject, ObjectReference, OwnerReference } from '../../api/types.ts'
import { daysFromCivil } from '../../cron/civil.ts'
import { parseTime } from '../../kernel/time.ts'

/** The CronJob the controller works on during one sync: a private copy of the status. */
export interface WorkingCronJob extends CronJob {
  status: { active: ObjectReference[]; lastScheduleTime?: string; lastSuccessfulTime?: string }
}

export function workingCopy(cj: CronJob): WorkingCronJob {
  const s = cj.status
  const status: WorkingCronJob['status'] = { active: s?.active ? s.active.slice() : [] }
  if (s?.lastScheduleTime !== undefined) status.lastScheduleTime = s.lastScheduleTime
  if (s?.lastSuccessfulTime !== undefined) status.lastSuccessfulTime = s.lastSuccessfulTime
  // Only identity, spec and status matter to a sync; a literal is cheaper than a spread.
  return { apiVersion: cj.apiVersion, kind: cj.kind, metadata: cj.metadata, spec: cj.spec, status }
}

/** The status to write back: an empty active list is omitted, as Go's omitempty does. */
export function statusOf(cj: WorkingCronJob): CronJob['status'] {
  const { active, ...rest } = cj.status
  return active.length ? { active, ...rest } : rest
}

export function inActiveList(cj: CronJob, uid: string): boolean {
  const active = cj.status?.active
  if (active) for (const r of active) if (r.uid === uid) return true
  return false
}

export function inActiveListByName(cj: CronJob, name: string, namespace: string | undefined): boolean {
  const active = cj.status?.active
  if (active) for (const r of active) if (r.name === name && r.namespace === namespace) return true
  return false
}

export function deleteFromActiveList(cj: WorkingCronJob, uid: string | undefined): void {
  cj.status.active = cj.status.active.filter((r) => r.uid !== uid)
}

export function getControllerOf(obj: KObject): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences
  if (refs) for (const r of refs) if (r.controller === true) return r
  return undefined
}

export function isControlledBy(obj: KObject, owner: KObject): boolean {
  return getControllerOf(obj)?.uid === owner.metadata.uid
}

/** FinishedCondition: the first Complete or Failed condition that is True. */
export function finishedCondition(job: Job): 'Complete' | 'Failed' | undefined {
  const conditions = job.status?.conditions
  if (conditions) for (const c of conditions) if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type
  return undefined
}

export function isJobFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined
}

export function isJobSucceeded(job: Job): boolean {
  const conditions = job.status?.conditions
  if (conditions) for (const c of conditions) if (c.type === 'Complete' && c.status === 'True') return true
  return false
}

export function cronJobKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`
}

const digits = (s: string, from: number, n: number): number => {
  let v = 0
  for (let i = from; i < from + n; i++) {
    const d = s.charCodeAt(i) - 48
    if (d < 0 || d > 9) return NaN
    v = v * 10 + d
  }
  return v
}

const canonical = (s: string): boolean => s.length === 20 && s.charCodeAt(19) === 90

/** Compare two metav1.Time strings; the API's own form compares as text, without parsing. */
export function compareTimes(a: string, b: string): number {
  if (a === b) return 0
  if (canonical(a) && canonical(b)) return a < b ? -1 : 1
  return timeOf(a) - timeOf(b)
}

/**
 * A metav1.Time string as virtual ms. The API writes "2026-01-01T00:00:00Z"; that form is
 * read with integer arithmetic (syncs read these on every wake-up), anything else by parseTime.
 */
export function timeOf(s: string): number {
  let t = seen.get(s)
  if (t === undefined) {
    if (seen.size >= 4096) seen.clear()
    seen.set(s, (t = readTime(s)))
  }
  return t
}

const seen = new Map<string, number>()

function readTime(s: string): number {
  if (s.length !== 20 || s.charCodeAt(19) !== 90 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return parseTime(s)
  const y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2), h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2)
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && sec <= 59)) return parseTime(s)
  return ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60000 + sec * 1000
}
