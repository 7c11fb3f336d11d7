// awk's builtin functions as busybox awk has them: byte-based length/substr/index/match,
// split, sub/gsub, sprintf, math, glibc rand/srand, bit operations, systime/strftime.
// Upstream: busybox editors/awk.c (exec_builtin, awk_sub).
import { localZone } from '../date/date.ts'
import { strftime, toTm } from '../date/strftime.ts'
import { byteSlice, utf8Length } from '../util/io.ts'
import type { Expr } from './ast.ts'
import type { Interp } from './interp.ts'
import { AwkRuntimeError } from './vars.ts'
import { StrNum, toNum, type Value } from './values.ts'

export function callBuiltin(it: Interp, name: string, args: Expr[]): Value {
  const n = (i: number) => toNum(it.eval(args[i]))
  const s = (i: number) => it.str(it.eval(args[i]))
  switch (name) {
    // busybox awk counts bytes, not characters (strlen, byte offsets).
    case 'length': {
      if (!args.length) return utf8Length(it.fields[0])
      const a = args[0]
      if (a.t === 'var' && it.cell(a.name).arr) return it.cell(a.name).arr!.size
      return utf8Length(s(0))
    }
    case 'substr': {
      const str = s(0)
      const len = utf8Length(str)
      let i = Math.trunc(n(1) - 1)
      if (i > len) i = len
      if (i < 0) i = 0
      let count = args.length > 2 ? Math.trunc(n(2)) : len - i
      if (count < 0) count = 0
      return byteSlice(str, i, i + count)
    }
    case 'index': {
      const hay = s(0)
      const i = hay.indexOf(s(1))
      return i < 0 ? 0 : utf8Length(hay.slice(0, i)) + 1
    }
    case 'split': {
      const text = s(0)
      const a = args[1]
      if (a.t !== 'var') throw new AwkRuntimeError('Not an array')
      const arr = it.cell(a.name).array()
      arr.clear()
      const parts = args.length > 2 ? (args[2].t === 'ere' ? splitRe(it, text, args[2].v) : it.splitText(text, it.eval(args[2]))) : it.splitText(text, it.cell('FS').v)
      parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)))
      return parts.length
    }
    case 'sub':
    case 'gsub':
      return substitute(it, args, name === 'gsub')
    case 'match': {
      const str = s(0)
      const m = it.regexOf(args[1]).exec(str)
      const start = m ? utf8Length(str.slice(0, m.start)) + 1 : 0
      const len = m ? utf8Length(str.slice(m.start, m.end)) : -1
      it.cell('RSTART').v = start
      it.cell('RLENGTH').v = len
      return start
    }
    case 'sprintf':
      if (!args.length) throw new AwkRuntimeError('Too few arguments')
      return it.sprintf(s(0), args.slice(1).map((a) => it.eval(a)))
    case 'sin':
      return Math.sin(n(0))
    case 'cos':
      return Math.cos(n(0))
    case 'atan2':
      return Math.atan2(n(0), n(1))
    case 'exp':
      return Math.exp(n(0))
    case 'log':
      return Math.log(n(0))
    case 'sqrt':
      return Math.sqrt(n(0))
    case 'int':
      return Math.trunc(n(0))
    case 'rand': {
      const r = () => BigInt(it.rng.next())
      const u = (Number((r() << 16n) & 0xffffffffn) ^ Number(r())) >>> 0
      const v = ((r() << 32n) | BigInt(u)) & 0x7fffffffffffffffn
      return Number(v) / 2 ** 63
    }
    case 'srand': {
      const prev = it.seed
      it.seed = args.length ? Math.trunc(n(0)) >>> 0 : Math.floor(it.ctx.host.now() / 1000) >>> 0
      it.rng.seed(it.seed)
      return prev
    }
    case 'tolower':
      return s(0).replace(/[A-Z]+/g, (x) => x.toLowerCase())
    case 'toupper':
      return s(0).replace(/[a-z]+/g, (x) => x.toUpperCase())
    case 'and':
      return Number(BigInt.asUintN(64, BigInt(Math.trunc(n(0)))) & BigInt.asUintN(64, BigInt(Math.trunc(n(1)))))
    case 'or':
      return Number(BigInt.asUintN(64, BigInt(Math.trunc(n(0)))) | BigInt.asUintN(64, BigInt(Math.trunc(n(1)))))
    case 'xor':
      return Number(BigInt.asUintN(64, BigInt(Math.trunc(n(0)))) ^ BigInt.asUintN(64, BigInt(Math.trunc(n(1)))))
    case 'lshift':
      return Number(BigInt.asUintN(64, BigInt(Math.trunc(n(0))) << BigInt(Math.trunc(n(1)))))
    case 'rshift':
      return Number(BigInt.asUintN(64, BigInt(Math.trunc(n(0)))) >> BigInt(Math.trunc(n(1))))
    case 'compl':
      return Number(BigInt.asUintN(64, ~BigInt(Math.trunc(n(0)))))
    case 'systime':
      return Math.floor(it.ctx.host.now() / 1000)
    case 'strftime': {
      const fmt = args.length ? s(0) : '%a %b %e %H:%M:%S %Z %Y'
      const t = args.length > 1 ? n(1) * 1000 : it.ctx.host.now()
      const zone = localZone(it.ctx)
      return strftime(fmt, toTm(t, zone.at(t)))
    }
    case 'close': {
      const f = s(0)
      const had = it.files.delete(f) || it.readers.delete(f)
      return had ? 0 : -1
    }
    case 'fflush':
      return 0
    case 'system':
      throw new AwkRuntimeError(`can't run '${s(0)}': commands are not available to awk in batchlab`)
  }
  throw new AwkRuntimeError('Call to undefined function')
}

function splitRe(it: Interp, text: string, re: string): string[] {
  if (text === '') return []
  return it.splitText(text, re.length === 1 ? `[${re}]` : re)
}

/** sub/gsub: `&` is the match, `\&` a literal &; busybox also replaces an empty match right after a match. */
function substitute(it: Interp, args: Expr[], global: boolean): Value {
  const re = it.regexOf(args[0])
  const repl = it.str(it.eval(args[1]))
  const target: Expr = args[2] ?? { t: 'field', index: { t: 'num', v: 0 } }
  const text = it.str(it.eval(target))
  let out = ''
  let pos = 0
  let count = 0
  while (pos <= text.length) {
    const m = re.exec(text, pos, pos > 0)
    if (!m) break
    out += text.slice(pos, m.start)
    out += repl.replace(/\\\\|\\&|&/g, (x) => (x === '&' ? text.slice(m.start, m.end) : x === '\\&' ? '&' : '\\'))
    count++
    if (m.end === m.start) {
      if (m.start < text.length) out += text[m.start]
      pos = m.start + 1
    } else pos = m.end
    if (!global) break
  }
  if (!count) return 0
  out += text.slice(pos)
  it.assign(target, out)
  return count
}
