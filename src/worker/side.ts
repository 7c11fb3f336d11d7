// kubectl run on the side, outside the terminal (the timeline's pod drawer asks for
// logs and describe): its output is returned, never shown in the terminal, and a
// command that would wait (logs -f) is cut off at its first wait.
import type { Session } from '../session/index.ts'
import { HOME, terminalEnv } from '../session/index.ts'
import { kubectlCommand } from '../kubectl/index.ts'
import type { CommandContext, InputStream } from '../shell/api.ts'

const EMPTY: InputStream = {
  *readAll() {
    return ''
  },
  *readLine() {
    return null
  },
}

export function sideKubectl(session: Session, argv: string[]): string {
  let out = ''
  const kernel = session.cluster.kernel
  const ctx: CommandContext = {
    argv: ['kubectl', ...argv],
    env: new Map(Object.entries(terminalEnv())),
    cwd: HOME,
    fs: session.fs,
    stdin: EMPTY,
    stdout: { write: (s) => (out += s) },
    stderr: { write: (s) => (out += s) },
    host: { now: () => kernel.now(), random: () => 0, wake: () => {} },
    interactive: false,
  }
  const r = kubectlCommand(session.cluster, { kubeconfig: session.kubeconfig })(ctx)
  if (typeof r !== 'number') {
    const first = r.next()
    if (!first.done) r.return(0)
  }
  return out
}
