// Builtins that change the flow of the shell (ash's exitcmd, returncmd,
// breakcmd, shiftcmd, evalcmd, dotcmd, execcmd), with ash's error texts.
import { normalize } from '../fs/vfs.ts'
import { parseCached } from '../parse/cache.ts'
import { ExitSignal, ShellError } from '../interp/control.ts'
import { runScript } from '../interp/exec.ts'
import { resolveFile, searchPath } from '../interp/lookup.ts'
import { runProgramGen } from '../interp/program.ts'
import type { Gen } from '../interp/sched.ts'
import type { Sh } from '../interp/sh.ts'

/** Parse a status or count argument; ash's "Illegal number" error otherwise. */
export function number(sh: Sh, s: string): number {
  if (!/^[0-9]+$/.test(s)) {
    sh.error(`Illegal number: ${s}`)
    throw new ShellError(2)
  }
  return Number(s)
}

export function exit(sh: Sh, argv: string[]): number {
  const code = argv.length > 1 ? number(sh, argv[1]) & 255 : sh.status
  throw new ExitSignal(code)
}

export function ret(sh: Sh, argv: string[]): number {
  const code = argv.length > 1 ? number(sh, argv[1]) & 255 : sh.status
  if (!sh.frames.length && !sh.sourceDepth) throw new ExitSignal(code)
  sh.status = code
  sh.skip = { kind: 'return', n: 1 }
  return code
}

export function loopJump(sh: Sh, argv: string[]): number {
  const n = argv.length > 1 ? number(sh, argv[1]) : 1
  if (n === 0) {
    sh.error('Illegal number: 0')
    throw new ShellError(2)
  }
  if (sh.loopDepth === 0) return 0
  sh.skip = { kind: argv[0] === 'break' ? 'break' : 'continue', n: Math.min(n, sh.loopDepth) }
  return 0
}

export function shift(sh: Sh, argv: string[]): number {
  const n = argv.length > 1 ? number(sh, argv[1]) : 1
  if (n > sh.positional.length) return 1
  sh.positional = sh.positional.slice(n)
  return 0
}

export function* evalCmd(sh: Sh, argv: string[]): Gen {
  const text = argv.slice(1).join(' ')
  if (!text.trim()) return 0
  return yield* runScript(sh, parseCached(text, sh.lineno, sh.flavor === 'bash'))
}

export function* dot(sh: Sh, argv: string[]): Gen {
  const name = argv[1]
  if (name === undefined) return 0
  let path = name
  if (!name.includes('/')) {
    const found = sourceSearch(sh, name)
    if (!found) {
      sh.error(`${name}: not found`)
      throw new ShellError(2)
    }
    path = found
  }
  let text: string
  try {
    text = sh.p.fs.readFile(path, sh.cwd)
  } catch {
    sh.error(`can't open '${name}': No such file or directory`)
    throw new ShellError(2)
  }
  const savedPos = sh.positional
  if (argv.length > 2) sh.positional = argv.slice(2)
  sh.sourceDepth++
  try {
    const status = yield* runScript(sh, parseCached(text, 1, sh.flavor === 'bash'))
    if (sh.skip?.kind === 'return') sh.skip = null
    return status
  } finally {
    sh.sourceDepth--
    if (argv.length > 2) sh.positional = savedPos
  }
}

function sourceSearch(sh: Sh, name: string): string | undefined {
  for (const dir of (sh.vars.get('PATH') ?? '').split(':')) {
    const p = normalize(name, dir || sh.cwd)
    if (sh.p.fs.lookup(p)?.type === 'file') return p
  }
  return undefined
}

export function* exec(sh: Sh, argv: string[]): Gen {
  if (argv.length < 2) return 0
  const r = argv[1].includes('/') ? resolveFile(sh.p.fs, argv[1], sh.cwd) : searchPath(sh, argv[1])
  if (r.k !== 'program') {
    if (r.k === 'denied') sh.error(`${argv[1]}: Permission denied`)
    else sh.error(`${argv[1]}: not found`)
    throw new ExitSignal(r.k === 'denied' ? 126 : 127, true)
  }
  // The new program keeps ignored signals ignored; other traps die with the shell image.
  for (const [name, action] of sh.traps) if (action !== '') sh.deleteTrap(name)
  const code = yield* runProgramGen(sh, r, argv.slice(1), null, sh.ownPid)
  throw new ExitSignal(code, true)
}
