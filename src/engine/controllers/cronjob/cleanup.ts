// History limits (k8s pkg/controller/cronjob/cronjob_controllerv2.go cleanupFinishedJobs,
// removeOldestJobs, deleteJob; utils.go byJobStartTime): the oldest finished Jobs by start
// time go first, deleted in the background, at the start of every sync.
import type { ApiServer } from '../../api/server.ts'
import { StatusError } from '../../api/errors.ts'
import type { Job } from '../../api/types.ts'
import type { EventRecorder } from '../../events/recorder.ts'
import { SOURCE } from './schedule-utils.ts'
import { compareTimes, deleteFromActiveList, finishedCondition, type WorkingCronJob } from './utils.ts'

export interface CleanupDeps {
  api: ApiServer
  recorder: EventRecorder
}

/** byJobStartTime: earliest start first, ties by name, Jobs that never started last. */
export function byJobStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime
  const sb = b.status?.startTime
  if (!sa && sb) return 1
  if (sa && !sb) return -1
  const c = sa && sb ? compareTimes(sa, sb) : 0
  if (c === 0) return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0
  return c
}

/** Delete finished Jobs beyond the history limits; true when the active list changed. */
export function cleanupFinishedJobs(deps: CleanupDeps, cj: WorkingCronJob, jobs: Job[]): boolean {
  const succeededLimit = cj.spec.successfulJobsHistoryLimit
  const failedLimit = cj.spec.failedJobsHistoryLimit
  if (succeededLimit == null && failedLimit == null) return false
  // Count first: most syncs are within the limits and need no lists at all.
  let nSucceeded = 0
  let nFailed = 0
  for (const job of jobs) {
    const c = finishedCondition(job)
    if (c === 'Complete') nSucceeded++
    else if (c === 'Failed') nFailed++
  }
  let updateStatus = false
  if (succeededLimit != null && nSucceeded > succeededLimit && removeOldestJobs(deps, cj, finished(jobs, 'Complete'), succeededLimit)) updateStatus = true
  if (failedLimit != null && nFailed > failedLimit && removeOldestJobs(deps, cj, finished(jobs, 'Failed'), failedLimit)) updateStatus = true
  return updateStatus
}

function finished(jobs: Job[], condition: 'Complete' | 'Failed'): Job[] {
  return jobs.filter((j) => finishedCondition(j) === condition)
}

function removeOldestJobs(deps: CleanupDeps, cj: WorkingCronJob, jobs: Job[], maxJobs: number): boolean {
  const toDelete = jobs.length - maxJobs
  if (toDelete <= 0) return false
  const sorted = [...jobs].sort(byJobStartTime)
  let updateStatus = false
  for (let i = 0; i < toDelete; i++) if (deleteJob(deps, cj, sorted[i])) updateStatus = true
  return updateStatus
}

/** Reap one Job (Background propagation) and drop it from the active list. */
export function deleteJob(deps: CleanupDeps, cj: WorkingCronJob, job: Job): boolean {
  try {
    deps.api.delete('Job', job.metadata.namespace, job.metadata.name, { propagationPolicy: 'Background' })
  } catch (e) {
    if (!(e instanceof StatusError)) throw e
    deps.recorder.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${e.message}`, SOURCE)
    return false
  }
  deleteFromActiveList(cj, job.metadata.uid)
  deps.recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`, SOURCE)
  return true
}
