// The Job's status as the controller edits and writes it: a mutable working
// copy, conditions (newCondition, ensureJobConditionStatus) and the wire shape of
// batch/v1 JobStatus, after k8s pkg/controller/job/job_controller.go and k8s.io/api batch/v1 types.go.
import { rfc3339 } from '../../kernel/time.ts'
import type { Job, JobCondition, JobStatus } from '../../api/types.ts'

/** A copy whose status (conditions, uncounted lists) can be changed in place. */
export function workingCopy(job: Job): Job & { status: JobStatus } {
  const s: JobStatus = job.status ?? {}
  const u = s.uncountedTerminatedPods ?? {}
  return {
    ...job,
    status: {
      ...s,
      conditions: s.conditions?.map((c) => ({ ...c })),
      uncountedTerminatedPods: { succeeded: [...(u.succeeded ?? [])], failed: [...(u.failed ?? [])] },
    },
  }
}

export function newCondition(type: JobCondition['type'], status: JobCondition['status'], reason: string, message: string, now: number): JobCondition {
  const t = rfc3339(now)
  return { type, status, lastProbeTime: t, lastTransitionTime: t, reason, message }
}

/** Append or update a condition; a False condition is never appended. Returns whether anything changed. */
export function ensureJobConditionStatus(status: JobStatus, type: JobCondition['type'], st: JobCondition['status'], reason: string, message: string, now: number): boolean {
  const list = status.conditions ?? []
  const i = list.findIndex((c) => c.type === type)
  if (i >= 0) {
    const c = list[i]
    if (c.status !== st || (c.reason ?? '') !== reason || (c.message ?? '') !== message) {
      list[i] = newCondition(type, st, reason, message, now)
      status.conditions = list
      return true
    }
    return false
  }
  if (st !== 'False') {
    status.conditions = [...list, newCondition(type, st, reason, message, now)]
    return true
  }
  return false
}

/** batch/v1 JobStatus as the API serialises it: Go field order, omitempty fields left out. */
export function serializeJobStatus(s: JobStatus): JobStatus {
  const out: JobStatus = {}
  if (s.conditions?.length) out.conditions = s.conditions.map(serializeCondition)
  if (s.startTime) out.startTime = s.startTime
  if (s.completionTime) out.completionTime = s.completionTime
  if (s.active) out.active = s.active
  if (s.succeeded) out.succeeded = s.succeeded
  if (s.failed) out.failed = s.failed
  if (s.terminating !== undefined) out.terminating = s.terminating
  if (s.completedIndexes) out.completedIndexes = s.completedIndexes
  if (s.failedIndexes !== undefined) out.failedIndexes = s.failedIndexes
  if (s.uncountedTerminatedPods) {
    const u: NonNullable<JobStatus['uncountedTerminatedPods']> = {}
    if (s.uncountedTerminatedPods.succeeded?.length) u.succeeded = [...s.uncountedTerminatedPods.succeeded]
    if (s.uncountedTerminatedPods.failed?.length) u.failed = [...s.uncountedTerminatedPods.failed]
    out.uncountedTerminatedPods = u
  }
  if (s.ready !== undefined) out.ready = s.ready
  return out
}

function serializeCondition(c: JobCondition): JobCondition {
  const out: JobCondition = { type: c.type, status: c.status, lastProbeTime: c.lastProbeTime, lastTransitionTime: c.lastTransitionTime }
  if (c.reason) out.reason = c.reason
  if (c.message) out.message = c.message
  return out
}
