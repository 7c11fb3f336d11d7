// time: run PROG and report elapsed virtual time: busybox's applet in its images
// (miscutils/time.c: "real\t0m 1.00s"), bash's time keyword in the terminal
// ("\nreal\t0m1.000s"). CPU times are 0: our programs spend virtual wall time.
import type { CommandContext, CommandResult, Wait } from '../api.ts'
import { BANNER } from '../commands/util/usage.ts'
import { shellOf } from '../interp/context.ts'

const USAGE =
  `${BANNER}\n\nUsage: time [-vpa] [-o FILE] PROG ARGS\n\nRun PROG, display resource usage when it exits\n\n` +
  '\t-v\tVerbose\n\t-p\tPOSIX output format\n\t-f FMT\tCustom format\n\t-o FILE\tWrite result to FILE\n\t-a\tAppend (else overwrite)\n'

export function time(ctx: CommandContext): CommandResult {
  const args = ctx.argv.slice(1)
  const bash = ctx.interactive && shellOf(ctx)?.flavor === 'bash'
  let posix = false
  while (!bash && args[0]?.startsWith('-') && args[0].length > 1) {
    const a = args.shift() as string
    if (a === '--') break
    if (a === '-p') posix = true
    else if (a !== '-v' && a !== '-a') {
      ctx.stderr.write(`time: invalid option -- '${a[1]}'\n${USAGE}`)
      return 1
    }
  }
  if (!args.length) {
    if (bash) {
      ctx.stderr.write(bashReport(0))
      return 0
    }
    ctx.stderr.write(USAGE)
    return 1
  }
  return run(ctx, args, bash, posix)
}

function* run(ctx: CommandContext, argv: string[], bash: boolean, posix: boolean): Generator<Wait, number, void> {
  const start = ctx.host.now()
  const code = ctx.spawn ? yield* ctx.spawn(argv) : 127
  const secs = (ctx.host.now() - start) / 1000
  if (bash) ctx.stderr.write(bashReport(secs))
  else {
    let out = code ? `Command exited with non-zero status ${code}\n` : ''
    out += posix ? `real ${secs.toFixed(2)}\nuser 0.00\nsys 0.00\n` : `real\t${minutes(secs, ' ', 2)}\nuser\t0m 0.00s\nsys\t0m 0.00s\n`
    ctx.stderr.write(out)
  }
  return code
}

function minutes(secs: number, sep: string, digits: number): string {
  const m = Math.floor(secs / 60)
  return `${m}m${sep}${(secs - m * 60).toFixed(digits)}s`
}

function bashReport(secs: number): string {
  return `\nreal\t${minutes(secs, '', 3)}\nuser\t0m0.000s\nsys\t0m0.000s\n`
}
