// The default profile's Filter plugins for Jobs, in framework order, with upstream's reason texts
// (nodeunschedulable, tainttoleration, nodeaffinity, noderesources/fit.go): the first failing plugin rejects
// a node; UnschedulableAndUnresolvable means preemption cannot help there.
import type { Node, Pod, Taint, Toleration } from '../api/types.ts'
import { emptyRequests, podRequests, type Requests } from './resources.ts'

export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable'

export interface Rejection {
  plugin: string
  code: Code
  reasons: string[]
}

/** What the scheduler's cache knows about a node: the Node and its non-terminal pods' requests. */
export interface NodeState {
  node: Node
  requested: Requests
  /** Non-zero requests (defaults for missing ones), for scoring. */
  nonZero: Requests
  pods: number
}

interface NodeSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt'
  values?: string[]
}
interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[]
  matchFields?: NodeSelectorRequirement[]
}
interface Affinity {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] }
    preferredDuringSchedulingIgnoredDuringExecution?: { weight: number; preference: NodeSelectorTerm }[]
  }
}

/** v1helper.ToleratesTaint. */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  if (t.operator === 'Exists') return true
  return (t.value ?? '') === (taint.value ?? '')
}

function untolerated(pod: Pod, taints: Taint[] | undefined, effects: string[]): Taint | undefined {
  return (taints ?? []).find((taint) => effects.includes(taint.effect) && !(pod.spec.tolerations ?? []).some((t) => tolerates(t, taint)))
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const vals = r.values ?? []
  switch (r.operator) {
    case 'In':
      return value !== undefined && vals.includes(value)
    case 'NotIn':
      return value === undefined || !vals.includes(value)
    case 'Exists':
      return value !== undefined
    case 'DoesNotExist':
      return value === undefined
    case 'Gt':
    case 'Lt': {
      if (value === undefined || vals.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(vals[0])) return false
      return r.operator === 'Gt' ? Number(value) > Number(vals[0]) : Number(value) < Number(vals[0])
    }
    default:
      return false
  }
}

/** A node selector term: expressions and fields ANDed; an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? []
  const fields = term.matchFields ?? []
  if (!exprs.length && !fields.length) return false
  const labels = node.metadata.labels ?? {}
  return exprs.every((r) => requirementMatches(r, labels[r.key])) && fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata.name))
}

function affinityOf(pod: Pod): Affinity | undefined {
  return pod.spec.affinity as Affinity | undefined
}

/** nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): the nodeSelector and the required terms. */
export function nodeAffinityMatches(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {}
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return false
  const req = affinityOf(pod)?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (!req) return true
  return (req.nodeSelectorTerms ?? []).some((t) => termMatches(t, node))
}

/** Sum of preferred-term weights a node matches (NodeAffinity Score). */
export function preferredAffinityScore(pod: Pod, node: Node): number {
  let s = 0
  for (const p of affinityOf(pod)?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) if (p.weight && termMatches(p.preference, node)) s += p.weight
  return s
}

function allocatable(node: Node): { milliCPU: number; memory: number; ephemeral: number; pods: number; scalar: Record<string, number> } {
  return nodeAllocatable(node)
}

const allocCache = new WeakMap<Node, ReturnType<typeof parseAllocatable>>()
export function nodeAllocatable(node: Node): ReturnType<typeof parseAllocatable> {
  let a = allocCache.get(node)
  if (!a) allocCache.set(node, (a = parseAllocatable(node)))
  return a
}

function parseAllocatable(node: Node) {
  const fake = { spec: { containers: [{ name: 'x', resources: { requests: node.status?.allocatable ?? {} } }] } } as unknown as Pod
  const r = podRequests(fake)
  return { ...r, pods: Number(node.status?.allocatable?.pods ?? 110) }
}

/** NodeResourcesFit: pod count first, then each resource the pod requests. */
function fitsRequest(pod: Pod, req: Requests, st: NodeState): string[] {
  const a = allocatable(st.node)
  const out: string[] = []
  if (st.pods + 1 > a.pods) out.push('Too many pods')
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeral === 0 && !Object.keys(req.scalar).length) return out
  if (req.milliCPU > 0 && req.milliCPU > a.milliCPU - st.requested.milliCPU) out.push('Insufficient cpu')
  if (req.memory > 0 && req.memory > a.memory - st.requested.memory) out.push('Insufficient memory')
  if (req.ephemeral > 0 && req.ephemeral > a.ephemeral - st.requested.ephemeral) out.push('Insufficient ephemeral-storage')
  for (const [k, v] of Object.entries(req.scalar)) if (v > 0 && v > (a.scalar[k] ?? 0) - (st.requested.scalar[k] ?? 0)) out.push(`Insufficient ${k}`)
  return out
}

/** v1helper.FindMatchingUntoleratedTaint with DoNotScheduleTaintsFilterFunc: a NoSchedule or NoExecute taint the pod does not tolerate. */
export function untoleratedTaint(pod: Pod, node: Node): Taint | undefined {
  return untolerated(pod, node.spec?.taints, ['NoSchedule', 'NoExecute'])
}

/** noderesources isFit: the pod fits the node with nothing else on it. */
export function fitsEmptyNode(pod: Pod, node: Node): boolean {
  return !fitsRequest(pod, podRequests(pod), { node, requested: emptyRequests(), nonZero: emptyRequests(), pods: 0 }).length
}

/** Run the Filter plugins on one node; null when the pod fits. */
export function filterNode(pod: Pod, req: Requests, st: NodeState, volumeCheck?: (node: Node) => string[] | undefined): Rejection | null {
  const node = st.node
  if (node.spec?.unschedulable && !(pod.spec.tolerations ?? []).some((t) => tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }))) {
    return { plugin: 'NodeUnschedulable', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] }
  }
  const taint = untoleratedTaint(pod, node)
  if (taint) return { plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`] }
  if (!nodeAffinityMatches(pod, node)) return { plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] }
  const fit = fitsRequest(pod, req, st)
  if (fit.length) return { plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: fit }
  const vol = volumeCheck?.(node)
  if (vol) return { plugin: 'VolumeBinding', code: 'UnschedulableAndUnresolvable', reasons: vol }
  return null
}

/** Taints with PreferNoSchedule the pod does not tolerate (TaintToleration Score, lower is better). */
export function intolerablePreferNoSchedule(pod: Pod, node: Node): number {
  return (node.spec?.taints ?? []).filter((taint) => taint.effect === 'PreferNoSchedule' && !(pod.spec.tolerations ?? []).some((t) => tolerates(t, taint))).length
}
