// `kubectl describe pod`: node, status, IPs, containers with their state, conditions (rows end in a
// space), volumes, QoS class, tolerations and events. Upstream: kubectl pkg/describe/describe.go
// (describePod), pkg/util/qos/qos.go (GetPodQOS).
import type { Event, Pod } from '../../engine/api/types.ts'
import { controlledBy, describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './common.ts'
import { describeContainers, describeVolumes } from './containers.ts'
import { LEVEL_0, LEVEL_1, type DescribeWriter } from './writer.ts'

/** The QoS class: status.qosClass when set, else computed from requests and limits. */
export function qosClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  const cs = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]
  let any = false
  let guaranteed = true
  for (const c of cs) {
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true
      const want = req[r] ?? lim[r]
      if (lim[r] === undefined || want !== lim[r]) guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

export function describePod(w: DescribeWriter, pod: Pod, events: Event[] | undefined): void {
  const spec = pod.spec
  const st = pod.status ?? ({ phase: 'Pending' } as Pod['status'])
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`)
  if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`)
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${st.hostIP ?? ''}\n` : 'Node:\t<none>\n')
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${w.time(st.startTime)}\n`)
  printLabelsMultiline(w, 'Labels', pod.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations)
  if (pod.metadata.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${w.since(pod.metadata.deletionTimestamp)})\n`)
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`)
  } else w.write(LEVEL_0, `Status:\t${st.phase ?? ''}\n`)
  if (st.reason) w.write(LEVEL_0, `Reason:\t${st.reason}\n`)
  if (st.message) w.write(LEVEL_0, `Message:\t${st.message}\n`)
  const seccomp = (spec.securityContext as { seccompProfile?: { type: string; localhostProfile?: string } } | undefined)?.seccompProfile
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`)
    if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
  }
  w.write(LEVEL_0, `IP:\t${st.podIP ?? ''}\n`)
  if (!st.podIPs?.length) w.write(LEVEL_0, 'IPs:\t<none>\n')
  else {
    w.write(LEVEL_0, 'IPs:\n')
    for (const ip of st.podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`)
  }
  const owner = controlledBy(pod)
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`)
  if (st.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${st.nominatedNodeName}\n`)
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, st.initContainerStatuses ?? [], '', pod)
  describeContainers(w, 'Containers', spec.containers, st.containerStatuses ?? [], '', pod)
  const gates = (spec.readinessGates as { conditionType: string }[] | undefined) ?? []
  if (gates.length) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
    for (const g of gates) {
      const c = (st.conditions ?? []).find((x) => x.type === g.conditionType)
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`)
    }
  }
  if (st.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
    for (const c of st.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`)
  }
  describeVolumes(w, spec.volumes, '')
  w.write(LEVEL_0, `QoS Class:\t${qosClass(pod)}\n`)
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations)
  if (events) describeEvents(w, events)
}
