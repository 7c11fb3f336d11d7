// Command substitution $( … ) and ` … `: the commands run in a subshell whose
// output is captured (bounded), trailing newlines removed; $? becomes its status.
import type { Wait } from '../api.ts'
import type { Script } from '../parse/ast.ts'
import { reportDeath, runProcess, runScript } from './exec.ts'
import type { Sh } from './sh.ts'
import { Capture } from './streams.ts'

export function* commandSubst(sh: Sh, body: Script): Generator<Wait, string, void> {
  const sub = sh.subshell()
  const last = body.items[body.items.length - 1]
  if (last?.k === 'list') sub.execLastList = last
  // busybox ash evaluates a substitution as a tested command: set -e does not fire inside.
  sub.tested++
  const out = new Capture()
  sub.fds[1] = { w: out }
  const code = yield* reportDeath(sh, runProcess(sub, runScript(sub, body)))
  sh.status = code
  sh.substStatus = code
  let text = out.text()
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--
  if (end < text.length) text = text.slice(0, end)
  return text
}
