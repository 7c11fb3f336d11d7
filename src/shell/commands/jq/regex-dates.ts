// jq's regex builtins (Oniguruma's Perl-like syntax is close to JavaScript's) and its
// UTC date functions (gmtime, mktime, strftime, strptime).
// Upstream: jq src/builtin.c (f_match, f_gmtime, f_mktime, f_strftime, f_strptime).
import { strftime, toTm } from '../date/strftime.ts'
import { zoneFor } from '../date/tz.ts'
import { desc, err } from './ops.ts'
import { isNum, num, type Value } from './value.ts'

const str = (v: Value, what: string): string => {
  if (typeof v !== 'string') err(`${desc(v)} ${what}`)
  return v
}

function toRegExp(re: Value, flags: Value): { r: RegExp; global: boolean; skipEmpty: boolean } {
  const source = str(re, 'cannot be matched, as it is not a string')
  const f = flags === null ? '' : str(flags, 'is not a string')
  let js = 'du'
  let pattern = source
  for (const c of f) {
    if (c === 'g' || c === 'n' || c === 'l') continue
    else if (c === 'i') js += 'i'
    else if (c === 's') js += 's'
    else if (c === 'p') js += 's'
    else if (c === 'x') pattern = pattern.replace(/\\#/g, '\u0000').replace(/\s+|#.*$/gm, '').replace(/\u0000/g, '\\#')
    else err(`${f} is not a valid modifier string`)
  }
  try {
    return { r: new RegExp(pattern, js + 'g'), global: f.includes('g'), skipEmpty: f.includes('n') }
  } catch {
    err(`${source} (at offset 0) is not a valid regex: invalid pattern`)
  }
}

export function regexArgs(v: Value, re: Value, flags: Value, fn: (r: RegExp, s: string) => boolean): boolean {
  const s = str(v, 'cannot be matched, as it is not a string')
  const { r } = toRegExp(re, flags)
  r.lastIndex = 0
  return fn(r, s)
}

export function matchImpl(v: Value, re: Value, flags: Value, testOnly: boolean): Value {
  const s = str(v, 'cannot be matched, as it is not a string')
  const { r, global, skipEmpty } = toRegExp(re, flags)
  if (testOnly) return r.test(s)
  const cp = (i: number) => [...s.slice(0, i)].length
  const names = new Map<number, string>()
  const groupNames = /\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g
  let gi = 0
  for (const m of r.source.matchAll(/\((?!\?[:=!]|\?<[=!])(\?<([A-Za-z_]\w*)>)?/g)) {
    gi++
    if (m[2]) names.set(gi, m[2])
  }
  void groupNames
  const out: Value[] = []
  r.lastIndex = 0
  for (let m = r.exec(s); m; m = r.exec(s)) {
    if (m[0] === '') r.lastIndex++
    if (skipEmpty && m[0] === '') {
      if (!global) break
      continue
    }
    const captures: Value[] = []
    for (let g = 1; g < m.length; g++) {
      const idx = m.indices![g]
      captures.push(
        new Map<string, Value>([
          ['offset', idx ? cp(idx[0]) : -1],
          ['length', idx ? [...m[g]].length : 0],
          ['string', m[g] ?? null],
          ['name', names.get(g) ?? null],
        ]),
      )
    }
    out.push(
      new Map<string, Value>([
        ['offset', cp(m.index)],
        ['length', [...m[0]].length],
        ['string', m[0]],
        ['captures', captures],
      ]),
    )
    if (!global) break
  }
  return out
}

export function brokenDown(t: number): Value {
  const d = new Date(Math.floor(t) * 1000)
  const frac = t - Math.floor(t)
  const yday = Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000)
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds() + frac, d.getUTCDay(), yday]
}

export function strftimeJq(v: Value, f: Value, local: boolean): Value {
  void local
  let t: number
  if (isNum(v)) t = num(v)
  else if (Array.isArray(v)) {
    const a = v.map((x) => num(x as number))
    t = Date.UTC(a[0], a[1], a[2], a[3], a[4], Math.floor(a[5])) / 1000
  } else err('strftime/1 requires parsed datetime inputs')
  const ms = Math.floor(t) * 1000
  return strftime(str(f, 'strftime/1 requires a string format'), toTm(ms, zoneFor('UTC', false).at(ms)))
}

export function strptimeJq(s: string, f: string): Value {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(s)
  if (f !== '%Y-%m-%dT%H:%M:%SZ' || !m) {
    const generic = genericStrptime(s, f)
    if (generic) return generic
    err(`date "${s}" does not match format "${f}"`)
  }
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) / 1000
  return brokenDown(t)
}

function genericStrptime(s: string, f: string): Value | null {
  const fields = { Y: 1900, m: 1, d: 1, H: 0, M: 0, S: 0 }
  let re = ''
  const order: string[] = []
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '%' && 'YmdHMS'.includes(f[i + 1])) {
      order.push(f[++i])
      re += f[i] === 'Y' ? '(\\d{1,4})' : '(\\d{1,2})'
    } else if (f[i] === '%' && f[i + 1] === 'Z') {
      i++
      re += '[A-Za-z]+'
    } else re += f[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  const m = new RegExp(`^${re}$`).exec(s)
  if (!m) return null
  order.forEach((k, i) => (fields[k as keyof typeof fields] = Number(m[i + 1])))
  return brokenDown(Date.UTC(fields.Y, fields.m - 1, fields.d, fields.H, fields.M, fields.S) / 1000)
}
