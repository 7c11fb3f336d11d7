// What the timeline draws, copied out of the engine's history for the page.
import type { CronJob } from '../engine/api/types.ts'
import type { Session } from '../session/index.ts'
import { missedTicks } from './missed.ts'
import type { TimelineSnapshot } from './protocol.ts'

export function timelineSnapshot(session: Session, start: number): TimelineSnapshot {
  const c = session.cluster
  const h = c.history!
  const cronJobs = c.store.list<CronJob>('CronJob')
  const missed = cronJobs.flatMap((cj) => missedTicks(cj, h.ticks.filter((t) => t.cronJob === cj.metadata.name), c.now()))
  return {
    now: c.now(),
    start,
    version: h.version,
    lanes: [...h.pods.values()],
    jobs: [...h.jobs.values()],
    ticks: missed.length ? [...h.ticks, ...missed] : h.ticks,
    cronJobs: cronJobs.map((cj) => ({
      name: cj.metadata.name,
      namespace: cj.metadata.namespace ?? 'default',
      schedule: cj.spec.schedule,
      timeZone: cj.spec.timeZone,
      suspend: !!cj.spec.suspend,
      createdAt: Date.parse(cj.metadata.creationTimestamp),
    })),
  }
}
