// The terminal's own commands that are not shell utilities: `clear` (what
// ncurses' clear writes for TERM=xterm-256color) and bash's `history` list.
import type { Command } from '../shell/api.ts'

/** Home the cursor, clear the screen and the scrollback (\E[H\E[2J\E[3J). */
export const clearCommand: Command = (ctx) => {
  ctx.stdout.write('\x1b[H\x1b[2J\x1b[3J')
  return 0
}

/** bash's `history [N]`: "%5d  %s" lines, numbered from 1, the running command included. */
export function historyCommand(lines: readonly string[]): Command {
  return (ctx) => {
    const arg = ctx.argv[1]
    let shown = lines.map((l, i) => [i + 1, l] as const)
    if (arg === '-c') {
      ;(lines as string[]).length = 0
      return 0
    }
    if (arg !== undefined) {
      if (!/^\d+$/.test(arg)) {
        ctx.stderr.write(`bash: history: ${arg}: numeric argument required\n`)
        return 1
      }
      shown = shown.slice(Math.max(0, shown.length - Number(arg)))
    }
    ctx.stdout.write(shown.map(([n, l]) => `${String(n).padStart(5)}  ${l}\n`).join(''))
    return 0
  }
}
