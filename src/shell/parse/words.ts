// Facts about a parsed word that the interpreter's fast paths use: whether it is
// a plain literal (no expansion, no pathname pattern) and whether expanding it
// can wait (it holds a command substitution).
import type { Part, Word } from './ast.ts'

/** * or ?, or a bracket expression with its closing ] (a lone [ is literal, as in `[ a ]`). */
export const GLOB_CHARS = /[*?]|\[.*\]/s

export function finishWord(parts: Part[]): Word {
  const w: Word = { parts, sync: partsSync(parts) }
  const lit = literalOf(parts)
  if (lit !== undefined) w.lit = lit
  if (parts.some((p) => p.k === 'lit' && p.v.includes('{'))) w.brace = true
  if (parts.length === 1) {
    const p = parts[0]
    if (p.k === 'param' && p.op === '' && /^[A-Za-z_]/.test(p.name)) w.param = p.name
    if (p.k === 'arith' && p.expr.lit !== undefined) w.arith = p.expr.lit
  }
  return w
}

function partsSync(parts: Part[]): boolean {
  for (const p of parts) {
    if (p.k === 'cmd') return false
    if (p.k === 'dq' && !partsSync(p.parts)) return false
    if (p.k === 'param' && ((p.arg && !p.arg.sync) || (p.arg2 && !p.arg2.sync))) return false
    if (p.k === 'arith' && !p.expr.sync) return false
  }
  return true
}

/** The single field a word expands to when it has no expansions; undefined otherwise. */
function literalOf(parts: Part[]): string | undefined {
  let out = ''
  let open = false
  for (const p of parts) {
    if (p.k === 'lit') {
      if (/[*?]/.test(p.v)) return undefined
      const b = p.v.indexOf('[')
      if ((open || b >= 0) && p.v.indexOf(']', open ? 0 : b) >= 0) return undefined
      if (b >= 0) open = true
      out += p.v
    } else if (p.k === 'q') out += p.v
    else if (p.k === 'dq') {
      for (const q of p.parts) {
        if (q.k !== 'q') return undefined
        out += q.v
      }
    } else return undefined
  }
  return out
}
