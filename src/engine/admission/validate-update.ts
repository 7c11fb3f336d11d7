// Update validation: Job (ValidateJobUpdate, ValidateJobSpecUpdate, validateCompletions,
// validatePodTemplateUpdate in k8s pkg/apis/batch/validation/validation.go) and
// Pod (ValidatePodUpdate in pkg/apis/core/validation/validation.go, without
// go-cmp's field diff). Immutable values are printed as the 1.33 apiserver does.
import type { FieldError } from '../api/errors.ts'
import { FIELD_IMMUTABLE, forbidden, invalid, raw, required, type BadValue } from './field.ts'
import { dumpPodTemplateSpec, type AddressSource } from './godump.ts'
import { goLabelSelector } from './selector.ts'
import { goSuccessPolicy, validateJob, validateJobSpec } from './validate-job.ts'
import { validateObjectMetaUpdate } from './validate-meta.ts'
import { validatePodMetadataAndSpec } from './validate-pod.ts'
import { isArr, isObj, jsonEqual, str, type J } from './util.ts'

export interface JobUpdateOptions {
  /** The old template had both batch.kubernetes.io labels. */
  requirePrefixedLabels: boolean
  /** Suspended and never started: scheduling directives of the template may change. */
  mutableSchedulingDirectives: boolean
}

function goPodFailurePolicy(p: J): string {
  let n = 0
  const addr = () => `0xc0${(0x0a3c6000 + 16 * n++).toString(16).padStart(8, '0')}`
  const rules = isArr(p.rules)
    ? `[]batch.PodFailurePolicyRule{${p.rules.map((r) => (isObj(r) ? `batch.PodFailurePolicyRule{Action:${JSON.stringify(str(r.action))}, OnExitCodes:(*batch.PodFailurePolicyOnExitCodesRequirement)(${r.onExitCodes == null ? 'nil' : addr()}), OnPodConditions:${isArr(r.onPodConditions) ? `[]batch.PodFailurePolicyOnPodConditionsPattern{${r.onPodConditions.map((c) => (isObj(c) ? `batch.PodFailurePolicyOnPodConditionsPattern{Type:${JSON.stringify(str(c.type))}, Status:${JSON.stringify(str(c.status))}}` : '')).join(', ')}}` : '[]batch.PodFailurePolicyOnPodConditionsPattern(nil)'}}` : '')).join(', ')}}`
    : '[]batch.PodFailurePolicyRule(nil)'
  return `batch.PodFailurePolicy{Rules:${rules}}`
}

function immutable(path: string, now: unknown, before: unknown, render: (v: unknown) => BadValue, errs: FieldError[]): void {
  if (!jsonEqual(now ?? null, before ?? null)) errs.push(invalid(path, now == null ? null : render(now), FIELD_IMMUTABLE))
}

/** The old template with the directives a suspended, never-started Job may change taken from the new one. */
function mungedOldTemplate(tpl: J, old: J): J {
  const spec: J = { ...old.spec }
  const aff = isObj(tpl.spec?.affinity) ? tpl.spec.affinity : undefined
  const oldAff = isObj(old.spec?.affinity) ? old.spec.affinity : undefined
  if (!aff && oldAff) {
    const rest: J = { ...oldAff }
    delete rest.nodeAffinity
    if (Object.keys(rest).length) spec.affinity = rest
    else delete spec.affinity
  } else if (aff && !oldAff) spec.affinity = aff.nodeAffinity === undefined ? {} : { nodeAffinity: aff.nodeAffinity }
  else if (aff && oldAff) spec.affinity = { ...oldAff, nodeAffinity: aff.nodeAffinity }
  for (const k of ['nodeSelector', 'tolerations', 'schedulingGates']) {
    if (tpl.spec?.[k] === undefined) delete spec[k]
    else spec[k] = tpl.spec[k]
  }
  const meta: J = { ...old.metadata, labels: tpl.metadata?.labels, annotations: tpl.metadata?.annotations }
  for (const k of ['labels', 'annotations']) if (meta[k] === undefined) delete meta[k]
  return { ...old, metadata: meta, spec }
}

/** ValidateJobUpdate (after ValidateJob, as the strategy runs both). */
export function validateJobUpdate(job: J, old: J, opts: JobUpdateOptions, addr: AddressSource): FieldError[] {
  const errs = validateJob(job, opts.requirePrefixedLabels)
  errs.push(...validateObjectMetaUpdate(job.metadata, old.metadata))
  const spec = job.spec
  const before = old.spec
  validateJobSpec(spec, 'spec', errs)
  if (spec.completionMode === 'Indexed') {
    if (!jsonEqual(spec.completions ?? null, before.completions ?? null) && spec.completions != null && spec.completions !== spec.parallelism) {
      errs.push(invalid('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism'))
    }
  } else immutable('spec.completions', spec.completions, before.completions, (v) => v as number, errs)
  immutable('spec.selector', spec.selector, before.selector, (v) => raw(goLabelSelector(v as J)), errs)
  const tpl = isObj(spec.template) ? spec.template : {}
  const oldTpl = opts.mutableSchedulingDirectives ? mungedOldTemplate(tpl, before.template ?? {}) : before.template
  immutable('spec.template', tpl, oldTpl, () => raw(dumpPodTemplateSpec(tpl, addr)), errs)
  immutable('spec.completionMode', spec.completionMode, before.completionMode, (v) => str(v), errs)
  immutable('spec.podFailurePolicy', spec.podFailurePolicy, before.podFailurePolicy, (v) => raw(goPodFailurePolicy(v as J)), errs)
  immutable('spec.backoffLimitPerIndex', spec.backoffLimitPerIndex, before.backoffLimitPerIndex, (v) => v as number, errs)
  immutable('spec.managedBy', spec.managedBy, before.managedBy, (v) => str(v), errs)
  immutable('spec.successPolicy', spec.successPolicy, before.successPolicy, (v) => raw(goSuccessPolicy(v as J)), errs)
  return errs
}

const UPDATABLE = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
]

function withoutTolerationSeconds(t: unknown): unknown {
  if (!isObj(t)) return t
  const c: J = { ...t }
  delete c.tolerationSeconds
  return c
}

/** ValidatePodUpdate. */
export function validatePodUpdate(pod: J, old: J): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata)
  errs.push(...validatePodMetadataAndSpec(pod))
  const spec = pod.spec
  const before = old.spec
  for (const k of ['containers', 'initContainers']) {
    const a = (isArr(spec[k]) ? spec[k] : []) as J[]
    const b = (isArr(before[k]) ? before[k] : []) as J[]
    if (a.length !== b.length) {
      errs.push(forbidden(`spec.${k}`, 'pod updates may not add or remove containers'))
      return errs
    }
    a.forEach((c: J, i: number) => {
      if (!str(c?.image)) errs.push(required(`spec.${k}[${i}].image`))
      else if (str(c.image).trim().length !== str(c.image).length) errs.push(invalid(`spec.${k}[${i}].image`, str(c.image), 'must not have leading or trailing whitespace'))
    })
  }
  const ads = spec.activeDeadlineSeconds
  if (typeof ads === 'number') {
    if (ads < 0 || ads > 2147483647) return [...errs, invalid('spec.activeDeadlineSeconds', ads, 'must be between 0 and 2147483647, inclusive')]
    if (typeof before.activeDeadlineSeconds === 'number' && before.activeDeadlineSeconds < ads) return [...errs, invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value')]
  } else if (before.activeDeadlineSeconds != null) errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'))
  const newTol: unknown[] = (isArr(spec.tolerations) ? spec.tolerations : []).map(withoutTolerationSeconds)
  for (const t of isArr(before.tolerations) ? before.tolerations : []) {
    if (!newTol.some((n) => jsonEqual(n, withoutTolerationSeconds(t)))) {
      errs.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'))
      break
    }
  }
  const munged: J = { ...spec, tolerations: before.tolerations, activeDeadlineSeconds: before.activeDeadlineSeconds, schedulingGates: before.schedulingGates }
  for (const k of ['containers', 'initContainers']) {
    if (isArr(spec[k])) munged[k] = (spec[k] as J[]).map((c, i) => ({ ...c, image: before[k][i]?.image }))
  }
  for (const k of ['tolerations', 'activeDeadlineSeconds', 'schedulingGates']) if (munged[k] === undefined) delete munged[k]
  if (!jsonEqual(munged, before)) errs.push(forbidden('spec', `pod updates may not change fields other than ${UPDATABLE.join(',')}`))
  return errs
}
