// What a Pod (not a pod template) gets on create: SetDefaults_Pod
// (pkg/apis/core/v1/defaults.go), the default admission plugins ServiceAccount,
// Priority and DefaultTolerationSeconds (plugin/pkg/admission/...), and the
// pod strategy's PrepareForCreate (pkg/registry/core/pod/strategy.go: status
// Pending with the QoS class, the SchedulingGated condition).
import type { ApiServer } from '../api/server.ts'
import { forbidden as forbiddenStatus } from '../api/errors.ts'
import { rfc3339 } from '../kernel/time.ts'
import { podQOSClass } from './qos.ts'
import { isArr, isObj, type J } from './util.ts'

const SA_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount'
/** apimachinery/pkg/util/rand: the alphabet of generated name suffixes. */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'

/** System priority classes every cluster has (scheduling/v1 SystemPriorityClasses). */
const PRIORITY_CLASSES: Record<string, number> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 }

/** The name the plugins' errors use: the object's name, else its generateName (not generated yet). */
function nameForErrors(pod: J): string {
  return pod.metadata.name || pod.metadata.generateName || 'Unknown'
}

function podForbidden(pod: J, why: string): Error {
  return forbiddenStatus(`pods "${nameForErrors(pod)}" is forbidden: ${why}`)
}

/** SetDefaults_Pod: requests default to limits; enableServiceLinks defaults to true. */
export function defaultPod(spec: J): J {
  let out = spec
  for (const k of ['containers', 'initContainers']) {
    const list = out[k]
    if (!isArr(list)) continue
    let changed = false
    const next = list.map((c) => {
      const r = isObj(c) ? c.resources : undefined
      if (!isObj(r) || !isObj(r.limits)) return c
      const requests: J = { ...(isObj(r.requests) ? r.requests : {}) }
      let add = false
      for (const name in r.limits) if (!(name in requests)) (requests[name] = r.limits[name]), (add = true)
      if (!add && isObj(r.requests)) return c
      changed = true
      return { ...(c as J), resources: { ...r, requests } }
    })
    if (changed) out = { ...out, [k]: next }
  }
  if (out.enableServiceLinks == null) out = { ...out, enableServiceLinks: true }
  return out
}

/** The ServiceAccount plugin: the default account and its projected token volume. */
function admitServiceAccount(pod: J, spec: J, api: ApiServer): J {
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) return spec
  const name = spec.serviceAccountName || 'default'
  if (name !== 'default' && !api.store.get('ServiceAccount', pod.metadata.namespace, name)) {
    throw podForbidden(pod, `error looking up service account ${pod.metadata.namespace}/${name}: serviceaccount "${name}" not found`)
  }
  let out: J = { ...spec, serviceAccountName: name, serviceAccount: name }
  if (out.automountServiceAccountToken === false) return out
  const rng = api.kernel.rng.stream('service-account-volumes')
  let suffix = ''
  for (let i = 0; i < 5; i++) suffix += NAME_ALPHABET[rng.u32() % NAME_ALPHABET.length]
  const volName = 'kube-api-access-' + suffix
  const mount = { name: volName, readOnly: true, mountPath: SA_MOUNT_PATH }
  let mounted = false
  const withMount = (list: unknown) =>
    isArr(list)
      ? list.map((c) => {
          if (!isObj(c)) return c
          const mounts = isArr(c.volumeMounts) ? c.volumeMounts : []
          if (mounts.some((m) => isObj(m) && m.mountPath === SA_MOUNT_PATH)) return c
          mounted = true
          return { ...c, volumeMounts: [...mounts, mount] }
        })
      : list
  for (const k of ['initContainers', 'containers']) if (out[k] !== undefined) out = { ...out, [k]: withMount(out[k]) }
  if (!mounted) return out
  return { ...out, volumes: [...(isArr(out.volumes) ? out.volumes : []), tokenVolume(volName)] }
}

/** TokenVolumeSource: the projected token, the cluster CA and the namespace. */
function tokenVolume(name: string): J {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  }
}

/** The Priority plugin: a class's value, or 0 without one; PreemptLowerPriority. */
function admitPriority(pod: J, spec: J): J {
  const cls = spec.priorityClassName
  let priority = 0
  if (cls) {
    if (!(cls in PRIORITY_CLASSES)) throw podForbidden(pod, `no PriorityClass with name ${cls} was found`)
    priority = PRIORITY_CLASSES[cls]
  }
  if (spec.priority != null && spec.priority !== priority) {
    throw podForbidden(pod, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`)
  }
  const policy = 'PreemptLowerPriority'
  if (spec.preemptionPolicy != null && spec.preemptionPolicy !== policy) {
    throw podForbidden(pod, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`)
  }
  return { ...spec, priority, preemptionPolicy: policy }
}

const NOT_READY = 'node.kubernetes.io/not-ready'
const UNREACHABLE = 'node.kubernetes.io/unreachable'

/** DefaultTolerationSeconds: tolerate not-ready and unreachable nodes for 300 s. */
function admitDefaultTolerations(spec: J): J {
  const list = isArr(spec.tolerations) ? spec.tolerations : []
  const tolerates = (key: string) => list.some((t) => isObj(t) && (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect))
  const add: J[] = []
  if (!tolerates(NOT_READY)) add.push({ key: NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })
  if (!tolerates(UNREACHABLE)) add.push({ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })
  return add.length ? { ...spec, tolerations: [...list, ...add] } : spec
}

/** The mutating admission plugins, in the apiserver's order. Throws their Forbidden errors. */
export function admitPod(pod: J, api: ApiServer): J {
  let spec = pod.spec as J
  spec = admitServiceAccount(pod, spec, api)
  spec = admitPriority(pod, spec)
  spec = admitDefaultTolerations(spec)
  return { ...pod, spec }
}

/** PrepareForCreate: a new Pod's status. */
export function preparePodForCreate(pod: J, now: number): J {
  const status: J = { phase: 'Pending', qosClass: podQOSClass(pod.spec) }
  if (isArr(pod.spec.schedulingGates) && pod.spec.schedulingGates.length) {
    status.conditions = [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: rfc3339(now), reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' }]
  }
  return { ...pod, status }
}
