// Go's %#v of the internal core.PodTemplateSpec, as a 1.33 apiserver prints it
// in "spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable".
// Field order is the internal types' (k8s pkg/apis/core/types.go at 1.33, which
// differs from v1: e.g. PodSpec.SecurityContext is always set, ServiceAccount is
// merged into ServiceAccountName); fmt prints nested pointers as addresses.
import { goQuote } from '../api/errors.ts'
import { parseQuantity, roundUp, type Quantity } from '../api/quantity.ts'
import { parseTime } from '../kernel/time.ts'
import { isArr, isObj, sortedKeys, str, type J } from './util.ts'

/** Produces plausible, deterministic Go heap addresses (0xc0........). */
export type AddressSource = (align: number) => string

export function addressSource(next: () => number): AddressSource {
  return (align) => {
    const v = (next() >>> 2) & ~(align - 1)
    return '0xc0' + (v >>> 0).toString(16).padStart(8, '0')
  }
}

type Kind =
  | { t: 'string' | 'int' | 'bool' | 'time' | 'timeptr' }
  | { t: 'ptr'; go: string; align: number }
  | { t: 'slice'; go: string; elem: Kind }
  | { t: 'map'; go: string; quantity?: boolean }
  | { t: 'struct'; def: StructDef }

interface StructDef {
  go: string
  fields: [goName: string, json: string, kind: Kind][]
}

const S: Kind = { t: 'string' }
const I: Kind = { t: 'int' }
const B: Kind = { t: 'bool' }
const ptr = (go: string, align = 16): Kind => ({ t: 'ptr', go, align })
const scalarPtr = (go: string): Kind => ptr(go, 8)
const slice = (elem: Kind, go: string): Kind => ({ t: 'slice', go, elem })
const strings = slice(S, '[]string')
const structs = (def: StructDef): Kind => slice({ t: 'struct', def }, '[]' + def.go)
const labels: Kind = { t: 'map', go: 'map[string]string' }
const resourceList: Kind = { t: 'map', go: 'core.ResourceList', quantity: true }
const def = (go: string, fields: StructDef['fields']): StructDef => ({ go, fields })

const OwnerReference = def('v1.OwnerReference', [['APIVersion', 'apiVersion', S], ['Kind', 'kind', S], ['Name', 'name', S], ['UID', 'uid', S], ['Controller', 'controller', scalarPtr('*bool')], ['BlockOwnerDeletion', 'blockOwnerDeletion', scalarPtr('*bool')]])

const ObjectMeta = def('v1.ObjectMeta', [
  ['Name', 'name', S], ['GenerateName', 'generateName', S], ['Namespace', 'namespace', S], ['SelfLink', 'selfLink', S], ['UID', 'uid', S],
  ['ResourceVersion', 'resourceVersion', S], ['Generation', 'generation', I], ['CreationTimestamp', 'creationTimestamp', { t: 'time' }],
  ['DeletionTimestamp', 'deletionTimestamp', { t: 'timeptr' }], ['DeletionGracePeriodSeconds', 'deletionGracePeriodSeconds', scalarPtr('*int64')],
  ['Labels', 'labels', labels], ['Annotations', 'annotations', labels], ['OwnerReferences', 'ownerReferences', structs(OwnerReference)],
  ['Finalizers', 'finalizers', strings], ['ManagedFields', 'managedFields', slice(S, '[]v1.ManagedFieldsEntry')],
])

const Container = def('core.Container', [
  ['Name', 'name', S], ['Image', 'image', S], ['Command', 'command', strings], ['Args', 'args', strings], ['WorkingDir', 'workingDir', S],
  ['Ports', 'ports', structs(def('core.ContainerPort', [['Name', 'name', S], ['HostPort', 'hostPort', I], ['ContainerPort', 'containerPort', I], ['Protocol', 'protocol', S], ['HostIP', 'hostIP', S]]))],
  ['EnvFrom', 'envFrom', structs(def('core.EnvFromSource', [['Prefix', 'prefix', S], ['ConfigMapRef', 'configMapRef', ptr('*core.ConfigMapEnvSource')], ['SecretRef', 'secretRef', ptr('*core.SecretEnvSource')]]))],
  ['Env', 'env', structs(def('core.EnvVar', [['Name', 'name', S], ['Value', 'value', S], ['ValueFrom', 'valueFrom', ptr('*core.EnvVarSource')]]))],
  ['Resources', 'resources', { t: 'struct', def: def('core.ResourceRequirements', [['Limits', 'limits', resourceList], ['Requests', 'requests', resourceList], ['Claims', 'claims', structs(def('core.ResourceClaim', [['Name', 'name', S], ['Request', 'request', S]]))]]) }],
  ['ResizePolicy', 'resizePolicy', structs(def('core.ContainerResizePolicy', [['ResourceName', 'resourceName', S], ['RestartPolicy', 'restartPolicy', S]]))],
  ['RestartPolicy', 'restartPolicy', scalarPtr('*core.ContainerRestartPolicy')],
  ['VolumeMounts', 'volumeMounts', structs(def('core.VolumeMount', [['Name', 'name', S], ['ReadOnly', 'readOnly', B], ['RecursiveReadOnly', 'recursiveReadOnly', scalarPtr('*core.RecursiveReadOnlyMode')], ['MountPath', 'mountPath', S], ['SubPath', 'subPath', S], ['MountPropagation', 'mountPropagation', scalarPtr('*core.MountPropagationMode')], ['SubPathExpr', 'subPathExpr', S]]))],
  ['VolumeDevices', 'volumeDevices', structs(def('core.VolumeDevice', [['Name', 'name', S], ['DevicePath', 'devicePath', S]]))],
  ['LivenessProbe', 'livenessProbe', ptr('*core.Probe')], ['ReadinessProbe', 'readinessProbe', ptr('*core.Probe')], ['StartupProbe', 'startupProbe', ptr('*core.Probe')],
  ['Lifecycle', 'lifecycle', ptr('*core.Lifecycle')], ['TerminationMessagePath', 'terminationMessagePath', S], ['TerminationMessagePolicy', 'terminationMessagePolicy', S],
  ['ImagePullPolicy', 'imagePullPolicy', S], ['SecurityContext', 'securityContext', ptr('*core.SecurityContext')], ['Stdin', 'stdin', B], ['StdinOnce', 'stdinOnce', B], ['TTY', 'tty', B],
])

/** Go field names of VolumeSource, in the order of VOLUME_SOURCE_KEYS (v1 JSON names). */
const VOLUME_GO: Record<string, [string, string]> = {
  hostPath: ['HostPath', 'HostPathVolumeSource'], emptyDir: ['EmptyDir', 'EmptyDirVolumeSource'], gcePersistentDisk: ['GCEPersistentDisk', 'GCEPersistentDiskVolumeSource'],
  awsElasticBlockStore: ['AWSElasticBlockStore', 'AWSElasticBlockStoreVolumeSource'], gitRepo: ['GitRepo', 'GitRepoVolumeSource'], secret: ['Secret', 'SecretVolumeSource'],
  nfs: ['NFS', 'NFSVolumeSource'], iscsi: ['ISCSI', 'ISCSIVolumeSource'], glusterfs: ['Glusterfs', 'GlusterfsVolumeSource'],
  persistentVolumeClaim: ['PersistentVolumeClaim', 'PersistentVolumeClaimVolumeSource'], rbd: ['RBD', 'RBDVolumeSource'], quobyte: ['Quobyte', 'QuobyteVolumeSource'],
  flexVolume: ['FlexVolume', 'FlexVolumeSource'], cinder: ['Cinder', 'CinderVolumeSource'], cephfs: ['CephFS', 'CephFSVolumeSource'], flocker: ['Flocker', 'FlockerVolumeSource'],
  downwardAPI: ['DownwardAPI', 'DownwardAPIVolumeSource'], fc: ['FC', 'FCVolumeSource'], azureFile: ['AzureFile', 'AzureFileVolumeSource'], configMap: ['ConfigMap', 'ConfigMapVolumeSource'],
  vsphereVolume: ['VsphereVolume', 'VsphereVirtualDiskVolumeSource'], azureDisk: ['AzureDisk', 'AzureDiskVolumeSource'], photonPersistentDisk: ['PhotonPersistentDisk', 'PhotonPersistentDiskVolumeSource'],
  projected: ['Projected', 'ProjectedVolumeSource'], portworxVolume: ['PortworxVolume', 'PortworxVolumeSource'], scaleIO: ['ScaleIO', 'ScaleIOVolumeSource'],
  storageos: ['StorageOS', 'StorageOSVolumeSource'], csi: ['CSI', 'CSIVolumeSource'], ephemeral: ['Ephemeral', 'EphemeralVolumeSource'], image: ['Image', 'ImageVolumeSource'],
}
/** The internal struct order differs from v1's in one place: Quobyte sits after RBD. */
const VOLUME_ORDER = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs', 'persistentVolumeClaim', 'rbd', 'quobyte', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap', 'vsphereVolume', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image']
const VolumeSource = def('core.VolumeSource', VOLUME_ORDER.map((k) => [VOLUME_GO[k][0], k, ptr('*core.' + VOLUME_GO[k][1])]))
const Volume = def('core.Volume', [['Name', 'name', S], ['VolumeSource', '', { t: 'struct', def: VolumeSource }]])

const PodSpec = def('core.PodSpec', [
  ['Volumes', 'volumes', structs(Volume)], ['InitContainers', 'initContainers', structs(Container)], ['Containers', 'containers', structs(Container)],
  ['EphemeralContainers', 'ephemeralContainers', slice(S, '[]core.EphemeralContainer')], ['RestartPolicy', 'restartPolicy', S],
  ['TerminationGracePeriodSeconds', 'terminationGracePeriodSeconds', scalarPtr('*int64')], ['ActiveDeadlineSeconds', 'activeDeadlineSeconds', scalarPtr('*int64')],
  ['DNSPolicy', 'dnsPolicy', S], ['NodeSelector', 'nodeSelector', labels], ['ServiceAccountName', 'serviceAccountName', S],
  ['AutomountServiceAccountToken', 'automountServiceAccountToken', scalarPtr('*bool')], ['NodeName', 'nodeName', S], ['SecurityContext', 'securityContext', ptr('*core.PodSecurityContext')],
  ['ImagePullSecrets', 'imagePullSecrets', structs(def('core.LocalObjectReference', [['Name', 'name', S]]))], ['Hostname', 'hostname', S], ['Subdomain', 'subdomain', S],
  ['SetHostnameAsFQDN', 'setHostnameAsFQDN', scalarPtr('*bool')], ['Affinity', 'affinity', ptr('*core.Affinity')], ['SchedulerName', 'schedulerName', S],
  ['Tolerations', 'tolerations', structs(def('core.Toleration', [['Key', 'key', S], ['Operator', 'operator', S], ['Value', 'value', S], ['Effect', 'effect', S], ['TolerationSeconds', 'tolerationSeconds', scalarPtr('*int64')]]))],
  ['HostAliases', 'hostAliases', structs(def('core.HostAlias', [['IP', 'ip', S], ['Hostnames', 'hostnames', strings]]))], ['PriorityClassName', 'priorityClassName', S],
  ['Priority', 'priority', scalarPtr('*int32')], ['PreemptionPolicy', 'preemptionPolicy', scalarPtr('*core.PreemptionPolicy')], ['DNSConfig', 'dnsConfig', ptr('*core.PodDNSConfig')],
  ['ReadinessGates', 'readinessGates', structs(def('core.PodReadinessGate', [['ConditionType', 'conditionType', S]]))], ['RuntimeClassName', 'runtimeClassName', scalarPtr('*string')],
  ['Overhead', 'overhead', resourceList], ['EnableServiceLinks', 'enableServiceLinks', scalarPtr('*bool')],
  ['TopologySpreadConstraints', 'topologySpreadConstraints', structs(def('core.TopologySpreadConstraint', [['MaxSkew', 'maxSkew', I], ['TopologyKey', 'topologyKey', S], ['WhenUnsatisfiable', 'whenUnsatisfiable', S], ['LabelSelector', 'labelSelector', ptr('*v1.LabelSelector')], ['MinDomains', 'minDomains', scalarPtr('*int32')], ['NodeAffinityPolicy', 'nodeAffinityPolicy', scalarPtr('*core.NodeInclusionPolicy')], ['NodeTaintsPolicy', 'nodeTaintsPolicy', scalarPtr('*core.NodeInclusionPolicy')], ['MatchLabelKeys', 'matchLabelKeys', strings]]))],
  ['OS', 'os', ptr('*core.PodOS')], ['SchedulingGates', 'schedulingGates', structs(def('core.PodSchedulingGate', [['Name', 'name', S]]))],
  ['ResourceClaims', 'resourceClaims', structs(def('core.PodResourceClaim', [['Name', 'name', S], ['ResourceClaimName', 'resourceClaimName', scalarPtr('*string')], ['ResourceClaimTemplateName', 'resourceClaimTemplateName', scalarPtr('*string')]]))],
  ['Resources', 'resources', ptr('*core.ResourceRequirements')],
])

const PodTemplateSpec = def('core.PodTemplateSpec', [['ObjectMeta', 'metadata', { t: 'struct', def: ObjectMeta }], ['Spec', 'spec', { t: 'struct', def: PodSpec }]])

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** time.Time's GoString; metav1.Time unmarshals into the Local zone (UTC on an apiserver). */
function goTime(v: unknown): string {
  const ms = typeof v === 'string' ? parseTime(v) : NaN
  if (Number.isNaN(ms)) return 'time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)'
  const d = new Date(ms)
  return `time.Date(${d.getUTCFullYear()}, time.${MONTHS[d.getUTCMonth()]}, ${d.getUTCDate()}, ${d.getUTCHours()}, ${d.getUTCMinutes()}, ${d.getUTCSeconds()}, 0, time.Local)`
}

/** %#v of a resource.Quantity (its unexported fields included). `addr` only matters for inf.Dec values. */
export function goQuantity(q: Quantity, addr: AddressSource = () => '0xc000a3c0c0'): string {
  const i = q.dec ? 'value:0, scale:0' : `value:${q.unscaled}, scale:${q.scale}`
  const d = q.dec ? `(*inf.Dec)(${addr(16)})` : '(*inf.Dec)(nil)'
  return `resource.Quantity{i:resource.int64Amount{${i}}, d:resource.infDecAmount{Dec:${d}}, s:${goQuote(q.cached)}, Format:${goQuote(q.format)}}`
}

/** A quantity as the apiserver holds it after decoding and SetDefaults_ResourceList's RoundUp(-3). */
function decodedQuantity(v: unknown): Quantity | undefined {
  try {
    return roundUp(parseQuantity(typeof v === 'number' ? String(v) : str(v).trim()), -3)
  } catch {
    return undefined
  }
}

class Dumper {
  constructor(private addr: AddressSource) {}

  value(kind: Kind, v: unknown): string {
    switch (kind.t) {
      case 'string':
        return goQuote(typeof v === 'string' ? v : '')
      case 'int':
        return String(typeof v === 'number' ? v : 0)
      case 'bool':
        return v === true ? 'true' : 'false'
      case 'time':
        return goTime(v)
      case 'timeptr':
        return v == null ? '<nil>' : goTime(v)
      case 'ptr':
        return `(${kind.go})(${v == null ? 'nil' : this.addr(kind.align)})`
      case 'slice':
        if (!isArr(v)) return `${kind.go}(nil)`
        return `${kind.go}{${v.map((e) => this.value(kind.elem, e)).join(', ')}}`
      case 'map':
        return this.map(kind, v)
      case 'struct':
        return this.struct(kind.def, isObj(v) ? v : {})
    }
  }

  map(kind: { go: string; quantity?: boolean }, v: unknown): string {
    if (!isObj(v)) return `${kind.go}(nil)`
    const parts = sortedKeys(v).map((k) => {
      if (!kind.quantity) return `${goQuote(k)}:${goQuote(str(v[k]))}`
      const q = decodedQuantity(v[k])
      return `${goQuote(k)}:${q ? goQuantity(q, this.addr) : 'resource.Quantity{}'}`
    })
    return `${kind.go}{${parts.join(', ')}}`
  }

  struct(d: StructDef, o: J): string {
    // An embedded struct (json name '') reads its fields from the same object.
    const parts = d.fields.map(([goName, json, kind]) => `${goName}:${json ? this.value(kind, o[json]) : this.struct((kind as { def: StructDef }).def, o)}`)
    return `${d.go}{${parts.join(', ')}}`
  }
}

/** The internal view of a v1 pod spec: the fields conversion moves or always sets. */
function internalSpec(spec: J): J {
  return {
    ...spec,
    serviceAccountName: spec.serviceAccountName || spec.serviceAccount || '',
    securityContext: spec.securityContext ?? {},
  }
}

/** %#v of a (defaulted, v1 JSON) pod template as the internal core.PodTemplateSpec. */
export function dumpPodTemplateSpec(tpl: J, addr: AddressSource): string {
  const t: J = { metadata: isObj(tpl.metadata) ? tpl.metadata : {}, spec: internalSpec(isObj(tpl.spec) ? tpl.spec : {}) }
  return new Dumper(addr).struct(PodTemplateSpec, t)
}

