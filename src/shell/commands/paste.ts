// paste: lines of the files side by side, or (-s) each file's lines on one line, the
// delimiters of -d LIST taken in turn (\n \t \\ \0 escapes). busybox writes a row's
// newline only after the last file's line, so once the last file has ended its rows
// stop ending in newlines; GNU ends every row. `-s` on empty input prints nothing in
// busybox and an empty line in GNU.
// Upstream: busybox coreutils/paste.c; GNU coreutils paste.c.
import type { CommandContext, Wait } from '../api.ts'
import { isGnu, progName } from './gnu/userland.ts'
import { parseArgs } from './util/args.ts'
import { readInput } from './util/io.ts'
import { wantsHelp } from './util/usage.ts'

function delimiters(list: string): string[] {
  const out: string[] = []
  for (let i = 0; i < list.length; i++) {
    let c = list[i]
    if (c === '\\' && i + 1 < list.length) {
      const e = list[++i]
      c = e === 'n' ? '\n' : e === 't' ? '\t' : e === '0' ? '' : e
    }
    out.push(c)
  }
  return out
}

export function* paste(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const gnu = isGnu(ctx)
  const p = parseArgs(ctx, { short: 'd:s', long: { 'delimiters=': 'd', serial: 's' } })
  if (typeof p === 'number') return p
  const list = p.opts.get('d') ?? '\t'
  if (list === '' && !gnu) {
    ctx.stderr.write("paste: -d '' is not supported\n")
    return 1
  }
  const delims = list === '' ? [''] : delimiters(list)
  const names = p.args.length ? p.args : ['-']
  const inputs: string[][] = []
  let stdinLines: string[] | null = null
  let stdinPos = 0
  const stdinUsers: number[] = []
  for (const [i, f] of names.entries()) {
    if (f === '-') {
      stdinUsers.push(i)
      inputs.push([])
      continue
    }
    const text = yield* readInput(ctx, f)
    if (typeof text !== 'string') {
      ctx.stderr.write(gnu ? `${progName(ctx)}: ${f}: ${text.text}\n` : `paste: ${f}: ${text.text}\n`)
      return 1
    }
    inputs.push(splitLines(text))
  }
  if (stdinUsers.length) {
    const text = yield* readInput(ctx, '-')
    stdinLines = typeof text === 'string' ? splitLines(text) : []
  }
  // Files named - share standard input a line at a time, in turn.
  if (stdinLines && !p.opts.has('s')) {
    const rows = Math.ceil(stdinLines.length / stdinUsers.length)
    for (let r = 0; r < rows; r++) for (const i of stdinUsers) if (stdinPos < stdinLines.length) inputs[i].push(stdinLines[stdinPos++])
  } else if (stdinLines) inputs[stdinUsers[0]] = stdinLines
  let out = ''
  if (p.opts.has('s')) {
    for (const lines of inputs) {
      if (!lines.length && !gnu) continue
      let row = ''
      lines.forEach((l, k) => (row += (k ? delims[(k - 1) % delims.length] : '') + l))
      out += row + '\n'
    }
  } else {
    const rows = Math.max(0, ...inputs.map((l) => l.length))
    for (let r = 0; r < rows; r++) {
      let d = 0
      inputs.forEach((lines, i) => {
        const last = i === inputs.length - 1
        const has = r < lines.length
        if (has) out += lines[r]
        if (!has && !gnu) return
        if (last) out += '\n'
        else out += delims[d++ % delims.length]
      })
    }
  }
  ctx.stdout.write(out)
  return 0
}

function splitLines(text: string): string[] {
  if (!text) return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}
