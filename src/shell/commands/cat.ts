// cat as busybox has it (GNU's messages in GNU images): concatenate operands (or stdin) to stdout;
// -n/-b number lines, -v/-e/-t/-A show nonprinting characters. Upstream: busybox coreutils/cat.c.
import type { CommandContext, Wait } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { Lines, openInput, utf8Encode, type Source } from './util/io.ts'
import { wantsHelp } from './util/usage.ts'
import { isGnu, progName, quoteIfNeeded } from './gnu/userland.ts'

interface CatOpts {
  number: boolean
  nonBlank: boolean
  showNonPrinting: boolean
  showEnds: boolean
  showTabs: boolean
}

export function* cat(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'nbvteAu' })
  if (typeof p === 'number') return p
  const o = p.opts
  const all = o.has('A')
  const opts: CatOpts = {
    number: o.has('n') || o.has('b'),
    nonBlank: o.has('b'),
    showNonPrinting: all || o.has('v') || o.has('e') || o.has('t'),
    showEnds: all || o.has('e'),
    showTabs: all || o.has('t'),
  }
  const files = p.args.length ? p.args : ['-']
  const lineNo = { n: 0 }
  let code = 0
  for (const f of files) {
    const r = openInput(ctx, f)
    if (!r.ok) {
      if (isGnu(ctx)) ctx.stderr.write(`${progName(ctx)}: ${quoteIfNeeded(ctx, f)}: ${r.error.text}\n`)
      else ctx.stderr.write(r.error.code === 'EISDIR' ? 'cat: read error: Is a directory\n' : `cat: can't open '${f}': ${r.error.text}\n`)
      code = 1
      continue
    }
    if (opts.number || opts.showNonPrinting) yield* catLines(ctx, r.source, opts, lineNo)
    else
      for (let chunk = yield* r.source.next(); chunk !== null; chunk = yield* r.source.next()) ctx.stdout.write(chunk)
  }
  return code
}

function* catLines(ctx: CommandContext, src: Source, o: CatOpts, lineNo: { n: number }): Generator<Wait, void, void> {
  const lines = new Lines(src)
  for (let l = yield* lines.next(); l; l = yield* lines.next()) {
    let text = o.showNonPrinting ? visible(l.text, o.showTabs) : l.text
    if (o.showEnds && l.nl) text += '$'
    // busybox numbers through its line reader, which ends an unterminated last line.
    const numbered = o.number && !(o.nonBlank && l.text === '')
    ctx.stdout.write((numbered ? `${String(++lineNo.n).padStart(6)}\t` : '') + text + (l.nl || o.number ? '\n' : ''))
  }
}

/** `cat -v`: control characters as ^X, bytes above 127 as M-x, per UTF-8 byte. */
function visible(s: string, tabs: boolean): string {
  let out = ''
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x80) out += visibleByte(cp, tabs)
    else for (const b of utf8Encode(ch)) out += visibleByte(b, tabs)
  }
  return out
}

function visibleByte(b: number, tabs: boolean): string {
  let prefix = ''
  if (b >= 0x80) {
    prefix = 'M-'
    b -= 0x80
  }
  if (b === 9 && !tabs && !prefix) return '\t'
  if (b === 10 && !prefix) return '\n'
  if (b < 32) return prefix + '^' + String.fromCharCode(b + 64)
  if (b === 127) return prefix + '^?'
  return prefix + String.fromCharCode(b)
}
