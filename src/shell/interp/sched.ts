// Cooperative scheduling inside one process tree (pipeline stages, background
// jobs): processes are generators that yield when they must wait; every step costs
// virtual CPU, and a used-up slice makes the tree yield so the clock moves on.
import type { Signal, Wait } from '../api.ts'
import { OUT_OF_MEMORY } from './control.ts'
import type { Sh } from './sh.ts'
import type { Pipe } from './streams.ts'

export type Gen = Generator<Wait, number, void>

/** Yielded when the CPU slice is used up: resume as soon as the clock has moved. */
export const PREEMPT: Wait = { until: -Infinity }

/** Virtual CPU time one process may run before the host gets control back, in ms. */
export const SLICE_MS = 10

/** A value this long (characters) makes the host look at the process's memory; each look raises the mark by half. */
export const MEM_CHECK_CHARS = 1 << 16

/**
 * The most a process tree may hold (bytes, 2 a character) whatever its limit: a little
 * below what a JavaScript string can be, and far below a node's memory, so a runaway
 * variable ends as an OOM kill (what the node's OOM killer would do) long before it
 * could take the worker's own memory.
 */
export const MAX_PROCESS_BYTES = 512 * 1024 * 1024

export interface Task {
  gen: Gen
  /** Resume time; -Infinity when runnable, Infinity when waiting for a change. */
  until: number
  done: boolean
  code: number
  pid: number
  sh: Sh
  /** The pipe this task writes (closed when it ends; SIGPIPE when broken). */
  out?: Pipe
  /** The pipe this task reads (broken when it ends). */
  in?: Pipe
  /** The signal that ended it, if one did. */
  signal?: number
  /** Its end was collected while the shell waited for a foreground command (nothing to report then). */
  reaped?: boolean
  /** Virtual CPU ms used in the current round (each process gets a slice per round). */
  cpu: number
  /** A background job's number ([1]) and, at the terminal, its command as bash prints it. */
  job?: number
  text?: string
  /** The running command catches INT, TERM and HUP (CommandContext.onSignal). */
  onSignal?: (sig: Signal) => void
}

export class Sched {
  tasks: Task[] = []
  activity = 0
  /** Virtual CPU ms used since the process last gave the host control. */
  debt = 0

  constructor(
    readonly stepCost: number,
    readonly slice = SLICE_MS,
  ) {}

  spawn(sh: Sh, gen: Gen, pipes: { in?: Pipe; out?: Pipe } = {}): Task {
    const t: Task = { gen, until: -Infinity, done: false, code: 0, pid: sh.ownPid, sh, cpu: 0, out: pipes.out, in: pipes.in }
    this.tasks.push(t)
    this.activity++
    return t
  }

  finish(t: Task, code: number): void {
    if (t.done) return
    t.done = true
    t.code = t.out?.epipe ? 141 : code
    t.out?.close()
    t.in?.breakPipe()
    this.activity++
  }

  /** End a task at once (a signal's default action). */
  kill(t: Task, code: number): void {
    if (t.done) return
    try {
      t.gen.return(code)
    } catch {
      // a finally block that throws while unwinding changes nothing here
    }
    this.finish(t, code)
  }

  /** The task being stepped (its own CPU slice is what preempts it). */
  current: Task | null = null

  /** Characters a value must pass before the host is asked to look at memory again. */
  memHigh = MEM_CHECK_CHARS
  /** A value grew past memHigh: the process yields so the host can hold it to its memory limit. */
  memCheck = false

  /** A variable is about to hold `chars` characters (only called past memHigh). */
  grew(chars: number): void {
    if (chars * 2 > MAX_PROCESS_BYTES) throw OUT_OF_MEMORY
    this.memHigh = chars + (chars >> 1)
    this.memCheck = true
  }

  /** Charge one interpreter step; true when the running task's slice is used up (or memory needs a look). */
  tick(): boolean {
    this.debt += this.stepCost
    const t = this.current
    if (!t) return this.debt >= this.slice || this.memCheck
    t.cpu += this.stepCost
    return t.cpu >= this.slice || this.memCheck
  }

  prune(): void {
    if (this.tasks.some((t) => t.done)) this.tasks = this.tasks.filter((t) => !t.done)
  }
}
