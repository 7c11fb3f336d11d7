// CronJob validation (k8s pkg/apis/batch/validation/validation.go:
// ValidateCronJobCreate/Update, validateCronJobSpec, validateScheduleFormat,
// validateTimeZone, ValidateJobTemplateSpec). Schedules are parsed by our
// robfig/cron port in src/engine/cron.
import { StatusError, type FieldError } from '../api/errors.ts'
import { CronError, loadLocation, parseStandard } from '../cron/index.ts'
import { invalid, nonNegative, notSupported, raw, required } from './field.ts'
import { nameIsDNSSubdomain } from './names.ts'
import { goLabelSelector } from './selector.ts'
import { validateJobSpecCommon } from './validate-job.ts'
import { validateObjectMeta, validateObjectMetaUpdate } from './validate-meta.ts'
import { isObj, str, type J } from './util.ts'

const TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/

/** robfig v3.0.1 panics on a TZ= prefix without a space; the apiserver answers with its panic text. */
function panicError(): StatusError {
  const message = 'an error on the server ("This request caused apiserver to panic. Look in the logs for details.") has prevented the request from succeeding (post cronjobs.batch)'
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'InternalError', code: 500 })
}

function validateScheduleFormat(schedule: string, allowTZ: boolean, timeZone: unknown, path: string, errs: FieldError[]): void {
  try {
    parseStandard(schedule)
  } catch (e) {
    if (e instanceof CronError && e.panic) throw panicError()
    errs.push(invalid(path, schedule, (e as Error).message))
  }
  const hasTZ = schedule.includes('TZ')
  if (allowTZ && hasTZ && timeZone != null) errs.push(invalid(path, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'))
  else if (!allowTZ && hasTZ) errs.push(invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'))
}

function validateTimeZone(tz: unknown, path: string, errs: FieldError[]): void {
  if (tz == null) return
  const name = str(tz)
  if (!name) return void errs.push(invalid(path, '', 'timeZone must be nil or non-empty string'))
  for (const part of name.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TZ_PART.test(part)) return void errs.push(invalid(path, name, `unknown time zone ${name}`))
  }
  if (name.toLowerCase() === 'local') errs.push(invalid(path, name, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'))
  try {
    loadLocation(name)
  } catch (e) {
    errs.push(invalid(path, name, (e as Error).message))
  }
}

/** ValidateJobTemplateSpec: the job spec, and no selector of its own. */
function validateJobTemplateSpec(jt: J, path: string, errs: FieldError[]): void {
  const spec = isObj(jt.spec) ? jt.spec : {}
  validateJobSpecCommon(spec, `${path}.spec`, errs)
  if (isObj(spec.selector)) errs.push(invalid(`${path}.spec.selector`, raw(goLabelSelector(spec.selector)), '`selector` will be auto-generated'))
  if (spec.manualSelector === true) errs.push(notSupported(`${path}.spec.manualSelector`, true, ['nil', 'false']))
}

/** validateCronJobSpec; `old` is the stored spec on update. */
export function validateCronJobSpec(spec: J, old: J | undefined, path: string, errs: FieldError[]): void {
  const schedule = str(spec.schedule)
  if (!schedule) errs.push(required(`${path}.schedule`))
  else validateScheduleFormat(schedule, old ? str(old.schedule).includes('TZ') : false, spec.timeZone, `${path}.schedule`, errs)
  if (typeof spec.startingDeadlineSeconds === 'number') nonNegative(spec.startingDeadlineSeconds, `${path}.startingDeadlineSeconds`, errs)
  if (!old || old.timeZone !== spec.timeZone) validateTimeZone(spec.timeZone, `${path}.timeZone`, errs)
  const cp = str(spec.concurrencyPolicy)
  if (!cp) errs.push(required(`${path}.concurrencyPolicy`))
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported(`${path}.concurrencyPolicy`, cp, ['Allow', 'Forbid', 'Replace']))
  validateJobTemplateSpec(isObj(spec.jobTemplate) ? spec.jobTemplate : {}, `${path}.jobTemplate`, errs)
  for (const k of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    if (typeof spec[k] === 'number') nonNegative(spec[k], `${path}.${k}`, errs)
  }
}

/** ValidateCronJobCreate: the 52-character name rule comes last. */
export function validateCronJobCreate(cj: J): FieldError[] {
  const errs = validateObjectMeta(cj.metadata, true, nameIsDNSSubdomain)
  validateCronJobSpec(cj.spec, undefined, 'spec', errs)
  const name = str(cj.metadata.name)
  if (name.length > 52) errs.push(invalid('metadata.name', name, 'must be no more than 52 characters'))
  return errs
}

/** ValidateCronJobUpdate: no name-length rule, so old long names can still be changed. */
export function validateCronJobUpdate(cj: J, old: J): FieldError[] {
  const errs = validateObjectMetaUpdate(cj.metadata, old.metadata)
  validateCronJobSpec(cj.spec, old.spec, 'spec', errs)
  return errs
}

/** WarningsOnCreate / WarningsOnUpdate for TZ in the schedule. */
export function cronJobScheduleWarning(spec: J, update: boolean): string | undefined {
  if (!str(spec.schedule).includes('TZ')) return undefined
  return `cannot use TZ or CRON_TZ in ${update ? 'spec.spec.schedule' : 'spec.schedule'}, use timeZone instead${update ? ', see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details' : ''}`
}
