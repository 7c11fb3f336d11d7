// comm: compare two sorted files line by line; lines only in FILE1 in column 1, only
// in FILE2 in column 2 (after a tab), in both in column 3 (after two), -1 -2 -3
// leaving a column out (and its tab). "-" is stdin. Lines compare byte by byte.
// GNU comm (the terminal's) also says when a file is out of order once lines no
// longer pair up ("file N is not in sorted order", then "input is not in sorted
// order" and status 1); busybox does not check.
// Upstream: busybox coreutils/comm.c; GNU coreutils comm.c (compare_files, check_order).
import type { CommandContext, Wait } from '../api.ts'
import { gnuQuote, isGnu } from './gnu/userland.ts'
import { parseArgs } from './util/args.ts'
import { Lines, openInput } from './util/io.ts'
import { usageError, wantsHelp } from './util/usage.ts'

export function* comm(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const gnu = isGnu(ctx)
  const p = parseArgs(ctx, { short: '123', long: gnu ? { 'check-order': 'check', 'nocheck-order': 'nocheck', 'output-delimiter=': 'delim' } : undefined })
  if (typeof p === 'number') return p
  const o = p.opts
  if (p.args.length !== 2) {
    if (!gnu) return usageError(ctx, 'comm', '')
    const msg = p.args.length === 0 ? 'missing operand' : p.args.length === 1 ? `missing operand after ${gnuQuote(ctx, p.args[0])}` : `extra operand ${gnuQuote(ctx, p.args[2])}`
    return usageError(ctx, 'comm', msg)
  }
  const files: Lines[] = []
  for (const f of p.args) {
    const r = openInput(ctx, f)
    if (!r.ok) {
      ctx.stderr.write(`comm: ${f}: ${r.error.text}\n`)
      return 1
    }
    files.push(new Lines(r.source))
  }
  const delim = o.get('delim') ?? '\t'
  const show = [!o.has('1'), !o.has('2'), !o.has('3')]
  const write = (line: string, col: number) => {
    if (!show[col]) return
    let lead = ''
    if (col >= 1 && show[0]) lead += delim
    if (col === 2 && show[1]) lead += delim
    ctx.stdout.write(lead + line + '\n')
  }
  const checking = gnu && !o.has('nocheck')
  const always = o.has('check') && o.order.lastIndexOf('check') > o.order.lastIndexOf('nocheck')
  let unpaired = false
  const warned = [false, false]
  const read = function* (i: number, prev: string | null): Generator<Wait, string | null, void> {
    const l = yield* files[i].next()
    const line = l ? l.text : null
    if (line !== null && prev !== null && checking && (always || unpaired) && !warned[i] && prev > line) {
      ctx.stderr.write(`comm: file ${i + 1} is not in sorted order\n`)
      warned[i] = true
    }
    return line
  }
  let a = yield* read(0, null)
  let b = yield* read(1, null)
  while (a !== null || b !== null) {
    const order = a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0
    if (order === 0) write(a as string, 2)
    else {
      unpaired = true
      if (order < 0) write(a as string, 0)
      else write(b as string, 1)
    }
    if (order <= 0) a = yield* read(0, a)
    if (order >= 0) b = yield* read(1, b)
    if (always && (warned[0] || warned[1])) return 1
  }
  if (warned[0] || warned[1]) {
    ctx.stderr.write('comm: input is not in sorted order\n')
    return 1
  }
  return 0
}
