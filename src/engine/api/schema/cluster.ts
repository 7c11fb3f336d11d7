// core/v1 Namespace, Node (the fields a lab shows) and PersistentVolumeClaim.
// Names and Go types follow k8s.io/api core/v1 types.go; descriptions are ours.
import { apiVersionField, kindField, LabelSelector, metadataField } from './meta.ts'
import { F, struct, T, text } from './types.ts'

export const Namespace = struct('Namespace', {
  apiVersion: apiVersionField,
  kind: kindField,
  metadata: metadataField,
  spec: F.obj(struct('NamespaceSpec', {
    finalizers: F.list(T.string('v1.FinalizerName'), 'Work to finish before the namespace is removed.', '네임스페이스를 지우기 전에 끝낼 작업.'),
  }), 'Namespace settings.', '네임스페이스 설정.', { omitEmpty: false }),
  status: F.obj(struct('NamespaceStatus', {
    phase: F.str('Active or Terminating.', 'Active 또는 Terminating.', { go: 'v1.NamespacePhase', enum: ['Active', 'Terminating'] }),
    conditions: F.list(T.open('v1.NamespaceCondition'), 'Conditions of the namespace.', '네임스페이스의 컨디션.'),
  }), 'Current state.', '현재 상태.', { omitEmpty: false }),
}, text('A scope for names: objects in different namespaces may share a name.', '이름의 범위. 다른 네임스페이스의 객체는 같은 이름을 써도 됩니다.'))

const Taint = struct('Taint', {
  key: F.str('Taint key.', 'taint 키.', { required: true }),
  value: F.str('Taint value.', 'taint 값.'),
  effect: F.str('NoSchedule, PreferNoSchedule or NoExecute.', 'NoSchedule, PreferNoSchedule, NoExecute 중 하나.', { required: true, go: 'v1.TaintEffect', enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] }),
  timeAdded: F.time('When a NoExecute taint was added.', 'NoExecute taint가 붙은 시각.', { pointer: true }),
}, text('Repels pods that do not tolerate it.', '견디지 못하는 파드를 밀어냅니다.'))

export const Node = struct('Node', {
  apiVersion: apiVersionField,
  kind: kindField,
  metadata: metadataField,
  spec: F.obj(struct('NodeSpec', {
    podCIDR: F.str('Pod IP range of the node.', '노드의 파드 IP 범위.'),
    podCIDRs: F.strList('Pod IP ranges of the node.', '노드의 파드 IP 범위 목록.'),
    providerID: F.str('Cloud provider ID.', '클라우드 제공자 ID.'),
    unschedulable: F.bool('Stop new pods from being scheduled here (kubectl cordon).', '새 파드가 이 노드에 배치되지 않게 합니다(kubectl cordon).'),
    taints: F.list(Taint, 'Taints on the node.', '노드의 taint.'),
    configSource: F.obj(T.open('v1.NodeConfigSource'), 'Deprecated.', '더 이상 쓰지 않습니다.', { pointer: true }),
    externalID: F.str('Deprecated.', '더 이상 쓰지 않습니다.'),
  }), 'Node settings.', '노드 설정.', { omitEmpty: false }),
  status: F.obj(struct('NodeStatus', {
    capacity: F.resources('Total resources of the node.', '노드의 전체 자원.'),
    allocatable: F.resources('Resources available to pods.', '파드가 쓸 수 있는 자원.'),
    phase: F.str('Deprecated.', '더 이상 쓰지 않습니다.', { go: 'v1.NodePhase' }),
    conditions: F.list(T.open('v1.NodeCondition'), 'Ready, MemoryPressure, DiskPressure, PIDPressure...', 'Ready, MemoryPressure, DiskPressure, PIDPressure 등.'),
    addresses: F.list(struct('NodeAddress', { type: F.str('InternalIP, Hostname...', 'InternalIP, Hostname 등.', { required: true, go: 'v1.NodeAddressType' }), address: F.str('The address.', '주소.', { required: true }) }), 'Addresses of the node.', '노드의 주소.'),
    daemonEndpoints: F.obj(T.open('v1.NodeDaemonEndpoints'), 'Kubelet endpoint.', 'kubelet 엔드포인트.'),
    nodeInfo: F.obj(T.open('v1.NodeSystemInfo'), 'Versions and IDs of the node.', '노드의 버전과 ID.'),
    images: F.list(T.open('v1.ContainerImage'), 'Images cached on the node.', '노드에 캐시된 이미지.'),
    volumesInUse: F.list(T.string('v1.UniqueVolumeName'), 'Volumes in use.', '사용 중인 볼륨.'),
    volumesAttached: F.list(T.open('v1.AttachedVolume'), 'Volumes attached.', '연결된 볼륨.'),
    config: F.obj(T.open('v1.NodeConfigStatus'), 'Deprecated.', '더 이상 쓰지 않습니다.', { pointer: true }),
    runtimeHandlers: F.list(T.open('v1.NodeRuntimeHandler'), 'Runtime handlers.', '런타임 핸들러.'),
    features: F.obj(T.open('v1.NodeFeatures'), 'Supported features.', '지원 기능.', { pointer: true }),
  }), 'Current state.', '현재 상태.', { omitEmpty: false }),
}, text('A machine that runs pods, with its capacity and health.', '파드를 실행하는 머신과 그 용량, 상태.'))

export const PersistentVolumeClaim = struct('PersistentVolumeClaim', {
  apiVersion: apiVersionField,
  kind: kindField,
  metadata: metadataField,
  spec: F.obj(struct('PersistentVolumeClaimSpec', {
    accessModes: F.list(T.string('v1.PersistentVolumeAccessMode'), 'ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod.', 'ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod 중에서.'),
    selector: F.obj(LabelSelector, 'Only volumes with these labels.', '이 레이블을 가진 볼륨만.', { pointer: true }),
    resources: F.obj(struct('VolumeResourceRequirements', {
      limits: F.resources('Most storage.', '최대 용량.'),
      requests: F.resources('Storage requested, e.g. storage: 1Gi.', '요청 용량(예: storage: 1Gi).'),
    }), 'Storage requested.', '요청하는 용량.'),
    volumeName: F.str('Bind to this PersistentVolume.', '이 PersistentVolume에 묶습니다.'),
    storageClassName: F.str('StorageClass to provision from.', '프로비저닝에 쓸 StorageClass.', { pointer: true }),
    volumeMode: F.str('Filesystem (the default) or Block.', 'Filesystem(기본값) 또는 Block.', { go: 'v1.PersistentVolumeMode', pointer: true, enum: ['Block', 'Filesystem'] }),
    dataSource: F.obj(T.open('v1.TypedLocalObjectReference'), 'Populate from a snapshot or another claim.', '스냅샷이나 다른 클레임에서 내용을 채웁니다.', { pointer: true }),
    dataSourceRef: F.obj(T.open('v1.TypedObjectReference'), 'Populate from any populator.', '임의의 populator에서 내용을 채웁니다.', { pointer: true }),
    volumeAttributesClassName: F.str('VolumeAttributesClass to use.', '쓸 VolumeAttributesClass.', { pointer: true }),
  }), 'What storage is requested.', '요청하는 저장소.', { omitEmpty: false }),
  status: F.obj(struct('PersistentVolumeClaimStatus', {
    phase: F.str('Pending, Bound or Lost.', 'Pending, Bound, Lost 중 하나.', { go: 'v1.PersistentVolumeClaimPhase', enum: ['Bound', 'Lost', 'Pending'] }),
    accessModes: F.list(T.string('v1.PersistentVolumeAccessMode'), 'Access modes of the bound volume.', '묶인 볼륨의 접근 모드.'),
    capacity: F.resources('Capacity of the bound volume.', '묶인 볼륨의 용량.'),
    conditions: F.list(T.open('v1.PersistentVolumeClaimCondition'), 'Conditions.', '컨디션.'),
    allocatedResources: F.resources('Allocated storage.', '배정된 용량.'),
    allocatedResourceStatuses: F.strMap('Resize status.', '크기 변경 상태.'),
    currentVolumeAttributesClassName: F.str('Current VolumeAttributesClass.', '현재 VolumeAttributesClass.', { pointer: true }),
    modifyVolumeStatus: F.obj(T.open('v1.ModifyVolumeStatus'), 'Modification status.', '변경 상태.', { pointer: true }),
  }), 'Current state.', '현재 상태.', { omitEmpty: false }),
}, text('A request for storage that pods mount by name; it stays after the pods are gone.', '파드가 이름으로 마운트하는 저장소 요청. 파드가 사라져도 남습니다.'))
