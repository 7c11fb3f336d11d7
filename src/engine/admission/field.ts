// field.Error constructors with the bad value rendered as the 1.33 apiserver
// renders it (k8s.io/apimachinery pkg/util/validation/field/errors.go ErrorBody:
// simple types with %v, strings with %q, everything else with Go's %#v).
import { goQuote, type FieldError } from '../api/errors.ts'

/** A value already rendered in Go syntax (a %#v dump), printed as is. */
export interface GoRaw {
  go: string
}

/** field.OmitValueType: the error prints no value. */
export const OMIT: unique symbol = Symbol('omit')

export type BadValue = string | number | boolean | null | undefined | GoRaw | typeof OMIT

export function raw(go: string): GoRaw {
  return { go }
}

/** ErrorBody's value: strings quoted, numbers and booleans bare, nil as null. */
export function renderValue(v: BadValue): string | undefined {
  if (v === OMIT) return undefined
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return goQuote(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return v.go
}

export function required(field: string, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field, detail }
}

export function invalid(field: string, value: BadValue, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, value: renderValue(value), detail }
}

/** field.NotSupported: the detail lists the valid values, each Go-quoted. */
export function notSupported(field: string, value: BadValue, valid: readonly string[]): FieldError {
  const detail = valid.length ? 'supported values: ' + valid.map((v) => goQuote(v)).join(', ') : ''
  return { type: 'FieldValueNotSupported', field, value: renderValue(value), detail }
}

export function forbidden(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, detail }
}

export function duplicate(field: string, value: BadValue): FieldError {
  return { type: 'FieldValueDuplicate', field, value: renderValue(value) }
}

export function notFound(field: string, value: BadValue): FieldError {
  return { type: 'FieldValueNotFound', field, value: renderValue(value) }
}

/** field.TooLong (1.33): the value is never shown. */
export function tooLong(field: string, max: number): FieldError {
  return { type: 'FieldValueTooLong', field, detail: `may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}` }
}

/** field.TooLongMaxLength as the batch validation of 1.33 still calls it. */
export function tooLongMaxLength(field: string, max: number): FieldError {
  return { type: 'FieldValueTooLong', field, detail: `may not be longer than ${max}` }
}

export function tooMany(field: string, actual: number, max: number): FieldError {
  return { type: 'FieldValueTooMany', field, value: String(actual), detail: `must have at most ${max} ${max === 1 ? 'item' : 'items'}` }
}

/** ValidateNonnegativeField. */
export function nonNegative(value: number, field: string, errs: FieldError[]): void {
  if (value < 0) errs.push(invalid(field, value, 'must be greater than or equal to 0'))
}

export const FIELD_IMMUTABLE = 'field is immutable'
