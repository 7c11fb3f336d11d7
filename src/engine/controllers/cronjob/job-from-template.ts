// The Job a CronJob makes for one scheduled time (k8s pkg/controller/cronjob/utils.go
// getJobFromTemplate2, getTimeHashInMinutes; cronjob_controllerv2.go getJobName, getRef):
// a deterministic name from the time in Unix minutes, so one time never gets two Jobs.
import type { CronJob, Job, ObjectReference } from '../../api/types.ts'
import { formatInZone, loadLocation, UTC, type Zone } from '../../cron/index.ts'
import { rfc3339 } from '../../kernel/time.ts'

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp'

export function getTimeHashInMinutes(scheduledTime: number): number {
  return Math.floor(Math.floor(scheduledTime / 1000) / 60)
}

export function getJobName(cj: CronJob, scheduledTime: number): string {
  return `${cj.metadata.name}-${getTimeHashInMinutes(scheduledTime)}`
}

/**
 * The Job as the controller sends it: template labels and annotations, the scheduled time
 * (in spec.timeZone, UTC when unset) as an annotation, a blocking controller reference, and
 * the template's spec. The spec object is shared, not copied: stored objects are immutable.
 * Throws when spec.timeZone does not load (upstream returns that error); "Local" is `local`.
 */
export function getJobFromTemplate2(cj: CronJob, scheduledTime: number, local: Zone = UTC): Job {
  const tmpl = cj.spec.jobTemplate ?? { spec: { template: { spec: { containers: [] } } } }
  const zone = loadLocation(cj.spec.timeZone ?? '', local)
  const labels = tmpl.metadata?.labels
  const offset = zone.offsetAt(scheduledTime)
  // time.RFC3339 prints a zero offset as "Z": the API's own (cached) format.
  const stamp = offset === 0 ? rfc3339(scheduledTime) : formatInZone(scheduledTime, zone)
  const annotations: Record<string, string> = {}
  const own = tmpl.metadata?.annotations
  if (own) for (const k in own) annotations[k] = own[k]
  annotations[SCHEDULED_TIMESTAMP_ANNOTATION] = stamp
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: getJobName(cj, scheduledTime),
      namespace: cj.metadata.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: rfc3339(scheduledTime),
      ...(labels && Object.keys(labels).length ? { labels: { ...labels } } : {}),
      annotations,
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec: tmpl.spec,
    status: {},
  }
}

/** ref.GetReference for a Job, as recorded in status.active. */
export function getRef(job: Job): ObjectReference {
  return { kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion }
}
