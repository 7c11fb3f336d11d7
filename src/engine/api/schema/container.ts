// core/v1 Container and what it contains: ports, env, mounts, resources,
// probes, lifecycle hooks, security context. Field names and Go types follow
// k8s.io/api core/v1 types.go; the descriptions are our own.
import { F, struct, T, text } from './types.ts'

export const ContainerPort = struct('ContainerPort', {
  name: F.str('A name for the port (at most 15 lowercase letters, digits and dashes), unique in the pod.', '포트 이름(소문자, 숫자, 대시로 15자 이내). 파드 안에서 겹치면 안 됩니다.'),
  hostPort: F.int32('Port to expose on the node as well; rarely needed.', '노드에도 열 포트 번호. 거의 쓰지 않습니다.'),
  containerPort: F.int32('Port the container listens on (1-65535).', '컨테이너가 듣는 포트 번호(1-65535).', { required: true }),
  protocol: F.str('UDP, TCP or SCTP. Defaults to TCP.', 'UDP, TCP, SCTP 중 하나. 기본값은 TCP.', { go: 'v1.Protocol', enum: ['SCTP', 'TCP', 'UDP'] }),
  hostIP: F.str('Node IP to bind the host port to.', '호스트 포트를 묶을 노드 IP.'),
}, text('A network port the container exposes.', '컨테이너가 여는 네트워크 포트.'))

const ObjectFieldSelector = struct('ObjectFieldSelector', {
  apiVersion: F.str('Schema version of fieldPath; defaults to v1.', 'fieldPath가 따르는 스키마 버전. 기본값은 v1.'),
  fieldPath: F.str('Pod field to read, such as metadata.name, metadata.labels[\'app\'] or status.podIP.', "읽을 파드 필드(예: metadata.name, metadata.labels['app'], status.podIP).", { required: true }),
}, text('Selects a field of the pod (the downward API).', '파드의 필드 하나를 고릅니다(downward API).'))

const ResourceFieldSelector = struct('ResourceFieldSelector', {
  containerName: F.str('Container whose resources are read; required in volumes.', '자원 값을 읽을 컨테이너. 볼륨에서는 반드시 적습니다.'),
  resource: F.str('limits.cpu, limits.memory, requests.cpu, requests.memory and the like.', 'limits.cpu, limits.memory, requests.cpu, requests.memory 등.', { required: true }),
  divisor: F.quantity('Unit to express the value in, e.g. 1m or 1Mi; defaults to 1.', '값을 나눌 단위(예: 1m, 1Mi). 기본값은 1.'),
}, text("Selects a container's resource request or limit.", '컨테이너의 자원 요청량이나 제한값을 고릅니다.'))

const KeySelector = (name: string, of: string, ko: string) =>
  struct(name, {
    name: F.str(`Name of the ${of}.`, `${ko} 이름.`),
    key: F.str(`The key inside the ${of}.`, `${ko} 안의 키.`, { required: true }),
    optional: F.bool(`If true, a missing ${of} or key is not an error.`, `true이면 ${ko}나 키가 없어도 오류가 아닙니다.`, { pointer: true }),
  }, text(`Selects one key of a ${of}.`, `${ko}의 키 하나를 고릅니다.`))

const EnvVarSource = struct('EnvVarSource', {
  fieldRef: F.obj(ObjectFieldSelector, 'Takes the value from a pod field (downward API).', '파드 필드에서 값을 가져옵니다(downward API).', { pointer: true }),
  resourceFieldRef: F.obj(ResourceFieldSelector, "Takes the value from a container's resource request or limit.", '컨테이너의 자원 요청량이나 제한값에서 값을 가져옵니다.', { pointer: true }),
  configMapKeyRef: F.obj(KeySelector('ConfigMapKeySelector', 'ConfigMap', 'ConfigMap'), 'Takes the value from a key of a ConfigMap.', 'ConfigMap의 키에서 값을 가져옵니다.', { pointer: true }),
  secretKeyRef: F.obj(KeySelector('SecretKeySelector', 'Secret', 'Secret'), 'Takes the value from a key of a Secret.', 'Secret의 키에서 값을 가져옵니다.', { pointer: true }),
}, text('Where an environment variable gets its value from.', '환경 변수 값을 가져올 출처.'))

export const EnvVar = struct('EnvVar', {
  name: F.str('Variable name.', '변수 이름.', { required: true }),
  value: F.str('Literal value. $(OTHER) expands earlier variables; $$ writes a literal $.', '값. $(다른변수)는 앞에서 정의한 변수로 바뀌고 $$는 $ 한 글자가 됩니다.'),
  valueFrom: F.obj(EnvVarSource, 'Take the value from elsewhere instead; not with value.', '값을 다른 곳에서 가져옵니다. value와 함께 쓸 수 없습니다.', { pointer: true }),
}, text('An environment variable set in the container.', '컨테이너에 설정하는 환경 변수.'))

const LocalRef = (name: string, of: string, ko: string) =>
  struct(name, {
    name: F.str(`Name of the ${of}.`, `${ko} 이름.`),
    optional: F.bool(`If true, a missing ${of} is not an error.`, `true이면 ${ko}가 없어도 오류가 아닙니다.`, { pointer: true }),
  })

export const EnvFromSource = struct('EnvFromSource', {
  prefix: F.str('Text prepended to every variable name taken from the source.', '가져온 변수 이름 앞에 붙일 접두사.'),
  configMapRef: F.obj(LocalRef('ConfigMapEnvSource', 'ConfigMap', 'ConfigMap'), 'Every key of this ConfigMap becomes a variable.', '이 ConfigMap의 모든 키가 환경 변수가 됩니다.', { pointer: true }),
  secretRef: F.obj(LocalRef('SecretEnvSource', 'Secret', 'Secret'), 'Every key of this Secret becomes a variable.', '이 Secret의 모든 키가 환경 변수가 됩니다.', { pointer: true }),
}, text('A ConfigMap or Secret whose keys all become environment variables.', '모든 키가 환경 변수가 되는 ConfigMap이나 Secret.'))

export const VolumeMount = struct('VolumeMount', {
  name: F.str('Name of a volume declared in the pod spec.', '파드 spec에 선언한 볼륨 이름.', { required: true }),
  readOnly: F.bool('Mount read-only if true. Defaults to false.', 'true이면 읽기 전용으로 마운트합니다. 기본값 false.'),
  recursiveReadOnly: F.str('Whether read-only applies to submounts too: Disabled, IfPossible or Enabled.', '하위 마운트까지 읽기 전용으로 할지: Disabled, IfPossible, Enabled.', { go: 'v1.RecursiveReadOnlyMode', pointer: true, enum: ['Disabled', 'Enabled', 'IfPossible'] }),
  mountPath: F.str('Path inside the container where the volume appears; must not contain ":".', '볼륨이 보일 컨테이너 안의 경로. ":"를 넣을 수 없습니다.', { required: true }),
  subPath: F.str('Mount only this sub-path of the volume.', '볼륨 안의 이 하위 경로만 마운트합니다.'),
  mountPropagation: F.str('How mounts propagate between host and container; defaults to None.', '호스트와 컨테이너 사이 마운트 전파 방식. 기본값 None.', { go: 'v1.MountPropagationMode', pointer: true, enum: ['Bidirectional', 'HostToContainer', 'None'] }),
  subPathExpr: F.str('Like subPath, but $(VAR) references to the environment are expanded.', 'subPath와 같지만 $(VAR) 형태의 환경 변수를 펼칩니다.'),
}, text('Where and how a pod volume is mounted into the container.', '파드 볼륨을 컨테이너의 어디에 어떻게 마운트할지.'))

const VolumeDevice = struct('VolumeDevice', {
  name: F.str('Name of a persistentVolumeClaim volume in the pod.', '파드에 있는 persistentVolumeClaim 볼륨 이름.', { required: true }),
  devicePath: F.str('Path of the raw block device inside the container.', '컨테이너 안의 블록 장치 경로.', { required: true }),
}, text('A raw block device mapped into the container.', '컨테이너에 연결하는 블록 장치.'))

const ResourceClaim = struct('ResourceClaim', {
  name: F.str('Name of an entry in the pod\'s resourceClaims.', '파드 resourceClaims 항목의 이름.', { required: true }),
  request: F.str('A single request inside that claim.', '그 클레임 안의 요청 하나.'),
}, text('A dynamic resource claim the container uses.', '컨테이너가 쓰는 동적 자원 클레임.'))

export const ResourceRequirements = struct('ResourceRequirements', {
  limits: F.resources('Hard caps: the container may not use more (memory above the limit is OOMKilled).', '상한값. 이보다 더 쓸 수 없습니다(메모리를 넘으면 OOMKilled).'),
  requests: F.resources('What the scheduler reserves on a node for the container; defaults to limits when only limits are set.', '스케줄러가 노드에서 확보해 두는 양. limits만 적으면 limits와 같아집니다.'),
  claims: F.list(ResourceClaim, 'Dynamic resource claims this container uses.', '이 컨테이너가 쓰는 동적 자원 클레임.'),
}, text('CPU, memory and other resources a container requests and may use at most.', '컨테이너가 요청하는 자원과 최대로 쓸 수 있는 자원(CPU, 메모리 등).'))

const ContainerResizePolicy = struct('ContainerResizePolicy', {
  resourceName: F.str('cpu or memory.', 'cpu 또는 memory.', { required: true, go: 'v1.ResourceName' }),
  restartPolicy: F.str('NotRequired or RestartContainer when the resource is resized.', '자원을 바꿀 때의 동작: NotRequired 또는 RestartContainer.', { required: true, go: 'v1.ResourceResizeRestartPolicy', enum: ['NotRequired', 'RestartContainer'] }),
}, text('What happens to the container when a resource is resized in place.', '실행 중 자원을 바꿀 때 컨테이너에 일어날 일.'))

const ExecAction = struct('ExecAction', {
  command: F.strList('Command run inside the container, not through a shell; exit status 0 means success.', '컨테이너 안에서 셸 없이 실행할 명령. 종료 코드 0이 성공입니다.'),
}, text('Runs a command in the container.', '컨테이너 안에서 명령을 실행합니다.'))

const HTTPHeader = struct('HTTPHeader', {
  name: F.str('Header name.', '헤더 이름.', { required: true }),
  value: F.str('Header value.', '헤더 값.', { required: true }),
})

const HTTPGetAction = struct('HTTPGetAction', {
  path: F.str('Path to request; defaults to /.', '요청할 경로. 기본값은 /.'),
  port: F.intOrString('Port number or named container port.', '포트 번호나 컨테이너 포트 이름.', { required: true, omitEmpty: false }),
  host: F.str('Host to connect to; defaults to the pod IP.', '접속할 호스트. 기본값은 파드 IP.'),
  scheme: F.str('HTTP or HTTPS; defaults to HTTP.', 'HTTP 또는 HTTPS. 기본값 HTTP.', { go: 'v1.URIScheme', enum: ['HTTP', 'HTTPS'] }),
  httpHeaders: F.list(HTTPHeader, 'Extra request headers.', '추가 요청 헤더.'),
}, text('An HTTP GET request; a status from 200 to 399 means success.', 'HTTP GET 요청. 200~399 응답이면 성공입니다.'))

const TCPSocketAction = struct('TCPSocketAction', {
  port: F.intOrString('Port number or named container port.', '포트 번호나 컨테이너 포트 이름.', { required: true, omitEmpty: false }),
  host: F.str('Host to connect to; defaults to the pod IP.', '접속할 호스트. 기본값은 파드 IP.'),
}, text('Opens a TCP connection; success if it connects.', 'TCP 연결을 열어 봅니다. 연결되면 성공입니다.'))

const GRPCAction = struct('GRPCAction', {
  port: F.int32('Port of the gRPC health service.', 'gRPC 헬스 서비스 포트.', { required: true }),
  service: F.str('Service name sent in the health check request.', '헬스 체크 요청에 보낼 서비스 이름.', { pointer: true }),
}, text('A gRPC health check.', 'gRPC 헬스 체크.'))

const SleepAction = struct('SleepAction', {
  seconds: F.int64('Seconds to sleep.', '잠들 시간(초).', { required: true }),
}, text('Waits before the container goes on.', '정해진 시간 동안 기다립니다.'))

export const Probe = struct('Probe', {
  exec: F.obj(ExecAction, 'Run a command.', '명령을 실행합니다.', { pointer: true }),
  httpGet: F.obj(HTTPGetAction, 'Send an HTTP GET.', 'HTTP GET을 보냅니다.', { pointer: true }),
  tcpSocket: F.obj(TCPSocketAction, 'Open a TCP connection.', 'TCP 연결을 엽니다.', { pointer: true }),
  grpc: F.obj(GRPCAction, 'Call a gRPC health service.', 'gRPC 헬스 서비스를 부릅니다.', { pointer: true }),
  initialDelaySeconds: F.int32('Seconds after the container starts before the first probe.', '컨테이너 시작 후 첫 검사까지 기다리는 초.'),
  timeoutSeconds: F.int32('Seconds before a probe times out; defaults to 1.', '검사 한 번의 제한 시간(초). 기본값 1.'),
  periodSeconds: F.int32('Seconds between probes; defaults to 10.', '검사 간격(초). 기본값 10.'),
  successThreshold: F.int32('Consecutive successes needed after a failure; must be 1 for liveness and startup probes.', '실패 뒤 연속으로 필요한 성공 횟수. liveness와 startup은 1이어야 합니다.'),
  failureThreshold: F.int32('Consecutive failures before the probe is considered failed; defaults to 3.', '실패로 판정하기까지의 연속 실패 횟수. 기본값 3.'),
  terminationGracePeriodSeconds: F.int64('Grace period for a container killed by this probe, overriding the pod\'s.', '이 검사로 종료될 때의 유예 시간. 파드 설정보다 우선합니다.', { pointer: true }),
}, text('A periodic health check the kubelet runs against the container.', 'kubelet이 컨테이너에 주기적으로 하는 상태 검사.'))

const LifecycleHandler = struct('LifecycleHandler', {
  exec: F.obj(ExecAction, 'Run a command.', '명령을 실행합니다.', { pointer: true }),
  httpGet: F.obj(HTTPGetAction, 'Send an HTTP GET.', 'HTTP GET을 보냅니다.', { pointer: true }),
  tcpSocket: F.obj(TCPSocketAction, 'Deprecated; kept for compatibility.', '더 이상 쓰지 않으며 호환을 위해 남아 있습니다.', { pointer: true }),
  sleep: F.obj(SleepAction, 'Wait a number of seconds.', '정해진 초만큼 기다립니다.', { pointer: true }),
}, text('An action run at a point in the container lifecycle.', '컨테이너 생애의 한 시점에 실행하는 동작.'))

const Lifecycle = struct('Lifecycle', {
  postStart: F.obj(LifecycleHandler, 'Runs right after the container is created; failure restarts the container.', '컨테이너가 만들어진 직후 실행합니다. 실패하면 컨테이너를 다시 시작합니다.', { pointer: true }),
  preStop: F.obj(LifecycleHandler, 'Runs before the container is stopped, within the grace period.', '컨테이너를 멈추기 전에 유예 시간 안에서 실행합니다.', { pointer: true }),
  stopSignal: F.str('Signal sent to stop the container, overriding the image\'s.', '컨테이너를 멈출 때 보낼 시그널. 이미지 설정보다 우선합니다.', { go: 'v1.Signal', pointer: true }),
}, text('Hooks the kubelet runs when the container starts and before it stops.', '컨테이너 시작 직후와 종료 직전에 kubelet이 실행하는 훅.'))

export const SeccompProfile = struct('SeccompProfile', {
  type: F.str('RuntimeDefault, Unconfined or Localhost.', 'RuntimeDefault, Unconfined, Localhost 중 하나.', { required: true, go: 'v1.SeccompProfileType', enum: ['Localhost', 'RuntimeDefault', 'Unconfined'] }),
  localhostProfile: F.str('Profile file on the node, for type Localhost.', 'Localhost일 때 노드의 프로파일 파일 경로.', { pointer: true }),
}, text('The seccomp (system call filter) profile.', 'seccomp(시스템 콜 필터) 프로파일.'))

const Capabilities = struct('Capabilities', {
  add: F.list(T.string('v1.Capability'), 'Linux capabilities to add, e.g. NET_ADMIN.', '추가할 리눅스 capability(예: NET_ADMIN).'),
  drop: F.list(T.string('v1.Capability'), 'Linux capabilities to drop, e.g. ALL.', '뺄 리눅스 capability(예: ALL).'),
}, text('Linux capabilities to add or drop.', '더하거나 뺄 리눅스 capability.'))

export const SecurityContext = struct('SecurityContext', {
  capabilities: F.obj(Capabilities, 'Capabilities to add or drop.', '더하거나 뺄 capability.', { pointer: true }),
  privileged: F.bool('Run as privileged (like root on the host). Defaults to false.', '특권 모드(호스트의 root와 비슷)로 실행합니다. 기본값 false.', { pointer: true }),
  seLinuxOptions: F.obj(T.open('v1.SELinuxOptions'), 'SELinux labels for the container.', '컨테이너의 SELinux 레이블.', { pointer: true }),
  windowsOptions: F.obj(T.open('v1.WindowsSecurityContextOptions'), 'Windows-only settings.', 'Windows 전용 설정.', { pointer: true }),
  runAsUser: F.int64('User ID the process runs as.', '프로세스를 실행할 사용자 ID.', { pointer: true }),
  runAsGroup: F.int64('Group ID the process runs as.', '프로세스를 실행할 그룹 ID.', { pointer: true }),
  runAsNonRoot: F.bool('Refuse to start if the process would run as UID 0.', '프로세스가 UID 0(root)으로 돌게 되면 시작하지 않습니다.', { pointer: true }),
  readOnlyRootFilesystem: F.bool('Mount the container\'s root filesystem read-only.', '컨테이너의 루트 파일 시스템을 읽기 전용으로 합니다.', { pointer: true }),
  allowPrivilegeEscalation: F.bool('Whether a process may gain more privileges than its parent.', '프로세스가 부모보다 더 많은 권한을 얻을 수 있는지.', { pointer: true }),
  procMount: F.str('Default or Unmasked /proc.', '/proc 마운트 방식: Default 또는 Unmasked.', { go: 'v1.ProcMountType', pointer: true, enum: ['Default', 'Unmasked'] }),
  seccompProfile: F.obj(SeccompProfile, 'Seccomp profile, overriding the pod\'s.', 'seccomp 프로파일. 파드 설정보다 우선합니다.', { pointer: true }),
  appArmorProfile: F.obj(T.open('v1.AppArmorProfile'), 'AppArmor profile, overriding the pod\'s.', 'AppArmor 프로파일. 파드 설정보다 우선합니다.', { pointer: true }),
}, text('Security settings for one container; they override the pod\'s securityContext.', '컨테이너 하나의 보안 설정. 파드의 securityContext보다 우선합니다.'))

export const Container = struct('Container', {
  name: F.str('Container name, a DNS label unique within the pod.', '파드 안에서 겹치지 않는 DNS 레이블 형식의 컨테이너 이름.', { required: true }),
  image: F.str('Container image, such as busybox or busybox:1.36; untagged means :latest.', '컨테이너 이미지(예: busybox, busybox:1.36). 태그가 없으면 :latest입니다.'),
  command: F.strList("Replaces the image's ENTRYPOINT. Not run through a shell: use [\"sh\", \"-c\", \"...\"] for shell syntax. $(VAR) expands environment variables.", '이미지의 ENTRYPOINT를 대신합니다. 셸을 거치지 않으므로 셸 문법은 ["sh", "-c", "..."]로 씁니다. $(VAR)는 환경 변수로 바뀝니다.'),
  args: F.strList("Arguments; replace the image's CMD. $(VAR) expands environment variables.", '인자 목록. 이미지의 CMD를 대신합니다. $(VAR)는 환경 변수로 바뀝니다.'),
  workingDir: F.str('Working directory; defaults to the image\'s.', '작업 디렉터리. 기본값은 이미지 설정.'),
  ports: F.list(ContainerPort, 'Ports the container exposes (informational).', '컨테이너가 여는 포트(정보용).'),
  envFrom: F.list(EnvFromSource, 'ConfigMaps and Secrets whose keys all become environment variables.', '모든 키를 환경 변수로 가져올 ConfigMap과 Secret.'),
  env: F.list(EnvVar, 'Environment variables.', '환경 변수 목록.'),
  resources: F.obj(ResourceRequirements, 'CPU and memory requests and limits.', 'CPU와 메모리 요청량(requests)과 제한값(limits).'),
  resizePolicy: F.list(ContainerResizePolicy, 'What happens when a resource is resized in place.', '실행 중 자원을 바꿀 때의 동작.'),
  restartPolicy: F.str('Only for init containers: Always makes it a sidecar that keeps running.', 'init 컨테이너 전용. Always이면 계속 도는 사이드카가 됩니다.', { go: 'v1.ContainerRestartPolicy', pointer: true, enum: ['Always'] }),
  volumeMounts: F.list(VolumeMount, 'Pod volumes mounted into this container.', '이 컨테이너에 마운트할 파드 볼륨.'),
  volumeDevices: F.list(VolumeDevice, 'Raw block devices for this container.', '이 컨테이너에 연결할 블록 장치.'),
  livenessProbe: F.obj(Probe, 'Restart the container when this check keeps failing.', '이 검사가 계속 실패하면 컨테이너를 다시 시작합니다.', { pointer: true }),
  readinessProbe: F.obj(Probe, 'The container counts as ready only while this check passes.', '이 검사를 통과하는 동안만 컨테이너가 준비(ready) 상태가 됩니다.', { pointer: true }),
  startupProbe: F.obj(Probe, 'Other probes wait until this one succeeds once.', '이 검사가 한 번 성공할 때까지 다른 검사를 미룹니다.', { pointer: true }),
  lifecycle: F.obj(Lifecycle, 'Hooks run after start and before stop.', '시작 직후와 종료 직전에 실행할 훅.', { pointer: true }),
  terminationMessagePath: F.str('File whose contents become the termination message; defaults to /dev/termination-log.', '내용이 종료 메시지가 되는 파일. 기본값 /dev/termination-log.'),
  terminationMessagePolicy: F.str('File, or FallbackToLogsOnError to use the log tail when the file is empty on failure.', 'File, 또는 실패 시 파일이 비어 있으면 로그 끝부분을 쓰는 FallbackToLogsOnError.', { go: 'v1.TerminationMessagePolicy', enum: ['FallbackToLogsOnError', 'File'] }),
  imagePullPolicy: F.str('Always, IfNotPresent or Never. Defaults to Always for :latest or untagged images, else IfNotPresent.', 'Always, IfNotPresent, Never 중 하나. :latest이거나 태그가 없으면 Always, 아니면 IfNotPresent가 기본값입니다.', { go: 'v1.PullPolicy', enum: ['Always', 'IfNotPresent', 'Never'] }),
  securityContext: F.obj(SecurityContext, 'Security settings for this container.', '이 컨테이너의 보안 설정.', { pointer: true }),
  stdin: F.bool('Keep a stdin buffer open for the container.', '컨테이너의 표준 입력을 열어 둡니다.'),
  stdinOnce: F.bool('Close stdin after the first client detaches.', '첫 클라이언트가 떠나면 표준 입력을 닫습니다.'),
  tty: F.bool('Allocate a terminal; needs stdin.', '터미널을 할당합니다. stdin이 필요합니다.'),
}, text('A single container in a pod: the image to run, its command, environment, resources and mounts.', '파드 안의 컨테이너 하나: 실행할 이미지, 명령, 환경, 자원, 마운트.'))
