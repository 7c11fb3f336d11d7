// A process tree as the host sees it (api.ts Proc): one virtual CPU runs its
// processes until all wait, a slice is used, or the main process exits. Signals as
// Linux and ash: traps run between commands; PID 1 ignores TERM without a trap.
import type { Proc, Signal, Yield } from '../api.ts'
import { ExitSignal, isOutOfMemory, ShellError, SigPipe, SignalDeath, SIGNAL_NAMES, SIGNALS } from './control.ts'
import { CATCHABLE } from './context.ts'
import { runTrapAction } from './traps.ts'
import { MEM_CHECK_CHARS, type Gen, type Task } from './sched.ts'
import { PIPE_CAPACITY } from './streams.ts'
import type { Sh } from './sh.ts'

export class ShellProc implements Proc {
  private incoming: Signal[] = []
  private result: Yield | null = null
  /** The main process ran out of memory: the host sees it once (memoryBytes() is Infinity), then it is killed. */
  private oom = false
  main: Task

  constructor(
    private sh: Sh,
    gen: Gen,
    /** The terminal keeps its background jobs when a line ends. */
    private keepJobs = false,
  ) {
    this.main = sh.p.sched.spawn(sh, gen)
    sh.p.signalSelf = (n) => this.selfSignal(n)
  }

  signal(sig: Signal): void {
    this.incoming.push(sig)
  }

  /** Variables of every process plus what sits in pipes (UTF-16: 2 bytes a character). */
  memoryBytes(): number {
    if (this.oom) return Infinity
    let n = 0
    const seen = new Set<Map<string, string>>()
    for (const t of [this.main, ...this.sh.p.sched.tasks]) {
      if (seen.has(t.sh.vars)) continue
      seen.add(t.sh.vars)
      for (const [k, v] of t.sh.vars) n += k.length + v.length
      for (const p of t.sh.positional) n += p.length
      n += t.out?.size ?? 0
    }
    return n * 2
  }

  resume(): Yield {
    if (this.result) return this.result
    if (this.oom) return this.outOfMemory()
    while (this.incoming.length) this.deliver(this.incoming.shift() as Signal)
    if (this.result) return this.result
    const sched = this.sh.p.sched
    const now = this.sh.p.host.now()
    for (const t of sched.tasks) t.cpu = 0
    let poll = true
    for (;;) {
      const activity = sched.activity
      let runnable = false
      for (let i = 0; i < sched.tasks.length; i++) {
        const t = sched.tasks[i]
        if (t.done || !(poll || t.until <= now) || t.cpu >= sched.slice) continue
        if (t.out?.epipe) {
          t.signal = 13
          sched.kill(t, 141)
          continue
        }
        if (t.out && t.out.size > PIPE_CAPACITY) continue
        this.step(t)
        if (this.result) return this.result
        if (this.oom) return { done: false, until: now }
        if (this.main.done) return this.finish()
        if (sched.memCheck) {
          // A value grew a lot: let the host weigh the process against its memory limit now.
          sched.memCheck = false
          return { done: false, until: now }
        }
        if (!t.done && t.until <= now && t.cpu < sched.slice) runnable = true
      }
      sched.prune()
      if (sched.debt >= sched.slice) {
        // One CPU: the clock moves on by the CPU time all processes used, in whole slices.
        const slices = Math.floor(sched.debt / sched.slice)
        sched.debt -= slices * sched.slice
        return { done: false, until: now + slices * sched.slice }
      }
      if (!runnable && sched.activity === activity) {
        if (sched.tasks.some((t) => !t.done && t.cpu >= sched.slice)) {
          sched.debt = 0
          return { done: false, until: now + sched.slice }
        }
        sched.debt = 0
        let min = Infinity
        for (const t of sched.tasks) if (!t.done && t.until < min && !(t.out && t.out.size > PIPE_CAPACITY)) min = t.until
        return { done: false, until: min }
      }
      poll = sched.activity !== activity
    }
  }

  private step(t: Task): void {
    const sched = this.sh.p.sched
    sched.debt += sched.stepCost
    t.cpu += sched.stepCost
    sched.current = t
    let r: IteratorResult<{ until: number }, number>
    try {
      r = t.gen.next()
    } catch (e) {
      if (e instanceof SigPipe || e instanceof SignalDeath) {
        t.signal = e instanceof SigPipe ? 13 : e.sig
        sched.finish(t, 128 + t.signal)
        return
      }
      // Out of JavaScript stack: the shell "crashes" as deep recursion crashes ash (SIGSEGV).
      if (e instanceof RangeError && /call stack/.test(e.message)) {
        t.signal = 11
        sched.finish(t, 139)
        return
      }
      if (isOutOfMemory(e)) {
        // The OOM killer takes the process that grew (SIGKILL); when that is the main one, the host sees it first.
        t.signal = 9
        if (t === this.main) this.oom = true
        else sched.finish(t, 137)
        return
      }
      t.sh.stderr().write(`sh: internal error: ${(e as Error)?.message ?? String(e)}\n`)
      sched.finish(t, 2)
      return
    } finally {
      sched.current = null
    }
    if (r.done) sched.finish(t, r.value)
    else t.until = r.value.until
  }

  /** Drop the main process alone (the terminal's idle driver, when a line starts); the jobs run on under the next driver. */
  detach(): void {
    const sched = this.sh.p.sched
    sched.kill(this.main, 0)
    sched.prune()
    this.result = { done: true, code: 0 }
  }

  /** The main process is killed for want of memory (137). At the terminal the shell lives on, without the runaway values. */
  private outOfMemory(): Yield {
    this.oom = false
    const vars = this.sh.vars
    for (const [k, v] of vars) if (v.length > MEM_CHECK_CHARS) vars.delete(k)
    this.sh.p.sched.memHigh = MEM_CHECK_CHARS
    this.end(137)
    return this.result as Yield
  }

  private finish(): Yield {
    if (!this.keepJobs) this.killAll()
    this.sh.p.sched.prune()
    this.result = { done: true, code: this.main.code }
    return this.result
  }

  private end(code: number): void {
    this.killAll()
    this.main.code = code
    this.result = { done: true, code }
  }

  private killAll(): void {
    const sched = this.sh.p.sched
    for (const t of sched.tasks) if (!t.done && (t === this.main || !this.keepJobs)) sched.kill(t, 137)
    sched.prune()
  }

  /** A signal from outside (the kubelet's TERM, the terminal's Ctrl-C). */
  private deliver(sig: Signal): void {
    if (sig === 'KILL') return this.end(137)
    this.selfSignal(SIGNALS[sig])
  }

  /** Apply a signal to the main shell; true when the process ends now. */
  private selfSignal(n: number): boolean {
    const sh = this.sh
    if (n === 9) {
      this.end(137)
      return true
    }
    const action = sh.traps.get(SIGNAL_NAMES[n])
    if (action === '') return false
    if (action !== undefined) {
      if (n === 2 && sh.p.interactive && this.keepJobs) {
        // bash at a terminal: Ctrl-C ends the foreground command, then the INT trap runs.
        this.main.code = 130
        this.killMainOnly()
        this.result = null
        this.main = sh.p.sched.spawn(sh, trapThen(sh, action, 130))
        return true
      }
      sh.addPendingSig(n)
      return false
    }
    if (sh.p.interactive) {
      if (n === 15 || n === 3) return false
      if (this.keepJobs) {
        if (this.caughtInForeground(n)) return false
        this.main.code = 128 + n
        this.killMainOnly()
        return true
      }
    } else if (sh.p.pid1 && n !== 2) return false
    this.end(128 + n)
    return true
  }

  /**
   * Ctrl-C reaches every foreground process: one that catches it (kubectl's
   * interrupt handler) runs its handler, the others die of it, and the shell
   * waits on for the catchers. False when none catches it.
   */
  private caughtInForeground(n: number): boolean {
    const sched = this.sh.p.sched
    const name = CATCHABLE[n]
    const fg = sched.tasks.filter((t) => !t.done && t.sh.group === 0)
    if (!name || !fg.some((t) => t.onSignal)) return false
    for (const t of fg) {
      if (t.onSignal) {
        t.onSignal(name)
        t.until = -Infinity
      } else if (t !== this.main) {
        t.signal = n
        sched.kill(t, 128 + n)
      }
    }
    return true
  }

  /** Ctrl-C in the terminal ends the line (its foreground processes), not the background jobs. */
  private killMainOnly(): void {
    const sched = this.sh.p.sched
    for (const t of sched.tasks) if (!t.done && t.sh.group === 0 && t !== this.main) sched.kill(t, 130)
    sched.kill(this.main, this.main.code)
    this.result = { done: true, code: this.main.code }
  }
}

/** Run a trap action, then end with `code` (unless the action exits). */
function* trapThen(sh: Sh, action: string, code: number): Gen {
  try {
    yield* runTrapAction(sh, action)
  } catch (e) {
    if (e instanceof ExitSignal || e instanceof ShellError) return e.code
    throw e
  }
  sh.status = code
  return code
}
