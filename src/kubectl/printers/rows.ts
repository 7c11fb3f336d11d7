// The server side of `kubectl get`: the Table columns and cells the API server returns per kind, at the
// server's now. Upstream: k/k pkg/printers/internalversion/printers.go (printJob, printCronJob,
// printPod, printEvent, printNode, printNamespace, printPersistentVolume(Claim), printStorageClass, printService).
import type { CronJob, Event, Job, KObject, Namespace, Node, PersistentVolumeClaim, Pod, Service } from '../../engine/api/types.ts'
import { parseTime } from '../../engine/kernel/time.ts'
import { humanDuration } from '../duration.ts'
import { formatLabels, formatLabelSelector } from '../selectors.ts'
import { podCells } from './pod-status.ts'

export interface ColumnDef {
  name: string
  /** Wide-only columns have priority 1. */
  priority: number
  /** The column holding the object's name (kubectl prefixes it with the kind). */
  isName?: boolean
}

export interface TableDef {
  columns: ColumnDef[]
  /** Every cell, wide ones included, as strings. */
  cells(obj: KObject, now: number): string[]
}

const col = (name: string, priority = 0): ColumnDef => ({ name, priority })
const NAME: ColumnDef = { name: 'Name', priority: 0, isName: true }

/** translateTimestampSince: HumanDuration since a timestamp, or <unknown>. */
export function since(ts: string | null | undefined, now: number): string {
  if (!ts) return '<unknown>'
  const t = parseTime(ts)
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t)
}

const age = (o: KObject, now: number) => since(o.metadata.creationTimestamp, now)

function containerCells(cs: { name: string; image?: string }[] | undefined): [string, string] {
  const list = cs ?? []
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')]
}

function hasCondition(conds: { type: string; status: string }[] | undefined, type: string): boolean {
  return (conds ?? []).some((c) => c.type === type && c.status === 'True')
}

/** The Job STATUS column of a 1.33 server (research §4.1). */
export function jobStatus(job: Job): string {
  const c = job.status?.conditions
  if (hasCondition(c, 'Complete')) return 'Complete'
  if (hasCondition(c, 'Failed')) return 'Failed'
  if (job.metadata.deletionTimestamp) return 'Terminating'
  if (hasCondition(c, 'Suspended')) return 'Suspended'
  if (hasCondition(c, 'FailureTarget')) return 'FailureTarget'
  return 'Running'
}

export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0
  if (job.spec.completions !== undefined && job.spec.completions !== null) return `${succeeded}/${job.spec.completions}`
  const p = job.spec.parallelism ?? 0
  return p > 1 ? `${succeeded}/1 of ${p}` : `${succeeded}/1`
}

export function jobDuration(job: Job, now: number): string {
  const start = job.status?.startTime
  if (!start) return ''
  const end = job.status?.completionTime
  return humanDuration((end ? parseTime(end) : now) - parseTime(start))
}

const JOB: TableDef = {
  columns: [NAME, col('Status'), col('Completions'), col('Duration'), col('Age'), col('Containers', 1), col('Images', 1), col('Selector', 1)],
  cells(o, now) {
    const j = o as Job
    const [names, images] = containerCells(j.spec.template?.spec?.containers)
    return [j.metadata.name, jobStatus(j), jobCompletions(j), jobDuration(j, now), age(j, now), names, images, formatLabelSelector(j.spec.selector)]
  },
}

function boolPtr(b: boolean | undefined): string {
  return b === undefined || b === null ? '<unset>' : b ? 'True' : 'False'
}

const CRONJOB: TableDef = {
  columns: [NAME, col('Schedule'), col('Timezone'), col('Suspend'), col('Active'), col('Last Schedule'), col('Age'), col('Containers', 1), col('Images', 1), col('Selector', 1)],
  cells(o, now) {
    const cj = o as CronJob
    const last = cj.status?.lastScheduleTime ? since(cj.status.lastScheduleTime, now) : '<none>'
    const jt = cj.spec.jobTemplate?.spec
    const [names, images] = containerCells(jt?.template?.spec?.containers)
    return [
      cj.metadata.name,
      cj.spec.schedule,
      cj.spec.timeZone ?? '<none>',
      boolPtr(cj.spec.suspend),
      String(cj.status?.active?.length ?? 0),
      last,
      age(cj, now),
      names,
      images,
      formatLabelSelector(jt?.selector),
    ]
  },
}

const POD: TableDef = {
  columns: [NAME, col('Ready'), col('Status'), col('Restarts'), col('Age'), col('IP', 1), col('Node', 1), col('Nominated Node', 1), col('Readiness Gates', 1)],
  cells(o, now) {
    const p = o as Pod
    const c = podCells(p, now)
    const gates = (p.spec.readinessGates as { conditionType: string }[] | undefined) ?? []
    let gatesCell = '<none>'
    if (gates.length) {
      const trueOnes = gates.filter((g) => hasCondition(p.status?.conditions, g.conditionType)).length
      gatesCell = `${trueOnes}/${gates.length}`
    }
    return [p.metadata.name, c.ready, c.status, c.restarts, age(p, now), p.status?.podIPs?.[0]?.ip || '<none>', p.spec.nodeName || '<none>', p.status?.nominatedNodeName || '<none>', gatesCell]
  },
}

/** Event timestamps: firstTimestamp, else eventTime (events/v1 writers). */
function eventFirst(e: Event, now: number): string {
  return e.firstTimestamp ? since(e.firstTimestamp, now) : since(e.eventTime, now)
}

export function eventLastSeen(e: Event, now: number): string {
  const series = e.series as { lastObservedTime?: string } | undefined
  if (series?.lastObservedTime) return since(series.lastObservedTime, now)
  return e.lastTimestamp ? since(e.lastTimestamp, now) : eventFirst(e, now)
}

const EVENT: TableDef = {
  columns: [col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Subobject', 1), col('Source', 1), col('Message'), col('First Seen', 1), col('Count', 1), { name: 'Name', priority: 1, isName: true }],
  cells(o, now) {
    const e = o as Event
    const io = e.involvedObject
    const target = io.name ? `${(io.kind ?? '').toLowerCase()}/${io.name}` : (io.kind ?? '').toLowerCase()
    const component = e.source?.component || e.reportingComponent || ''
    const instance = e.source?.host || e.reportingInstance || ''
    const series = e.series as { count?: number } | undefined
    const count = series?.count ?? (e.count || 1)
    return [
      eventLastSeen(e, now),
      e.type,
      e.reason,
      target,
      io.fieldPath ?? '',
      instance ? `${component}, ${instance}` : component,
      (e.message ?? '').trim(),
      eventFirst(e, now),
      String(count),
      e.metadata.name,
    ]
  },
}

/** Roles from node-role.kubernetes.io/<role> labels and kubernetes.io/role (findNodeRoles). */
export function nodeRoles(n: Node): string {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(n.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length)
      if (role) roles.add(role)
    } else if (k === 'kubernetes.io/role' && v) roles.add(v)
  }
  return [...roles].sort().join(',') || '<none>'
}

export function nodeStatus(n: Node): string {
  const ready = (n.status?.conditions ?? []).find((c) => c.type === 'Ready')
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown']
  if (n.spec?.unschedulable) parts.push('SchedulingDisabled')
  return parts.join(',')
}

function nodeAddress(n: Node, type: string): string {
  return (n.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>'
}

const NODE: TableDef = {
  columns: [NAME, col('Status'), col('Roles'), col('Age'), col('Version'), col('Internal-IP', 1), col('External-IP', 1), col('OS-Image', 1), col('Kernel-Version', 1), col('Container-Runtime', 1)],
  cells(o, now) {
    const n = o as Node
    const info = n.status?.nodeInfo ?? {}
    return [
      n.metadata.name,
      nodeStatus(n),
      nodeRoles(n),
      age(n, now),
      info.kubeletVersion ?? '',
      nodeAddress(n, 'InternalIP'),
      nodeAddress(n, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ]
  },
}

const NAMESPACE: TableDef = {
  columns: [NAME, col('Status'), col('Age')],
  cells: (o, now) => [o.metadata.name, (o as Namespace).status?.phase ?? '', age(o, now)],
}

const ACCESS_MODES: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' }

const PVC: TableDef = {
  columns: [NAME, col('Status'), col('Volume'), col('Capacity'), col('Access Modes'), col('StorageClass'), col('VolumeAttributesClass'), col('Age'), col('VolumeMode', 1)],
  cells(o, now) {
    const c = o as PersistentVolumeClaim
    const bound = !!c.spec.volumeName
    const vac = (c.spec as { volumeAttributesClassName?: string }).volumeAttributesClassName
    return [
      c.metadata.name,
      c.metadata.deletionTimestamp ? 'Terminating' : (c.status?.phase ?? ''),
      c.spec.volumeName ?? '',
      bound ? (c.status?.capacity?.storage ?? '') : '',
      bound ? (c.status?.accessModes ?? []).map((m) => ACCESS_MODES[m] ?? m).join(',') : '',
      c.spec.storageClassName ?? c.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '',
      vac || '<unset>',
      age(c, now),
      c.spec.volumeMode ?? '<unset>',
    ]
  },
}

interface PersistentVolumeView extends KObject {
  spec: {
    accessModes?: string[]
    capacity?: Record<string, string>
    claimRef?: { namespace?: string; name?: string }
    persistentVolumeReclaimPolicy?: string
    storageClassName?: string
    volumeAttributesClassName?: string
    volumeMode?: string
  }
  status?: { phase?: string; reason?: string }
}

const PV: TableDef = {
  columns: [NAME, col('Capacity'), col('Access Modes'), col('Reclaim Policy'), col('Status'), col('Claim'), col('StorageClass'), col('VolumeAttributesClass'), col('Reason'), col('Age'), col('VolumeMode', 1)],
  cells(o, now) {
    const v = o as PersistentVolumeView
    const claim = v.spec.claimRef ? `${v.spec.claimRef.namespace ?? ''}/${v.spec.claimRef.name ?? ''}` : ''
    return [
      v.metadata.name,
      v.spec.capacity?.storage ?? '',
      (v.spec.accessModes ?? []).map((m) => ACCESS_MODES[m] ?? m).join(','),
      v.spec.persistentVolumeReclaimPolicy ?? '',
      v.metadata.deletionTimestamp ? 'Terminating' : (v.status?.phase ?? ''),
      claim,
      v.spec.storageClassName ?? v.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '',
      v.spec.volumeAttributesClassName || '<unset>',
      v.status?.reason ?? '',
      age(v, now),
      v.spec.volumeMode ?? '<unset>',
    ]
  },
}

interface StorageClassView extends KObject {
  provisioner?: string
  reclaimPolicy?: string
  volumeBindingMode?: string
  allowVolumeExpansion?: boolean
}

/** storageutil.IsDefaultAnnotation: the GA or the beta annotation says "true". */
export function isDefaultClass(o: KObject): boolean {
  const a = o.metadata.annotations ?? {}
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
}

const STORAGE_CLASS: TableDef = {
  columns: [NAME, col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'), col('AllowVolumeExpansion'), col('Age')],
  cells(o, now) {
    const c = o as StorageClassView
    return [
      isDefaultClass(c) ? `${c.metadata.name} (default)` : c.metadata.name,
      c.provisioner ?? '',
      c.reclaimPolicy ?? 'Delete',
      c.volumeBindingMode ?? 'Immediate',
      String(c.allowVolumeExpansion ?? false),
      age(c, now),
    ]
  },
}

/** makePortString: "443/TCP", with the node port "80:30080/TCP", joined by commas. */
function servicePorts(s: Service): string {
  const ports = (s.spec.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
  return ports.join(',') || '<none>'
}

/** getServiceExternalIP for the types a lab has: external IPs if any, else <none>. */
function serviceExternalIP(s: Service): string {
  if (s.spec.type === 'ExternalName') return (s.spec as { externalName?: string }).externalName ?? '<none>'
  return s.spec.externalIPs?.length ? s.spec.externalIPs.join(',') : '<none>'
}

const SERVICE: TableDef = {
  columns: [NAME, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), col('Age'), col('Selector', 1)],
  cells(o, now) {
    const s = o as Service
    return [s.metadata.name, s.spec.type ?? '', s.spec.clusterIPs?.[0] ?? '<none>', serviceExternalIP(s), servicePorts(s), age(s, now), formatLabels(s.spec.selector) || '<none>']
  },
}

/** The default table for kinds without their own printer: NAME and AGE. */
const DEFAULT: TableDef = {
  columns: [NAME, col('Age')],
  cells: (o, now) => [o.metadata.name, age(o, now)],
}

const TABLES: Record<string, TableDef> = { Job: JOB, CronJob: CRONJOB, Pod: POD, Event: EVENT, Node: NODE, Namespace: NAMESPACE, PersistentVolumeClaim: PVC, Service: SERVICE, PersistentVolume: PV, StorageClass: STORAGE_CLASS }

export function tableFor(kind: string): TableDef {
  return TABLES[kind] ?? DEFAULT
}
