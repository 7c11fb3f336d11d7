// core/v1 PodSpec, PodTemplateSpec and the scheduling types inside them
// (tolerations, affinity, security context). Names and Go types follow
// k8s.io/api core/v1 types.go; the descriptions are our own.
import { Container, ResourceRequirements, SeccompProfile } from './container.ts'
import { LabelSelector, ObjectMeta } from './meta.ts'
import { F, struct, T, text } from './types.ts'
import { Volume } from './volume.ts'

export const Toleration = struct('Toleration', {
  key: F.str('Taint key to tolerate; empty with operator Exists tolerates every taint.', '견딜 taint의 키. 비우고 operator를 Exists로 하면 모든 taint를 견딥니다.'),
  operator: F.str('Exists or Equal (the default).', 'Exists 또는 Equal(기본값).', { go: 'v1.TolerationOperator', enum: ['Equal', 'Exists'] }),
  value: F.str('Taint value to match with Equal; empty with Exists.', 'Equal일 때 맞출 taint 값. Exists이면 비워 둡니다.'),
  effect: F.str('Taint effect to match: NoSchedule, PreferNoSchedule or NoExecute; empty matches all.', '맞출 taint 효과: NoSchedule, PreferNoSchedule, NoExecute. 비우면 모두와 맞습니다.', { go: 'v1.TaintEffect', enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] }),
  tolerationSeconds: F.int64('With NoExecute: how long the pod stays bound after the taint appears.', 'NoExecute일 때 taint가 생긴 뒤 파드가 노드에 머무는 시간(초).', { pointer: true }),
}, text('Lets the pod be scheduled onto (or stay on) nodes with a matching taint.', '일치하는 taint가 있는 노드에 파드를 배치하거나 머물게 합니다.'))

const NodeSelectorRequirement = struct('NodeSelectorRequirement', {
  key: F.str('Node label key.', '노드 레이블 키.', { required: true }),
  operator: F.str('In, NotIn, Exists, DoesNotExist, Gt or Lt.', 'In, NotIn, Exists, DoesNotExist, Gt, Lt 중 하나.', { required: true, go: 'v1.NodeSelectorOperator', enum: ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'] }),
  values: F.strList('Values for In/NotIn, one integer for Gt/Lt, none for Exists/DoesNotExist.', 'In/NotIn은 값 목록, Gt/Lt는 정수 하나, Exists/DoesNotExist는 비워 둡니다.'),
}, text('A condition on a node label.', '노드 레이블에 대한 조건.'))

const NodeSelectorTerm = struct('NodeSelectorTerm', {
  matchExpressions: F.list(NodeSelectorRequirement, 'Conditions on node labels; all must hold.', '노드 레이블 조건. 모두 만족해야 합니다.'),
  matchFields: F.list(NodeSelectorRequirement, 'Conditions on node fields (metadata.name).', '노드 필드(metadata.name) 조건.'),
}, text('One way a node can qualify; terms are ORed.', '노드가 조건을 만족하는 한 가지 방법. 여러 항은 OR로 묶입니다.'))

const NodeSelector = struct('NodeSelector', {
  nodeSelectorTerms: F.list(NodeSelectorTerm, 'A node qualifies if any term matches.', '하나라도 맞는 항이 있으면 노드가 선택됩니다.', { required: true }),
}, text('Required node conditions.', '반드시 만족해야 하는 노드 조건.'))

const PreferredSchedulingTerm = struct('PreferredSchedulingTerm', {
  weight: F.int32('Weight 1-100 added to a matching node\'s score.', '조건에 맞는 노드 점수에 더할 가중치(1-100).', { required: true }),
  preference: F.obj(NodeSelectorTerm, 'The node conditions.', '노드 조건.', { required: true }),
}, text('A node preference with a weight.', '가중치가 있는 노드 선호 조건.'))

const NodeAffinity = struct('NodeAffinity', {
  requiredDuringSchedulingIgnoredDuringExecution: F.obj(NodeSelector, 'Nodes must match to be chosen; checked only at scheduling.', '노드가 반드시 맞아야 선택됩니다. 스케줄링할 때만 봅니다.', { pointer: true }),
  preferredDuringSchedulingIgnoredDuringExecution: F.list(PreferredSchedulingTerm, 'Nodes matching these score higher.', '이 조건에 맞는 노드가 더 높은 점수를 받습니다.'),
}, text('Which nodes the pod must or should run on, by node labels.', '노드 레이블로 파드가 반드시 또는 되도록 실행될 노드를 정합니다.'))

const PodAffinityTerm = struct('PodAffinityTerm', {
  labelSelector: F.obj(LabelSelector, 'Pods to be near (or away from).', '가까이(또는 멀리) 둘 파드.', { pointer: true }),
  namespaces: F.strList('Namespaces to look in; defaults to the pod\'s.', '찾을 네임스페이스. 기본값은 파드의 네임스페이스.'),
  topologyKey: F.str('Node label that defines "the same place", e.g. kubernetes.io/hostname.', '"같은 곳"을 정하는 노드 레이블(예: kubernetes.io/hostname).', { required: true }),
  namespaceSelector: F.obj(LabelSelector, 'Namespaces to look in, by label.', '레이블로 고르는 찾을 네임스페이스.', { pointer: true }),
  matchLabelKeys: F.strList('Label keys whose values are copied from this pod into the selector.', '이 파드의 값이 셀렉터에 복사될 레이블 키.'),
  mismatchLabelKeys: F.strList('Label keys whose values must differ.', '값이 달라야 하는 레이블 키.'),
}, text('Pods that must share (or not share) a topology domain with this one.', '이 파드와 같은 토폴로지 영역에 있어야(또는 없어야) 하는 파드.'))

const WeightedPodAffinityTerm = struct('WeightedPodAffinityTerm', {
  weight: F.int32('Weight 1-100.', '가중치(1-100).', { required: true }),
  podAffinityTerm: F.obj(PodAffinityTerm, 'The term.', '조건.', { required: true }),
})

const podAffinity = (name: string, en: string, ko: string) =>
  struct(name, {
    requiredDuringSchedulingIgnoredDuringExecution: F.list(PodAffinityTerm, 'Terms that must hold at scheduling.', '스케줄링할 때 반드시 만족할 조건.'),
    preferredDuringSchedulingIgnoredDuringExecution: F.list(WeightedPodAffinityTerm, 'Terms that add to a node\'s score.', '노드 점수에 더해지는 조건.'),
  }, text(en, ko))

const Affinity = struct('Affinity', {
  nodeAffinity: F.obj(NodeAffinity, 'Node affinity by node labels.', '노드 레이블에 대한 어피니티.', { pointer: true }),
  podAffinity: F.obj(podAffinity('PodAffinity', 'Run near certain other pods.', '특정 파드 가까이에서 실행합니다.'), 'Run near certain pods.', '특정 파드 가까이에서 실행합니다.', { pointer: true }),
  podAntiAffinity: F.obj(podAffinity('PodAntiAffinity', 'Run away from certain other pods.', '특정 파드와 떨어져 실행합니다.'), 'Run away from certain pods.', '특정 파드와 떨어져 실행합니다.', { pointer: true }),
}, text('Scheduling constraints relative to nodes and other pods.', '노드와 다른 파드를 기준으로 한 스케줄링 제약.'))

const Sysctl = struct('Sysctl', { name: F.str('Sysctl name.', 'sysctl 이름.', { required: true }), value: F.str('Value.', '값.', { required: true }) })

const PodSecurityContext = struct('PodSecurityContext', {
  seLinuxOptions: F.obj(T.open('v1.SELinuxOptions'), 'SELinux labels for all containers.', '모든 컨테이너의 SELinux 레이블.', { pointer: true }),
  windowsOptions: F.obj(T.open('v1.WindowsSecurityContextOptions'), 'Windows-only settings.', 'Windows 전용 설정.', { pointer: true }),
  runAsUser: F.int64('User ID for all containers\' processes.', '모든 컨테이너 프로세스의 사용자 ID.', { pointer: true }),
  runAsGroup: F.int64('Group ID for all containers\' processes.', '모든 컨테이너 프로세스의 그룹 ID.', { pointer: true }),
  runAsNonRoot: F.bool('Refuse to start containers that would run as root.', 'root로 실행될 컨테이너는 시작하지 않습니다.', { pointer: true }),
  supplementalGroups: F.list(T.int64(), 'Extra group IDs for the first process of each container.', '각 컨테이너 첫 프로세스에 더할 그룹 ID.'),
  supplementalGroupsPolicy: F.str('Merge (the default) or Strict.', 'Merge(기본값) 또는 Strict.', { go: 'v1.SupplementalGroupsPolicy', pointer: true, enum: ['Merge', 'Strict'] }),
  fsGroup: F.int64('Group that owns mounted volumes.', '마운트된 볼륨을 소유할 그룹.', { pointer: true }),
  sysctls: F.list(Sysctl, 'Namespaced kernel parameters.', '네임스페이스 단위 커널 파라미터.'),
  fsGroupChangePolicy: F.str('OnRootMismatch or Always.', 'OnRootMismatch 또는 Always.', { go: 'v1.PodFSGroupChangePolicy', pointer: true, enum: ['Always', 'OnRootMismatch'] }),
  seccompProfile: F.obj(SeccompProfile, 'Seccomp profile for all containers.', '모든 컨테이너의 seccomp 프로파일.', { pointer: true }),
  appArmorProfile: F.obj(T.open('v1.AppArmorProfile'), 'AppArmor profile for all containers.', '모든 컨테이너의 AppArmor 프로파일.', { pointer: true }),
  seLinuxChangePolicy: F.str('Recursive or MountOption.', 'Recursive 또는 MountOption.', { go: 'v1.PodSELinuxChangePolicy', pointer: true }),
}, text('Security settings for every container of the pod.', '파드의 모든 컨테이너에 적용되는 보안 설정.'))

const PodDNSConfig = struct('PodDNSConfig', {
  nameservers: F.strList('Extra DNS server IPs.', '추가 DNS 서버 IP.'),
  searches: F.strList('Extra search domains.', '추가 검색 도메인.'),
  options: F.list(struct('PodDNSConfigOption', { name: F.str('Option name.', '옵션 이름.'), value: F.str('Option value.', '옵션 값.', { pointer: true }) }), 'resolv.conf options.', 'resolv.conf 옵션.'),
}, text('Extra DNS settings merged into the pod\'s resolv.conf.', '파드의 resolv.conf에 더해지는 DNS 설정.'))

const TopologySpreadConstraint = struct('TopologySpreadConstraint', {
  maxSkew: F.int32('How uneven the spread may be.', '허용하는 분산 불균형 정도.', { required: true }),
  topologyKey: F.str('Node label that defines a domain.', '영역을 정하는 노드 레이블.', { required: true }),
  whenUnsatisfiable: F.str('DoNotSchedule or ScheduleAnyway.', 'DoNotSchedule 또는 ScheduleAnyway.', { required: true, go: 'v1.UnsatisfiableConstraintAction', enum: ['DoNotSchedule', 'ScheduleAnyway'] }),
  labelSelector: F.obj(LabelSelector, 'Pods counted in each domain.', '각 영역에서 셀 파드.', { pointer: true }),
  minDomains: F.int32('Minimum number of eligible domains.', '최소 영역 수.', { pointer: true }),
  nodeAffinityPolicy: F.str('Honor or Ignore.', 'Honor 또는 Ignore.', { go: 'v1.NodeInclusionPolicy', pointer: true }),
  nodeTaintsPolicy: F.str('Honor or Ignore.', 'Honor 또는 Ignore.', { go: 'v1.NodeInclusionPolicy', pointer: true }),
  matchLabelKeys: F.strList('Label keys copied from this pod into the selector.', '이 파드에서 셀렉터로 복사할 레이블 키.'),
}, text('How evenly pods should spread across nodes, zones or other domains.', '파드를 노드, 존 등 영역에 얼마나 고르게 퍼뜨릴지.'))

const named = (name: string, en: string, ko: string) => struct(name, { name: F.str(en, ko, { required: name !== 'LocalObjectReference' }) })

export const PodSpec = struct('PodSpec', {
  volumes: F.list(Volume, 'Volumes the containers can mount.', '컨테이너가 마운트할 수 있는 볼륨 목록.'),
  initContainers: F.list(Container, 'Containers run one after another, each to completion, before the regular containers start.', '일반 컨테이너보다 먼저, 하나씩 차례로 끝까지 실행하는 컨테이너.'),
  containers: F.list(Container, 'The containers of the pod; at least one.', '파드의 컨테이너 목록. 하나 이상 필요합니다.', { required: true }),
  ephemeralContainers: F.list(T.open('v1.EphemeralContainer'), 'Debugging containers added to a running pod (kubectl debug); not in templates.', '실행 중인 파드에 덧붙이는 디버깅 컨테이너(kubectl debug). 템플릿에는 쓰지 않습니다.'),
  restartPolicy: F.str('Always, OnFailure or Never; defaults to Always. Job pods must use OnFailure or Never.', 'Always, OnFailure, Never 중 하나. 기본값 Always. Job의 파드는 OnFailure나 Never여야 합니다.', { go: 'v1.RestartPolicy', enum: ['Always', 'Never', 'OnFailure'] }),
  terminationGracePeriodSeconds: F.int64('Seconds between SIGTERM and SIGKILL when the pod is deleted; defaults to 30.', '파드를 지울 때 SIGTERM과 SIGKILL 사이의 시간(초). 기본값 30.', { pointer: true }),
  activeDeadlineSeconds: F.int64('Seconds the pod may be active before the kubelet fails it.', '파드가 실행될 수 있는 최대 시간(초). 넘으면 kubelet이 실패 처리합니다.', { pointer: true }),
  dnsPolicy: F.str('ClusterFirst (the default), ClusterFirstWithHostNet, Default or None.', 'ClusterFirst(기본값), ClusterFirstWithHostNet, Default, None 중 하나.', { go: 'v1.DNSPolicy', enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] }),
  nodeSelector: F.strMap('Node labels the node must have, e.g. kubernetes.io/os: linux.', '노드가 가져야 할 레이블(예: kubernetes.io/os: linux).'),
  serviceAccountName: F.str('Service account the pod runs as; defaults to default.', '파드가 쓰는 서비스 어카운트. 기본값 default.'),
  serviceAccount: F.str('Deprecated alias of serviceAccountName.', 'serviceAccountName의 옛 이름(더 이상 권장하지 않음).'),
  automountServiceAccountToken: F.bool('Whether the service account token is mounted automatically.', '서비스 어카운트 토큰을 자동으로 마운트할지.', { pointer: true }),
  nodeName: F.str('Run on this node directly, bypassing the scheduler.', '스케줄러를 거치지 않고 이 노드에서 바로 실행합니다.'),
  hostNetwork: F.bool('Use the node\'s network namespace.', '노드의 네트워크 네임스페이스를 씁니다.'),
  hostPID: F.bool('Use the node\'s process namespace.', '노드의 프로세스 네임스페이스를 씁니다.'),
  hostIPC: F.bool('Use the node\'s IPC namespace.', '노드의 IPC 네임스페이스를 씁니다.'),
  shareProcessNamespace: F.bool('Containers of the pod see each other\'s processes.', '파드의 컨테이너끼리 서로의 프로세스를 봅니다.', { pointer: true }),
  securityContext: F.obj(PodSecurityContext, 'Pod-wide security settings.', '파드 전체 보안 설정.', { pointer: true }),
  imagePullSecrets: F.list(named('LocalObjectReference', 'Name of a Secret in the namespace.', '네임스페이스의 Secret 이름.'), 'Secrets with registry credentials for pulling images.', '이미지를 받을 때 쓸 레지스트리 인증 정보 Secret.'),
  hostname: F.str('Hostname of the pod; defaults to the pod name.', '파드의 호스트 이름. 기본값은 파드 이름.'),
  subdomain: F.str('Subdomain, giving a DNS name <hostname>.<subdomain>.<ns>.svc.', '<hostname>.<subdomain>.<ns>.svc 형식의 DNS 이름을 만드는 서브도메인.'),
  affinity: F.obj(Affinity, 'Node and pod affinity rules.', '노드와 파드 어피니티 규칙.', { pointer: true }),
  schedulerName: F.str('Scheduler that places the pod; defaults to default-scheduler.', '파드를 배치할 스케줄러. 기본값 default-scheduler.'),
  tolerations: F.list(Toleration, 'Taints the pod tolerates.', '파드가 견디는 taint 목록.'),
  hostAliases: F.list(struct('HostAlias', { ip: F.str('IP address.', 'IP 주소.', { required: true }), hostnames: F.strList('Names for the IP.', 'IP에 붙일 이름.') }), 'Extra /etc/hosts entries.', '/etc/hosts에 더할 항목.'),
  priorityClassName: F.str('PriorityClass giving the pod\'s priority.', '파드 우선순위를 정하는 PriorityClass.'),
  priority: F.int32('Priority value, set by the Priority admission plugin from priorityClassName.', '우선순위 값. Priority 어드미션 플러그인이 priorityClassName으로 채웁니다.', { pointer: true }),
  dnsConfig: F.obj(PodDNSConfig, 'Extra DNS settings.', '추가 DNS 설정.', { pointer: true }),
  readinessGates: F.list(struct('PodReadinessGate', { conditionType: F.str('Pod condition type.', '파드 컨디션 종류.', { required: true, go: 'v1.PodConditionType' }) }), 'Extra conditions that must be True for readiness.', '준비 상태가 되려면 True여야 하는 추가 컨디션.'),
  runtimeClassName: F.str('RuntimeClass for the containers.', '컨테이너에 쓸 RuntimeClass.', { pointer: true }),
  enableServiceLinks: F.bool('Inject environment variables for services; defaults to true on Pods.', '서비스 정보를 환경 변수로 넣을지. 파드에서 기본값 true.', { pointer: true }),
  preemptionPolicy: F.str('PreemptLowerPriority (the default) or Never.', 'PreemptLowerPriority(기본값) 또는 Never.', { go: 'v1.PreemptionPolicy', pointer: true, enum: ['Never', 'PreemptLowerPriority'] }),
  overhead: F.resources('Resources the runtime itself needs for the pod.', '런타임 자체가 파드에 쓰는 자원.'),
  topologySpreadConstraints: F.list(TopologySpreadConstraint, 'How to spread pods across domains.', '파드를 영역에 퍼뜨리는 방법.'),
  setHostnameAsFQDN: F.bool('Use the fully qualified name as hostname.', '전체 도메인 이름을 호스트 이름으로 씁니다.', { pointer: true }),
  os: F.obj(struct('PodOS', { name: F.str('linux or windows.', 'linux 또는 windows.', { required: true, go: 'v1.OSName' }) }), 'Operating system of the containers.', '컨테이너의 운영체제.', { pointer: true }),
  hostUsers: F.bool('False runs the pod in its own user namespace.', 'false이면 파드를 자체 사용자 네임스페이스에서 실행합니다.', { pointer: true }),
  schedulingGates: F.list(named('PodSchedulingGate', 'Gate name.', '게이트 이름.'), 'While any gate remains, the pod is not scheduled.', '게이트가 하나라도 남아 있으면 스케줄링하지 않습니다.'),
  resourceClaims: F.list(T.open('v1.PodResourceClaim'), 'Dynamic resource claims of the pod.', '파드의 동적 자원 클레임.'),
  resources: F.obj(ResourceRequirements, 'Pod-level requests and limits (needs the PodLevelResources feature, off in 1.33).', '파드 단위 요청량과 제한값(PodLevelResources 기능 필요, 1.33에서는 꺼져 있음).', { pointer: true }),
}, text('What a pod runs (its containers and volumes) and how and where it runs.', '파드가 무엇을(컨테이너, 볼륨) 어떻게, 어디서 실행할지.'))

export const PodTemplateSpec = struct('PodTemplateSpec', {
  metadata: F.obj(ObjectMeta, 'Labels and annotations given to every pod made from the template.', '템플릿으로 만드는 모든 파드에 붙는 레이블과 어노테이션.', { omitEmpty: false }),
  spec: F.obj(PodSpec, 'The spec of every pod made from the template.', '템플릿으로 만드는 모든 파드의 spec.', { omitEmpty: false }),
}, text('The blueprint of the pods a controller creates.', '컨트롤러가 만드는 파드의 설계도.'))
