// The "finished lab" of research kubectl-output.md for tests: five Jobs, their pods, the hello CronJob
// and their events at the research's clock (Mon, 02 Jun 2025 10:04:35 UTC), with exact uids and times.
import { Cluster } from '../engine/cluster.ts'
import type { CronJob, Job, JobCondition, KObject } from '../engine/api/types.ts'
import { pickLog, PodLogs } from '../engine/kubelet/logs.ts'
import type { Pod } from '../engine/api/types.ts'
import { at, LAB_NOW, labEvents, labPods } from './fixtures-pods.ts'

export { labPods, labEvents, LAB_NOW, POD_UIDS } from './fixtures-pods.ts'

export const JOB_UIDS: Record<string, string> = {
  'countdown-job': '0f6c3a52-8e1b-4c7d-9a2e-5b4d3c2a1f09',
  'fail-job': '7d2b9e41-3c5a-4f68-b1d0-9e8f7a6b5c4d',
  'retry-job': 'c4e8a1f3-6b2d-4a9e-8f7c-1d3e5b7a9c2f',
  'paused-job': 'a9b8c7d6-e5f4-4321-8765-43210fedcba9',
  'hello-29147644': '5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716',
}
const HELLO_UID = '11112222-3333-4444-5555-666677778888'
const COUNTDOWN = ['sh', '-c', 'for i in 3 2 1; do echo $i; sleep 1; done; echo Liftoff!']
const HELLO_CMD = ['sh', '-c', 'date; echo Hello from the Kubernetes cluster']

function jobLabels(name: string): Record<string, string> {
  const u = JOB_UIDS[name]
  return { 'batch.kubernetes.io/controller-uid': u, 'batch.kubernetes.io/job-name': name, 'controller-uid': u, 'job-name': name }
}

interface JobPlan {
  created: number
  backoffLimit?: number
  completions?: number
  container?: string
  command: string[]
  restartPolicy?: 'Never' | 'OnFailure'
  suspend?: boolean
  owner?: boolean
  annotations?: Record<string, string>
  status: Job['status']
}

function job(name: string, p: JobPlan): Job {
  const labels = jobLabels(name)
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: 'default',
      uid: JOB_UIDS[name],
      resourceVersion: '',
      generation: 1,
      creationTimestamp: at(p.created),
      labels,
      ...(p.annotations ? { annotations: p.annotations } : {}),
      ...(p.owner ? { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: HELLO_UID, controller: true, blockOwnerDeletion: true }] } : {}),
    },
    spec: {
      parallelism: 1,
      completions: p.completions ?? 1,
      backoffLimit: p.backoffLimit ?? 6,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': JOB_UIDS[name] } },
      template: {
        metadata: { creationTimestamp: null, labels } as unknown as Job['spec']['template']['metadata'],
        spec: {
          containers: [
            {
              name: p.container ?? 'countdown',
              image: 'busybox:1.36',
              command: p.command,
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              imagePullPolicy: 'IfNotPresent',
            },
          ],
          restartPolicy: p.restartPolicy ?? 'Never',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          securityContext: {},
          schedulerName: 'default-scheduler',
        },
      },
      completionMode: 'NonIndexed',
      suspend: !!p.suspend,
      podReplacementPolicy: 'TerminatingOrFailed',
    },
    status: p.status,
  }
}

const cond = (type: JobCondition['type'], t: number, reason: string, message: string): JobCondition => ({ type, status: 'True', lastProbeTime: at(t), lastTransitionTime: at(t), reason, message })

export function labJobs(): Job[] {
  const done = (t: number) => [cond('SuccessCriteriaMet', t, 'CompletionsReached', 'Reached expected number of succeeded pods'), cond('Complete', t, 'CompletionsReached', 'Reached expected number of succeeded pods')]
  return [
    job('countdown-job', {
      created: 300,
      backoffLimit: 4,
      command: COUNTDOWN,
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration':
          '{"apiVersion":"batch/v1","kind":"Job","metadata":{"annotations":{},"name":"countdown-job","namespace":"default"},"spec":{"backoffLimit":4,"template":{"spec":{"containers":[{"command":["sh","-c","for i in 3 2 1; do echo $i; sleep 1; done; echo Liftoff!"],"image":"busybox:1.36","name":"countdown"}],"restartPolicy":"Never"}}}}\n',
      },
      status: { conditions: done(292), startTime: at(300), completionTime: at(292), succeeded: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 },
    }),
    job('fail-job', {
      created: 200,
      backoffLimit: 1,
      container: 'worker',
      command: ['sh', '-c', 'echo "doing work"; exit 1'],
      status: {
        conditions: [cond('FailureTarget', 170, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'), cond('Failed', 170, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit')],
        startTime: at(200),
        failed: 2,
        terminating: 0,
        uncountedTerminatedPods: {},
        ready: 0,
      },
    }),
    job('hello-29147644', {
      created: 35,
      container: 'hello',
      command: HELLO_CMD,
      restartPolicy: 'OnFailure',
      owner: true,
      status: { conditions: done(30), startTime: at(35), completionTime: at(30), succeeded: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 },
    }),
    job('paused-job', {
      created: 45,
      suspend: true,
      command: COUNTDOWN,
      completions: 3,
      status: { conditions: [cond('Suspended', 45, 'JobSuspended', 'Job suspended')] },
    }),
    job('retry-job', {
      created: 130,
      container: 'worker',
      restartPolicy: 'OnFailure',
      command: ['sh', '-c', 'exit 1'],
      status: { startTime: at(130), active: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 },
    }),
  ]
}

export function labCronJob(): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default', uid: HELLO_UID, resourceVersion: '', generation: 1, creationTimestamp: at(600) },
    spec: {
      schedule: '*/1 * * * *',
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { creationTimestamp: null } as unknown as CronJob['spec']['jobTemplate']['metadata'],
        spec: {
          template: {
            metadata: { creationTimestamp: null } as unknown as CronJob['spec']['jobTemplate']['spec']['template']['metadata'],
            spec: {
              containers: [{ name: 'hello', image: 'busybox:1.36', command: HELLO_CMD, resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' }],
              restartPolicy: 'OnFailure',
              terminationGracePeriodSeconds: 30,
              dnsPolicy: 'ClusterFirst',
              securityContext: {},
              schedulerName: 'default-scheduler',
            },
          },
        },
      },
    },
    status: { lastScheduleTime: at(35), lastSuccessfulTime: at(30) },
  }
}

/** A cluster at LAB_NOW holding the lab's objects with their exact uids and timestamps. */
export function labCluster(): Cluster {
  const c = new Cluster({ start: LAB_NOW })
  putAll(c, [...labJobs(), labCronJob(), ...labPods(), ...labEvents()])
  return c
}

/** What the lab's containers wrote (research §9), per pod: [containerID, text] per instance, oldest first. */
const LAB_LOGS: Record<string, [string, string][]> = {
  'countdown-job-x7k2p': [['containerd://4f1c0a7e9b2d', '3\n2\n1\nLiftoff!\n']],
  'fail-job-2xk9d': [['containerd://9e8d7c6b5a49', 'doing work\n']],
  'fail-job-h6t4z': [['containerd://9e8d7c6b5a49', 'doing work\n']],
  'hello-29147644-lq8vn': [['containerd://9e8d7c6b5a49', 'Mon Jun  2 10:04:02 UTC 2025\nHello from the Kubernetes cluster\n']],
  'retry-job-9q8ws': [['containerd://4f1c0a7e9b2d', '']],
}

/**
 * Serve the lab's logs through Cluster.podLogs, as the kubelets would: the lab's
 * pods run on a node the simulation does not have. Logs are written at their
 * container's start time, one millisecond per line.
 */
export function withLabLogs(c: Cluster): Cluster {
  const byPod = new Map<string, PodLogs>()
  for (const [pod, instances] of Object.entries(LAB_LOGS)) {
    const logs = new PodLogs(() => LAB_NOW - 298_000)
    const container = c.store.get<Pod>('Pod', 'default', pod)!.spec.containers[0].name
    for (const [id, text] of instances) {
      const log = logs.start(container, id)
      log.write('stdout', text)
      log.close()
    }
    byPod.set(pod, logs)
  }
  c.podLogs = (ns, name, container, req = {}) => {
    const pod = c.store.get<Pod>('Pod', ns, name)
    if (!pod) return { ok: false, code: 404, message: `pods ${JSON.stringify(name)} not found` }
    return pickLog(pod, byPod.get(name), container, req)
  }
  return c
}

/** Store objects exactly as given (uid, timestamps), bypassing what create() assigns. */
export function putAll(c: Cluster, objs: readonly KObject[]): void {
  for (const o of objs) {
    const created = c.store.create(o)
    c.store.update({ ...o, metadata: { ...o.metadata, resourceVersion: created.metadata.resourceVersion } })
  }
}

/** Strings that exercise YAML quoting, folding and block scalars, JSON escaping and describe's wrapping. */
const TRICKY: Record<string, string> = {
  'a.example.com/yes': 'yes',
  'a.example.com/no': 'No',
  'a.example.com/on': 'on',
  'a.example.com/tilde': '~',
  'a.example.com/null': 'null',
  'a.example.com/empty': '',
  'a.example.com/int': '010',
  'a.example.com/octal': '0o17',
  'a.example.com/hex': '0x1F',
  'a.example.com/float': '1.5e3',
  'a.example.com/dot-float': '.5',
  'a.example.com/inf': '.inf',
  'a.example.com/date': '2025-06-02',
  'a.example.com/base60': '10:30',
  'a.example.com/colon': 'a: b',
  'a.example.com/hash': 'x #y',
  'a.example.com/leading-hash': '#y',
  'a.example.com/dash': '- x',
  'a.example.com/dash2': '-x',
  'a.example.com/star': '*/5 * * * *',
  'a.example.com/at': '@hourly',
  'a.example.com/quote': "it's \"quoted\"",
  'a.example.com/lead-space': ' padded',
  'a.example.com/trail-space': 'padded ',
  'a.example.com/tab': 'a\tb',
  'a.example.com/html': '<b>&</b>',
  'a.example.com/korean': '카운트다운 작업',
  'a.example.com/emoji': 'rocket 🚀',
  'a.example.com/multi': 'line one\nline two\n',
  'a.example.com/multi-strip': 'line one\nline two',
  'a.example.com/multi-keep': 'line one\n\n',
  'a.example.com/multi-trailing-space': 'line one \nline two',
  'a.example.com/multi-indented': '  indented\nnext',
  'a.example.com/long': 'This is a long annotation value with many words that goes on and on past the eighty column limit of the YAML emitter, so it folds.',
  'a.example.com/long-quoted': 'This value: it has a colon and space so it is single quoted, and it is long enough to be folded by the emitter at eighty columns.',
  'a.example.com/long-nospace': 'x'.repeat(150),
  'Z-upper': 'key sorting',
  'a10': 'natural', 'a9': 'natural', 'a_b': 'underscore',
}

export function trickyJob(): Job {
  const base = labJobs()[0]
  return { ...base, metadata: { ...base.metadata, name: 'tricky', uid: '99999999-0000-4000-8000-000000000001', annotations: TRICKY } }
}
