// Which pods and containers `kubectl logs` reads: a pod, a TYPE/NAME's pod in ByLogging order (waiting
// for one to appear), or every -l match; the default container. Upstream: kubectl
// pkg/polymorphichelpers/logsforobject.go, helpers.go, pkg/util/podutils/podutils.go.
import type { Job, KObject, Pod } from '../../engine/api/types.ts'
import { parseTime } from '../../engine/kernel/time.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext } from '../context.ts'
import { KubectlError } from '../errors.ts'
import { goSort } from '../gosort.ts'
import { resolveResource } from '../mapper.ts'
import { isPodReady } from '../printers/pod-status.ts'
import { byKey, listFilter, listObjects } from '../resources.ts'
import { labelsMatch, selectorRequirements } from '../selectors.ts'

export interface LogTarget {
  pod: Pod
  container: string
}

function readyTime(p: Pod): number {
  const c = (p.status?.conditions ?? []).find((x) => x.type === 'Ready' && x.status === 'True')
  return c ? parseTime(c.lastTransitionTime) : 0
}

/** afterOrZero(t1, t2): t1 after t2, a zero time counting as latest. */
function afterOrZero(t1: number, t2: number): boolean {
  if (!t1 || !t2) return !t1
  return t1 > t2
}

function maxRestarts(p: Pod): [number, number] {
  const regular = Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount))
  const sidecars = new Set((p.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name))
  const side = Math.max(0, ...(p.status?.initContainerStatuses ?? []).filter((c) => sidecars.has(c.name)).map((c) => c.restartCount))
  return [regular, side]
}

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 }

/** podutils.ByLogging: the pod whose logs are most interesting first. */
export function byLogging(a: Pod, b: Pod): boolean {
  const na = a.spec.nodeName ?? ''
  const nb = b.spec.nodeName ?? ''
  if (na !== nb && (!na || !nb)) return !!na
  const pa = PHASE_RANK[a.status?.phase ?? ''] ?? 0
  const pb = PHASE_RANK[b.status?.phase ?? ''] ?? 0
  if (pa !== pb) return pa < pb
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a)
  if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a))
  const [ra, sa] = maxRestarts(a)
  const [rb, sb] = maxRestarts(b)
  if (ra !== rb) return ra > rb
  if (sa !== sb) return sa > sb
  const ca = parseTime(a.metadata.creationTimestamp) || 0
  const cb = parseTime(b.metadata.creationTimestamp) || 0
  if (ca !== cb) return afterOrZero(cb, ca)
  return false
}

/** "a, b, c (ephem), d (init)": every container of a pod, for the defaulting notice. */
function allContainerNames(p: Pod): string {
  const eph = ((p.spec.ephemeralContainers as { name: string }[] | undefined) ?? []).map((c) => `${c.name} (ephem)`)
  return [...p.spec.containers.map((c) => c.name), ...eph, ...(p.spec.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ')
}

/** The containers to read in one pod, with kubectl's defaulting and its stderr notices. */
export function containersFor(ctx: KubectlContext, pod: Pod, container: string, allContainers: boolean, allPods: boolean): LogTarget[] {
  if (allContainers) {
    const names = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name)
    return names.map((c) => ({ pod, container: c }))
  }
  let name = container
  const preferred = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']
  if (!name && preferred) {
    if (findContainer(pod, preferred)) name = preferred
    else ctx.err(`Default container name ${JSON.stringify(preferred)} not found in pod ${pod.metadata.name}\n`)
  }
  if (!name) {
    name = pod.spec.containers[0]?.name ?? ''
    const more = pod.spec.containers.length > 1 || (pod.spec.initContainers?.length ?? 0) > 0 || ((pod.spec.ephemeralContainers as unknown[] | undefined)?.length ?? 0) > 0
    if (more && !allPods) ctx.err(`Defaulted container ${JSON.stringify(name)} out of: ${allContainerNames(pod)}\n`)
  }
  if (!findContainer(pod, name)) throw new KubectlError(`container ${name} is not valid for pod ${pod.metadata.name}`)
  return [{ pod, container: name }]
}

function findContainer(pod: Pod, name: string): boolean {
  return [...pod.spec.containers, ...(pod.spec.initContainers ?? []), ...((pod.spec.ephemeralContainers as { name: string }[] | undefined) ?? [])].some((c) => c.name === name)
}

/** The pods of a TYPE/NAME: its selector (SelectorsForObject); only pods and Jobs have one here. */
function selectorOf(obj: KObject): Job['spec']['selector'] {
  if (obj.kind === 'Job') return (obj as Job).spec.selector
  throw new KubectlError(`cannot get the logs from *v1.${obj.kind}: selector for *v1.${obj.kind} not implemented`)
}

function podsMatching(ctx: KubectlContext, ns: string, sel: Job['spec']['selector']): Pod[] {
  const reqs = selectorRequirements(sel)
  return ctx.store.list<Pod>('Pod', ns).filter((p) => labelsMatch(reqs, p.metadata.labels)).sort(byKey)
}

/** GetPodList: the pods sorted ByLogging, or the first pod to appear within the timeout. */
function* podsOf(ctx: KubectlContext, obj: KObject, timeoutMs: number): Generator<Wait, Pod[], void> {
  const ns = obj.metadata.namespace ?? ctx.namespace
  const sel = selectorOf(obj)
  const found = podsMatching(ctx, ns, sel)
  if (found.length) return goSort(found, byLogging)
  let first: Pod | undefined
  const reqs = selectorRequirements(sel)
  const stop = ctx.store.watch((ev) => {
    if (first || ev.type === 'DELETED' || ev.object.metadata.namespace !== ns) return
    if (labelsMatch(reqs, ev.object.metadata.labels)) {
      first = ev.object as Pod
      ctx.host.wake()
    }
  }, 'Pod')
  const deadline = ctx.now() + timeoutMs
  try {
    while (!first && ctx.now() < deadline) yield { until: deadline }
  } finally {
    stop()
  }
  if (!first) throw new KubectlError('timed out waiting for the condition')
  return [first]
}

export interface Selection {
  targets: LogTarget[]
  /** The pods were chosen by -l (kubectl then defaults --tail to 10). */
  bySelector: boolean
}

/** What LogsOptions.Complete's builder found: the pods of -l (possibly none), or the one named object. */
export type LogSource = { pods: Pod[] } | { obj: KObject }

/**
 * LogsOptions.Complete's lookup: the -l pods (saying so on stderr when there are none) or the named
 * object (NotFound in kubectl's words). It comes before LogsOptions.Validate, so its errors win.
 */
export function findSource(ctx: KubectlContext, arg: string): LogSource {
  const selector = ctx.flags.string('selector')
  if (selector) {
    const pods = listObjects(ctx, resolveResource('pods'), ctx.namespace, listFilter(resolveResource('pods'), selector, '')) as Pod[]
    if (!pods.length) ctx.err(`No resources found in ${ctx.namespace} namespace.\n`)
    return { pods }
  }
  const slash = arg.indexOf('/')
  const r = resolveResource(slash < 0 ? 'pods' : arg.slice(0, slash))
  const name = slash < 0 ? arg : arg.slice(slash + 1)
  try {
    return { obj: ctx.api.get(r.kind, r.namespaced ? ctx.namespace : undefined, name) }
  } catch (e) {
    if ((e as { status?: { reason?: string; message?: string } }).status?.reason === 'NotFound') {
      throw new KubectlError(`error from server (NotFound): ${(e as Error).message} in namespace ${JSON.stringify(ctx.namespace)}`)
    }
    throw e
  }
}

/** The pods and containers to read from what Complete found (LogsForObject). */
export function* selectTargets(ctx: KubectlContext, source: LogSource, container: string, timeoutMs: number): Generator<Wait, Selection, void> {
  const f = ctx.flags
  const allContainers = f.bool('all-containers')
  const allPods = f.bool('all-pods')
  if ('pods' in source) return { targets: source.pods.flatMap((p) => containersFor(ctx, p, container, allContainers, allPods)), bySelector: true }
  const obj = source.obj
  if (obj.kind === 'Pod') return { targets: containersFor(ctx, obj as Pod, container, allContainers, allPods), bySelector: false }
  const pods = yield* podsOf(ctx, obj, timeoutMs)
  if (pods.length > 1 && !allPods) ctx.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`)
  const chosen = allPods ? pods : [pods[0]]
  return { targets: chosen.flatMap((p) => containersFor(ctx, p, container, allContainers, allPods)), bySelector: false }
}
