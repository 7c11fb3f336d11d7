// sort as busybox has it (GNU's messages in GNU images): whole-line strcmp by default, -n (atof),
// -g (strtod), -M, -f -b -d -i, -r, -u (by key, first kept), -s, -k with per-key flags and .CHAR
// positions, -t, -o, -c; ties broken by the whole line unless -s or -u. Upstream: coreutils/sort.c.
import type { CommandContext, Wait } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { openInput, readSource } from './util/io.ts'
import { wantsHelp } from './util/usage.ts'
import { gnuQuote, isGnu, progName, quoteIfNeeded } from './gnu/userland.ts'

interface Key {
  /** Start field, start char, end field, end char (0 = unset), as busybox's range[4]. */
  range: [number, number, number, number]
  flags: string
}

const KEY_FLAGS = 'nghMbrdfi'
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const isSpace = (c: string | undefined) => c !== undefined && ' \t\n\v\f\r'.includes(c)

export function* sort(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'nghMVucszbrdfimS:T:o:k:t:', errorCode: 2 })
  if (typeof p === 'number') return p
  const o = p.opts
  const global = [...'nghMbrdfi'].filter((f) => o.has(f)).join('')
  const sep = o.get('t')
  const gnu = isGnu(ctx)
  const prog = progName(ctx)
  if (sep !== undefined && sep.length !== 1) {
    if (gnu) ctx.stderr.write(sep.length ? `${prog}: multi-character tab ${gnuQuote(ctx, sep)}\n` : `${prog}: empty tab\n`)
    else ctx.stderr.write(sep.length ? 'sort: bad -t parameter\n' : 'sort: empty tab\n')
    return 2
  }
  const keys: Key[] = []
  for (const spec of o.all('k')) {
    const k = parseKey(spec)
    if (typeof k === 'string') {
      ctx.stderr.write(gnu ? `${prog}: ${gnuKeyError(ctx, spec)}\n` : `sort: ${k}\n`)
      return 2
    }
    keys.push(k)
  }
  if (!keys.length) keys.push({ range: [1, 0, 0, 0], flags: '' })
  const lines: string[] = []
  let code = 0
  for (const f of p.args.length ? p.args : ['-']) {
    const r = openInput(ctx, f)
    if (!r.ok) {
      if (!gnu) ctx.stderr.write(`sort: ${f}: ${r.error.text}\n`)
      else ctx.stderr.write(`${prog}: ${r.error.code === 'EISDIR' ? 'read failed' : 'cannot read'}: ${quoteIfNeeded(ctx, f)}: ${r.error.text}\n`)
      return 2
    }
    const text = yield* readSource(r.source)
    const parts = text.split(o.has('z') ? '\0' : '\n')
    if (parts[parts.length - 1] === '') parts.pop()
    lines.push(...parts)
  }
  const unique = o.has('u')
  const stable = o.has('s')
  const cmp = (x: string, y: string): number => {
    let ret = 0
    let flags = global
    for (const key of keys) {
      flags = key.flags || global
      ret = compareKey(getKey(x, key, flags, sep), getKey(y, key, flags, sep), flags)
      if (ret) break
    }
    if (ret === 0) {
      if (stable) return 0
      if (!unique) {
        flags = global
        ret = x < y ? -1 : x > y ? 1 : 0
      }
    }
    return flags.includes('r') ? -ret : ret
  }
  if (o.has('c')) {
    for (let i = 1; i < lines.length; i++)
      if (cmp(lines[i - 1], lines[i]) > (unique ? -1 : 0)) {
        ctx.stderr.write(gnu ? `${prog}: ${p.args[0] ?? '-'}:${i + 1}: disorder: ${lines[i]}\n` : `Check line ${i}\n`)
        return 1
      }
    return 0
  }
  const sorted = lines.map((l, i) => [l, i] as const).sort((a, b) => cmp(a[0], b[0]) || a[1] - b[1]).map((x) => x[0])
  const out = unique ? sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1], l) !== 0) : sorted
  const eol = o.has('z') ? '\0' : '\n'
  const text = out.map((l) => l + eol).join('')
  if (o.has('o')) {
    try {
      ctx.fs.writeFile(o.get('o')!, text, ctx.cwd)
    } catch {
      ctx.stderr.write(gnu ? `${prog}: open failed: ${o.get('o')}: No such file or directory\n` : `sort: can't open '${o.get('o')}': No such file or directory\n`)
      code = 2
    }
  } else ctx.stdout.write(text)
  return code
}

/** GNU sort's complaint about a -k it cannot read (the common shapes). */
function gnuKeyError(ctx: CommandContext, spec: string): string {
  if (!/^\d/.test(spec)) return `invalid number at field start: invalid count at start of ${gnuQuote(ctx, spec)}`
  if (/^0/.test(spec)) return `field number is zero: invalid field specification ${gnuQuote(ctx, spec)}`
  return `stray character in field spec: invalid field specification ${gnuQuote(ctx, spec)}`
}

function parseKey(spec: string): Key | string {
  const key: Key = { range: [0, 0, 0, 0], flags: '' }
  let i = 0
  let s = spec
  const num = () => {
    const m = /^\d*/.exec(s)![0]
    s = s.slice(m.length)
    return Number(m || 0)
  }
  while (s) {
    key.range[2 * i] = num()
    if (s[0] === '.') {
      s = s.slice(1)
      key.range[2 * i + 1] = num()
    }
    while (s) {
      if (s[0] === ',' && !i++) {
        s = s.slice(1)
        break
      }
      const c = s[0]
      if (!'nghMVucszbrdfimS'.includes(c)) return 'unknown key option'
      if (!KEY_FLAGS.includes(c)) return 'unknown sort type'
      // `b` after the comma strips trailing blanks.
      key.flags += i && c === 'b' ? 'B' : c
      s = s.slice(1)
    }
  }
  return key
}

/** get_key(): the text of a key, field positions counted busybox's way. */
function getKey(str: string, key: Key, flags: string, sep: string | undefined): string {
  const [f1, c1, f2, c2] = key.range
  if (f1 === 1 && !c1 && !f2 && !c2 && !/[bdfiB]/.test(flags)) return str
  const len = str.length
  let start = 0
  let end = 0
  for (let j = 0; j < 2; j++) {
    const field = key.range[2 * j]
    if (!field) end = len
    else {
      let ch = ''
      end = 0
      for (let i = 1; i < field + j; i++) {
        if (sep !== undefined) {
          while (end < len) {
            ch = str[end++]
            if (ch === sep) break
          }
          if (end >= len && ch !== sep) ch = ''
        } else {
          while (isSpace(str[end])) end++
          while (end < len && !isSpace(str[end])) end++
        }
      }
      if (j && ch) end--
    }
    if (!j) start = end
  }
  if (flags.includes('b')) while (isSpace(str[start])) start++
  if (flags.includes('B')) while (end > start && isSpace(str[end - 1])) end--
  if (c2) end = Math.min(c2, len)
  if (c1) start = Math.min(start + c1 - 1, len)
  if (end < start) end = start
  let k = str.slice(start, end)
  if (flags.includes('d')) k = k.replace(/[^\sA-Za-z0-9]/g, '')
  if (flags.includes('i')) k = k.replace(/[^\x20-\x7e]/g, '')
  if (flags.includes('f')) k = k.replace(/[a-z]/g, (c) => c.toUpperCase())
  return k
}

/** atof(): the longest numeric prefix after leading blanks, or 0. */
function atof(s: string): number {
  const m = /^[ \t\n\v\f\r]*([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)/.exec(s)
  return m ? Number(m[1]) : 0
}

function compareKey(x: string, y: string, flags: string): number {
  if (flags.includes('n')) {
    const dx = atof(x)
    const dy = atof(y)
    return dx > dy ? 1 : dx < dy ? -1 : 0
  }
  if (flags.includes('g') || flags.includes('h')) {
    const nx = /^[ \t]*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.test(x)
    const ny = /^[ \t]*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.test(y)
    if (!nx) return ny ? -1 : 0
    if (!ny) return 1
    const dx = atof(x)
    const dy = atof(y)
    return dx > dy ? 1 : dx < dy ? -1 : 0
  }
  if (flags.includes('M')) {
    const mx = MONTHS.indexOf(x.trimStart().slice(0, 3).toLowerCase())
    const my = MONTHS.indexOf(y.trimStart().slice(0, 3).toLowerCase())
    if (mx < 0) return my < 0 ? 0 : -1
    if (my < 0) return 1
    return mx - my
  }
  return x < y ? -1 : x > y ? 1 : 0
}
