// Containers, volumes and pod templates in `kubectl describe`: image, ports, command, state,
// resources, probes, environment, mounts and volume sources. Upstream: kubectl pkg/describe/describe.go
// (describeContainers, describeStatus, describeVolumes, print*VolumeSource, DescribePodTemplate).
import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, PodTemplateSpec, Volume } from '../../engine/api/types.ts'
import { goSort } from '../gosort.ts'
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './common.ts'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, printBool, type DescribeWriter } from './writer.ts'

function stringOrNone(s: string): string {
  return s || '<none>'
}

function ports(c: Container, host: boolean): string {
  return (c.ports ?? []).map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ')
}

function basicInfo(w: DescribeWriter, c: Container, status: ContainerStatus | undefined, space: string): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`)
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`)
  w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`)
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`)
  const p = ports(c, false)
  w.write(LEVEL_2, p.includes(',') ? `Ports:\t${p}\n` : `Port:\t${stringOrNone(p)}\n`)
  const hp = ports(c, true)
  w.write(LEVEL_2, hp.includes(',') ? `Host Ports:\t${hp}\n` : `Host Port:\t${stringOrNone(hp)}\n`)
}

function command(w: DescribeWriter, c: Container): void {
  if (c.command?.length) {
    w.write(LEVEL_2, 'Command:\n')
    for (const arg of c.command) for (const s of arg.split('\n')) w.write(LEVEL_3, `${s}\n`)
  }
  if (c.args?.length) {
    w.write(LEVEL_2, 'Args:\n')
    for (const arg of c.args) for (const s of arg.split('\n')) w.write(LEVEL_3, `${s}\n`)
  }
}

export function describeState(w: DescribeWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${w.time(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(LEVEL_2, `${name}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`)
    if (t.signal && t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${w.time(t.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${w.time(t.finishedAt)}\n`)
  } else w.write(LEVEL_2, `${name}:\tWaiting\n`)
}

function containerState(w: DescribeWriter, s: ContainerStatus): void {
  describeState(w, 'State', s.state)
  if (s.lastState?.terminated) describeState(w, 'Last State', s.lastState)
  w.write(LEVEL_2, `Ready:\t${printBool(s.ready)}\n`)
  w.write(LEVEL_2, `Restart Count:\t${s.restartCount}\n`)
}

export function describeResources(w: DescribeWriter, r: Container['resources'], level: number): void {
  if (!r) return
  const limits = r.limits ?? {}
  const requests = r.requests ?? {}
  if (Object.keys(limits).length) w.write(level, 'Limits:\n')
  for (const k of Object.keys(limits).sort()) w.write(level + 1, `${k}:\t${limits[k]}\n`)
  if (Object.keys(requests).length) w.write(level, 'Requests:\n')
  for (const k of Object.keys(requests).sort()) w.write(level + 1, `${k}:\t${requests[k]}\n`)
}

/**
 * A downward-API field of the pod, as EnvValueRetriever resolves it: the path first goes
 * through scheme.ConvertFieldLabel, and kubectl's scheme has no conversion for Pods, so
 * apimachinery's DefaultMetaV1FieldSelectorConversion lets only metadata.name and
 * metadata.namespace through. The uid, labels['…'] (an Indexed Job's JOB_COMPLETION_INDEX)
 * and annotations['…'] print empty like spec.nodeName (k8s staging/src/k8s.io/kubectl/pkg/describe/describe.go;
 * checked against kubectl's describe pod).
 */
function fieldValue(pod: Pod | undefined, path: string): string {
  if (!pod) return ''
  if (path === 'metadata.name') return pod.metadata.name
  if (path === 'metadata.namespace') return pod.metadata.namespace ?? ''
  return ''
}

function envVars(w: DescribeWriter, c: Container, pod: Pod | undefined): void {
  const env = c.env ?? []
  w.write(LEVEL_2, `Environment:${env.length ? '' : '\t<none>'}\n`)
  for (const e of env) envVar(w, e, c, pod)
}

function envVar(w: DescribeWriter, e: EnvVar, c: Container, pod: Pod | undefined): void {
  const from = e.valueFrom
  if (!from) {
    ;(e.value ?? '').split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`))
    return
  }
  if (from.fieldRef) {
    const v = pod ? fieldValue(pod, from.fieldRef.fieldPath) : ''
    w.write(LEVEL_3, `${e.name}:\t${v} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`)
  } else if (from.resourceFieldRef) {
    const res = from.resourceFieldRef.resource
    const [kind, name] = res.split('.')
    let v = (kind === 'limits' ? c.resources?.limits : c.resources?.requests)?.[name] ?? '0'
    if (v === '0' && (res === 'limits.cpu' || res === 'limits.memory')) v = 'node allocatable'
    w.write(LEVEL_3, `${e.name}:\t${v} (${res})\n`)
  } else if (from.secretKeyRef) {
    w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>\tOptional: ${!!from.secretKeyRef.optional}\n`)
  } else if (from.configMapKeyRef) {
    w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>\tOptional: ${!!from.configMapKeyRef.optional}\n`)
  }
}

function mounts(w: DescribeWriter, c: Container): void {
  const list = c.volumeMounts ?? []
  w.write(LEVEL_2, `Mounts:${list.length ? '' : '\t<none>'}\n`)
  for (const m of goSort(list, (a, b) => a.mountPath < b.mountPath)) {
    const flags = [m.readOnly ? 'ro' : 'rw']
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`)
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
}

interface Probe {
  exec?: { command?: string[] }
  httpGet?: { path?: string; port?: number | string; host?: string; scheme?: string }
  tcpSocket?: { port?: number | string; host?: string }
  grpc?: { port?: number; service?: string }
  initialDelaySeconds?: number
  timeoutSeconds?: number
  periodSeconds?: number
  successThreshold?: number
  failureThreshold?: number
}

/** DescribeProbe: "exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3". */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase()
    const port = p.httpGet.port !== undefined ? String(p.httpGet.port) : ''
    const host = port ? `${p.httpGet.host ?? ''}:${port}` : (p.httpGet.host ?? '')
    return `http-get ${scheme}://${host}${p.httpGet.path ?? ''} ${attrs}`
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port ?? ''} ${attrs}`
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

function probes(w: DescribeWriter, c: Container): void {
  for (const [field, label] of [['livenessProbe', 'Liveness'], ['readinessProbe', 'Readiness'], ['startupProbe', 'Startup']] as const) {
    const p = c[field] as Probe | undefined
    if (p) w.write(LEVEL_2, `${label}:\t${describeProbe(p)}\n`)
  }
}

interface EnvFromSource {
  prefix?: string
  configMapRef?: { name?: string; optional?: boolean }
  secretRef?: { name?: string; optional?: boolean }
}

function envFrom(w: DescribeWriter, c: Container): void {
  const list = (c.envFrom as EnvFromSource[] | undefined) ?? []
  if (!list.length) return
  w.write(LEVEL_2, 'Environment Variables from:\n')
  for (const e of list) {
    const ref = e.configMapRef ?? e.secretRef
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : ''
    const optional = !!ref?.optional
    if (e.prefix) w.write(LEVEL_3, `${ref?.name ?? ''}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`)
    else w.write(LEVEL_3, `${ref?.name ?? ''}\t${from}\tOptional: ${optional}\n`)
  }
}

export function describeContainers(w: DescribeWriter, label: string, containers: Container[], statuses: ContainerStatus[] | undefined, space: string, pod?: Pod): void {
  w.write(LEVEL_0, `${space}${label}:${containers.length ? '' : ' <none>'}\n`)
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]))
  for (const c of containers) {
    const status = statuses ? byName.get(c.name) : undefined
    basicInfo(w, c, status, space)
    command(w, c)
    if (status) containerState(w, status)
    describeResources(w, c.resources, LEVEL_2)
    probes(w, c)
    envFrom(w, c)
    envVars(w, c, pod)
    mounts(w, c)
  }
}

function volumeSource(w: DescribeWriter, v: Volume): void {
  const l2 = (text: string) => w.write(LEVEL_2, text)
  if (v.hostPath) l2(`Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`)
  else if (v.emptyDir) l2(`Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit && v.emptyDir.sizeLimit !== '0' ? v.emptyDir.sizeLimit : '<unset>'}\n`)
  else if (v.secret) {
    const s = v.secret as { secretName?: string; optional?: boolean }
    l2(`Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${s.secretName ?? ''}\n    Optional:\t${!!s.optional}\n`)
  } else if (v.configMap) {
    const cm = v.configMap as { name?: string; optional?: boolean }
    l2(`Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${cm.name ?? ''}\n    Optional:\t${!!cm.optional}\n`)
  } else if (v.persistentVolumeClaim) {
    l2(`Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${!!v.persistentVolumeClaim.readOnly}\n`)
  } else if (v.downwardAPI) {
    const items = ((v.downwardAPI as { items?: { path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: { resource: string } }[] }).items ?? [])
    l2('Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
    for (const it of items) {
      if (it.fieldRef) w.write(LEVEL_3, `${it.fieldRef.fieldPath} -> ${it.path}\n`)
      if (it.resourceFieldRef) w.write(LEVEL_3, `${it.resourceFieldRef.resource} -> ${it.path}\n`)
    }
  } else if (v.projected) projected(w, v.projected as ProjectedSource)
  else w.write(LEVEL_1, '<unknown>\n')
}

interface ProjectedSource {
  sources?: {
    secret?: { name?: string; optional?: boolean }
    configMap?: { name?: string; optional?: boolean }
    downwardAPI?: unknown
    serviceAccountToken?: { expirationSeconds?: number }
  }[]
}

function projected(w: DescribeWriter, p: ProjectedSource): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
  for (const s of p.sources ?? []) {
    if (s.secret) w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    Optional:\t${!!s.secret.optional}\n`)
    else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
    else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    Optional:\t${!!s.configMap.optional}\n`)
    else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`)
  }
}

export function describeVolumes(w: DescribeWriter, volumes: Volume[] | undefined, space: string): void {
  if (!volumes?.length) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(LEVEL_0, `${space}Volumes:\n`)
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`)
    volumeSource(w, v)
  }
}

/** DescribePodTemplate: the template of a Job or of a CronJob's jobTemplate. */
export function describePodTemplate(w: DescribeWriter, t: PodTemplateSpec | undefined): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  if (!t) {
    w.write(LEVEL_1, '<unset>')
    return
  }
  printLabelsMultiline(w, '  Labels', t.metadata?.labels)
  if (Object.keys(t.metadata?.annotations ?? {}).length) printAnnotationsMultiline(w, '  Annotations', t.metadata?.annotations)
  if (t.spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${t.spec.serviceAccountName}\n`)
  if (t.spec.initContainers?.length) describeContainers(w, 'Init Containers', t.spec.initContainers, undefined, '  ')
  describeContainers(w, 'Containers', t.spec.containers ?? [], undefined, '  ')
  describeVolumes(w, t.spec.volumes, '  ')
  if (t.spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${t.spec.priorityClassName}\n`)
  printLabelsMultiline(w, '  Node-Selectors', t.spec.nodeSelector)
  printTolerationsMultiline(w, '  Tolerations', t.spec.tolerations)
}
