// core/v1 Volume and its sources. The sources a lab uses are modelled field by
// field (emptyDir, persistentVolumeClaim, hostPath, configMap, secret,
// projected, downwardAPI, nfs); the cloud and legacy ones are accepted as
// opaque objects. Names and Go types follow k8s.io/api core/v1 types.go.
import { F, struct, T, text, type TypeNode } from './types.ts'

const KeyToPath = struct('KeyToPath', {
  key: F.str('Key to project.', '파일로 만들 키.', { required: true }),
  path: F.str('Relative file path to write the key to; no ".." elements.', '키를 쓸 상대 파일 경로. ".."를 쓸 수 없습니다.', { required: true }),
  mode: F.int32('File permission bits, e.g. 0644 (octal) or 420 (decimal).', '파일 권한 비트(예: 8진수 0644, 10진수 420).', { pointer: true }),
}, text('Projects one key into a file.', '키 하나를 파일로 만듭니다.'))

const mode = F.int32('Permission bits of created files; defaults to 0644 (420).', '만들어지는 파일의 권한 비트. 기본값 0644(10진수 420).', { pointer: true })
const items = F.list(KeyToPath, 'Only these keys, at these paths; all keys when empty.', '이 키들만 지정한 경로로 만듭니다. 비우면 모든 키를 만듭니다.')

const ObjectFieldRef = struct('ObjectFieldSelector', {
  apiVersion: F.str('Schema version of fieldPath; defaults to v1.', 'fieldPath가 따르는 스키마 버전. 기본값 v1.'),
  fieldPath: F.str('Pod field to write, e.g. metadata.labels.', '파일로 쓸 파드 필드(예: metadata.labels).', { required: true }),
})

const DownwardAPIVolumeFile = struct('DownwardAPIVolumeFile', {
  path: F.str('Relative path of the file to create.', '만들 파일의 상대 경로.', { required: true }),
  fieldRef: F.obj(ObjectFieldRef, 'Pod field to write: metadata.name, namespace, uid, labels or annotations.', '파일로 쓸 파드 필드: metadata.name, namespace, uid, labels, annotations.', { pointer: true }),
  resourceFieldRef: F.obj(T.open('v1.ResourceFieldSelector'), 'Container resource to write (limits.cpu, requests.memory, ...).', '파일로 쓸 컨테이너 자원(limits.cpu, requests.memory 등).', { pointer: true }),
  mode: F.int32('Permission bits of this file.', '이 파일의 권한 비트.', { pointer: true }),
}, text('A file holding a pod field or a resource value.', '파드 필드나 자원 값이 담긴 파일.'))

const downwardItems = F.list(DownwardAPIVolumeFile, 'Files to create.', '만들 파일 목록.')

export const EmptyDirVolumeSource = struct('EmptyDirVolumeSource', {
  medium: F.str('Storage medium: empty for node disk, Memory for a tmpfs.', '저장 매체. 비우면 노드 디스크, Memory이면 tmpfs.', { go: 'v1.StorageMedium' }),
  sizeLimit: F.quantity('Most storage the volume may use, e.g. 1Gi.', '볼륨이 쓸 수 있는 최대 용량(예: 1Gi).', { pointer: true }),
}, text('An empty directory created with the pod and deleted with it; shared by its containers.', '파드와 함께 생기고 함께 지워지는 빈 디렉터리. 파드의 컨테이너들이 함께 씁니다.'))

const PersistentVolumeClaimVolumeSource = struct('PersistentVolumeClaimVolumeSource', {
  claimName: F.str('Name of a PersistentVolumeClaim in the pod\'s namespace.', '파드와 같은 네임스페이스의 PersistentVolumeClaim 이름.', { required: true }),
  readOnly: F.bool('Mount read-only. Defaults to false.', '읽기 전용으로 마운트합니다. 기본값 false.'),
}, text('Storage from a PersistentVolumeClaim; it outlives the pod.', 'PersistentVolumeClaim의 저장소. 파드보다 오래 남습니다.'))

const HostPathVolumeSource = struct('HostPathVolumeSource', {
  path: F.str('Path on the node.', '노드의 경로.', { required: true }),
  type: F.str('What must exist at the path: "", DirectoryOrCreate, Directory, FileOrCreate, File, Socket, CharDevice or BlockDevice.', '경로에 있어야 하는 것: "", DirectoryOrCreate, Directory, FileOrCreate, File, Socket, CharDevice, BlockDevice.', { go: 'v1.HostPathType', pointer: true, enum: ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'] }),
}, text('A file or directory of the node itself. Pods on other nodes see other data.', '노드 자체의 파일이나 디렉터리. 다른 노드의 파드는 다른 내용을 봅니다.'))

const ConfigMapVolumeSource = struct('ConfigMapVolumeSource', {
  name: F.str('Name of the ConfigMap.', 'ConfigMap 이름.'),
  items,
  defaultMode: mode,
  optional: F.bool('If true, a missing ConfigMap is not an error.', 'true이면 ConfigMap이 없어도 오류가 아닙니다.', { pointer: true }),
}, text('The keys of a ConfigMap as files.', 'ConfigMap의 키를 파일로 보여 줍니다.'))

const SecretVolumeSource = struct('SecretVolumeSource', {
  secretName: F.str('Name of the Secret.', 'Secret 이름.'),
  items,
  defaultMode: mode,
  optional: F.bool('If true, a missing Secret is not an error.', 'true이면 Secret이 없어도 오류가 아닙니다.', { pointer: true }),
}, text('The keys of a Secret as files.', 'Secret의 키를 파일로 보여 줍니다.'))

const DownwardAPIVolumeSource = struct('DownwardAPIVolumeSource', { items: downwardItems, defaultMode: mode }, text('Pod metadata as files.', '파드 메타데이터를 파일로 보여 줍니다.'))

const ServiceAccountTokenProjection = struct('ServiceAccountTokenProjection', {
  audience: F.str('Who the token is meant for; defaults to the API server.', '토큰을 받을 대상. 기본값은 API 서버.'),
  expirationSeconds: F.int64('Requested token lifetime; defaults to 3600 (1 hour), at least 600.', '요청하는 토큰 수명(초). 기본값 3600(1시간), 최소 600.', { pointer: true }),
  path: F.str('Relative path of the token file.', '토큰 파일의 상대 경로.', { required: true }),
}, text('A short-lived service account token.', '수명이 짧은 서비스 어카운트 토큰.'))

const VolumeProjection = struct('VolumeProjection', {
  secret: F.obj(struct('SecretProjection', { name: F.str('Secret name.', 'Secret 이름.'), items, optional: F.bool('Missing is not an error.', '없어도 오류가 아닙니다.', { pointer: true }) }), 'Keys of a Secret.', 'Secret의 키.', { pointer: true }),
  downwardAPI: F.obj(struct('DownwardAPIProjection', { items: downwardItems }), 'Pod metadata.', '파드 메타데이터.', { pointer: true }),
  configMap: F.obj(struct('ConfigMapProjection', { name: F.str('ConfigMap name.', 'ConfigMap 이름.'), items, optional: F.bool('Missing is not an error.', '없어도 오류가 아닙니다.', { pointer: true }) }), 'Keys of a ConfigMap.', 'ConfigMap의 키.', { pointer: true }),
  serviceAccountToken: F.obj(ServiceAccountTokenProjection, 'A service account token.', '서비스 어카운트 토큰.', { pointer: true }),
  clusterTrustBundle: F.obj(T.open('v1.ClusterTrustBundleProjection'), 'Certificates from ClusterTrustBundle objects.', 'ClusterTrustBundle의 인증서.', { pointer: true }),
}, text('One source of a projected volume.', 'projected 볼륨의 출처 하나.'))

const ProjectedVolumeSource = struct('ProjectedVolumeSource', {
  sources: F.list(VolumeProjection, 'The sources merged into the one directory.', '한 디렉터리로 합칠 출처 목록.'),
  defaultMode: mode,
}, text('Several sources (Secrets, ConfigMaps, downward API, tokens) in one directory.', '여러 출처(Secret, ConfigMap, downward API, 토큰)를 한 디렉터리에 모읍니다.'))

const NFSVolumeSource = struct('NFSVolumeSource', {
  server: F.str('Host name or IP of the NFS server.', 'NFS 서버의 호스트 이름이나 IP.', { required: true }),
  path: F.str('Path exported by the server.', '서버가 내보낸 경로.', { required: true }),
  readOnly: F.bool('Mount read-only.', '읽기 전용으로 마운트합니다.'),
}, text('An NFS share.', 'NFS 공유.'))

const source = (type: TypeNode, en: string, ko: string) => F.obj(type, en, ko, { pointer: true })
const opaque = (go: string, en: string, ko: string) => source(T.open(go), en, ko)

export const Volume = struct('Volume', {
  name: F.str('Volume name, a DNS label unique in the pod; containers mount it by this name.', '파드 안에서 겹치지 않는 DNS 레이블 형식의 볼륨 이름. 컨테이너는 이 이름으로 마운트합니다.', { required: true }),
  hostPath: source(HostPathVolumeSource, 'A path on the node.', '노드의 경로.'),
  emptyDir: source(EmptyDirVolumeSource, 'A scratch directory that lives as long as the pod.', '파드가 있는 동안만 있는 임시 디렉터리.'),
  gcePersistentDisk: opaque('v1.GCEPersistentDiskVolumeSource', 'A GCE persistent disk (deprecated).', 'GCE 영구 디스크(더 이상 권장하지 않음).'),
  awsElasticBlockStore: opaque('v1.AWSElasticBlockStoreVolumeSource', 'An AWS EBS volume (deprecated).', 'AWS EBS 볼륨(더 이상 권장하지 않음).'),
  gitRepo: opaque('v1.GitRepoVolumeSource', 'A git checkout (deprecated: clone in an init container).', 'git 저장소(더 이상 권장하지 않음: init 컨테이너에서 clone하세요).'),
  secret: source(SecretVolumeSource, 'The keys of a Secret as files.', 'Secret의 키를 파일로.'),
  nfs: source(NFSVolumeSource, 'An NFS share.', 'NFS 공유.'),
  iscsi: opaque('v1.ISCSIVolumeSource', 'An iSCSI disk.', 'iSCSI 디스크.'),
  glusterfs: opaque('v1.GlusterfsVolumeSource', 'A GlusterFS volume (removed).', 'GlusterFS 볼륨(제거됨).'),
  persistentVolumeClaim: source(PersistentVolumeClaimVolumeSource, 'A PersistentVolumeClaim in the same namespace.', '같은 네임스페이스의 PersistentVolumeClaim.'),
  rbd: opaque('v1.RBDVolumeSource', 'A Ceph RBD volume (deprecated).', 'Ceph RBD 볼륨(더 이상 권장하지 않음).'),
  flexVolume: opaque('v1.FlexVolumeSource', 'A FlexVolume driver (deprecated).', 'FlexVolume 드라이버(더 이상 권장하지 않음).'),
  cinder: opaque('v1.CinderVolumeSource', 'An OpenStack Cinder volume (deprecated).', 'OpenStack Cinder 볼륨(더 이상 권장하지 않음).'),
  cephfs: opaque('v1.CephFSVolumeSource', 'A CephFS mount (deprecated).', 'CephFS 마운트(더 이상 권장하지 않음).'),
  flocker: opaque('v1.FlockerVolumeSource', 'A Flocker dataset (deprecated).', 'Flocker 데이터셋(더 이상 권장하지 않음).'),
  downwardAPI: source(DownwardAPIVolumeSource, 'Pod metadata as files.', '파드 메타데이터를 파일로.'),
  fc: opaque('v1.FCVolumeSource', 'A Fibre Channel disk.', 'Fibre Channel 디스크.'),
  azureFile: opaque('v1.AzureFileVolumeSource', 'An Azure File share (deprecated).', 'Azure File 공유(더 이상 권장하지 않음).'),
  configMap: source(ConfigMapVolumeSource, 'The keys of a ConfigMap as files.', 'ConfigMap의 키를 파일로.'),
  vsphereVolume: opaque('v1.VsphereVirtualDiskVolumeSource', 'A vSphere disk (deprecated).', 'vSphere 디스크(더 이상 권장하지 않음).'),
  quobyte: opaque('v1.QuobyteVolumeSource', 'A Quobyte volume (removed).', 'Quobyte 볼륨(제거됨).'),
  azureDisk: opaque('v1.AzureDiskVolumeSource', 'An Azure data disk (deprecated).', 'Azure 데이터 디스크(더 이상 권장하지 않음).'),
  photonPersistentDisk: opaque('v1.PhotonPersistentDiskVolumeSource', 'A Photon disk (removed).', 'Photon 디스크(제거됨).'),
  projected: source(ProjectedVolumeSource, 'Several sources merged into one directory.', '여러 출처를 한 디렉터리로.'),
  portworxVolume: opaque('v1.PortworxVolumeSource', 'A Portworx volume (deprecated).', 'Portworx 볼륨(더 이상 권장하지 않음).'),
  scaleIO: opaque('v1.ScaleIOVolumeSource', 'A ScaleIO volume (removed).', 'ScaleIO 볼륨(제거됨).'),
  storageos: opaque('v1.StorageOSVolumeSource', 'A StorageOS volume (removed).', 'StorageOS 볼륨(제거됨).'),
  csi: opaque('v1.CSIVolumeSource', 'An inline volume from a CSI driver.', 'CSI 드라이버의 인라인 볼륨.'),
  ephemeral: opaque('v1.EphemeralVolumeSource', 'A PersistentVolumeClaim created and deleted with the pod.', '파드와 함께 만들어지고 지워지는 PersistentVolumeClaim.'),
  image: opaque('v1.ImageVolumeSource', 'The contents of an OCI image, read-only.', 'OCI 이미지의 내용(읽기 전용).'),
}, text('A named volume the pod\'s containers can mount. Exactly one source is set; none means an emptyDir.', '파드의 컨테이너가 마운트할 수 있는 이름 붙은 볼륨. 출처는 정확히 하나이며, 없으면 emptyDir입니다.'))

export const VOLUME_SOURCE_KEYS = Object.keys(Volume.fields!).filter((k) => k !== 'name')
