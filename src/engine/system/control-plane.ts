// The static pod manifests `kubeadm init` 1.33 writes to /etc/kubernetes/manifests on the control-plane node:
// etcd, kube-apiserver, kube-controller-manager, kube-scheduler (cmd/kubeadm/app/phases/controlplane/manifests.go,
// volumes.go, phases/etcd/local.go, util/staticpod/utils.go). Flags sorted by name, volumes by name, as kubeadm does.
import type { Container, Pod, Volume } from '../api/types.ts'

export interface ControlPlane {
  node: string
  ip: string
  podSubnet: string
  serviceSubnet: string
  version: string
}

const PKI = '/etc/kubernetes/pki'

type Probe = Record<string, unknown>

function httpProbe(host: string, path: string, port: number, scheme: 'HTTP' | 'HTTPS', kind: 'liveness' | 'readiness' | 'startup'): Probe {
  const httpGet = { host, path, port, scheme }
  if (kind === 'readiness') return { failureThreshold: 3, httpGet, periodSeconds: 1, timeoutSeconds: 15 }
  return { failureThreshold: kind === 'startup' ? 24 : 8, httpGet, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 }
}

function hostPath(name: string, path: string, type: 'DirectoryOrCreate' | 'FileOrCreate'): Volume {
  return { hostPath: { path, type }, name }
}

function mount(name: string, mountPath: string, readOnly = true) {
  return readOnly ? { mountPath, name, readOnly: true } : { mountPath, name }
}

/** The CA bundles kubeadm mounts into the apiserver and controller-manager (those an Ubuntu host has). */
const CA_VOLUMES = {
  'ca-certs': '/etc/ssl/certs',
  'etc-ca-certificates': '/etc/ca-certificates',
  'usr-local-share-ca-certificates': '/usr/local/share/ca-certificates',
  'usr-share-ca-certificates': '/usr/share/ca-certificates',
}

function staticPod(component: string, container: Container, volumes: Volume[], annotations?: Record<string, string>): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: component, namespace: 'kube-system', uid: '', resourceVersion: '', creationTimestamp: '', labels: { component, tier: 'control-plane' }, ...(annotations ? { annotations } : {}) },
    spec: {
      containers: [{ ...container, name: component, imagePullPolicy: 'IfNotPresent' as const }],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes: [...volumes].sort((a, b) => (a.name < b.name ? -1 : 1)),
    },
    status: { phase: 'Pending' },
  }
}

function flags(cmd: string, args: Record<string, string>): string[] {
  return [cmd, ...Object.keys(args).sort().map((k) => `--${k}=${args[k]}`)]
}

function etcd(cp: ControlPlane): Pod {
  const url = (port: number) => `https://${cp.ip}:${port}`
  const command = flags('etcd', {
    'advertise-client-urls': url(2379),
    'cert-file': `${PKI}/etcd/server.crt`,
    'client-cert-auth': 'true',
    'data-dir': '/var/lib/etcd',
    'experimental-initial-corrupt-check': 'true',
    'experimental-watch-progress-notify-interval': '5s',
    'initial-advertise-peer-urls': url(2380),
    'initial-cluster': `${cp.node}=${url(2380)}`,
    'key-file': `${PKI}/etcd/server.key`,
    'listen-client-urls': `https://127.0.0.1:2379,${url(2379)}`,
    'listen-metrics-urls': 'http://127.0.0.1:2381',
    'listen-peer-urls': url(2380),
    name: cp.node,
    'peer-cert-file': `${PKI}/etcd/peer.crt`,
    'peer-client-cert-auth': 'true',
    'peer-key-file': `${PKI}/etcd/peer.key`,
    'peer-trusted-ca-file': `${PKI}/etcd/ca.crt`,
    'snapshot-count': '10000',
    'trusted-ca-file': `${PKI}/etcd/ca.crt`,
  })
  const container: Container = {
    name: 'etcd',
    command,
    image: 'registry.k8s.io/etcd:3.5.21-0',
    livenessProbe: httpProbe('127.0.0.1', '/livez', 2381, 'HTTP', 'liveness'),
    readinessProbe: httpProbe('127.0.0.1', '/readyz', 2381, 'HTTP', 'readiness'),
    resources: { requests: { cpu: '100m', memory: '100Mi' } },
    startupProbe: httpProbe('127.0.0.1', '/readyz', 2381, 'HTTP', 'startup'),
    volumeMounts: [mount('etcd-data', '/var/lib/etcd', false), mount('etcd-certs', `${PKI}/etcd`, false)],
  }
  const volumes = [hostPath('etcd-certs', `${PKI}/etcd`, 'DirectoryOrCreate'), hostPath('etcd-data', '/var/lib/etcd', 'DirectoryOrCreate')]
  return staticPod('etcd', container, volumes, { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': url(2379) })
}

function apiserver(cp: ControlPlane): Pod {
  const command = flags('kube-apiserver', {
    'advertise-address': cp.ip,
    'allow-privileged': 'true',
    'authorization-mode': 'Node,RBAC',
    'client-ca-file': `${PKI}/ca.crt`,
    'enable-admission-plugins': 'NodeRestriction',
    'enable-bootstrap-token-auth': 'true',
    'etcd-cafile': `${PKI}/etcd/ca.crt`,
    'etcd-certfile': `${PKI}/apiserver-etcd-client.crt`,
    'etcd-keyfile': `${PKI}/apiserver-etcd-client.key`,
    'etcd-servers': 'https://127.0.0.1:2379',
    'kubelet-client-certificate': `${PKI}/apiserver-kubelet-client.crt`,
    'kubelet-client-key': `${PKI}/apiserver-kubelet-client.key`,
    'kubelet-preferred-address-types': 'InternalIP,ExternalIP,Hostname',
    'proxy-client-cert-file': `${PKI}/front-proxy-client.crt`,
    'proxy-client-key-file': `${PKI}/front-proxy-client.key`,
    'requestheader-allowed-names': 'front-proxy-client',
    'requestheader-client-ca-file': `${PKI}/front-proxy-ca.crt`,
    'requestheader-extra-headers-prefix': 'X-Remote-Extra-',
    'requestheader-group-headers': 'X-Remote-Group',
    'requestheader-username-headers': 'X-Remote-User',
    'secure-port': '6443',
    'service-account-issuer': 'https://kubernetes.default.svc.cluster.local',
    'service-account-key-file': `${PKI}/sa.pub`,
    'service-account-signing-key-file': `${PKI}/sa.key`,
    'service-cluster-ip-range': cp.serviceSubnet,
    'tls-cert-file': `${PKI}/apiserver.crt`,
    'tls-private-key-file': `${PKI}/apiserver.key`,
  })
  const vols: Record<string, string> = { ...CA_VOLUMES, 'k8s-certs': PKI }
  const names = Object.keys(vols).sort()
  const container: Container = {
    name: 'kube-apiserver',
    command,
    image: `registry.k8s.io/kube-apiserver:${cp.version}`,
    livenessProbe: httpProbe(cp.ip, '/livez', 6443, 'HTTPS', 'liveness'),
    readinessProbe: httpProbe(cp.ip, '/readyz', 6443, 'HTTPS', 'readiness'),
    resources: { requests: { cpu: '250m' } },
    startupProbe: httpProbe(cp.ip, '/livez', 6443, 'HTTPS', 'startup'),
    volumeMounts: names.map((n) => mount(n, vols[n])),
  }
  return staticPod('kube-apiserver', container, names.map((n) => hostPath(n, vols[n], 'DirectoryOrCreate')), { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${cp.ip}:6443` })
}

function controllerManager(cp: ControlPlane): Pod {
  const conf = '/etc/kubernetes/controller-manager.conf'
  const command = flags('kube-controller-manager', {
    'allocate-node-cidrs': 'true',
    'authentication-kubeconfig': conf,
    'authorization-kubeconfig': conf,
    'bind-address': '127.0.0.1',
    'client-ca-file': `${PKI}/ca.crt`,
    'cluster-cidr': cp.podSubnet,
    'cluster-name': 'kubernetes',
    'cluster-signing-cert-file': `${PKI}/ca.crt`,
    'cluster-signing-key-file': `${PKI}/ca.key`,
    controllers: '*,bootstrapsigner,tokencleaner',
    kubeconfig: conf,
    'leader-elect': 'true',
    'requestheader-client-ca-file': `${PKI}/front-proxy-ca.crt`,
    'root-ca-file': `${PKI}/ca.crt`,
    'service-account-private-key-file': `${PKI}/sa.key`,
    'service-cluster-ip-range': cp.serviceSubnet,
    'use-service-account-credentials': 'true',
  })
  const flex = '/usr/libexec/kubernetes/kubelet-plugins/volume/exec'
  const dirs: Record<string, string> = { ...CA_VOLUMES, 'flexvolume-dir': flex, 'k8s-certs': PKI }
  const volumes = [...Object.entries(dirs).map(([n, p]) => hostPath(n, p, 'DirectoryOrCreate')), hostPath('kubeconfig', conf, 'FileOrCreate')]
  const paths: Record<string, string> = { ...dirs, kubeconfig: conf }
  const container: Container = {
    name: 'kube-controller-manager',
    command,
    image: `registry.k8s.io/kube-controller-manager:${cp.version}`,
    livenessProbe: httpProbe('127.0.0.1', '/healthz', 10257, 'HTTPS', 'liveness'),
    resources: { requests: { cpu: '200m' } },
    startupProbe: httpProbe('127.0.0.1', '/healthz', 10257, 'HTTPS', 'startup'),
    volumeMounts: Object.keys(paths)
      .sort()
      .map((n) => mount(n, paths[n], n !== 'flexvolume-dir')),
  }
  return staticPod('kube-controller-manager', container, volumes)
}

function scheduler(cp: ControlPlane): Pod {
  const conf = '/etc/kubernetes/scheduler.conf'
  const command = flags('kube-scheduler', { 'authentication-kubeconfig': conf, 'authorization-kubeconfig': conf, 'bind-address': '127.0.0.1', kubeconfig: conf, 'leader-elect': 'true' })
  const container: Container = {
    name: 'kube-scheduler',
    command,
    image: `registry.k8s.io/kube-scheduler:${cp.version}`,
    livenessProbe: httpProbe('127.0.0.1', '/healthz', 10259, 'HTTPS', 'liveness'),
    resources: { requests: { cpu: '100m' } },
    startupProbe: httpProbe('127.0.0.1', '/healthz', 10259, 'HTTPS', 'startup'),
    volumeMounts: [mount('kubeconfig', conf)],
  }
  return staticPod('kube-scheduler', container, [hostPath('kubeconfig', conf, 'FileOrCreate')])
}

/** The four manifests, in the order the kubelet starts them (file names sorted). */
export function controlPlaneManifests(cp: ControlPlane): Pod[] {
  return [etcd(cp), apiserver(cp), controllerManager(cp), scheduler(cp)]
}

/**
 * The mirror pod the kubelet posts for a static pod (config/common.go applyDefaults, mirror_client.go):
 * named after the node, bound to it, owned by the Node, with the manifest's hash and source.
 */
export function mirrorPod(manifest: Pod, node: { name: string; uid: string }, hash: string, seen: string): Pod {
  const m = manifest.metadata
  return {
    ...manifest,
    metadata: {
      ...m,
      name: `${m.name}-${node.name}`,
      annotations: { ...m.annotations, 'kubernetes.io/config.hash': hash, 'kubernetes.io/config.mirror': hash, 'kubernetes.io/config.seen': seen, 'kubernetes.io/config.source': 'file' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: node.uid, controller: true }],
    },
    spec: { ...manifest.spec, nodeName: node.name, tolerations: [{ effect: 'NoExecute', operator: 'Exists' }] },
  }
}
