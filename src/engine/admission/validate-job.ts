// Job validation in upstream order (k8s pkg/apis/batch/validation/validation.go:
// ValidateJob, validateGeneratedSelector, ValidateJobSpec, validateJobSpec,
// validatePodFailurePolicy, validateSuccessPolicy, validatePodReplacementPolicy).
import type { FieldError } from '../api/errors.ts'
import { duplicate, invalid, nonNegative, notSupported, OMIT, raw, required, tooLongMaxLength, tooMany, type BadValue } from './field.ts'
import { CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL } from './defaults-batch.ts'
import { domainPrefixedPathErrors, isDNS1123Label, isQualifiedName, nameIsDNSSubdomain } from './names.ts'
import { goLabelSelector, goStringMap, selectorMatches, selectorUsable, validateLabelSelector } from './selector.ts'
import { validateObjectMeta } from './validate-meta.ts'
import { validatePodTemplateSpec } from './validate-pod.ts'
import { isArr, isObj, str, type J } from './util.ts'

const MAX_PARALLELISM_INDEXED = 100000
const COMPLETIONS_SOFT_LIMIT = 100000
const LIMIT_HIGH_COMPLETIONS = 10000

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined)

/** ValidateHasLabel. */
function hasLabel(meta: J, key: string, want: string, errs: FieldError[]): void {
  const labels = isObj(meta.labels) ? meta.labels : {}
  const path = `spec.template.metadata.labels[${key}]`
  if (!(key in labels)) errs.push(required(path, `must be '${want}'`))
  else if (labels[key] !== want) errs.push(invalid(path, raw(goStringMap(meta.labels)), `must be '${want}'`))
}

/** validateGeneratedSelector. */
function validateGeneratedSelector(job: J, prefixed: boolean, errs: FieldError[]): void {
  const spec = job.spec
  if (spec.manualSelector === true || !isObj(spec.selector)) return
  const { uid, name } = job.metadata
  if (!uid) errs.push(required('metadata.uid'))
  const meta = isObj(spec.template?.metadata) ? spec.template.metadata : {}
  hasLabel(meta, LEGACY_CONTROLLER_UID_LABEL, str(uid), errs)
  hasLabel(meta, LEGACY_JOB_NAME_LABEL, str(name), errs)
  const expected: J = { [LEGACY_CONTROLLER_UID_LABEL]: str(uid), [LEGACY_JOB_NAME_LABEL]: str(name) }
  if (prefixed) {
    hasLabel(meta, CONTROLLER_UID_LABEL, str(uid), errs)
    hasLabel(meta, JOB_NAME_LABEL, str(name), errs)
    expected[CONTROLLER_UID_LABEL] = str(uid)
    expected[JOB_NAME_LABEL] = str(name)
  }
  if (selectorUsable(spec.selector) && !selectorMatches(spec.selector, expected)) {
    errs.push(invalid('spec.selector', raw(goLabelSelector(spec.selector)), '`selector` not auto-generated'))
  }
}

/** parseIndexInterval / validateIndexesFormat: the number of indexes, or the error text. */
export function indexesFormat(s: string, completions: number): number | string {
  if (!s) return 0
  let last: number | undefined
  let total = 0
  for (const interval of s.split(',')) {
    const parts = interval.split('-')
    if (parts.length > 2) return `the fragment ${JSON.stringify(interval)} violates the requirement that an index interval can have at most two parts separated by '-'`
    const nums: number[] = []
    for (const p of parts) {
      if (!/^[+-]?\d+$/.test(p)) return `cannot convert string to integer for index: ${JSON.stringify(p)}`
      const x = Number(p)
      if (x >= completions) return `too large index: ${JSON.stringify(p)}`
      nums.push(x)
    }
    const [x, y = x] = nums
    if (nums.length === 2 && x >= y) return `non-increasing order, previous: ${x}, current: ${y}`
    if (last !== undefined && last >= x) return `non-increasing order, previous: ${last}, current: ${x}`
    total += y - x + 1
    last = y
  }
  return total
}

function validatePodFailurePolicy(spec: J, path: string, errs: FieldError[]): void {
  const rules: unknown[] = isArr(spec.podFailurePolicy.rules) ? spec.podFailurePolicy.rules : []
  if (rules.length > 20) errs.push(tooMany(`${path}.rules`, rules.length, 20))
  const tpl = spec.template?.spec ?? {}
  const names = new Set([...(isArr(tpl.containers) ? tpl.containers : []), ...(isArr(tpl.initContainers) ? tpl.initContainers : [])].map((c) => (isObj(c) ? str(c.name) : '')))
  rules.forEach((rule, i) => {
    if (!isObj(rule)) return
    const at = `${path}.rules[${i}]`
    const action = str(rule.action)
    const actions = ['Count', 'FailIndex', 'FailJob', 'Ignore']
    if (!action) errs.push(required(`${at}.action`, `valid values: ["Count" "FailIndex" "FailJob" "Ignore"]`))
    else if (action === 'FailIndex') {
      if (spec.backoffLimitPerIndex == null) errs.push(invalid(`${at}.action`, action, 'requires the backoffLimitPerIndex to be set'))
    } else if (!actions.includes(action)) errs.push(notSupported(`${at}.action`, action, actions))
    const exit = rule.onExitCodes
    const conds = isArr(rule.onPodConditions) ? rule.onPodConditions : []
    if (isObj(exit)) validateOnExitCodes(exit, `${at}.onExitCodes`, names, errs)
    if (conds.length) {
      if (conds.length > 20) errs.push(tooMany(`${at}.onPodConditions`, conds.length, 20))
      conds.forEach((c, j) => {
        const p = `${at}.onPodConditions[${j}]`
        const type = isObj(c) ? str(c.type) : ''
        for (const m of isQualifiedName(type)) errs.push(invalid(`${p}.type`, type, m))
        const st = isObj(c) ? str(c.status) : ''
        if (!st) errs.push(required(`${p}.status`, 'valid values: ["False" "True" "Unknown"]'))
        else if (!['False', 'True', 'Unknown'].includes(st)) errs.push(notSupported(`${p}.status`, st, ['False', 'True', 'Unknown']))
      })
    }
    if (isObj(exit) && conds.length) errs.push(invalid(at, OMIT, 'specifying both OnExitCodes and OnPodConditions is not supported'))
    if (!isObj(exit) && !conds.length) errs.push(invalid(at, OMIT, 'specifying one of OnExitCodes and OnPodConditions is required'))
  })
}

function goInt32s(values: unknown[]): string {
  return `[]int32{${values.map((v) => String(v)).join(', ')}}`
}

function validateOnExitCodes(e: J, path: string, names: Set<string>, errs: FieldError[]): void {
  const op = str(e.operator)
  if (!op) errs.push(required(`${path}.operator`, 'valid values: ["In" "NotIn"]'))
  else if (op !== 'In' && op !== 'NotIn') errs.push(notSupported(`${path}.operator`, op, ['In', 'NotIn']))
  if (e.containerName != null && !names.has(str(e.containerName))) errs.push(invalid(`${path}.containerName`, str(e.containerName), 'must be one of the container or initContainer names in the pod template'))
  const values = isArr(e.values) ? e.values : []
  if (!values.length) errs.push(invalid(`${path}.values`, raw(isArr(e.values) ? '[]int32{}' : '[]int32(nil)'), 'at least one value is required'))
  else if (values.length > 255) errs.push(tooMany(`${path}.values`, values.length, 255))
  const seen = new Set<unknown>()
  let ordered = true
  values.forEach((v, j) => {
    if (op === 'In' && v === 0) errs.push(invalid(`${path}.values[${j}]`, 0, 'must not be 0 for the In operator'))
    if (seen.has(v)) errs.push(duplicate(`${path}.values[${j}]`, v as BadValue))
    else seen.add(v)
    if (j > 0 && (values[j - 1] as number) > (v as number)) ordered = false
  })
  if (!ordered) errs.push(invalid(`${path}.values`, raw(goInt32s(values)), 'must be ordered'))
}

function validateSuccessPolicy(spec: J, path: string, errs: FieldError[]): void {
  const rules: unknown[] = isArr(spec.successPolicy.rules) ? spec.successPolicy.rules : []
  if (!rules.length) errs.push(required(`${path}.rules`, 'at least one rules must be specified when the successPolicy is specified'))
  if (rules.length > 20) errs.push(tooMany(`${path}.rules`, rules.length, 20))
  const completions = num(spec.completions) ?? 0
  rules.forEach((r, i) => {
    if (!isObj(r)) return
    const at = `${path}.rules[${i}]`
    if (r.succeededCount == null && r.succeededIndexes == null) errs.push(required(at, 'at least one of succeededCount or succeededIndexes must be specified'))
    let total = 0
    if (r.succeededIndexes != null) {
      const si = str(r.succeededIndexes)
      if (si.length > 64 * 1024) errs.push({ type: 'FieldValueTooLong', field: `${at}.succeededIndexes`, detail: 'may not be more than 65536 bytes' })
      const res = indexesFormat(si, completions)
      if (typeof res === 'string') errs.push(invalid(`${at}.succeededIndexes`, si, `error parsing succeededIndexes: ${res}`))
      else total = res
    }
    if (r.succeededCount != null) {
      const c = num(r.succeededCount) ?? 0
      nonNegative(c, `${at}.succeededCount`, errs)
      if (c > completions) errs.push(invalid(`${at}.succeededCount`, c, `must be less than or equal to ${completions} (the number of specified completions)`))
      if (r.succeededIndexes != null && c > total) errs.push(invalid(`${at}.succeededCount`, c, `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`))
    }
  })
}

/** validateJobSpec (the part shared with CronJob job templates). */
export function validateJobSpecCommon(spec: J, path: string, errs: FieldError[]): void {
  for (const k of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex']) {
    if (num(spec[k]) !== undefined) nonNegative(spec[k], `${path}.${k}`, errs)
  }
  if (num(spec.maxFailedIndexes) !== undefined) {
    nonNegative(spec.maxFailedIndexes, `${path}.maxFailedIndexes`, errs)
    if (spec.backoffLimitPerIndex == null) errs.push(required(`${path}.backoffLimitPerIndex`, 'when maxFailedIndexes is specified'))
  }
  if (spec.managedBy != null) {
    const mb = str(spec.managedBy)
    const pathErrs = domainPrefixedPathErrors(mb)
    if (pathErrs === null) errs.push(required(`${path}.managedBy`))
    else for (const [v, m] of pathErrs) errs.push(invalid(`${path}.managedBy`, v, m))
    if (mb.length > 63) errs.push(tooLongMaxLength(`${path}.managedBy`, 63))
  }
  const mode = spec.completionMode
  const indexed = mode === 'Indexed'
  if (mode != null) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(`${path}.completionMode`, str(mode), ['NonIndexed', 'Indexed']))
    if (indexed) validateIndexed(spec, path, errs)
  }
  if (mode == null || mode === 'NonIndexed') {
    if (spec.backoffLimitPerIndex != null) errs.push(invalid(`${path}.backoffLimitPerIndex`, spec.backoffLimitPerIndex, 'requires indexed completion mode'))
    if (spec.maxFailedIndexes != null) errs.push(invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, 'requires indexed completion mode'))
  }
  if (isObj(spec.podFailurePolicy)) validatePodFailurePolicy(spec, `${path}.podFailurePolicy`, errs)
  if (isObj(spec.successPolicy)) {
    if (!indexed) errs.push(invalid(`${path}.successPolicy`, raw(goSuccessPolicy(spec.successPolicy)), 'requires indexed completion mode'))
    else validateSuccessPolicy(spec, `${path}.successPolicy`, errs)
  }
  if (spec.podReplacementPolicy != null) {
    const prp = str(spec.podReplacementPolicy)
    if (spec.podFailurePolicy != null) {
      if (prp !== 'Failed') errs.push(notSupported(`${path}.podReplacementPolicy`, prp, ['Failed']))
    } else if (prp !== 'Failed' && prp !== 'TerminatingOrFailed') errs.push(notSupported(`${path}.podReplacementPolicy`, prp, ['Failed', 'TerminatingOrFailed']))
  }
  const tpl = isObj(spec.template) ? spec.template : {}
  validatePodTemplateSpec(tpl, `${path}.template`, errs)
  const rp = str(tpl.spec?.restartPolicy)
  const rpPath = `${path}.template.spec.restartPolicy`
  if (rp === 'Always' || rp === '') errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'))
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, rp, ['OnFailure', 'Never']))
  else if (spec.podFailurePolicy != null && rp !== 'Never') errs.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'))
}

function validateIndexed(spec: J, path: string, errs: FieldError[]): void {
  const completions = num(spec.completions)
  const parallelism = num(spec.parallelism)
  const mfi = num(spec.maxFailedIndexes)
  if (spec.completions == null) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'))
  if (parallelism !== undefined && parallelism > MAX_PARALLELISM_INDEXED) errs.push(invalid(`${path}.parallelism`, parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`))
  if (completions !== undefined && mfi !== undefined && mfi > completions) errs.push(invalid(`${path}.maxFailedIndexes`, mfi, 'must be less than or equal to completions'))
  if (mfi !== undefined && mfi > 100000) errs.push(invalid(`${path}.maxFailedIndexes`, mfi, 'must be less than or equal to 100000'))
  if (completions !== undefined && completions > COMPLETIONS_SOFT_LIMIT && spec.backoffLimitPerIndex != null) {
    if (mfi === undefined) errs.push(required(`${path}.maxFailedIndexes`, `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`))
    const tail = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`
    if (parallelism !== undefined && parallelism > LIMIT_HIGH_COMPLETIONS) errs.push(invalid(`${path}.parallelism`, parallelism, `must be less than or equal to ${LIMIT_HIGH_COMPLETIONS} ${tail}`))
    if (mfi !== undefined && mfi > LIMIT_HIGH_COMPLETIONS) errs.push(invalid(`${path}.maxFailedIndexes`, mfi, `must be less than or equal to ${LIMIT_HIGH_COMPLETIONS} ${tail}`))
  }
}

/** %#v of the internal batch.SuccessPolicy (its pointers as addresses). */
export function goSuccessPolicy(sp: J): string {
  let n = 0
  const addr = () => `0xc0${(0x0a3c5000 + 16 * n++).toString(16).padStart(8, '0')}`
  const rules = isArr(sp.rules)
    ? `[]batch.SuccessPolicyRule{${sp.rules.map((r) => (isObj(r) ? `batch.SuccessPolicyRule{SucceededIndexes:(*string)(${r.succeededIndexes == null ? 'nil' : addr()}), SucceededCount:(*int32)(${r.succeededCount == null ? 'nil' : addr()})}` : '')).join(', ')}}`
    : '[]batch.SuccessPolicyRule(nil)'
  return `batch.SuccessPolicy{Rules:${rules}}`
}

/** ValidateJobSpec: validateJobSpec plus the selector rules. */
export function validateJobSpec(spec: J, path: string, errs: FieldError[]): void {
  validateJobSpecCommon(spec, path, errs)
  if (!isObj(spec.selector)) errs.push(required(`${path}.selector`))
  else validateLabelSelector(spec.selector, `${path}.selector`, errs)
  if (selectorUsable(spec.selector)) {
    const labels = isObj(spec.template?.metadata?.labels) ? spec.template.metadata.labels : {}
    if (!selectorMatches(spec.selector, labels)) errs.push(invalid(`${path}.template.metadata.labels`, raw(goStringMap(spec.template?.metadata?.labels)), '`selector` does not match template `labels`'))
  }
}

/** ValidateJob. */
export function validateJob(job: J, requirePrefixedLabels: boolean): FieldError[] {
  const errs = validateObjectMeta(job.metadata, true, nameIsDNSSubdomain)
  validateGeneratedSelector(job, requirePrefixedLabels, errs)
  validateJobSpec(job.spec, 'spec', errs)
  validateIndexedHostnames(job, errs)
  return errs
}

/** ValidateJob's last check: an Indexed Job's pods are named, and hostnamed, <job>-<index>. */
export function validateIndexedHostnames(job: J, errs: FieldError[]): void {
  const c = num(job.spec.completions)
  if (job.spec.completionMode === 'Indexed' && c !== undefined && c > 0) {
    const host = `${job.metadata.name}-${c - 1}`
    if (isDNS1123Label(host).length) errs.push(invalid('metadata.name', str(job.metadata.name), `will not able to create pod with invalid DNS label: ${host}`))
  }
}

export { goLabelSelector }
