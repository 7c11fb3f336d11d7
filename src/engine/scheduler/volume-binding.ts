// VolumeBinding (framework/plugins/volumebinding): claims must exist and not be terminating; unbound
// WaitForFirstConsumer claims are provisioned for the chosen node in PreBind; a bound local volume ties pods to its node.
import type { Pod, PersistentVolumeClaim } from '../api/types.ts'
import { SELECTED_NODE, storageClassOf } from '../kubelet/storage.ts'

export interface VolumePlan {
  /** A PreFilter rejection, for every node. */
  preFilter?: string
  bound: PersistentVolumeClaim[]
  toProvision: PersistentVolumeClaim[]
}

export function isBound(pvc: PersistentVolumeClaim): boolean {
  return !!pvc.spec?.volumeName && pvc.status?.phase === 'Bound'
}

export function planVolumes(pod: Pod, getClaim: (ns: string, name: string) => PersistentVolumeClaim | undefined): VolumePlan {
  const plan: VolumePlan = { bound: [], toProvision: [] }
  const ns = pod.metadata.namespace ?? 'default'
  for (const v of pod.spec.volumes ?? []) {
    const name = v.persistentVolumeClaim?.claimName
    if (name === undefined) continue
    const pvc = getClaim(ns, name)
    if (!pvc) return { ...plan, preFilter: `persistentvolumeclaim ${JSON.stringify(name)} not found` }
    if (pvc.metadata.deletionTimestamp) return { ...plan, preFilter: `persistentvolumeclaim ${JSON.stringify(name)} is being deleted` }
    if (isBound(pvc)) plan.bound.push(pvc)
    else if (storageClassOf(pvc)?.volumeBindingMode === 'WaitForFirstConsumer') plan.toProvision.push(pvc)
    else return { ...plan, preFilter: 'pod has unbound immediate PersistentVolumeClaims' }
  }
  return plan
}

/**
 * Filter (binder.go FindPodVolumes): a bound local volume lives on the node it was provisioned for; a claim
 * waiting to be provisioned for a node another pod was placed on (its selected-node annotation) fits only there.
 */
export function volumeConflict(plan: VolumePlan, nodeName: string): string[] | undefined {
  const reasons: string[] = []
  if (plan.bound.some((pvc) => elsewhere(pvc, nodeName))) reasons.push('node(s) had volume node affinity conflict')
  if (plan.toProvision.some((pvc) => elsewhere(pvc, nodeName))) reasons.push("node(s) didn't find available persistent volumes to bind")
  return reasons.length ? reasons : undefined
}

function elsewhere(pvc: PersistentVolumeClaim, nodeName: string): boolean {
  const at = pvc.metadata.annotations?.[SELECTED_NODE]
  return !!at && at !== nodeName
}
