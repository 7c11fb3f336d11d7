// Trap actions: run between commands when a trapped signal has arrived (ash's
// dotrap), with $? preserved unless the action exits.
import { parseCached } from '../parse/cache.ts'
import { SIGNAL_NAMES } from './control.ts'
import { runScript } from './exec.ts'
import type { Gen } from './sched.ts'
import type { Sh } from './sh.ts'

export function* runTraps(sh: Sh): Generator<import('../api.ts').Wait, void, void> {
  while (sh.pendingSigs.length) {
    const n = sh.pendingSigs.shift() as number
    const action = sh.traps.get(SIGNAL_NAMES[n])
    if (!action) continue
    const saved = sh.status
    const skip = sh.skip
    sh.skip = null
    yield* runTrapAction(sh, action)
    sh.skip = skip
    sh.status = saved
  }
}

export function* runTrapAction(sh: Sh, action: string): Gen {
  return yield* runScript(sh, parseCached(action, 1, sh.flavor === 'bash'))
}
