// tail as busybox has it (GNU's messages in GNU images): the last N lines or bytes, `-n +K` from
// line K, the old `-N`/`+N` forms, headers for several files, and -f that keeps following a file on
// the virtual clock (`tail -f /dev/null` keeps a container alive). Upstream: coreutils/tail.c.
import type { CommandContext, Wait } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { byteSlice, openInput, readSource, splitKeep, utf8Length } from './util/io.ts'
import { parseBkm } from './util/sfx.ts'
import { wantsHelp } from './util/usage.ts'
import { gnuQuote, isGnu, progName, quoteFile } from './gnu/userland.ts'

interface Count {
  n: number
  bytes: boolean
  fromTop: boolean
}

export function* tail(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  let argv = ctx.argv.slice(1)
  const count: Count = { n: 10, bytes: false, fromTop: false }
  const specs: string[] = []
  if (/^[-+]\d/.test(argv[0] ?? '')) {
    specs.push(argv[0])
    argv = argv.slice(1)
  }
  const p = parseArgs(ctx, { short: 'fc:n:qs:vF' }, argv)
  if (typeof p === 'number') return p
  const o = p.opts
  count.bytes = o.has('c')
  if (o.has('c')) specs.push(o.get('c')!)
  if (o.has('n')) specs.push(o.get('n')!)
  for (const spec of specs) {
    const sign = spec[0] === '+' || spec[0] === '-' ? spec[0] : ''
    if (sign === '+') count.fromTop = true
    const n = parseBkm(spec.slice(sign.length))
    if (n === null) {
      const bad = spec.slice(sign.length)
      ctx.stderr.write(isGnu(ctx) ? `${progName(ctx)}: invalid number of ${count.bytes ? 'bytes' : 'lines'}: ${gnuQuote(ctx, bad)}\n` : `tail: invalid number '${bad}'\n`)
      return 1
    }
    count.n = n
  }
  const files = p.args.length ? p.args : ['-']
  let code = 0
  // busybox opens every file first (reporting failures), then prints them.
  const opened: { f: string; r: Extract<ReturnType<typeof openInput>, { ok: true }> | null }[] = []
  for (const f of files) {
    const r = openInput(ctx, f)
    if (!r.ok && r.error.code !== 'EISDIR') {
      ctx.stderr.write(isGnu(ctx) ? `${progName(ctx)}: cannot open ${quoteFile(ctx, f)} for reading: ${r.error.text}\n` : `tail: can't open '${f}': ${r.error.text}\n`)
      code = 1
      continue
    }
    opened.push({ f, r: r.ok ? r : null })
  }
  if (!opened.length) {
    // GNU says so only when it would have followed them.
    if (!isGnu(ctx)) ctx.stderr.write('tail: no files\n')
    else if (o.has('f') || o.has('F')) ctx.stderr.write(`${progName(ctx)}: no files remaining\n`)
    return 1
  }
  // GNU heads each file when several were named; busybox when several opened.
  const headers = o.has('v') || ((isGnu(ctx) ? files.length : opened.length) > 1 && !o.has('q'))
  let first = true
  for (const { f, r } of opened) {
    if (headers) ctx.stdout.write(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`)
    first = false
    if (!r) {
      ctx.stderr.write(isGnu(ctx) ? `${progName(ctx)}: error reading ${quoteFile(ctx, f)}: Is a directory\n` : 'tail: read error: Is a directory\n')
      code = 1
      continue
    }
    ctx.stdout.write(tailText(yield* readSource(r.source), count))
  }
  if ((o.has('f') || o.has('F')) && p.args.length) return yield* follow(ctx, opened.map((x) => x.f))
  return code
}

function tailText(text: string, c: Count): string {
  if (c.bytes) {
    if (c.fromTop) return byteSlice(text, Math.max(0, c.n - 1))
    return c.n === 0 ? '' : byteSlice(text, Math.max(0, utf8Length(text) - c.n))
  }
  const lines = splitKeep(text)
  if (c.fromTop) return lines.slice(Math.max(0, c.n - 1)).join('')
  return c.n === 0 ? '' : lines.slice(Math.max(0, lines.length - c.n)).join('')
}

/** Poll the followed files once a virtual second, printing what was appended. */
function* follow(ctx: CommandContext, files: string[]): Generator<Wait, number, void> {
  const regular = files.filter((f) => f !== '-' && ctx.fs.lookup(f, ctx.cwd)?.type === 'file')
  const seen = new Map(regular.map((f) => [f, ctx.fs.readFile(f, ctx.cwd).length]))
  let last = regular.length ? regular[regular.length - 1] : ''
  for (;;) {
    // Nothing can ever grow (only /dev/null or stdin): sleep until killed.
    if (!regular.length) yield { until: Infinity }
    yield { until: ctx.host.now() + 1000 }
    for (const f of regular) {
      const n = ctx.fs.lookup(f, ctx.cwd)
      if (n?.type !== 'file') continue
      const before = seen.get(f)!
      if (n.data.length === before) continue
      const grown = n.data.length > before ? n.data.slice(before) : n.data
      if (files.length > 1 && f !== last) ctx.stdout.write(`\n==> ${f} <==\n`)
      last = f
      seen.set(f, n.data.length)
      ctx.stdout.write(grown)
    }
  }
}
