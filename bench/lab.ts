// The benches' lab: a terminal Session (what the browser worker runs) with
// manifests applied through kubectl, and timing of a piece of work in wall and
// CPU time. Manifests are the seed tutorial's, or built from them.
import { performance } from 'node:perf_hooks'
import type { Job } from '../src/engine/api/types.ts'
import { DAY, MINUTE } from '../src/engine/kernel/time.ts'
import { Session } from '../src/session/index.ts'

export { DAY, MINUTE }

/** The seed tutorial's minutely CronJob (sample-cron-job.yaml), with a schedule and name to vary. */
export function cronJobYaml(name = 'sample-cron-job', schedule = '* * * * *'): string {
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
  schedule: "${schedule}"
  successfulJobsHistoryLimit: 6
  failedJobsHistoryLimit: 6
  jobTemplate:
    spec:
      completions: 1
      ttlSecondsAfterFinished: 270
      template:
        metadata:
          labels:
            color: yellow
        spec:
          containers:
          - name: hello
            image: busybox
            args:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster; sleep 3
          restartPolicy: OnFailure
          nodeSelector:
            kubernetes.io/os: linux
`
}

/** A big indexed-free Job: about 1% of its pods exit 1 ($RANDOM is seeded per container). */
export function bigJobYaml(completions: number, parallelism: number): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: big
spec:
  completions: ${completions}
  parallelism: ${parallelism}
  backoffLimit: ${completions}
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: busybox
        command: ["/bin/sh", "-c", "sleep 2; [ $((RANDOM % 100)) -ne 0 ]"]
`
}

/** Pods that never finish, for listing: `sleep` for a day. */
export function sleepersYaml(n: number): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: sleepers
spec:
  completions: ${n}
  parallelism: ${n}
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: sleep
        image: busybox
        command: ["sleep", "86400"]
`
}

/** A fresh lab with these files in the home directory, each applied with `kubectl apply -f`. */
export function labWith(files: { name: string; data: string }[]): Session {
  const s = new Session({ seed: 1, files })
  for (const f of files) {
    const out = s.runLine(`kubectl apply -f ${f.name}`)
    if (out.code !== 0) throw new Error(`kubectl apply -f ${f.name}: ${out.stderr}`)
  }
  return s
}

export interface Timing {
  /** Wall-clock milliseconds. */
  wall: number
  /** CPU milliseconds of this process (user + system) over the same span. */
  cpu: number
}

export function timed(fn: () => void): Timing {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  fn()
  const wall = performance.now() - t0
  const c = process.cpuUsage(c0)
  return { wall, cpu: (c.user + c.system) / 1000 }
}

/** Advance the lab's clock by `ms`, as the worker does when it plays. */
export function advance(s: Session, ms: number): void {
  s.cluster.runUntil(s.cluster.now() + ms)
}

/** Run until the Job has a Complete or Failed condition; false if `limitMs` of virtual time passed first. */
export function runJobToEnd(s: Session, name: string, limitMs: number): boolean {
  const end = s.cluster.now() + limitMs
  while (s.cluster.now() < end) {
    advance(s, MINUTE)
    const job = s.cluster.store.get<Job>('Job', 'default', name)
    if (job?.status?.conditions?.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')) return true
  }
  return false
}
