// Lesson checks against a terminal session: the check context (history, the
// commands typed, live objects, volumes, logs) and the evaluation of a lesson's
// checks in one language. Used by the worker (live) and by CI (reference solutions).
import type { PersistentVolumeClaim, Pod } from '../engine/api/types.ts'
import { renderLog } from '../engine/kubelet/logs.ts'
import type { Session } from '../session/index.ts'
import type { DirNode } from '../shell/fs/vfs.ts'
import { evaluateCheck, type CheckContext, type CheckOutcome } from './checks.ts'
import type { CheckSpec, Lang } from './types.ts'

export function checkContext(session: Session): CheckContext {
  const c = session.cluster
  return {
    history: c.history!,
    now: c.now(),
    commands: session.history,
    get: (kind, name, ns = 'default') => c.store.get(kind, kind === 'Node' ? undefined : ns, name) as Record<string, unknown> | undefined,
    list: (kind, ns = 'default') => c.store.list(kind, kind === 'Node' ? undefined : ns) as unknown as Record<string, unknown>[],
    volumeFiles(claim, ns = 'default') {
      const pvc = c.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, claim)
      const dir = pvc && c.provisioner.volumes.get(pvc.metadata.uid)
      return dir ? filesUnder(dir).sort() : undefined
    },
    logs(pod, ns = 'default') {
      const p = c.store.get<Pod>('Pod', ns, pod)
      const container = p?.spec.containers[0]?.name
      if (!container) return ''
      const a = c.podLogs(ns, pod, container)
      return a.ok ? renderLog(a.log.entries) : ''
    },
  }
}

/** Paths of the regular files under a volume's directory, relative to it ("daily/a.txt"). */
function filesUnder(dir: DirNode, prefix = ''): string[] {
  return [...dir.entries].flatMap(([name, n]) => (n.type === 'dir' ? filesUnder(n, `${prefix}${name}/`) : [prefix + name]))
}

export interface CheckReport {
  id: string
  passed: boolean
  reason?: string
  message: string
  hint?: string
}

export function evaluateChecks(session: Session, checks: CheckSpec[], lang: Lang): CheckReport[] {
  const ctx = checkContext(session)
  return checks.map((spec) => {
    const r: CheckOutcome = evaluateCheck(ctx, spec.expect)
    return { id: spec.id, passed: r.passed, reason: r.reason, message: r.message[lang], hint: r.reason ? spec.hints?.[r.reason]?.[lang] : undefined }
  })
}
