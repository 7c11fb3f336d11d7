// What a Pod (not a pod template) gets on create: SetDefaults_Pod
// (pkg/apis/core/v1/defaults.go), the default admission plugins ServiceAccount,
// Priority and DefaultTolerationSeconds (plugin/pkg/admission/...), and the
// pod strategy's PrepareForCreate (pkg/registry/core/pod/strategy.go: status
// Pending with the QoS class, the SchedulingGated condition).
import type { ApiServer } from '../api/server.ts'
import { forbidden as forbiddenStatus } from '../api/errors.ts'
import { rfc3339 } from '../kernel/time.ts'
import { podQOSClass } from './qos.ts'
import { isArr, isObj, withFields, type J } from './util.ts'

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

/**
 * What the plugins need from the cluster: whether a ServiceAccount exists, and the
 * random suffix of the token volume's name (drawn in the order pods are admitted).
 */
export interface PodAdmissionEnv {
  serviceAccountExists(namespace: string, name: string): boolean
  tokenVolumeName(): string
}

export function podAdmissionEnv(api: ApiServer): PodAdmissionEnv {
  return {
    serviceAccountExists: (ns, name) => name === 'default' || !!api.store.get('ServiceAccount', ns, name),
    tokenVolumeName() {
      const rng = api.kernel.rng.stream('service-account-volumes')
      let suffix = ''
      for (let i = 0; i < 5; i++) suffix += NAME_ALPHABET[rng.u32() % NAME_ALPHABET.length]
      return TOKEN_VOLUME_PREFIX + suffix
    },
  }
}

export const TOKEN_VOLUME_PREFIX = 'kube-api-access-'

/** The ServiceAccount plugin: the default account and its projected token volume. */
function admitServiceAccount(pod: J, spec: J, env: PodAdmissionEnv): J {
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) return spec
  const name = spec.serviceAccountName || 'default'
  if (!env.serviceAccountExists(pod.metadata.namespace, name)) {
    throw podForbidden(pod, `error looking up service account ${pod.metadata.namespace}/${name}: serviceaccount "${name}" not found`)
  }
  let out: J = { ...spec, serviceAccountName: name, serviceAccount: name }
  if (out.automountServiceAccountToken === false) return out
  const volName = env.tokenVolumeName()
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

/**
 * A spec the ServiceAccount plugin admitted with token volume `from`, as if it had
 * drawn `to`: the same objects in the same places, the volume and its mounts renamed.
 */
export function renameTokenVolume(spec: J, from: string, to: string): J {
  const out: J = { ...spec }
  const mount = { name: to, readOnly: true, mountPath: SA_MOUNT_PATH }
  for (const k of CONTAINER_LISTS) {
    const list = out[k]
    if (!isArr(list)) continue
    const next = list.slice()
    for (let i = 0; i < next.length; i++) {
      const c = next[i]
      const mounts = isObj(c) && isArr(c.volumeMounts) ? c.volumeMounts : undefined
      const last = mounts?.[mounts.length - 1]
      if (mounts && isObj(last) && last.name === from) next[i] = { ...(c as J), volumeMounts: [...mounts.slice(0, -1), mount] }
    }
    out[k] = next
  }
  if (isArr(out.volumes)) {
    const volumes = out.volumes.slice()
    const last = volumes[volumes.length - 1]
    if (isObj(last) && last.name === from) volumes[volumes.length - 1] = tokenVolume(to)
    out.volumes = volumes
  }
  return out
}

const CONTAINER_LISTS = ['initContainers', 'containers'] as const

/** TokenVolumeSource: the projected token, the cluster CA and the namespace (shared by every pod: stored objects are never mutated). */
const TOKEN_PROJECTION: J = {
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
  ],
}

function tokenVolume(name: string): J {
  return { name, projected: TOKEN_PROJECTION }
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
const NOT_READY_TOLERATION = { key: NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }
const UNREACHABLE_TOLERATION = { key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }

/** DefaultTolerationSeconds: tolerate not-ready and unreachable nodes for 300 s. */
function admitDefaultTolerations(spec: J): J {
  const list = isArr(spec.tolerations) ? spec.tolerations : []
  const tolerates = (key: string) => list.some((t) => isObj(t) && (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect))
  const add: J[] = []
  if (!tolerates(NOT_READY)) add.push(NOT_READY_TOLERATION)
  if (!tolerates(UNREACHABLE)) add.push(UNREACHABLE_TOLERATION)
  return add.length ? { ...spec, tolerations: [...list, ...add] } : spec
}

/** The mutating admission plugins, in the apiserver's order. Throws their Forbidden errors. */
export function admitPod(pod: J, env: PodAdmissionEnv): J {
  let spec = pod.spec as J
  spec = admitServiceAccount(pod, spec, env)
  spec = admitPriority(pod, spec)
  spec = admitDefaultTolerations(spec)
  return { ...pod, spec }
}

/** PrepareForCreate: a new Pod's status. `qos` when already known for this spec. */
export function preparePodForCreate(pod: J, now: number, qos?: string): J {
  const status: J = { phase: 'Pending', qosClass: qos ?? podQOSClass(pod.spec) }
  if (isArr(pod.spec.schedulingGates) && pod.spec.schedulingGates.length) {
    status.conditions = [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: rfc3339(now), reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' }]
  }
  return withFields(pod, { status })
}
