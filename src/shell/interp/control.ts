// Non-local exits of the interpreter: `exit` (and fatal errors, which ash
// reports and then unwinds to the top level with status 2: EXERROR in ash.c).

/** Unwinds to the nearest shell (process) boundary with an exit status. */
export class ExitSignal {
  constructor(
    readonly code: number,
    /** exec replaced the process: the EXIT trap does not run. */
    readonly replaced = false,
  ) {}
}

/** An error already printed; unwinds like ash's EXERROR (non-interactive shells exit). */
export class ShellError {
  constructor(readonly code = 2) {}
}

/** The process dies of a signal it did not choose (SIGSEGV when recursion runs out of stack). */
export class SignalDeath {
  constructor(readonly sig: number) {}
}

/**
 * The process asked for more memory than it may have: the kernel's OOM killer
 * ends it with SIGKILL. Also what JavaScript's own limits (a string longer than
 * V8 allows) turn into, so no "Invalid string length" ever reaches a user.
 */
export class OutOfMemory {}
export const OUT_OF_MEMORY = new OutOfMemory()

/** JavaScript ran out of room for a string or an array: the simulated process is out of memory. */
export function isOutOfMemory(e: unknown): boolean {
  return e instanceof OutOfMemory || (e instanceof RangeError && /Invalid (string|array|typed array) length|allocation failed/i.test(e.message))
}

/** A write to a pipe whose reader is gone: the writing process dies of SIGPIPE (141). */
export class SigPipe {}
export const SIGPIPE = new SigPipe()

/** Signal numbers, as Linux numbers them. */
export const SIGNALS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10,
  SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19,
  TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28,
  POLL: 29, PWR: 30, SYS: 31,
}

export const SIGNAL_NAMES: string[] = []
for (const [name, n] of Object.entries(SIGNALS)) SIGNAL_NAMES[n] = name

/** What ash prints when a foreground job dies of a signal (strsignal texts). */
export const SIGNAL_TEXT: Record<number, string> = {
  1: 'Hangup', 3: 'Quit', 4: 'Illegal instruction', 5: 'Trace/breakpoint trap', 6: 'Aborted',
  7: 'Bus error', 8: 'Floating point exception', 9: 'Killed', 10: 'User defined signal 1',
  11: 'Segmentation fault', 12: 'User defined signal 2', 14: 'Alarm clock', 15: 'Terminated',
}

/** Parse a signal given as a name (TERM, SIGTERM, term) or a number; undefined if unknown. */
export function parseSignal(s: string): number | undefined {
  if (/^[0-9]+$/.test(s)) {
    const n = Number(s)
    return n >= 0 && n < 65 ? n : undefined
  }
  const up = s.toUpperCase().replace(/^SIG/, '')
  if (up === 'EXIT') return 0
  return SIGNALS[up]
}
