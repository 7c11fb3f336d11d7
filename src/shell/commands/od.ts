// od: dump FILEs (one stream, or stdin) 16 bytes a line after the offset (octal, 7
// digits; -A d/o/x/n), in each format asked for, a line per format: -t d/o/u/x with a
// size (1 2 4 8, C S I L; 4 by default), c (C escapes, octal for the rest), a (ASCII
// names), a 'z' suffix adding the printable bytes; -b -c -d -h -i -l -o -s -x as
// shorthands, taken in busybox's fixed order, not as typed. A block equal to the one
// before is shown as one '*' (-v shows it); the last block is padded with zero bytes to
// whole words; the total offset ends the dump. -j skips, -N limits, -w sets the bytes
// a line. Upstream: busybox 1.36 coreutils/od_bloaty.c (the DESKTOP od).
import type { CommandContext, Wait } from '../api.ts'
import { gnuQuote, isGnu } from './gnu/userland.ts'
import { parseArgs } from './util/args.ts'
import { openInput, readSource, toBytes } from './util/io.ts'
import { wantsHelp } from './util/usage.ts'

interface Spec {
  kind: string
  size: number
  width: number
  trailer: boolean
}

// Field widths by byte count, as od_bloaty.c's bytes_to_*_digits tables give them.
const WIDTHS: Record<string, number[]> = {
  d: [1, 4, 6, 8, 11, 13, 16, 18, 20],
  o: [0, 3, 6, 8, 11, 14, 16, 19, 22],
  u: [0, 3, 5, 8, 10, 13, 15, 17, 20],
  x: [0, 2, 4, 6, 8, 10, 12, 14, 16],
}
const CSIL: Record<string, number> = { C: 1, S: 2, I: 4, L: 8 }
const NAMES = 'nul soh stx etx eot enq ack bel  bs  ht  nl  vt  ff  cr  so  si dle dc1 dc2 dc3 dc4 nak syn etb can  em sub esc  fs  gs  rs  us  sp'.match(/.{3}\s?/g)!.map((s) => s.slice(0, 3))
const ESCAPES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' }
const SUFFIXES: Record<string, number> = { b: 512, k: 1024, m: 1024 * 1024 }

class OdError extends Error {}

/** Decode a -t string ("x1", "cx2z", "dL") into its formats. */
function decode(t: string, into: Spec[], gnu?: (s: string) => string): void {
  let s = t
  while (s) {
    const c = s[0]
    let spec: Spec
    if ('doux'.includes(c)) {
      s = s.slice(1)
      let size = 4
      if (CSIL[s[0]]) {
        size = CSIL[s[0]]
        s = s.slice(1)
      } else if (/^[0-9]/.test(s)) {
        const digits = /^[0-9]+/.exec(s)![0]
        if (gnu) {
          // GNU reads the digits and goes on with what follows ("x1z", "d2c").
          size = Number(digits)
          if (![1, 2, 4, 8].includes(size)) throw new OdError(`invalid type string ${gnu(t)};\nthis system doesn't provide a ${size}-byte integral type`)
        } else {
          // busybox reads the size with bb_strtou, which fails (as -1) when anything
          // follows the digits: "x1z" or "x1c" are refused, "xCz" and "cx1" are not.
          size = digits.length === s.length ? Number(digits) : 4294967295
          if (![1, 2, 4, 8].includes(size)) throw new OdError(`invalid type string '${t}'; ${size}-byte integral type is not supported`)
        }
        s = s.slice(digits.length)
      }
      spec = { kind: c, size, width: WIDTHS[c][size], trailer: false }
    } else if (c === 'a' || c === 'c') {
      s = s.slice(1)
      spec = { kind: c, size: 1, width: 3, trailer: false }
    } else throw new OdError(`invalid character '${c}' in type string ${gnu ? gnu(t) : `'${t}'`}`)
    if (s[0] === 'z') {
      spec.trailer = true
      s = s.slice(1)
    }
    into.push(spec)
  }
}

function offsetArg(v: string): number {
  const m = /^(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)([bkm]?)$/i.exec(v)
  if (!m) throw new OdError(`invalid number '${v}'`)
  return Number(m[1].startsWith('0') && !/^0x/i.test(m[1]) && m[1].length > 1 ? parseInt(m[1], 8) : m[1]) * (SUFFIXES[m[2]] ?? 1)
}

/** One value as text, before padding: a character, an escape or name, or a number. */
function field(spec: Spec, bytes: number[], at: number): string {
  if (spec.kind === 'a') {
    const c = bytes[at] & 0x7f
    return c === 0x7f ? 'del' : c > 32 ? String.fromCharCode(c) : NAMES[c].trim()
  }
  if (spec.kind === 'c') {
    const c = bytes[at]
    if (c >= 32 && c < 127) return String.fromCharCode(c)
    return ESCAPES[c] ?? c.toString(8).padStart(3, '0')
  }
  // Little-endian words, as on x86_64.
  let v = 0n
  for (let i = spec.size - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[at + i])
  if (spec.kind === 'd' && v >= 1n << BigInt(spec.size * 8 - 1)) v -= 1n << BigInt(spec.size * 8)
  if (spec.kind === 'o') return v.toString(8).padStart(spec.width, '0')
  if (spec.kind === 'x') return v.toString(16).padStart(spec.width, '0')
  return v.toString()
}

export function* od(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const gnu = isGnu(ctx)
  const p = parseArgs(ctx, { short: gnu ? 'A:N:abcdhij:lot:vxsw::' : 'A:N:abcdhij:lot:vxsw:', long: { 'address-radix=': 'A', 'read-bytes=': 'N', 'skip-bytes=': 'j', 'format=': 't', 'output-duplicates': 'v', 'width=': 'w' } })
  if (typeof p === 'number') return p
  const o = p.opts
  const specs: Spec[] = []
  let radix = 'o'
  let skip = 0
  let limit: number | undefined
  let width: number | undefined
  try {
    const a = o.get('A')
    if (a !== undefined) {
      if (!a || !'doxn'.includes(a[0]) || (gnu && a.length > 1))
        throw new OdError(gnu ? `invalid output address radix '${a[0] ?? ''}'; it must be one character from [doxn]` : `bad output address radix '${a[0] ?? ''}' (must be [doxn])`)
      radix = a[0]
    }
    if (o.has('N')) limit = offsetArg(o.get('N')!)
    if (o.has('j')) skip = offsetArg(o.get('j')!)
    if (gnu) {
      const q = (x: string) => gnuQuote(ctx, x)
      // GNU takes the formats in the order typed; -i is an int, -l a long (od.c).
      const t = o.all('t')
      let ti = 0
      const short: Record<string, string> = { a: 'a', b: 'oC', c: 'c', d: 'u2', h: 'x2', i: 'dI', l: 'dL', o: 'o2', s: 'd2', x: 'x2' }
      for (const k of o.order) {
        if (k === 't') decode(t[ti++], specs, q)
        else if (short[k]) decode(short[k], specs)
      }
    } else {
      // busybox's order, whatever the order typed.
      const short: [string, string][] = [['a', 'a'], ['b', 'oC'], ['c', 'c'], ['d', 'u2'], ['h', 'x2'], ['i', 'd2'], ['l', 'd4'], ['o', 'o2']]
      for (const [k, t] of short) if (o.has(k)) decode(t, specs)
      for (const t of o.all('t')) decode(t, specs)
      if (o.has('x')) decode('x2', specs)
      if (o.has('s')) decode('d2', specs)
    }
    // GNU's -w alone is 32 bytes a line.
    if (o.has('w')) width = o.get('w') === '' && gnu ? 32 : offsetArg(o.get('w')!)
  } catch (e) {
    if (!(e instanceof OdError)) throw e
    ctx.stderr.write(`od: ${e.message}\n`)
    return 1
  }
  if (!specs.length) decode('o2', specs)
  let code = 0
  let opened = false
  let bytes: number[] = []
  for (const f of p.args.length ? p.args : ['-']) {
    const r = openInput(ctx, f)
    if (!r.ok) {
      ctx.stderr.write(`od: ${f}: ${r.error.text}\n`)
      code = 1
      continue
    }
    opened = true
    bytes = bytes.concat(toBytes(yield* readSource(r.source)))
  }
  if (!opened) return 1
  if (skip > bytes.length) {
    ctx.stderr.write(`od: ${gnu ? 'cannot' : "can't"} skip past end of combined input\n`)
    return 1
  }
  const lcm = specs.reduce((m, s) => (m % s.size === 0 ? m : m * s.size / gcd(m, s.size)), 1)
  let perLine = lcm < 16 ? lcm * Math.floor(16 / lcm) : lcm
  if (width !== undefined) {
    if (!width || width % lcm !== 0) ctx.stderr.write(`od: warning: invalid width ${width}; using ${lcm} instead\n`)
    perLine = !width || width % lcm !== 0 ? lcm : width
  }
  const end = limit === undefined ? bytes.length : Math.min(bytes.length, skip + limit)
  const pad = radix === 'x' ? 6 : 7
  const addr = (n: number) => (radix === 'n' ? '' : n.toString(radix === 'd' ? 10 : radix === 'x' ? 16 : 8).padStart(pad, '0'))
  let out = ''
  let prev: number[] | undefined
  let starred = false
  let at = skip
  for (; at < end; at += perLine) {
    const n = Math.min(perLine, end - at)
    const block = bytes.slice(at, at + n)
    if (n === perLine && prev && !o.has('v') && block.every((b, i) => b === prev![i])) {
      if (!starred) out += '*\n'
      starred = true
      continue
    }
    starred = false
    prev = block
    const shown = n === perLine ? n : lcm * Math.ceil(n / lcm)
    while (block.length < shown) block.push(0)
    specs.forEach((s, i) => {
      out += i === 0 ? addr(at) : ' '.repeat(radix === 'n' ? 0 : pad)
      const fields = perLine / s.size
      if (!gnu) {
        // busybox: every value a space and its field's width.
        for (let k = 0; k + s.size <= shown; k += s.size) out += ' ' + field(s, block, k).padStart(s.width)
      } else {
        // GNU lines its formats up: each gets the widest format's room per block, the
        // spare spread over its fields (od.c PRINT_FIELDS' next_pad), and a short last
        // block shows only the values it has.
        const spare = widthPerBlock(specs, perLine) - s.width * fields
        const count = Math.ceil(n / s.size)
        let remaining = spare
        for (let f = 0; f < count; f++) {
          const next = Math.floor((spare * (fields - f - 1)) / fields)
          out += field(s, block, f * s.size).padStart(remaining - next + s.width)
          remaining = next
        }
      }
      if (s.trailer) {
        const perField = gnu ? s.width + Math.floor((widthPerBlock(specs, perLine) - s.width * fields) / fields) : s.width + 1
        const used = gnu ? n : shown
        out += ' '.repeat(Math.floor((perLine - used) / s.size) * perField)
        out += '  >' + block.slice(0, used).map((c) => (c >= 32 && c < 127 ? String.fromCharCode(c) : '.')).join('') + '<'
      }
      out += '\n'
    })
  }
  out += radix === 'n' ? '' : addr(end) + '\n'
  ctx.stdout.write(out)
  return code
}

/** The widest format's columns for one line (GNU od.c: width_per_block). */
function widthPerBlock(specs: Spec[], perLine: number): number {
  return Math.max(...specs.map((s) => (s.width + 1) * (perLine / s.size)))
}

function gcd(a: number, b: number): number {
  return b ? gcd(b, a % b) : a
}
