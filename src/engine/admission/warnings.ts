// API warnings kubectl prints as "Warning: ..." (k8s pkg/api/pod/warnings.go
// warningsForPodSpecAndMeta, pkg/api/node GetNodeLabelDeprecatedMessage, and the
// Job/CronJob strategies' name warning). The common cases only.
import { goQuote } from '../api/errors.ts'
import { milliValue, parseQuantity } from '../api/quantity.ts'
import { isDNS1123Label } from './names.ts'
import { isArr, isObj, sortedKeys, str, type J } from './util.ts'

const DEPRECATED_NODE_LABELS: Record<string, string> = {
  'beta.kubernetes.io/arch': 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  'beta.kubernetes.io/os': 'deprecated since v1.14; use "kubernetes.io/os" instead',
  'failure-domain.beta.kubernetes.io/region': 'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  'failure-domain.beta.kubernetes.io/zone': 'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  'beta.kubernetes.io/instance-type': 'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
}

const DEPRECATED_VOLUMES: [string, string, string][] = [
  ['photonPersistentDisk', 'photonPersistentDisk', 'deprecated in v1.11, non-functional in v1.16+'],
  ['gitRepo', 'gitRepo', 'deprecated in v1.11'],
  ['scaleIO', 'scaleIO', 'deprecated in v1.16, non-functional in v1.22+'],
  ['flocker', 'flocker', 'deprecated in v1.22, non-functional in v1.25+'],
  ['storageos', 'storageOS', 'deprecated in v1.22, non-functional in v1.25+'],
  ['quobyte', 'quobyte', 'deprecated in v1.22, non-functional in v1.25+'],
  ['glusterfs', 'glusterfs', 'deprecated in v1.25, non-functional in v1.26+'],
  ['cephfs', 'cephfs', 'deprecated in v1.28, non-functional in v1.31+'],
  ['rbd', 'rbd', 'deprecated in v1.28, non-functional in v1.31+'],
]

function fractional(v: unknown): string | undefined {
  try {
    const q = parseQuantity(typeof v === 'number' ? String(v) : str(v))
    return milliValue(q) % 1000 !== 0 ? str(v) : undefined
  } catch {
    return undefined
  }
}

/** Warnings for a pod spec; `prefix` is "spec.template" for templates and "" for Pods. */
export function podSpecWarnings(spec: J, prefix: string): string[] {
  const p = (s: string) => (prefix ? `${prefix}.${s}` : s)
  const out: string[] = []
  for (const k of sortedKeys(isObj(spec.nodeSelector) ? spec.nodeSelector : undefined)) {
    if (DEPRECATED_NODE_LABELS[k]) out.push(`${p('spec.nodeSelector')}[${k}]: ${DEPRECATED_NODE_LABELS[k]}`)
  }
  ;(isArr(spec.volumes) ? spec.volumes : []).forEach((v, i) => {
    for (const [key, child, msg] of DEPRECATED_VOLUMES) if (isObj(v) && v[key] != null) out.push(`${p('spec.volumes')}[${i}].${child}: ${msg}`)
  })
  for (const k of ['initContainers', 'containers']) {
    ;(isArr(spec[k]) ? spec[k] : []).forEach((c: unknown, i: number) => {
      if (!isObj(c)) return
      const at = `${p('spec.' + k)}[${i}]`
      const r = isObj(c.resources) ? c.resources : {}
      for (const [list, res] of [['limits', 'memory'], ['requests', 'memory'], ['limits', 'ephemeral-storage'], ['requests', 'ephemeral-storage']]) {
        const v = isObj(r[list]) ? r[list][res] : undefined
        const bad = v !== undefined ? fractional(v) : undefined
        if (bad !== undefined) out.push(`${at}.resources.${list}[${res}]: fractional byte value ${goQuote(bad)} is invalid, must be an integer`)
      }
      const seen = new Set<string>()
      ;(isArr(c.env) ? c.env : []).forEach((e, j) => {
        if (!isObj(e)) return
        const name = str(e.name)
        if (!seen.has(name)) return void seen.add(name)
        const ref = `$(${name})`
        if (e.valueFrom != null || e.value === ref || !str(e.value).includes(ref)) out.push(`${at}.env[${j}]: hides previous definition of ${goQuote(name)}, which may be dropped when using apply`)
      })
    })
  }
  if (typeof spec.terminationGracePeriodSeconds === 'number' && spec.terminationGracePeriodSeconds < 0) {
    out.push(`${p('spec.terminationGracePeriodSeconds')}: must be >= 0; negative values are invalid and will be treated as 1`)
  }
  return out
}

/** The Job and CronJob strategies' WarningsOnCreate about names that are not DNS labels. */
export function nameWarning(name: string): string | undefined {
  const msgs = isDNS1123Label(name)
  return msgs.length ? `metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(' ')}]` : undefined
}
