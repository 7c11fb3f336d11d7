// nl: number the lines of FILEs (or stdin), on across files. -b a (all), t (non-empty,
// the default) or n (none: busybox takes any other letter as n); -w width (6), -s
// separator (a tab), -v first number (1), -i increment (1). A line left unnumbered
// gets as many spaces as the number and separator would take; a last line without a
// newline gets one. GNU nl (the terminal's) prints the same for these options.
// Upstream: busybox coreutils/nl.c and libbb/print_numbered_lines.c; GNU coreutils nl.c.
import type { CommandContext, Wait } from '../api.ts'
import { gnuQuote, isGnu } from './gnu/userland.ts'
import { parseArgs } from './util/args.ts'
import { Lines, openInput } from './util/io.ts'
import { parseUint } from './util/num.ts'
import { wantsHelp } from './util/usage.ts'

const GNU_NUMBER_ERRORS: Record<string, string> = {
  w: 'invalid line number field width',
  v: 'invalid starting line number',
  i: 'invalid line number increment',
}

export function* nl(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const gnu = isGnu(ctx)
  const p = parseArgs(ctx, {
    short: 'pw:s:v:i:b:',
    long: gnu ? { 'body-numbering=': 'b', 'line-increment=': 'i', 'number-separator=': 's', 'starting-line-number=': 'v', 'number-width=': 'w', 'no-renumber': 'p' } : undefined,
  })
  if (typeof p === 'number') return p
  const o = p.opts
  const num: Record<string, number> = { w: 6, v: 1, i: 1 }
  for (const k of ['w', 'v', 'i']) {
    const v = o.get(k)
    if (v === undefined) continue
    const n = parseUint(v)
    if (n === null || (gnu && k === 'w' && n === 0)) {
      ctx.stderr.write(gnu ? `nl: ${GNU_NUMBER_ERRORS[k]}: ${gnuQuote(ctx, v)}${n === 0 ? ': Numerical result out of range' : ''}\n` : `nl: invalid number '${v}'\n`)
      return 1
    }
    num[k] = n
  }
  const sep = o.get('s') ?? '\t'
  const style = (o.get('b') ?? 't')[0]
  if (gnu && !['a', 't', 'n'].includes(style)) {
    ctx.stderr.write(`nl: invalid body numbering style: ${gnuQuote(ctx, o.get('b') ?? '')}\nTry 'nl --help' for more information.\n`)
    return 1
  }
  const blank = ' '.repeat(num.w + sep.length)
  let n = num.v
  let code = 0
  for (const f of p.args.length ? p.args : ['-']) {
    const r = openInput(ctx, f)
    if (!r.ok) {
      ctx.stderr.write(`nl: ${f}: ${r.error.text}\n`)
      code = 1
      continue
    }
    const lines = new Lines(r.source)
    for (let l = yield* lines.next(); l; l = yield* lines.next()) {
      if (style === 'a' || (style === 't' && l.text !== '')) {
        ctx.stdout.write(String(n).padStart(num.w) + sep + l.text + '\n')
        n += num.i
      } else ctx.stdout.write(blank + l.text + '\n')
    }
  }
  return code
}
