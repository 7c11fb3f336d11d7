// core/v1 Pod, PodStatus and ContainerStatus: what the kubelet reports, so a
// Pod saved with `kubectl get -o yaml` decodes again. Names follow k8s.io/api
// core/v1 types.go; the descriptions are our own.
import { apiVersionField, kindField, metadataField } from './meta.ts'
import { PodSpec } from './pod.ts'
import { F, struct, T, text } from './types.ts'

const PodIP = struct('PodIP', { ip: F.str('An IP address.', 'IP 주소.', { required: true }) })
const HostIP = struct('HostIP', { ip: F.str('An IP address.', 'IP 주소.', { required: true }) })

export const PodCondition = struct('PodCondition', {
  type: F.str('PodScheduled, PodReadyToStartContainers, Initialized, ContainersReady or Ready.', 'PodScheduled, PodReadyToStartContainers, Initialized, ContainersReady, Ready 중 하나.', { required: true, go: 'v1.PodConditionType' }),
  observedGeneration: F.int64('The pod generation the condition was computed from.', '컨디션을 계산할 때 본 파드 generation.'),
  status: F.str('True, False or Unknown.', 'True, False, Unknown 중 하나.', { required: true, go: 'v1.ConditionStatus' }),
  lastProbeTime: F.time('When the condition was last checked.', '컨디션을 마지막으로 확인한 시각.'),
  lastTransitionTime: F.time('When the status last changed.', '상태가 마지막으로 바뀐 시각.'),
  reason: F.str('One-word reason for the last change.', '마지막 변화의 이유(한 단어).'),
  message: F.str('Human-readable details.', '사람이 읽을 수 있는 자세한 설명.'),
}, text('One aspect of the pod\'s state.', '파드 상태의 한 측면.'))

const ContainerStateWaiting = struct('ContainerStateWaiting', {
  reason: F.str('Why the container is not running yet, e.g. ContainerCreating or CrashLoopBackOff.', '아직 실행되지 않는 이유(예: ContainerCreating, CrashLoopBackOff).'),
  message: F.str('Details.', '자세한 설명.'),
})
const ContainerStateRunning = struct('ContainerStateRunning', { startedAt: F.time('When the container started.', '컨테이너가 시작된 시각.') })
const ContainerStateTerminated = struct('ContainerStateTerminated', {
  exitCode: F.int32('Exit status of the last run.', '마지막 실행의 종료 코드.', { required: true }),
  signal: F.int32('Signal that ended it, if any.', '종료시킨 시그널(있다면).'),
  reason: F.str('Completed, Error, OOMKilled and the like.', 'Completed, Error, OOMKilled 등.'),
  message: F.str('Details.', '자세한 설명.'),
  startedAt: F.time('When it started.', '시작 시각.'),
  finishedAt: F.time('When it ended.', '끝난 시각.'),
  containerID: F.str('Runtime ID of the container.', '컨테이너의 런타임 ID.'),
})

const ContainerState = struct('ContainerState', {
  waiting: F.obj(ContainerStateWaiting, 'Set while the container waits to start.', '컨테이너가 시작을 기다리는 동안 설정됩니다.', { pointer: true }),
  running: F.obj(ContainerStateRunning, 'Set while it runs.', '실행 중일 때 설정됩니다.', { pointer: true }),
  terminated: F.obj(ContainerStateTerminated, 'Set once it has ended.', '끝난 뒤 설정됩니다.', { pointer: true }),
}, text('Exactly one of waiting, running or terminated.', 'waiting, running, terminated 중 정확히 하나.'))

const ContainerStatus = struct('ContainerStatus', {
  name: F.str('Container name.', '컨테이너 이름.', { required: true }),
  state: F.obj(ContainerState, 'Current state.', '현재 상태.', { omitEmpty: false }),
  lastState: F.obj(ContainerState, 'State of the previous run (after a restart).', '이전 실행의 상태(재시작 뒤).', { omitEmpty: false }),
  ready: F.bool('Whether the container passes its readiness check.', '컨테이너가 준비 검사를 통과했는지.', { required: true }),
  restartCount: F.int32('How many times the container has restarted.', '컨테이너가 다시 시작된 횟수.', { required: true }),
  image: F.str('Image the container runs.', '컨테이너가 실행하는 이미지.', { required: true }),
  imageID: F.str('Image digest.', '이미지 다이제스트.', { required: true }),
  containerID: F.str('Runtime ID, e.g. containerd://...', '런타임 ID(예: containerd://...).'),
  started: F.bool('Whether the container has started (passed its startup probe).', '컨테이너가 시작되었는지(startup 검사 통과).', { pointer: true }),
  allocatedResources: F.resources('Resources allocated by the node.', '노드가 배정한 자원.'),
  resources: F.obj(T.open('v1.ResourceRequirements'), 'Resources actually applied.', '실제로 적용된 자원.', { pointer: true }),
  volumeMounts: F.list(struct('VolumeMountStatus', {
    name: F.str('Volume name.', '볼륨 이름.', { required: true }),
    mountPath: F.str('Mount path.', '마운트 경로.', { required: true }),
    readOnly: F.bool('Read-only.', '읽기 전용.'),
    recursiveReadOnly: F.str('Recursive read-only mode.', '하위까지 읽기 전용 여부.', { go: 'v1.RecursiveReadOnlyMode', pointer: true }),
  }), 'Mounts as applied.', '적용된 마운트.'),
  user: F.obj(T.open('v1.ContainerUser'), 'User identity of the first process.', '첫 프로세스의 사용자 정보.', { pointer: true }),
  allocatedResourcesStatus: F.list(T.open('v1.ResourceStatus'), 'Health of allocated devices.', '배정된 장치의 상태.'),
  stopSignal: F.str('Signal used to stop the container.', '컨테이너를 멈출 때 쓰는 시그널.', { go: 'v1.Signal', pointer: true }),
}, text('Runtime state of one container, written by the kubelet.', 'kubelet이 기록하는 컨테이너 하나의 실행 상태.'))

export const PodStatus = struct('PodStatus', {
  observedGeneration: F.int64('The pod generation the kubelet has seen.', 'kubelet이 본 파드 generation.'),
  phase: F.str('Pending, Running, Succeeded, Failed or Unknown.', 'Pending, Running, Succeeded, Failed, Unknown 중 하나.', { go: 'v1.PodPhase', enum: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'] }),
  conditions: F.list(PodCondition, 'Current conditions of the pod.', '파드의 현재 컨디션.'),
  message: F.str('Why the pod is in this state.', '파드가 이 상태인 이유.'),
  reason: F.str('One-word reason, e.g. Evicted.', '한 단어 이유(예: Evicted).'),
  nominatedNodeName: F.str('Node the pod is expected to run on after preemption.', '선점 뒤 파드가 실행될 것으로 예정된 노드.'),
  hostIP: F.str('IP of the node.', '노드의 IP.'),
  hostIPs: F.list(HostIP, 'IPs of the node.', '노드의 IP 목록.'),
  podIP: F.str('IP of the pod.', '파드의 IP.'),
  podIPs: F.list(PodIP, 'IPs of the pod.', '파드의 IP 목록.'),
  startTime: F.time('When the kubelet accepted the pod.', 'kubelet이 파드를 받아들인 시각.', { pointer: true }),
  initContainerStatuses: F.list(ContainerStatus, 'Status of each init container.', '각 init 컨테이너의 상태.'),
  containerStatuses: F.list(ContainerStatus, 'Status of each container.', '각 컨테이너의 상태.'),
  qosClass: F.str('BestEffort, Burstable or Guaranteed, from requests and limits.', '요청량과 제한값으로 정해지는 BestEffort, Burstable, Guaranteed.', { go: 'v1.PodQOSClass', enum: ['BestEffort', 'Burstable', 'Guaranteed'] }),
  ephemeralContainerStatuses: F.list(ContainerStatus, 'Status of each ephemeral container.', '각 임시 컨테이너의 상태.'),
  resize: F.str('Status of an in-place resize.', '실행 중 자원 변경의 상태.', { go: 'v1.PodResizeStatus' }),
  resourceClaimStatuses: F.list(T.open('v1.PodResourceClaimStatus'), 'Status of resource claims.', '자원 클레임의 상태.'),
}, text('What is happening to the pod, as the scheduler and kubelet report it.', '스케줄러와 kubelet이 알리는 파드의 현재 상황.'))

export const Pod = struct('Pod', {
  apiVersion: apiVersionField,
  kind: kindField,
  metadata: metadataField,
  spec: F.obj(PodSpec, 'What the pod runs and how.', '파드가 무엇을 어떻게 실행할지.', { omitEmpty: false }),
  status: F.obj(PodStatus, 'Current state, written by the system.', '시스템이 기록하는 현재 상태.', { omitEmpty: false }),
}, text('A group of containers that run together on one node, sharing network and volumes. Jobs create pods to do their work.', '한 노드에서 네트워크와 볼륨을 나누며 함께 실행되는 컨테이너 묶음. Job은 일을 하려고 파드를 만듭니다.'))
