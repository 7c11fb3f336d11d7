// The lab as the worker runs it: a terminal session, the input log, and virtual
// time paced against the wall clock at the chosen speed. Everything the student
// does is an input-log entry stamped with virtual time, so the lab can be rebuilt
// exactly (rewind, reload, crash) by replaying the log from the seed.
import { ProcessHandle } from '../engine/kernel/process.ts'
import type { Job } from '../engine/api/types.ts'
import { Session } from '../session/index.ts'
import { evaluateLabChecks } from './lab-checks.ts'
import { complete } from './complete.ts'
import { markersFromStderr } from './markers.ts'
import type { FromWorker, InputEntry, LabInit, ToWorker } from './protocol.ts'
import { sideKubectl } from './side.ts'
import { stepToChange } from './step.ts'
import { timelineSnapshot } from './snapshot.ts'

export interface WallClock {
  now(): number
  later(fn: () => void, ms: number): void
}

const TICK_MS = 50
const EVENTS_PER_TICK = 40_000
/**
 * A jump ahead (+1 day, or the slider dragged far forward) can take seconds of simulation: it runs in slices of this much
 * wall time, publishing the clock between them, so the page shows the lab working and
 * the worker still answers (Tab completion, the pod drawer) meanwhile.
 */
const JUMP_SLICE_MS = 40
const JUMP_EVENTS = 2_000
const SNAPSHOT_MS = 200
const CHECKS_MS = 500
/**
 * Output the terminal may have in hand before the lab waits for it. A real terminal
 * blocks a program that writes faster than it draws (the pty buffer fills); here the
 * whole simulation waits, so that `yes` neither floods the page (xterm.js drops data
 * and throws past 50 MB) nor runs ahead of what the student can see.
 */
const OUTPUT_HIGH = 1 << 20

export class LabRuntime {
  private session!: Session
  private init!: LabInit
  private log: InputEntry[] = []
  private playing = false
  private speed = 10
  private horizon = 0
  private pending = ''
  private running: ProcessHandle | null = null
  private line = ''
  private stderr = ''
  private lastWall = 0
  private lastSnapshot = -1
  private lastSnapshotWall = 0
  private lastChecksWall = 0
  private checksVersion = -1
  private ticking = false
  private replaying = false
  /** The student pressed Ctrl-C while the current line ran. */
  private interrupted = false
  /** Characters of output posted and not yet acknowledged by the page (with flow control). */
  private unread = 0
  /**
   * The jump ahead in progress, if any: +1 day, or a seek forward with the slider, which
   * also runs again the logged input it passes (`replay`, oldest first) at its moment.
   */
  private jumping: { from: number; to: number; replay: InputEntry[] } | null = null
  private jumpGen = 0
  /** Characters of terminal output so far (a step stops at a command's output too). */
  private printed = 0
  /** Input that came during a jump: it happens after the jump, as if the jump had been instant. */
  private deferred: ToWorker[] = []

  /** The terminal's size, kept across rebuilds: it is the screen's, not the lab's. */
  private winsize: [number, number] | undefined

  constructor(
    private post: (m: FromWorker) => void,
    private wall: WallClock,
  ) {}

  handle(m: ToWorker): void {
    if (this.jumping && (m.type === 'line' || m.type === 'file' || m.type === 'step')) {
      this.deferred.push(m)
      return
    }
    switch (m.type) {
      case 'init':
        this.endJump()
        this.boot(m.init, m.init.log, m.init.until)
        break
      case 'resize':
        this.winsize = [m.cols, m.rows]
        this.session?.resize(m.cols, m.rows)
        break
      case 'line':
        this.input({ at: this.now(), kind: 'line', line: m.line })
        break
      case 'interrupt':
        if (this.running) this.input({ at: this.now(), kind: 'interrupt' })
        else this.post({ type: 'prompt', prompt: this.session.prompt(), code: 130 })
        break
      case 'file':
        this.input({ at: this.now(), kind: 'file', name: m.name, content: m.content })
        break
      case 'complete':
        this.post({ type: 'completions', id: m.id, ...complete(this.session, m.line) })
        break
      case 'play':
        this.playing = true
        if (m.speed) this.speed = m.speed
        this.startTicking()
        break
      case 'pause':
        this.playing = false
        this.publish(true)
        break
      case 'speed':
        this.speed = m.speed
        this.publish(true)
        break
      case 'step':
        this.post({ type: 'stepped', ...stepToChange({ kernel: this.session.cluster.kernel, store: this.session.cluster.store, output: () => this.printed }) })
        this.horizon = Math.max(this.horizon, this.now())
        this.publish(true)
        break
      case 'jump':
        // Another jump while one runs goes on from where that one ends.
        this.jumping = this.jumping ? { ...this.jumping, to: this.jumping.to + m.ms } : { from: this.now(), to: this.now() + m.ms, replay: [] }
        this.jumpSlice(++this.jumpGen)
        break
      case 'seek':
        this.endJump()
        this.seek(m.at)
        break
      case 'ack':
        this.unread = Math.max(0, this.unread - m.chars)
        break
      case 'lang':
        this.init = { ...this.init, lang: m.lang }
        this.publishChecks()
        break
      case 'crash':
        throw new Error('simulated worker failure (test hook)')
      case 'query':
        this.post({ type: 'queryResult', id: m.id, text: sideKubectl(this.session, m.what === 'logs' ? ['logs', m.pod, '-n', m.namespace, '--all-containers'] : ['describe', 'pod', m.pod, '-n', m.namespace]) })
        break
    }
  }

  /** Run a slice of the jump in progress; the rest follows after the worker has read its messages. */
  private jumpSlice(gen: number): void {
    if (!this.jumping || gen !== this.jumpGen) return
    const k = this.session.cluster.kernel
    const began = this.wall.now()
    const j = this.jumping
    let done = false
    for (;;) {
      // A seek forward stops at each logged input on the way, and runs it again there.
      const next = j.replay[0]
      const until = next && next.at <= j.to ? next.at : j.to
      const reached = k.runUntil(until, JUMP_EVENTS)
      if (reached && next && until === next.at) {
        j.replay.shift()
        this.apply(next, true)
      } else if ((done = reached)) break
      if (this.wall.now() - began >= JUMP_SLICE_MS) break
    }
    this.horizon = Math.max(this.horizon, this.now())
    if (done) this.endJump()
    else {
      this.publish(false)
      this.wall.later(() => this.jumpSlice(gen), 0)
    }
  }

  /** Stop jumping (done, or a rewind or a new lab), then let the input that waited for it happen. */
  private endJump(): void {
    if (!this.jumping) return
    this.jumping = null
    this.jumpGen++
    this.publish(true)
    const waiting = this.deferred
    this.deferred = []
    for (const m of waiting) this.handle(m)
  }

  private now(): number {
    return this.session.cluster.now()
  }

  /** Build the lab from the seed and replay `log` up to `until` (or all of it). */
  private boot(init: LabInit, log: InputEntry[], until?: number): void {
    this.init = init
    this.running?.kill()
    this.running = null
    this.pending = ''
    this.session = new Session({ seed: init.seed, start: init.start, files: init.files.map((f) => ({ name: f.name, data: f.content })), env: init.lang === 'ko' ? { BATCHLAB_LANG: 'ko' } : {} })
    if (this.winsize) this.session.resize(...this.winsize)
    this.session.setSink((stream, text) => {
      if (stream === 'stderr') this.stderr += text
      if (this.init.flowControl) this.unread += text.length
      this.printed += text.length
      this.post({ type: 'output', data: text, stream })
    })
    this.watchJobs()
    // A new cluster's history starts its versions afresh: publish it whatever the old one said.
    this.lastSnapshot = -1
    this.checksVersion = -1
    this.log = []
    this.replaying = true
    for (const e of log) {
      if (until !== undefined && e.at > until) break
      this.advanceTo(e.at)
      this.apply(e)
    }
    this.replaying = false
    if (until !== undefined) this.advanceTo(until)
    this.horizon = Math.max(this.horizon, this.now())
    this.post({ type: 'ready', now: this.now() })
    // The replay showed each line after its own prompt (echo); one prompt ends it.
    if (!this.running) this.post(this.pending ? { type: 'prompt', prompt: '> ', code: 0, more: true } : { type: 'prompt', prompt: this.session.prompt(), code: 0 })
    this.publish(true)
    this.startTicking()
  }

  private seek(at: number): void {
    const target = Math.max(this.init.start, at)
    if (target >= this.now()) {
      // Forward: the same sliced run as +1 day, so a long way ahead never freezes the page.
      const replay = this.log.filter((e) => e.at > this.now() && e.at <= target)
      this.jumping = { from: this.now(), to: target, replay }
      this.jumpSlice(++this.jumpGen)
      return
    }
    const keep = this.log
    this.playing = false
    this.post({ type: 'reset' })
    this.boot(this.init, keep, target)
    this.log = keep
  }

  /** A new input from the student: drop any "future" left by a rewind, log it, apply it. */
  private input(e: InputEntry): void {
    if (this.log.some((x) => x.at > e.at)) {
      this.log = this.log.filter((x) => x.at <= e.at)
      this.post({ type: 'logReset', log: this.log })
    }
    this.apply(e)
  }

  private apply(e: InputEntry, replayed = false): void {
    if (!replayed) {
      this.log.push(e)
      if (!this.replaying) this.post({ type: 'log', entry: e })
    }
    if (e.kind === 'file') {
      this.session.fs.writeFile(e.name.startsWith('/') ? e.name : `/root/${e.name}`, e.content)
      return
    }
    if (e.kind === 'interrupt') {
      this.interrupted = this.running !== null
      this.running?.signal('INT')
      this.settle()
      return
    }
    // Lines run again by a replay or a seek forward are shown as typed, after their prompt.
    if (this.replaying || replayed) this.post({ type: 'echo', prompt: this.pending ? '> ' : this.session.prompt(), line: e.line })
    this.startLine(e.line)
  }

  private startLine(text: string): void {
    const full = this.pending + text
    if (this.session.needsMore(full)) {
      this.pending = full + '\n'
      if (!this.replaying) this.post({ type: 'prompt', prompt: '> ', code: 0, more: true })
      return
    }
    this.pending = ''
    if (!full.trim()) {
      this.session.blankLine()
      if (!this.replaying) this.post({ type: 'prompt', prompt: this.session.prompt(), code: 0 })
      return
    }
    this.line = full
    this.interrupted = false
    this.stderr = ''
    this.post({ type: 'busy' })
    const handle = new ProcessHandle(this.session.cluster.kernel, this.session.run(full), (code) => this.lineDone(code))
    this.running = handle
    this.session.attach(handle)
    handle.start()
    this.settle()
    this.startTicking()
  }

  /** Run what is due now (the line's first steps), without moving the clock. */
  private settle(): void {
    const k = this.session.cluster.kernel
    k.runUntil(k.now(), EVENTS_PER_TICK)
  }

  private lineDone(code: number): void {
    this.running = null
    this.session.attach(undefined)
    // Interactive bash starts a new line after a foreground job that SIGINT killed
    // (the terminal has echoed ^C); a program that catches it and exits, as
    // kubectl get -w does with status 1, leaves the prompt after the ^C.
    if (this.interrupted && code === 130) this.post({ type: 'output', data: '\n', stream: 'stdout' })
    this.interrupted = false
    this.reportApply(this.line, code)
    if (!this.replaying) this.post({ type: 'prompt', prompt: this.session.prompt(), code })
    // Checks may look at the commands typed, not only at the cluster's history.
    if (!this.replaying) this.publishChecks()
  }

  private reportApply(line: string, code: number): void {
    const m = /^\s*kubectl\s+(?:apply|create)\s+(?:.*\s)?-f\s+(\S+)/.exec(line)
    if (!m) return
    const file = m[1].replace(/^\.\//, '')
    let source = ''
    try {
      source = this.session.fs.readFile(file, this.session.shell.cwd)
    } catch {
      return
    }
    this.post({ type: 'applied', file, ok: code === 0, errors: code === 0 ? [] : markersFromStderr(this.stderr, source) })
  }

  private advanceTo(t: number): void {
    const k = this.session.cluster.kernel
    while (k.now() < t) if (k.runUntil(t, EVENTS_PER_TICK * 10)) break
    this.horizon = Math.max(this.horizon, this.now())
  }

  private watchJobs(): void {
    this.session.cluster.store.watch((e) => {
      if (e.type !== 'MODIFIED' || this.replaying) return
      const done = (j: Job | undefined) => j?.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
      const now = done(e.object as Job)
      if (now && !done(e.old as Job)) this.post({ type: 'jobFinished', name: e.object.metadata.name, namespace: e.object.metadata.namespace ?? 'default', outcome: now.type as 'Complete' | 'Failed' })
    }, 'Job')
  }

  private startTicking(): void {
    if (this.ticking) return
    this.ticking = true
    this.lastWall = this.wall.now()
    this.wall.later(() => this.tick(), TICK_MS)
  }

  /** Time flows while playing, and while a terminal command waits on it (sleep, -w, wait). */
  private tick(): void {
    const wall = this.wall.now()
    const dt = wall - this.lastWall
    this.lastWall = wall
    const flowing = this.playing || this.running !== null
    if (flowing && this.unread <= OUTPUT_HIGH) {
      const k = this.session.cluster.kernel
      const target = k.now() + dt * this.speed
      k.runUntil(target, EVENTS_PER_TICK)
      this.horizon = Math.max(this.horizon, this.now())
    }
    this.publish(false)
    if (flowing || this.replaying) this.wall.later(() => this.tick(), TICK_MS)
    else this.ticking = false
  }

  private publish(force: boolean): void {
    const k = this.session.cluster.kernel
    this.post({ type: 'clock', now: k.now(), playing: this.playing, speed: this.speed, horizon: this.horizon, nextEvent: k.nextEventTime(), ...(this.jumping && { jump: { from: this.jumping.from, to: this.jumping.to } }) })
    const wall = this.wall.now()
    const history = this.session.cluster.history
    if (history && history.version !== this.lastSnapshot && (force || wall - this.lastSnapshotWall >= SNAPSHOT_MS)) {
      this.lastSnapshot = history.version
      this.lastSnapshotWall = wall
      this.post({ type: 'timeline', snapshot: timelineSnapshot(this.session, this.init.start) })
    }
    if (history && history.version !== this.checksVersion && (force || wall - this.lastChecksWall >= CHECKS_MS)) this.publishChecks()
  }

  private publishChecks(): void {
    this.checksVersion = this.session.cluster.history?.version ?? -1
    this.lastChecksWall = this.wall.now()
    this.post({ type: 'checks', results: evaluateLabChecks(this.session, this.init) })
  }
}
