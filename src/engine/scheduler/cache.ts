// The scheduler's cache: each node and the requests of its non-terminal pods, bound or assumed. Finished
// pods free their resources at once (scheduler.go newPodInformer ignores Succeeded and Failed pods).
import type { Node, Pod } from '../api/types.ts'
import type { NodeState } from './filters.ts'
import { emptyRequests, podRequests, type Requests } from './resources.ts'

interface Placed {
  node: string
  req: Requests
  nonZero: Requests
}

function add(into: Requests, r: Requests, sign: 1 | -1): void {
  into.milliCPU += sign * r.milliCPU
  into.memory += sign * r.memory
  into.ephemeral += sign * r.ephemeral
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + sign * v
}

export class NodeCache {
  private nodes = new Map<string, NodeState>()
  private placed = new Map<string, Placed>()

  setNode(node: Node): void {
    const cur = this.nodes.get(node.metadata.name)
    if (cur) cur.node = node
    else this.nodes.set(node.metadata.name, { node, requested: emptyRequests(), nonZero: emptyRequests(), pods: 0 })
  }

  removeNode(name: string): void {
    this.nodes.delete(name)
  }

  /** Nodes in name order, the order the scheduler's node tree lists them in one zone. */
  list(): NodeState[] {
    return [...this.nodes.values()].sort((a, b) => (a.node.metadata.name < b.node.metadata.name ? -1 : 1))
  }

  /** Count a pod on a node (bound, or assumed while its binding is in flight). */
  place(pod: Pod, nodeName: string): void {
    if (this.placed.has(pod.metadata.uid)) return
    const p: Placed = { node: nodeName, req: podRequests(pod), nonZero: podRequests(pod, true) }
    this.placed.set(pod.metadata.uid, p)
    const st = this.nodes.get(nodeName)
    if (!st) return
    add(st.requested, p.req, 1)
    add(st.nonZero, p.nonZero, 1)
    st.pods++
  }

  /** Forget a pod; true when it was counted somewhere. */
  remove(uid: string): boolean {
    const p = this.placed.get(uid)
    if (!p) return false
    this.placed.delete(uid)
    const st = this.nodes.get(p.node)
    if (st) {
      add(st.requested, p.req, -1)
      add(st.nonZero, p.nonZero, -1)
      st.pods--
    }
    return true
  }

  isPlaced(uid: string): boolean {
    return this.placed.has(uid)
  }
}
