// tr as busybox has it (GNU's messages in GNU images): byte-wise translation over 256-entry tables:
// ranges, [:class:], [=c=], escapes, -d delete, -s squeeze, -c complement; SET2 padded with its
// last byte. Upstream: busybox coreutils/tr.c.
import type { CommandContext, Wait } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { stdinSource, utf8Decode, utf8Encode } from './util/io.ts'
import { usageError, wantsHelp } from './util/usage.ts'
import { gnuQuote, isGnu } from './gnu/userland.ts'

const ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 }

/** One byte from an escape at s[i] (after the backslash): [byte, next index]. */
function escapeAt(s: number[], i: number): [number, number] {
  const c = String.fromCharCode(s[i] ?? 92)
  if (c in ESCAPES && i < s.length) return [ESCAPES[c], i + 1]
  let j = i
  let v = 0
  while (j < s.length && j < i + 3 && s[j] >= 48 && s[j] <= 55) v = v * 8 + (s[j++] - 48)
  if (j > i) return [v & 0xff, j]
  return i < s.length ? [s[i], i + 1] : [92, i]
}

const CLASSES: Record<string, (b: number) => boolean> = {
  alpha: (b) => (b >= 65 && b <= 90) || (b >= 97 && b <= 122),
  alnum: (b) => (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122),
  digit: (b) => b >= 48 && b <= 57,
  lower: (b) => b >= 97 && b <= 122,
  upper: (b) => b >= 65 && b <= 90,
  space: (b) => b === 32 || (b >= 9 && b <= 13),
  blank: (b) => b === 32 || b === 9,
  punct: (b) => b > 32 && b < 127 && !((b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)),
  cntrl: (b) => b < 32 || b === 127,
  xdigit: (b) => (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102),
}

/** The order busybox lists a class's members in (digits, upper, lower...). */
function classBytes(name: string): number[] {
  const out: number[] = []
  const range = (a: number, b: number) => {
    for (let i = a; i <= b; i++) out.push(i)
  }
  if (name === 'alnum' || name === 'digit' || name === 'xdigit') range(48, 57)
  if (name === 'alpha' || name === 'alnum' || name === 'upper') range(65, 90)
  if (name === 'alpha' || name === 'alnum' || name === 'lower') range(97, 122)
  if (name === 'space') out.push(9, 10, 11, 12, 13, 32)
  if (name === 'blank') out.push(9, 32)
  if (name === 'punct' || name === 'cntrl') for (let i = 0; i < 128; i++) if (CLASSES[name](i)) out.push(i)
  if (name === 'xdigit') out.push(65, 66, 67, 68, 69, 70, 97, 98, 99, 100, 101, 102)
  return out
}

export function expandSet(arg: string): number[] {
  const s = utf8Encode(arg)
  const out: number[] = []
  let i = 0
  while (i < s.length) {
    let c = s[i]
    let next = i + 1
    if (c === 92) [c, next] = escapeAt(s, i + 1)
    if (s[next] === 45 && next + 1 < s.length) {
      let end = s[next + 1]
      let after = next + 2
      if (end === 92) [end, after] = escapeAt(s, next + 2)
      for (let b = c; b <= end; b++) out.push(b)
      i = after
      continue
    }
    if (c === 91 && s[i] === 91) {
      const rest = String.fromCharCode(...s.slice(i + 1, i + 12))
      const m = /^:([a-z]+):\]/.exec(rest)
      if (m && m[1] in CLASSES) {
        out.push(...classBytes(m[1]))
        i += 1 + m[0].length
        continue
      }
      if (s[i + 1] === 61 && s[i + 3] === 61 && s[i + 4] === 93) {
        out.push(s[i + 2])
        i += 5
        continue
      }
    }
    out.push(c)
    i = next
  }
  return out
}

export function* tr(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'Ccds', posix: true })
  if (typeof p === 'number') return p
  const o = p.opts
  if (isGnu(ctx)) {
    const bad = gnuTrOperands(ctx, p.args, o.has('d'), o.has('s'))
    if (bad) return usageError(ctx, 'tr', bad)
  }
  if (!p.args.length) return usageError(ctx, 'tr', '')
  let set1 = expandSet(p.args[0])
  if (o.has('c') || o.has('C')) {
    const inSet = new Set(set1)
    set1 = []
    for (let b = 0; b < 256; b++) if (!inSet.has(b)) set1.push(b)
  }
  const map = Array.from({ length: 256 }, (_, i) => i)
  const outSet = new Set<number>()
  if (p.args.length > 1) {
    if (p.args[1] === '') {
      ctx.stderr.write('tr: STRING2 cannot be empty\n')
      return 1
    }
    const set2 = expandSet(p.args[1])
    let last = 48
    set1.forEach((b, i) => (map[b] = last = i < set2.length ? set2[i] : last))
    for (const b of set2) outSet.add(b)
  }
  const inSet = new Set(set1)
  const del = o.has('d')
  const squeeze = o.has('s')
  let lastOut = -1
  const src = stdinSource(ctx.stdin)
  for (let chunk = yield* src.next(); chunk !== null; chunk = yield* src.next()) {
    // eslint-disable-next-line no-control-regex
    const bytes = /[^\x00-\x7f]/.test(chunk) ? utf8Encode(chunk) : Array.from(chunk, (ch) => ch.charCodeAt(0))
    const out: number[] = []
    for (const c of bytes) {
      if (del && inSet.has(c)) continue
      const coded = map[c]
      if (squeeze && lastOut === coded && (inSet.has(c) || outSet.has(coded))) continue
      out.push((lastOut = coded))
    }
    ctx.stdout.write(utf8Decode(out))
  }
  return 0
}

/** GNU tr's operand count check: two strings to translate, one to delete or squeeze (two with -ds). */
function gnuTrOperands(ctx: CommandContext, args: string[], del: boolean, squeeze: boolean): string {
  const need = del && squeeze ? 2 : del || squeeze ? 1 : 2
  const max = del && !squeeze ? 1 : 2
  if (!args.length) return 'missing operand'
  if (args.length < need) {
    const why = del && squeeze ? 'Two strings must be given when both deleting and squeezing repeats.' : 'Two strings must be given when translating.'
    return `missing operand after ${gnuQuote(ctx, args[args.length - 1])}\n${why}`
  }
  if (args.length > max) {
    const only = del && !squeeze ? '\nOnly one string may be given when deleting without squeezing repeats.' : ''
    return `extra operand ${gnuQuote(ctx, args[max])}${only}`
  }
  return ''
}
