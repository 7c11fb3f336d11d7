// ObjectMeta validation on create and update, labels and annotations:
// k8s.io/apimachinery pkg/api/validation/objectmeta.go, pkg/apis/meta/v1/validation
// (ValidateLabels, ValidateLabelName) and k8s pkg/apis/core/validation
// (validateKubeFinalizerName).
import type { FieldError } from '../api/errors.ts'
import { FIELD_IMMUTABLE, invalid, forbidden, nonNegative, required, tooLong } from './field.ts'
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel } from './names.ts'
import { isArr, isObj, sortedKeys, str, type J } from './util.ts'

export type NameFn = (name: string, prefix: boolean) => string[]

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion'])
const ANNOTATIONS_LIMIT = 256 * 1024

/** ValidateLabelName: a qualified name. */
export function validateLabelName(key: string, path: string, errs: FieldError[]): void {
  for (const m of isQualifiedName(key)) errs.push(invalid(path, key, m))
}

/** ValidateLabels: keys are qualified names, values valid label values. Keys in sorted order. */
export function validateLabels(labels: unknown, path: string, errs: FieldError[]): void {
  if (!isObj(labels)) return
  let bad = false
  for (const k in labels) {
    if (isQualifiedName(k).length || isValidLabelValue(str(labels[k])).length) {
      bad = true
      break
    }
  }
  if (!bad) return
  for (const k of sortedKeys(labels)) {
    validateLabelName(k, path, errs)
    const v = str(labels[k])
    for (const m of isValidLabelValue(v)) errs.push(invalid(path, v, m))
  }
}

export function validateAnnotations(annotations: unknown, path: string, errs: FieldError[]): void {
  if (!isObj(annotations)) return
  let size = 0
  let bad = false
  for (const k in annotations) {
    if (isQualifiedName(k.toLowerCase()).length) bad = true
    size += k.length + str(annotations[k]).length
  }
  if (bad) for (const k of sortedKeys(annotations)) for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m))
  if (size > ANNOTATIONS_LIMIT) errs.push(tooLong(path, ANNOTATIONS_LIMIT))
}

function validateOwnerReferences(refs: unknown, path: string, errs: FieldError[]): void {
  if (!isArr(refs)) return
  let firstController = ''
  for (const r of refs) {
    if (!isObj(r)) continue
    const apiVersion = str(r.apiVersion)
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion
    if (!version) errs.push(invalid(`${path}.apiVersion`, apiVersion, 'version must not be empty'))
    if (!r.kind) errs.push(invalid(`${path}.kind`, str(r.kind), 'kind must not be empty'))
    if (!r.name) errs.push(invalid(`${path}.name`, str(r.name), 'name must not be empty'))
    if (!r.uid) errs.push(invalid(`${path}.uid`, str(r.uid), 'uid must not be empty'))
    if (r.controller === true) {
      const cur = `${r.kind}/${r.name}`
      if (firstController) errs.push(invalid(path, null, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`))
      else firstController = cur
    }
  }
}

function validateFinalizers(finalizers: unknown, path: string, errs: FieldError[]): void {
  if (!isArr(finalizers)) return
  for (const f of finalizers) for (const m of isQualifiedName(str(f))) errs.push(invalid(path, str(f), m))
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(invalid(path, null, 'finalizer orphan and foregroundDeletion cannot be both set'))
  }
}

/** The core wrapper's extra check: unqualified finalizer names must be standard ones. */
function validateKubeFinalizers(finalizers: unknown, path: string, errs: FieldError[]): void {
  if (!isArr(finalizers)) return
  for (let i = 0; i < finalizers.length; i++) {
    const s = str(finalizers[i])
    const qualified = isQualifiedName(s)
    const standard = s.includes('/') || STANDARD_FINALIZERS.has(s)
    if (!qualified.length && standard) continue
    const p = `${path}[${i}]`
    for (const m of qualified) errs.push(invalid(p, s, m))
    if (!standard) errs.push(invalid(p, s, 'name is neither a standard finalizer name nor is it fully qualified'))
  }
}

/** ValidateObjectMeta (core's wrapper), after name generation. */
export function validateObjectMeta(meta: J, namespaced: boolean, nameFn: NameFn, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = []
  const generateName = str(meta.generateName)
  if (generateName) for (const m of nameFn(generateName, true)) errs.push(invalid(`${path}.generateName`, generateName, m))
  const name = str(meta.name)
  if (!name) errs.push(required(`${path}.name`, 'name or generateName is required'))
  else for (const m of nameFn(name, false)) errs.push(invalid(`${path}.name`, name, m))
  const ns = str(meta.namespace)
  if (namespaced) {
    if (!ns) errs.push(required(`${path}.namespace`))
    else for (const m of nameIsDNSLabel(ns, false)) errs.push(invalid(`${path}.namespace`, ns, m))
  } else if (ns) errs.push(forbidden(`${path}.namespace`, 'not allowed on this type'))
  if (typeof meta.generation === 'number') nonNegative(meta.generation, `${path}.generation`, errs)
  validateLabels(meta.labels, `${path}.labels`, errs)
  validateAnnotations(meta.annotations, `${path}.annotations`, errs)
  validateOwnerReferences(meta.ownerReferences, `${path}.ownerReferences`, errs)
  validateFinalizers(meta.finalizers, `${path}.finalizers`, errs)
  validateKubeFinalizers(meta.finalizers, `${path}.finalizers`, errs)
  return errs
}

/** ValidateObjectMetaUpdate (core's wrapper). The apiserver has already restored uid and timestamps. */
export function validateObjectMetaUpdate(meta: J, old: J, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = []
  if (old.deletionTimestamp && isArr(meta.finalizers)) {
    const before = new Set(isArr(old.finalizers) ? old.finalizers : [])
    const added = meta.finalizers.filter((f) => !before.has(f))
    if (added.length) errs.push(forbidden(`${path}.finalizers`, `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(added.map(str))}`))
  }
  if ((meta.generation ?? 0) < (old.generation ?? 0)) errs.push(invalid(`${path}.generation`, meta.generation ?? 0, 'must not be decremented'))
  if (str(meta.name) !== str(old.name)) errs.push(invalid(`${path}.name`, str(meta.name), FIELD_IMMUTABLE))
  if (str(meta.namespace) !== str(old.namespace)) errs.push(invalid(`${path}.namespace`, str(meta.namespace), FIELD_IMMUTABLE))
  validateLabels(meta.labels, `${path}.labels`, errs)
  validateAnnotations(meta.annotations, `${path}.annotations`, errs)
  validateOwnerReferences(meta.ownerReferences, `${path}.ownerReferences`, errs)
  validateKubeFinalizers(meta.finalizers, `${path}.finalizers`, errs)
  return errs
}

/** Go's %v of a []string: [a b c]. */
export function goStringSlice(list: string[]): string {
  return `[${list.join(' ')}]`
}
