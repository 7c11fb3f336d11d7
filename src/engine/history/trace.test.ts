// CronJob ticks come from the controller's own decisions, not from its events:
// events are folded and, past the spam filter's burst, dropped, but the timeline
// must still show every tick a Forbid CronJob skipped.
import { describe, expect, it } from 'vitest'
import { Session } from '../../session/index.ts'

const CJ = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: fb
spec:
  schedule: "* * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: t
            image: busybox:1.36
            command: ["sleep", "150"]
          restartPolicy: Never
`

describe('CronJob ticks in the history', () => {
  it('records created and skipped ticks for every scheduled time, past the event spam limit', () => {
    const s = new Session({ files: [{ name: 'cj.yaml', data: CJ }] })
    s.runLine('kubectl apply -f cj.yaml')
    s.runLine('sleep 3600')
    const ticks = s.cluster.history!.ticks.filter((t) => t.cronJob === 'fb')
    const minutes = new Set(ticks.map((t) => Math.floor((t.at - Date.parse('2026-01-01T00:00:00Z')) / 60_000)))
    // Every minute from 00:01 to 00:59 is either a created or a skipped tick.
    for (let m = 1; m < 60; m++) expect(minutes.has(m), `minute ${m}`).toBe(true)
    expect(ticks.filter((t) => t.kind === 'skipped').length).toBeGreaterThan(25)
    const created = ticks.filter((t) => t.kind === 'created')
    expect(created.every((t) => t.jobName === `fb-${(t.scheduledAt ?? 0) / 60_000}`)).toBe(true)
  })
})
