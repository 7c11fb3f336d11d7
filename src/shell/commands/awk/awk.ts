// The awk command line, busybox's or mawk's (Debian's awk: -W version, its messages): -F, -v, -f,
// the program, operands that are files or VAR=value assignments, records by RS, BEGIN/END, exit and
// its statuses. Upstream: busybox editors/awk.c (awk_main).
import type { CommandContext, Wait } from '../../api.ts'
import { parseArgs } from '../util/args.ts'
import { Lines, openInput, readSource, type Source } from '../util/io.ts'
import { usageError, wantsHelp } from '../util/usage.ts'
import { MAWK_VERSION } from '../gnu/about.ts'
import { isGnu, progName } from '../gnu/userland.ts'
import { Exit, Interp } from './interp.ts'
import { AwkSyntaxError, ESCAPES } from './lexer.ts'
import { Parser } from './parser.ts'
import { StrNum } from './values.ts'
import { AwkRuntimeError } from './vars.ts'

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s

/** Backslash escapes in -v values, -F and command-line assignments. */
function unescape(s: string): string {
  return s.replace(/\\(n|t|r|\\|"|\/|a|b|f|v|[0-7]{1,3})/g, (_, c: string) => ESCAPES[c] ?? String.fromCharCode(parseInt(c, 8)))
}

export function* awk(ctx: CommandContext): Generator<Wait, number, void> {
  const mawk = isGnu(ctx)
  if (!mawk && wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'F:v:f:e:W:', posix: true, long: mawk ? {} : undefined })
  if (typeof p === 'number') return p
  const o = p.opts
  const args = [...p.args]
  if (mawk) {
    const w = mawkOptions(ctx, o.all('W'))
    if (w !== null) return w
  }
  let src: string
  let source = 'cmd. line'
  if (o.has('f')) {
    const parts: string[] = []
    for (const f of o.all('f')) {
      try {
        parts.push(ctx.fs.readFile(f, ctx.cwd))
      } catch {
        if (!mawk) ctx.stderr.write(`awk: can't open '${f}': No such file or directory\n`)
        else ctx.stderr.write(`${progName(ctx)}: cannot open ${f} (No such file or directory)\n`)
        return mawk ? 2 : 1
      }
    }
    src = parts.join('\n')
    source = o.get('f')!
  } else if (o.has('e')) src = o.all('e').join('\n')
  else {
    if (!args.length) {
      // mawk shows its usage on stderr and exits 0.
      if (!mawk) return usageError(ctx, 'awk', '')
      ctx.stderr.write(MAWK_USAGE)
      return 0
    }
    src = args.shift()!
  }
  let prog: Interp
  try {
    prog = new Interp(Parser.parse(src), ctx)
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e
    if (!mawk) ctx.stderr.write(`awk: ${source}:${e.line}: ${e.message}\n`)
    else ctx.stderr.write(mawkSyntaxError(ctx, src, e))
    return mawk ? 2 : 1
  }
  if (o.has('F')) prog.setVar('FS', unescape(o.get('F')!))
  for (const v of o.all('v')) {
    const m = ASSIGNMENT.exec(v)
    if (!m) return usageError(ctx, 'awk', '')
    prog.setVar(m[1], new StrNum(unescape(m[2])))
  }
  prog.setVar('ARGC', args.length + 1)
  prog.setArray('ARGV', [['0', new StrNum('awk')], ...args.map((a, i): [string, StrNum] => [String(i + 1), new StrNum(a)])])
  let code = 0
  const exited = (e: unknown) => {
    if (!(e instanceof Exit)) throw e
    if (e.code >= 0) code = e.code
  }
  try {
    try {
      prog.runRules('BEGIN')
      // Only BEGIN rules: the input is never read.
      if (prog.prog.rules.some((r) => r.kind !== 'BEGIN')) yield* mainLoop(ctx, prog, args)
    } catch (e) {
      exited(e)
    }
    try {
      prog.runRules('END')
    } catch (e) {
      exited(e)
    }
  } catch (e) {
    if (!(e instanceof AwkRuntimeError)) throw e
    ctx.stderr.write(`awk: ${source}:1: ${e.message}\n`)
    return 1
  }
  return code
}

/** Records from every operand in turn; VAR=value operands take effect when reached. */
function* mainLoop(ctx: CommandContext, prog: Interp, operands: string[]): Generator<Wait, void, void> {
  const files = operands.filter((a) => !ASSIGNMENT.test(a))
  const order = files.length ? operands : [...operands, '-']
  for (const f of order) {
    const m = ASSIGNMENT.exec(f)
    if (m && f !== '-') {
      prog.setVar(m[1], new StrNum(unescape(m[2])))
      continue
    }
    const r = openInput(ctx, f)
    if (!r.ok) {
      if (!isGnu(ctx)) ctx.stderr.write(`awk: ${f}: ${r.error.text}\n`)
      else ctx.stderr.write(`${progName(ctx)}: cannot open ${f} (${r.error.text})\n`)
      throw new Exit(isGnu(ctx) ? 2 : 1)
    }
    prog.setVar('FILENAME', f === '-' ? '' : f)
    prog.fnr = 0
    yield* records(prog, r.source)
  }
}

function* records(prog: Interp, src: Source): Generator<Wait, void, void> {
  const rs = prog.str(prog.getVar('RS'))
  let next: () => Generator<Wait, string | null, void>
  if (rs === '\n' && !prog.prog.mainGetline) {
    const lines = new Lines(src)
    next = function* () {
      const l = yield* lines.next()
      return l ? l.text : null
    }
  } else {
    // Other separators, and programs that call `getline` on the main input, read it whole.
    const all = yield* readSource(src)
    let recs: string[]
    if (rs === '') recs = all.trim() === '' ? [] : all.replace(/^\n+/, '').replace(/\n+$/, '').split(/\n\n+/)
    else {
      recs = rs.length === 1 ? all.split(rs) : all.split(new RegExp(rs))
      if (recs[recs.length - 1] === '') recs.pop()
    }
    let i = 0
    prog.input = { nextRecord: () => (i < recs.length ? recs[i++] : null) }
    next = function* () {
      return i < recs.length ? recs[i++] : null
    }
  }
  for (let rec = yield* next(); rec !== null; rec = yield* next()) {
    prog.nr++
    prog.fnr++
    prog.setRecord(rec)
    if (!prog.runMain()) return
  }
}

/** mawk's usage line (Debian's awk), shown without a program. */
const MAWK_USAGE = 'Usage: mawk [Options] [Program] [file ...]\n'

/** mawk's -W options: version (its banner on stdout, its limits on stderr) and usage; null to go on. */
function mawkOptions(ctx: CommandContext, ws: string[]): number | null {
  for (const w of ws) {
    if ('version'.startsWith(w) && w) {
      const i = MAWK_VERSION.indexOf('random-funcs')
      ctx.stdout.write(MAWK_VERSION.slice(0, i))
      ctx.stderr.write(MAWK_VERSION.slice(i))
      return 0
    }
    if (w && ('usage'.startsWith(w) || 'help'.startsWith(w))) {
      ctx.stdout.write(MAWK_USAGE)
      return 0
    }
  }
  return null
}

/** mawk's syntax errors: "line N: syntax error at or near X", or a missing } at the end. */
function mawkSyntaxError(ctx: CommandContext, src: string, e: AwkSyntaxError): string {
  const prog = progName(ctx)
  if (e.near === 'end of file') {
    const open = (src.match(/{/g) ?? []).length > (src.match(/}/g) ?? []).length
    if (open) return `${prog}: line ${src.split('\n').length + (src.endsWith('\n') ? 0 : 1)}: missing } near end of file\n`
  }
  return `${prog}: line ${e.line}: syntax error at or near ${e.near ?? e.message}\n`
}
