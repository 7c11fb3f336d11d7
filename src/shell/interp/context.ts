// Which shell made a CommandContext, so programs that run other programs
// (timeout, xargs, env) can start them through it. Kept on the context under a
// symbol: cheaper than a WeakMap on the hot path of every command.
import type { CommandContext, Signal } from '../api.ts'
import type { Sh } from './sh.ts'

export const SHELL = Symbol('shell')

type WithShell = CommandContext & { [SHELL]?: Sh }

/** The shell behind a context, if the shell made it. */
export function shellOf(ctx: CommandContext): Sh | undefined {
  return (ctx as WithShell)[SHELL]
}

/**
 * A program ends because a signal killed it: the shell that waits for it prints
 * the signal's name ("Terminated") as ash does for a foreground job.
 */
export function killedBy(ctx: CommandContext, sig: number): number {
  const sh = shellOf(ctx)
  if (sh) sh.fgSignal = sig
  return 128 + sig
}

/** CommandContext.onSignal: the process running the command catches INT, TERM and HUP until removed. */
export function catchSignals(this: CommandContext, handler: (sig: Signal) => void): () => void {
  const task = shellOf(this)?.p.sched.current
  if (!task) return () => {}
  task.onSignal = handler
  return () => {
    if (task.onSignal === handler) task.onSignal = undefined
  }
}

/** Signals a program can catch this way, by number. */
export const CATCHABLE: Record<number, Signal> = { 1: 'HUP', 2: 'INT', 15: 'TERM' }
