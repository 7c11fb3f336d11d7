// The kubelet's admission of pods bound to its node by hand (pkg/kubelet/lifecycle/predicate.go):
// too little cpu/memory/pods or a selector the node does not match fails the pod at once
// with OutOfcpu / OutOfmemory / OutOfpods / NodeAffinity and "Pod was rejected: …".
import type { Node, Pod } from '../api/types.ts'
import { nodeAllocatable, termMatches } from '../scheduler/filters.ts'
import { podRequests } from '../scheduler/resources.ts'

export interface Rejection {
  reason: string
  message: string
}

function insufficient(resource: string, requested: number, used: number, capacity: number): Rejection {
  return { reason: `OutOf${resource}`, message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}` }
}

/** canAdmitPod: `active` are the node's pods that still hold resources. */
export function admitPod(pod: Pod, node: Node, active: Pod[]): Rejection | null {
  const labels = node.metadata.labels ?? {}
  const selectorOK = Object.entries(pod.spec.nodeSelector ?? {}).every(([k, v]) => labels[k] === v)
  const req = (pod.spec.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: Parameters<typeof termMatches>[0][] } } } | undefined)?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  const affinityOK = !req || (req.nodeSelectorTerms ?? []).some((t) => termMatches(t, node))
  if (!selectorOK || !affinityOK) return { reason: 'NodeAffinity', message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector" }
  const a = nodeAllocatable(node)
  if (active.length + 1 > a.pods) return insufficient('pods', 1, active.length, a.pods)
  const want = podRequests(pod)
  let cpu = 0
  let mem = 0
  for (const p of active) {
    const r = podRequests(p)
    cpu += r.milliCPU
    mem += r.memory
  }
  if (want.milliCPU > 0 && want.milliCPU > a.milliCPU - cpu) return insufficient('cpu', want.milliCPU, cpu, a.milliCPU)
  if (want.memory > 0 && want.memory > a.memory - mem) return insufficient('memory', want.memory, mem, a.memory)
  return null
}
