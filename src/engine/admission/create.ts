// Create-time admission per kind, in the apiserver's order: defaults (applied
// while decoding), mutating admission plugins, system fields and generated name,
// the strategy's PrepareForCreate, validation, and the strategy's warnings
// (k8s.io/apiserver pkg/registry/generic/registry/store.go Create, rest.BeforeCreate).
//
// Controllers create Jobs and pods from one template over and over. What the
// spec's content alone decides (defaults, validity, QoS class, warnings) is worked
// out once per distinct spec (memo.ts); each object then only gets its identity,
// its metadata checked, and whatever depends on its name. Anything unusual (an
// invalid spec, a selector of its own, a mirror pod) takes the full path, so
// errors come out exactly as before, in upstream order.
import type { FieldError } from '../api/errors.ts'
import type { ApiServer } from '../api/server.ts'
import {
  CONTROLLER_UID_LABEL,
  copyTemplateLabels,
  defaultCronJob,
  defaultJobSpec,
  JOB_NAME_LABEL,
  LEGACY_CONTROLLER_UID_LABEL,
  LEGACY_JOB_NAME_LABEL,
  prepareJobForCreate,
} from './defaults-batch.ts'
import { defaultPodSpec } from './defaults-pod.ts'
import { required } from './field.ts'
import { ContentMemo } from './memo.ts'
import { isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain } from './names.ts'
import { admitPod, defaultPod, podAdmissionEnv, preparePodForCreate, renameTokenVolume, TOKEN_VOLUME_PREFIX, type PodAdmissionEnv } from './pod-admission.ts'
import { podQOSClass } from './qos.ts'
import { validateCronJobCreate } from './validate-cronjob.ts'
import { validateIndexedHostnames, validateJob } from './validate-job.ts'
import { validateObjectMeta } from './validate-meta.ts'
import { validatePodCreate, validatePodCreateSpec } from './validate-pod.ts'
import { nameWarning, podSpecWarnings } from './warnings.ts'
import { isArr, isObj, str, withFields, type J } from './util.ts'

export interface Admitted {
  obj: J
  errs: FieldError[]
  warnings: string[]
}

const CLEARED_ON_CREATE = ['deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink']

/** FillObjectMetaSystemFields and name generation: uid, and a name from generateName. */
export function assignIdentity(obj: J, api: ApiServer): J {
  let name = obj.metadata.name
  if (!name && obj.metadata.generateName) {
    do name = api.store.generateName(obj.metadata.generateName)
    while (api.store.get(obj.kind, obj.metadata.namespace, name))
  }
  const meta = withFields(obj.metadata, name ? { name, uid: api.store.newUid() } : { uid: api.store.newUid() })
  for (const k of CLEARED_ON_CREATE) if (k in meta) delete meta[k]
  return { ...obj, metadata: meta }
}

/** Fast paths are on unless a test compares them with the full path. */
export interface CreateOptions {
  fast?: boolean
}

const GENERATED_LABELS = [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]
const PROBE_UID = '00000000-0000-4000-8000-000000000000'

/** What a Job spec's content alone decides: its defaults, whether it validates, its warnings. */
interface JobPlan {
  spec: J
  /** Valid with a generated selector, whichever name and uid the Job gets (given a valid label value as name). */
  valid: boolean
  warnings: string[]
}

const jobPlans = new ContentMemo<JobPlan>()

function planJob(spec: J): JobPlan {
  const dspec = defaultJobSpec(spec)
  const labels = dspec.template?.metadata?.labels
  const generated = dspec.manualSelector !== true && dspec.selector == null && !(isObj(labels) && GENERATED_LABELS.some((k) => k in labels))
  const probe = prepareJobForCreate({ metadata: { name: 'probe', namespace: 'default', uid: PROBE_UID }, spec: dspec })
  return {
    spec: dspec,
    valid: generated && validateJob(probe, true).length === 0,
    warnings: podSpecWarnings(probe.spec.template?.spec ?? {}, 'spec.template'),
  }
}

function admitJob(job: J, api: ApiServer, opts: CreateOptions): Admitted {
  const spec = isObj(job.spec) ? job.spec : {}
  const plan = opts.fast !== false ? jobPlans.get(spec, () => planJob(spec)) : undefined
  let out = copyTemplateLabels({ ...job, spec: plan ? plan.spec : defaultJobSpec(spec) })
  out = prepareJobForCreate(assignIdentity(out, api))
  let errs: FieldError[]
  const name = str(out.metadata.name)
  if (plan?.valid && !isValidLabelValue(name).length) {
    // The spec is known to be valid; only the metadata and what the name decides remain.
    errs = validateObjectMeta(out.metadata, true, nameIsDNSSubdomain)
    validateIndexedHostnames(out, errs)
  } else errs = validateJob(out, true)
  // The apiserver applies defaults again whenever it reads the Job back, so a Job
  // stored without labels shows its template's, generated ones included.
  if (!errs.length) out = copyTemplateLabels(out)
  const nameWarn = nameWarning(name)
  const specWarnings = plan ? plan.warnings : podSpecWarnings(out.spec.template?.spec ?? {}, 'spec.template')
  return { obj: out, errs, warnings: nameWarn ? [nameWarn, ...specWarnings] : specWarnings }
}

function admitCronJob(cj: J, api: ApiServer): Admitted {
  const out: J = { ...assignIdentity(defaultCronJob(cj), api), status: {} }
  const errs = validateCronJobCreate(out)
  const warnings = [nameWarning(out.metadata.name), ...podSpecWarnings(out.spec.jobTemplate?.spec?.template?.spec ?? {}, 'spec.jobTemplate.spec.template')].filter((w): w is string => !!w)
  return { obj: out, errs, warnings }
}

/** A Pod: decoding defaults, then ServiceAccount, Priority, DefaultTolerationSeconds, then status. */
export function defaultPodObject(pod: J): J {
  return { ...pod, spec: defaultPodSpecOfPod(isObj(pod.spec) ? pod.spec : {}) }
}

function defaultPodSpecOfPod(spec: J): J {
  return defaultPod(defaultPodSpec(spec, true) as J)
}

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror'
const PROBE_TOKEN_VOLUME = TOKEN_VOLUME_PREFIX + 'probe'

/** Admits any pod with no ServiceAccount lookups, and names its token volume alike. */
const PROBE_ENV: PodAdmissionEnv = { serviceAccountExists: () => true, tokenVolumeName: () => PROBE_TOKEN_VOLUME }

/** What a pod spec's content alone decides. */
interface PodPlan {
  defaulted: J
  /**
   * The spec as the plugins leave it (token volume PROBE_TOKEN_VOLUME), when it
   * passes ValidatePodCreate whatever the volume's suffix, and the pod uses the
   * default account (no lookup). Otherwise undefined: the full path.
   */
  admitted?: J
  /** The plugin draws a token volume name (even when every container mounts its own). */
  drawsTokenName: boolean
  qos?: string
  warnings: string[]
}

const podPlans = new ContentMemo<PodPlan>()

/** A volume, mount or device of its own whose name the token volume's could take. */
function namesLikeTokenVolume(spec: J): boolean {
  const like = (x: unknown) => isObj(x) && str(x.name).startsWith(TOKEN_VOLUME_PREFIX)
  if (isArr(spec.volumes) && spec.volumes.some(like)) return true
  for (const k of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of isArr(spec[k]) ? spec[k] : []) {
      if (isObj(c) && ((isArr(c.volumeMounts) && c.volumeMounts.some(like)) || (isArr(c.volumeDevices) && c.volumeDevices.some(like)))) return true
    }
  }
  return false
}

function planPod(spec: J): PodPlan {
  const defaulted = defaultPodSpecOfPod(spec)
  const drawsTokenName = defaulted.automountServiceAccountToken !== false
  let admitted: J
  try {
    admitted = admitPod({ metadata: { name: 'probe', namespace: 'default' }, spec: defaulted }, PROBE_ENV).spec
  } catch {
    return { defaulted, drawsTokenName, warnings: [] }
  }
  const errs: FieldError[] = []
  validatePodCreateSpec(admitted, errs)
  const usable = !errs.length && admitted.serviceAccountName === 'default' && !namesLikeTokenVolume(spec)
  return { defaulted, admitted: usable ? admitted : undefined, drawsTokenName, qos: podQOSClass(admitted), warnings: podSpecWarnings(admitted, '') }
}

const envs = new WeakMap<ApiServer, PodAdmissionEnv>()

function envFor(api: ApiServer): PodAdmissionEnv {
  let env = envs.get(api)
  if (!env) envs.set(api, (env = podAdmissionEnv(api)))
  return env
}

function admitPodObject(pod: J, api: ApiServer, opts: CreateOptions): Admitted {
  const spec = isObj(pod.spec) ? pod.spec : {}
  const plan = opts.fast !== false ? podPlans.get(spec, () => planPod(spec)) : undefined
  const env = envFor(api)
  if (plan?.admitted && pod.metadata.annotations?.[MIRROR_ANNOTATION] === undefined) {
    // The plugins' work is known but for the token volume's random name.
    const admitted = plan.drawsTokenName ? renameTokenVolume(plan.admitted, PROBE_TOKEN_VOLUME, env.tokenVolumeName()) : plan.admitted
    const out = preparePodForCreate(assignIdentity({ ...pod, spec: admitted }, api), api.now(), plan.qos)
    return { obj: out, errs: validateObjectMeta(out.metadata, true, nameIsDNSSubdomain), warnings: plan.warnings }
  }
  let out = admitPod({ ...pod, spec: plan ? plan.defaulted : defaultPodSpecOfPod(spec) }, env)
  out = preparePodForCreate(assignIdentity(out, api), api.now(), plan?.qos)
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

const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class'
const BETA_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class'
const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'
const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection'

/** volumeutil.GetDefaultClass: of the classes marked default, the newest (ties: by name). */
function defaultStorageClass(api: ApiServer): string | undefined {
  const marked = api.store
    .list('StorageClass')
    .filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true' || c.metadata.annotations?.[BETA_DEFAULT_CLASS_ANNOTATION] === 'true')
    .sort((a, b) => b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name))
  return marked[0]?.metadata.name
}

/**
 * A claim: decoding defaults, then the DefaultStorageClass plugin (a claim naming no
 * class gets the default one; "" means no class) and StorageObjectInUseProtection
 * (the pvc-protection finalizer), then PrepareForCreate, which clears the status.
 * Claims have no generation (pkg/registry/core/persistentvolumeclaim/strategy.go;
 * plugin/pkg/admission/storage/storageclass/setdefault, storageobjectinuseprotection).
 */
function admitPVC(pvc: J, api: ApiServer): Admitted {
  const spec: J = { ...(isObj(pvc.spec) ? pvc.spec : {}) }
  if (spec.volumeMode == null) spec.volumeMode = 'Filesystem'
  if (!isObj(spec.resources)) spec.resources = {}
  const hasClass = spec.storageClassName != null || pvc.metadata.annotations?.[BETA_CLASS_ANNOTATION] !== undefined
  const defaultClass = hasClass ? undefined : defaultStorageClass(api)
  if (defaultClass !== undefined) spec.storageClassName = defaultClass
  const finalizers: unknown[] = isArr(pvc.metadata.finalizers) ? pvc.metadata.finalizers : []
  const metadata = finalizers.includes(PVC_PROTECTION_FINALIZER) ? pvc.metadata : { ...pvc.metadata, finalizers: [...finalizers, PVC_PROTECTION_FINALIZER] }
  const out: J = { ...assignIdentity({ ...pvc, metadata, spec }, api), status: { phase: 'Pending' } }
  const errs = validateObjectMeta(out.metadata, true, nameIsDNSSubdomain)
  if (!(isArr(spec.accessModes) && spec.accessModes.length)) errs.push(required('spec.accessModes', 'at least 1 access mode is required'))
  if (!isObj(spec.resources.requests) || spec.resources.requests.storage == null) errs.push(required('spec.resources[storage]'))
  return { obj: out, errs, warnings: [] }
}

const HANDLERS: Record<string, (o: J, api: ApiServer, opts: CreateOptions) => Admitted> = {
  Job: admitJob,
  CronJob: admitCronJob,
  Pod: admitPodObject,
  Namespace: admitNamespace,
  PersistentVolumeClaim: admitPVC,
}

/** Admit a new object of a kind we model; other kinds (Events, Nodes) pass with an identity. */
export function admitCreate(obj: J, api: ApiServer, opts: CreateOptions = {}): Admitted {
  const h = HANDLERS[obj.kind]
  if (h) return h(obj, api, opts)
  return { obj: assignIdentity(obj, api), errs: [], warnings: [] }
}
