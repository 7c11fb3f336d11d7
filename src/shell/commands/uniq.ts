// uniq as busybox has it (GNU's messages in GNU images): adjacent duplicates, -c counts ("%7lu "),
// -d, -u, -i, -f N fields, -s N chars, -w N chars compared; an optional output file. Upstream:
// coreutils/uniq.c.
import type { CommandContext, Wait } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { Lines, openInput } from './util/io.ts'
import { parseUint } from './util/num.ts'
import { usageError, wantsHelp } from './util/usage.ts'
import { gnuQuote, isGnu, progName, quoteFile, quoteIfNeeded } from './gnu/userland.ts'

export function* uniq(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'cduizf:s:w:' })
  if (typeof p === 'number') return p
  const o = p.opts
  const n: Record<string, number> = {}
  for (const k of ['f', 's', 'w']) {
    const v = o.get(k)
    if (v === undefined) continue
    const x = parseUint(v)
    if (x === null) {
      const what = k === 'f' ? 'fields to skip' : k === 's' ? 'bytes to skip' : 'bytes to compare'
      ctx.stderr.write(isGnu(ctx) ? `${progName(ctx)}: ${v}: invalid number of ${what}\n` : `uniq: invalid number '${v}'\n`)
      return 1
    }
    n[k] = x
  }
  if (p.args.length > 2) return usageError(ctx, 'uniq', isGnu(ctx) ? `extra operand ${gnuQuote(ctx, p.args[2])}` : '')
  const input = p.args[0] ?? '-'
  const r = openInput(ctx, input)
  if (!r.ok) {
    if (isGnu(ctx)) ctx.stderr.write(r.error.code === 'EISDIR' ? `${progName(ctx)}: error reading ${quoteFile(ctx, input)}\n` : `${progName(ctx)}: ${quoteIfNeeded(ctx, input)}: ${r.error.text}\n`)
    else ctx.stderr.write(r.error.code === 'EISDIR' ? `uniq: ${input}: I/O error\n` : `uniq: can't open '${input}': ${r.error.text}\n`)
    return 1
  }
  const key = (line: string): string => {
    let s = line
    for (let f = n.f ?? 0; f > 0; f--) s = s.replace(/^[ \t]*[^ \t]*/, '')
    s = s.slice(n.s ?? 0)
    if (n.w !== undefined) s = s.slice(0, n.w)
    return o.has('i') ? s.toLowerCase() : s
  }
  let out = ''
  let prev: string | null = null
  let prevKey = ''
  let dups = 0
  const flush = () => {
    if (prev === null) return
    if ((o.has('d') && !dups) || (o.has('u') && dups)) return
    out += (o.has('c') ? `${String(dups + 1).padStart(7)} ` : '') + prev + (o.has('z') ? '\0' : '\n')
  }
  const lines = new Lines(r.source, o.has('z') ? '\0' : '\n')
  for (let l = yield* lines.next(); l; l = yield* lines.next()) {
    const k = key(l.text)
    if (prev !== null && k === prevKey) {
      dups++
      continue
    }
    flush()
    if (!p.args[1]) {
      ctx.stdout.write(out)
      out = ''
    }
    prev = l.text
    prevKey = k
    dups = 0
  }
  flush()
  if (p.args[1]) ctx.fs.writeFile(p.args[1], out, ctx.cwd)
  else ctx.stdout.write(out)
  return 0
}
