// The failure message (framework/types.go FitError.Error, preemption.go's PostFilter): "0/3 nodes are
// available: <sorted reason histogram>. preemption: 0/3 nodes are available: <why preemption cannot help>."
import type { Rejection } from './filters.ts'

/** "<count> <reason>" entries sorted as Go's sort.Strings sorts them (byte order). */
function histogram(counts: Map<string, number>): string[] {
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

export interface Diagnosis {
  numNodes: number
  /** PreFilter rejection message (e.g. a missing PVC): applies to every node. */
  preFilter?: string
  /** Per-node Filter rejections. */
  rejections: Rejection[]
  /** spec.preemptionPolicy: Never makes the pod ineligible to preempt. */
  preemptionNever?: boolean
}

export function fitErrorMessage(d: Diagnosis): string {
  let msg = `0/${d.numNodes} nodes are available:`
  if (d.preFilter) msg += ` ${d.preFilter}.`
  else {
    const counts = new Map<string, number>()
    for (const r of d.rejections) for (const reason of r.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1)
    const h = histogram(counts)
    if (h.length) msg += ` ${h.join(', ')}.`
  }
  return msg + ' ' + preemptionMessage(d)
}

/**
 * Preemption: nodes rejected as Unschedulable are candidates, but with every pod at
 * priority 0 no victim is lower, so each says "No preemption victims found for
 * incoming pod"; the rest "Preemption is not helpful for scheduling".
 */
function preemptionMessage(d: Diagnosis): string {
  if (d.preemptionNever) return 'preemption: not eligible due to preemptionPolicy=Never.'
  const candidates = d.preFilter ? 0 : d.rejections.filter((r) => r.code === 'Unschedulable').length
  const counts = new Map<string, number>()
  if (candidates) counts.set('No preemption victims found for incoming pod', candidates)
  if (d.numNodes - candidates) counts.set('Preemption is not helpful for scheduling', d.numNodes - candidates)
  return `preemption: 0/${d.numNodes} nodes are available: ${histogram(counts).join(', ')}.`
}
