// The VolumeBinding plugin (pkg/scheduler/framework/plugins/volumebinding): a pod's
// claims must exist and not be terminating; an unbound claim of a
// WaitForFirstConsumer class is provisioned for the chosen node in PreBind (the
// claim is annotated volume.kubernetes.io/selected-node and the pod is bound once
// the claim is); a bound local volume ties later pods to its node.
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

/** Filter: a bound local volume lives on the node it was provisioned for. */
export function volumeConflict(plan: VolumePlan, nodeName: string): string | undefined {
  for (const pvc of plan.bound) {
    const at = pvc.metadata.annotations?.[SELECTED_NODE]
    if (at && at !== nodeName) return 'node(s) had volume node affinity conflict'
  }
  return undefined
}
