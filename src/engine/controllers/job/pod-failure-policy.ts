// podFailurePolicy: match a failed pod against the rules, first match wins,
// after k8s pkg/controller/job/pod_failure_policy.go. Only exit codes of
// terminated containers with a non-zero code, and pod conditions, are matched.
import type { ContainerStatus, Pod, PodCondition, PodFailurePolicyRule } from '../../api/types.ts'

export type PodFailurePolicyAction = PodFailurePolicyRule['action']

export interface PodFailurePolicyMatch {
  /** Set when a FailJob rule matched: the Job's failure message. */
  failJobMessage?: string
  /** False when an Ignore rule matched: the failure does not count toward the backoff limits. */
  countFailed: boolean
  action?: PodFailurePolicyAction
}

export function matchPodFailurePolicy(policy: { rules: PodFailurePolicyRule[] } | undefined, pod: Pod): PodFailurePolicyMatch {
  if (!policy) return { countFailed: true }
  const ns = pod.metadata.namespace ?? ''
  const name = pod.metadata.name
  for (let index = 0; index < (policy.rules ?? []).length; index++) {
    const rule = policy.rules[index]
    let failJobMessage: string | undefined
    if (rule.onExitCodes) {
      const cs = matchOnExitCodes(pod, rule.onExitCodes)
      if (!cs) continue
      failJobMessage = `Container ${cs.name} for pod ${ns}/${name} failed with exit code ${cs.state.terminated!.exitCode} matching ${rule.action} rule at index ${index}`
    } else if (rule.onPodConditions) {
      const cond = matchOnPodConditions(pod, rule.onPodConditions)
      if (!cond) continue
      failJobMessage = `Pod ${ns}/${name} has condition ${cond.type} matching ${rule.action} rule at index ${index}`
    } else continue
    switch (rule.action) {
      case 'Ignore':
        return { countFailed: false, action: 'Ignore' }
      case 'FailIndex':
        return { countFailed: true, action: 'FailIndex' }
      case 'Count':
        return { countFailed: true, action: 'Count' }
      case 'FailJob':
        return { failJobMessage, countFailed: true, action: 'FailJob' }
    }
  }
  return { countFailed: true }
}

type ExitCodeRequirement = NonNullable<PodFailurePolicyRule['onExitCodes']>

function matchOnExitCodes(pod: Pod, req: ExitCodeRequirement): ContainerStatus | undefined {
  return matchingContainer(pod.status?.containerStatuses, req) ?? matchingContainer(pod.status?.initContainerStatuses, req)
}

function matchingContainer(statuses: ContainerStatus[] | undefined, req: ExitCodeRequirement): ContainerStatus | undefined {
  for (const cs of statuses ?? []) {
    const t = cs.state?.terminated
    if (!t) continue
    if (req.containerName !== undefined && req.containerName !== null && req.containerName !== cs.name) continue
    if (t.exitCode !== 0 && exitCodeOperatorMatches(t.exitCode, req)) return cs
  }
  return undefined
}

function exitCodeOperatorMatches(code: number, req: ExitCodeRequirement): boolean {
  const values = req.values ?? []
  if (req.operator === 'In') return values.includes(code)
  if (req.operator === 'NotIn') return !values.includes(code)
  return false
}

function matchOnPodConditions(pod: Pod, patterns: { type: string; status?: string }[]): PodCondition | undefined {
  for (const c of pod.status?.conditions ?? []) {
    for (const p of patterns) if (c.type === p.type && c.status === (p.status ?? 'True')) return c
  }
  return undefined
}
