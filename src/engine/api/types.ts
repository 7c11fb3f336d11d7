// API object shapes, as Kubernetes serialises them (batch/v1 Job and CronJob,
// v1 Pod, Node, Event, Namespace, PersistentVolumeClaim). Only the fields the
// simulation reads or writes are typed; objects keep any other field they are
// given. Field names follow k8s.io/api exactly.

export type Labels = Record<string, string>

export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

export interface ObjectMeta {
  name: string
  generateName?: string
  namespace?: string
  uid: string
  resourceVersion: string
  generation?: number
  creationTimestamp: string
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  labels?: Labels
  annotations?: Labels
  ownerReferences?: OwnerReference[]
  finalizers?: string[]
  managedFields?: unknown[]
}

export interface KObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  spec?: unknown
  status?: unknown
  [extra: string]: unknown
}

export interface LabelSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
  values?: string[]
}
export interface LabelSelector {
  matchLabels?: Labels
  matchExpressions?: LabelSelectorRequirement[]
}

// ---------------------------------------------------------------- core/v1 Pod

export interface EnvVar {
  name: string
  value?: string
  valueFrom?: {
    fieldRef?: { apiVersion?: string; fieldPath: string }
    resourceFieldRef?: { containerName?: string; resource: string; divisor?: string }
    configMapKeyRef?: { name: string; key: string; optional?: boolean }
    secretKeyRef?: { name: string; key: string; optional?: boolean }
  }
}

export interface ResourceRequirements {
  requests?: Record<string, string>
  limits?: Record<string, string>
}

export interface VolumeMount {
  name: string
  mountPath: string
  readOnly?: boolean
  subPath?: string
}

export interface Container {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  workingDir?: string
  env?: EnvVar[]
  resources?: ResourceRequirements
  volumeMounts?: VolumeMount[]
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never'
  terminationMessagePath?: string
  terminationMessagePolicy?: string
  restartPolicy?: string
  ports?: { containerPort: number; protocol?: string; name?: string; hostPort?: number }[]
  [extra: string]: unknown
}

export interface Volume {
  name: string
  emptyDir?: { medium?: string; sizeLimit?: string }
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean }
  hostPath?: { path: string; type?: string }
  configMap?: unknown
  secret?: unknown
  projected?: unknown
  downwardAPI?: unknown
  [extra: string]: unknown
}

export interface Toleration {
  key?: string
  operator?: 'Exists' | 'Equal'
  value?: string
  effect?: string
  tolerationSeconds?: number
}

export interface PodSpec {
  containers: Container[]
  initContainers?: Container[]
  restartPolicy?: 'Always' | 'OnFailure' | 'Never'
  nodeSelector?: Labels
  nodeName?: string
  tolerations?: Toleration[]
  volumes?: Volume[]
  hostname?: string
  subdomain?: string
  terminationGracePeriodSeconds?: number
  activeDeadlineSeconds?: number
  dnsPolicy?: string
  schedulerName?: string
  securityContext?: Record<string, unknown>
  serviceAccountName?: string
  serviceAccount?: string
  priority?: number
  enableServiceLinks?: boolean
  preemptionPolicy?: string
  [extra: string]: unknown
}

export interface PodTemplateSpec {
  metadata?: Partial<ObjectMeta>
  spec: PodSpec
}

export interface ContainerStateWaiting { reason?: string; message?: string }
export interface ContainerStateRunning { startedAt?: string }
export interface ContainerStateTerminated {
  exitCode: number
  signal?: number
  reason?: string
  message?: string
  startedAt?: string
  finishedAt?: string
  containerID?: string
}
export interface ContainerState {
  waiting?: ContainerStateWaiting
  running?: ContainerStateRunning
  terminated?: ContainerStateTerminated
}

export interface ContainerStatus {
  name: string
  state: ContainerState
  lastState: ContainerState
  ready: boolean
  restartCount: number
  image: string
  imageID: string
  containerID?: string
  started?: boolean
  allocatedResources?: Record<string, string>
  resources?: ResourceRequirements
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; recursiveReadOnly?: string }[]
}

export interface PodCondition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  lastProbeTime: string | null
  lastTransitionTime: string
  reason?: string
  message?: string
  observedGeneration?: number
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown'

export interface PodStatus {
  phase: PodPhase
  conditions?: PodCondition[]
  message?: string
  reason?: string
  hostIP?: string
  hostIPs?: { ip: string }[]
  podIP?: string
  podIPs?: { ip: string }[]
  startTime?: string
  initContainerStatuses?: ContainerStatus[]
  containerStatuses?: ContainerStatus[]
  qosClass?: string
  nominatedNodeName?: string
}

export interface Pod extends KObject {
  apiVersion: 'v1'
  kind: 'Pod'
  spec: PodSpec
  status: PodStatus
}

// --------------------------------------------------------------- batch/v1 Job

export interface PodFailurePolicyRule {
  action: 'FailJob' | 'Ignore' | 'Count' | 'FailIndex'
  onExitCodes?: { containerName?: string; operator: 'In' | 'NotIn'; values: number[] }
  onPodConditions?: { type: string; status?: string }[]
}

export interface JobSpec {
  parallelism?: number
  completions?: number
  activeDeadlineSeconds?: number
  podFailurePolicy?: { rules: PodFailurePolicyRule[] }
  successPolicy?: { rules: { succeededIndexes?: string; succeededCount?: number }[] }
  backoffLimit?: number
  backoffLimitPerIndex?: number
  maxFailedIndexes?: number
  selector?: LabelSelector
  manualSelector?: boolean
  template: PodTemplateSpec
  ttlSecondsAfterFinished?: number
  completionMode?: 'NonIndexed' | 'Indexed'
  suspend?: boolean
  podReplacementPolicy?: 'TerminatingOrFailed' | 'Failed'
  managedBy?: string
}

export interface JobCondition {
  type: 'Complete' | 'Failed' | 'Suspended' | 'FailureTarget' | 'SuccessCriteriaMet'
  status: 'True' | 'False' | 'Unknown'
  lastProbeTime: string
  lastTransitionTime: string
  reason?: string
  message?: string
}

export interface JobStatus {
  conditions?: JobCondition[]
  startTime?: string
  completionTime?: string
  active?: number
  succeeded?: number
  failed?: number
  terminating?: number
  completedIndexes?: string
  failedIndexes?: string
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] }
  ready?: number
}

export interface Job extends KObject {
  apiVersion: 'batch/v1'
  kind: 'Job'
  spec: JobSpec
  status: JobStatus
}

// ----------------------------------------------------------- batch/v1 CronJob

export interface ObjectReference {
  apiVersion?: string
  kind?: string
  namespace?: string
  name?: string
  uid?: string
  resourceVersion?: string
}

export interface CronJobSpec {
  schedule: string
  timeZone?: string
  startingDeadlineSeconds?: number
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace'
  suspend?: boolean
  jobTemplate: { metadata?: Partial<ObjectMeta>; spec: JobSpec }
  successfulJobsHistoryLimit?: number
  failedJobsHistoryLimit?: number
}

export interface CronJobStatus {
  active?: ObjectReference[]
  lastScheduleTime?: string
  lastSuccessfulTime?: string
}

export interface CronJob extends KObject {
  apiVersion: 'batch/v1'
  kind: 'CronJob'
  spec: CronJobSpec
  status: CronJobStatus
}

// -------------------------------------------------------- core/v1 cluster kinds

export interface Taint {
  key: string
  value?: string
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
}

export interface Node extends KObject {
  apiVersion: 'v1'
  kind: 'Node'
  spec: { taints?: Taint[]; podCIDR?: string; podCIDRs?: string[]; unschedulable?: boolean }
  status: {
    capacity: Record<string, string>
    allocatable: Record<string, string>
    conditions: { type: string; status: string; lastHeartbeatTime: string; lastTransitionTime: string; reason: string; message: string }[]
    addresses: { type: string; address: string }[]
    nodeInfo: Record<string, string>
    images?: { names: string[]; sizeBytes: number }[]
    daemonEndpoints?: unknown
  }
}

export interface Event extends KObject {
  apiVersion: 'v1'
  kind: 'Event'
  involvedObject: ObjectReference & { fieldPath?: string }
  reason: string
  message: string
  source: { component?: string; host?: string }
  firstTimestamp: string | null
  lastTimestamp: string | null
  eventTime: string | null
  count: number
  type: 'Normal' | 'Warning'
  reportingComponent: string
  reportingInstance: string
  action?: string
}

export interface Namespace extends KObject {
  apiVersion: 'v1'
  kind: 'Namespace'
  spec: { finalizers?: string[] }
  status: { phase: 'Active' | 'Terminating'; conditions?: { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }[] }
}

export interface PersistentVolumeClaim extends KObject {
  apiVersion: 'v1'
  kind: 'PersistentVolumeClaim'
  spec: {
    accessModes?: string[]
    resources?: { requests?: Record<string, string> }
    storageClassName?: string
    volumeMode?: string
    volumeName?: string
  }
  status: { phase?: 'Pending' | 'Bound' | 'Lost'; accessModes?: string[]; capacity?: Record<string, string> }
}

export interface ServicePort {
  name?: string
  protocol?: string
  port: number
  targetPort?: number | string
  nodePort?: number
}

export interface Service extends KObject {
  apiVersion: 'v1'
  kind: 'Service'
  spec: {
    type?: string
    clusterIP?: string
    clusterIPs?: string[]
    externalIPs?: string[]
    ipFamilies?: string[]
    ipFamilyPolicy?: string
    internalTrafficPolicy?: string
    ports?: ServicePort[]
    selector?: Labels
    sessionAffinity?: string
  }
  status: { loadBalancer?: Record<string, unknown> }
}

export type AnyObject = Job | CronJob | Pod | Node | Event | Namespace | PersistentVolumeClaim | Service
