// Defaulting and create-time preparation for batch/v1 Job and CronJob:
// k8s pkg/apis/batch/v1/defaults.go (SetDefaults_Job, SetDefaults_CronJob,
// SetDefaults_PodFailurePolicyOnPodConditionsPattern) and
// pkg/registry/batch/job/strategy.go (PrepareForCreate, generateSelector).
import { defaultPodTemplate } from './defaults-pod.ts'
import { isArr, isObj, withFields, type J } from './util.ts'

export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name'
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid'
export const LEGACY_JOB_NAME_LABEL = 'job-name'
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid'

function defaultPodFailurePolicy(pfp: unknown): unknown {
  if (!isObj(pfp) || !isArr(pfp.rules)) return pfp
  let changed = false
  const rules = pfp.rules.map((r) => {
    if (!isObj(r) || !isArr(r.onPodConditions)) return r
    const conds = r.onPodConditions.map((c) => (isObj(c) && !c.status ? ((changed = true), { ...c, status: 'True' }) : c))
    return changed ? { ...r, onPodConditions: conds } : r
  })
  return changed ? { ...pfp, rules } : pfp
}

/** SetDefaults_Job on the spec, then the pod template's defaults. */
export function defaultJobSpec(spec: J): J {
  const out: J = { ...spec }
  if (out.completions == null && out.parallelism == null) {
    out.completions = 1
    out.parallelism = 1
  }
  if (out.parallelism == null) out.parallelism = 1
  if (out.backoffLimit == null) out.backoffLimit = out.backoffLimitPerIndex != null ? 2147483647 : 6
  if (out.completionMode == null) out.completionMode = 'NonIndexed'
  if (out.suspend == null) out.suspend = false
  if (out.podFailurePolicy != null) out.podFailurePolicy = defaultPodFailurePolicy(out.podFailurePolicy)
  if (out.podReplacementPolicy == null) out.podReplacementPolicy = out.podFailurePolicy != null ? 'Failed' : 'TerminatingOrFailed'
  if (out.manualSelector == null) out.manualSelector = false
  out.template = defaultPodTemplate(out.template)
  return out
}

function templateLabels(job: J): J | undefined {
  const l = job.spec?.template?.metadata?.labels
  return isObj(l) ? l : undefined
}

/** A Job with no labels takes its pod template's labels (SetDefaults_Job). */
export function copyTemplateLabels(job: J): J {
  const labels = templateLabels(job)
  if (!labels || (isObj(job.metadata.labels) && Object.keys(job.metadata.labels).length)) return job
  return { ...job, metadata: withFields(job.metadata, { labels: withFields(labels, {}) }) }
}

export function defaultJob(job: J): J {
  const spec = isObj(job.spec) ? job.spec : {}
  return copyTemplateLabels({ ...job, spec: defaultJobSpec(spec) })
}

/** PrepareForCreate: the generated selector and template labels (unless manualSelector), a cleared status. */
export function prepareJobForCreate(job: J): J {
  const out: J = withFields(job, { status: {} })
  return out.spec.manualSelector !== true ? generateSelector(out) : out
}

/** generateSelector: the four template labels and the controller-uid selector. */
export function generateSelector(job: J): J {
  const { name, uid } = job.metadata
  const tpl = isObj(job.spec.template) ? job.spec.template : {}
  const meta = isObj(tpl.metadata) ? tpl.metadata : {}
  const labels: J = isObj(meta.labels) ? withFields(meta.labels, {}) : {}
  if (!(LEGACY_JOB_NAME_LABEL in labels)) labels[LEGACY_JOB_NAME_LABEL] = name
  if (!(JOB_NAME_LABEL in labels)) labels[JOB_NAME_LABEL] = name
  if (!(LEGACY_CONTROLLER_UID_LABEL in labels)) labels[LEGACY_CONTROLLER_UID_LABEL] = uid
  if (!(CONTROLLER_UID_LABEL in labels)) labels[CONTROLLER_UID_LABEL] = uid
  const sel = isObj(job.spec.selector) ? job.spec.selector : {}
  const matchLabels: J = isObj(sel.matchLabels) ? withFields(sel.matchLabels, {}) : {}
  if (!(CONTROLLER_UID_LABEL in matchLabels)) matchLabels[CONTROLLER_UID_LABEL] = uid
  return {
    ...job,
    spec: withFields(job.spec, { selector: withFields(sel, { matchLabels }), template: withFields(tpl, { metadata: withFields(meta, { labels }) }) }),
  }
}

/** SetDefaults_CronJob; the job template gets pod-template defaults but no Job defaults. */
export function defaultCronJob(cj: J): J {
  const spec: J = { ...(isObj(cj.spec) ? cj.spec : {}) }
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow'
  if (spec.suspend == null) spec.suspend = false
  if (spec.successfulJobsHistoryLimit == null) spec.successfulJobsHistoryLimit = 3
  if (spec.failedJobsHistoryLimit == null) spec.failedJobsHistoryLimit = 1
  const jt: J = { ...(isObj(spec.jobTemplate) ? spec.jobTemplate : {}) }
  const meta = isObj(jt.metadata) ? jt.metadata : {}
  jt.metadata = 'creationTimestamp' in meta ? meta : { ...meta, creationTimestamp: null }
  const jspec: J = { ...(isObj(jt.spec) ? jt.spec : {}) }
  if (jspec.podFailurePolicy != null) jspec.podFailurePolicy = defaultPodFailurePolicy(jspec.podFailurePolicy)
  jspec.template = defaultPodTemplate(jspec.template)
  jt.spec = jspec
  spec.jobTemplate = jt
  return { ...cj, spec }
}
