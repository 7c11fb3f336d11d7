// Job updates: immutable fields with the 1.33 apiserver's value rendering (Go's
// %#v of core.PodTemplateSpec for the template, kubectl-output.md §13 #5), the
// mutable fields, scheduling directives of suspended never-started Jobs
// (job-controller.md §9.2, TestValidateJobUpdate), generation, and Pod updates.
import { describe, expect, it } from 'vitest'
import type { KObject } from '../api/types.ts'
import { dumpPodTemplateSpec, goQuantity, type AddressSource } from './godump.ts'
import { parseQuantity } from '../api/quantity.ts'
import { apiForTest, job, pod, tryCreate, tryUpdate } from './testkit.ts'
import type { J } from './util.ts'

/** Addresses 0xc000000010, 0xc000000020, ... so dumps can be written out in full. */
function counter(): AddressSource {
  let n = 0
  return () => '0xc0' + (16 * ++n).toString(16).padStart(8, '0')
}

const OBJECT_META_EMPTY_TAIL = 'Annotations:map[string]string(nil), OwnerReferences:[]v1.OwnerReference(nil), Finalizers:[]string(nil), ManagedFields:[]v1.ManagedFieldsEntry(nil)}'
const CONTAINER_TAIL = 'ResizePolicy:[]core.ContainerResizePolicy(nil), RestartPolicy:(*core.ContainerRestartPolicy)(nil), VolumeMounts:[]core.VolumeMount(nil), VolumeDevices:[]core.VolumeDevice(nil), LivenessProbe:(*core.Probe)(nil), ReadinessProbe:(*core.Probe)(nil), StartupProbe:(*core.Probe)(nil), Lifecycle:(*core.Lifecycle)(nil), TerminationMessagePath:"/dev/termination-log", TerminationMessagePolicy:"File", ImagePullPolicy:"IfNotPresent", SecurityContext:(*core.SecurityContext)(nil), Stdin:false, StdinOnce:false, TTY:false}'
const POD_SPEC_TAIL = (grace: string, sc: string) =>
  `EphemeralContainers:[]core.EphemeralContainer(nil), RestartPolicy:"Never", TerminationGracePeriodSeconds:(*int64)(${grace}), ActiveDeadlineSeconds:(*int64)(nil), DNSPolicy:"ClusterFirst", NodeSelector:map[string]string(nil), ServiceAccountName:"", AutomountServiceAccountToken:(*bool)(nil), NodeName:"", SecurityContext:(*core.PodSecurityContext)(${sc}), ImagePullSecrets:[]core.LocalObjectReference(nil), Hostname:"", Subdomain:"", SetHostnameAsFQDN:(*bool)(nil), Affinity:(*core.Affinity)(nil), SchedulerName:"default-scheduler", Tolerations:[]core.Toleration(nil), HostAliases:[]core.HostAlias(nil), PriorityClassName:"", Priority:(*int32)(nil), PreemptionPolicy:(*core.PreemptionPolicy)(nil), DNSConfig:(*core.PodDNSConfig)(nil), ReadinessGates:[]core.PodReadinessGate(nil), RuntimeClassName:(*string)(nil), Overhead:core.ResourceList(nil), EnableServiceLinks:(*bool)(nil), TopologySpreadConstraints:[]core.TopologySpreadConstraint(nil), OS:(*core.PodOS)(nil), SchedulingGates:[]core.PodSchedulingGate(nil), ResourceClaims:[]core.PodResourceClaim(nil), Resources:(*core.ResourceRequirements)(nil)}}`

describe("Go's %#v of core.PodTemplateSpec", () => {
  it('a small template, field order and all', () => {
    const tpl = {
      metadata: { creationTimestamp: null, labels: { app: 'x', 'job-name': 'pi' } },
      spec: {
        containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo "hi"\n'], imagePullPolicy: 'IfNotPresent', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
        restartPolicy: 'Never',
        dnsPolicy: 'ClusterFirst',
        securityContext: {},
        terminationGracePeriodSeconds: 30,
        schedulerName: 'default-scheduler',
      },
    }
    expect(dumpPodTemplateSpec(tpl, counter())).toBe(
      'core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{Name:"", GenerateName:"", Namespace:"", SelfLink:"", UID:"", ResourceVersion:"", Generation:0, CreationTimestamp:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC), DeletionTimestamp:<nil>, DeletionGracePeriodSeconds:(*int64)(nil), Labels:map[string]string{"app":"x", "job-name":"pi"}, ' +
        OBJECT_META_EMPTY_TAIL +
        ', Spec:core.PodSpec{Volumes:[]core.Volume(nil), InitContainers:[]core.Container(nil), Containers:[]core.Container{core.Container{Name:"c", Image:"busybox:1.36", Command:[]string{"sh", "-c", "echo \\"hi\\"\\n"}, Args:[]string(nil), WorkingDir:"", Ports:[]core.ContainerPort(nil), EnvFrom:[]core.EnvFromSource(nil), Env:[]core.EnvVar(nil), Resources:core.ResourceRequirements{Limits:core.ResourceList(nil), Requests:core.ResourceList(nil), Claims:[]core.ResourceClaim(nil)}, ' +
        CONTAINER_TAIL +
        '}, ' +
        POD_SPEC_TAIL('0xc000000010', '0xc000000020'),
    )
  })

  it('volumes, env, ports and quantities', () => {
    const tpl = {
      metadata: { creationTimestamp: null, name: 'countdown-job' },
      spec: {
        volumes: [{ name: 'data', emptyDir: {} }],
        containers: [
          {
            name: 'c',
            image: 'busybox',
            ports: [{ containerPort: 8080, protocol: 'TCP' }],
            env: [{ name: 'A', value: '1' }],
            resources: { limits: { cpu: '500m', memory: '128Mi' } },
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
        ],
        restartPolicy: 'Never',
        terminationGracePeriodSeconds: 30,
      },
    }
    const out = dumpPodTemplateSpec(tpl, counter())
    expect(out.slice(0, out.indexOf(', Spec:'))).toBe('core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{Name:"countdown-job", GenerateName:"", Namespace:"", SelfLink:"", UID:"", ResourceVersion:"", Generation:0, CreationTimestamp:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC), DeletionTimestamp:<nil>, DeletionGracePeriodSeconds:(*int64)(nil), Labels:map[string]string(nil), ' + OBJECT_META_EMPTY_TAIL)
    const volumes = out.slice(out.indexOf('Volumes:'), out.indexOf(', InitContainers:'))
    expect(volumes).toBe(
      'Volumes:[]core.Volume{core.Volume{Name:"data", VolumeSource:core.VolumeSource{HostPath:(*core.HostPathVolumeSource)(nil), EmptyDir:(*core.EmptyDirVolumeSource)(0xc000000010), GCEPersistentDisk:(*core.GCEPersistentDiskVolumeSource)(nil), AWSElasticBlockStore:(*core.AWSElasticBlockStoreVolumeSource)(nil), GitRepo:(*core.GitRepoVolumeSource)(nil), Secret:(*core.SecretVolumeSource)(nil), NFS:(*core.NFSVolumeSource)(nil), ISCSI:(*core.ISCSIVolumeSource)(nil), Glusterfs:(*core.GlusterfsVolumeSource)(nil), PersistentVolumeClaim:(*core.PersistentVolumeClaimVolumeSource)(nil), RBD:(*core.RBDVolumeSource)(nil), Quobyte:(*core.QuobyteVolumeSource)(nil), FlexVolume:(*core.FlexVolumeSource)(nil), Cinder:(*core.CinderVolumeSource)(nil), CephFS:(*core.CephFSVolumeSource)(nil), Flocker:(*core.FlockerVolumeSource)(nil), DownwardAPI:(*core.DownwardAPIVolumeSource)(nil), FC:(*core.FCVolumeSource)(nil), AzureFile:(*core.AzureFileVolumeSource)(nil), ConfigMap:(*core.ConfigMapVolumeSource)(nil), VsphereVolume:(*core.VsphereVirtualDiskVolumeSource)(nil), AzureDisk:(*core.AzureDiskVolumeSource)(nil), PhotonPersistentDisk:(*core.PhotonPersistentDiskVolumeSource)(nil), Projected:(*core.ProjectedVolumeSource)(nil), PortworxVolume:(*core.PortworxVolumeSource)(nil), ScaleIO:(*core.ScaleIOVolumeSource)(nil), StorageOS:(*core.StorageOSVolumeSource)(nil), CSI:(*core.CSIVolumeSource)(nil), Ephemeral:(*core.EphemeralVolumeSource)(nil), Image:(*core.ImageVolumeSource)(nil)}}}',
    )
    const container = out.slice(out.indexOf('Ports:'), out.indexOf(', ResizePolicy:'))
    expect(container).toBe(
      'Ports:[]core.ContainerPort{core.ContainerPort{Name:"", HostPort:0, ContainerPort:8080, Protocol:"TCP", HostIP:""}}, EnvFrom:[]core.EnvFromSource(nil), Env:[]core.EnvVar{core.EnvVar{Name:"A", Value:"1", ValueFrom:(*core.EnvVarSource)(nil)}}, Resources:core.ResourceRequirements{Limits:core.ResourceList{"cpu":resource.Quantity{i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"500m", Format:"DecimalSI"}, "memory":resource.Quantity{i:resource.int64Amount{value:134217728, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"BinarySI"}}, Requests:core.ResourceList(nil), Claims:[]core.ResourceClaim(nil)}',
    )
    expect(out.slice(out.indexOf('VolumeMounts:'), out.indexOf(', VolumeDevices:'))).toBe('VolumeMounts:[]core.VolumeMount{core.VolumeMount{Name:"data", ReadOnly:false, RecursiveReadOnly:(*core.RecursiveReadOnlyMode)(nil), MountPath:"/data", SubPath:"", MountPropagation:(*core.MountPropagationMode)(nil), SubPathExpr:""}}')
  })

  it('resource.Quantity keeps its unexported fields (inf.Dec values print an address)', () => {
    expect([goQuantity(parseQuantity('1Gi')), goQuantity(parseQuantity('0.1n'), counter())]).toEqual([
      'resource.Quantity{i:resource.int64Amount{value:1073741824, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1Gi", Format:"BinarySI"}',
      'resource.Quantity{i:resource.int64Amount{value:0, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(0xc000000010)}, s:"", Format:"DecimalSI"}',
    ])
  })
})

/** The stored Job after create, and the API to update it with. */
function stored(spec: J = {}) {
  const { api } = apiForTest()
  return { api, job: tryCreate(api, job(spec)).obj! }
}
const withSpec = (j: KObject, spec: J) => ({ ...j, spec: { ...(j.spec as J), ...spec } })
const withPodSpec = (j: KObject, pod: J) => withSpec(j, { template: { ...(j.spec as J).template, spec: { ...(j.spec as J).template.spec, ...pod } } })
const noAddresses = (s?: string) => s?.replace(/0xc0[0-9a-f]{8}/g, '0x…')

describe('ValidateJobSpecUpdate', () => {
  it('changing the template: the whole template is printed (kubectl-output.md §13 #5)', () => {
    const { api, job: j } = stored()
    const uid = j.metadata.uid
    const msg = noAddresses(tryUpdate(api, withPodSpec(j, { containers: [{ name: 'c', image: 'busybox:1.36' }] })).error)
    expect(msg).toBe(
      `Job.batch "pi" is invalid: spec.template: Invalid value: core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{Name:"", GenerateName:"", Namespace:"", SelfLink:"", UID:"", ResourceVersion:"", Generation:0, CreationTimestamp:time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC), DeletionTimestamp:<nil>, DeletionGracePeriodSeconds:(*int64)(nil), Labels:map[string]string{"batch.kubernetes.io/controller-uid":"${uid}", "batch.kubernetes.io/job-name":"pi", "controller-uid":"${uid}", "job-name":"pi"}, ` +
        OBJECT_META_EMPTY_TAIL +
        ', Spec:core.PodSpec{Volumes:[]core.Volume(nil), InitContainers:[]core.Container(nil), Containers:[]core.Container{core.Container{Name:"c", Image:"busybox:1.36", Command:[]string(nil), Args:[]string(nil), WorkingDir:"", Ports:[]core.ContainerPort(nil), EnvFrom:[]core.EnvFromSource(nil), Env:[]core.EnvVar(nil), Resources:core.ResourceRequirements{Limits:core.ResourceList(nil), Requests:core.ResourceList(nil), Claims:[]core.ResourceClaim(nil)}, ' +
        CONTAINER_TAIL +
        '}, ' +
        POD_SPEC_TAIL('0x…', '0x…') +
        ': field is immutable',
    )
  })

  const table: [string, J, J, string | undefined][] = [
    ['completions (NonIndexed)', { completions: 2 }, { completions: 3 }, 'Job.batch "pi" is invalid: spec.completions: Invalid value: 3: field is immutable'],
    ['completions of an elastic Indexed Job, in tandem with parallelism', { completionMode: 'Indexed', completions: 2, parallelism: 2 }, { completions: 4, parallelism: 4 }, undefined],
    ['completions of an Indexed Job without parallelism', { completionMode: 'Indexed', completions: 2, parallelism: 2 }, { completions: 4 }, 'Job.batch "pi" is invalid: spec.completions: Invalid value: 4: can only be modified in tandem with spec.parallelism'],
    ['completionMode', { completionMode: 'Indexed', completions: 2 }, { completionMode: 'NonIndexed' }, 'Job.batch "pi" is invalid: spec.completionMode: Invalid value: "NonIndexed": field is immutable'],
    ['backoffLimitPerIndex', { completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1 }, { backoffLimitPerIndex: 2 }, 'Job.batch "pi" is invalid: spec.backoffLimitPerIndex: Invalid value: 2: field is immutable'],
    ['parallelism is mutable', {}, { parallelism: 5 }, undefined],
    ['suspend, activeDeadlineSeconds, backoffLimit and ttlSecondsAfterFinished are mutable', {}, { suspend: true, activeDeadlineSeconds: 10, backoffLimit: 1, ttlSecondsAfterFinished: 60 }, undefined],
  ]
  for (const [name, before, change, msg] of table) {
    it(name, () => {
      const { api, job: j } = stored(before)
      expect(tryUpdate(api, withSpec(j, change)).error).toBe(msg)
    })
  }

  it('the selector', () => {
    const { api, job: j } = stored()
    const sel = { matchLabels: { 'batch.kubernetes.io/controller-uid': j.metadata.uid, extra: 'x' } }
    const msg = tryUpdate(api, withSpec(j, { selector: sel })).error
    expect(msg).toContain(`spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":"${j.metadata.uid}", "extra":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable`)
  })

  it('a suspended Job that never started may change its scheduling directives', () => {
    const { api, job: j } = stored({ suspend: true })
    const r = tryUpdate(api, withPodSpec(j, { nodeSelector: { 'kubernetes.io/hostname': 'node01' }, tolerations: [{ key: 'k', operator: 'Exists' }] }))
    expect([r.error, r.obj?.metadata.generation]).toEqual([undefined, 2])
  })

  it('but not once it has started', () => {
    const { api, job: j } = stored({ suspend: true })
    const started = api.updateStatus(j, { startTime: '2026-01-01T00:00:00Z' })
    expect(tryUpdate(api, withPodSpec(started, { nodeSelector: { a: 'b' } })).error).toMatch(/^Job\.batch "pi" is invalid: spec\.template: Invalid value: core\.PodTemplateSpec\{.*NodeSelector:map\[string\]string\{"a":"b"\}.*: field is immutable$/)
  })

  it('re-applying the same Job changes nothing (no generation bump)', () => {
    const { api, job: j } = stored()
    expect(tryUpdate(api, j).obj!.metadata.generation).toBe(1)
  })

  it('labels may change; the status is the server\'s', () => {
    const { api, job: j } = stored()
    const r = tryUpdate(api, { ...j, metadata: { ...j.metadata, labels: { ...j.metadata.labels, team: 'a' } }, status: { succeeded: 5 } }).obj!
    expect([r.metadata.labels!.team, r.status, r.metadata.generation]).toEqual(['a', {}, 1])
  })
})

describe('ValidatePodUpdate', () => {
  const created = () => {
    const { api } = apiForTest()
    return { api, p: tryCreate(api, pod({ activeDeadlineSeconds: 100 })).obj! }
  }
  const podSpec = (p: KObject, change: J) => ({ ...p, spec: { ...(p.spec as J), ...change } })
  const UPDATABLE =
    '`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'

  it('the image may change', () => {
    const { api, p } = created()
    const containers = (p.spec as J).containers.map((c: J) => ({ ...c, image: 'busybox:1.36' }))
    expect(tryUpdate(api, podSpec(p, { containers })).error).toBe(undefined)
  })

  it('other fields may not', () => {
    const { api, p } = created()
    expect(tryUpdate(api, podSpec(p, { restartPolicy: 'Never' })).error).toBe(`Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than ${UPDATABLE}`)
  })

  it('activeDeadlineSeconds may only go down', () => {
    const { api, p } = created()
    expect(tryUpdate(api, podSpec(p, { activeDeadlineSeconds: 200 })).error).toBe('Pod "p" is invalid: spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value')
  })

  it('containers may not be added', () => {
    const { api, p } = created()
    const containers = [...(p.spec as J).containers, { name: 'd', image: 'busybox' }]
    expect(tryUpdate(api, podSpec(p, { containers })).error).toBe('Pod "p" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers')
  })

  it('labels may change', () => {
    const { api, p } = created()
    expect(tryUpdate(api, { ...p, metadata: { ...p.metadata, labels: { a: 'b' } } }).obj!.metadata.labels).toEqual({ a: 'b' })
  })
})
