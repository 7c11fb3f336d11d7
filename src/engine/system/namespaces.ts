// The namespaces the cluster keeps for itself: kubeadm's and local-path-provisioner's. Their pods and events
// belong to the cluster, not to the lab, so the history (timeline, lesson checks) leaves them out.
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'])
