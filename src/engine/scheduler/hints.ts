// Queueing hints (SchedulerQueueingHints, on in 1.33): the cluster events each Filter plugin registers
// (framework/plugins/*/ EventsToRegister) and its QueueingHintFn; eventhandlers.go nodeSchedulingPropertiesChange
// splits a Node update into events. An unschedulable pod moves back only on an event that a plugin which
// rejected it registered, and whose hint says Queue.
import type { Node, PersistentVolumeClaim, Pod } from '../api/types.ts'
import { fitsEmptyNode, nodeAffinityMatches, nodeAllocatable, untoleratedTaint } from './filters.ts'
import { podRequests } from './resources.ts'

/** One plugin's QueueingHintFn for one event: true is Queue, false QueueSkip. */
export type Hint = (pod: Pod) => boolean

/** The hints of the plugins that registered an event, by plugin name. */
export type EventHints = Readonly<Record<string, Hint>>

const queue: Hint = () => true

/**
 * AssignedPodDelete (a bound pod deleted, or finished: the scheduler's pod informer drops terminal pods):
 * NodeResourcesFit isSchedulableAfterPodEvent queues every pod, the freed resources may be enough.
 */
export const ASSIGNED_POD_DELETE: EventHints = { NodeResourcesFit: queue }

/** PersistentVolume Add|Update: VolumeBinding registers it without a hint. */
export const VOLUME_CHANGE: EventHints = { VolumeBinding: queue }

/** PersistentVolumeClaim Add|Update: VolumeBinding isSchedulableAfterPersistentVolumeClaimChange, a claim the pod uses. */
export function claimChange(pvc: PersistentVolumeClaim): EventHints {
  const ns = pvc.metadata.namespace ?? 'default'
  return {
    VolumeBinding: (pod) => (pod.metadata.namespace ?? 'default') === ns && (pod.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name),
  }
}

/** Node Add, or each scheduling property a Node update changed, in nodeSchedulingPropertiesChange's order. */
export function nodeChanges(old: Node | undefined, cur: Node): EventHints[] {
  if (!old) return [nodeAdded(cur)]
  const out: EventHints[] = []
  // NodeSpecUnschedulableChange and NodeTaintChange are both UpdateNodeTaint.
  const taint = taintHints(old, cur)
  if (!!old.spec?.unschedulable !== !!cur.spec?.unschedulable) out.push(taint)
  if (!sameMap(old.status?.allocatable, cur.status?.allocatable)) out.push({ NodeResourcesFit: (pod) => fitsEmptyNode(pod, cur) && requestedIncreased(pod, old, cur) })
  if (!sameMap(old.metadata.labels, cur.metadata.labels)) out.push({ NodeAffinity: (pod) => nodeAffinityMatches(pod, cur) && !nodeAffinityMatches(pod, old), VolumeBinding: queue })
  if (JSON.stringify(old.spec?.taints ?? []) !== JSON.stringify(cur.spec?.taints ?? [])) out.push(taint)
  return out
}

function nodeAdded(cur: Node): EventHints {
  return {
    NodeUnschedulable: () => !cur.spec?.unschedulable,
    TaintToleration: (pod) => !untoleratedTaint(pod, cur),
    NodeAffinity: (pod) => nodeAffinityMatches(pod, cur),
    NodeResourcesFit: (pod) => fitsEmptyNode(pod, cur),
    VolumeBinding: queue,
  }
}

/** NodeUnschedulable: the node turned schedulable; TaintToleration: a taint the pod did not tolerate is gone. */
function taintHints(old: Node, cur: Node): EventHints {
  return {
    NodeUnschedulable: () => !!old.spec?.unschedulable && !cur.spec?.unschedulable,
    TaintToleration: (pod) => !!untoleratedTaint(pod, old) && !untoleratedTaint(pod, cur),
  }
}

/** noderesources haveAnyRequestedResourcesIncreased: more pods allowed, or more of a resource the pod requests. */
function requestedIncreased(pod: Pod, old: Node, cur: Node): boolean {
  const a = nodeAllocatable(old)
  const b = nodeAllocatable(cur)
  if (b.pods > a.pods) return true
  const req = podRequests(pod)
  if ((req.milliCPU > 0 && b.milliCPU > a.milliCPU) || (req.memory > 0 && b.memory > a.memory) || (req.ephemeral > 0 && b.ephemeral > a.ephemeral)) return true
  return Object.entries(req.scalar).some(([k, v]) => v > 0 && (b.scalar[k] ?? 0) > (a.scalar[k] ?? 0))
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ak = Object.keys(a ?? {})
  return ak.length === Object.keys(b ?? {}).length && ak.every((k) => b![k] === a![k])
}
