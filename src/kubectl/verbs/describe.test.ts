// kubectl describe against the research lab (kubectl-output.md §8), at its
// clock Mon, 02 Jun 2025 10:04:35 UTC; texts are the research's real output.
// Jobs, CronJobs and the verb's own behaviour; pods are in describe-pod.test.ts.
import { describe, expect, it } from 'vitest'
import { labCluster } from '../fixtures.ts'
import { kubectl } from '../testkit.ts'

const COUNTDOWN_JOB = `Name:             countdown-job
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=0f6c3a52-8e1b-4c7d-9a2e-5b4d3c2a1f09
Labels:           batch.kubernetes.io/controller-uid=0f6c3a52-8e1b-4c7d-9a2e-5b4d3c2a1f09
                  batch.kubernetes.io/job-name=countdown-job
                  controller-uid=0f6c3a52-8e1b-4c7d-9a2e-5b4d3c2a1f09
                  job-name=countdown-job
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    4
Start Time:       Mon, 02 Jun 2025 09:59:35 +0000
Completed At:     Mon, 02 Jun 2025 09:59:43 +0000
Duration:         8s
Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=0f6c3a52-8e1b-4c7d-9a2e-5b4d3c2a1f09
           batch.kubernetes.io/job-name=countdown-job
           controller-uid=0f6c3a52-8e1b-4c7d-9a2e-5b4d3c2a1f09
           job-name=countdown-job
  Containers:
   countdown:
    Image:      busybox:1.36
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      for i in 3 2 1; do echo $i; sleep 1; done; echo Liftoff!
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type    Reason            Age    From            Message
  ----    ------            ----   ----            -------
  Normal  SuccessfulCreate  5m     job-controller  Created pod: countdown-job-x7k2p
  Normal  Completed         4m52s  job-controller  Job completed
`

const HELLO_CRONJOB = `Name:                          hello
Namespace:                     default
Labels:                        <none>
Annotations:                   <none>
Schedule:                      */1 * * * *
Concurrency Policy:            Allow
Suspend:                       False
Successful Job History Limit:  3
Failed Job History Limit:      1
Starting Deadline Seconds:     <unset>
Selector:                      <unset>
Parallelism:                   <unset>
Completions:                   <unset>
Pod Template:
  Labels:  <none>
  Containers:
   hello:
    Image:      busybox:1.36
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      date; echo Hello from the Kubernetes cluster
    Environment:     <none>
    Mounts:          <none>
  Volumes:           <none>
  Node-Selectors:    <none>
  Tolerations:       <none>
Last Schedule Time:  Mon, 02 Jun 2025 10:04:00 +0000
Active Jobs:         <none>
Events:
  Type    Reason            Age   From                Message
  ----    ------            ----  ----                -------
  Normal  SuccessfulCreate  95s   cronjob-controller  Created job hello-29147643
  Normal  SawCompletedJob   89s   cronjob-controller  Saw completed job: hello-29147643, condition: Complete
  Normal  SuccessfulCreate  35s   cronjob-controller  Created job hello-29147644
  Normal  SawCompletedJob   29s   cronjob-controller  Saw completed job: hello-29147644, condition: Complete
`

const FAIL_JOB_EXCERPTS = [
  `Backoff Limit:    1
Start Time:       Mon, 02 Jun 2025 10:01:15 +0000
Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 2 Failed
`,
  `Events:
  Type     Reason                Age    From            Message
  ----     ------                ----   ----            -------
  Normal   SuccessfulCreate      3m20s  job-controller  Created pod: fail-job-2xk9d
  Normal   SuccessfulCreate      3m8s   job-controller  Created pod: fail-job-h6t4z
  Warning  BackoffLimitExceeded  2m50s  job-controller  Job has reached the specified backoff limit
`,
]

// Whole reports around the research's excerpts; oracle.test.ts checks them against the real client.
const FAIL_JOB = `Name:             fail-job
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=7d2b9e41-3c5a-4f68-b1d0-9e8f7a6b5c4d
Labels:           batch.kubernetes.io/controller-uid=7d2b9e41-3c5a-4f68-b1d0-9e8f7a6b5c4d
                  batch.kubernetes.io/job-name=fail-job
                  controller-uid=7d2b9e41-3c5a-4f68-b1d0-9e8f7a6b5c4d
                  job-name=fail-job
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    1
Start Time:       Mon, 02 Jun 2025 10:01:15 +0000
Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 2 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=7d2b9e41-3c5a-4f68-b1d0-9e8f7a6b5c4d
           batch.kubernetes.io/job-name=fail-job
           controller-uid=7d2b9e41-3c5a-4f68-b1d0-9e8f7a6b5c4d
           job-name=fail-job
  Containers:
   worker:
    Image:      busybox:1.36
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      echo "doing work"; exit 1
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:
  Type     Reason                Age    From            Message
  ----     ------                ----   ----            -------
  Normal   SuccessfulCreate      3m20s  job-controller  Created pod: fail-job-2xk9d
  Normal   SuccessfulCreate      3m8s   job-controller  Created pod: fail-job-h6t4z
  Warning  BackoffLimitExceeded  2m50s  job-controller  Job has reached the specified backoff limit
`

const PAUSED_JOB = `Name:             paused-job
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=a9b8c7d6-e5f4-4321-8765-43210fedcba9
Labels:           batch.kubernetes.io/controller-uid=a9b8c7d6-e5f4-4321-8765-43210fedcba9
                  batch.kubernetes.io/job-name=paused-job
                  controller-uid=a9b8c7d6-e5f4-4321-8765-43210fedcba9
                  job-name=paused-job
Annotations:      <none>
Parallelism:      1
Completions:      3
Completion Mode:  NonIndexed
Suspend:          true
Backoff Limit:    6
Pods Statuses:    0 Active / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  batch.kubernetes.io/controller-uid=a9b8c7d6-e5f4-4321-8765-43210fedcba9
           batch.kubernetes.io/job-name=paused-job
           controller-uid=a9b8c7d6-e5f4-4321-8765-43210fedcba9
           job-name=paused-job
  Containers:
   countdown:
    Image:      busybox:1.36
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      for i in 3 2 1; do echo $i; sleep 1; done; echo Liftoff!
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Events:            <none>
`

describe('kubectl describe (research §8)', () => {
  it('§8.3 describe job (finished, with events)', () => {
    expect(kubectl(labCluster(), ['describe', 'job', 'countdown-job'])).toEqual({ stdout: COUNTDOWN_JOB, stderr: '', code: 0 })
  })
  it('§8.4 describe cronjob', () => {
    expect(kubectl(labCluster(), ['describe', 'cronjob', 'hello'])).toEqual({ stdout: HELLO_CRONJOB, stderr: '', code: 0 })
  })
  it('§8.3 failed job: the research excerpts within the whole report (no Completed At)', () => {
    const out = kubectl(labCluster(), ['describe', 'job', 'fail-job']).stdout
    for (const part of FAIL_JOB_EXCERPTS) expect(FAIL_JOB).toContain(part)
    expect(FAIL_JOB).not.toContain('Completed At:')
    expect(out).toBe(FAIL_JOB)
  })
  it('§8.3 a suspended job that never ran: no Start Time, no (N Ready), Events aligned with Tolerations', () => {
    expect(PAUSED_JOB).toContain('Pods Statuses:    0 Active / 0 Succeeded / 0 Failed\n')
    expect(PAUSED_JOB.endsWith('  Tolerations:     <none>\nEvents:            <none>\n')).toBe(true)
    expect(kubectl(labCluster(), ['describe', 'job', 'paused-job'])).toEqual({ stdout: PAUSED_JOB, stderr: '', code: 0 })
  })
  it('§8.1 timestamps follow the terminal time zone (TZ)', () => {
    const out = kubectl(labCluster(), ['describe', 'job', 'countdown-job'], { env: { TZ: 'Asia/Seoul' } }).stdout
    expect(out).toContain('Start Time:       Mon, 02 Jun 2025 18:59:35 +0900\n')
  })
  it('several objects are separated by two newlines', () => {
    const out = kubectl(labCluster(), ['describe', 'job', 'countdown-job', 'countdown-job']).stdout
    expect(out).toBe(COUNTDOWN_JOB + '\n\n' + COUNTDOWN_JOB)
  })
  it('a name prefix describes every match, each followed by a newline', () => {
    expect(kubectl(labCluster(), ['describe', 'job', 'countdown']).stdout).toBe(COUNTDOWN_JOB + '\n')
  })
  it('§13.1 not found', () => {
    expect(kubectl(labCluster(), ['describe', 'job', 'nope'])).toEqual({ stdout: '', stderr: 'Error from server (NotFound): jobs.batch "nope" not found\n', code: 1 })
  })
  it('§13 unknown type', () => {
    expect(kubectl(labCluster(), ['describe', 'jobz', 'nope'])).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "jobz"\n', code: 1 })
  })
  it('describe without arguments', () => {
    expect(kubectl(labCluster(), ['describe'])).toEqual({
      stdout: '',
      stderr: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      code: 1,
    })
  })
  it('no match for a selector', () => {
    expect(kubectl(labCluster(), ['describe', 'jobs', '-l', 'a=b'])).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', code: 0 })
  })
})

