// `kubectl describe job` and `describe cronjob`, field order and presence as kubectl 1.33 prints them
// (no Conditions for Jobs, no Time Zone line for CronJobs). Upstream: kubectl pkg/describe/describe.go
// (describeJob, capIndexesListOrNone, describeCronJob, describeJobTemplate, printActiveJobs).
import type { CronJob, Event, Job } from '../../engine/api/types.ts'
import { parseTime } from '../../engine/kernel/time.ts'
import { humanDuration } from '../duration.ts'
import { formatLabelSelector, selectorRequirements } from '../selectors.ts'
import { controlledBy, describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'
import { describePodTemplate } from './containers.ts'
import { LEVEL_0, printBoolPtr, type DescribeWriter } from './writer.ts'

/** labels.Selector.String() of a LabelSelector: "" when empty (describe prints it bare). */
function selectorString(sel: Job['spec']['selector']): string {
  return selectorRequirements(sel).length ? formatLabelSelector(sel) : ''
}

/** Cut a completed-indexes list after `limit` characters, at a comma, with "...". */
export function capIndexes(indexes: string | undefined, limit: number): string {
  if (!indexes) return '<none>'
  let ix = limit
  while (ix < indexes.length && indexes[ix] !== ',') ix++
  return ix >= indexes.length ? indexes : indexes.slice(0, ix + 1) + '...'
}

export function describeJob(w: DescribeWriter, job: Job, events: Event[] | undefined): void {
  const spec = job.spec
  const st = job.status ?? {}
  w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ''}\n`)
  w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`)
  printLabelsMultiline(w, 'Labels', job.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations)
  const owner = controlledBy(job)
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`)
  if (spec.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`)
  w.write(LEVEL_0, `Completions:\t${spec.completions ?? '<unset>'}\n`)
  if (spec.completionMode !== undefined) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`)
  if (spec.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`)
  if (spec.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`)
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`)
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${w.time(st.startTime)}\n`)
  if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${w.time(st.completionTime)}\n`)
  if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(parseTime(st.completionTime) - parseTime(st.startTime))}\n`)
  if (spec.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
  const counts = `${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`
  if (st.ready === undefined || st.ready === null) w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active / ${counts}\n`)
  else w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${counts}\n`)
  if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes, 50)}\n`)
  describePodTemplate(w, spec.template)
  if (events) describeEvents(w, events)
}

export function describeCronJob(w: DescribeWriter, cj: CronJob, events: Event[] | undefined): void {
  const spec = cj.spec
  w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', cj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations)
  w.write(LEVEL_0, `Schedule:\t${spec.schedule}\n`)
  w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`)
  w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec.suspend)}\n`)
  w.write(LEVEL_0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}\n`)
  w.write(LEVEL_0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}\n`)
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds !== undefined ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`)
  const jt = spec.jobTemplate?.spec
  w.write(LEVEL_0, `Selector:\t${jt?.selector ? selectorString(jt.selector) : '<unset>'}\n`)
  w.write(LEVEL_0, `Parallelism:\t${jt?.parallelism ?? '<unset>'}\n`)
  w.write(LEVEL_0, `Completions:\t${jt?.completions ?? '<unset>'}\n`)
  if (jt?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`)
  describePodTemplate(w, jt?.template)
  const last = cj.status?.lastScheduleTime
  w.write(LEVEL_0, `Last Schedule Time:\t${last ? w.time(last) : '<unset>'}\n`)
  const active = cj.status?.active ?? []
  w.write(LEVEL_0, 'Active Jobs:\t')
  if (!active.length) w.writeLine('<none>')
  else w.writeLine(active.map((j) => j.name ?? '').join(', '))
  if (events) describeEvents(w, events)
}
