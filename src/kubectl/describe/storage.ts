// `kubectl describe` for PersistentVolumes and StorageClasses: claim, reclaim policy, node affinity,
// the volume's source (a local-path hostPath here), events. Upstream: kubectl pkg/describe/describe.go
// describePersistentVolume, printVolumeNodeAffinity, printHostPathVolumeSource, describeStorageClass (v0.33).
import type { Event, KObject } from '../../engine/api/types.ts'
import { isDefaultClass } from '../printers/rows.ts'
import { formatLabels } from '../selectors.ts'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'
import { LEVEL_0, LEVEL_1, LEVEL_2, printBoolPtr, type DescribeWriter } from './writer.ts'

interface NodeSelectorRequirement {
  key: string
  operator: string
  values?: string[]
}

interface PersistentVolume extends KObject {
  spec: {
    accessModes?: string[]
    capacity?: Record<string, string>
    claimRef?: { namespace?: string; name?: string }
    hostPath?: { path: string; type?: string }
    local?: { path: string }
    nodeAffinity?: { required?: { nodeSelectorTerms?: { matchExpressions?: NodeSelectorRequirement[] }[] } }
    persistentVolumeReclaimPolicy?: string
    storageClassName?: string
    volumeMode?: string
  }
  status?: { phase?: string; message?: string }
}

const MODES: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' }

/** printNodeSelectorTermsMultilineWithIndent: "key in [a, b]" per requirement. */
function printTerm(w: DescribeWriter, title: string, reqs: NodeSelectorRequirement[]): void {
  w.write(LEVEL_2, `${title}:\t`)
  if (!reqs.length) return w.writeLine('<none>')
  reqs.forEach((r, i) => {
    if (i) w.write(LEVEL_2, '\t')
    const values = r.values?.length ? ` [${r.values.join(', ')}]` : ''
    w.write(LEVEL_0, `${r.key} ${r.operator.toLowerCase()}${values}\n`)
  })
}

function printVolumeNodeAffinity(w: DescribeWriter, pv: PersistentVolume): void {
  w.write(LEVEL_0, 'Node Affinity:\t')
  const required = pv.spec.nodeAffinity?.required
  if (!required) return w.writeLine('<none>')
  w.writeLine('')
  w.write(LEVEL_1, 'Required Terms:\t')
  const terms = required.nodeSelectorTerms ?? []
  if (!terms.length) return w.writeLine('<none>')
  w.writeLine('')
  terms.forEach((t, i) => printTerm(w, `Term ${i}`, t.matchExpressions ?? []))
}

export function describePersistentVolume(w: DescribeWriter, pv: PersistentVolume, events: Event[] | undefined): void {
  w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', pv.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations)
  w.write(LEVEL_0, `Finalizers:\t[${(pv.metadata.finalizers ?? []).join(' ')}]\n`)
  w.write(LEVEL_0, `StorageClass:\t${pv.spec.storageClassName ?? pv.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''}\n`)
  if (pv.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${w.since(pv.metadata.deletionTimestamp)})\n`)
  else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`)
  const ref = pv.spec.claimRef
  w.write(LEVEL_0, `Claim:\t${ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : ''}\n`)
  w.write(LEVEL_0, `Reclaim Policy:\t${pv.spec.persistentVolumeReclaimPolicy ?? ''}\n`)
  w.write(LEVEL_0, `Access Modes:\t${(pv.spec.accessModes ?? []).map((m) => MODES[m] ?? m).join(',')}\n`)
  if (pv.spec.volumeMode !== undefined) w.write(LEVEL_0, `VolumeMode:\t${pv.spec.volumeMode}\n`)
  w.write(LEVEL_0, `Capacity:\t${pv.spec.capacity?.storage ?? '0'}\n`)
  printVolumeNodeAffinity(w, pv)
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`)
  w.write(LEVEL_0, 'Source:\n')
  if (pv.spec.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${pv.spec.hostPath.path}\n    HostPathType:\t${pv.spec.hostPath.type ?? '<none>'}\n`)
  } else if (pv.spec.local) {
    w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${pv.spec.local.path}\n`)
  } else w.write(LEVEL_1, '<unknown>\n')
  if (events) describeEvents(w, events)
}

interface StorageClass extends KObject {
  provisioner?: string
  parameters?: Record<string, string>
  allowVolumeExpansion?: boolean
  mountOptions?: string[]
  reclaimPolicy?: string
  volumeBindingMode?: string
}

export function describeStorageClass(w: DescribeWriter, sc: StorageClass, events: Event[] | undefined): void {
  w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`)
  w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultClass(sc) ? 'Yes' : 'No'}\n`)
  w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations) || '<none>'}\n`)
  w.write(LEVEL_0, `Provisioner:\t${sc.provisioner ?? ''}\n`)
  w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters) || '<none>'}\n`)
  w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`)
  if (!sc.mountOptions?.length) w.write(LEVEL_0, 'MountOptions:\t<none>\n')
  else {
    w.write(LEVEL_0, 'MountOptions:\n')
    for (const o of sc.mountOptions) w.write(LEVEL_1, `${o}\n`)
  }
  if (sc.reclaimPolicy !== undefined) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`)
  if (sc.volumeBindingMode !== undefined) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`)
  if (events) describeEvents(w, events)
}
