// watch (procps-ng watch.c): run a command every N seconds of virtual time until
// interrupted; each frame is the header (80 columns: "Every 2.0s: CMD" and
// "HOST: DATE"), a blank line and the output, after a screen clear on a terminal.
import type { CommandContext, CommandResult, Wait } from '../api.ts'
import { localZone } from '../commands/date/date.ts'
import { strftime, toTm } from '../commands/date/strftime.ts'
import { Capture } from '../interp/streams.ts'

const WIDTH = 80

export function watch(ctx: CommandContext): CommandResult {
  const args = ctx.argv.slice(1)
  let interval = 2
  let title = true
  while (args.length && args[0].startsWith('-') && args[0].length > 1) {
    const a = args.shift() as string
    if (a === '--') break
    if (a === '-t' || a === '--no-title') title = false
    else if (a === '-n' || a.startsWith('-n') || a.startsWith('--interval')) {
      const val = a === '-n' || a === '--interval' ? args.shift() : a.startsWith('--interval=') ? a.slice(11) : a.slice(2)
      const n = val === undefined ? NaN : Number(val.replace(',', '.'))
      if (!Number.isFinite(n)) {
        ctx.stderr.write(`watch: failed to parse argument: '${val ?? ''}'\n`)
        return 1
      }
      interval = Math.max(0.1, n)
    } else {
      ctx.stderr.write(`watch: invalid option -- '${a.slice(1, 2)}'\n`)
      return 1
    }
  }
  if (!args.length) {
    ctx.stderr.write('\nUsage:\n watch [options] command\n')
    return 1
  }
  return loop(ctx, args.join(' '), interval, title)
}

function* loop(ctx: CommandContext, cmd: string, interval: number, title: boolean): Generator<Wait, number, void> {
  if (!ctx.spawn) return 1
  for (;;) {
    const start = ctx.host.now()
    const out = new Capture()
    yield* ctx.spawn(['sh', '-c', cmd], { stdout: out, stderr: out })
    let frame = ''
    if (ctx.interactive) frame += '\x1b[H\x1b[2J'
    if (title) frame += header(ctx, cmd, interval, start) + '\n\n'
    frame += out.text()
    ctx.stdout.write(frame)
    const next = start + interval * 1000
    while (ctx.host.now() < next) yield { until: next }
  }
}

function header(ctx: CommandContext, cmd: string, interval: number, at: number): string {
  const left = `Every ${interval.toFixed(1)}s: ${cmd}`
  const host = ctx.env.get('HOSTNAME') ?? 'localhost'
  const right = `${host}: ${strftime('%a %b %e %H:%M:%S %Y', toTm(at, localZone(ctx).at(at)))}`
  const room = WIDTH - right.length - 1
  const l = left.length > room ? left.slice(0, Math.max(0, room)) : left
  return l + ' '.repeat(Math.max(1, WIDTH - l.length - right.length)) + right
}
