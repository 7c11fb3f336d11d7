// `kubectl describe` for nodes (lease, conditions, capacity, pods and their requests), namespaces
// and PersistentVolumeClaims. Upstream: kubectl pkg/describe/describe.go (describeNode,
// describeNodeResource, describeNamespace, describePersistentVolumeClaim).
import type { Event, Namespace, Node, PersistentVolumeClaim, Pod, Taint } from '../../engine/api/types.ts'
import { nodeRoles } from '../printers/rows.ts'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'
import { addQuantity, formatQuantity, parseQuantity, zeroQuantity, type Quantity } from './quantity.ts'
import { LEVEL_0, LEVEL_1, type DescribeWriter } from './writer.ts'

function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`
}

function printTaints(w: DescribeWriter, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, 'Taints:\t')
  const sorted = [...(taints ?? [])].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1))
  if (!sorted.length) {
    w.writeLine('<none>')
    return
  }
  sorted.forEach((t, i) => {
    if (i) w.write(LEVEL_0, '\t')
    w.write(LEVEL_0, `${taintString(t)}\n`)
  })
}

export interface NodeLease {
  holderIdentity?: string
  renewTime?: string
}

function podTotals(pods: Pod[], kind: 'requests' | 'limits'): Record<string, Quantity> {
  const out: Record<string, Quantity> = {}
  for (const p of pods) {
    const sum: Record<string, Quantity> = {}
    for (const c of p.spec.containers) {
      for (const [k, v] of Object.entries(c.resources?.[kind] ?? {})) {
        const q = parseQuantity(v)
        if (q) sum[k] = sum[k] ? addQuantity(sum[k], q) : q
      }
    }
    // Init containers run one at a time: a pod needs at least the largest of them.
    for (const c of p.spec.initContainers ?? []) {
      for (const [k, v] of Object.entries(c.resources?.[kind] ?? {})) {
        const q = parseQuantity(v)
        if (q && (!sum[k] || q.milli > sum[k].milli)) sum[k] = q
      }
    }
    for (const [k, q] of Object.entries(sum)) out[k] = out[k] ? addQuantity(out[k], q) : q
  }
  return out
}

function percent(part: Quantity | undefined, whole: Quantity | undefined, milli: boolean): number {
  const w = whole ? (milli ? whole.milli : whole.milli / 1000n) : 0n
  if (!w) return 0
  const p = part ? (milli ? part.milli : part.milli / 1000n) : 0n
  return Math.trunc((Number(p) / Number(w)) * 100)
}

function nodeResources(w: DescribeWriter, node: Node, pods: Pod[]): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const alloc = Object.keys(node.status?.allocatable ?? {}).length ? node.status.allocatable : (node.status?.capacity ?? {})
  const cpu = parseQuantity(alloc.cpu)
  const mem = parseQuantity(alloc.memory)
  const eph = parseQuantity(alloc['ephemeral-storage'])
  const cell = (q: Quantity | undefined, whole: Quantity | undefined, milli: boolean) => `${formatQuantity(q ?? zeroQuantity())} (${percent(q, whole, milli)}%)`
  for (const p of pods) {
    const req = podTotals([p], 'requests')
    const lim = podTotals([p], 'limits')
    w.write(LEVEL_1, `${p.metadata.namespace ?? ''}\t${p.metadata.name}\t\t${cell(req.cpu, cpu, true)}\t${cell(lim.cpu, cpu, true)}\t${cell(req.memory, mem, false)}\t${cell(lim.memory, mem, false)}\t${w.since(p.metadata.creationTimestamp)}\n`)
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  const reqs = podTotals(pods, 'requests')
  const lims = podTotals(pods, 'limits')
  w.write(LEVEL_1, `cpu\t${cell(reqs.cpu, cpu, true)}\t${cell(lims.cpu, cpu, true)}\n`)
  w.write(LEVEL_1, `memory\t${cell(reqs.memory, mem, false)}\t${cell(lims.memory, mem, false)}\n`)
  w.write(LEVEL_1, `ephemeral-storage\t${cell(reqs['ephemeral-storage'], eph, false)}\t${cell(lims['ephemeral-storage'], eph, false)}\n`)
  for (const r of Object.keys(alloc).filter((k) => k.startsWith('hugepages-')).sort()) {
    const whole = parseQuantity(alloc[r])
    w.write(LEVEL_1, `${r}\t${cell(reqs[r], whole, false)}\t${cell(lims[r], whole, false)}\n`)
  }
}

export function describeNode(w: DescribeWriter, node: Node, pods: Pod[], lease: NodeLease | undefined, events: Event[] | undefined): void {
  const st = node.status ?? ({} as Node['status'])
  const info = st.nodeInfo ?? {}
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`)
  w.write(LEVEL_0, `Roles:\t${nodeRoles(node)}\n`)
  printLabelsMultiline(w, 'Labels', node.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations)
  w.write(LEVEL_0, `CreationTimestamp:\t${w.time(node.metadata.creationTimestamp)}\n`)
  printTaints(w, node.spec?.taints)
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`)
  w.write(LEVEL_0, 'Lease:\n')
  w.write(LEVEL_1, `HolderIdentity:\t${lease?.holderIdentity ?? '<unset>'}\n`)
  w.write(LEVEL_1, 'AcquireTime:\t<unset>\n')
  w.write(LEVEL_1, `RenewTime:\t${lease?.renewTime ? w.time(lease.renewTime) : '<unset>'}\n`)
  if (st.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
    for (const c of st.conditions) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${w.time(c.lastHeartbeatTime)} \t${w.time(c.lastTransitionTime)} \t${c.reason} \t${c.message}\n`)
    }
  }
  w.write(LEVEL_0, 'Addresses:\n')
  for (const a of st.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`)
  for (const [title, list] of [['Capacity', st.capacity], ['Allocatable', st.allocatable]] as const) {
    if (!list || !Object.keys(list).length) continue
    w.write(LEVEL_0, `${title}:\n`)
    for (const k of Object.keys(list).sort()) w.write(LEVEL_0, `  ${k}:\t${formatQuantity(parseQuantity(list[k]) ?? zeroQuantity())}\n`)
  }
  w.write(LEVEL_0, 'System Info:\n')
  const sys: [string, string][] = [
    ['Machine ID', info.machineID], ['System UUID', info.systemUUID], ['Boot ID', info.bootID], ['Kernel Version', info.kernelVersion],
    ['OS Image', info.osImage], ['Operating System', info.operatingSystem], ['Architecture', info.architecture],
    ['Container Runtime Version', info.containerRuntimeVersion], ['Kubelet Version', info.kubeletVersion], ['Kube-Proxy Version', info.kubeProxyVersion],
  ]
  for (const [k, v] of sys) w.write(LEVEL_0, `  ${k}:\t${v ?? ''}\n`)
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`)
  if (node.spec?.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`)
  const provider = (node.spec as { providerID?: string } | undefined)?.providerID
  if (provider) w.write(LEVEL_0, `ProviderID:\t${provider}\n`)
  nodeResources(w, node, pods)
  if (events) describeEvents(w, events)
}

export function describeNamespace(w: DescribeWriter, ns: Namespace): void {
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', ns.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations)
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`)
  w.write(LEVEL_0, '\n')
  w.write(LEVEL_0, 'No resource quota.\n')
  w.write(LEVEL_0, '\n')
  w.write(LEVEL_0, 'No LimitRange resource.\n')
}

const ACCESS: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' }

export function describePvc(w: DescribeWriter, pvc: PersistentVolumeClaim, usedBy: Pod[], events: Event[] | undefined): void {
  w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`)
  w.write(LEVEL_0, `StorageClass:\t${pvc.spec.storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''}\n`)
  if (pvc.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${w.since(pvc.metadata.deletionTimestamp)})\n`)
  else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`)
  w.write(LEVEL_0, `Volume:\t${pvc.spec.volumeName ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations)
  w.write(LEVEL_0, `Finalizers:\t[${(pvc.metadata.finalizers ?? []).join(' ')}]\n`)
  const bound = !!pvc.spec.volumeName
  w.write(LEVEL_0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '0') : ''}\n`)
  w.write(LEVEL_0, `Access Modes:\t${bound ? (pvc.status?.accessModes ?? []).map((m) => ACCESS[m] ?? m).join(',') : ''}\n`)
  if (pvc.spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`)
  w.write(LEVEL_0, 'Used By:\t')
  const names = usedBy.map((p) => p.metadata.name).sort()
  if (!names.length) w.writeLine('<none>')
  names.forEach((n, i) => {
    if (i) w.write(LEVEL_0, '\t')
    w.write(LEVEL_0, `${n}\n`)
  })
  if (events) describeEvents(w, events)
}
