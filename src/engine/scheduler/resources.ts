// Pod requests as the scheduler counts them (component-helpers resource.PodRequests: containers summed,
// at least the largest init container, sidecars, overhead) and the scoring defaults (100m CPU, 200 MiB).
import { milliOf, valueOf } from '../api/quantity.ts'
import type { Container, Pod } from '../api/types.ts'

export interface Requests {
  milliCPU: number
  memory: number
  ephemeral: number
  /** Extended resources, e.g. nvidia.com/gpu, in whole units. */
  scalar: Record<string, number>
}

export const DEFAULT_MILLI_CPU = 100
export const DEFAULT_MEMORY = 200 * 1024 * 1024

export function emptyRequests(): Requests {
  return { milliCPU: 0, memory: 0, ephemeral: 0, scalar: {} }
}

function quantity(s: string | undefined, milli: boolean): number {
  if (s === undefined) return 0
  try {
    return milli ? milliOf(String(s)) : valueOf(String(s))
  } catch {
    return 0
  }
}

function containerRequests(c: Container, nonZero: boolean): Requests {
  const req = c.resources?.requests ?? {}
  const r = emptyRequests()
  for (const [name, v] of Object.entries(req)) {
    if (name === 'cpu') r.milliCPU = quantity(v, true)
    else if (name === 'memory') r.memory = quantity(v, false)
    else if (name === 'ephemeral-storage') r.ephemeral = quantity(v, false)
    else if (name.includes('/') || name.startsWith('hugepages-')) r.scalar[name] = quantity(v, false)
  }
  if (nonZero) {
    if (req.cpu === undefined) r.milliCPU = DEFAULT_MILLI_CPU
    if (req.memory === undefined) r.memory = DEFAULT_MEMORY
  }
  return r
}

function add(a: Requests, b: Requests): void {
  a.milliCPU += b.milliCPU
  a.memory += b.memory
  a.ephemeral += b.ephemeral
  for (const [k, v] of Object.entries(b.scalar)) a.scalar[k] = (a.scalar[k] ?? 0) + v
}

function max(a: Requests, b: Requests): void {
  a.milliCPU = Math.max(a.milliCPU, b.milliCPU)
  a.memory = Math.max(a.memory, b.memory)
  a.ephemeral = Math.max(a.ephemeral, b.ephemeral)
  for (const [k, v] of Object.entries(b.scalar)) a.scalar[k] = Math.max(a.scalar[k] ?? 0, v)
}

const cache = [new WeakMap<Pod['spec'], Requests>(), new WeakMap<Pod['spec'], Requests>()]

/** PodRequests; with `nonZero`, missing CPU and memory requests count as the defaults. Cached per spec object (specs are immutable). */
export function podRequests(pod: Pod, nonZero = false): Requests {
  const c = cache[nonZero ? 1 : 0]
  let r = c.get(pod.spec)
  if (!r) c.set(pod.spec, (r = computeRequests(pod, nonZero)))
  return r
}

function computeRequests(pod: Pod, nonZero: boolean): Requests {
  const total = emptyRequests()
  for (const c of pod.spec.containers ?? []) add(total, containerRequests(c, nonZero))
  // Sidecars (restartable init containers) run alongside; regular init containers one at a time.
  const sidecars = emptyRequests()
  for (const c of pod.spec.initContainers ?? []) {
    const r = containerRequests(c, nonZero)
    if (c.restartPolicy === 'Always') {
      add(sidecars, r)
      add(total, r)
    } else {
      const peak = emptyRequests()
      add(peak, r)
      add(peak, sidecars)
      max(total, peak)
    }
  }
  const overhead = (pod.spec.overhead ?? {}) as Record<string, string>
  if (overhead.cpu) total.milliCPU += quantity(overhead.cpu, true)
  if (overhead.memory) total.memory += quantity(overhead.memory, false)
  return total
}
