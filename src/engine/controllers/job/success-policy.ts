// successPolicy for Indexed Jobs: the first rule whose succeededIndexes and/or
// succeededCount is satisfied declares the Job successful, after
// k8s pkg/controller/job/success_policy.go.
import type { Job, JobCondition, JobSpec } from '../../api/types.ts'
import { parseIndexesFromString, total, type OrderedIntervals } from './indexed-job-utils.ts'
import { findConditionByType } from './utils.ts'

/** The condition message when a rule matched, or undefined. */
export function matchSuccessPolicy(policy: JobSpec['successPolicy'], completions: number, succeeded: OrderedIntervals): string | undefined {
  if (!policy || succeeded.length === 0) return undefined
  const rules = policy.rules ?? []
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]
    if (rule.succeededIndexes !== undefined && rule.succeededIndexes !== null) {
      const required = parseIndexesFromString(rule.succeededIndexes, completions)
      if (required.length === 0) continue
      if (matchSucceededIndexesRule(required, succeeded, rule.succeededCount)) return `Matched rules at index ${index}`
    } else if (rule.succeededCount !== undefined && rule.succeededCount !== null && total(succeeded) >= rule.succeededCount) {
      return `Matched rules at index ${index}`
    }
  }
  return undefined
}

/** All listed indexes succeeded, or at least `count` of them. */
export function matchSucceededIndexesRule(rule: OrderedIntervals, succeeded: OrderedIntervals, count: number | undefined): boolean {
  let contains = 0, s = 0, r = 0
  while (r < rule.length && s < succeeded.length) {
    const overlap = Math.min(rule[r].last, succeeded[s].last) - Math.max(rule[r].first, succeeded[s].first) + 1
    if (overlap > 0) contains += overlap
    if (succeeded[s].last < rule[r].last) s++
    else if (succeeded[s].last > rule[r].last) r++
    else {
      s++
      r++
    }
  }
  return contains === total(rule) || (count !== undefined && count !== null && contains >= count)
}

export function hasSuccessCriteriaMetCondition(job: Job): JobCondition | undefined {
  const c = findConditionByType(job.status?.conditions, 'SuccessCriteriaMet')
  return c && c.status === 'True' ? c : undefined
}

export function isSuccessCriteriaMetCondition(c: JobCondition | undefined): boolean {
  return !!c && c.type === 'SuccessCriteriaMet' && c.status === 'True'
}
