// busybox env (coreutils/env.c) and nohup (coreutils/nohup.c): run a program
// with a changed environment, or immune to hangups with output to nohup.out.
import type { CommandContext, CommandResult, Wait } from '../api.ts'
import { BANNER } from '../commands/util/usage.ts'
import { FileOutput } from '../interp/streams.ts'
import { normalize } from '../fs/vfs.ts'
import { gnuInfo } from '../commands/gnu/about.ts'
import { gnuQuote, gnuUsage, progName } from '../commands/gnu/userland.ts'
import { isBusybox } from './gnu.ts'

const ENV_USAGE =
  `${BANNER}\n\nUsage: env [-i] [-u NAME]... [-] [NAME=VALUE]... [PROG ARGS]\n\n` +
  'Print current environment or run PROG after setting up environment\n\n' +
  '\t-, -i\tStart with empty environment\n\t-u NAME\tRemove variable from environment\n'

export function env(ctx: CommandContext): CommandResult {
  const args = ctx.argv.slice(1)
  const gnu = !isBusybox(ctx)
  if (gnu && (args[0] === '--help' || args[0] === '--version') && gnuInfo(ctx, 'env', args[0])) return 0
  // GNU's usage errors exit 125 (the command's own statuses stay 126 and 127).
  const usage = (msg: string) => (gnu ? gnuUsage(ctx, msg, 125) : (ctx.stderr.write(`env: ${msg}\n${ENV_USAGE}`), 1))
  let vars = new Map(ctx.env)
  while (args.length) {
    const a = args[0]
    if (a === '-i' || a === '-' || a === '--ignore-environment') {
      vars = new Map()
      args.shift()
    } else if (a === '-u' || a.startsWith('-u')) {
      args.shift()
      const name = a.length > 2 ? a.slice(2) : args.shift()
      if (name === undefined) return usage("option requires an argument -- 'u'")
      vars.delete(name)
    } else if (a === '--') {
      args.shift()
      break
    } else if (a.startsWith('-') && a.length > 1) return usage(gnu && !a.startsWith('--') ? `invalid option -- '${a[1]}'` : `unrecognized option '${a}'`)
    else break
  }
  while (args.length && /^[^=]+=/.test(args[0])) {
    const a = args.shift() as string
    const eq = a.indexOf('=')
    vars.delete(a.slice(0, eq))
    vars.set(a.slice(0, eq), a.slice(eq + 1))
  }
  if (!args.length) {
    let out = ''
    for (const [k, v] of vars) out += `${k}=${v}\n`
    ctx.stdout.write(out)
    return 0
  }
  if (!ctx.spawn) {
    ctx.stderr.write(`env: can't execute '${args[0]}': No such file or directory\n`)
    return 127
  }
  if (!gnu) return ctx.spawn(args, { env: vars })
  return ctx.spawn(args, { env: vars, notFound: (prog, why) => `${progName(ctx)}: ${gnuQuote(ctx, prog)}: ${why}\n` })
}

export function nohup(ctx: CommandContext): CommandResult {
  const args = ctx.argv.slice(1)
  if (args[0] === '--') args.shift()
  if (!args.length) {
    ctx.stderr.write(`${BANNER}\n\nUsage: nohup PROG ARGS\n\nRun PROG immune to hangups, with output to a non-tty\n`)
    return 1
  }
  if (!ctx.spawn) return 127
  if (!ctx.stdout.tty) return ctx.spawn(args)
  const path = normalize('nohup.out', ctx.cwd)
  try {
    if (!ctx.fs.exists(path)) ctx.fs.writeFile(path, '')
  } catch {
    return 127
  }
  ctx.stderr.write('nohup: appending output to nohup.out\n')
  const out = new FileOutput((s) => ctx.fs.writeFile(path, s, '/', true))
  return runTo(ctx, args, out)
}

function* runTo(ctx: CommandContext, args: string[], out: FileOutput): Generator<Wait, number, void> {
  return yield* (ctx.spawn as NonNullable<CommandContext['spawn']>)(args, { stdout: out })
}
