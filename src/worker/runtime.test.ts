// The worker's lab runtime, driven in Node with a fake wall clock: terminal lines
// run on virtual time, time flows while playing, and a rewind rebuilds exactly the
// same lab by replaying the input log from the seed.
import { describe, expect, it } from 'vitest'
import type { FromWorker, LabInit } from './protocol.ts'
import { LabRuntime, type WallClock } from './runtime.ts'
import { INIT, START } from './testing.ts'


class FakeWall implements WallClock {
  t = 0
  private timers: { at: number; fn: () => void }[] = []
  now() {
    return this.t
  }
  later(fn: () => void, ms: number) {
    this.timers.push({ at: this.t + ms, fn })
  }
  /** Let `ms` of wall time pass, firing timers in order. */
  pass(ms: number) {
    const end = this.t + ms
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at)
      const next = this.timers[0]
      if (!next || next.at > end) break
      this.timers.shift()
      this.t = next.at
      next.fn()
    }
    this.t = end
  }
}

/** Each look at the wall clock takes 10 ms, so a slice's budget runs out after a few thousand events. */
class SlowWall extends FakeWall {
  override now() {
    return (this.t += 10)
  }
}

const CRON = 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: tick\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: c\n            image: busybox:1.36\n            command: ["true"]\n          restartPolicy: Never\n'

function lab() {
  const out: FromWorker[] = []
  const wall = new FakeWall()
  const rt = new LabRuntime((m) => out.push(m), wall)
  rt.handle({ type: 'init', init: INIT })
  const text = () => out.filter((m) => m.type === 'output').map((m) => (m as { data: string }).data).join('')
  const last = <T extends FromWorker['type']>(type: T) => out.filter((m) => m.type === type).pop() as Extract<FromWorker, { type: T }> | undefined
  return { rt, out, wall, text, last }
}

describe('LabRuntime', () => {
  it('runs a terminal line at once and prompts again', () => {
    const l = lab()
    l.rt.handle({ type: 'line', line: 'kubectl apply -f job.yaml' })
    expect(l.text()).toBe('job.batch/hello created\n')
    expect(l.last('prompt')).toMatchObject({ prompt: 'controlplane:~$ ', code: 0 })
    expect(l.last('log')?.entry).toEqual({ at: START, kind: 'line', line: 'kubectl apply -f job.yaml' })
  })

  it('lets virtual time flow at the chosen speed while playing, and not when paused', () => {
    const l = lab()
    l.rt.handle({ type: 'play', speed: 60 })
    l.wall.pass(1000)
    expect(l.last('clock')!.now).toBe(START + 60_000)
    l.rt.handle({ type: 'pause' })
    l.wall.pass(1000)
    expect(l.last('clock')!.now).toBe(START + 60_000)
  })

  it('keeps a line that waits (sleep) running on the clock even when paused', () => {
    const l = lab()
    l.rt.handle({ type: 'speed', speed: 10 })
    l.rt.handle({ type: 'line', line: 'sleep 5; echo woke' })
    expect(l.text()).toBe('')
    l.wall.pass(600)
    expect(l.text()).toBe('woke\n')
  })

  it('asks for more input while a command is incomplete', () => {
    const l = lab()
    l.rt.handle({ type: 'line', line: 'for i in 1 2; do' })
    expect(l.last('prompt')).toMatchObject({ prompt: '> ', more: true })
    l.rt.handle({ type: 'line', line: 'echo $i; done' })
    expect(l.text()).toBe('1\n2\n')
  })

  it('rewinds by replaying the log: the same lab as a fresh replay to that moment', () => {
    const a = lab()
    a.rt.handle({ type: 'line', line: 'kubectl apply -f job.yaml' })
    a.rt.handle({ type: 'jump', ms: 60_000 })
    a.rt.handle({ type: 'line', line: 'kubectl get pods -o name' })
    const log = a.out.filter((m) => m.type === 'log').map((m) => (m as { entry: LabInit['log'][number] }).entry)
    a.rt.handle({ type: 'seek', at: START + 30_000 })
    expect(a.out.some((m) => m.type === 'reset')).toBe(true)
    expect(a.last('clock')!.now).toBe(START + 30_000)
    const snapA = a.last('timeline')!.snapshot

    const outB: FromWorker[] = []
    const rb = new LabRuntime((m) => outB.push(m), new FakeWall())
    rb.handle({ type: 'init', init: { ...INIT, log, until: START + 30_000 } })
    const snapB = (outB.filter((m) => m.type === 'timeline').pop() as Extract<FromWorker, { type: 'timeline' }>).snapshot
    expect(JSON.stringify(snapA)).toBe(JSON.stringify(snapB))
  })

  it('evaluates the checks again when a command ends, though the cluster did not change', () => {
    const out: FromWorker[] = []
    const rt = new LabRuntime((m) => out.push(m), new FakeWall())
    const check = { id: 'read-logs', title: { en: 'read', ko: 'read' }, expect: { type: 'command', matches: '^kubectl logs ' }, hints: {} }
    rt.handle({ type: 'init', init: { ...INIT, checks: [check] } })
    const last = () => (out.filter((m) => m.type === 'checks').pop() as Extract<FromWorker, { type: 'checks' }>).results[0]
    expect(last()).toMatchObject({ id: 'read-logs', passed: false })
    rt.handle({ type: 'line', line: 'kubectl logs nope' })
    expect(last()).toMatchObject({ id: 'read-logs', passed: true })
  })

  it('starts a new line after a command that Ctrl-C killed, and not after kubectl get -w, which exits 1', () => {
    const l = lab()
    l.rt.handle({ type: 'line', line: 'sleep 100' })
    l.rt.handle({ type: 'interrupt' })
    expect(l.text()).toBe('\n')
    expect(l.last('prompt')).toMatchObject({ code: 130 })
    l.rt.handle({ type: 'line', line: 'kubectl get jobs -w' })
    l.rt.handle({ type: 'interrupt' })
    expect(l.text()).toBe('\n')
    expect(l.last('prompt')).toMatchObject({ code: 1 })
  })

  it('reports check messages and hints in the language the student switches to', () => {
    const out: FromWorker[] = []
    const rt = new LabRuntime((m) => out.push(m), new FakeWall())
    const check = { id: 'read-logs', title: { en: 'read', ko: '읽기' }, expect: { type: 'command', matches: '^kubectl logs ' }, hints: { notRun: { en: 'Read the logs.', ko: '로그를 읽으세요.' } } }
    rt.handle({ type: 'init', init: { ...INIT, checks: [check] } })
    const last = () => (out.filter((m) => m.type === 'checks').pop() as Extract<FromWorker, { type: 'checks' }>).results[0]
    expect(last().hint).toBe('Read the logs.')
    rt.handle({ type: 'lang', lang: 'ko' })
    expect(last().hint).toBe('로그를 읽으세요.')
  })

  it('with flow control, waits for the terminal to draw a flood of output before running on', () => {
    const out: FromWorker[] = []
    const wall = new FakeWall()
    const rt = new LabRuntime((m) => out.push(m), wall)
    rt.handle({ type: 'init', init: { ...INIT, flowControl: true } })
    const chars = () => out.reduce((n, m) => n + (m.type === 'output' ? m.data.length : 0), 0)
    rt.handle({ type: 'line', line: 'yes' })
    wall.pass(2000)
    const held = chars()
    expect(held).toBeGreaterThan(1 << 20)
    wall.pass(2000)
    expect(chars()).toBe(held)
    rt.handle({ type: 'ack', chars: held })
    wall.pass(200)
    expect(chars()).toBeGreaterThan(held)
    rt.handle({ type: 'interrupt' })
    expect(out.filter((m) => m.type === 'prompt').pop()).toMatchObject({ code: 130 })
  })

  it('replays each line after its own prompt and ends with one prompt, not one more per line', () => {
    const out: FromWorker[] = []
    const rt = new LabRuntime((m) => out.push(m), new FakeWall())
    const log: LabInit['log'] = [
      { at: START, kind: 'line', line: 'echo -n one' },
      { at: START, kind: 'line', line: 'for i in 1; do' },
      { at: START, kind: 'line', line: 'echo $i; done' },
    ]
    rt.handle({ type: 'init', init: { ...INIT, log } })
    const shown = out.filter((m) => m.type === 'echo' || m.type === 'prompt' || m.type === 'output').map((m) => (m.type === 'output' ? m.data : m.type === 'echo' ? `[${m.prompt}]${m.line}\n` : `[${m.prompt}]`))
    expect(shown.join('')).toBe('[controlplane:~$ ]echo -n one\none[controlplane:~$ ]for i in 1; do\n[> ]echo $i; done\n1\n[controlplane:~$ ]')
  })

  it('runs a long jump in slices, publishing the clock between them, and defers input to its end', () => {
    const out: FromWorker[] = []
    const wall = new SlowWall()
    const rt = new LabRuntime((m) => out.push(m), wall)
    rt.handle({ type: 'init', init: INIT })
    rt.handle({ type: 'file', name: 'cron.yaml', content: CRON })
    rt.handle({ type: 'line', line: 'kubectl apply -f cron.yaml' })
    const clocks = () => out.filter((m): m is Extract<FromWorker, { type: 'clock' }> => m.type === 'clock')
    const HOURS = 6 * 3_600_000
    rt.handle({ type: 'jump', ms: HOURS })
    const first = clocks().pop()!
    expect(first.jump).toEqual({ from: START, to: START + HOURS })
    expect(first.now).toBeLessThan(START + HOURS)
    rt.handle({ type: 'line', line: 'echo after' })
    expect(out.filter((m) => m.type === 'log').pop()).toMatchObject({ entry: { line: 'kubectl apply -f cron.yaml' } })
    for (let i = 0; i < 10_000 && clocks().pop()!.jump; i++) wall.pass(10)
    const seen = clocks().filter((c) => c.jump).map((c) => c.now)
    expect(seen.length).toBeGreaterThan(1)
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)
    const last = clocks().pop()!
    expect(last.now).toBe(START + HOURS)
    expect(last.jump).toBeUndefined()
    expect(out.filter((m) => m.type === 'log').pop()).toEqual({ type: 'log', entry: { at: START + HOURS, kind: 'line', line: 'echo after' } })
  })

  it('runs a long seek forward with the slider in slices too, running the logged lines again at their moments', () => {
    const out: FromWorker[] = []
    const wall = new SlowWall()
    const rt = new LabRuntime((m) => out.push(m), wall)
    const HOUR = 3_600_000
    const log: LabInit['log'] = [
      { at: START, kind: 'file', name: 'cron.yaml', content: CRON },
      { at: START, kind: 'line', line: 'kubectl apply -f cron.yaml' },
      { at: START + 3 * HOUR, kind: 'line', line: 'kubectl get cronjob tick -o name' },
    ]
    // A lab that has been 6 hours ahead, rewound to its start.
    rt.handle({ type: 'init', init: { ...INIT, log, until: START + 6 * HOUR } })
    const atEnd = (out.filter((m) => m.type === 'timeline').pop() as Extract<FromWorker, { type: 'timeline' }>).snapshot
    rt.handle({ type: 'seek', at: START })
    expect(out.filter((m) => m.type === 'clock').pop()).toMatchObject({ now: START, horizon: START + 6 * HOUR })
    const from = out.length
    const clocks = () => out.slice(from).filter((m): m is Extract<FromWorker, { type: 'clock' }> => m.type === 'clock')
    const text = () => out.slice(from).filter((m) => m.type === 'output').map((m) => (m as { data: string }).data).join('')

    rt.handle({ type: 'seek', at: START + 6 * HOUR })
    const first = clocks().pop()!
    expect(first.jump).toEqual({ from: START, to: START + 6 * HOUR })
    expect(first.now).toBeLessThan(START + 6 * HOUR)
    // Input sent meanwhile waits for the end of the seek.
    rt.handle({ type: 'line', line: 'echo after' })
    for (let i = 0; i < 10_000 && clocks().pop()!.jump; i++) wall.pass(10)
    const seen = clocks().filter((c) => c.jump).map((c) => c.now)
    expect(seen.length).toBeGreaterThan(1)
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)
    const last = clocks().pop()!
    expect(last).toMatchObject({ now: START + 6 * HOUR, horizon: START + 6 * HOUR })
    expect(last.jump).toBeUndefined()
    // The line logged at +3 h ran again there, shown after its prompt; then the deferred one.
    expect(text()).toBe('cronjob.batch/tick\nafter\n')
    expect(out.slice(from).find((m) => m.type === 'echo')).toMatchObject({ line: 'kubectl get cronjob tick -o name' })
    expect(out.filter((m) => m.type === 'log').pop()).toEqual({ type: 'log', entry: { at: START + 6 * HOUR, kind: 'line', line: 'echo after' } })
    // The same lab as one that ran there in one go.
    const before = out.filter((m) => m.type === 'timeline')
    const snaps = before.map((m) => JSON.stringify((m as Extract<FromWorker, { type: 'timeline' }>).snapshot))
    expect(snaps).toContain(JSON.stringify(atEnd))
  })
})
