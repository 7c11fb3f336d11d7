// kubectl figure of issue #7: `kubectl get pods` in the terminal over 5,000 pods
// (a Job of 5,000 sleepers: 215 run on the two workers beside the system pods, the rest wait Pending).
import { median, type Measurement } from './figures.ts'
import { advance, labWith, MINUTE, sleepersYaml, timed } from './lab.ts'

export function kubectlGetPods(): Measurement[] {
  const s = labWith([{ name: 'sleepers.yaml', data: sleepersYaml(5000) }])
  advance(s, 10 * MINUTE)
  // The lab's own pods only: kube-system's and local-path-storage's are not the Job's.
  const pods = s.cluster.store.list('Pod', 'default').length
  if (pods !== 5000) throw new Error(`want 5,000 pods, the Job made ${pods}`)
  const lines = (s.runLine('kubectl get pods').stdout.match(/\n/g) ?? []).length
  if (lines !== 5001) throw new Error(`kubectl get pods printed ${lines} lines, want 5,001`)
  const ts = Array.from({ length: 9 }, () => timed(() => s.runLine('kubectl get pods')))
  return [{ name: 'kubectl: get pods over 5,000 pods', value: median(ts.map((t) => t.wall)), unit: 'ms', budget: { max: 50 }, cpu: median(ts.map((t) => t.cpu)), note: 'median of 9' }]
}
