// What a benchmark measures and what it must stay within (issue #7): a figure has
// a name, a unit and a budget; a measurement adds the value (a median), the CPU
// time it took where that is known, and a note (how many runs, what was cut short).

export type Budget = { max: number } | { min: number } | { between: [number, number] }

export interface Measurement {
  name: string
  value: number
  unit: string
  budget: Budget
  /** Median CPU time of the process over the same runs, same unit as value (engine, shell, kubectl). */
  cpu?: number
  note?: string
}

/** The JSON shape of `npm run bench -- --json FILE`. */
export interface JsonFigure {
  name: string
  value: number
  unit: string
  budget: string
  pass: boolean
  cpu?: number
  note?: string
}

export function passes(value: number, b: Budget): boolean {
  if (!Number.isFinite(value)) return false
  if ('max' in b) return value <= b.max
  if ('min' in b) return value >= b.min
  return value >= b.between[0] && value <= b.between[1]
}

export function budgetText(b: Budget): string {
  if ('max' in b) return `≤ ${num(b.max)}`
  if ('min' in b) return `≥ ${num(b.min)}`
  return `${num(b.between[0])}–${num(b.between[1])}`
}

export function num(v: number): string {
  if (!Number.isFinite(v)) return String(v)
  if (Number.isInteger(v)) return v.toLocaleString('en-US')
  const abs = Math.abs(v)
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export function median(xs: number[]): number {
  if (!xs.length) return NaN
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export function toJson(m: Measurement): JsonFigure {
  const out: JsonFigure = { name: m.name, value: round(m.value), unit: m.unit, budget: budgetText(m.budget), pass: passes(m.value, m.budget) }
  if (m.cpu !== undefined) out.cpu = round(m.cpu)
  if (m.note) out.note = m.note
  return out
}

function round(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(4)) : v
}

/** The table `npm run bench` prints: one row per figure. */
export function table(ms: Measurement[]): string {
  const rows = [['figure', 'value', 'unit', 'budget', '', 'cpu', 'note']]
  for (const m of ms) {
    rows.push([m.name, num(m.value), m.unit, budgetText(m.budget), passes(m.value, m.budget) ? 'PASS' : 'OVER', m.cpu === undefined ? '' : num(m.cpu), m.note ?? ''])
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  const right = new Set([1, 5])
  return rows
    .map((r) => r.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd())
    .join('\n')
}
