// The verb registry: one file per verb, one line here per verb.
import type { Verb } from '../context.ts'
import { apiResourcesVerb } from './api-resources.ts'
import { applyVerb } from './apply.ts'
import { clusterInfoVerb } from './cluster-info.ts'
import { configVerb } from './config.ts'
import { createVerb } from './create.ts'
import { deleteVerb } from './delete.ts'
import { eventsVerb } from './events.ts'
import { execVerb } from './exec.ts'
import { explainVerb } from './explain.ts'
import { annotateVerb, labelVerb } from './label.ts'
import { patchVerb } from './patch.ts'
import { runVerb } from './run.ts'
import { versionVerb } from './version.ts'
import { waitVerb } from './wait.ts'
import { describeVerb } from './describe.ts'
import { getVerb } from './get.ts'
import { logsVerb } from './logs.ts'

export const VERBS: Verb[] = [
  getVerb,
  describeVerb,
  logsVerb,
  execVerb,
  eventsVerb,
  applyVerb,
  createVerb,
  runVerb,
  deleteVerb,
  patchVerb,
  labelVerb,
  annotateVerb,
  waitVerb,
  versionVerb,
  apiResourcesVerb,
  clusterInfoVerb,
  configVerb,
  explainVerb,
]

export function findVerb(name: string): Verb | undefined {
  return VERBS.find((v) => v.name === name)
}
