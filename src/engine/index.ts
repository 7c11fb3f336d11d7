// The engine's public surface: what kubectl, the session, the worker and the CLI import.
export { Cluster, DEFAULT_START, type ClusterOptions } from './cluster.ts'
export type { ControllerContext, ClusterConfig } from './context.ts'
export { ApiServer, type DeleteOptions, type PropagationPolicy } from './api/server.ts'
export { Store, type WatchEvent, type Watcher } from './api/store.ts'
export { StatusError, type Status, type FieldError } from './api/errors.ts'
export { RESOURCES, resourceForKind, apiVersionOf, type ResourceInfo } from './api/resources.ts'
export * from './api/types.ts'
export { rfc3339, parseTime, SECOND, MINUTE, HOUR, DAY } from './kernel/time.ts'
