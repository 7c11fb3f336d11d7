// Container logs as the CRI stores them (lines with nanosecond timestamps and streams, partial lines) and as
// the kubelet serves them: current and previous instance, rotated at 10 MiB keeping the newest lines, with
// the kubelet's and apiserver's errors (kubelet_pods.go validateContainerLogStatus).
import type { ContainerStatus, Pod } from '../api/types.ts'

export const LOG_MAX_BYTES = 10 * 1024 * 1024
/** containerd splits a line longer than this into partial entries. */
const MAX_LINE = 16 * 1024
/** Bytes a CRI log line costs on disk besides its text: "<ts> stdout F " and "\n". */
const LINE_OVERHEAD = 41

export type LogStream = 'stdout' | 'stderr'

export interface LogEntry {
  /** Virtual ms of the write. */
  ms: number
  /** Nanoseconds within that millisecond, 0–999999. */
  sub: number
  stream: LogStream
  text: string
  /** No newline ended this text (CRI tag P). */
  partial: boolean
}

/** RFC3339NanoFixed, the timestamp `kubectl logs --timestamps` prints. */
export function logTimestamp(e: Pick<LogEntry, 'ms' | 'sub'>): string {
  const iso = new Date(e.ms).toISOString()
  const ns = String((e.ms % 1000) * 1_000_000 + e.sub).padStart(9, '0')
  return iso.slice(0, 19) + '.' + ns + 'Z'
}

/** The raw log text, as `kubectl logs` prints it. */
export function renderLog(entries: readonly LogEntry[], timestamps = false): string {
  let out = ''
  for (const e of entries) out += (timestamps ? logTimestamp(e) + ' ' : '') + e.text + (e.partial ? '' : '\n')
  return out
}

type Listener = (e: LogEntry) => void

/** One container instance's log. */
export class ContainerLog {
  /** Lines kept, oldest first; those before `head` were rotated away and wait to be compacted. */
  private kept: LogEntry[] = []
  private head = 0
  private bytes = 0
  private pending: Record<LogStream, string> = { stdout: '', stderr: '' }
  private lastMs = -1
  private lastSub = 0
  private listeners = new Set<Listener>()
  private enders = new Set<() => void>()
  closed = false

  constructor(
    private clock: () => number,
    /** Nanoseconds past the millisecond a write lands at (seeded). */
    private jitter: () => number = () => 0,
  ) {}

  write(stream: LogStream, chunk: string): void {
    if (this.closed || !chunk) return
    let buf = this.pending[stream] + chunk
    let nl: number
    while ((nl = buf.indexOf('\n')) >= 0) {
      this.emitLine(stream, buf.slice(0, nl), false)
      buf = buf.slice(nl + 1)
    }
    while (buf.length >= MAX_LINE) {
      this.emitLine(stream, buf.slice(0, MAX_LINE), true)
      buf = buf.slice(MAX_LINE)
    }
    this.pending[stream] = buf
  }

  /** The lines the log holds now, oldest first. */
  get entries(): readonly LogEntry[] {
    this.compact()
    return this.kept
  }

  /** A line written before the kubelet was keeping this log (a container it found running): dated `ms` and `sub` ns. */
  writeAt(ms: number, sub: number, stream: LogStream, chunk: string): void {
    const { clock, jitter } = this
    this.clock = () => ms
    this.jitter = () => sub
    try {
      this.write(stream, chunk)
    } finally {
      this.clock = clock
      this.jitter = jitter
    }
  }

  /** The process exited: an unfinished line is written as a partial entry. */
  close(): void {
    if (this.closed) return
    for (const s of ['stdout', 'stderr'] as const) if (this.pending[s]) this.emitLine(s, this.pending[s], true)
    this.pending = { stdout: '', stderr: '' }
    this.closed = true
    for (const end of this.enders) end()
    this.listeners.clear()
    this.enders.clear()
  }

  /** Stream new entries (kubectl logs -f); `onEnd` runs when the instance exits. Returns an unsubscribe. */
  follow(onEntry: Listener, onEnd: () => void): () => void {
    if (this.closed) {
      onEnd()
      return () => {}
    }
    this.listeners.add(onEntry)
    this.enders.add(onEnd)
    return () => {
      this.listeners.delete(onEntry)
      this.enders.delete(onEnd)
    }
  }

  private emitLine(stream: LogStream, text: string, partial: boolean): void {
    // Nanosecond stamps strictly increase, as lines written in one millisecond do.
    let ms = this.clock()
    let sub = this.jitter()
    if (ms < this.lastMs || (ms === this.lastMs && sub <= this.lastSub)) {
      ms = this.lastMs
      sub = this.lastSub + 1
      if (sub === 1_000_000) [ms, sub] = [ms + 1, 0]
    }
    this.lastMs = ms
    this.lastSub = sub
    const e: LogEntry = { ms, sub, stream, text, partial }
    this.kept.push(e)
    this.bytes += text.length + LINE_OVERHEAD
    if (this.bytes > LOG_MAX_BYTES) this.rotate()
    for (const l of this.listeners) l(e)
  }

  // Dropping the oldest lines one splice per new line is quadratic once a chatty
  // container (yes, while :; do echo x; done) fills the cap: the dropped lines are
  // only counted off here and cut out in one go when they are half the array or
  // someone reads the log.
  private rotate(): void {
    const { kept } = this
    while (this.bytes > LOG_MAX_BYTES && this.head < kept.length) this.bytes -= kept[this.head++].text.length + LINE_OVERHEAD
    if (this.head > 4096 && this.head * 2 > kept.length) this.compact()
  }

  private compact(): void {
    if (!this.head) return
    this.kept.splice(0, this.head)
    this.head = 0
  }
}

export interface LogRequest {
  previous?: boolean
}

export type LogAnswer = { ok: true; log: ContainerLog } | { ok: false; code: 400 | 404; message: string }

/** The log instances a kubelet keeps for each container of each pod. */
export class PodLogs {
  private byContainer = new Map<string, { current?: ContainerLog; previous?: ContainerLog; ids: Map<string, ContainerLog> }>()

  constructor(
    private clock: () => number,
    private jitter: () => number = () => 0,
  ) {}

  /** A new instance of a container starts: the current one becomes the previous. */
  start(container: string, containerID: string): ContainerLog {
    let c = this.byContainer.get(container)
    if (!c) this.byContainer.set(container, (c = { ids: new Map() }))
    const log = new ContainerLog(this.clock, this.jitter)
    if (c.previous) for (const [id, l] of c.ids) if (l === c.previous) c.ids.delete(id)
    c.previous = c.current
    c.current = log
    c.ids.set(containerID, log)
    return log
  }

  byId(container: string, containerID: string): ContainerLog | undefined {
    return this.byContainer.get(container)?.ids.get(containerID)
  }
}

/**
 * Which instance `kubectl logs` reads, from the container's status, with the
 * kubelet's errors when there is none (validateContainerLogStatus).
 */
export function pickLog(pod: Pod, logs: PodLogs | undefined, container: string, req: LogRequest): LogAnswer {
  const name = pod.metadata.name
  const bad = (message: string): LogAnswer => ({ ok: false, code: 400, message })
  const st = findStatus(pod, container)
  if (!st) return bad(`container ${JSON.stringify(container)} in pod ${JSON.stringify(name)} is not available`)
  const last = st.lastState?.terminated
  const get = (id: string | undefined) => (id && logs?.byId(container, id)) || undefined
  if (req.previous) {
    const l = get(last?.containerID)
    return l ? { ok: true, log: l } : bad(`previous terminated container ${JSON.stringify(container)} in pod ${JSON.stringify(name)} not found`)
  }
  const { running, terminated, waiting } = st.state
  let id: string | undefined
  if (running) id = st.containerID
  else if (terminated) id = terminated.containerID || last?.containerID
  else if (last) id = last.containerID
  else if (waiting) {
    const why = waiting.reason === 'ErrImagePull' ? "image can't be pulled" : waiting.reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : waiting.reason ?? ''
    return bad(`container ${JSON.stringify(container)} in pod ${JSON.stringify(name)} is waiting to start: ${why}`)
  }
  const l = get(id)
  if (l) return { ok: true, log: l }
  if (terminated || last) return bad(`container ${JSON.stringify(container)} in pod ${JSON.stringify(name)} is terminated`)
  return bad(`container ${JSON.stringify(container)} in pod ${JSON.stringify(name)} is waiting to start - no logs yet`)
}

function findStatus(pod: Pod, container: string): ContainerStatus | undefined {
  const s = pod.status
  return s?.containerStatuses?.find((c) => c.name === container) ?? s?.initContainerStatuses?.find((c) => c.name === container)
}

/** Where the apiserver forwards a log request: the kubelet of the pod's node. */
export interface LogSource {
  podLogs(podUid: string): PodLogs | undefined
}

/**
 * GET /api/v1/namespaces/{ns}/pods/{name}/log: the apiserver's checks, then the
 * kubelet's. `container` must already be chosen (kubectl defaults it).
 */
export function readPodLogs(
  getPod: (ns: string, name: string) => Pod | undefined,
  kubeletFor: (node: string) => LogSource | undefined,
  ns: string,
  podName: string,
  container: string,
  req: LogRequest = {},
): LogAnswer {
  const pod = getPod(ns, podName)
  if (!pod) return { ok: false, code: 404, message: `pods ${JSON.stringify(podName)} not found` }
  const known = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].some((c) => c.name === container)
  if (!known) return { ok: false, code: 400, message: `container ${container} is not valid for pod ${podName}` }
  // LogLocation has no node to forward to: the apiserver answers 204 No Content, so
  // kubectl prints nothing and exits 0 (pkg/registry/core/pod/strategy.go, StreamObject).
  if (!pod.spec.nodeName) return { ok: true, log: noContent() }
  return pickLog(pod, kubeletFor(pod.spec.nodeName)?.podLogs(pod.metadata.uid), container, req)
}

/** An empty, finished stream: what an unscheduled pod's log request returns. */
function noContent(): ContainerLog {
  const log = new ContainerLog(() => 0)
  log.close()
  return log
}
