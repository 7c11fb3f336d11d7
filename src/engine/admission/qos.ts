// A pod's QoS class from its containers' cpu and memory requests and limits,
// as k8s pkg/apis/core/helper/qos/qos.go ComputePodQOS decides it.
import { addQuantity, compareQuantity, parseQuantity, sign, type Quantity } from '../api/quantity.ts'
import { isArr, isObj, type J } from './util.ts'

const QOS_RESOURCES = new Set(['cpu', 'memory'])

function positive(v: unknown): Quantity | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined
  try {
    const q = parseQuantity(String(v))
    return sign(q) > 0 ? q : undefined
  } catch {
    return undefined
  }
}

function accumulate(into: Map<string, Quantity>, name: string, q: Quantity): void {
  const cur = into.get(name)
  into.set(name, cur ? addQuantity(cur, q) : q)
}

export function podQOSClass(spec: J): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const requests = new Map<string, Quantity>()
  const limits = new Map<string, Quantity>()
  let guaranteed = true
  const containers = [...(isArr(spec.containers) ? spec.containers : []), ...(isArr(spec.initContainers) ? spec.initContainers : [])]
  for (const c of containers) {
    const r = isObj(c) && isObj(c.resources) ? c.resources : {}
    for (const [name, v] of Object.entries(isObj(r.requests) ? r.requests : {})) {
      const q = QOS_RESOURCES.has(name) ? positive(v) : undefined
      if (q) accumulate(requests, name, q)
    }
    const found = new Set<string>()
    for (const [name, v] of Object.entries(isObj(r.limits) ? r.limits : {})) {
      const q = QOS_RESOURCES.has(name) ? positive(v) : undefined
      if (q) found.add(name), accumulate(limits, name, q)
    }
    if (!found.has('cpu') || !found.has('memory')) guaranteed = false
  }
  if (!requests.size && !limits.size) return 'BestEffort'
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name)
      if (!lim || compareQuantity(lim, req) !== 0) {
        guaranteed = false
        break
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable'
}
