// Create-time admission per kind, in the apiserver's order: defaults (applied
// while decoding), mutating admission plugins, system fields and generated name,
// the strategy's PrepareForCreate, validation, and the strategy's warnings
// (k8s.io/apiserver pkg/registry/generic/registry/store.go Create, rest.BeforeCreate).
import type { FieldError } from '../api/errors.ts'
import type { ApiServer } from '../api/server.ts'
import { copyTemplateLabels, defaultCronJob, defaultJob, prepareJobForCreate } from './defaults-batch.ts'
import { defaultPodSpec } from './defaults-pod.ts'
import { required } from './field.ts'
import { nameIsDNSLabel, nameIsDNSSubdomain } from './names.ts'
import { admitPod, defaultPod, preparePodForCreate } from './pod-admission.ts'
import { validateCronJobCreate } from './validate-cronjob.ts'
import { validateJob } from './validate-job.ts'
import { validateObjectMeta } from './validate-meta.ts'
import { validatePodCreate } from './validate-pod.ts'
import { nameWarning, podSpecWarnings } from './warnings.ts'
import { isArr, isObj, type J } from './util.ts'

export interface Admitted {
  obj: J
  errs: FieldError[]
  warnings: string[]
}

/** FillObjectMetaSystemFields and name generation: uid, and a name from generateName. */
export function assignIdentity(obj: J, api: ApiServer): J {
  const meta: J = { ...obj.metadata }
  if (!meta.name && meta.generateName) {
    do meta.name = api.store.generateName(meta.generateName)
    while (api.store.get(obj.kind, meta.namespace, meta.name))
  }
  meta.uid = api.store.newUid()
  delete meta.deletionTimestamp
  delete meta.deletionGracePeriodSeconds
  delete meta.selfLink
  return { ...obj, metadata: meta }
}

function admitJob(job: J, api: ApiServer): Admitted {
  let out = defaultJob(job)
  out = prepareJobForCreate(assignIdentity(out, api))
  const errs = validateJob(out, true)
  // The apiserver applies defaults again whenever it reads the Job back, so a Job
  // stored without labels shows its template's, generated ones included.
  if (!errs.length) out = copyTemplateLabels(out)
  const warnings = [nameWarning(out.metadata.name), ...podSpecWarnings(out.spec.template?.spec ?? {}, 'spec.template')].filter((w): w is string => !!w)
  return { obj: out, errs, warnings }
}

function admitCronJob(cj: J, api: ApiServer): Admitted {
  const out: J = { ...assignIdentity(defaultCronJob(cj), api), status: {} }
  const errs = validateCronJobCreate(out)
  const warnings = [nameWarning(out.metadata.name), ...podSpecWarnings(out.spec.jobTemplate?.spec?.template?.spec ?? {}, 'spec.jobTemplate.spec.template')].filter((w): w is string => !!w)
  return { obj: out, errs, warnings }
}

/** A Pod: decoding defaults, then ServiceAccount, Priority, DefaultTolerationSeconds, then status. */
export function defaultPodObject(pod: J): J {
  const spec = defaultPod(defaultPodSpec(isObj(pod.spec) ? pod.spec : {}, true) as J)
  return { ...pod, spec }
}

function admitPodObject(pod: J, api: ApiServer): Admitted {
  let out = admitPod(defaultPodObject(pod), api)
  out = preparePodForCreate(assignIdentity(out, api), api.now())
  return { obj: out, errs: validatePodCreate(out), warnings: podSpecWarnings(out.spec, '') }
}

function admitNamespace(ns: J, api: ApiServer): Admitted {
  let out = assignIdentity(ns, api)
  const name = out.metadata.name
  out = {
    ...out,
    metadata: { ...out.metadata, labels: { ...(isObj(out.metadata.labels) ? out.metadata.labels : {}), 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }
  return { obj: out, errs: validateObjectMeta(out.metadata, false, nameIsDNSLabel), warnings: [] }
}

function admitPVC(pvc: J, api: ApiServer): Admitted {
  const spec: J = { ...(isObj(pvc.spec) ? pvc.spec : {}) }
  if (spec.volumeMode == null) spec.volumeMode = 'Filesystem'
  if (!isObj(spec.resources)) spec.resources = {}
  const out: J = { ...assignIdentity({ ...pvc, spec }, api), status: { phase: 'Pending' } }
  const errs = validateObjectMeta(out.metadata, true, nameIsDNSSubdomain)
  if (!(isArr(spec.accessModes) && spec.accessModes.length)) errs.push(required('spec.accessModes', 'at least 1 access mode is required'))
  if (!isObj(spec.resources.requests) || spec.resources.requests.storage == null) errs.push(required('spec.resources[storage]'))
  return { obj: out, errs, warnings: [] }
}

const HANDLERS: Record<string, (o: J, api: ApiServer) => Admitted> = {
  Job: admitJob,
  CronJob: admitCronJob,
  Pod: admitPodObject,
  Namespace: admitNamespace,
  PersistentVolumeClaim: admitPVC,
}

/** Admit a new object of a kind we model; other kinds (Events, Nodes) pass with an identity. */
export function admitCreate(obj: J, api: ApiServer): Admitted {
  const h = HANDLERS[obj.kind]
  if (h) return h(obj, api)
  return { obj: assignIdentity(obj, api), errs: [], warnings: [] }
}
