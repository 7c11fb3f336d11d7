// "Next event" steps to the next change the student can see and says what it was.
import { describe, expect, it } from 'vitest'
import type { FromWorker } from './protocol.ts'
import { LabRuntime } from './runtime.ts'
import { INIT, START } from './testing.ts'


function steps(n: number, first?: string) {
  const out: FromWorker[] = []
  const rt = new LabRuntime((m) => out.push(m), { now: () => 0, later: () => undefined })
  rt.handle({ type: 'init', init: INIT })
  if (first) rt.handle({ type: 'line', line: first })
  const seen: string[] = []
  for (let i = 0; i < n; i++) {
    rt.handle({ type: 'step' })
    const s = out.filter((m) => m.type === 'stepped').pop() as Extract<FromWorker, { type: 'stepped' }>
    seen.push(`+${(s.at - s.from) / 1000}s ${s.changes.map((c) => `${c.kind} ${c.verb} ${c.detail ?? ''}`.trim()).join(', ')}${s.more ? ` +${s.more}` : ''}${s.idle ? ' idle' : ''}`)
  }
  return seen
}

describe('Next event', () => {
  it('steps from change to change of the Job and its pod, each a visible one, then a quiet day at most', () => {
    const seen = steps(6, 'kubectl apply -f job.yaml')
    expect(seen).toMatchInlineSnapshot(`
      [
        "+0.009s Pod scheduled node02",
        "+0.007s Pod status ContainerCreating",
        "+2.621s Pod status Running",
        "+5s Pod status Completed",
        "+1s Job status Complete",
        "+86391.961s ",
      ]
    `)
  })

  it('where nothing visible happens, stops within a day and says nothing changed', () => {
    const [quiet] = steps(1)
    expect(quiet).toMatch(/^\+\d+(\.\d+)?s $/)
    expect(Number(quiet.slice(1, -2))).toBeLessThanOrEqual(86_400)
  })
})
