// watch (procps-ng watch.c): run a command every N seconds of virtual time until
// interrupted; each frame is the header (the screen's width: "Every 2.0s: CMD" and
// "HOST: DATE"), a blank line and the output cut to the screen, on the alternate
// screen of a terminal.
import type { CommandContext, CommandResult, Wait } from '../api.ts'
import { localZone } from '../commands/date/date.ts'
import { strftime, toTm } from '../commands/date/strftime.ts'
import { Capture } from '../interp/streams.ts'
import { envSize, winsize } from '../commands/util/tty.ts'

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
  const { cols, rows, env } = screen(ctx)
  // procps draws on the alternate screen (curses initscr) and leaves it on exit,
  // so the terminal shows again what was there before `watch` started.
  if (ctx.interactive) ctx.stdout.write('\x1b[?1049h')
  try {
    for (;;) {
      const start = ctx.host.now()
      const out = new Capture()
      yield* ctx.spawn(['sh', '-c', cmd], { stdout: out, stderr: out, env })
      let frame = ''
      if (ctx.interactive) frame += '\x1b[H\x1b[2J'
      if (title) frame += header(ctx, cmd, interval, start, cols) + '\n\n'
      frame += ctx.interactive ? fit(out.text(), cols, rows - (title ? 2 : 0)) : out.text()
      ctx.stdout.write(frame)
      const next = start + interval * 1000
      while (ctx.host.now() < next) yield { until: next }
    }
  } finally {
    if (ctx.interactive) ctx.stdout.write('\x1b[?1049l')
  }
}

/**
 * The screen watch draws on (procps-ng watch.c get_terminal_size): $COLUMNS and
 * $LINES when set, else the terminal's size (TIOCGWINSZ on stderr), else 80x24.
 * The command runs with COLUMNS and LINES set to it, so `ls` or `kubectl` in it
 * lay out for that width.
 */
function screen(ctx: CommandContext): { cols: number; rows: number; env: Map<string, string> } {
  const tty = winsize(ctx.stderr) ?? winsize(ctx.stdout)
  const envCols = envSize(ctx.env.get('COLUMNS'))
  const envRows = envSize(ctx.env.get('LINES'))
  const cols = envCols ?? tty?.cols ?? 80
  const rows = envRows ?? tty?.rows ?? 24
  const env = new Map(ctx.env)
  if (envCols !== undefined || tty) env.set('COLUMNS', String(cols))
  if (envRows !== undefined || tty) env.set('LINES', String(rows))
  return { cols, rows, env }
}

/**
 * The output as it fits under the title: lines wrap at the width and what falls
 * below the last row is not shown (watch.c run_command stops at the screen's
 * height). Columns are counted as the terminal does: a tab to the next multiple of
 * 8, Hangul and other wide characters two.
 */
function fit(text: string, cols: number, rows: number): string {
  const lines = text.split('\n')
  if (text.endsWith('\n')) lines.pop()
  const shown: string[] = []
  let row = 0
  for (const line of lines) {
    if (row >= rows) return shown.join('\n')
    let x = 0
    let cut = ''
    for (const ch of line) {
      const w = ch === '\t' ? 8 - (x % 8) : wide(ch) ? 2 : 1
      if (x + w > cols && x > 0) {
        // The screen is full: no newline after the last row, which would scroll the title away.
        if (++row >= rows) return [...shown, cut].join('\n')
        x = 0
      }
      x += ch === '\t' ? Math.min(w, cols - x) : w
      cut += ch
    }
    shown.push(cut)
    row++
  }
  return text
}

function wide(ch: string): boolean {
  const c = ch.codePointAt(0)!
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd)
}

/**
 * The title line, as procps-ng 4.0.2 watch draws it (checked against it on
 * terminals 29 to 85 columns wide): "HOST: DATE" at the right edge; on the left
 * "Every Ns: " and the command when they fit with a space before it, else cut to
 * end in "..." two columns before the right part, else "Every Ns: " alone when
 * exactly that fits with two columns to spare, else nothing.
 */
function header(ctx: CommandContext, cmd: string, interval: number, at: number, width: number): string {
  const lhead = `Every ${interval.toFixed(1)}s: `
  const host = ctx.env.get('HOSTNAME') ?? 'localhost'
  const right = `${host}: ${strftime('%a %b %e %H:%M:%S %Y', toTm(at, localZone(ctx).at(at)))}`
  if (width < right.length) return ''
  const avail = width - lhead.length - right.length
  let left = ''
  if (avail >= cmd.length + 1) left = lhead + cmd
  else if (avail >= 3) left = (lhead + cmd).slice(0, lhead.length + avail - 5) + '...'
  else if (avail === 2) left = lhead
  return left + ' '.repeat(width - left.length - right.length) + right
}
