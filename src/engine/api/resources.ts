// The API resources the simulated cluster serves: what `kubectl api-resources`
// lists and what kubectl's RESTMapper resolves names against.

export interface ResourceInfo {
  kind: string
  /** Plural resource name, e.g. "jobs". */
  resource: string
  singular: string
  group: string
  version: string
  namespaced: boolean
  shortNames: string[]
  categories: string[]
  verbs: string[]
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

export const RESOURCES: ResourceInfo[] = [
  { kind: 'Event', resource: 'events', singular: 'event', group: '', version: 'v1', namespaced: true, shortNames: ['ev'], categories: [], verbs: RW },
  { kind: 'Namespace', resource: 'namespaces', singular: 'namespace', group: '', version: 'v1', namespaced: false, shortNames: ['ns'], categories: [], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
  { kind: 'Node', resource: 'nodes', singular: 'node', group: '', version: 'v1', namespaced: false, shortNames: ['no'], categories: [], verbs: RW },
  { kind: 'PersistentVolume', resource: 'persistentvolumes', singular: 'persistentvolume', group: '', version: 'v1', namespaced: false, shortNames: ['pv'], categories: [], verbs: RW },
  { kind: 'PersistentVolumeClaim', resource: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', group: '', version: 'v1', namespaced: true, shortNames: ['pvc'], categories: [], verbs: RW },
  { kind: 'Pod', resource: 'pods', singular: 'pod', group: '', version: 'v1', namespaced: true, shortNames: ['po'], categories: ['all'], verbs: RW },
  { kind: 'Service', resource: 'services', singular: 'service', group: '', version: 'v1', namespaced: true, shortNames: ['svc'], categories: ['all'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] },
  { kind: 'CronJob', resource: 'cronjobs', singular: 'cronjob', group: 'batch', version: 'v1', namespaced: true, shortNames: ['cj'], categories: ['all'], verbs: RW },
  { kind: 'StorageClass', resource: 'storageclasses', singular: 'storageclass', group: 'storage.k8s.io', version: 'v1', namespaced: false, shortNames: ['sc'], categories: [], verbs: RW },
  { kind: 'Job', resource: 'jobs', singular: 'job', group: 'batch', version: 'v1', namespaced: true, shortNames: [], categories: ['all'], verbs: RW },
]

const byKind = new Map(RESOURCES.map((r) => [r.kind, r]))

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind)
}

export function apiVersionOf(r: ResourceInfo): string {
  return r.group ? `${r.group}/${r.version}` : r.version
}
