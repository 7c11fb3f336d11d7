// head as busybox has it (GNU's messages in GNU images): the first N lines or bytes (-n, -c, the
// old `-N` form), all but the last N with a negative count, `==> name <==` headers for several
// files. Upstream: busybox coreutils/head.c.
import type { CommandContext, Wait } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { byteSlice, openInput, readSource, splitKeep, utf8Length, type Source } from './util/io.ts'
import { parseBkm } from './util/sfx.ts'
import { wantsHelp } from './util/usage.ts'
import { gnuQuote, isGnu, progName, quoteFile } from './gnu/userland.ts'

interface Count {
  n: number
  bytes: boolean
  allBut: boolean
}

export function* head(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  let argv = ctx.argv.slice(1)
  let legacy: string | undefined
  if (/^-\d/.test(argv[0] ?? '')) {
    legacy = argv[0].slice(1)
    argv = argv.slice(1)
  }
  const p = parseArgs(ctx, { short: 'n:c:qv' }, argv)
  if (typeof p === 'number') return p
  const o = p.opts
  // -c sets byte mode for good and a leading `-` sets all-but mode for good, as in busybox.
  const count: Count = { n: 10, bytes: o.has('c'), allBut: false }
  const vals: Record<string, string[]> = { n: [...o.all('n')], c: [...o.all('c')] }
  const specs = legacy === undefined ? [] : [legacy]
  for (const k of o.order) if (k === 'n' || k === 'c') specs.push(vals[k].shift()!)
  for (const spec of specs) {
    const neg = spec.startsWith('-')
    const n = parseBkm(neg ? spec.slice(1) : spec)
    if (n === null) {
      const bad = neg ? spec.slice(1) : spec
      ctx.stderr.write(isGnu(ctx) ? `${progName(ctx)}: invalid number of ${count.bytes ? 'bytes' : 'lines'}: ${gnuQuote(ctx, bad)}\n` : `head: invalid number '${bad}'\n`)
      return 1
    }
    count.n = n
    count.allBut ||= neg
  }
  const files = p.args.length ? p.args : ['-']
  const headers = o.has('v') || (files.length > 1 && !o.has('q'))
  let code = 0
  let first = true
  for (const f of files) {
    const r = openInput(ctx, f)
    const name = f === '-' ? 'standard input' : f
    if (!r.ok && r.error.code !== 'EISDIR') {
      ctx.stderr.write(isGnu(ctx) ? `${progName(ctx)}: cannot open ${quoteFile(ctx, f)} for reading: ${r.error.text}\n` : `head: ${f}: ${r.error.text}\n`)
      code = 1
      continue
    }
    if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${name} <==\n`)
    first = false
    if (!r.ok) {
      ctx.stderr.write(isGnu(ctx) ? `${progName(ctx)}: error reading ${quoteFile(ctx, f)}: Is a directory\n` : `head: ${f}: Input/output error\n`)
      code = 1
      continue
    }
    yield* headSource(ctx, r.source, count)
  }
  return code
}

function* headSource(ctx: CommandContext, src: Source, c: Count): Generator<Wait, void, void> {
  if (c.allBut) {
    const text = yield* readSource(src)
    if (c.bytes) ctx.stdout.write(byteSlice(text, 0, Math.max(0, utf8Length(text) - c.n)))
    else {
      const lines = splitKeep(text)
      ctx.stdout.write(lines.slice(0, Math.max(0, lines.length - c.n)).join(''))
    }
    return
  }
  // Stream: stop reading as soon as the count is reached (`yes | head -n 3` ends).
  let left = c.n
  while (left > 0) {
    const chunk = yield* src.next()
    if (chunk === null) return
    if (c.bytes) {
      const len = utf8Length(chunk)
      ctx.stdout.write(len <= left ? chunk : byteSlice(chunk, 0, left))
      left -= Math.min(len, left)
      continue
    }
    let end = 0
    while (left > 0) {
      const i = chunk.indexOf('\n', end)
      if (i < 0) {
        end = chunk.length
        break
      }
      end = i + 1
      left--
    }
    ctx.stdout.write(chunk.slice(0, end))
  }
}
