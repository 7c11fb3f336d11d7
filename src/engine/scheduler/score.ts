// Scoring with the default profile's weights (pkg/scheduler/apis/config/v1
// default_plugins.go): NodeResourcesFit LeastAllocated ×1, NodeResourcesBalancedAllocation
// ×1, ImageLocality ×1, NodeAffinity ×2, TaintToleration ×3. Each plugin scores 0–100.
import type { Node, Pod } from '../api/types.ts'
import { intolerablePreferNoSchedule, nodeAllocatable, preferredAffinityScore, type NodeState } from './filters.ts'
import { podRequests } from './resources.ts'

const MAX = 100
const MB = 1024 * 1024
const MIN_IMAGE_THRESHOLD = 23 * MB
const MAX_CONTAINER_THRESHOLD = 1000 * MB

/** least_allocated.go: ((capacity - requested) * 100 / capacity), averaged over cpu and memory. */
function leastAllocated(pod: Pod, st: NodeState): number {
  const a = nodeAllocatable(st.node)
  const req = podRequests(pod, true)
  const one = (cap: number, used: number) => (cap === 0 || used > cap ? 0 : Math.floor(((cap - used) * MAX) / cap))
  return Math.floor((one(a.milliCPU, st.nonZero.milliCPU + req.milliCPU) + one(a.memory, st.nonZero.memory + req.memory)) / 2)
}

/** balanced_allocation.go: 1 - the standard deviation of the cpu and memory fractions. */
function balanced(pod: Pod, st: NodeState): number {
  const a = nodeAllocatable(st.node)
  const req = podRequests(pod)
  const frac = (used: number, cap: number) => (cap === 0 ? 0 : Math.min(1, used / cap))
  const cpu = frac(st.requested.milliCPU + req.milliCPU, a.milliCPU)
  const mem = frac(st.requested.memory + req.memory, a.memory)
  return Math.floor((1 - Math.abs(cpu - mem) / 2) * MAX)
}

/** image_locality.go: sizes of the pod's images already on the node, spread-weighted. */
function imageLocality(pod: Pod, node: Node, all: NodeState[], normalizedImages: (image: string) => string): number {
  const have = (n: Node, image: string) => (n.status?.images ?? []).some((i) => i.names.includes(image))
  let sum = 0
  for (const c of pod.spec.containers ?? []) {
    const image = normalizedImages(c.image ?? '')
    const entry = (node.status?.images ?? []).find((i) => i.names.includes(image))
    if (!entry) continue
    const spread = all.filter((s) => have(s.node, image)).length / all.length
    sum += entry.sizeBytes * spread
  }
  const max = MAX_CONTAINER_THRESHOLD * (pod.spec.containers?.length ?? 1)
  const clamped = Math.min(Math.max(sum, MIN_IMAGE_THRESHOLD), max)
  return Math.floor((MAX * (clamped - MIN_IMAGE_THRESHOLD)) / (max - MIN_IMAGE_THRESHOLD))
}

/** Scores of the feasible nodes, weighted and summed as the framework does. */
export function scoreNodes(pod: Pod, feasible: NodeState[], all: NodeState[], normalizedImage: (image: string) => string): number[] {
  const affinity = feasible.map((st) => preferredAffinityScore(pod, st.node))
  const maxAffinity = Math.max(0, ...affinity)
  const taints = feasible.map((st) => intolerablePreferNoSchedule(pod, st.node))
  const maxTaints = Math.max(0, ...taints)
  return feasible.map((st, i) => {
    const aff = maxAffinity ? Math.floor((affinity[i] * MAX) / maxAffinity) : 0
    const taint = maxTaints ? MAX - Math.floor((taints[i] * MAX) / maxTaints) : MAX
    return leastAllocated(pod, st) + balanced(pod, st) + imageLocality(pod, st.node, all, normalizedImage) + 2 * aff + 3 * taint
  })
}
