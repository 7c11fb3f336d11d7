// TTL-after-finished (research job-controller.md §6; k8s ttlafterfinished_controller_test.go): deletion at finish +
// TTL, Foreground, TTL re-read before deleting. The Jobs here are managed elsewhere, so the test writes their status.
import { describe, expect, it } from 'vitest'
import type { Job, JobCondition, JobSpec } from '../api/types.ts'
import { rfc3339 } from '../kernel/time.ts'
import { HARNESS_START, Harness } from './job/testing.ts'

const at = (s: number) => rfc3339(HARNESS_START + s * 1000)

function finish(h: Harness, type: JobCondition['type'], s: number, name = 'foobar'): void {
  h.kernel.at(HARNESS_START + s * 1000, () => {
    const j = h.job(name)
    const c = { type, status: 'True' as const, lastProbeTime: at(s), lastTransitionTime: at(s) }
    h.api.updateStatus(j, { ...j.status, conditions: [...(j.status.conditions ?? []), c] })
  })
}

function deletedAt(h: Harness, name = 'foobar'): () => number | undefined {
  let t: number | undefined
  h.store.watch((ev) => {
    if (ev.object.metadata.name === name && ev.object.metadata.deletionTimestamp && t === undefined) t = h.t()
  }, 'Job')
  return () => t
}

const managed = (spec: Partial<JobSpec>): Partial<JobSpec> => ({ managedBy: 'example.com/elsewhere', ...spec })

describe('TTL-after-finished', () => {
  const cases: { name: string; ttl?: number; finished: [JobCondition['type'], number][]; want?: number }[] = [
    { name: 'a Complete Job goes at finish + TTL', ttl: 100, finished: [['Complete', 6]], want: 106 },
    { name: 'a Failed Job goes at finish + TTL', ttl: 30, finished: [['Failed', 10]], want: 40 },
    { name: 'TTL 0: right after finishing', ttl: 0, finished: [['Complete', 6]], want: 6 },
    { name: 'without a TTL a finished Job stays', finished: [['Complete', 6]] },
    { name: 'FailureTarget or SuccessCriteriaMet alone is not finished', ttl: 0, finished: [['FailureTarget', 6], ['SuccessCriteriaMet', 7]] },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const h = new Harness()
      h.createJob(managed({ ttlSecondsAfterFinished: c.ttl }))
      const when = deletedAt(h)
      for (const [type, s] of c.finished) finish(h, type, s)
      h.advanceTo(1000)
      expect(when()).toBe(c.want)
    })
  }

  it('the deletion is Foreground: the Job keeps the foregroundDeletion finalizer until its pods are gone', () => {
    const h = new Harness()
    const job = h.createJob(managed({ ttlSecondsAfterFinished: 5 }))
    h.addPod(job, { phase: 'Succeeded', finalizer: false, nodeName: 'node01' })
    finish(h, 'Complete', 1)
    const seen: string[] = []
    h.store.watch((ev) => {
      const j = ev.object as Job
      if (j.metadata.deletionTimestamp) seen.push(`${h.t()} ${ev.type} ${j.metadata.finalizers ?? []}`)
    }, 'Job')
    h.advanceTo(10)
    expect(seen[0]).toBe('6 MODIFIED foregroundDeletion')
    expect(seen[seen.length - 1]).toMatch(/^6\.\d+ DELETED $/)
    expect(h.store.count('Pod')).toBe(0)
  })

  const mutated: { name: string; change: number; want: number }[] = [
    { name: 'raising the TTL before it expires postpones the deletion', change: 200, want: 206 },
    { name: 'lowering the TTL deletes at the new time', change: 60, want: 66 },
    { name: 'lowering it below the time already passed deletes at once', change: 1, want: 50 },
  ]
  for (const c of mutated) {
    it(c.name, () => {
      const h = new Harness()
      h.createJob(managed({ ttlSecondsAfterFinished: 100 }))
      const when = deletedAt(h)
      finish(h, 'Complete', 6)
      h.advanceTo(50)
      const j = h.job()
      h.api.update<Job>({ ...j, spec: { ...j.spec, ttlSecondsAfterFinished: c.change } })
      h.advanceTo(1000)
      expect(when()).toBe(c.want)
    })
  }

  it('a new Job with the same name is not deleted for the old one', () => {
    const h = new Harness()
    h.createJob(managed({ ttlSecondsAfterFinished: 100 }))
    finish(h, 'Complete', 6)
    h.advanceTo(50)
    h.store.remove('Job', 'default', 'foobar')
    const fresh = h.createJob(managed({ ttlSecondsAfterFinished: 100 }))
    h.advanceTo(300)
    expect(h.job().metadata.uid).toBe(fresh.metadata.uid)
  })
})
