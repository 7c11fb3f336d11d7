// Waiting on the virtual clock for the cluster to reach a state: the command
// yields until its deadline, and any change in the store wakes it to look again.
// Used by delete --wait and kubectl wait.
import type { Wait } from '../shell/api.ts'
import type { KubectlContext } from './context.ts'

/** Resolves true once `done()` holds, false when `deadline` (virtual ms) passes first. */
export function* waitUntil(ctx: KubectlContext, done: () => boolean, deadline: number): Generator<Wait, boolean, void> {
  if (done()) return true
  const unwatch = ctx.store.watch(() => ctx.host.wake())
  try {
    for (;;) {
      if (ctx.now() >= deadline) return done()
      yield { until: deadline }
      if (done()) return true
    }
  } finally {
    unwatch()
  }
}
