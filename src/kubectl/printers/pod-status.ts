// The READY, STATUS and RESTARTS cells of `kubectl get pods` as the API server computes them: the last
// container's reason wins, Init:N/M, Terminating, "3 (25s ago)". Upstream: k/k pkg/printers/internalversion/printers.go (printPod).
import type { ContainerStatus, Pod } from '../../engine/api/types.ts'
import { parseTime } from '../../engine/kernel/time.ts'
import { humanDuration } from '../duration.ts'

export interface PodCells {
  ready: string
  status: string
  restarts: string
}

function isSidecar(pod: Pod, name: string): boolean {
  return (pod.spec.initContainers ?? []).some((c) => c.name === name && c.restartPolicy === 'Always')
}

function hasCondition(pod: Pod, type: string, status = 'True'): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === status)
}

/** podutils.IsPodReady: the pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return hasCondition(pod, 'Ready')
}

function finishedAt(c: ContainerStatus): number {
  const t = c.lastState?.terminated?.finishedAt
  return t ? parseTime(t) : 0
}

export function podCells(pod: Pod, now: number): PodCells {
  const st = pod.status ?? ({ phase: 'Pending' } as Pod['status'])
  let reason: string = st.reason || st.phase || ''
  if ((st.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated'
  const inits = pod.spec.initContainers ?? []
  const total = pod.spec.containers.length + inits.filter((c) => c.restartPolicy === 'Always').length
  let ready = 0
  let restarts = 0
  let lastRestart = 0
  let sidecarRestarts = 0
  let sidecarLastRestart = 0
  let initializing = false

  const initStatuses = st.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]
    restarts += c.restartCount
    lastRestart = Math.max(lastRestart, finishedAt(c))
    const sidecar = isSidecar(pod, c.name)
    if (sidecar) {
      sidecarRestarts += c.restartCount
      sidecarLastRestart = Math.max(sidecarLastRestart, finishedAt(c))
    }
    const term = c.state?.terminated
    const wait = c.state?.waiting
    if (term && term.exitCode === 0) continue
    if (sidecar && c.started) {
      if (c.ready) ready++
      continue
    }
    if (term) {
      if (term.reason) reason = 'Init:' + term.reason
      else reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`
    } else if (wait?.reason && wait.reason !== 'PodInitializing') reason = 'Init:' + wait.reason
    else reason = `Init:${i}/${inits.length}`
    initializing = true
    break
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = sidecarRestarts
    lastRestart = sidecarLastRestart
    let hasRunning = false
    const statuses = st.containerStatuses ?? []
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]
      restarts += c.restartCount
      lastRestart = Math.max(lastRestart, finishedAt(c))
      const wait = c.state?.waiting
      const term = c.state?.terminated
      if (wait?.reason) reason = wait.reason
      else if (term?.reason) reason = term.reason
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`
      else if (c.ready && c.state?.running) {
        hasRunning = true
        ready++
      }
    }
    // A pod whose main containers finished but whose sidecars still run.
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady'
  }

  if (pod.metadata.deletionTimestamp && st.reason === 'NodeLost') reason = 'Unknown'
  else if (pod.metadata.deletionTimestamp && st.phase !== 'Succeeded' && st.phase !== 'Failed') reason = 'Terminating'

  const restartText = restarts === 0 || !lastRestart ? String(restarts) : `${restarts} (${humanDuration(now - lastRestart)} ago)`
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText }
}
