// The cluster a lab starts with: the usual namespaces, the kubernetes Service, the default StorageClass and three nodes, like a
// small kubeadm 1.33 lab (Killercoda's controlplane + workers): one tainted control-plane node and two workers, each
// with the images its pods use (their pods: src/engine/system).
import { rfc3339 } from './kernel/time.ts'
import type { KObject, Namespace, Node } from './api/types.ts'
import { parseImageRef, resolveImage, type ImageRef } from './kubelet/images.ts'
import { STORAGE_CLASSES } from './kubelet/storage.ts'

const NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system']

/** A lab's cluster is not new: kubeadm set it up two weeks (and some minutes) before the lab starts, so `get nodes` shows AGE 14d. */
const CLUSTER_AGE_MS = (14 * 24 * 3600 + 17 * 60) * 1000

/** When `kubeadm init` brought the apiserver up (it creates the namespaces at once). */
export function clusterBirth(start: number): number {
  return start - CLUSTER_AGE_MS
}

/** The namespaces and the default StorageClass; dated at the cluster's birth when `start` is given (else the store dates them now). */
export function seedObjects(start?: number): KObject[] {
  const created = start === undefined ? '' : rfc3339(clusterBirth(start))
  return [...namespaces(created), kubernetesService(created), ...storageClasses(created)]
}

const KUBERNETES_SERVICE_UID = '8b3f6d21-4c7a-4e95-b2d0-91a6c5e7f3d8'

/**
 * The apiserver's own ClusterIP service, which kube-apiserver's bootstrap controller keeps in
 * `default` (first address of the 10.96.0.0/12 service range, port 443 to the apiserver's 6443),
 * so `kubectl get all` on a fresh lab is not empty (pkg/controlplane/controller/kubernetesservice).
 */
function kubernetesService(created: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', uid: KUBERNETES_SERVICE_UID, resourceVersion: '', creationTimestamp: created, labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  } as KObject
}

const STORAGE_CLASS_UID = '5f0c2a47-9d3e-4b18-a6c1-7e2b9d40f815'

/** The classes the provisioner serves, as objects: what the DefaultStorageClass admission plugin reads. */
function storageClasses(created: string): KObject[] {
  return STORAGE_CLASSES.map((c) => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    // A fixed uid: drawing one would shift every uid the lab's own objects get.
    metadata: { name: c.name, uid: STORAGE_CLASS_UID, resourceVersion: '', creationTimestamp: created, ...(c.isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
    provisioner: c.provisioner,
    reclaimPolicy: c.reclaimPolicy,
    volumeBindingMode: c.volumeBindingMode,
  }))
}

function namespaces(created: string): KObject[] {
  return NAMESPACES.map(
    (name): Namespace => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, uid: '', resourceVersion: '', creationTimestamp: created, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    }),
  )
}

interface NodePlan {
  name: string
  controlPlane: boolean
  ip: string
  cidr: string
  /** Seconds after the cluster's birth the kubelet registered the node (the workers joined later). */
  registeredS: number
  /** Images its pods pulled besides the node role's (local-path-provisioner ran on the first worker). */
  extraImages?: string[]
}

const NODES: NodePlan[] = [
  { name: 'controlplane', controlPlane: true, ip: '172.30.1.2', cidr: '192.168.0.0/24', registeredS: 9 },
  { name: 'node01', controlPlane: false, ip: '172.30.2.2', cidr: '192.168.1.0/24', registeredS: 97, extraImages: ['docker.io/rancher/local-path-provisioner:v0.0.31'] },
  { name: 'node02', controlPlane: false, ip: '172.30.2.3', cidr: '192.168.2.0/24', registeredS: 104 },
]

/** A node turns Ready once its CNI pod is up, some seconds after it registered. */
const READY_AFTER_S = 21

/** canal's images, on every node (src/engine/system/canal.ts). */
const CNI_IMAGES = ['docker.io/calico/cni:v3.29.3', 'docker.io/calico/node:v3.29.3', 'docker.io/flannel/flannel:v0.24.4']
const WORKER_IMAGES = ['registry.k8s.io/kube-proxy:v1.33.2', 'registry.k8s.io/pause:3.10', ...CNI_IMAGES]
const CONTROL_PLANE_IMAGES = [
  'docker.io/calico/kube-controllers:v3.29.3',
  'registry.k8s.io/etcd:3.5.21-0',
  'registry.k8s.io/kube-apiserver:v1.33.2',
  'registry.k8s.io/kube-controller-manager:v1.33.2',
  'registry.k8s.io/kube-scheduler:v1.33.2',
  'registry.k8s.io/coredns/coredns:v1.12.0',
  ...WORKER_IMAGES,
]

/** status.images as the kubelet reports them: digest and tag names, biggest first. */
function nodeImages(refs: string[]): { names: string[]; sizeBytes: number }[] {
  return refs
    .map((r) => resolveImage(parseImageRef(r) as ImageRef))
    .flatMap((r) => ('error' in r ? [] : [{ names: [r.imageID, r.ref.full], sizeBytes: r.build.size }]))
    .sort((a, b) => b.sizeBytes - a.sizeBytes)
}

/** The nodes, each dated when it registered (creationTimestamp; the store dates a node now unless told otherwise). */
export function defaultNodes(start: number): Node[] {
  return NODES.map((n) => nodeObject(n, start))
}

function nodeObject(n: NodePlan, start: number): Node {
  const now = rfc3339(start)
  const registered = clusterBirth(start) + n.registeredS * 1000
  const since = rfc3339(registered)
  const ready = rfc3339(registered + READY_AFTER_S * 1000)
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      uid: '',
      resourceVersion: '',
      creationTimestamp: since,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        ...(n.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: {
      podCIDR: n.cidr,
      podCIDRs: [n.cidr],
      ...(n.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] } : {}),
    },
    status: {
      capacity: { cpu: '2', 'ephemeral-storage': '20134592Ki', memory: '4015360Ki', pods: '110' },
      allocatable: { cpu: '2', 'ephemeral-storage': '19586931083', memory: '3912960Ki', pods: '110' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: since, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: since, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: since, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', lastHeartbeatTime: now, lastTransitionTime: ready, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [
        { type: 'InternalIP', address: n.ip },
        { type: 'Hostname', address: n.name },
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://1.7.27',
        kernelVersion: '6.8.0-51-generic',
        kubeProxyVersion: '',
        kubeletVersion: 'v1.33.2',
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.1 LTS',
        systemUUID: '',
      },
      images: nodeImages([...(n.controlPlane ? CONTROL_PLANE_IMAGES : WORKER_IMAGES), ...(n.extraImages ?? [])]),
    },
  }
}
