// The client side of `kubectl get` tables: wide columns, NAMESPACE, kind prefixes, -L and
// --show-labels columns, the watch EVENT column, cell clean-up. Upstream: cli-runtime
// pkg/printers/tableprinter.go (decorateTable, printTable, formatEventType).
import type { KObject } from '../../engine/api/types.ts'
import { formatLabels } from '../selectors.ts'
import type { TableDef } from './rows.ts'

export interface TableOptions {
  wide: boolean
  noHeaders: boolean
  /** Add a NAMESPACE column first (-A on namespaced kinds). */
  withNamespace: boolean
  /** Prefix names with this ("job.batch"), when several kinds are printed. */
  kindPrefix?: string
  /** -L: one column per label key. */
  labelColumns: string[]
  showLabels: boolean
}

const WATCH_EVENT: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' }

/** A cell as kubectl writes it: cut at the first line break (adding "..."), ESC and CR made visible. */
export function cleanCell(s: string): string {
  const br = s.search(/[\f\n\r]/)
  const cut = br >= 0 ? s.slice(0, br) : s
  return cut.replace(/\x1b/g, '^[').replace(/\r/g, '\\r') + (br >= 0 ? '...' : '')
}

/** Header text of a -L column: the last path segment of the key. */
function labelHeader(key: string): string {
  const parts = key.split('/')
  return parts[parts.length - 1]
}

export function headerCells(def: TableDef, opts: TableOptions, eventColumn = false): string[] {
  const out: string[] = []
  if (eventColumn) out.push('EVENT')
  if (opts.withNamespace) out.push('NAMESPACE')
  for (const c of def.columns) if (opts.wide || c.priority === 0) out.push(c.name.toUpperCase())
  for (const k of opts.labelColumns) out.push(labelHeader(k).toUpperCase())
  if (opts.showLabels) out.push('LABELS')
  return out
}

export function rowCells(def: TableDef, obj: KObject, now: number, opts: TableOptions, eventType?: string): string[] {
  const cells = def.cells(obj, now)
  const out: string[] = []
  if (eventType) out.push(WATCH_EVENT[eventType] ?? eventType)
  if (opts.withNamespace) out.push(obj.metadata.namespace ?? '')
  def.columns.forEach((c, i) => {
    if (!opts.wide && c.priority !== 0) return
    let v = cells[i] ?? ''
    if (c.isName && opts.kindPrefix) v = `${opts.kindPrefix}/${v}`
    out.push(cleanCell(v))
  })
  const labels = obj.metadata.labels ?? {}
  for (const k of opts.labelColumns) out.push(cleanCell(labels[k] ?? ''))
  if (opts.showLabels) out.push(formatLabels(labels) || '<none>')
  return out
}

/** Tab-separated lines for the tabwriter. */
export function tabLine(cells: string[]): string {
  return cells.join('\t') + '\n'
}
