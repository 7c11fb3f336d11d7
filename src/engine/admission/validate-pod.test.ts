// Pod template and Pod validation with the apiserver's texts, named after the
// cases of pkg/apis/core/validation/validation_test.go (TestValidateContainers,
// TestValidateVolumes, TestValidateEnv, TestValidateResourceRequirements,
// TestValidateTolerations, TestValidatePodSpec) and the default admission plugins.
import { describe, expect, it } from 'vitest'
import { apiForTest, job, jobWithPod, pod, tryCreate } from './testkit.ts'
import type { J } from './util.ts'

const errorOf = (obj: J) => tryCreate(apiForTest().api, obj).error
const c = (extra: J = {}) => ({ name: 'c', image: 'busybox', ...extra })
const P = 'Job.batch "pi" is invalid: '
const T = 'spec.template.spec'

const LABEL_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
const DNS_LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const QNAME_MSG = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"

describe('TestValidateContainers', () => {
  const table: [string, J, string][] = [
    ['no containers', jobWithPod({ containers: [] }), `${P}${T}.containers: Required value`],
    ['missing name', jobWithPod({ containers: [{ image: 'busybox' }] }), `${P}${T}.containers[0].name: Required value`],
    ['name not a DNS label', jobWithPod({ containers: [c({ name: 'Counter' })] }), `${P}${T}.containers[0].name: Invalid value: "Counter": ${DNS_LABEL_MSG}`],
    ['duplicate names', jobWithPod({ containers: [c(), c()] }), `${P}${T}.containers[1].name: Duplicate value: "c"`],
    ['duplicate across init and regular', jobWithPod({ initContainers: [c()], containers: [c()] }), `${P}${T}.initContainers[0].name: Duplicate value: "c"`],
    ['missing image', jobWithPod({ containers: [{ name: 'c' }] }), `${P}${T}.containers[0].image: Required value`],
    ['imagePullPolicy not supported', jobWithPod({ containers: [c({ imagePullPolicy: 'Sometimes' })] }), `${P}${T}.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"`],
    ['terminationMessagePolicy not supported', jobWithPod({ containers: [c({ terminationMessagePolicy: 'Log' })] }), `${P}${T}.containers[0].terminationMessagePolicy: Unsupported value: "Log": supported values: "File", "FallbackToLogsOnError"`],
    ['containerPort zero', jobWithPod({ containers: [c({ ports: [{ containerPort: 0 }] })] }), `${P}${T}.containers[0].ports[0].containerPort: Required value`],
    ['containerPort out of range', jobWithPod({ containers: [c({ ports: [{ containerPort: 70000 }] })] }), `${P}${T}.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive`],
    ['protocol not supported', jobWithPod({ containers: [c({ ports: [{ containerPort: 80, protocol: 'HTTP' }] })] }), `${P}${T}.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"`],
    ['restartPolicy on a regular container', jobWithPod({ containers: [c({ restartPolicy: 'Always' })] }), `${P}${T}.containers[0].restartPolicy: Forbidden: may not be set for non-init containers`],
    ['init container restartPolicy other than Always', jobWithPod({ initContainers: [c({ name: 'i', restartPolicy: 'Never' })] }), `${P}${T}.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always"`],
    ['probe on a plain init container', jobWithPod({ initContainers: [c({ name: 'i', livenessProbe: { exec: { command: ['true'] } } })] }), `${P}${T}.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always`],
    ['probe without a handler', jobWithPod({ containers: [c({ readinessProbe: { periodSeconds: 5 } })] }), `${P}${T}.containers[0].readinessProbe: Required value: must specify a handler type`],
    ['liveness successThreshold must be 1', jobWithPod({ containers: [c({ livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } })] }), `${P}${T}.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1`],
  ]
  for (const [name, obj, msg] of table) it(name, () => expect(errorOf(obj)).toBe(msg))
})

describe('TestValidateEnv', () => {
  const env = (e: J[]) => jobWithPod({ containers: [c({ env: e })] })
  const table: [string, J, string | undefined][] = [
    ['missing name', env([{ value: 'x' }]), `${P}${T}.containers[0].env[0].name: Required value`],
    ['relaxed names allow dots, dashes and spaces', env([{ name: 'my.var-1 x', value: 'x' }]), undefined],
    ['"=" is not allowed', env([{ name: 'A=B', value: 'x' }]), `${P}${T}.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`],
    ['valueFrom with no source', env([{ name: 'A', valueFrom: {} }]), `${P}${T}.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: \`fieldRef\`, \`resourceFieldRef\`, \`configMapKeyRef\` or \`secretKeyRef\``],
    ['value and valueFrom', env([{ name: 'A', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }]), `${P}${T}.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when \`value\` is not empty`],
    [
      'unsupported fieldPath',
      env([{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.phase' } } }]),
      `${P}${T}.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"`,
    ],
    ['unknown fieldPath', env([{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'spec.foo' } } }]), `${P}${T}.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: "spec.foo": error converting fieldPath: field label not supported: spec.foo`],
    ['labels subscript is fine', env([{ name: 'A', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } }]), undefined],
  ]
  for (const [name, obj, msg] of table) it(name, () => expect(errorOf(obj)).toBe(msg))
})

describe('TestValidateResourceRequirements', () => {
  const res = (r: J) => jobWithPod({ containers: [c({ resources: r })] })
  const table: [string, J, string | undefined][] = [
    ['requests above limits', res({ limits: { cpu: '500m' }, requests: { cpu: '600m' } }), `${P}${T}.containers[0].resources.requests: Invalid value: "600m": must be less than or equal to cpu limit of 500m`],
    ['negative limit', res({ limits: { cpu: '-1' } }), `${P}${T}.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0`],
    [
      'an unknown resource name',
      res({ limits: { cpus: '1' } }),
      `${P}[${T}.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified, ${T}.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers]`,
    ],
    ['extended resource must be whole', res({ limits: { 'example.com/gpu': '500m' }, requests: { 'example.com/gpu': '500m' } }), `${P}[${T}.containers[0].resources.limits[example.com/gpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"500m", Format:"DecimalSI"}: must be an integer, ${T}.containers[0].resources.requests[example.com/gpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"500m", Format:"DecimalSI"}: must be an integer]`],
    ['extended resource request needs a limit', res({ requests: { 'example.com/gpu': '1' } }), `${P}${T}.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources`],
    ['the seed best practice is valid', res({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } }), undefined],
  ]
  for (const [name, obj, msg] of table) it(name, () => expect(errorOf(obj)).toBe(msg))
})

describe('TestValidateVolumes and mounts', () => {
  const vols = (v: J[], mounts?: J[]) => jobWithPod({ volumes: v, containers: [c(mounts ? { volumeMounts: mounts } : {})] })
  const table: [string, J, string | undefined][] = [
    ['volume name not a DNS label', vols([{ name: 'My_Vol', emptyDir: {} }]), `${P}${T}.volumes[0].name: Invalid value: "My_Vol": ${DNS_LABEL_MSG}`],
    ['duplicate volume names', vols([{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }]), `${P}${T}.volumes[1].name: Duplicate value: "v"`],
    ['two sources', vols([{ name: 'v', emptyDir: {}, configMap: { name: 'cm' } }]), `${P}${T}.volumes[0].configMap: Forbidden: may not specify more than 1 volume type`],
    ['hostPath without a path', vols([{ name: 'v', hostPath: {} }]), `${P}${T}.volumes[0].hostPath.path: Required value`],
    ['hostPath type not supported', vols([{ name: 'v', hostPath: { path: '/data', type: 'Dir' } }]), `${P}${T}.volumes[0].hostPath.type: Unsupported value: "Dir": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"`],
    ['pvc without claimName', vols([{ name: 'v', persistentVolumeClaim: {} }]), `${P}${T}.volumes[0].persistentVolumeClaim.claimName: Required value`],
    ['configMap item path with ..', vols([{ name: 'v', configMap: { name: 'cm', items: [{ key: 'k', path: '../x' }] } }]), `${P}${T}.volumes[0].configMap.items[0].path: Invalid value: "../x": must not contain '..'`],
    ['defaultMode out of range', vols([{ name: 'v', secret: { secretName: 's', defaultMode: 1000 } }]), `${P}${T}.volumes[0].secret.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive`],
    ['mount of an invalid volume is also not found', vols([{ name: 'v', hostPath: {} }], [{ name: 'v', mountPath: '/v' }]), `${P}[${T}.volumes[0].hostPath.path: Required value, ${T}.containers[0].volumeMounts[0].name: Not found: "v"]`],
    ['duplicate mountPath', vols([{ name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {} }], [{ name: 'a', mountPath: '/x' }, { name: 'b', mountPath: '/x' }]), `${P}${T}.containers[0].volumeMounts[1].mountPath: Invalid value: "/x": must be unique`],
    ['subPath with ..', vols([{ name: 'a', emptyDir: {} }], [{ name: 'a', mountPath: '/x', subPath: '../y' }]), `${P}${T}.containers[0].volumeMounts.subPath: Invalid value: "../y": must not contain '..'`],
    ['the seed db-backup emptyDir mount is valid', vols([{ name: 'backup-storage', emptyDir: {} }], [{ name: 'backup-storage', mountPath: '/backup' }]), undefined],
  ]
  for (const [name, obj, msg] of table) it(name, () => expect(errorOf(obj)).toBe(msg))
})

describe('TestValidatePodSpec: scheduling, labels and names', () => {
  const table: [string, J, string | undefined][] = [
    [
      'template label value (the Job copies its template labels, so both are reported)',
      jobWithPod({}, { labels: { app: 'has space' } }),
      `${P}[metadata.labels: Invalid value: "has space": ${LABEL_MSG}, spec.template.labels: Invalid value: "has space": ${LABEL_MSG}]`,
    ],
    ['Job label key', job({}, { labels: { '-bad': 'x' } }), `${P}metadata.labels: Invalid value: "-bad": ${QNAME_MSG}`],
    ['nodeSelector value', jobWithPod({ nodeSelector: { 'kubernetes.io/os': 'linux os' } }), `${P}${T}.nodeSelector: Invalid value: "linux os": ${LABEL_MSG}`],
    ['pod activeDeadlineSeconds 0', jobWithPod({ activeDeadlineSeconds: 0 }), `${P}${T}.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive`],
    ['dnsPolicy not supported', jobWithPod({ dnsPolicy: 'Cluster' }), `${P}${T}.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"`],
    ['toleration without key needs Exists', jobWithPod({ tolerations: [{ effect: 'NoSchedule' }] }), `${P}${T}.tolerations[0].operator: Invalid value: "": operator must be Exists when \`key\` is empty, which means "match all values and all keys"`],
    ['tolerationSeconds needs NoExecute', jobWithPod({ tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }] }), `${P}${T}.tolerations[0].effect: Invalid value: "NoSchedule": effect must be 'NoExecute' when \`tolerationSeconds\` is set`],
    ['toleration operator', jobWithPod({ tolerations: [{ key: 'k', operator: 'Gt' }] }), `${P}${T}.tolerations[0].operator: Unsupported value: "Gt": supported values: "Equal", "Exists"`],
    [
      'the control-plane toleration is valid',
      jobWithPod({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }),
      undefined,
    ],
    [
      'node affinity with no terms',
      jobWithPod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } } }),
      `${P}${T}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term`,
    ],
    [
      'node affinity In without values',
      jobWithPod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In' }] }] } } } }),
      `${P}${T}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
    ],
    ['preferred weight out of range', jobWithPod({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }] } } }), `${P}${T}.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100`],
    ['runAsUser negative', jobWithPod({ securityContext: { runAsUser: -1 } }), `${P}${T}.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive`],
    ['hostname not a DNS label', jobWithPod({ hostname: 'My_Host' }), `${P}${T}.hostname: Invalid value: "My_Host": ${DNS_LABEL_MSG}`],
    ['generateName is checked as a prefix', job({}, { name: undefined, generateName: 'countdown-' }), undefined],
    ['ephemeral containers in a template', jobWithPod({ ephemeralContainers: [{ name: 'd', image: 'busybox' }] }), `${P}${T}.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template`],
  ]
  for (const [name, obj, msg] of table) it(name, () => expect(errorOf(obj)).toBe(msg))
})

describe('Pods: ValidatePodCreate and the default admission plugins', () => {
  const table: [string, J, string | undefined][] = [
    ['a bare valid Pod', pod(), undefined],
    ['restartPolicy Never is fine for a Pod', pod({ restartPolicy: 'Never' }), undefined],
    ['image with trailing space', pod({ containers: [c({ image: 'busybox ' })] }), 'Pod "p" is invalid: spec.containers[0].image: Invalid value: "busybox ": must not have leading or trailing whitespace'],
    ['ephemeral containers on create', pod({ ephemeralContainers: [{ name: 'd', image: 'busybox' }] }), 'Pod "p" is invalid: spec.ephemeralContainers: Forbidden: cannot be set on create'],
    ['a service account that does not exist', pod({ serviceAccountName: 'builder' }), 'pods "p" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found'],
    ['the same through generateName', pod({ serviceAccountName: 'builder' }, { name: undefined, generateName: 'job-' }), 'pods "job-" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found'],
    ['an unknown priority class', pod({ priorityClassName: 'high' }), 'pods "p" is forbidden: no PriorityClass with name high was found'],
    ['priority set by hand', pod({ priority: 10 }), 'pods "p" is forbidden: the integer value of priority (10) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name'],
    ['a namespace that does not exist', pod({}, { namespace: 'nope' }), 'namespaces "nope" not found'],
  ]
  for (const [name, obj, msg] of table) it(name, () => expect(errorOf(obj)).toBe(msg))

  it('system priority classes set the priority', () => {
    expect((tryCreate(apiForTest().api, pod({ priorityClassName: 'system-node-critical' })).obj!.spec as J).priority).toBe(2000001000)
  })
})
