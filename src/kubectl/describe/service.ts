// `kubectl describe service`: ports, target ports and the ready endpoints of the service's
// EndpointSlices (the apiserver's own slice for `kubernetes`, the endpointslice controller's
// for a selector). Upstream: kubectl pkg/describe/describe.go describeService, formatEndpointSlices (v0.33).
import type { Event, Node, Pod, Service } from '../../engine/api/types.ts'
import { isPodReady } from '../printers/pod-status.ts'
import { formatLabels } from '../selectors.ts'
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './common.ts'
import { LEVEL_0, type DescribeWriter } from './writer.ts'

/** What describe reads of one EndpointSlice. */
export interface SliceView {
  ports: { name: string; port: number }[]
  endpoints: { address: string; ready: boolean }[]
}

const APISERVER_PORT = 6443

/**
 * The slices the cluster keeps for a service: the apiserver's endpoint reconciler
 * publishes the control-plane address for `default/kubernetes`; the endpointslice
 * controller gives a service with a selector one slice of its non-terminal pods that
 * have an IP (ready unless not Ready or deleting); a service without a selector has none.
 */
export function serviceSlices(svc: Service, pods: readonly Pod[], nodes: readonly Node[]): SliceView[] {
  if (svc.metadata.namespace === 'default' && svc.metadata.name === 'kubernetes') {
    const cp = nodes.find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined)
    const ip = cp?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address
    return ip ? [{ ports: [{ name: 'https', port: APISERVER_PORT }], endpoints: [{ address: ip, ready: true }] }] : []
  }
  const selector = svc.spec.selector
  if (!selector || !Object.keys(selector).length) return []
  const ports = (svc.spec.ports ?? []).map((p) => ({ name: p.name ?? '', port: typeof p.targetPort === 'number' ? p.targetPort : p.port }))
  const endpoints = pods
    .filter((p) => p.metadata.namespace === svc.metadata.namespace && Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v))
    .filter((p) => p.status?.podIP && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed')
    .map((p) => ({ address: p.status!.podIP!, ready: isPodReady(p) && !p.metadata.deletionTimestamp }))
  return [{ ports, endpoints }]
}

/** formatEndpointSlices: up to three ready host:port pairs of the named port, then "+ N more...". */
export function formatEndpointSlices(slices: readonly SliceView[], portName: string): string {
  if (!slices.length) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const s of slices) {
    const ports = s.ports.length ? s.ports.filter((p) => p.name === portName) : [undefined]
    for (const port of ports) {
      for (const e of s.endpoints) {
        if (list.length === max) more = true
        if (!e.ready) continue
        if (!more) list.push(port ? `${e.address}:${port.port}` : e.address)
        count++
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

export function describeService(w: DescribeWriter, svc: Service, slices: readonly SliceView[], events: Event[] | undefined): void {
  const spec = svc.spec
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', svc.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations)
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector) || '<none>'}\n`)
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`)
  if (spec.ipFamilyPolicy !== undefined) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
  w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`)
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`)
  w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`)
  if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`)
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>'
    const protocol = p.protocol ?? ''
    w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${protocol}\n`)
    w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? 0}/${protocol}\n`)
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${protocol}\n`)
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`)
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
  if (spec.internalTrafficPolicy !== undefined) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
  if (events) describeEvents(w, events)
}
