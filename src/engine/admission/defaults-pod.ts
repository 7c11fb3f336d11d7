// Defaulting for pod templates and Pods, as the apiserver applies it while
// decoding (k8s pkg/apis/core/v1/defaults.go: SetDefaults_PodSpec, _Container,
// _Volume, _ResourceList, _Probe, _HTTPGetAction, _ObjectFieldSelector, the
// volume sources' defaultMode) plus the v1 conversion's serviceAccount mirror.
// Copy-on-write: an already defaulted spec (a controller's pod) comes back as is.
import { canonicalString, goJSONNumber, parseQuantity, QuantityError, roundUp } from '../api/quantity.ts'
import { defaultPullPolicy } from './image.ts'
import { isArr, isObj, type J } from './util.ts'

/** Add the missing keys of `defaults` to `o`, copying only if something is missing. */
function fill(o: J, defaults: J): J {
  let out: J | undefined
  for (const k in defaults) {
    if (o[k] === undefined) (out ??= { ...o })[k] = defaults[k]
  }
  return out ?? o
}

/** Map a list, returning the same array if no element changed. */
function mapSame<T>(list: T[], f: (x: T) => T): T[] {
  let out: T[] | undefined
  for (let i = 0; i < list.length; i++) {
    const y = f(list[i])
    if (y !== list[i]) (out ??= list.slice())[i] = y
  }
  return out ?? list
}

function withField(o: J, key: string, value: unknown): J {
  return value === o[key] ? o : { ...o, [key]: value }
}

/** SetDefaults_ResourceList: round up to milli units; stored in canonical form. */
export function defaultResourceList(list: unknown): unknown {
  if (!isObj(list)) return list
  let out: J | undefined
  for (const k in list) {
    const v = list[k]
    if (typeof v !== 'string' && typeof v !== 'number') continue
    let s: string
    try {
      const q = parseQuantity(typeof v === 'number' ? goJSONNumber(v) : v.trim())
      const r = roundUp(q, -3)
      s = r === q && q.cached ? q.cached : canonicalString(r)
    } catch (e) {
      if (e instanceof QuantityError) continue
      throw e
    }
    if (s !== v) (out ??= { ...list })[k] = s
  }
  return out ?? list
}

function defaultResources(r: unknown): unknown {
  if (r === undefined || r === null) return {}
  if (!isObj(r)) return r
  let out = r
  out = withField(out, 'limits', defaultResourceList(out.limits))
  out = withField(out, 'requests', defaultResourceList(out.requests))
  return out
}

function defaultFieldRef(holder: J): J {
  const ref = holder.fieldRef
  if (!isObj(ref) || ref.apiVersion) return holder
  return { ...holder, fieldRef: { ...ref, apiVersion: 'v1' } }
}

function defaultEnv(env: unknown): unknown {
  if (!isArr(env)) return env
  return mapSame(env, (e) => {
    if (!isObj(e) || !isObj(e.valueFrom)) return e
    const vf = defaultFieldRef(e.valueFrom)
    return vf === e.valueFrom ? e : { ...e, valueFrom: vf }
  })
}

function defaultPorts(ports: unknown, hostNetwork: boolean): unknown {
  if (!isArr(ports)) return ports
  return mapSame(ports, (p) => {
    if (!isObj(p)) return p
    let out = p.protocol ? p : { ...p, protocol: 'TCP' }
    if (hostNetwork && !out.hostPort && out.containerPort) out = { ...out, hostPort: out.containerPort }
    return out
  })
}

function defaultHTTPGet(h: J): J {
  if (!isObj(h.httpGet)) return h
  const g = fill(h.httpGet, { path: '/', scheme: 'HTTP' })
  return g === h.httpGet ? h : { ...h, httpGet: g }
}

function defaultProbe(p: unknown): unknown {
  if (!isObj(p)) return p
  return defaultHTTPGet(fill(p, { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }))
}

function defaultLifecycle(l: unknown): unknown {
  if (!isObj(l)) return l
  let out = l
  for (const k of ['postStart', 'preStop']) if (isObj(out[k])) out = withField(out, k, defaultHTTPGet(out[k]))
  return out
}

/** SetDefaults_Container and the defaults of everything inside a container. */
export function defaultContainer(c: unknown, hostNetwork = false): unknown {
  if (!isObj(c)) return c
  let out = fill(c, { terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' })
  if (out.imagePullPolicy === undefined) out = { ...out, imagePullPolicy: defaultPullPolicy(typeof out.image === 'string' ? out.image : '') }
  out = withField(out, 'resources', defaultResources(out.resources))
  if (out.ports !== undefined) out = withField(out, 'ports', defaultPorts(out.ports, hostNetwork))
  if (out.env !== undefined) out = withField(out, 'env', defaultEnv(out.env))
  for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (out[k] !== undefined) out = withField(out, k, defaultProbe(out[k]))
  if (out.lifecycle !== undefined) out = withField(out, 'lifecycle', defaultLifecycle(out.lifecycle))
  return out
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi',
  'ephemeral', 'image',
]

function defaultItems(items: unknown): unknown {
  return isArr(items) ? mapSame(items, (it) => (isObj(it) ? defaultFieldRef(it) : it)) : items
}

function defaultProjection(src: unknown): unknown {
  if (!isObj(src)) return src
  let out = src
  if (isObj(out.serviceAccountToken)) out = withField(out, 'serviceAccountToken', fill(out.serviceAccountToken, { expirationSeconds: 3600 }))
  if (isObj(out.downwardAPI)) out = withField(out, 'downwardAPI', withField(out.downwardAPI, 'items', defaultItems(out.downwardAPI.items)))
  return out
}

/** SetDefaults_Volume (a volume with no source is an emptyDir) and each source's defaults. */
export function defaultVolume(v: unknown): unknown {
  if (!isObj(v)) return v
  if (!VOLUME_SOURCES.some((k) => v[k] !== undefined && v[k] !== null)) return { ...v, emptyDir: {} }
  let out = v
  if (isObj(out.hostPath)) out = withField(out, 'hostPath', fill(out.hostPath, { type: '' }))
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) if (isObj(out[k])) out = withField(out, k, fill(out[k], { defaultMode: 420 }))
  if (isObj(out.downwardAPI)) out = withField(out, 'downwardAPI', withField(out.downwardAPI, 'items', defaultItems(out.downwardAPI.items)))
  if (isObj(out.projected) && isArr(out.projected.sources)) {
    out = withField(out, 'projected', withField(out.projected, 'sources', mapSame(out.projected.sources, defaultProjection)))
  }
  return out
}

/** SetDefaults_PodSpec and everything below it. `isPod`: Pod-only defaults (host network ports). */
export function defaultPodSpec(spec: unknown, isPod = false): unknown {
  if (!isObj(spec)) return spec
  let out = fill(spec, {
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
  })
  // The v1 conversion keeps serviceAccount (deprecated) equal to serviceAccountName.
  const sa = out.serviceAccountName || out.serviceAccount
  if (sa && (out.serviceAccountName !== sa || out.serviceAccount !== sa)) out = { ...out, serviceAccountName: sa, serviceAccount: sa }
  // Pod-level resources need the PodLevelResources gate, alpha (off) in 1.33: the field is dropped.
  if (out.resources !== undefined) {
    out = { ...out }
    delete out.resources
  }
  const hostNetwork = isPod && out.hostNetwork === true
  for (const k of ['containers', 'initContainers']) {
    if (isArr(out[k])) out = withField(out, k, mapSame(out[k] as unknown[], (c) => defaultContainer(c, hostNetwork)))
  }
  if (isArr(out.volumes)) out = withField(out, 'volumes', mapSame(out.volumes, defaultVolume))
  if (out.overhead !== undefined) out = withField(out, 'overhead', defaultResourceList(out.overhead))
  return out
}

/**
 * A PodTemplateSpec as stored: ObjectMeta is a struct, so it is always serialised
 * and shows `creationTimestamp: null`.
 */
export function defaultPodTemplate(tpl: unknown): unknown {
  if (tpl === undefined || tpl === null) tpl = {}
  if (!isObj(tpl)) return tpl
  let out = tpl
  const meta = out.metadata === undefined || out.metadata === null ? {} : out.metadata
  if (isObj(meta) && !('creationTimestamp' in meta)) out = { ...out, metadata: { ...meta, creationTimestamp: null } }
  else if (meta !== out.metadata) out = { ...out, metadata: meta }
  return withField(out, 'spec', defaultPodSpec(out.spec ?? {}))
}
