// busybox xargs (findutils/xargs.c), the common part: arguments from stdin
// (blanks and newlines separate them; quotes and backslashes group), -n MAX,
// -I REPLACE (one command per line), -0, -r, -t, -d; PROG defaults to echo.
import type { CommandContext, CommandResult, Wait } from '../api.ts'
import { BANNER } from '../commands/util/usage.ts'

const USAGE = `${BANNER}\n\nUsage: xargs [OPTIONS] [PROG ARGS]\n\nRun PROG on every item given by stdin\n`

interface Opts {
  max: number
  replace?: string
  zero: boolean
  noEmpty: boolean
  trace: boolean
  delim?: string
}

export function xargs(ctx: CommandContext): CommandResult {
  const args = ctx.argv.slice(1)
  const o: Opts = { max: 0, zero: false, noEmpty: false, trace: false }
  while (args.length && args[0].startsWith('-') && args[0].length > 1) {
    const a = args.shift() as string
    if (a === '--') break
    let j = 1
    while (j < a.length) {
      const c = a[j++]
      if (c === '0') o.zero = true
      else if (c === 'r') o.noEmpty = true
      else if (c === 't') o.trace = true
      else if (c === 'n' || c === 'I' || c === 'd' || c === 's' || c === 'E' || c === 'P') {
        const val = j < a.length ? a.slice(j) : args.shift()
        j = a.length
        if (val === undefined) {
          ctx.stderr.write(`xargs: option requires an argument -- '${c}'\n${USAGE}`)
          return 1
        }
        if (c === 'n') {
          if (!/^[0-9]+$/.test(val) || Number(val) < 1) {
            ctx.stderr.write(`xargs: invalid number '${val}'\n`)
            return 1
          }
          o.max = Number(val)
        } else if (c === 'I') o.replace = val
        else if (c === 'd') o.delim = val.replace(/^\\n$/, '\n').replace(/^\\t$/, '\t')
      } else {
        ctx.stderr.write(`xargs: invalid option -- '${c}'\n${USAGE}`)
        return 1
      }
    }
  }
  return run(ctx, args.length ? args : ['echo'], o)
}

function* run(ctx: CommandContext, prog: string[], o: Opts): Generator<Wait, number, void> {
  const text = yield* ctx.stdin.readAll()
  if (!ctx.spawn) {
    ctx.stderr.write(`xargs: ${prog[0]}: No such file or directory\n`)
    return 127
  }
  let status = 0
  const runOne = function* (argv: string[]): Generator<Wait, number, void> {
    if (o.trace) ctx.stderr.write(argv.join(' ') + '\n')
    const code = yield* (ctx.spawn as NonNullable<CommandContext['spawn']>)(argv, { notFound: (prog, why) => `xargs: ${prog}: ${why}\n` })
    if (code === 127 || code === 126) return code
    if (code === 255) return 124
    if (code >= 128) return 125
    if (code !== 0) status = 123
    return 0
  }
  if (o.replace !== undefined) {
    const rep = o.replace
    for (const line of text.split('\n')) {
      const item = line.replace(/^[ \t]+/, '')
      if (!item) continue
      const fail = yield* runOne(prog.map((p) => p.split(rep).join(item)))
      if (fail) return fail
    }
    return status
  }
  const items = o.zero ? text.split('\0').filter(Boolean) : o.delim !== undefined ? splitDelim(text, o.delim) : splitItems(text)
  if (!items.length) {
    if (o.noEmpty) return 0
    return (yield* runOne(prog)) || status
  }
  const per = o.max || items.length
  for (let i = 0; i < items.length; i += per) {
    const fail = yield* runOne([...prog, ...items.slice(i, i + per)])
    if (fail) return fail
  }
  return status
}

function splitDelim(text: string, d: string): string[] {
  const parts = text.split(d)
  if (parts[parts.length - 1] === '') parts.pop()
  return parts
}

/** Items separated by blanks, with '…', "…" and \ quoting as xargs reads them. */
function splitItems(text: string): string[] {
  const out: string[] = []
  let cur = ''
  let has = false
  let q = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (q) {
      if (c === q) q = ''
      else cur += c
      continue
    }
    if (c === "'" || c === '"') {
      q = c
      has = true
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i]
      has = true
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (has) out.push(cur)
      cur = ''
      has = false
    } else {
      cur += c
      has = true
    }
  }
  if (has) out.push(cur)
  return out
}
