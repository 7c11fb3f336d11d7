// canal as the lab's setup applied it (projectcalico/calico manifests/canal.yaml, v3.29): Calico for policy and
// flannel's VXLAN for the network, a DaemonSet on every node plus calico-kube-controllers. Pod IPs come from
// each node's podCIDR (host-local IPAM, "usePodCidr"), so the flannel network is the cluster's pod subnet.
import type { Container, PodSpec } from '../api/types.ts'

export const CALICO = 'v3.29.3'
export const FLANNEL = 'v0.24.4'

const cm = (key: string) => ({ valueFrom: { configMapKeyRef: { name: 'canal-config', key } } })
const field = (fieldPath: string) => ({ valueFrom: { fieldRef: { fieldPath } } })
const hostPath = (name: string, path: string, type?: string) => ({ name, hostPath: type ? { path, type } : { path } })

/** canal-config: the CNI configuration install-cni writes on each node, and flannel's network. */
export function canalConfig(podSubnet: string): Record<string, string> {
  return {
    typha_service_name: 'none',
    canal_iface: '',
    masquerade: 'true',
    veth_mtu: '0',
    cni_network_config: JSON.stringify(
      {
        name: 'k8s-pod-network',
        cniVersion: '0.3.1',
        plugins: [
          { type: 'calico', log_level: 'info', log_file_path: '/var/log/calico/cni/cni.log', datastore_type: 'kubernetes', nodename: '__KUBERNETES_NODE_NAME__', mtu: '__CNI_MTU__', ipam: { type: 'host-local', subnet: 'usePodCidr' }, policy: { type: 'k8s' }, kubernetes: { kubeconfig: '__KUBECONFIG_FILEPATH__' } },
          { type: 'portmap', snat: true, capabilities: { portMappings: true } },
        ],
      },
      null,
      2,
    ).replace('"__CNI_MTU__"', '__CNI_MTU__'),
    'net-conf.json': `{\n  "Network": "${podSubnet}",\n  "Backend": {\n    "Type": "vxlan"\n  }\n}\n`,
  }
}

function installCni(): Container {
  return {
    name: 'install-cni',
    image: `docker.io/calico/cni:${CALICO}`,
    imagePullPolicy: 'IfNotPresent',
    command: ['/opt/cni/bin/install'],
    envFrom: [{ configMapRef: { name: 'kubernetes-services-endpoint', optional: true } }],
    env: [
      { name: 'CALICO_CNI_SERVICE_ACCOUNT', ...field('spec.serviceAccountName') },
      { name: 'CNI_CONF_NAME', value: '10-canal.conflist' },
      { name: 'CNI_NETWORK_CONFIG', ...cm('cni_network_config') },
      { name: 'KUBERNETES_NODE_NAME', ...field('spec.nodeName') },
      { name: 'CNI_MTU', ...cm('veth_mtu') },
      { name: 'SLEEP', value: 'false' },
    ],
    volumeMounts: [
      { mountPath: '/host/opt/cni/bin', name: 'cni-bin-dir' },
      { mountPath: '/host/etc/cni/net.d', name: 'cni-net-dir' },
    ],
    securityContext: { privileged: true },
  }
}

function mountBpffs(): Container {
  return {
    name: 'mount-bpffs',
    image: `docker.io/calico/node:${CALICO}`,
    imagePullPolicy: 'IfNotPresent',
    command: ['calico-node', '-init', '-best-effort'],
    volumeMounts: [
      { mountPath: '/sys/fs', name: 'sys-fs', mountPropagation: 'Bidirectional' },
      { mountPath: '/var/run/calico', name: 'var-run-calico', mountPropagation: 'Bidirectional' },
      { mountPath: '/nodeproc', name: 'nodeproc', readOnly: true },
    ] as Container['volumeMounts'],
    securityContext: { privileged: true },
  }
}

function calicoNode(): Container {
  return {
    name: 'calico-node',
    image: `docker.io/calico/node:${CALICO}`,
    imagePullPolicy: 'IfNotPresent',
    envFrom: [{ configMapRef: { name: 'kubernetes-services-endpoint', optional: true } }],
    env: [
      { name: 'DATASTORE_TYPE', value: 'kubernetes' },
      { name: 'USE_POD_CIDR', value: 'true' },
      { name: 'WAIT_FOR_DATASTORE', value: 'true' },
      { name: 'NODENAME', ...field('spec.nodeName') },
      { name: 'CALICO_CNI_SERVICE_ACCOUNT', ...field('spec.serviceAccountName') },
      { name: 'CALICO_NETWORKING_BACKEND', value: 'none' },
      { name: 'CLUSTER_TYPE', value: 'k8s,canal' },
      { name: 'FELIX_IPTABLESREFRESHINTERVAL', value: '60' },
      { name: 'IP', value: '' },
      { name: 'CALICO_DISABLE_FILE_LOGGING', value: 'true' },
      { name: 'FELIX_DEFAULTENDPOINTTOHOSTACTION', value: 'ACCEPT' },
      { name: 'FELIX_IPV6SUPPORT', value: 'false' },
      { name: 'FELIX_HEALTHENABLED', value: 'true' },
    ],
    securityContext: { privileged: true },
    resources: { requests: { cpu: '250m' } },
    lifecycle: { preStop: { exec: { command: ['/bin/calico-node', '-shutdown'] } } },
    livenessProbe: { exec: { command: ['/bin/calico-node', '-felix-live'] }, periodSeconds: 10, initialDelaySeconds: 10, failureThreshold: 6, timeoutSeconds: 10 },
    readinessProbe: { httpGet: { path: '/readiness', port: 9099, host: 'localhost' }, periodSeconds: 10, timeoutSeconds: 10 },
    volumeMounts: [
      { mountPath: '/host/etc/cni/net.d', name: 'cni-net-dir', readOnly: false },
      { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
      { mountPath: '/run/xtables.lock', name: 'xtables-lock', readOnly: false },
      { mountPath: '/var/run/calico', name: 'var-run-calico', readOnly: false },
      { mountPath: '/var/lib/calico', name: 'var-lib-calico', readOnly: false },
      { name: 'policysync', mountPath: '/var/run/nodeagent' },
      { name: 'bpffs', mountPath: '/sys/fs/bpf' },
      { name: 'cni-log-dir', mountPath: '/var/log/calico/cni', readOnly: true },
    ],
  }
}

function kubeFlannel(): Container {
  return {
    name: 'kube-flannel',
    image: `docker.io/flannel/flannel:${FLANNEL}`,
    imagePullPolicy: 'IfNotPresent',
    command: ['/opt/bin/flanneld', '--ip-masq', '--kube-subnet-mgr'],
    securityContext: { privileged: true },
    env: [
      { name: 'POD_NAME', ...field('metadata.name') },
      { name: 'POD_NAMESPACE', ...field('metadata.namespace') },
      { name: 'FLANNELD_IFACE', ...cm('canal_iface') },
      { name: 'FLANNELD_IP_MASQ', ...cm('masquerade') },
    ],
    volumeMounts: [
      { mountPath: '/run/xtables.lock', name: 'xtables-lock', readOnly: false },
      { name: 'flannel-cfg', mountPath: '/etc/kube-flannel/' },
    ],
  }
}

/** The canal DaemonSet's pod template spec. */
export function canalPodSpec(): PodSpec {
  return {
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    hostNetwork: true,
    tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }, { key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoExecute', operator: 'Exists' }],
    serviceAccountName: 'canal',
    securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    terminationGracePeriodSeconds: 0,
    priorityClassName: 'system-node-critical',
    initContainers: [installCni(), mountBpffs()],
    containers: [calicoNode(), kubeFlannel()],
    volumes: [
      hostPath('lib-modules', '/lib/modules'),
      hostPath('var-run-calico', '/var/run/calico', 'DirectoryOrCreate'),
      hostPath('var-lib-calico', '/var/lib/calico', 'DirectoryOrCreate'),
      hostPath('xtables-lock', '/run/xtables.lock', 'FileOrCreate'),
      hostPath('sys-fs', '/sys/fs/', 'DirectoryOrCreate'),
      hostPath('bpffs', '/sys/fs/bpf', 'Directory'),
      hostPath('nodeproc', '/proc'),
      { name: 'flannel-cfg', configMap: { name: 'canal-config' } },
      hostPath('cni-bin-dir', '/opt/cni/bin', 'DirectoryOrCreate'),
      hostPath('cni-net-dir', '/etc/cni/net.d'),
      hostPath('cni-log-dir', '/var/log/calico/cni'),
      hostPath('policysync', '/var/run/nodeagent', 'DirectoryOrCreate'),
    ],
  }
}

/** calico-kube-controllers' pod template spec (one replica, Recreate). */
export function calicoControllersPodSpec(): PodSpec {
  return {
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: [
      { key: 'CriticalAddonsOnly', operator: 'Exists' },
      { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' },
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ],
    serviceAccountName: 'calico-kube-controllers',
    securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    priorityClassName: 'system-cluster-critical',
    containers: [
      {
        name: 'calico-kube-controllers',
        image: `docker.io/calico/kube-controllers:${CALICO}`,
        imagePullPolicy: 'IfNotPresent',
        env: [
          { name: 'ENABLED_CONTROLLERS', value: 'node,loadbalancer' },
          { name: 'DATASTORE_TYPE', value: 'kubernetes' },
        ],
        livenessProbe: { exec: { command: ['/usr/bin/check-status', '-l'] }, periodSeconds: 10, initialDelaySeconds: 10, failureThreshold: 6, timeoutSeconds: 10 },
        readinessProbe: { exec: { command: ['/usr/bin/check-status', '-r'] }, periodSeconds: 10 },
        securityContext: { runAsNonRoot: true },
      },
    ],
  }
}
