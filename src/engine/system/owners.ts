// The controllers behind the add-on pods: DaemonSets, Deployments and their ReplicaSets as apps/v1 stores them.
// They are kept in the store (the garbage collector sees the pods' owners) but not served; a pod made from one is
// what the DaemonSet or ReplicaSet controller would post (pkg/controller/daemon/util, controller_utils.go).
import type { KObject, Pod, PodSpec, Toleration } from '../api/types.ts'
import type { Workload } from './addons.ts'

/** A DaemonSet or ReplicaSet that keeps system pods: what a replacement pod is made from. */
export interface SystemController {
  kind: 'DaemonSet' | 'ReplicaSet'
  name: string
  namespace: string
  uid: string
  /** The template's labels, the generated ones (controller-revision-hash, pod-template-hash) included. */
  podLabels: Record<string, string>
  spec: PodSpec
  replicas: number
}

const meta = (name: string, namespace: string, uid: string, created: string, extra: Record<string, unknown>) => ({ name, namespace, uid, resourceVersion: '', creationTimestamp: created, generation: 1, ...extra })
const template = (labels: Record<string, string>, spec: PodSpec) => ({ metadata: { creationTimestamp: null, labels }, spec })

/** The DaemonSet object and its controller (`nodes`: how many nodes run its pods). */
export function daemonSet(w: Workload, uid: string, created: string, hash: string, nodes: number): { object: KObject; controller: SystemController } {
  const podLabels = { ...w.podLabels, 'controller-revision-hash': hash, 'pod-template-generation': '1' }
  const object: KObject = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta(w.name, w.namespace, uid, created, { labels: w.labels, annotations: { 'deprecated.daemonset.template.generation': '1' } }),
    spec: { revisionHistoryLimit: 10, selector: { matchLabels: w.podLabels }, template: template(w.podLabels, w.spec), updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' } },
    status: { currentNumberScheduled: nodes, desiredNumberScheduled: nodes, numberAvailable: nodes, numberMisscheduled: 0, numberReady: nodes, observedGeneration: 1, updatedNumberScheduled: nodes },
  }
  return { object, controller: { kind: 'DaemonSet', name: w.name, namespace: w.namespace, uid, podLabels, spec: w.spec, replicas: nodes } }
}

/** The Deployment, its ReplicaSet (named after the pod template's hash) and the ReplicaSet's controller. */
export function deployment(w: Workload, uids: [string, string], created: [string, string], hash: string): { objects: KObject[]; controller: SystemController } {
  const n = w.replicas ?? 1
  const status = { availableReplicas: n, observedGeneration: 1, readyReplicas: n, replicas: n }
  const strategy = w.name === 'calico-kube-controllers' ? { type: 'Recreate' } : { rollingUpdate: { maxSurge: '25%', maxUnavailable: w.name === 'coredns' ? 1 : '25%' }, type: 'RollingUpdate' }
  const deploy: KObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(w.name, w.namespace, uids[0], created[0], { ...(Object.keys(w.labels).length ? { labels: w.labels } : {}), annotations: { 'deployment.kubernetes.io/revision': '1' } }),
    spec: { progressDeadlineSeconds: 600, replicas: n, revisionHistoryLimit: 10, selector: { matchLabels: w.podLabels }, strategy, template: template(w.podLabels, w.spec) },
    status: { ...status, updatedReplicas: n },
  }
  const rsName = `${w.name}-${hash}`
  const podLabels = { ...w.podLabels, 'pod-template-hash': hash }
  const rs: KObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta(rsName, w.namespace, uids[1], created[1], {
      labels: podLabels,
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(n), 'deployment.kubernetes.io/max-replicas': String(n + (w.name === 'coredns' ? 1 : Math.ceil(n / 4))), 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: w.name, uid: uids[0], controller: true, blockOwnerDeletion: true }],
    }),
    spec: { replicas: n, selector: { matchLabels: podLabels }, template: template(podLabels, w.spec) },
    status: { ...status, fullyLabeledReplicas: n },
  }
  return { objects: [deploy, rs], controller: { kind: 'ReplicaSet', name: rsName, namespace: w.namespace, uid: uids[1], podLabels, spec: w.spec, replicas: n } }
}

/** util.AddOrUpdateDaemonPodTolerations: a DaemonSet's pods ride out node conditions that evict or block others. */
function daemonTolerations(spec: PodSpec): Toleration[] {
  const add: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ]
  if (spec.hostNetwork) add.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' })
  const out = [...(spec.tolerations ?? [])]
  for (const t of add) if (!out.some((o) => o.key === t.key && o.operator === t.operator && o.effect === t.effect && o.value === t.value)) out.push(t)
  return out
}

/** The pod the controller posts: generateName, the template's labels, its controller reference; a DaemonSet's is bound to `node` by affinity. */
export function podFromTemplate(c: SystemController, node?: string): Pod {
  let spec: PodSpec = c.spec
  if (c.kind === 'DaemonSet' && node) {
    const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] }
    spec = { ...spec, affinity: { ...(spec.affinity as object), nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: required } }, tolerations: daemonTolerations(spec) }
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName: `${c.name}-`,
      namespace: c.namespace,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { ...c.podLabels },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: c.kind, name: c.name, uid: c.uid, controller: true, blockOwnerDeletion: true }],
    },
    spec,
  } as Pod
}
