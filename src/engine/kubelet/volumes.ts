// A pod's volumes on its node (the kubelet's volume manager): emptyDir per pod (sizeLimit as a quota), a
// claim's directory, the projected service-account token/ca.crt/namespace, downwardAPI, hostPath, ConfigMap
// keys as files; Secret volumes fail to mount (none exist here).
import { valueOf } from '../api/quantity.ts'
import type { PersistentVolumeClaim, Pod, Volume } from '../api/types.ts'
import { newDir, newFile, type DirNode, type FileNode } from '../../shell/fs/vfs.ts'
import type { Rng } from '../kernel/rng.ts'
import type { VolumeRegistry } from './storage.ts'

export interface MountError {
  volume: string
  message: string
}

export interface PodVolumes {
  dirs: Map<string, DirNode>
  errors: MountError[]
}

export interface VolumeContext {
  now: number
  rng: Rng
  claims: (ns: string, name: string) => PersistentVolumeClaim | undefined
  registry: VolumeRegistry
  hostPath: (path: string) => DirNode
  configMap?: (namespace: string, name: string) => { data?: Record<string, string> } | undefined
}

/** Set up (or keep) every volume of a pod; existing directories survive container restarts. */
export function setUpVolumes(pod: Pod, have: Map<string, DirNode>, vc: VolumeContext): PodVolumes {
  const errors: MountError[] = []
  for (const v of pod.spec.volumes ?? []) {
    if (have.has(v.name)) continue
    const r = setUpOne(pod, v, vc)
    if (typeof r === 'string') errors.push({ volume: v.name, message: r })
    else have.set(v.name, r)
  }
  return { dirs: have, errors }
}

function setUpOne(pod: Pod, v: Volume, vc: VolumeContext): DirNode | string {
  const ns = pod.metadata.namespace ?? 'default'
  if (v.emptyDir) {
    const d = newDir(vc.now, 0o777)
    if (v.emptyDir.sizeLimit) d.quota = { limit: valueOf(v.emptyDir.sizeLimit), used: 0 }
    return d
  }
  if (v.persistentVolumeClaim) {
    const name = v.persistentVolumeClaim.claimName
    const pvc = vc.claims(ns, name)
    if (!pvc) return `persistentvolumeclaim ${JSON.stringify(name)} not found`
    const dir = pvc.spec?.volumeName ? vc.registry.get(pvc.metadata.uid) : undefined
    return dir ?? `error processing PVC ${ns}/${name}: PVC is not bound`
  }
  if (v.hostPath) return vc.hostPath(v.hostPath.path)
  if (v.projected) return projected(pod, v, vc)
  if (v.downwardAPI) return downward(pod, (v.downwardAPI as { items?: DownwardItem[] }).items ?? [], vc.now)
  if (v.configMap) return configMapVolume(ns, v.configMap as ConfigMapSource, vc)
  if (v.secret) {
    const s = v.secret as { secretName?: string; optional?: boolean }
    return s.optional ? newDir(vc.now) : `secret ${JSON.stringify(s.secretName ?? '')} not found`
  }
  return newDir(vc.now)
}

interface ConfigMapSource {
  name?: string
  optional?: boolean
  items?: { key: string; path: string }[]
}

/** A ConfigMap's keys as files (all of them, or the items asked for); a missing key fails unless optional. */
function configMapVolume(ns: string, src: ConfigMapSource, vc: VolumeContext): DirNode | string {
  const cm = vc.configMap?.(ns, src.name ?? '')
  if (!cm) return src.optional ? newDir(vc.now) : `configmap ${JSON.stringify(src.name ?? '')} not found`
  const data = cm.data ?? {}
  const d = newDir(vc.now)
  const items = src.items ?? Object.keys(data).map((key) => ({ key, path: key }))
  for (const it of items) {
    if (data[it.key] === undefined) {
      if (src.optional) continue
      return `configmap references non-existent config key: ${it.key}`
    }
    d.entries.set(it.path, newFile(data[it.key], vc.now))
  }
  return d
}

interface DownwardItem {
  path: string
  fieldRef?: { fieldPath: string }
}

function downward(pod: Pod, items: DownwardItem[], now: number): DirNode {
  const d = newDir(now)
  for (const it of items) {
    const f = it.fieldRef?.fieldPath ?? ''
    const value = f === 'metadata.name' ? pod.metadata.name : f === 'metadata.namespace' ? (pod.metadata.namespace ?? 'default') : f === 'metadata.uid' ? pod.metadata.uid : f === 'metadata.labels' ? fmt(pod.metadata.labels) : f === 'metadata.annotations' ? fmt(pod.metadata.annotations) : ''
    d.entries.set(it.path, newFile(value, now))
  }
  return d
}

function fmt(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n')
}

/** The kube-api-access projected volume: a bound service account token, the cluster CA, the namespace. */
function projected(pod: Pod, v: Volume, vc: VolumeContext): DirNode {
  const d = newDir(vc.now)
  const sources = (v.projected as { sources?: { serviceAccountToken?: unknown; configMap?: { name: string }; downwardAPI?: { items?: DownwardItem[] } }[] }).sources ?? []
  for (const s of sources) {
    if (s.serviceAccountToken) d.entries.set('token', lazyFile(() => token(pod, vc), vc.now, 0o600))
    if (s.configMap?.name === 'kube-root-ca.crt') d.entries.set('ca.crt', newFile(CA, vc.now))
    if (s.downwardAPI) for (const [k, f] of downward(pod, s.downwardAPI.items ?? [], vc.now).entries) d.entries.set(k, f)
  }
  return d
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

function b64url(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i) & 0xff
    const b = i + 1 < s.length ? s.charCodeAt(i + 1) & 0xff : 0
    const c = i + 2 < s.length ? s.charCodeAt(i + 2) & 0xff : 0
    out += B64URL[a >> 2] + B64URL[((a & 3) << 4) | (b >> 4)]
    if (i + 1 < s.length) out += B64URL[((b & 15) << 2) | (c >> 6)]
    if (i + 2 < s.length) out += B64URL[c & 63]
  }
  return out
}

/** A file whose content is made the first time something reads it (most tokens are never read). */
function lazyFile(make: () => string, now: number, mode: number): FileNode {
  let value: string | undefined
  return {
    type: 'file',
    get data() {
      return (value ??= make())
    },
    set data(v: string) {
      value = v
    },
    mode,
    mtime: now,
  }
}

/** A JWT shaped like a bound service account token (the signature is random bytes). */
function token(pod: Pod, vc: VolumeContext): string {
  const iat = Math.floor(vc.now / 1000)
  const ns = pod.metadata.namespace ?? 'default'
  const header = b64url(JSON.stringify({ alg: 'RS256', kid: 'k8s-sim' }))
  const claims = b64url(
    JSON.stringify({
      aud: ['https://kubernetes.default.svc.cluster.local'],
      exp: iat + 3607,
      iat,
      iss: 'https://kubernetes.default.svc.cluster.local',
      'kubernetes.io': { namespace: ns, node: { name: pod.spec.nodeName }, pod: { name: pod.metadata.name, uid: pod.metadata.uid }, serviceaccount: { name: pod.spec.serviceAccountName ?? 'default' } },
      nbf: iat,
      sub: `system:serviceaccount:${ns}:${pod.spec.serviceAccountName ?? 'default'}`,
    }),
  )
  // 342 characters of signature: 256 random bytes in base64url, five characters per 30 random bits.
  let sig = ''
  while (sig.length < 342) {
    const r = vc.rng.u32()
    for (let b = 0; b < 30 && sig.length < 342; b += 6) sig += B64URL[(r >>> b) & 63]
  }
  return `${header}.${claims}.${sig}`
}

const CA = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIU2ltdWxhdGVkMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNV
BAMTCmt1YmVybmV0ZXMwHhcNMjUxMjAxMDAwMDAwWhcNMzUxMTI5MDAwMDAwWjAV
MRMwEQYDVQQDEwprdWJlcm5ldGVzMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIB
CgKCAQEAtmnb0qLpaMg3fSpZ3fC0fmsbb6dtqE1xY8iW2bZ3AcgE4ZlGs3Qm0Uxq
-----END CERTIFICATE-----
`
