// Label selectors on the apiserver side: ValidateLabelSelector (apimachinery
// pkg/apis/meta/v1/validation), matching a label set, and the %#v dumps of
// v1.LabelSelector and map[string]string that validation errors print.
import { goQuote, type FieldError } from '../api/errors.ts'
import { forbidden, invalid, required } from './field.ts'
import { isValidLabelValue } from './names.ts'
import { validateLabelName, validateLabels } from './validate-meta.ts'
import { isArr, isObj, sortedKeys, str, type J } from './util.ts'

export function validateLabelSelector(sel: unknown, path: string, errs: FieldError[]): void {
  if (!isObj(sel)) return
  validateLabels(sel.matchLabels, `${path}.matchLabels`, errs)
  ;(isArr(sel.matchExpressions) ? sel.matchExpressions : []).forEach((e, i) => {
    if (!isObj(e)) return
    const at = `${path}.matchExpressions[${i}]`
    const values = isArr(e.values) ? e.values : []
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        if (!values.length) errs.push(required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"))
        break
      case 'Exists':
      case 'DoesNotExist':
        if (values.length) errs.push(forbidden(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
        break
      default:
        errs.push(invalid(`${at}.operator`, str(e.operator), 'not a valid selector operator'))
    }
    validateLabelName(str(e.key), `${at}.key`, errs)
    values.forEach((v, j) => isValidLabelValue(str(v)).forEach((m) => errs.push(invalid(`${at}.values[${j}]`, str(v), m))))
  })
}

/** Whether LabelSelectorAsSelector would succeed (it rejects unknown operators). */
export function selectorUsable(sel: unknown): boolean {
  if (!isObj(sel)) return false
  return (isArr(sel.matchExpressions) ? sel.matchExpressions : []).every((e) => isObj(e) && ['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e.operator) && !(['In', 'NotIn'].includes(e.operator) && !(isArr(e.values) && e.values.length)))
}

/** selector.Matches(labels). */
export function selectorMatches(sel: J, labels: J): boolean {
  const ml = isObj(sel.matchLabels) ? sel.matchLabels : {}
  for (const k in ml) if (labels[k] !== ml[k]) return false
  for (const e of isArr(sel.matchExpressions) ? sel.matchExpressions : []) {
    if (!isObj(e)) continue
    const has = Object.prototype.hasOwnProperty.call(labels, e.key)
    const values = isArr(e.values) ? e.values : []
    if (e.operator === 'In' && !(has && values.includes(labels[e.key]))) return false
    if (e.operator === 'NotIn' && has && values.includes(labels[e.key])) return false
    if (e.operator === 'Exists' && !has) return false
    if (e.operator === 'DoesNotExist' && has) return false
  }
  return true
}

/** %#v of a map[string]string. */
export function goStringMap(m: unknown): string {
  if (!isObj(m)) return 'map[string]string(nil)'
  return `map[string]string{${sortedKeys(m).map((k) => `${goQuote(k)}:${goQuote(str(m[k]))}`).join(', ')}}`
}

function goStrings(list: unknown): string {
  return isArr(list) ? `[]string{${list.map((v) => goQuote(str(v))).join(', ')}}` : '[]string(nil)'
}

/** %#v of a v1.LabelSelector value. */
export function goLabelSelector(sel: J): string {
  const exprs = isArr(sel.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions.map((e) => (isObj(e) ? `v1.LabelSelectorRequirement{Key:${goQuote(str(e.key))}, Operator:${goQuote(str(e.operator))}, Values:${goStrings(e.values)}}` : '')).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)'
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}`
}
