// Update-time admission per kind: the decoding defaults again, the strategy's
// PrepareForUpdate (status and generation are the server's), then ValidateUpdate
// (k8s.io/apiserver rest.BeforeUpdate; pkg/registry/batch/{job,cronjob}/strategy.go,
// pkg/registry/core/pod/strategy.go).
import type { ApiServer } from '../api/server.ts'
import type { Admitted } from './create.ts'
import { defaultPodObject } from './create.ts'
import { CONTROLLER_UID_LABEL, copyTemplateLabels, defaultCronJob, defaultJobSpec, JOB_NAME_LABEL } from './defaults-batch.ts'
import { addressSource } from './godump.ts'
import { validateCronJobUpdate } from './validate-cronjob.ts'
import { validateObjectMetaUpdate } from './validate-meta.ts'
import { validateJobUpdate, validatePodUpdate } from './validate-update.ts'
import { podSpecWarnings } from './warnings.ts'
import { isObj, jsonEqual, str, type J } from './util.ts'

/** BeforeUpdate: uid, generation and timestamps are the stored object's. */
function carryMeta(obj: J, old: J): J {
  const meta: J = { ...obj.metadata, generation: old.metadata.generation, creationTimestamp: old.metadata.creationTimestamp }
  if (!meta.uid) meta.uid = old.metadata.uid
  if (meta.generation === undefined) delete meta.generation
  return { ...obj, metadata: meta }
}

function updateJob(job: J, old: J, api: ApiServer): Admitted {
  const out = copyTemplateLabels({ ...carryMeta(job, old), spec: defaultJobSpec(isObj(job.spec) ? job.spec : {}) })
  const oldLabels = old.spec.template?.metadata?.labels ?? {}
  const opts = {
    requirePrefixedLabels: JOB_NAME_LABEL in oldLabels && CONTROLLER_UID_LABEL in oldLabels,
    mutableSchedulingDirectives: old.spec.suspend === true && !old.status?.startTime,
  }
  const addr = addressSource(api.kernel.rng.stream('go-pointers').u32)
  const errs = validateJobUpdate(out, old, opts, addr)
  const changed = !jsonEqual(out.spec, old.spec)
  return { obj: out, errs, warnings: changed ? podSpecWarnings(out.spec.template?.spec ?? {}, 'spec.template') : [] }
}

function updateCronJob(cj: J, old: J): Admitted {
  const out = carryMeta(defaultCronJob(cj), old)
  const errs = validateCronJobUpdate(out, old)
  const warnings: string[] = []
  if (!jsonEqual(out.spec, old.spec)) warnings.push(...podSpecWarnings(out.spec.jobTemplate?.spec?.template?.spec ?? {}, 'spec.jobTemplate.spec.template'))
  if (str(out.spec.schedule).includes('TZ')) {
    warnings.push('cannot use TZ or CRON_TZ in spec.spec.schedule, use timeZone instead, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details')
  }
  return { obj: out, errs, warnings }
}

function updatePod(pod: J, old: J): Admitted {
  const out = carryMeta(defaultPodObject(pod), old)
  return { obj: out, errs: validatePodUpdate(out, old), warnings: [] }
}

export function admitUpdate(obj: J, old: J, api: ApiServer): Admitted {
  switch (obj.kind) {
    case 'Job':
      return updateJob(obj, old, api)
    case 'CronJob':
      return updateCronJob(obj, old)
    case 'Pod':
      return updatePod(obj, old)
    default: {
      const out = carryMeta(obj, old)
      return { obj: out, errs: validateObjectMetaUpdate(out.metadata, old.metadata), warnings: [] }
    }
  }
}
