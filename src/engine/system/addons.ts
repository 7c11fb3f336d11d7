// The add-ons a 1.33 kubeadm lab runs besides the control plane: kubeadm's kube-proxy DaemonSet and CoreDNS
// Deployment (cmd/kubeadm/app/phases/addons/proxy and dns manifests.go), canal (canal.ts) and Rancher's
// local-path-provisioner (deploy/local-path-storage.yaml), with the ConfigMaps their pods read and kube-dns.
import type { KObject, PodSpec } from '../api/types.ts'
import { calicoControllersPodSpec, canalConfig, canalPodSpec } from './canal.ts'

export interface Workload {
  kind: 'DaemonSet' | 'Deployment'
  name: string
  namespace: string
  /** The owner's own labels, and the template's (the selector is the template's without generated ones). */
  labels: Record<string, string>
  podLabels: Record<string, string>
  replicas?: number
  spec: PodSpec
}

export interface ConfigMapPlan {
  namespace: string
  name: string
  labels?: Record<string, string>
  data: Record<string, string>
}

function kubeProxy(version: string): Workload {
  return {
    kind: 'DaemonSet',
    name: 'kube-proxy',
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-proxy' },
    podLabels: { 'k8s-app': 'kube-proxy' },
    spec: {
      priorityClassName: 'system-node-critical',
      containers: [
        {
          name: 'kube-proxy',
          image: `registry.k8s.io/kube-proxy:${version}`,
          imagePullPolicy: 'IfNotPresent',
          command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
          securityContext: { privileged: true },
          volumeMounts: [
            { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
            { mountPath: '/run/xtables.lock', name: 'xtables-lock', readOnly: false },
            { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
          ],
          env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
        },
      ],
      hostNetwork: true,
      serviceAccountName: 'kube-proxy',
      volumes: [
        { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
        { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
        { name: 'lib-modules', hostPath: { path: '/lib/modules' } },
      ],
      tolerations: [{ operator: 'Exists' }],
      nodeSelector: { 'kubernetes.io/os': 'linux' },
    },
  }
}

function coredns(): Workload {
  return {
    kind: 'Deployment',
    name: 'coredns',
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-dns' },
    podLabels: { 'k8s-app': 'kube-dns' },
    replicas: 2,
    spec: {
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'coredns',
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' } },
          ],
        },
      },
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Exists' },
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      containers: [
        {
          name: 'coredns',
          image: 'registry.k8s.io/coredns/coredns:v1.12.0',
          imagePullPolicy: 'IfNotPresent',
          resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
          args: ['-conf', '/etc/coredns/Corefile'],
          volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
          ports: [
            { containerPort: 53, name: 'dns', protocol: 'UDP' },
            { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
            { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
          ],
          livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
          readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
          securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
        },
      ],
      dnsPolicy: 'Default',
      volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
    },
  }
}

function canal(): Workload {
  return { kind: 'DaemonSet', name: 'canal', namespace: 'kube-system', labels: { 'k8s-app': 'canal' }, podLabels: { 'k8s-app': 'canal' }, spec: canalPodSpec() }
}

function calicoControllers(): Workload {
  const labels = { 'k8s-app': 'calico-kube-controllers' }
  return { kind: 'Deployment', name: 'calico-kube-controllers', namespace: 'kube-system', labels, podLabels: labels, replicas: 1, spec: calicoControllersPodSpec() }
}

function localPath(): Workload {
  return {
    kind: 'Deployment',
    name: 'local-path-provisioner',
    namespace: 'local-path-storage',
    labels: {},
    podLabels: { app: 'local-path-provisioner' },
    replicas: 1,
    spec: {
      serviceAccountName: 'local-path-provisioner-service-account',
      containers: [
        {
          name: 'local-path-provisioner',
          image: 'rancher/local-path-provisioner:v0.0.31',
          imagePullPolicy: 'IfNotPresent',
          command: ['local-path-provisioner', '--debug', 'start', '--config', '/etc/config/config.json'],
          volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config/' }],
          env: [
            { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
            { name: 'CONFIG_MOUNT_PATH', value: '/etc/config/' },
          ],
        },
      ],
      volumes: [{ name: 'config-volume', configMap: { name: 'local-path-config' } }],
    },
  }
}

/** The workloads, by the name the seed refers to them with. */
export function addons(version: string) {
  return { kubeProxy: kubeProxy(version), coredns: coredns(), canal: canal(), calicoControllers: calicoControllers(), localPath: localPath() }
}

const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`

/** kube-proxy's KubeProxyConfiguration as kubeadm writes it (defaults; iptables mode; the pod subnet). */
function kubeProxyConfig(podSubnet: string): string {
  return [
    'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
    'bindAddress: 0.0.0.0',
    'clientConnection:',
    '  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf',
    `clusterCIDR: ${podSubnet}`,
    'kind: KubeProxyConfiguration',
    'mode: ""',
    'nodePortAddresses: null',
    'oomScoreAdj: null',
    'portRange: ""',
  ].join('\n')
}

const PROXY_KUBECONFIG = (server: string) =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    '    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt',
    `    server: ${server}`,
    '  name: default',
    'contexts:',
    '- context:',
    '    cluster: default',
    '    namespace: default',
    '    user: default',
    '  name: default',
    'current-context: default',
    'users:',
    '- name: default',
    '  user:',
    '    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token',
  ].join('\n')

const LOCAL_PATH_CONFIG = `{
        "nodePathMap":[
        {
                "node":"DEFAULT_PATH_FOR_NON_LISTED_NODES",
                "paths":["/var/local-path-provisioner"]
        }
        ]
}`

/** The ConfigMaps the add-ons' pods mount or read keys from. */
export function addonConfigMaps(podSubnet: string, apiServer: string): ConfigMapPlan[] {
  return [
    { namespace: 'kube-system', name: 'coredns', data: { Corefile: COREFILE } },
    { namespace: 'kube-system', name: 'kube-proxy', labels: { app: 'kube-proxy' }, data: { 'config.conf': kubeProxyConfig(podSubnet), 'kubeconfig.conf': PROXY_KUBECONFIG(apiServer) } },
    { namespace: 'kube-system', name: 'canal-config', data: canalConfig(podSubnet) },
    { namespace: 'local-path-storage', name: 'local-path-config', data: { 'config.json': LOCAL_PATH_CONFIG } },
  ]
}

/** kube-dns: CoreDNS's Service at the tenth address of the service range, the nameserver of every pod's resolv.conf. */
export function kubeDnsService(): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  }
}

/** The service accounts their pods run as ([namespace, name]). */
export const ADDON_SERVICE_ACCOUNTS: [string, string][] = [
  ['kube-system', 'kube-proxy'],
  ['kube-system', 'coredns'],
  ['kube-system', 'canal'],
  ['kube-system', 'calico-cni-plugin'],
  ['kube-system', 'calico-kube-controllers'],
  ['local-path-storage', 'local-path-provisioner-service-account'],
]
