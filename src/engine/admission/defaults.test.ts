// Defaulting as the apiserver applies it, compared with whole objects: the seed's
// manifests after create (job-controller.md §1, cronjob-controller.md §1,
// kubectl-output.md §10.1), pods after the default admission plugins, and the
// container/volume/QoS tables of pkg/apis/core/v1/defaults_test.go.
import { describe, expect, it } from 'vitest'
import { apiForTest, job, nextUid, pod, tryCreate } from './testkit.ts'
import { defaultPullPolicy } from './image.ts'
import type { J } from './util.ts'

const countdown = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'countdown-job', namespace: 'default' },
  spec: {
    completions: 10,
    parallelism: 4,
    backoffLimit: 3,
    activeDeadlineSeconds: 100,
    ttlSecondsAfterFinished: 240,
    template: {
      metadata: { name: 'countdown-job', labels: { app: 'countdown-job', color: 'aqua' } },
      spec: {
        containers: [{ name: 'counter', image: 'centos:7', command: ['bin/bash', '-c', 'for i in 9 8 7 6 5 4 3 2 1; do echo $i; sleep 2; done'] }],
        restartPolicy: 'OnFailure',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
      },
    },
  },
}

const counterContainer = {
  name: 'counter',
  image: 'centos:7',
  command: ['bin/bash', '-c', 'for i in 9 8 7 6 5 4 3 2 1; do echo $i; sleep 2; done'],
  imagePullPolicy: 'IfNotPresent',
  resources: {},
  terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File',
}

describe('SetDefaults_Job and PrepareForCreate', () => {
  it('the seed countdown-job as stored', () => {
    const uid = nextUid()
    const { api } = apiForTest()
    const labels = { app: 'countdown-job', color: 'aqua' }
    expect(tryCreate(api, countdown, { fieldValidation: 'Strict' }).obj).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'countdown-job', namespace: 'default', uid, resourceVersion: '8', generation: 1, creationTimestamp: '2026-01-01T00:00:00Z', labels },
      spec: {
        completions: 10,
        parallelism: 4,
        backoffLimit: 3,
        activeDeadlineSeconds: 100,
        ttlSecondsAfterFinished: 240,
        completionMode: 'NonIndexed',
        suspend: false,
        manualSelector: false,
        podReplacementPolicy: 'TerminatingOrFailed',
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
        template: {
          metadata: {
            name: 'countdown-job',
            creationTimestamp: null,
            labels: { ...labels, 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'countdown-job', 'controller-uid': uid, 'job-name': 'countdown-job' },
          },
          spec: {
            containers: [counterContainer],
            restartPolicy: 'OnFailure',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            dnsPolicy: 'ClusterFirst',
            schedulerName: 'default-scheduler',
            securityContext: {},
            terminationGracePeriodSeconds: 30,
          },
        },
      },
      status: {},
    })
  })

  it('a Job without labels shows the four generated ones (defaults run again on read)', () => {
    const uid = nextUid()
    const { api } = apiForTest()
    const created = tryCreate(api, job()).obj!
    expect(created.metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' })
  })

  const table: [string, J, J][] = [
    ['neither completions nor parallelism: both 1', {}, { completions: 1, parallelism: 1, backoffLimit: 6 }],
    ['only parallelism: a work queue (completions unset)', { parallelism: 3 }, { parallelism: 3, backoffLimit: 6 }],
    ['only completions: parallelism 1', { completions: 5 }, { completions: 5, parallelism: 1, backoffLimit: 6 }],
    ['backoffLimitPerIndex: backoffLimit MaxInt32', { completions: 3, completionMode: 'Indexed', backoffLimitPerIndex: 1 }, { completions: 3, parallelism: 1, backoffLimit: 2147483647, completionMode: 'Indexed', backoffLimitPerIndex: 1 }],
  ]
  for (const [name, spec, want] of table) {
    it(name, () => {
      const s = tryCreate(apiForTest().api, job(spec)).obj!.spec as J
      expect({ completions: s.completions, parallelism: s.parallelism, backoffLimit: s.backoffLimit, ...(s.completionMode === 'Indexed' ? { completionMode: 'Indexed', backoffLimitPerIndex: s.backoffLimitPerIndex } : {}) }).toEqual(want)
    })
  }

  it('podFailurePolicy: podReplacementPolicy Failed, onPodConditions status True', () => {
    const s = tryCreate(apiForTest().api, job({ podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } })).obj!.spec as J
    expect([s.podReplacementPolicy, s.podFailurePolicy]).toEqual(['Failed', { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] }])
  })
})

describe('SetDefaults_CronJob', () => {
  it('the seed sample-cron-job as stored: CronJob defaults, pod defaults in the template, no Job defaults', () => {
    const uid = nextUid()
    const { api } = apiForTest()
    const cj = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'sample-cron-job', namespace: 'default' },
      spec: {
        schedule: '* * * * *',
        successfulJobsHistoryLimit: 6,
        failedJobsHistoryLimit: 6,
        jobTemplate: {
          spec: {
            completions: 1,
            ttlSecondsAfterFinished: 270,
            template: {
              metadata: { labels: { color: 'yellow' } },
              spec: {
                containers: [{ name: 'hello', image: 'busybox', args: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster; sleep 3'] }],
                restartPolicy: 'OnFailure',
                nodeSelector: { 'kubernetes.io/os': 'linux' },
              },
            },
          },
        },
      },
    }
    expect(tryCreate(api, cj, { fieldValidation: 'Strict' }).obj).toEqual({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'sample-cron-job', namespace: 'default', uid, resourceVersion: '8', generation: 1, creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: {
        schedule: '* * * * *',
        concurrencyPolicy: 'Allow',
        suspend: false,
        successfulJobsHistoryLimit: 6,
        failedJobsHistoryLimit: 6,
        jobTemplate: {
          metadata: { creationTimestamp: null },
          spec: {
            completions: 1,
            ttlSecondsAfterFinished: 270,
            template: {
              metadata: { creationTimestamp: null, labels: { color: 'yellow' } },
              spec: {
                containers: [{ name: 'hello', image: 'busybox', args: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster; sleep 3'], imagePullPolicy: 'Always', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
                restartPolicy: 'OnFailure',
                nodeSelector: { 'kubernetes.io/os': 'linux' },
                dnsPolicy: 'ClusterFirst',
                schedulerName: 'default-scheduler',
                securityContext: {},
                terminationGracePeriodSeconds: 30,
              },
            },
          },
        },
      },
      status: {},
    })
  })
})

describe('a Pod made from the countdown template (pod defaults and default admission plugins)', () => {
  it('is stored as a 1.33 apiserver stores it', () => {
    const { api } = apiForTest()
    const volName = 'kube-api-access-' + expectedVolumeSuffix()
    const p = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { generateName: 'countdown-job-', namespace: 'default', labels: { app: 'countdown-job' } },
      spec: { containers: [{ name: 'counter', image: 'centos:7', command: counterContainer.command }], restartPolicy: 'OnFailure', nodeSelector: { 'kubernetes.io/os': 'linux' } },
    }
    const created = tryCreate(api, p).obj!
    const mount = { name: volName, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }
    expect(created.metadata.name).toMatch(/^countdown-job-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect({ ...created, metadata: { ...created.metadata, name: 'X', uid: 'U' } }).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'X', generateName: 'countdown-job-', namespace: 'default', uid: 'U', resourceVersion: '8', generation: 1, creationTimestamp: '2026-01-01T00:00:00Z', labels: { app: 'countdown-job' } },
      spec: {
        containers: [{ ...counterContainer, volumeMounts: [mount] }],
        restartPolicy: 'OnFailure',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        dnsPolicy: 'ClusterFirst',
        schedulerName: 'default-scheduler',
        securityContext: {},
        terminationGracePeriodSeconds: 30,
        enableServiceLinks: true,
        serviceAccountName: 'default',
        serviceAccount: 'default',
        priority: 0,
        preemptionPolicy: 'PreemptLowerPriority',
        tolerations: [
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        ],
        volumes: [
          {
            name: volName,
            projected: {
              defaultMode: 420,
              sources: [
                { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
                { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
              ],
            },
          },
        ],
      },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    })
  })

  it('automountServiceAccountToken: false mounts nothing; a blanket toleration adds none', () => {
    const spec = tryCreate(apiForTest().api, pod({ automountServiceAccountToken: false, tolerations: [{ operator: 'Exists' }] })).obj!.spec as J
    expect([spec.volumes, spec.containers[0].volumeMounts, spec.tolerations, spec.serviceAccountName]).toEqual([undefined, undefined, [{ operator: 'Exists' }], 'default'])
  })

  it('a container that already mounts the token path keeps its own mount', () => {
    const c = { name: 'c', image: 'busybox', volumeMounts: [{ name: 'mine', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] }
    const spec = tryCreate(apiForTest().api, pod({ containers: [c], volumes: [{ name: 'mine', emptyDir: {} }] })).obj!.spec as J
    expect([spec.containers[0].volumeMounts, spec.volumes.map((v: J) => v.name)]).toEqual([c.volumeMounts, ['mine']])
  })
})

/** The first kube-api-access suffix the ServiceAccount plugin draws: its stream depends only on the seed. */
function expectedVolumeSuffix(): string {
  const probe = apiForTest().kernel.rng.stream('service-account-volumes')
  let s = ''
  for (let i = 0; i < 5; i++) s += 'bcdfghjklmnpqrstvwxz2456789'[probe.u32() % 27]
  return s
}

describe('TestSetDefaultContainer: imagePullPolicy from the image tag', () => {
  const table: [string, string][] = [
    ['busybox', 'Always'],
    ['busybox:latest', 'Always'],
    ['busybox:1.36', 'IfNotPresent'],
    ['centos:7', 'IfNotPresent'],
    ['docker.io/library/busybox', 'Always'],
    ['registry.example.com:5000/team/app', 'Always'],
    ['localhost:5000/app:v2', 'IfNotPresent'],
    ['busybox@sha256:' + 'a'.repeat(64), 'IfNotPresent'],
    ['busybox:latest@sha256:' + 'a'.repeat(64), 'Always'],
    ['BusyBox', 'IfNotPresent'],
    ['', 'IfNotPresent'],
  ]
  for (const [image, want] of table) it(JSON.stringify(image), () => expect(defaultPullPolicy(image)).toBe(want))
})

describe('container, volume and resource defaults', () => {
  const created = (spec: J) => tryCreate(apiForTest().api, job({ template: { spec: { restartPolicy: 'Never', ...spec } } })).obj!.spec as J

  it('ports get protocol TCP, env fieldRefs apiVersion v1, probes their timings', () => {
    const c = { name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80 }], env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }], livenessProbe: { httpGet: { port: 80 } } }
    expect(created({ containers: [c] }).template.spec.containers[0]).toEqual({
      ...c,
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      env: [{ name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
      livenessProbe: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      imagePullPolicy: 'IfNotPresent',
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    })
  })

  it('quantities are stored in canonical form (a plain byte count stays decimal), rounded up to milli units', () => {
    const r = { limits: { cpu: 0.5, memory: '1024Mi' }, requests: { cpu: '0.0001', memory: 134217728, 'ephemeral-storage': '1.5Gi' } }
    expect(created({ containers: [{ name: 'c', image: 'busybox', resources: r }] }).template.spec.containers[0].resources).toEqual({
      limits: { cpu: '500m', memory: '1Gi' },
      requests: { cpu: '1m', memory: '134217728', 'ephemeral-storage': '1536Mi' },
    })
  })

  it('volumes: no source means emptyDir; modes and hostPath type default', () => {
    const vols = [{ name: 'a' }, { name: 'b', configMap: { name: 'cm' } }, { name: 'c', hostPath: { path: '/tmp' } }, { name: 'd', downwardAPI: { items: [{ path: 'l', fieldRef: { fieldPath: 'metadata.labels' } }] } }]
    expect(created({ containers: [{ name: 'c', image: 'busybox' }], volumes: vols }).template.spec.volumes).toEqual([
      { name: 'a', emptyDir: {} },
      { name: 'b', configMap: { name: 'cm', defaultMode: 420 } },
      { name: 'c', hostPath: { path: '/tmp', type: '' } },
      { name: 'd', downwardAPI: { defaultMode: 420, items: [{ path: 'l', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } }] } },
    ])
  })

  it('serviceAccount mirrors serviceAccountName; a template gets neither enableServiceLinks nor tolerations', () => {
    const s = created({ containers: [{ name: 'c', image: 'busybox' }], serviceAccount: 'builder' }).template.spec
    expect([s.serviceAccountName, s.serviceAccount, s.enableServiceLinks, s.tolerations, s.priority]).toEqual(['builder', 'builder', undefined, undefined, undefined])
  })
})

describe('ComputePodQOS (pkg/apis/core/helper/qos/qos_test.go cases)', () => {
  const res = (limits?: J, requests?: J) => ({ ...(limits ? { limits } : {}), ...(requests ? { requests } : {}) })
  const table: [string, J[], string][] = [
    ['best-effort-best-effort', [{}, {}], 'BestEffort'],
    ['best-effort-burstable', [{}, res(undefined, { cpu: '100m' })], 'Burstable'],
    ['guaranteed: limits only (requests default to limits)', [res({ cpu: '100m', memory: '100Mi' })], 'Guaranteed'],
    ['guaranteed-guaranteed', [res({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' }), res({ cpu: '500m', memory: '1Mi' })], 'Guaranteed'],
    ['requests below limits: burstable', [res({ cpu: '1', memory: '1Gi' }, { cpu: '500m', memory: '1Gi' })], 'Burstable'],
    ['only cpu limited: burstable', [res({ cpu: '1' })], 'Burstable'],
    ['guaranteed and best effort: burstable', [res({ cpu: '1', memory: '1Gi' }), {}], 'Burstable'],
    ['zero requests do not count', [res(undefined, { cpu: '0', memory: '0' })], 'BestEffort'],
    ['extended resources are ignored', [res({ 'example.com/gpu': '1' }, { 'example.com/gpu': '1' })], 'BestEffort'],
  ]
  for (const [name, resources, want] of table) {
    it(name, () => {
      const containers = resources.map((r, i) => ({ name: `c${i}`, image: 'busybox', resources: r }))
      expect((tryCreate(apiForTest().api, pod({ containers })).obj!.status as J).qosClass).toBe(want)
    })
  }

  it('SetDefaults_Pod copies limits to missing requests (Pods only)', () => {
    const c = { name: 'c', image: 'busybox', resources: { limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '100m' } } }
    expect((tryCreate(apiForTest().api, pod({ containers: [c] })).obj!.spec as J).containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '100m', memory: '512Mi' } })
  })
})
