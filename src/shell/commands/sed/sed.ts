// busybox sed's command line: -n -e -f -E/-r -i -s, labels checked before the run, one
// run per file with -i, w files written at the end; the run itself is in run.ts.
// Upstream: busybox editors/sed.c (sed_main).
import type { CommandContext, Wait } from '../../api.ts'
import { FsError } from '../../fs/vfs.ts'
import { parseArgs } from '../util/args.ts'
import { usageError, wantsHelp } from '../util/usage.ts'
import { isGnu, progName } from '../gnu/userland.ts'
import { Input } from './input.ts'
import { parseScript, SedError, type Cmd } from './parse.ts'
import { runScript, type State } from './run.ts'

export function* sed(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'i::rEne:f:', long: { quiet: 'n', silent: 'n', 'regexp-extended': 'r', 'expression=': 'e', 'file=': 'f', 'in-place=?': 'i' } })
  if (typeof p === 'number') return p
  const o = p.opts
  const args = [...p.args]
  const scripts: string[] = [...o.all('e')]
  for (const f of o.all('f')) {
    try {
      scripts.push(ctx.fs.readFile(f, ctx.cwd).replace(/\n$/, ''))
    } catch (e) {
      if (!(e instanceof FsError)) throw e
      ctx.stderr.write(`sed: can't open '${f}': ${e.text}\n`)
      return 1
    }
  }
  if (!scripts.length) {
    if (!args.length) return usageError(ctx, 'sed', '')
    scripts.push(args.shift()!)
  }
  let cmds: Cmd[]
  try {
    cmds = parseScript(scripts.join('\n'), { extended: o.has('r') || o.has('E') })
  } catch (e) {
    if (!(e instanceof SedError)) throw e
    ctx.stderr.write(isGnu(ctx) && e.gnu ? gnuScriptError(ctx, scripts, e.gnu, e.at ?? 0) : `sed: ${e.message}\n`)
    return 1
  }
  for (const c of cmds)
    if ((c.cmd === 'b' || c.cmd === 't' || c.cmd === 'T') && c.text && !cmds.some((x) => x.cmd === ':' && x.text === c.text)) {
      ctx.stderr.write(`sed: can't find label for jump to '${c.text}'\n`)
      return 1
    }
  const files = args.length ? args : ['-']
  const inPlace = o.has('i')
  if (inPlace && !args.length) {
    ctx.stderr.write('sed: -i requires an argument\n')
    return 1
  }
  const groups = inPlace ? files.map((f) => [f]) : [files]
  let code = 0
  const wfiles = new Map<string, string>()
  for (const c of cmds) if (c.cmd === 'w' || c.wfile) wfiles.set(c.wfile ?? c.text!, '')
  for (const group of groups) {
    let buf = ''
    const st: State = {
      ctx,
      cmds: cmds.map((c) => ({ ...c, inRange: false })),
      quiet: o.has('n'),
      input: new Input(ctx, group),
      out: inPlace ? (s) => void (buf += s) : (s) => ctx.stdout.write(s),
      ps: '',
      psNl: true,
      hold: '',
      append: [],
      lastRegex: null,
      substituted: false,
      exit: null,
      wfiles,
    }
    if (inPlace && !ctx.fs.lookup(group[0], ctx.cwd)) {
      ctx.stderr.write(`sed: can't open '${group[0]}': No such file or directory\n`)
      code = 4
      continue
    }
    try {
      yield* runScript(st)
    } catch (e) {
      if (!(e instanceof SedError)) throw e
      ctx.stderr.write(`sed: ${e.message}\n`)
      return 1
    }
    if (st.input.errors) code = Math.max(code, st.input.gnuStatus || 1)
    if (inPlace) {
      const suffix = o.get('i')
      if (suffix) ctx.fs.writeFile(group[0] + suffix, ctx.fs.readFile(group[0], ctx.cwd), ctx.cwd)
      ctx.fs.writeFile(group[0], buf, ctx.cwd)
    }
    if (st.exit !== null) break
  }
  for (const [f, text] of wfiles) ctx.fs.writeFile(f, text, ctx.cwd)
  return code
}

/** GNU's "sed: -e expression #N, char C: MESSAGE", counted within the -e the error is in. */
function gnuScriptError(ctx: CommandContext, scripts: string[], msg: string, at: number): string {
  let n = 0
  while (n < scripts.length - 1 && at > scripts[n].length + 1) at -= scripts[n++].length + 1
  return `${progName(ctx)}: -e expression #${n + 1}, char ${at}: ${msg}\n`
}
