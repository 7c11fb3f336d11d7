// A container's environment and command line (kubelet_pods.go makeEnvironmentVariables, kuberuntime
// generateContainerConfig): image Env, HOSTNAME, HOME, service links, env with $(VAR), the downward
// API and ConfigMap keys (Secret keys fail: none exist here), and command/args or ENTRYPOINT/CMD.
import type { Container, Node, Pod } from '../api/types.ts'
import { milliOf, valueOf } from '../api/quantity.ts'
import { expand, mappingFor } from './expansion.ts'
import type { ImageConfig } from './image-catalog.ts'

/** The apiserver's service, as every pod sees it (10.96.0.1:443 in a kubeadm cluster). */
const KUBERNETES_SERVICE_HOST = '10.96.0.1'

export function serviceEnv(): [string, string][] {
  return [
    ['KUBERNETES_SERVICE_HOST', KUBERNETES_SERVICE_HOST],
    ['KUBERNETES_SERVICE_PORT', '443'],
    ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
    ['KUBERNETES_PORT', `tcp://${KUBERNETES_SERVICE_HOST}:443`],
    ['KUBERNETES_PORT_443_TCP', `tcp://${KUBERNETES_SERVICE_HOST}:443`],
    ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
    ['KUBERNETES_PORT_443_TCP_PORT', '443'],
    ['KUBERNETES_PORT_443_TCP_ADDR', KUBERNETES_SERVICE_HOST],
  ]
}

export interface EnvResult {
  /** Variables in the order the process sees them (image Env, runtime, kubelet). */
  env: Map<string, string>
  /** What the kubelet itself passes (container env and service links): $(VAR) in command and args sees only these. */
  kubeletEnv: Map<string, string>
  /** CreateContainerConfigError message, when the env cannot be built. */
  error?: string
}

/** A ConfigMap's keys, as the kubelet reads them from the API (namespace, name). */
export type ConfigMapLookup = (namespace: string, name: string) => { data?: Record<string, string> } | undefined

/** The pod's hostname: spec.hostname, else the pod name (truncated to 63 characters). */
export function podHostname(pod: Pod): string {
  return (pod.spec.hostname || pod.metadata.name).slice(0, 63)
}

function fieldRef(pod: Pod, path: string, ips: { host: string; pod?: string }): string | { error: string } {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path)
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? ''
  const st = pod.status
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default'
    case 'metadata.uid':
      return pod.metadata.uid
    case 'metadata.labels':
      return formatMap(pod.metadata.labels)
    case 'metadata.annotations':
      return formatMap(pod.metadata.annotations)
    case 'spec.nodeName':
      return pod.spec.nodeName ?? ''
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? ''
    case 'status.hostIP':
    case 'status.hostIPs':
      return ips.host || st?.hostIP || ''
    case 'status.podIP':
    case 'status.podIPs':
      return ips.pod ?? st?.podIP ?? ''
    default:
      return { error: `unsupported fieldPath: ${path}` }
  }
}

/** fieldpath.FormatMap: sorted key="value" lines. */
function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n')
}

/** resource.ExtractContainerResourceValue: the value divided by the divisor, rounded up; unset limits are the node's allocatable. */
function resourceRef(pod: Pod, c: Container, node: Node | undefined, ref: { containerName?: string; resource: string; divisor?: string }): string {
  const target = ref.containerName ? ([...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((x) => x.name === ref.containerName) ?? c) : c
  const [kind, res] = ref.resource.split('.') as ['limits' | 'requests', string]
  let v = target.resources?.[kind]?.[res]
  if (v === undefined && kind === 'limits') v = node?.status?.allocatable?.[res]
  if (v === undefined) v = '0'
  const divisor = ref.divisor ?? '1'
  if (res === 'cpu') return String(Math.ceil(milliOf(v) / milliOf(divisor)))
  return String(Math.ceil(valueOf(v) / valueOf(divisor)))
}

/** The sandbox's IP and the node's: the kubelet knows them before the API status shows them. */
export function containerEnv(pod: Pod, c: Container, image: ImageConfig, node: Node | undefined, ips: { host: string; pod?: string } = { host: '' }, configMaps?: ConfigMapLookup): EnvResult {
  const env = new Map<string, string>()
  const kubeletEnv = new Map<string, string>()
  for (const kv of image.env) {
    const i = kv.indexOf('=')
    env.set(kv.slice(0, i), kv.slice(i + 1))
  }
  env.set('HOSTNAME', podHostname(pod))
  const declared = new Map<string, string>()
  const services = new Map(serviceEnv())
  const mapping = mappingFor(declared, services)
  for (const e of c.env ?? []) {
    let value: string
    if (e.valueFrom) {
      const vf = e.valueFrom
      if (vf.fieldRef) {
        const v = fieldRef(pod, vf.fieldRef.fieldPath, ips)
        if (typeof v !== 'string') return { env, kubeletEnv, error: v.error }
        value = v
      } else if (vf.resourceFieldRef) value = resourceRef(pod, c, node, vf.resourceFieldRef)
      else if (vf.configMapKeyRef) {
        const ref = vf.configMapKeyRef
        const ns = pod.metadata.namespace ?? 'default'
        const cm = configMaps?.(ns, ref.name)
        const v = cm?.data?.[ref.key]
        if (v === undefined) {
          if (ref.optional) continue
          return { env, kubeletEnv, error: cm ? `couldn't find key ${ref.key} in ConfigMap ${ns}/${ref.name}` : `configmap ${JSON.stringify(ref.name)} not found` }
        }
        value = v
      } else if (vf.secretKeyRef) {
        if (vf.secretKeyRef.optional) continue
        return { env, kubeletEnv, error: `secret ${JSON.stringify(vf.secretKeyRef.name)} not found` }
      } else value = ''
    } else value = expand(e.value ?? '', mapping)
    declared.set(e.name, value)
  }
  for (const [k, v] of services) if (!declared.has(k)) kubeletEnv.set(k, v)
  for (const [k, v] of declared) kubeletEnv.set(k, v)
  for (const [k, v] of kubeletEnv) env.set(k, v)
  // The runtime adds HOME from the image user's passwd entry when nothing set it.
  if (!env.has('HOME')) env.set('HOME', image.workingDir === '/home/curl_user' ? '/home/curl_user' : '/root')
  return { env, kubeletEnv }
}

/** kuberuntime's command line: command/args override ENTRYPOINT/CMD, then $(VAR) expansion with the kubelet's env. */
export function commandLine(c: Container, image: ImageConfig, kubeletEnv: ReadonlyMap<string, string>): string[] {
  const mapping = mappingFor(kubeletEnv)
  const command = (c.command ?? []).map((a) => expand(a, mapping))
  const args = (c.args ?? []).map((a) => expand(a, mapping))
  // The runtime's rule: a command replaces ENTRYPOINT and CMD; args alone replace CMD.
  if (command.length) return [...command, ...args]
  return [...(image.entrypoint ?? []), ...(args.length ? args : image.cmd ?? [])]
}
