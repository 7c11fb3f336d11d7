// wc: lines, words, bytes (-l -w -c), characters (-m) and the longest line (-L),
// counted byte by byte as busybox does (non-ASCII bytes neither start nor end a word),
// in busybox's fixed `%9u` columns or GNU's fitted ones. Upstream: busybox coreutils/wc.c, GNU wc.c.
import type { CommandContext, Wait } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { openInput, utf8Encode, utf8Length } from './util/io.ts'
import { isGnu, progName, quoteIfNeeded } from './gnu/userland.ts'
import { wantsHelp } from './util/usage.ts'

/** Counter order in busybox: lines, words, chars, bytes, max line length. */
type Counts = [number, number, number, number, number]
const FLAGS = ['l', 'w', 'm', 'c', 'L']

export function* wc(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'lwmcL' })
  if (typeof p === 'number') return p
  let show = FLAGS.map((f) => p.opts.has(f))
  if (!show.some(Boolean)) show = [true, true, false, true, false]
  const files = p.args.length ? p.args : ['-']
  const single = files.length === 1 && show.filter(Boolean).length === 1
  const gnu = isGnu(ctx)
  const width = gnu ? gnuWidth(ctx, files) : 9
  const totals: Counts = [0, 0, 0, 0, 0]
  let code = 0
  const print = (c: Counts, name: string | null) => {
    let line = ''
    c.forEach((v, i) => {
      if (show[i]) line += single ? String(v) : (line ? ' ' : '') + String(v).padStart(width)
    })
    ctx.stdout.write(line + (name === null ? '\n' : ` ${name}\n`))
  }
  for (const f of files) {
    const r = openInput(ctx, f)
    let counts: Counts = [0, 0, 0, 0, 0]
    if (!r.ok && r.error.code !== 'EISDIR') {
      ctx.stderr.write(gnu ? `${progName(ctx)}: ${quoteIfNeeded(ctx, f)}: ${r.error.text}\n` : `wc: ${f}: ${r.error.text}\n`)
      code = 1
      continue
    }
    if (!r.ok) {
      ctx.stderr.write(gnu ? `${progName(ctx)}: ${quoteIfNeeded(ctx, f)}: Is a directory\n` : `wc: ${f}: Is a directory\n`)
      code = 1
    } else {
      const counter = new Counter()
      for (let chunk = yield* r.source.next(); chunk !== null; chunk = yield* r.source.next()) counter.add(chunk)
      counts = counter.finish()
    }
    for (let i = 0; i < 4; i++) totals[i] += counts[i]
    totals[4] = Math.max(totals[4], counts[4])
    print(counts, p.args.length ? f : null)
  }
  if (files.length > 1) print(totals, 'total')
  return code
}

/**
 * GNU's column width: the digits of the regular files' total size, at least 7 when
 * an input is not a regular file (stdin, a directory). Upstream: coreutils wc.c compute_number_width.
 */
function gnuWidth(ctx: CommandContext, files: string[]): number {
  let total = 0
  let min = 1
  for (const f of files) {
    const node = f === '-' ? undefined : ctx.fs.lookup(f, ctx.cwd)
    if (f !== '-' && !node) continue
    if (node?.type === 'file') total += utf8Length(node.data)
    else min = 7
  }
  return Math.max(min, String(total).length)
}

class Counter {
  private c: Counts = [0, 0, 0, 0, 0]
  private linepos = 0
  private inWord = false

  add(chunk: string): void {
    // eslint-disable-next-line no-control-regex
    const bytes = /[^\x00-\x7f]/.test(chunk) ? utf8Encode(chunk) : null
    const n = bytes ? bytes.length : chunk.length
    for (let i = 0; i < n; i++) this.byte(bytes ? bytes[i] : chunk.charCodeAt(i))
  }

  private byte(b: number): void {
    const c = this.c
    c[3]++
    // The image's busybox has Unicode on whatever the locale: -m counts UTF-8 characters.
    if ((b & 0xc0) !== 0x80) c[2]++
    if (b >= 0x20 && b < 0x7f) {
      this.linepos++
      if (b !== 0x20) {
        this.inWord = true
        return
      }
    } else if (b >= 9 && b <= 13) {
      if (b === 9) this.linepos = (this.linepos | 7) + 1
      else this.lineEnd(b)
    } else return
    if (this.inWord) c[1]++
    this.inWord = false
  }

  private lineEnd(b: number): void {
    if (this.linepos > this.c[4]) this.c[4] = this.linepos
    if (b === 10) this.c[0]++
    if (b !== 11) this.linepos = 0
  }

  finish(): Counts {
    this.lineEnd(-1)
    if (this.inWord) this.c[1]++
    this.inWord = false
    return this.c
  }
}
