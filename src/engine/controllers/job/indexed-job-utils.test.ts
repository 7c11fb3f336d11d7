// Indexed Job helpers, table-driven after k8s pkg/controller/job/indexed_job_utils_test.go
// (TestCalculateSucceededIndexes, TestFirstPendingIndexes, TestAppendDuplicatedIndexPodsForRemoval,
// TestPodGenerateNameWithIndex) and research §5.2 (interval format).
import { describe, expect, it } from 'vitest'
import type { Job, Pod, PodPhase } from '../../api/types.ts'
import {
  appendDuplicatedIndexPodsForRemoval,
  calculateSucceededIndexes,
  firstPendingIndexes,
  intervalsString,
  parseIndexesFromString,
  podGenerateNameWithIndex,
  total,
} from './indexed-job-utils.ts'
import { defaultJob } from './testing.ts'
import { JOB_TRACKING_FINALIZER, isPodActive } from './utils.ts'

const NO_INDEX = '-'
type IndexPhase = [string, PodPhase]

let uid = 0
function hollowPods(descs: IndexPhase[]): Pod[] {
  return descs.map(([index, phase]) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `p${uid}`,
      uid: `u${uid++}`,
      resourceVersion: '1',
      creationTimestamp: '2026-01-01T00:00:00Z',
      finalizers: [JOB_TRACKING_FINALIZER],
      ...(index !== NO_INDEX ? { annotations: { 'batch.kubernetes.io/job-completion-index': index } } : {}),
    },
    spec: { containers: [] },
    status: { phase },
  }))
}

function toIndexPhases(pods: Pod[]): IndexPhase[] {
  return pods.map((p) => [p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'] ?? NO_INDEX, p.status.phase])
}

function indexedJob(completions: number): Job {
  return defaultJob('j', 'default', { completions, completionMode: 'Indexed' })
}

describe('calculateSucceededIndexes (TestCalculateSucceededIndexes)', () => {
  const cases: { want: string; pods: IndexPhase[]; count: number; completions: number }[] = [
    { want: '1', pods: [['1', 'Succeeded']], count: 1, completions: 2 },
    { want: '5,10', pods: [['2', 'Failed'], ['5', 'Succeeded'], ['5', 'Succeeded'], ['10', 'Failed'], ['10', 'Succeeded']], count: 2, completions: 11 },
    { want: '2,3,5-7', pods: [['0', 'Running'], ['1', 'Pending'], ['2', 'Succeeded'], ['3', 'Succeeded'], ['5', 'Succeeded'], ['6', 'Succeeded'], ['7', 'Succeeded']], count: 5, completions: 8 },
    { want: '0-2', pods: [['0', 'Succeeded'], ['1', 'Failed'], ['1', 'Succeeded'], ['2', 'Succeeded'], ['2', 'Succeeded'], ['3', 'Failed']], count: 3, completions: 4 },
    { want: '0,2-5', pods: [['0', 'Succeeded'], ['1', 'Failed'], ['2', 'Succeeded'], ['3', 'Succeeded'], ['4', 'Succeeded'], ['5', 'Succeeded'], [NO_INDEX, 'Succeeded'], ['-2', 'Succeeded']], count: 5, completions: 6 },
    { want: '0-2,4', pods: [['0', 'Succeeded'], ['1', 'Succeeded'], ['2', 'Succeeded'], ['3', 'Failed'], ['4', 'Succeeded'], ['5', 'Succeeded'], [NO_INDEX, 'Succeeded'], ['-2', 'Succeeded']], count: 4, completions: 5 },
  ]
  for (const c of cases) {
    it(c.want, () => {
      const [, got] = calculateSucceededIndexes(indexedJob(c.completions), hollowPods(c.pods))
      expect([intervalsString(got), total(got)]).toEqual([c.want, c.count])
    })
  }
})

describe('firstPendingIndexes (TestFirstPendingIndexes)', () => {
  const cases: { name: string; cnt: number; completions: number; pods?: IndexPhase[]; want: number[] }[] = [
    { name: 'cnt greater than completions', cnt: 5, completions: 3, want: [0, 1, 2] },
    { name: 'cnt less than completions', cnt: 2, completions: 5, want: [0, 1] },
    { name: 'first pods running or succeeded', pods: [['0', 'Running'], ['1', 'Pending'], ['2', 'Failed']], cnt: 3, completions: 10, want: [2, 3, 4] },
    { name: 'last pods running or succeeded', pods: [['4', 'Failed'], ['5', 'Succeeded'], ['6', 'Pending']], cnt: 6, completions: 6, want: [0, 1, 2, 3, 4] },
    { name: 'mixed', pods: [['1', 'Failed'], ['2', 'Succeeded'], ['3', 'Pending'], ['5', 'Failed'], ['5', 'Running'], ['8', 'Pending'], [NO_INDEX, 'Running'], ['-3', 'Running']], cnt: 5, completions: 10, want: [0, 1, 4, 6, 7] },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const job = indexedJob(c.completions)
      const pods = hollowPods(c.pods ?? [])
      const [, succeededIndexes] = calculateSucceededIndexes(job, pods)
      expect(firstPendingIndexes({ job, pods, activePods: pods.filter(isPodActive), succeededIndexes }, c.cnt, c.completions)).toEqual(c.want)
    })
  }
})

describe('appendDuplicatedIndexPodsForRemoval (TestAppendDuplicatedIndexPodsForRemoval)', () => {
  const cases: { name: string; pods: IndexPhase[]; rm: IndexPhase[]; left: IndexPhase[]; completions: number }[] = [
    { name: 'all unique', pods: [[NO_INDEX, 'Pending'], ['2', 'Pending'], ['5', 'Running'], ['6', 'Running']], rm: [[NO_INDEX, 'Pending'], ['6', 'Running']], left: [['2', 'Pending'], ['5', 'Running']], completions: 6 },
    {
      name: 'all with index',
      pods: [['5', 'Pending'], ['0', 'Running'], ['3', 'Pending'], ['0', 'Running'], ['3', 'Running'], ['0', 'Pending'], ['6', 'Running'], ['6', 'Pending']],
      rm: [['0', 'Pending'], ['0', 'Running'], ['3', 'Pending'], ['6', 'Running'], ['6', 'Pending']],
      left: [['0', 'Running'], ['3', 'Running'], ['5', 'Pending']],
      completions: 6,
    },
    {
      name: 'mixed',
      pods: [[NO_INDEX, 'Pending'], ['invalid', 'Running'], ['-2', 'Running'], ['0', 'Pending'], ['1', 'Pending'], ['1', 'Pending'], ['1', 'Running']],
      rm: [[NO_INDEX, 'Pending'], ['invalid', 'Running'], ['-2', 'Running'], ['1', 'Pending'], ['1', 'Pending']],
      left: [['0', 'Pending'], ['1', 'Running']],
      completions: 6,
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const { rm, left } = appendDuplicatedIndexPodsForRemoval(hollowPods(c.pods), c.completions)
      expect([toIndexPhases(rm), toIndexPhases(left)]).toEqual([c.rm, c.left])
    })
  }
})

describe('podGenerateNameWithIndex (TestPodGenerateNameWithIndex)', () => {
  const cases = [
    { name: 'short job name', job: 'indexed-job', want: 'indexed-job-1-' },
    { name: 'job name exceeds MaxGeneneratedNameLength', job: 'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooo', want: 'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-' },
    { name: 'job name with index suffix exceeds MaxGeneratedNameLength', job: 'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhoo', want: 'hhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhhooooohhhhh-1-' },
  ]
  for (const c of cases) it(c.name, () => expect(podGenerateNameWithIndex(c.job, 1)).toBe(c.want))
})

describe('interval strings (research §5.2; parseIndexesFromString)', () => {
  const cases: { name: string; input: string; completions: number; want: string }[] = [
    { name: 'two consecutive indexes print with a comma', input: '1,2', completions: 10, want: '1,2' },
    { name: 'three or more print as a range', input: '1,2,3', completions: 10, want: '1-3' },
    { name: 'adjacent ranges merge', input: '0-2,3,4-5', completions: 10, want: '0-5' },
    { name: 'indexes at or past completions are dropped', input: '1,3-12', completions: 5, want: '1,3,4' },
    { name: 'corrupt parts are skipped', input: 'x,2,a-4,7', completions: 10, want: '2,7' },
  ]
  for (const c of cases) it(c.name, () => expect(intervalsString(parseIndexesFromString(c.input, c.completions))).toBe(c.want))
})
