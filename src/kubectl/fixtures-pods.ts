// The lab's pods and events (research kubectl-output.md §6.3, §8), for tests.
import type { ContainerState, Event, Pod, PodCondition } from '../engine/api/types.ts'
import { rfc3339 } from '../engine/kernel/time.ts'

/** The research lab's clock: Mon, 02 Jun 2025 10:04:35 UTC. */
export const LAB_NOW = Date.UTC(2025, 5, 2, 10, 4, 35)
/** The timestamp `secondsAgo` before LAB_NOW. */
export const at = (secondsAgo: number) => rfc3339(LAB_NOW - secondsAgo * 1000)

const JOB_UIDS: Record<string, string> = {
  'countdown-job': '0f6c3a52-8e1b-4c7d-9a2e-5b4d3c2a1f09',
  'fail-job': '7d2b9e41-3c5a-4f68-b1d0-9e8f7a6b5c4d',
  'retry-job': 'c4e8a1f3-6b2d-4a9e-8f7c-1d3e5b7a9c2f',
  'hello-29147644': '5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716',
}
export const POD_UIDS: Record<string, string> = {
  'countdown-job-x7k2p': '3b1f6c2e-9d4a-4e8b-a7c5-2f1e0d9c8b7a',
  'retry-job-9q8ws': 'e2d4c6b8-a1f3-4e5d-9c7b-6a5f4e3d2c1b',
}
const BUSYBOX_ID = 'docker.io/library/busybox@sha256:7c3c3cea5d4d6133d6a694d23382f6a7b32652f23855abdba3eb039ca5995447'
const NODE = 'lab-worker'

interface PodPlan {
  created: number
  container: string
  command: string[]
  restartPolicy?: 'Never' | 'OnFailure'
  volume: string
  phase: Pod['status']['phase']
  /** 'done' for finished pods, false for a crash-looping one. */
  ready: 'done' | false
  conditionsAt: number
  ip: string
  hostIPs?: boolean
  state: ContainerState
  lastState?: ContainerState
  restarts?: number
  containerID: string
}

function conditions(ready: 'done' | false, t: number, container: string): PodCondition[] {
  const notReady = ready === 'done' ? { reason: 'PodCompleted' } : { reason: 'ContainersNotReady', message: `containers with unready status: [${container}]` }
  return [
    { type: 'PodReadyToStartContainers', status: ready === 'done' ? 'False' : 'True', lastProbeTime: null, lastTransitionTime: at(t) },
    { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: at(t) },
    { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: at(t), ...notReady },
    { type: 'ContainersReady', status: 'False', lastProbeTime: null, lastTransitionTime: at(t), ...notReady },
    { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: at(t) },
  ]
}

const terminated = (reason: string, exitCode: number, started: number, finished: number, id: string): ContainerState => ({
  terminated: { exitCode, reason, startedAt: at(started), finishedAt: at(finished), containerID: id },
})

function pod(name: string, jobName: string, p: PodPlan): Pod {
  const u = JOB_UIDS[jobName]
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: `${jobName}-`,
      namespace: 'default',
      uid: POD_UIDS[name] ?? '7c6b5a49-3827-4165-a4b3-c2d1e0f9a8b7',
      resourceVersion: '',
      creationTimestamp: at(p.created),
      labels: { 'batch.kubernetes.io/controller-uid': u, 'batch.kubernetes.io/job-name': jobName, 'controller-uid': u, 'job-name': jobName },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: jobName, uid: u, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      volumes: [
        {
          name: p.volume,
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
            defaultMode: 420,
          },
        },
      ],
      containers: [
        {
          name: p.container,
          image: 'busybox:1.36',
          command: p.command,
          resources: {},
          volumeMounts: [{ name: p.volume, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: p.restartPolicy ?? 'Never',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      serviceAccount: 'default',
      nodeName: NODE,
      securityContext: {},
      schedulerName: 'default-scheduler',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    },
    status: {
      phase: p.phase,
      conditions: conditions(p.ready, p.conditionsAt, p.container),
      hostIP: '172.18.0.2',
      ...(p.hostIPs ? { hostIPs: [{ ip: '172.18.0.2' }] } : {}),
      podIP: p.ip,
      podIPs: [{ ip: p.ip }],
      startTime: at(p.created),
      containerStatuses: [
        {
          name: p.container,
          state: p.state,
          lastState: p.lastState ?? {},
          ready: false,
          restartCount: p.restarts ?? 0,
          image: 'docker.io/library/busybox:1.36',
          imageID: BUSYBOX_ID,
          containerID: p.containerID,
          started: false,
        },
      ],
      qosClass: 'BestEffort',
    },
  }
}

export function labPods(): Pod[] {
  const failCmd = ['sh', '-c', 'echo "doing work"; exit 1']
  const id2 = 'containerd://9e8d7c6b5a49'
  return [
    pod('countdown-job-x7k2p', 'countdown-job', {
      created: 300, container: 'countdown', volume: 'kube-api-access-8xk2f', hostIPs: true, phase: 'Succeeded', ready: 'done', conditionsAt: 299, ip: '10.244.0.15',
      command: ['sh', '-c', 'for i in 3 2 1; do echo $i; sleep 1; done; echo Liftoff!'],
      state: terminated('Completed', 0, 298, 294, 'containerd://4f1c0a7e9b2d'), containerID: 'containerd://4f1c0a7e9b2d',
    }),
    pod('fail-job-2xk9d', 'fail-job', {
      created: 200, container: 'worker', volume: 'kube-api-access-m2w7q', phase: 'Failed', ready: 'done', conditionsAt: 198, ip: '10.244.0.16',
      command: failCmd, state: terminated('Error', 1, 199, 199, id2), containerID: id2,
    }),
    pod('fail-job-h6t4z', 'fail-job', {
      created: 188, container: 'worker', volume: 'kube-api-access-p9v3n', phase: 'Failed', ready: 'done', conditionsAt: 186, ip: '10.244.0.17',
      command: failCmd, state: terminated('Error', 1, 187, 187, id2), containerID: id2,
    }),
    pod('hello-29147644-lq8vn', 'hello-29147644', {
      created: 35, container: 'hello', volume: 'kube-api-access-r4t6y', restartPolicy: 'OnFailure', phase: 'Succeeded', ready: 'done', conditionsAt: 34, ip: '10.244.0.21',
      command: ['sh', '-c', 'date; echo Hello from the Kubernetes cluster'], state: terminated('Completed', 0, 33, 33, id2), containerID: id2,
    }),
    pod('retry-job-9q8ws', 'retry-job', {
      created: 130, container: 'worker', volume: 'kube-api-access-z5c8d', restartPolicy: 'OnFailure', phase: 'Running', ready: false, conditionsAt: 128, ip: '10.244.0.19',
      command: ['sh', '-c', 'exit 1'],
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=worker pod=retry-job-9q8ws_default(e2d4c6b8-a1f3-4e5d-9c7b-6a5f4e3d2c1b)' } },
      lastState: terminated('Error', 1, 26, 25, 'containerd://4f1c0a7e9b2d'), restarts: 3, containerID: id2,
    }),
  ]
}

let eventSeq = 0

function ev(kind: string, name: string, uid: string, type: 'Normal' | 'Warning', reason: string, message: string, first: number, last: number, count: number, component: string, fieldPath?: string): Event {
  eventSeq++
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.17e4${eventSeq.toString(16).padStart(8, '0')}`, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: at(first) },
    involvedObject: { kind, namespace: 'default', name, uid, apiVersion: kind === 'Pod' ? 'v1' : 'batch/v1', ...(fieldPath ? { fieldPath } : {}) },
    reason,
    message,
    source: component === 'kubelet' ? { component, host: NODE } : { component },
    firstTimestamp: at(first),
    lastTimestamp: at(last),
    count,
    type,
    eventTime: null,
    reportingComponent: component,
    reportingInstance: '',
  }
}

export function labEvents(): Event[] {
  eventSeq = 0
  const J = JOB_UIDS
  const H = '11112222-3333-4444-5555-666677778888'
  const cp = POD_UIDS['countdown-job-x7k2p']
  const rp = POD_UIDS['retry-job-9q8ws']
  const c = 'spec.containers{countdown}'
  const w = 'spec.containers{worker}'
  return [
    ev('Job', 'countdown-job', J['countdown-job'], 'Normal', 'SuccessfulCreate', 'Created pod: countdown-job-x7k2p', 300, 300, 1, 'job-controller'),
    ev('Job', 'countdown-job', J['countdown-job'], 'Normal', 'Completed', 'Job completed', 292, 292, 1, 'job-controller'),
    ev('Job', 'fail-job', J['fail-job'], 'Normal', 'SuccessfulCreate', 'Created pod: fail-job-2xk9d', 200, 200, 1, 'job-controller'),
    ev('Job', 'fail-job', J['fail-job'], 'Normal', 'SuccessfulCreate', 'Created pod: fail-job-h6t4z', 188, 188, 1, 'job-controller'),
    ev('Job', 'fail-job', J['fail-job'], 'Warning', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', 170, 170, 1, 'job-controller'),
    ev('CronJob', 'hello', H, 'Normal', 'SuccessfulCreate', 'Created job hello-29147643', 95, 95, 1, 'cronjob-controller'),
    ev('CronJob', 'hello', H, 'Normal', 'SawCompletedJob', 'Saw completed job: hello-29147643, condition: Complete', 89, 89, 1, 'cronjob-controller'),
    ev('CronJob', 'hello', H, 'Normal', 'SuccessfulCreate', 'Created job hello-29147644', 35, 35, 1, 'cronjob-controller'),
    ev('CronJob', 'hello', H, 'Normal', 'SawCompletedJob', 'Saw completed job: hello-29147644, condition: Complete', 29, 29, 1, 'cronjob-controller'),
    ev('Pod', 'countdown-job-x7k2p', cp, 'Normal', 'Scheduled', 'Successfully assigned default/countdown-job-x7k2p to lab-worker', 301, 301, 1, 'default-scheduler'),
    ev('Pod', 'countdown-job-x7k2p', cp, 'Normal', 'Pulling', 'Pulling image "busybox:1.36"', 300, 300, 1, 'kubelet', c),
    ev('Pod', 'countdown-job-x7k2p', cp, 'Normal', 'Pulled', 'Successfully pulled image "busybox:1.36" in 1.03s (1.03s including waiting). Image size: 2160406 bytes.', 299, 299, 1, 'kubelet', c),
    ev('Pod', 'countdown-job-x7k2p', cp, 'Normal', 'Created', 'Created container: countdown', 299, 299, 1, 'kubelet', c),
    ev('Pod', 'countdown-job-x7k2p', cp, 'Normal', 'Started', 'Started container countdown', 299, 299, 1, 'kubelet', c),
    ev('Pod', 'retry-job-9q8ws', rp, 'Normal', 'Scheduled', 'Successfully assigned default/retry-job-9q8ws to lab-worker', 130, 130, 1, 'default-scheduler'),
    ev('Pod', 'retry-job-9q8ws', rp, 'Normal', 'Pulled', 'Container image "busybox:1.36" already present on machine', 129, 26, 4, 'kubelet', w),
    ev('Pod', 'retry-job-9q8ws', rp, 'Normal', 'Created', 'Created container: worker', 129, 26, 4, 'kubelet', w),
    ev('Pod', 'retry-job-9q8ws', rp, 'Normal', 'Started', 'Started container worker', 129, 26, 4, 'kubelet', w),
    ev('Pod', 'retry-job-9q8ws', rp, 'Warning', 'BackOff', `Back-off restarting failed container worker in pod retry-job-9q8ws_default(${rp})`, 110, 12, 6, 'kubelet', w),
  ]
}
