// The state a pod lane shows, derived from the Pod object the way kubectl's STATUS
// column is (pkg/printers/internalversion/printers.go printPod), folded into the
// few colours the timeline draws.
import type { Pod } from '../api/types.ts'
import type { LaneState } from './types.ts'

export function laneStatus(pod: Pod): { state: LaneState; status: string } {
  const st = pod.status ?? { phase: 'Pending' }
  const terminal = st.phase === 'Succeeded' || st.phase === 'Failed'
  if (pod.metadata.deletionTimestamp && !terminal) return { state: 'Terminating', status: 'Terminating' }
  let status: string = st.reason || st.phase
  let running = false
  for (const c of [...(st.containerStatuses ?? [])].reverse()) {
    if (c.state.waiting?.reason) status = c.state.waiting.reason
    else if (c.state.terminated?.reason) status = c.state.terminated.reason
    else if (c.state.terminated) status = `ExitCode:${c.state.terminated.exitCode}`
    else if (c.state.running) running = true
  }
  if (status === 'Completed' && running) status = 'Running'
  if (st.phase === 'Succeeded') return { state: 'Succeeded', status }
  if (st.phase === 'Failed') return { state: 'Failed', status }
  if (status === 'CrashLoopBackOff') return { state: 'BackOff', status }
  if (status === 'ErrImagePull' || status === 'ImagePullBackOff' || status === 'InvalidImageName') return { state: 'ImagePullBackOff', status }
  if (status === 'ContainerCreating' || status === 'PodInitializing' || status.startsWith('Init:')) return { state: 'ContainerCreating', status }
  if (st.phase === 'Running') {
    if (running) return { state: 'Running', status: 'Running' }
    return { state: 'Error', status }
  }
  return { state: 'Pending', status }
}
