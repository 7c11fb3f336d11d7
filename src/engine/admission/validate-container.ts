// Container validation in upstream order (k8s pkg/apis/core/validation/validation.go:
// validateContainerCommon, validateContainerPorts, ValidateEnv, validateEnvVarValueFrom,
// ValidateEnvFrom, ValidateVolumeMounts, validatePullPolicy, validateResourceRequirements,
// ValidateSecurityContext, validateProbe, validateLifecycle, validateContainers,
// validateInitContainers, AccumulateUniqueHostPorts).
import type { FieldError } from '../api/errors.ts'
import { compareQuantity, formatQuantity, milliValue, parseQuantity, sign, type Quantity } from '../api/quantity.ts'
import { duplicate, forbidden, invalid, nonNegative, notFound, notSupported, raw, required, type BadValue } from './field.ts'
import { goQuantity } from './godump.ts'
import { isConfigMapKey, isDNS1123Label, isQualifiedName, isRelaxedEnvVarName, isValidID, isValidPortName, isValidPortNum, nameIsDNSSubdomain } from './names.ts'
import { isArr, isObj, sortedKeys, str, type J } from './util.ts'

export interface ContainerContext {
  /** Volumes that validated, by name: mounts may only refer to these. */
  volumes: Map<string, J>
  gracePeriod: number | undefined
}

const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs']
const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory']
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage'])
const STANDARD_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'requests.cpu', 'requests.memory', 'requests.storage', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage'])

function validateDNSLabelField(v: string, path: string, errs: FieldError[]): void {
  for (const m of isDNS1123Label(v)) errs.push(invalid(path, v, m))
}

function validatePorts(ports: unknown, path: string, errs: FieldError[]): void {
  if (!isArr(ports)) return
  const names = new Set<string>()
  ports.forEach((p, i) => {
    if (!isObj(p)) return
    const at = `${path}[${i}]`
    const name = str(p.name)
    if (name) {
      const msgs = isValidPortName(name)
      if (msgs.length) for (const m of msgs) errs.push(invalid(`${at}.name`, name, m))
      else if (names.has(name)) errs.push(duplicate(`${at}.name`, name))
      else names.add(name)
    }
    if (!p.containerPort) errs.push(required(`${at}.containerPort`))
    else for (const m of isValidPortNum(p.containerPort)) errs.push(invalid(`${at}.containerPort`, p.containerPort, m))
    if (p.hostPort) for (const m of isValidPortNum(p.hostPort)) errs.push(invalid(`${at}.hostPort`, p.hostPort, m))
    if (!p.protocol) errs.push(required(`${at}.protocol`))
    else if (!['SCTP', 'TCP', 'UDP'].includes(p.protocol)) errs.push(notSupported(`${at}.protocol`, str(p.protocol), ['SCTP', 'TCP', 'UDP']))
  })
}

const CONVERTIBLE_FIELD_PATHS = new Set(['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs', 'spec.host'])

/** ConvertDownwardAPIFieldLabel's error, if any. */
function convertFieldLabel(version: string, label: string): string | undefined {
  if (version !== 'v1') return `unsupported pod version: ${version}`
  const sub = /^(.*)\['(.*)'\]$/.exec(label)
  if (sub) return sub[1] === 'metadata.annotations' || sub[1] === 'metadata.labels' ? undefined : `field label does not support subscript: ${label}`
  return CONVERTIBLE_FIELD_PATHS.has(label) ? undefined : `field label not supported: ${label}`
}

/** validateObjectFieldSelector for env vars (and, with `allowed`, for volume files). */
export function validateFieldSelector(ref: J, path: string, errs: FieldError[], allowed = ENV_FIELD_PATHS): void {
  if (!ref.apiVersion) return void errs.push(required(`${path}.apiVersion`))
  if (!ref.fieldPath) return void errs.push(required(`${path}.fieldPath`))
  const fp = str(ref.fieldPath)
  const err = convertFieldLabel(str(ref.apiVersion), fp)
  if (err) return void errs.push(invalid(`${path}.fieldPath`, fp, `error converting fieldPath: ${err}`))
  const internal = fp === 'spec.host' ? 'spec.nodeName' : fp
  const sub = /^(.*)\['(.*)'\]$/.exec(internal)
  if (sub) {
    const key = sub[1] === 'metadata.annotations' ? sub[2].toLowerCase() : sub[2]
    for (const m of isQualifiedName(key)) errs.push(invalid(path, key, m))
  } else if (!allowed.includes(internal)) errs.push(notSupported(`${path}.fieldPath`, internal, allowed))
}

function validateKeySelector(s: J, path: string, errs: FieldError[]): void {
  for (const m of nameIsDNSSubdomain(str(s.name), false)) errs.push(invalid(`${path}.name`, str(s.name), m))
  if (!s.key) errs.push(required(`${path}.key`))
  else for (const m of isConfigMapKey(str(s.key))) errs.push(invalid(`${path}.key`, str(s.key), m))
}

function validateEnvValueFrom(e: J, path: string, errs: FieldError[]): void {
  const vf = e.valueFrom
  if (!isObj(vf)) return
  let n = 0
  if (isObj(vf.fieldRef)) n++, validateFieldSelector(vf.fieldRef, `${path}.fieldRef`, errs)
  if (isObj(vf.resourceFieldRef)) {
    n++
    const r = vf.resourceFieldRef
    if (!r.resource) errs.push(required(`${path}.resourceFieldRef.resource`))
    else if (!RESOURCE_FIELD_PATHS.includes(r.resource) && !/^(requests|limits)\.hugepages-/.test(r.resource)) {
      errs.push(notSupported(`${path}.resourceFieldRef.resource`, str(r.resource), RESOURCE_FIELD_PATHS))
    }
  }
  if (isObj(vf.configMapKeyRef)) n++, validateKeySelector(vf.configMapKeyRef, `${path}.configMapKeyRef`, errs)
  if (isObj(vf.secretKeyRef)) n++, validateKeySelector(vf.secretKeyRef, `${path}.secretKeyRef`, errs)
  if (n === 0) errs.push(invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'))
  else if (str(e.value)) errs.push(invalid(path, '', 'may not be specified when `value` is not empty'))
  else if (n > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'))
}

function validateEnv(env: unknown, path: string, errs: FieldError[]): void {
  if (!isArr(env)) return
  env.forEach((e, i) => {
    if (!isObj(e)) return
    const at = `${path}[${i}]`
    if (!e.name) errs.push(required(`${at}.name`))
    else for (const m of isRelaxedEnvVarName(str(e.name))) errs.push(invalid(`${at}.name`, str(e.name), m))
    validateEnvValueFrom(e, `${at}.valueFrom`, errs)
  })
}

function validateEnvFrom(list: unknown, path: string, errs: FieldError[]): void {
  if (!isArr(list)) return
  list.forEach((e, i) => {
    if (!isObj(e)) return
    const at = `${path}[${i}]`
    if (e.prefix) for (const m of isRelaxedEnvVarName(str(e.prefix))) errs.push(invalid(`${at}.prefix`, str(e.prefix), m))
    let n = 0
    for (const k of ['configMapRef', 'secretRef']) {
      if (!isObj(e[k])) continue
      n++
      const name = str(e[k].name)
      if (!name) errs.push(required(`${at}.${k}.name`))
      else for (const m of nameIsDNSSubdomain(name, true)) errs.push(invalid(`${at}.${k}.name`, name, m))
    }
    if (n === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'))
    else if (n > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'))
  })
}

/** validateLocalDescendingPath: relative, no '..' element. */
export function validateLocalDescendingPath(p: string, path: string, errs: FieldError[]): void {
  if (p.startsWith('/')) errs.push(invalid(path, p, 'must be a relative path'))
  if (p.split('/').includes('..')) errs.push(invalid(path, p, "must not contain '..'"))
}

function validateVolumeMounts(mounts: unknown, ctx: ContainerContext, path: string, errs: FieldError[]): void {
  if (!isArr(mounts)) return
  const seen = new Set<string>()
  mounts.forEach((m, i) => {
    if (!isObj(m)) return
    const at = `${path}[${i}]`
    const name = str(m.name)
    if (!name) errs.push(required(`${at}.name`))
    if (!ctx.volumes.has(name)) errs.push(notFound(`${at}.name`, name))
    const mp = str(m.mountPath)
    if (!mp) errs.push(required(`${at}.mountPath`))
    if (seen.has(mp)) errs.push(invalid(`${at}.mountPath`, mp, 'must be unique'))
    seen.add(mp)
    // Upstream reports subPath problems on the list's path, without the index.
    if (str(m.subPath)) validateLocalDescendingPath(str(m.subPath), `${path}.subPath`, errs)
    if (str(m.subPathExpr)) {
      if (str(m.subPath)) errs.push(invalid(`${at}.subPathExpr`, str(m.subPathExpr), 'subPathExpr and subPath are mutually exclusive'))
      validateLocalDescendingPath(str(m.subPathExpr), `${path}.subPathExpr`, errs)
    }
    if (m.mountPropagation != null) {
      const mp2 = str(m.mountPropagation)
      if (!['Bidirectional', 'HostToContainer', 'None'].includes(mp2)) errs.push(notSupported(`${path}.mountPropagation`, mp2, ['Bidirectional', 'HostToContainer', 'None']))
    }
  })
}

function quantityOf(v: unknown): Quantity | undefined {
  try {
    return parseQuantity(typeof v === 'number' ? String(v) : str(v))
  } catch {
    return undefined
  }
}

function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/')
}

/** IsExtendedResourceName: a non-native, domain-qualified name that also works as a quota name. */
function isExtendedResource(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false
  return isQualifiedName('requests.' + name).length === 0
}

/** validateContainerResourceName (after validateResourceName). */
function validateResourceName(name: string, path: string, errs: FieldError[]): void {
  const msgs = isQualifiedName(name)
  for (const m of msgs) errs.push(invalid(path, name, m))
  const plain = !name.includes('/')
  if (!msgs.length && plain && !STANDARD_RESOURCES.has(name) && !name.startsWith('hugepages-')) {
    errs.push(invalid(path, name, 'must be a standard resource type or fully qualified'))
  }
  if (plain) {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) errs.push(invalid(path, name, 'must be a standard resource for containers'))
  } else if (!isNativeResource(name) && !isExtendedResource(name)) {
    errs.push(invalid(path, name, "doesn't follow extended resource name standard"))
  }
}

/** ValidateResourceQuantityValue: non-negative; whole numbers for extended resources. */
function validateQuantityValue(name: string, q: Quantity, path: string, errs: FieldError[]): void {
  if (sign(q) < 0) errs.push(invalid(path, formatQuantity(q), 'must be greater than or equal to 0'))
  if (isExtendedResource(name) && milliValue(q) % 1000 !== 0) errs.push(invalid(path, raw(goQuantity(q)), 'must be an integer'))
}

/** validateResourceRequirements: limits, then requests (each ≤ its limit); keys in sorted order. */
export function validateResources(r: unknown, path: string, errs: FieldError[]): void {
  if (!isObj(r)) return
  const limits = isObj(r.limits) ? r.limits : {}
  const requests = isObj(r.requests) ? r.requests : {}
  for (const name of sortedKeys(limits)) {
    const at = `${path}.limits[${name}]`
    validateResourceName(name, at, errs)
    const q = quantityOf(limits[name])
    if (q) validateQuantityValue(name, q, at, errs)
  }
  for (const name of sortedKeys(requests)) {
    const at = `${path}.requests[${name}]`
    validateResourceName(name, at, errs)
    const q = quantityOf(requests[name])
    if (!q) continue
    validateQuantityValue(name, q, at, errs)
    const lim = name in limits ? quantityOf(limits[name]) : undefined
    const overcommit = !name.startsWith('hugepages-') && isNativeResource(name)
    if (lim) {
      if (!overcommit && compareQuantity(q, lim) !== 0) errs.push(invalid(`${path}.requests`, formatQuantity(q), `must be equal to ${name} limit of ${formatQuantity(lim)}`))
      else if (compareQuantity(q, lim) > 0) errs.push(invalid(`${path}.requests`, formatQuantity(q), `must be less than or equal to ${name} limit of ${formatQuantity(lim)}`))
    } else if (!overcommit) errs.push(required(`${path}.limits`, 'Limit must be set for non overcommitable resources'))
  }
}

function validateSeccomp(sp: unknown, path: string, errs: FieldError[]): void {
  if (!isObj(sp)) return
  const t = str(sp.type)
  if (!t) errs.push(required(`${path}.type`, 'type is required when seccompProfile is set'))
  else if (!['Localhost', 'RuntimeDefault', 'Unconfined'].includes(t)) errs.push(notSupported(`${path}.type`, t, ['Localhost', 'RuntimeDefault', 'Unconfined']))
  if (t === 'Localhost') {
    if (sp.localhostProfile == null) errs.push(required(`${path}.localhostProfile`, 'must be set when seccomp type is Localhost'))
    else validateLocalDescendingPath(str(sp.localhostProfile), `${path}.localhostProfile`, errs)
  }
}

/** ValidateSecurityContext (container). */
function validateSecurityContext(sc: unknown, path: string, errs: FieldError[]): void {
  if (!isObj(sc)) return
  for (const k of ['runAsUser', 'runAsGroup']) {
    if (typeof sc[k] === 'number') for (const m of isValidID(sc[k])) errs.push(invalid(`${path}.${k}`, sc[k], m))
  }
  if (sc.procMount != null && !['Default', 'Unmasked'].includes(sc.procMount)) errs.push(notSupported(`${path}.procMount`, str(sc.procMount), ['Default', 'Unmasked']))
  else if (sc.procMount === 'Unmasked') errs.push(forbidden(`${path}.procMount`, '`hostUsers` must be false to use `Unmasked`'))
  validateSeccomp(sc.seccompProfile, `${path}.seccompProfile`, errs)
}

export { validateSeccomp }

function validateHandler(h: J, path: string, ctx: ContainerContext, errs: FieldError[], withSleep: boolean): void {
  const kinds = ['exec', 'httpGet', 'tcpSocket', ...(withSleep ? ['sleep'] : ['grpc'])]
  let n = 0
  for (const k of ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep']) {
    if (!kinds.includes(k) || !isObj(h[k])) continue
    if (n > 0) {
      errs.push(forbidden(`${path}.${k}`, 'may not specify more than 1 handler type'))
      continue
    }
    n++
    const a = h[k]
    if (k === 'exec' && !(isArr(a.command) && a.command.length)) errs.push(required(`${path}.exec.command`))
    if (k === 'httpGet') {
      if (!a.path) errs.push(required(`${path}.httpGet.path`))
      validatePortNumOrName(a.port, `${path}.httpGet.port`, errs)
      if (!['HTTP', 'HTTPS'].includes(a.scheme)) errs.push(notSupported(`${path}.httpGet.scheme`, str(a.scheme), ['HTTP', 'HTTPS']))
    }
    if (k === 'tcpSocket') validatePortNumOrName(a.port, `${path}.tcpSocket.port`, errs)
    if (k === 'grpc') validatePortNumOrName(a.port, `${path}.grpc.port`, errs)
    if (k === 'sleep' && ctx.gracePeriod !== undefined && (a.seconds < 0 || a.seconds > ctx.gracePeriod)) {
      errs.push(invalid(`${path}.sleep`, a.seconds, `must be non-negative and less than terminationGracePeriodSeconds (${ctx.gracePeriod})`))
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a handler type'))
}

function validatePortNumOrName(port: unknown, path: string, errs: FieldError[]): void {
  if (typeof port === 'number') for (const m of isValidPortNum(port)) errs.push(invalid(path, port, m))
  else if (typeof port === 'string') for (const m of isValidPortName(port)) errs.push(invalid(path, port, m))
}

function validateProbe(p: unknown, path: string, ctx: ContainerContext, errs: FieldError[], kind: 'liveness' | 'readiness' | 'startup'): void {
  if (!isObj(p)) return
  validateHandler(p, path, ctx, errs, false)
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) nonNegative(p[k] ?? 0, `${path}.${k}`, errs)
  if (typeof p.terminationGracePeriodSeconds === 'number' && p.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must be greater than 0'))
  }
  if (kind !== 'readiness' && p.successThreshold !== 1) errs.push(invalid(`${path}.successThreshold`, p.successThreshold ?? 0, 'must be 1'))
  if (kind === 'readiness' && p.terminationGracePeriodSeconds != null) errs.push(invalid(`${path}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'))
}

function validateLifecycle(l: unknown, path: string, ctx: ContainerContext, errs: FieldError[]): void {
  if (!isObj(l)) return
  for (const k of ['postStart', 'preStop']) if (isObj(l[k])) validateHandler(l[k], `${path}.${k}`, ctx, errs, true)
}

/** validateContainerCommon. */
function validateContainerCommon(c: J, ctx: ContainerContext, path: string, errs: FieldError[]): void {
  const name = str(c.name)
  if (!name) errs.push(required(`${path}.name`))
  else validateDNSLabelField(name, `${path}.name`, errs)
  if (!str(c.image)) errs.push(required(`${path}.image`))
  const tmp = str(c.terminationMessagePolicy)
  if (!tmp) errs.push(required(`${path}.terminationMessagePolicy`))
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']))
  validatePorts(c.ports, `${path}.ports`, errs)
  validateEnv(c.env, `${path}.env`, errs)
  validateEnvFrom(c.envFrom, `${path}.envFrom`, errs)
  validateVolumeMounts(c.volumeMounts, ctx, `${path}.volumeMounts`, errs)
  const pull = str(c.imagePullPolicy)
  if (!pull) errs.push(required(`${path}.imagePullPolicy`))
  else if (!['Always', 'IfNotPresent', 'Never'].includes(pull)) errs.push(notSupported(`${path}.imagePullPolicy`, pull, ['Always', 'IfNotPresent', 'Never']))
  validateResources(c.resources, `${path}.resources`, errs)
  validateSecurityContext(c.securityContext, `${path}.securityContext`, errs)
}

function validateHostPorts(containers: unknown[], path: string, errs: FieldError[], seen = new Set<string>()): void {
  containers.forEach((c, ci) => {
    if (!isObj(c) || !isArr(c.ports)) return
    c.ports.forEach((p, pi) => {
      if (!isObj(p) || !p.hostPort) return
      const key = `${p.protocol}/${str(p.hostIP)}/${p.hostPort}`
      if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key))
      else seen.add(key)
    })
  })
}

/** validateContainers: the regular containers. */
export function validateContainers(containers: unknown, ctx: ContainerContext, path: string, errs: FieldError[]): void {
  if (!isArr(containers) || containers.length === 0) return void errs.push(required(path))
  const names = new Set<string>()
  containers.forEach((c, i) => {
    if (!isObj(c)) return
    const at = `${path}[${i}]`
    validateContainerCommon(c, ctx, at, errs)
    if (names.has(str(c.name))) errs.push(duplicate(`${at}.name`, str(c.name)))
    else names.add(str(c.name))
    validateLifecycle(c.lifecycle, `${at}.lifecycle`, ctx, errs)
    validateProbe(c.livenessProbe, `${at}.livenessProbe`, ctx, errs, 'liveness')
    validateProbe(c.readinessProbe, `${at}.readinessProbe`, ctx, errs, 'readiness')
    validateProbe(c.startupProbe, `${at}.startupProbe`, ctx, errs, 'startup')
    if (c.restartPolicy != null) errs.push(forbidden(`${at}.restartPolicy`, 'may not be set for non-init containers'))
  })
  validateHostPorts(containers, path, errs)
}

/** validateInitContainers: names unique across both lists; probes only for sidecars (restartPolicy Always). */
export function validateInitContainers(list: unknown, regular: unknown, ctx: ContainerContext, path: string, errs: FieldError[]): void {
  if (!isArr(list)) return
  const names = new Set((isArr(regular) ? regular : []).map((c) => (isObj(c) ? str(c.name) : '')))
  list.forEach((c, i) => {
    if (!isObj(c)) return
    const at = `${path}[${i}]`
    validateContainerCommon(c, ctx, at, errs)
    let sidecar = false
    if (c.restartPolicy != null) {
      if (c.restartPolicy === 'Always') sidecar = true
      else errs.push(notSupported(`${at}.restartPolicy`, str(c.restartPolicy) as BadValue, ['Always']))
    }
    const name = str(c.name)
    if (names.has(name)) errs.push(duplicate(`${at}.name`, name))
    else if (name) names.add(name)
    validateHostPorts([c], path, errs)
    if (sidecar) {
      validateLifecycle(c.lifecycle, `${at}.lifecycle`, ctx, errs)
      validateProbe(c.livenessProbe, `${at}.livenessProbe`, ctx, errs, 'liveness')
      validateProbe(c.readinessProbe, `${at}.readinessProbe`, ctx, errs, 'readiness')
      validateProbe(c.startupProbe, `${at}.startupProbe`, ctx, errs, 'startup')
    } else {
      for (const k of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[k] != null) errs.push(forbidden(`${at}.${k}`, 'may not be set for init containers without restartPolicy=Always'))
      }
    }
  })
}
