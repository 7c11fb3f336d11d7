// The pod status a 1.33 kubelet reports from what its runtime observed (kubelet_pods.go getPhase and
// convertToAPIContainerStatuses, status/generate.go conditions); a condition keeps lastTransitionTime while
// its status holds.
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodPhase, PodStatus } from '../api/types.ts'
import { rfc3339 } from '../kernel/time.ts'

/** One run of a container as the runtime reports it. */
export interface InstanceView {
  id: string
  restartCount: number
  image: string
  imageID: string
  state: 'running' | 'exited'
  startedAt: number
  finishedAt?: number
  exitCode?: number
  reason?: string
  message?: string
}

export interface ContainerView {
  spec: Container
  /** Observed instances, oldest first (the kubelet keeps the last two). */
  instances: InstanceView[]
  /** The reason cache: why the last attempt to start it failed (CrashLoopBackOff, ErrImagePull…). */
  waiting?: { reason: string; message: string }
}

export interface PodView {
  pod: Pod
  init: ContainerView[]
  main: ContainerView[]
  sandboxReady: boolean
  hostIP: string
  podIP?: string
  startTime: string
  /** The pod is being or has been terminated (deleted, evicted, or finished). */
  terminal: boolean
  /** An eviction's phase reason and message (DeadlineExceeded). */
  evicted?: { reason: string; message: string }
  now: number
}

const UNKNOWN = { reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' }

function terminated(i: InstanceView): ContainerState {
  const t: NonNullable<ContainerState['terminated']> = { exitCode: i.exitCode ?? 0, reason: i.reason }
  if (i.message) t.message = i.message
  t.startedAt = rfc3339(i.startedAt)
  t.finishedAt = rfc3339(i.finishedAt ?? i.startedAt)
  t.containerID = i.id
  return { terminated: t }
}

function shouldRestart(pod: Pod, c: ContainerView, init: boolean): boolean {
  const last = c.instances[c.instances.length - 1]
  if (!last) return true
  if (last.state === 'running') return false
  if (init && c.spec.restartPolicy === 'Always') return true
  if (init) return last.exitCode !== 0 && pod.spec.restartPolicy !== 'Never'
  const policy = pod.spec.restartPolicy ?? 'Always'
  return policy === 'Always' || (policy === 'OnFailure' && last.exitCode !== 0)
}

function containerStatus(v: PodView, c: ContainerView, init: boolean, defaultWaiting: string, unknownIfAbsent: boolean): ContainerStatus {
  const cur = c.instances[c.instances.length - 1]
  const prev = c.instances[c.instances.length - 2]
  let state: ContainerState = { waiting: { reason: defaultWaiting } }
  let lastState: ContainerState = prev ? terminated(prev) : {}
  if (cur?.state === 'running') state = { running: { startedAt: rfc3339(cur.startedAt) } }
  else if (cur) state = terminated(cur)
  // A container that will be started again shows why it is waiting.
  const sidecar = init && c.spec.restartPolicy === 'Always'
  if (!v.terminal && c.waiting && shouldRestart(v.pod, c, init) && !(init && !sidecar && cur?.exitCode === 0)) {
    if (cur) lastState = terminated(cur)
    state = { waiting: { reason: c.waiting.reason, message: c.waiting.message } }
  }
  if (v.terminal && unknownIfAbsent && !cur && !state.terminated) state = { terminated: { exitCode: 137, reason: UNKNOWN.reason, message: UNKNOWN.message } }
  const running = !!state.running
  const st: ContainerStatus = {
    name: c.spec.name,
    state,
    lastState,
    ready: running,
    restartCount: cur?.restartCount ?? 0,
    image: cur?.image ?? c.spec.image ?? '',
    imageID: cur?.imageID ?? '',
  }
  if (cur) st.containerID = cur.id
  st.started = running
  if (cur) {
    // InPlacePodVerticalScaling (beta, on in 1.33): what the runtime was given and what was allocated.
    const r = c.spec.resources ?? {}
    if (r.requests && Object.keys(r.requests).length) st.allocatedResources = { ...r.requests }
    st.resources = { ...(r.limits ? { limits: { ...r.limits } } : {}), ...(r.requests ? { requests: { ...r.requests } } : {}) }
  }
  if (c.spec.volumeMounts?.length) st.volumeMounts = c.spec.volumeMounts.map((m) => (m.readOnly ? { name: m.name, mountPath: m.mountPath, readOnly: true, recursiveReadOnly: 'Disabled' } : { name: m.name, mountPath: m.mountPath }))
  return st
}

/** getPhase (kubelet_pods.go), sidecars (restartable init containers) included. */
export function podPhase(pod: Pod, init: ContainerStatus[], main: ContainerStatus[], terminal: boolean): PodPhase {
  const sidecars = sidecarNames(pod)
  let pendingInit = 0
  let pendingSidecars = 0
  let failedInit = 0
  let running = 0
  let waiting = 0
  let stopped = 0
  let succeeded = 0
  let unknown = 0
  for (const s of init) {
    if (sidecars.has(s.name)) {
      if (s.state.running) {
        if (!s.started) pendingSidecars++
        running++
      } else if (s.state.waiting && !s.lastState.terminated) {
        pendingSidecars++
        waiting++
      } else if (!s.state.terminated && !s.state.waiting) {
        pendingSidecars++
        unknown++
      }
      continue
    }
    if (s.state.running) pendingInit++
    else if (s.state.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++
    } else if (s.state.waiting) {
      const last = s.lastState.terminated
      if (last && last.exitCode !== 0) failedInit++
      else if (!last) pendingInit++
    } else pendingInit++
  }
  const mainStarted = main.some((s) => s.state.running || s.state.terminated || s.lastState.terminated)
  for (const s of main) {
    if (s.state.running) running++
    else if (s.state.terminated) {
      stopped++
      if (s.state.terminated.exitCode === 0) succeeded++
    } else if (s.state.waiting) {
      if (s.lastState.terminated) stopped++
      else waiting++
    } else unknown++
  }
  if (failedInit > 0 && pod.spec.restartPolicy === 'Never') return 'Failed'
  if (pendingInit > 0 || (pendingSidecars > 0 && !mainStarted) || waiting > 0) return 'Pending'
  if (running > 0 && unknown === 0) return 'Running'
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (terminal) return stopped === succeeded ? 'Succeeded' : 'Failed'
    if ((pod.spec.restartPolicy ?? 'Always') === 'Always') return 'Running'
    if (stopped === succeeded) return 'Succeeded'
    if (pod.spec.restartPolicy === 'Never') return 'Failed'
    return 'Running'
  }
  return 'Pending'
}

export function sidecarNames(pod: Pod): Set<string> {
  return new Set((pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name))
}

function names(list: string[]): string {
  return `[${list.join(' ')}]`
}

function conditions(v: PodView, phase: PodPhase, init: ContainerStatus[], main: ContainerStatus[], old: PodCondition[]): PodCondition[] {
  const out: PodCondition[] = old.filter((c) => !['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].includes(c.type))
  const add = (type: string, ok: boolean, reason?: string, message?: string) => {
    const c: PodCondition = { type, status: ok ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: '' }
    if (reason) c.reason = reason
    if (message) c.message = message
    out.push(c)
  }
  add('PodReadyToStartContainers', v.sandboxReady)
  const sidecars = sidecarNames(v.pod)
  const incomplete = init.filter((s) => (sidecars.has(s.name) ? !s.started : !(s.state.terminated?.exitCode === 0))).map((s) => s.name)
  const mainStarted = main.some((s) => s.state.running || s.state.terminated || s.lastState.terminated)
  if (phase === 'Succeeded') add('Initialized', true, 'PodCompleted')
  else if (incomplete.length && !mainStarted) add('Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: ${names(incomplete)}`)
  else add('Initialized', true)
  const unready = [...init.filter((s) => sidecars.has(s.name)), ...main].filter((s) => !s.ready).map((s) => s.name)
  let ready: [boolean, string?, string?]
  if (phase === 'Succeeded') ready = [false, 'PodCompleted']
  else if (phase === 'Failed') ready = [false, 'PodFailed']
  else if (unready.length) ready = [false, 'ContainersNotReady', `containers with unready status: ${names(unready)}`]
  else ready = [true]
  add('Ready', ...ready)
  add('ContainersReady', ...ready)
  add('PodScheduled', true)
  const now = rfc3339(v.now)
  for (const c of out) {
    const before = old.find((o) => o.type === c.type)
    c.lastTransitionTime = before && before.status === c.status ? before.lastTransitionTime : now
  }
  return out
}

/** The full status the kubelet writes for the pod. */
export function generatePodStatus(v: PodView): PodStatus {
  const old = v.pod.status ?? { phase: 'Pending' }
  const hasInit = v.init.length > 0
  const init = v.init.map((c) => containerStatus(v, c, true, 'PodInitializing', true))
  // status manager TerminatePod: a pod that never got past its init containers is
  // described by them; its containers keep waiting.
  const initialized = v.init.every((c) => c.instances[c.instances.length - 1]?.exitCode === 0)
  const main = v.main.map((c) => containerStatus(v, c, false, hasInit ? 'PodInitializing' : 'ContainerCreating', initialized))
  // An init container that exited 0 is never shown waiting again.
  let phase: PodPhase = v.evicted ? 'Failed' : podPhase(v.pod, init, main, v.terminal)
  if (old.phase === 'Succeeded' || old.phase === 'Failed') phase = old.phase
  const s: PodStatus = { phase, conditions: conditions(v, phase, init, main, old.conditions ?? []) }
  const reason = v.evicted?.reason ?? (phase === old.phase ? old.reason : undefined)
  const message = v.evicted?.message ?? (phase === old.phase ? old.message : undefined)
  if (message) s.message = message
  if (reason) s.reason = reason
  if (old.nominatedNodeName) s.nominatedNodeName = old.nominatedNodeName
  s.hostIP = v.hostIP
  s.hostIPs = [{ ip: v.hostIP }]
  const podIP = v.podIP ?? old.podIP
  if (podIP) {
    s.podIP = podIP
    s.podIPs = [{ ip: podIP }]
  }
  s.startTime = v.startTime
  if (hasInit) s.initContainerStatuses = init
  s.containerStatuses = main
  s.qosClass = old.qosClass ?? qosClass(v.pod)
  return s
}

/** v1qos.GetPodQOS: Guaranteed when every container's requests equal its cpu and memory limits. */
export function qosClass(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
  let any = false
  let guaranteed = true
  for (const c of all) {
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    if (Object.keys(req).some((k) => k === 'cpu' || k === 'memory') || Object.keys(lim).some((k) => k === 'cpu' || k === 'memory')) any = true
    for (const r of ['cpu', 'memory']) if (lim[r] === undefined || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}
