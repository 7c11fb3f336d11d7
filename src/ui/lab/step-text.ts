// The status line after "Next event": what changed, as `kubectl get` shows it, and how
// far the clock moved to get there.
import type { Stepped } from '../../worker/protocol.ts'
import type { Strings } from '../i18n.ts'

/** "pod countdown-abc12 Running, and 1 more (+0.4 s)": the step's changes and how far the clock moved. */
export function stepText(t: Strings, s: Stepped): string {
  const secs = (s.at - s.from) / 1000
  const after = t.stepAfter(String(Number(secs.toFixed(secs < 10 ? 3 : 0))))
  const what = s.changes.map((c) => t.stepChange(t.kindName[c.kind] ?? c.kind, c.name, c.verb, c.detail)).join(', ')
  if (!what) return s.idle ? t.stepIdle : `${t.stepQuiet} (${after})`
  return `${what}${s.more ? `, ${t.stepMore(s.more)}` : ''} (${after})`
}
