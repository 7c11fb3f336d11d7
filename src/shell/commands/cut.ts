// cut as busybox has it (GNU's messages in GNU images): -b/-c byte positions, -f fields split on -d
// (default TAB), -s, -D, and busybox's sorted position lists and messages. Upstream: busybox
// coreutils/cut.c.
import type { CommandContext, Wait } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { Lines, openInput, utf8Decode, utf8Encode } from './util/io.ts'
import { parseUint } from './util/num.ts'
import { wantsHelp } from './util/usage.ts'
import { gnuQuote, gnuUsage, isGnu, progName, quoteIfNeeded } from './gnu/userland.ts'

interface Range {
  start: number
  end: number
}

const MAX = 0x7fffffff

export function* cut(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'b:c:f:d:O:sDF:n' })
  if (typeof p === 'number') return p
  const o = p.opts
  const modes = ['b', 'c', 'f', 'F'].filter((k) => o.has(k))
  const gnu = isGnu(ctx)
  const die = (msg: string) => {
    if (gnu) return gnuUsage(ctx, msg, 1)
    ctx.stderr.write(`cut: ${msg}\n`)
    return 1
  }
  if (modes.length > 1) return die(gnu ? 'only one list may be specified' : 'only one type of list may be specified')
  if (!modes.length) return die(gnu ? 'you must specify a list of bytes, characters, or fields' : 'expected a list of bytes, characters, or fields')
  const mode = modes[0]
  const fields = mode === 'f' || mode === 'F'
  if (!fields && o.has('s')) return die(gnu ? 'suppressing non-delimited lines makes sense\n\tonly when operating on fields' : 'suppressing non-delimited lines makes sense only when operating on fields')
  if (!fields && o.has('d')) return die(gnu ? 'an input delimiter may be specified only when operating on fields' : 'a delimiter may be specified only when operating on fields')
  if (gnu) {
    const bad = gnuListError(ctx, o.get(mode)!, fields)
    if (bad) return die(bad)
    if (o.has('d') && [...o.get('d')!].length > 1) return die('the delimiter must be a single character')
  }
  const ranges: Range[] = []
  for (const tok of o.get(mode)!.split(',')) {
    if (!tok) continue
    const dash = tok.indexOf('-')
    const a = dash < 0 ? tok : tok.slice(0, dash)
    const b = dash < 0 ? null : tok.slice(dash + 1)
    let s = 0
    if (a) {
      const n = parseUint(a)
      if (n === null) return die(`invalid number '${a}'`)
      s = n ? n - 1 : 0
    }
    let e = s
    if (b !== null) {
      if (!b) e = MAX
      else {
        const n = parseUint(b)
        if (n === null) return die(`invalid number '${b}'`)
        if (n < s) return die(`${n}<${s}`)
        e = n - 1
      }
    }
    ranges.push({ start: s, end: e })
  }
  if (!ranges.length) return die('missing list of positions')
  if (!o.has('D')) ranges.sort((x, y) => x.start - y.start)
  const delim = (o.get('d') || '\t')[0]
  const odelim = o.get('O') ?? delim
  let code = 0
  for (const f of p.args.length ? p.args : ['-']) {
    const r = openInput(ctx, f)
    if (!r.ok) {
      ctx.stderr.write(gnu ? `${progName(ctx)}: ${quoteIfNeeded(ctx, f)}: ${r.error.text}\n` : `cut: ${f}: ${r.error.text}\n`)
      code = 1
      continue
    }
    const lines = new Lines(r.source)
    for (let l = yield* lines.next(); l; l = yield* lines.next()) {
      const out = fields ? cutFields(l.text, ranges, delim, odelim, o.has('s')) : cutBytes(l.text, ranges)
      if (out !== null) ctx.stdout.write(out + '\n')
    }
  }
  return code
}

function cutBytes(line: string, ranges: Range[]): string {
  const bytes = utf8Encode(line)
  const printed = new Set<number>()
  const out: number[] = []
  for (const r of ranges)
    for (let i = r.start; i < bytes.length && i <= r.end; i++)
      if (!printed.has(i)) {
        printed.add(i)
        out.push(bytes[i])
      }
  return utf8Decode(out)
}

/** The fields in the ranges, in order, each once; a line without the delimiter whole. */
function cutFields(line: string, ranges: Range[], delim: string, odelim: string, suppress: boolean): string | null {
  const parts = line.split(delim)
  if (parts.length === 1) return suppress ? null : line
  const picked: string[] = []
  const seen = new Set<number>()
  for (const r of ranges)
    for (let i = r.start; i < parts.length && i <= r.end; i++)
      if (!seen.has(i)) {
        seen.add(i)
        picked.push(parts[i])
      }
  return picked.join(odelim)
}

/** GNU cut's objection to a list (set_fields), or null: bad characters, 0, a lone '-', a decreasing range. */
function gnuListError(ctx: CommandContext, list: string, fields: boolean): string | null {
  const from1 = fields ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1'
  for (let i = 0; i < list.length; i++) {
    if (!/[0-9,\- \t]/.test(list[i])) return `${fields ? 'invalid field value' : 'invalid byte/character position'} ${gnuQuote(ctx, list.slice(i))}`
  }
  for (const item of list.split(/[, \t]/)) {
    if (item === '-') return 'invalid range with no endpoint: -'
    const [a, b] = item.split('-')
    if (item === '' || (!item.includes('-') && Number(a) === 0) || (a !== '' && Number(a) === 0)) return from1
    if (b !== undefined && b !== '' && Number(b) < (a === '' ? 1 : Number(a))) return 'invalid decreasing range'
  }
  return null
}
