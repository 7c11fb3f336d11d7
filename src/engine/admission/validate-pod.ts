// PodSpec, PodTemplateSpec and Pod validation in upstream order (k8s
// pkg/apis/core/validation/validation.go: ValidatePodSpec, ValidatePodTemplateSpec,
// validatePodMetadataAndSpec, ValidatePodCreate, ValidateTolerations,
// validateAffinity, validatePodSpecSecurityContext).
import type { FieldError } from '../api/errors.ts'
import { duplicate, forbidden, invalid, notSupported, required } from './field.ts'
import { inclusiveRangeError, isDNS1123Label, isQualifiedName, isValidID, isValidLabelValue, nameIsDNSSubdomain } from './names.ts'
import { validateContainers, validateInitContainers, validateSeccomp } from './validate-container.ts'
import { validateAnnotations, validateLabelName, validateLabels, validateObjectMeta } from './validate-meta.ts'
import { validateVolumes } from './validate-volume.ts'
import { isArr, isObj, str, type J } from './util.ts'

const MAX_INT32 = 2147483647

function dnsLabel(v: string, path: string, errs: FieldError[]): void {
  for (const m of isDNS1123Label(v)) errs.push(invalid(path, v, m))
}

function subdomainName(v: string, path: string, errs: FieldError[]): void {
  for (const m of nameIsDNSSubdomain(v, false)) errs.push(invalid(path, v, m))
}

function validateTolerations(list: unknown, path: string, errs: FieldError[]): void {
  if (!isArr(list)) return
  list.forEach((t, i) => {
    if (!isObj(t)) return
    const at = `${path}[${i}]`
    const key = str(t.key)
    if (key) validateLabelName(key, `${at}.key`, errs)
    if (!key && t.operator !== 'Exists') errs.push(invalid(`${at}.operator`, str(t.operator), 'operator must be Exists when `key` is empty, which means "match all values and all keys"'))
    if (t.tolerationSeconds != null && t.effect !== 'NoExecute') errs.push(invalid(`${at}.effect`, str(t.effect), "effect must be 'NoExecute' when `tolerationSeconds` is set"))
    const op = str(t.operator)
    if (op === 'Equal' || op === '') {
      const msgs = isValidLabelValue(str(t.value))
      if (msgs.length) errs.push(invalid(`${at}.operator`, str(t.value), msgs.join(';')))
    } else if (op === 'Exists') {
      if (str(t.value)) errs.push(invalid(`${at}.operator`, str(t.value), "value must be empty when `operator` is 'Exists'"))
    } else errs.push(notSupported(`${at}.operator`, op, ['Equal', 'Exists']))
    if (str(t.effect) && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
      errs.push(notSupported(`${at}.effect`, str(t.effect), ['NoSchedule', 'PreferNoSchedule', 'NoExecute']))
    }
  })
}

function validateNodeSelectorTerm(term: J, path: string, errs: FieldError[], checkValues: boolean): void {
  ;(isArr(term.matchExpressions) ? term.matchExpressions : []).forEach((rq, j) => {
    if (!isObj(rq)) return
    const at = `${path}.matchExpressions[${j}]`
    const values = isArr(rq.values) ? rq.values : []
    switch (rq.operator) {
      case 'In':
      case 'NotIn':
        if (!values.length) errs.push(required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"))
        break
      case 'Exists':
      case 'DoesNotExist':
        if (values.length) errs.push(forbidden(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
        break
      case 'Gt':
      case 'Lt':
        if (values.length !== 1) errs.push(required(`${at}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"))
        break
      default:
        errs.push(invalid(`${at}.operator`, str(rq.operator), 'not a valid selector operator'))
    }
    validateLabelName(str(rq.key), `${at}.key`, errs)
    if (checkValues) values.forEach((v, k) => isValidLabelValue(str(v)).forEach((m) => errs.push(invalid(`${at}.values[${k}]`, str(v), m))))
  })
  ;(isArr(term.matchFields) ? term.matchFields : []).forEach((rq, j) => {
    if (!isObj(rq)) return
    const at = `${path}.matchFields[${j}]`
    if (rq.operator !== 'In' && rq.operator !== 'NotIn') errs.push(invalid(`${at}.operator`, str(rq.operator), 'not a valid selector operator'))
    else if (!isArr(rq.values) || rq.values.length !== 1) errs.push(required(`${at}.values`, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"))
    if (rq.key !== 'metadata.name') errs.push(invalid(`${at}.key`, str(rq.key), 'not a valid field selector key'))
  })
}

function validatePodAffinityTerms(terms: unknown, path: string, errs: FieldError[], weighted: boolean): void {
  if (!isArr(terms)) return
  terms.forEach((t, i) => {
    if (!isObj(t)) return
    let at = `${path}[${i}]`
    let term = t
    if (weighted) {
      if (typeof t.weight !== 'number' || t.weight <= 0 || t.weight > 100) errs.push(invalid(`${at}.weight`, t.weight ?? 0, 'must be in the range 1-100'))
      term = isObj(t.podAffinityTerm) ? t.podAffinityTerm : {}
      at = `${at}.podAffinityTerm`
    }
    for (const ns of isArr(term.namespaces) ? term.namespaces : []) dnsLabel(str(ns), `${at}.namespace`, errs)
    if (!term.topologyKey) errs.push(required(`${at}.topologyKey`, 'can not be empty'))
    validateLabelName(str(term.topologyKey), `${at}.topologyKey`, errs)
  })
}

function validateAffinity(a: unknown, path: string, errs: FieldError[]): void {
  if (!isObj(a)) return
  const na = a.nodeAffinity
  if (isObj(na)) {
    const req = na.requiredDuringSchedulingIgnoredDuringExecution
    const at = `${path}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`
    if (isObj(req)) {
      const terms = isArr(req.nodeSelectorTerms) ? req.nodeSelectorTerms : []
      if (!terms.length) errs.push(required(`${at}.nodeSelectorTerms`, 'must have at least one node selector term'))
      terms.forEach((t, i) => isObj(t) && validateNodeSelectorTerm(t, `${at}.nodeSelectorTerms[${i}]`, errs, true))
    }
    const pref = na.preferredDuringSchedulingIgnoredDuringExecution
    if (isArr(pref)) {
      pref.forEach((p, i) => {
        if (!isObj(p)) return
        const pat = `${path}.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[${i}]`
        if (typeof p.weight !== 'number' || p.weight <= 0 || p.weight > 100) errs.push(invalid(`${pat}.weight`, p.weight ?? 0, 'must be in the range 1-100'))
        validateNodeSelectorTerm(isObj(p.preference) ? p.preference : {}, `${pat}.preference`, errs, false)
      })
    }
  }
  for (const k of ['podAffinity', 'podAntiAffinity']) {
    const pa = a[k]
    if (!isObj(pa)) continue
    validatePodAffinityTerms(pa.requiredDuringSchedulingIgnoredDuringExecution, `${path}.${k}.requiredDuringSchedulingIgnoredDuringExecution`, errs, false)
    validatePodAffinityTerms(pa.preferredDuringSchedulingIgnoredDuringExecution, `${path}.${k}.preferredDuringSchedulingIgnoredDuringExecution`, errs, true)
  }
}

function validatePodSecurityContext(sc: unknown, spec: J, path: string, errs: FieldError[]): void {
  if (!isObj(sc)) return
  for (const k of ['fsGroup', 'runAsUser', 'runAsGroup']) {
    if (typeof sc[k] === 'number') for (const m of isValidID(sc[k])) errs.push(invalid(`${path}.${k}`, sc[k], m))
  }
  ;(isArr(sc.supplementalGroups) ? sc.supplementalGroups : []).forEach((g, i) => {
    if (typeof g === 'number') for (const m of isValidID(g)) errs.push(invalid(`${path}.supplementalGroups[${i}]`, g, m))
  })
  if (sc.shareProcessNamespace === true && spec.hostPID === true) errs.push(invalid(`${path}.shareProcessNamespace`, true, 'ShareProcessNamespace and HostPID cannot both be enabled'))
  if (sc.fsGroupChangePolicy != null && !['Always', 'OnRootMismatch'].includes(sc.fsGroupChangePolicy)) {
    errs.push(notSupported(`${path}.fsGroupChangePolicy`, str(sc.fsGroupChangePolicy), ['Always', 'OnRootMismatch']))
  }
  validateSeccomp(sc.seccompProfile, `${path}.seccompProfile`, errs)
}

/** ValidatePodSpec. `isPod`: the spec of a Pod rather than of a template. */
export function validatePodSpec(spec: J, path: string, errs: FieldError[], isPod = false): void {
  if (spec.terminationGracePeriodSeconds == null) errs.push(required(`${path}.terminationGracePeriodSeconds`))
  const volumes = validateVolumes(spec.volumes, `${path}.volumes`, errs)
  const ctx = { volumes, gracePeriod: typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : undefined }
  validateContainers(spec.containers, ctx, `${path}.containers`, errs)
  validateInitContainers(spec.initContainers, spec.containers, ctx, `${path}.initContainers`, errs)
  if (spec.hostNetwork === true && isArr(spec.containers)) {
    spec.containers.forEach((c, i) => {
      ;(isObj(c) && isArr(c.ports) ? c.ports : []).forEach((p, j) => {
        if (isObj(p) && (isPod || p.hostPort) && (p.hostPort ?? 0) !== (p.containerPort ?? 0)) {
          errs.push(invalid(`${path}.containers[${i}].ports[${j}].hostPort`, p.hostPort ?? 0, 'must match `containerPort` when `hostNetwork` is true'))
        }
      })
    })
  }
  const rp = str(spec.restartPolicy)
  if (!rp) errs.push(required(`${path}.restartPolicy`))
  else if (!['Always', 'OnFailure', 'Never'].includes(rp)) errs.push(notSupported(`${path}.restartPolicy`, rp, ['Always', 'OnFailure', 'Never']))
  const dns = str(spec.dnsPolicy)
  if (!dns) errs.push(required(`${path}.dnsPolicy`))
  else if (!['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'].includes(dns)) errs.push(notSupported(`${path}.dnsPolicy`, dns, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']))
  validateLabels(spec.nodeSelector, `${path}.nodeSelector`, errs)
  validatePodSecurityContext(spec.securityContext, spec, `${path}.securityContext`, errs)
  validateAffinity(spec.affinity, `${path}.affinity`, errs)
  if (dns === 'None' && !isObj(spec.dnsConfig)) errs.push(required(`${path}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'))
  ;(isArr(spec.readinessGates) ? spec.readinessGates : []).forEach((g, i) => {
    const t = isObj(g) ? str(g.conditionType) : ''
    for (const m of isQualifiedName(t)) errs.push(invalid(`${path}.readinessGates[${i}].conditionType`, t, m))
  })
  const gates = new Set<string>()
  ;(isArr(spec.schedulingGates) ? spec.schedulingGates : []).forEach((g, i) => {
    const n = isObj(g) ? str(g.name) : ''
    for (const m of isQualifiedName(n)) errs.push(invalid(`${path}.schedulingGates[${i}]`, n, m))
    if (gates.has(n)) errs.push(duplicate(`${path}.schedulingGates[${i}]`, n))
    gates.add(n)
  })
  if (str(spec.serviceAccountName)) subdomainName(spec.serviceAccountName, `${path}.serviceAccountName`, errs)
  if (str(spec.nodeName)) subdomainName(spec.nodeName, `${path}.nodeName`, errs)
  if (typeof spec.activeDeadlineSeconds === 'number' && (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > MAX_INT32)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, inclusiveRangeError(1, MAX_INT32)))
  }
  if (str(spec.hostname)) dnsLabel(spec.hostname, `${path}.hostname`, errs)
  if (str(spec.subdomain)) dnsLabel(spec.subdomain, `${path}.subdomain`, errs)
  validateTolerations(spec.tolerations, `${path}.tolerations`, errs)
  if (str(spec.priorityClassName)) subdomainName(spec.priorityClassName, `${path}.priorityClassName`, errs)
  if (spec.runtimeClassName != null) subdomainName(str(spec.runtimeClassName), `${path}.runtimeClassName`, errs)
  if (spec.preemptionPolicy != null) {
    const pp = str(spec.preemptionPolicy)
    if (!pp) errs.push(required(`${path}.preemptionPolicy`))
    else if (pp !== 'PreemptLowerPriority' && pp !== 'Never') errs.push(notSupported(`${path}.preemptionPolicy`, pp, ['PreemptLowerPriority', 'Never']))
  }
  if (isObj(spec.os) && !['linux', 'windows'].includes(spec.os.name)) errs.push(notSupported(`${path}.os.name`, str(spec.os.name), ['linux', 'windows']))
}

/** ValidatePodTemplateSpec: labels and annotations at `<path>.labels`, then the spec. */
export function validatePodTemplateSpec(tpl: J, path: string, errs: FieldError[]): void {
  const meta = isObj(tpl.metadata) ? tpl.metadata : {}
  validateLabels(meta.labels, `${path}.labels`, errs)
  validateAnnotations(meta.annotations, `${path}.annotations`, errs)
  const spec = isObj(tpl.spec) ? tpl.spec : {}
  validatePodSpec(spec, `${path}.spec`, errs)
  if (isArr(spec.ephemeralContainers) && spec.ephemeralContainers.length) {
    errs.push(forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'))
  }
}

/** validatePodMetadataAndSpec: metadata, spec and the checks for Pods but not templates. */
export function validatePodMetadataAndSpec(pod: J): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain)
  validatePodSpecOfPod(isObj(pod.spec) ? pod.spec : {}, errs)
  return errs
}

/** validatePodMetadataAndSpec after the ObjectMeta: the spec of a Pod. */
function validatePodSpecOfPod(spec: J, errs: FieldError[]): void {
  validatePodSpec(spec, 'spec', errs, true)
  if (!str(spec.serviceAccountName)) {
    ;(isArr(spec.volumes) ? spec.volumes : []).forEach((v, vi) => {
      const sources = isObj(v) && isObj(v.projected) && isArr(v.projected.sources) ? v.projected.sources : []
      sources.forEach((s, si) => {
        if (isObj(s) && isObj(s.serviceAccountToken)) errs.push(forbidden(`spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`, 'must not be specified when serviceAccountName is not set'))
      })
    })
  }
  for (const k of ['containers', 'initContainers']) {
    ;(isArr(spec[k]) ? spec[k] : []).forEach((c: unknown, i: number) => {
      const image = isObj(c) ? str(c.image) : ''
      if (image.length !== image.trim().length) errs.push(invalid(`spec.${k}[${i}].image`, image, 'must not have leading or trailing whitespace'))
    })
  }
}

/** ValidatePodCreate. */
export function validatePodCreate(pod: J): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain)
  validatePodCreateSpec(isObj(pod.spec) ? pod.spec : {}, errs)
  return errs
}

/** ValidatePodCreate after the ObjectMeta (which depends on nothing in the spec). */
export function validatePodCreateSpec(spec: J, errs: FieldError[]): void {
  validatePodSpecOfPod(spec, errs)
  if (isArr(spec.ephemeralContainers) && spec.ephemeralContainers.length) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'))
  if (str(spec.nodeName) && isArr(spec.schedulingGates) && spec.schedulingGates.length) errs.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'))
}
