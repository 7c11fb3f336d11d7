// trap (ash's trapcmd): list as `trap -- 'action' SIG`, set, reset with -,
// ignore with ''. Signals by name (with or without SIG) or number; 0 is EXIT.
import { parseSignal, ShellError, SIGNAL_NAMES } from '../interp/control.ts'
import type { Sh } from '../interp/sh.ts'
import { shellQuote } from '../interp/xtrace.ts'

const ORDER = ['EXIT', ...SIGNAL_NAMES.slice(1)]

export function trap(sh: Sh, argv: string[]): number {
  let args = argv.slice(1)
  if (args[0] === '--') args = args.slice(1)
  if (!args.length || (args.length === 1 && args[0] === '-p')) {
    let out = ''
    for (const name of ORDER) {
      const action = sh.traps.get(name)
      if (action !== undefined) out += `trap -- ${shellQuote(action)} ${name}\n`
    }
    sh.stdout().write(out)
    return 0
  }
  if (args[0].startsWith('-') && args[0] !== '-' && args[0].length > 1) {
    sh.error(`illegal option ${args[0]}`)
    throw new ShellError(2)
  }
  let action: string | null = args[0]
  let sigs = args.slice(1)
  if (parseSignal(args[0]) !== undefined && /^[0-9]+$/.test(args[0])) {
    action = null
    sigs = args
  } else if (action === '-') action = null
  let status = 0
  for (const s of sigs) {
    const n = parseSignal(s)
    if (n === undefined) {
      sh.error(`${s}: invalid signal specification`)
      status = 1
      continue
    }
    const name = n === 0 ? 'EXIT' : SIGNAL_NAMES[n]
    if (action === null) sh.deleteTrap(name)
    else sh.setTrap(name, action)
  }
  return status
}
