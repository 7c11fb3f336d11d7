// Running an executable (what execve does for the shell): a shell (sh, ash, bash)
// as a new process with its own state, busybox as a multi-call binary, a script
// file through its #! interpreter, or one of the programs we simulate.
import type { CommandResult, Wait } from '../api.ts'
import { parseCached } from '../parse/cache.ts'
import type { Script } from '../parse/ast.ts'
import { reportDeath, runProcess, runScript } from './exec.ts'
import { resolveFile } from './lookup.ts'
import { programCommand, SHELLS } from './programs.ts'
import type { Gen } from './sched.ts'
import { Sh } from './sh.ts'
import { runCommandFn } from './simple.ts'

export interface ProgramRef {
  /** The program the file runs ('' for a script). */
  prog: string
  path: string
}

/** Run an executable as a child process with process id `pid` (a number when it finished at once). */
export function runProgram(sh: Sh, r: ProgramRef, argv: string[], env: Map<string, string> | null, pid: number): CommandResult {
  const prog = r.prog
  if (prog === '') return runScriptFile(sh, r.path, argv, env, pid)
  if (SHELLS.has(prog)) return runShell(sh, prog, argv, env, pid)
  if (prog === 'busybox') return runBusybox(sh, argv, env, pid)
  const fn = programCommand(sh.p, prog)
  if (!fn) {
    sh.error(`${argv[0]}: not found`)
    return 127
  }
  return runCommandFn(sh, fn, argv, env)
}

/** Run an executable to its end inside a generator. */
export function* runProgramGen(sh: Sh, r: ProgramRef, argv: string[], env: Map<string, string> | null, pid: number): Gen {
  const res = runProgram(sh, r, argv, env, pid)
  return typeof res === 'number' ? res : yield* res
}

function* runBusybox(sh: Sh, argv: string[], env: Map<string, string> | null, pid: number): Gen {
  const applet = argv[1]
  if (applet === undefined || applet === '--help') {
    sh.stdout().write(BUSYBOX_BANNER + 'Usage: busybox [function [arguments]...]\n   or: busybox --list\n   or: function [arguments]...\n')
    return 0
  }
  const name = applet.slice(applet.lastIndexOf('/') + 1)
  if (!SHELLS.has(name) && !programCommand(sh.p, name)) {
    sh.stderr().write(`${applet}: applet not found\n`)
    return 127
  }
  return yield* runProgramGen(sh, { prog: name, path: '/bin/' + name }, argv.slice(1), env, pid)
}

export const BUSYBOX_BANNER = 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n'

/** A script without an exec'able interpreter runs in a new sh, as ash does (ENOEXEC). */
function* runScriptFile(sh: Sh, path: string, argv: string[], env: Map<string, string> | null, pid: number): Gen {
  let text: string
  try {
    text = sh.p.fs.readFile(path, sh.cwd)
  } catch {
    sh.error(`${argv[0]}: not found`)
    return 127
  }
  if (text.startsWith('#!')) {
    const line = text.slice(2, text.indexOf('\n') < 0 ? undefined : text.indexOf('\n')).trim()
    const [interp, ...opt] = line.split(/[ \t]+/)
    const target = resolveFile(sh.p.fs, interp, sh.cwd)
    if (target.k !== 'program' || target.prog === '') {
      sh.error(`${argv[0]}: not found`)
      return 127
    }
    const args = [interp, ...(opt.length ? [opt.join(' ')] : []), argv[0], ...argv.slice(1)]
    return yield* runProgramGen(sh, target, args, env, pid)
  }
  return yield* runShell(sh, 'sh', ['sh', argv[0], ...argv.slice(1)], env, pid)
}

/** Start a new shell process as a child of `parent`. */
function* runShell(parent: Sh, prog: string, argv: string[], env: Map<string, string> | null, pid: number): Gen {
  const child = new Sh(parent.p)
  child.pid = child.ownPid = pid
  child.cwd = parent.cwd
  child.fds = parent.fds.slice()
  for (const [k, v] of env ?? parent.env()) {
    child.vars.set(k, v)
    child.exported.add(k)
  }
  const start = yield* startShell(child, prog, argv)
  if (typeof start === 'number') return start
  return yield* reportDeath(parent, runProcess(child, runScript(child, start)))
}

/**
 * Set a fresh shell up from its command line (options, -c script, file or stdin)
 * and return the script to run, or an exit status when it cannot start.
 */
export function* startShell(sh: Sh, prog: string, argv: string[]): Generator<Wait, Script | number, void> {
  const start = setupShell(sh, prog, argv)
  if (start !== FROM_STDIN) return start
  return parseCached(yield* sh.stdin().readAll(), 1, sh.flavor === 'bash')
}

/** Read the script from standard input (sh with no -c and no file). */
export const FROM_STDIN = Symbol('stdin')

/** startShell without the waiting: the script, an exit status, or FROM_STDIN. */
export function setupShell(sh: Sh, prog: string, argv: string[]): Script | number | typeof FROM_STDIN {
  const bash = prog === 'bash'
  sh.flavor = bash ? 'bash' : prog === 'dash' ? 'dash' : 'ash'
  sh.applet = argv[0].slice(argv[0].lastIndexOf('/') + 1) || prog
  sh.arg0 = argv[0]
  initVars(sh)
  let i = 1
  let command: string | undefined
  let fromC = false
  let fromStdin = false
  for (; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--' || a === '-') {
      i++
      break
    }
    if ((a[0] !== '-' && a[0] !== '+') || a.length < 2) break
    if (bash && a.startsWith('--')) continue
    const on = a[0] === '-'
    for (const c of a.slice(1)) {
      if (c === 'c') fromC = true
      else if (c === 's') fromStdin = true
      else if (c === 'o') {
        const name = argv[++i]
        if (name === undefined || !setLongOption(sh, name, on)) return usage(sh, bash, name === undefined ? 'o' : name)
      } else if (!setFlag(sh, c, on)) return usage(sh, bash, c)
    }
  }
  if (fromC) {
    command = argv[i++]
    if (command === undefined) {
      sh.stderr().write(bash ? `${sh.applet}: -c: option requires an argument\n` : `${sh.applet}: -c requires an argument\n`)
      return 2
    }
    const named = i < argv.length
    if (named) sh.arg0 = argv[i++]
    sh.positional = argv.slice(i)
    sh.cFlag = true
    if (sh.flavor === 'ash') sh.lineOffset = -1
    if (named) sh.commandName = sh.baseCommandName = sh.arg0
    return parseCached(command, 1, bash)
  }
  if (fromStdin || i >= argv.length) {
    sh.positional = argv.slice(i)
    return FROM_STDIN
  }
  const file = argv[i]
  sh.arg0 = file
  sh.positional = argv.slice(i + 1)
  let text: string
  try {
    text = sh.p.fs.readFile(file, sh.cwd)
  } catch {
    if (bash) {
      sh.stderr().write(`${sh.applet}: ${file}: No such file or directory\n`)
      return 127
    }
    sh.stderr().write(`${sh.applet}: can't open '${file}': No such file or directory\n`)
    return 2
  }
  sh.commandName = sh.baseCommandName = file
  return parseCached(text, 1, bash)
}

function usage(sh: Sh, bash: boolean, opt: string): number {
  sh.stderr().write(bash ? `${sh.applet}: -${opt}: invalid option\n` : `${sh.applet}: illegal option -${opt}\n`)
  return 2
}

const FLAGS: Record<string, keyof Sh['opts']> = { e: 'e', u: 'u', x: 'x', f: 'f', n: 'n', v: 'v', C: 'C' }
export const LONG_OPTIONS: Record<string, keyof Sh['opts'] | null> = {
  errexit: 'e', noglob: 'f', ignoreeof: null, monitor: null, noexec: 'n', xtrace: 'x', verbose: 'v',
  noclobber: 'C', allexport: null, notify: null, nounset: 'u', errtrace: null, vi: null, pipefail: 'pipefail',
}

export function setFlag(sh: Sh, c: string, on: boolean): boolean {
  const key = FLAGS[c]
  if (key) {
    sh.opts[key] = on
    return true
  }
  return c === 'i' || c === 'l' || c === 'a' || c === 'm' || c === 'b'
}

export function setLongOption(sh: Sh, name: string, on: boolean): boolean {
  if (!(name in LONG_OPTIONS)) return false
  const key = LONG_OPTIONS[name]
  if (key) sh.opts[key] = on
  return true
}

/** Variables ash sets when it starts (and keeps from the environment). */
function initVars(sh: Sh): void {
  const v = sh.vars
  if (!v.has('IFS')) v.set('IFS', ' \t\n')
  if (!v.has('PS1')) v.set('PS1', '\\w \\$ ')
  if (!v.has('PS2')) v.set('PS2', '> ')
  if (!v.has('PS4')) v.set('PS4', '+ ')
  if (!v.has('OPTIND')) v.set('OPTIND', '1')
  if (!v.has('PATH')) v.set('PATH', '/sbin:/usr/sbin:/bin:/usr/bin')
  v.set('PPID', String(sh.pid === 1 ? 0 : 1))
  sh.set('PWD', sh.cwd)
  sh.export('PWD')
  const level = Number(v.get('SHLVL') ?? '0')
  sh.set('SHLVL', String(Number.isInteger(level) && level >= 0 ? level + 1 : 1))
  sh.export('SHLVL')
}
