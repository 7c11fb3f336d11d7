// Turns a timeline snapshot into rows: CronJobs with their ticks, each Job under
// its CronJob, each pod under its Job. Pure, so it is tested without React.
import type { CronTick, JobRecord, PodLane } from '../../engine/history/types.ts'
import type { TimelineSnapshot } from '../../worker/protocol.ts'

export type Row =
  | { kind: 'cron'; key: string; name: string; schedule: string; ticks: CronTick[]; depth: 0 }
  | { kind: 'job'; key: string; job: JobRecord; depth: 0 | 1 }
  | { kind: 'pod'; key: string; lane: PodLane; depth: 1 | 2; prev?: PodLane }

export function buildRows(s: TimelineSnapshot): Row[] {
  const rows: Row[] = []
  const lanesByJob = new Map<string, PodLane[]>()
  const loose: PodLane[] = []
  for (const l of s.lanes) {
    if (l.jobUid) {
      if (!lanesByJob.has(l.jobUid)) lanesByJob.set(l.jobUid, [])
      lanesByJob.get(l.jobUid)!.push(l)
    } else loose.push(l)
  }
  const jobsByCron = new Map<string, JobRecord[]>()
  const standalone: JobRecord[] = []
  for (const j of s.jobs) {
    const key = j.cronJobName ? `${j.namespace}/${j.cronJobName}` : ''
    if (key) {
      if (!jobsByCron.has(key)) jobsByCron.set(key, [])
      jobsByCron.get(key)!.push(j)
    } else standalone.push(j)
  }
  const pushJob = (j: JobRecord, depth: 0 | 1) => {
    rows.push({ kind: 'job', key: 'j:' + j.uid, job: j, depth })
    const lanes = (lanesByJob.get(j.uid) ?? []).sort((a, b) => a.createdAt - b.createdAt)
    lanes.forEach((lane, i) => rows.push({ kind: 'pod', key: 'p:' + lane.uid, lane, depth: depth === 0 ? 1 : 2, prev: lanes[i - 1] }))
    lanesByJob.delete(j.uid)
  }
  const cronKeys = new Set([...s.cronJobs.map((c) => `${c.namespace}/${c.name}`), ...jobsByCron.keys()])
  for (const key of [...cronKeys].sort()) {
    const [namespace, name] = key.split('/')
    const cj = s.cronJobs.find((c) => c.name === name && c.namespace === namespace)
    rows.push({ kind: 'cron', key: 'c:' + key, name, schedule: cj?.schedule ?? '', ticks: s.ticks.filter((t) => t.cronJob === name && t.namespace === namespace), depth: 0 })
    for (const j of (jobsByCron.get(key) ?? []).sort((a, b) => a.createdAt - b.createdAt)) pushJob(j, 1)
  }
  for (const j of standalone.sort((a, b) => a.createdAt - b.createdAt)) pushJob(j, 0)
  for (const lanes of lanesByJob.values()) loose.push(...lanes)
  for (const lane of loose.sort((a, b) => a.createdAt - b.createdAt)) rows.push({ kind: 'pod', key: 'p:' + lane.uid, lane, depth: 1 })
  return rows
}

/** Seconds between two ms times, rounded for display. */
export function secs(ms: number): number {
  return Math.round(ms / 100) / 10
}
