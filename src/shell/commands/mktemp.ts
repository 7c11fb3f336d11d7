// busybox mktemp: a new file (mode 600) or, with -d, directory (700) named after
// TEMPLATE with its trailing X's (at least six) made random, its name printed.
// Without TEMPLATE, -t tmp.XXXXXX; -t or -p DIR put it in DIR, $TMPDIR or /tmp,
// otherwise a TEMPLATE is taken as given (relative to the working directory).
// busybox reports a failure with a null name ("mktemp: (null): …"). GNU mktemp (the
// terminal's) defaults to tmp.XXXXXXXXXX, takes three X's and names the template.
// Upstream: busybox debianutils/mktemp.c, GNU coreutils mktemp.c, glibc's
// mkstemp/mkdtemp name letters.
import type { CommandContext } from '../api.ts'
import { FsError } from '../fs/vfs.ts'
import { gnuQuote, isGnu, progName } from './gnu/userland.ts'
import { parseArgs } from './util/args.ts'
import { usageError, wantsHelp } from './util/usage.ts'

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export function mktemp(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, { short: 'dqtup:' })
  if (typeof p === 'number') return p
  if (p.args.length > 1) return usageError(ctx, 'mktemp', '')
  const o = p.opts
  const quiet = o.has('q')
  const gnu = isGnu(ctx)
  let template = p.args[0]
  const fail = (why: string, tooFew = false) => {
    if (quiet) return 1
    if (!gnu) ctx.stderr.write(`mktemp: (null): ${why}\n`)
    else if (tooFew) ctx.stderr.write(`${progName(ctx)}: too few X's in template ${gnuQuote(ctx, template!)}\n`)
    else ctx.stderr.write(`${progName(ctx)}: failed to create ${o.has('d') ? 'directory' : 'file'} via template ${gnuQuote(ctx, template!)}: ${why}\n`)
    return 1
  }
  let inBase = o.has('t') || o.has('p')
  if (template === undefined) {
    template = gnu ? 'tmp.XXXXXXXXXX' : 'tmp.XXXXXX'
    inBase = true
  }
  if (inBase) {
    const base = o.get('p') || ctx.env.get('TMPDIR') || '/tmp'
    template = base.replace(/\/+$/, '') + '/' + template
  }
  const xs = /X*$/.exec(template)![0].length
  if (xs < (gnu ? 3 : 6)) return fail('Invalid argument', true)
  const stem = template.slice(0, template.length - xs)
  for (let attempt = 0; attempt < 100; attempt++) {
    let name = stem
    for (let i = 0; i < xs; i++) name += LETTERS[ctx.host.random() % LETTERS.length]
    if (ctx.fs.lookup(name, ctx.cwd)) continue
    if (!o.has('u')) {
      try {
        if (o.has('d')) ctx.fs.mkdir(name, ctx.cwd)
        else ctx.fs.writeFile(name, '', ctx.cwd)
      } catch (e) {
        if (!(e instanceof FsError)) throw e
        return fail(e.text)
      }
      ctx.fs.stat(name, ctx.cwd).mode = o.has('d') ? 0o700 : 0o600
    }
    ctx.stdout.write(name + '\n')
    return 0
  }
  return fail('File exists')
}
