// bash's brace expansion ({a,b,c}, {1..5}, {01..10..2}, {a..e}) on a word's
// unquoted text, before any other expansion (bash manual 3.5.1). busybox ash has
// none, so only bash-flavoured shells (the terminal, bash -c) use it.
import type { Part, Word } from './ast.ts'
import { finishWord } from './words.ts'

const cache = new WeakMap<Word, Word[] | null>()

/** The words a word expands to by brace expansion, or null when it has none. */
export function braceExpand(w: Word): Word[] | null {
  let out = cache.get(w)
  if (out === undefined) {
    const lists = expandParts(w.parts)
    out = lists ? lists.map(finishWord) : null
    cache.set(w, out)
  }
  return out
}

function expandParts(parts: Part[]): Part[][] | null {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]
    if (p.k !== 'lit' || !p.v.includes('{')) continue
    const found = findBrace(p.v)
    if (!found) continue
    const { start, end, alts } = found
    const before = parts.slice(0, i)
    const after = parts.slice(i + 1)
    const head = p.v.slice(0, start)
    const tail = p.v.slice(end + 1)
    const results: Part[][] = []
    for (const alt of alts) {
      const middle: Part[] = []
      const text = head + alt + tail
      if (text) middle.push({ k: 'lit', v: text })
      const list = [...before, ...middle, ...after]
      results.push(...(expandParts(list) ?? [list]))
    }
    return results
  }
  return null
}

/** The first brace expression in unquoted text: where it is and its alternatives. */
function findBrace(s: string): { start: number; end: number; alts: string[] } | null {
  for (let start = s.indexOf('{'); start >= 0; start = s.indexOf('{', start + 1)) {
    let depth = 0
    const commas: number[] = []
    for (let i = start; i < s.length; i++) {
      const c = s[i]
      if (c === '{') depth++
      else if (c === '}') {
        depth--
        if (depth === 0) {
          const body = s.slice(start + 1, i)
          if (commas.length) {
            const alts: string[] = []
            let from = start + 1
            for (const c2 of commas) {
              alts.push(s.slice(from, c2))
              from = c2 + 1
            }
            alts.push(s.slice(from, i))
            return { start, end: i, alts }
          }
          const seq = sequence(body)
          if (seq) return { start, end: i, alts: seq }
          break
        }
      } else if (c === ',' && depth === 1) commas.push(i)
    }
  }
  return null
}

/** {x..y[..step]} for integers (zero-padded like the widest end) or single letters. */
function sequence(body: string): string[] | null {
  let m = /^(-?[0-9]+)\.\.(-?[0-9]+)(?:\.\.(-?[0-9]+))?$/.exec(body)
  if (m) {
    const a = Number(m[1])
    const b = Number(m[2])
    const step = Math.abs(Number(m[3] ?? 1)) || 1
    const width = /^-?0[0-9]/.test(m[1]) || /^-?0[0-9]/.test(m[2]) ? Math.max(m[1].length, m[2].length) : 0
    const out: string[] = []
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
      const s = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0')
      out.push(v < 0 ? '-' + s : s)
      if (out.length > 100_000) break
    }
    return out
  }
  m = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?[0-9]+))?$/.exec(body)
  if (m) {
    const a = m[1].charCodeAt(0)
    const b = m[2].charCodeAt(0)
    const step = Math.abs(Number(m[3] ?? 1)) || 1
    const out: string[] = []
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) out.push(String.fromCharCode(v))
    return out
  }
  return null
}
