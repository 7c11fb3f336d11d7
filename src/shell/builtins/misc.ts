// The remaining ash builtins: cd, pwd, type, command, alias, unalias, umask,
// getopts, let, hash, ulimit, times, help, true, false and :.
import { utf8Encode } from '../commands/util/io.ts'
import type { CommandContext, Wait } from '../api.ts'
import { FsError, normalize } from '../fs/vfs.ts'
import { arith } from '../interp/expand.ts'
import { ShellError } from '../interp/control.ts'
import { resolveCommand } from '../interp/lookup.ts'
import { runWithoutFunctions } from '../interp/simple.ts'
import type { Sh } from '../interp/sh.ts'
import { shellQuote } from '../interp/xtrace.ts'

export const colon = (): number => 0
export const trueCmd = (): number => 0
export const falseCmd = (): number => 1

export function cd(sh: Sh, argv: string[]): number {
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P' && a !== '--')
  let target = args[0]
  let print = false
  if (target === undefined || target === '') target = sh.vars.get('HOME') ?? '/'
  else if (target === '-') {
    target = sh.vars.get('OLDPWD') ?? sh.cwd
    print = true
  }
  const abs = normalize(target, sh.cwd)
  const node = sh.p.fs.lookup(abs)
  if (!node || node.type !== 'dir') {
    const why = !node ? new FsError('ENOENT', target).text : new FsError('ENOTDIR', target).text
    if (sh.flavor === 'bash') {
      sh.error(`${target}: ${why}`, 'cd')
      return 1
    }
    if (sh.flavor === 'dash') {
      sh.error(`can't cd to ${target}`, 'cd')
      return 2
    }
    sh.error(`can't cd to ${target}: ${why}`)
    throw new ShellError(2)
  }
  sh.set('OLDPWD', sh.vars.get('PWD') ?? sh.cwd)
  sh.export('OLDPWD')
  sh.cwd = abs
  sh.set('PWD', abs)
  if (print) sh.stdout().write(abs + '\n')
  return 0
}

export function pwd(ctx: CommandContext): number {
  ctx.stdout.write(ctx.cwd + '\n')
  return 0
}

const KEYWORDS = new Set(['!', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'then', 'until', 'while', '{', '}', '[['])

/** What `type` and `command -V` say about a name; null when it is not found. */
function describe(sh: Sh, name: string): string | null {
  if (KEYWORDS.has(name) && name !== '[[') return `${name} is a shell keyword`
  const alias = sh.p.aliases.get(name)
  if (alias !== undefined) return `${name} is an alias for ${alias}`
  const r = resolveCommand(sh, name)
  switch (r.k) {
    case 'func':
      return `${name} is a function`
    case 'special':
      return `${name} is a special shell builtin`
    case 'builtin':
    case 'command':
      return `${name} is a shell builtin`
    case 'program':
      return `${name} is ${r.path}`
    default:
      return null
  }
}

export function type(sh: Sh, argv: string[]): number {
  let status = 0
  let out = ''
  const pathOnly = argv[1] === '-p'
  for (const name of argv.slice(pathOnly ? 2 : 1)) {
    if (pathOnly) {
      const r = resolveCommand(sh, name)
      if (r.k === 'program') out += r.path + '\n'
      continue
    }
    const d = describe(sh, name)
    if (d === null) {
      out += `${name}: not found\n`
      status = 127
    } else out += d + '\n'
  }
  sh.stdout().write(out)
  return status
}

export function* command(sh: Sh, argv: string[]): Generator<Wait, number, void> {
  let i = 1
  let mode = ''
  for (; i < argv.length && argv[i][0] === '-' && argv[i].length > 1; i++) {
    if (argv[i] === '--') {
      i++
      break
    }
    for (const c of argv[i].slice(1)) if (c === 'v' || c === 'V') mode = c
  }
  const name = argv[i]
  if (name === undefined) return 0
  if (mode === 'v') {
    if (sh.p.aliases.has(name)) {
      sh.stdout().write(`alias ${name}=${shellQuote(sh.p.aliases.get(name) as string)}\n`)
      return 0
    }
    const r = resolveCommand(sh, name)
    if (r.k === 'notfound' || r.k === 'denied') return 127
    sh.stdout().write((r.k === 'program' ? r.path : name) + '\n')
    return 0
  }
  if (mode === 'V') {
    const d = describe(sh, name)
    if (d === null) {
      sh.stdout().write(`${name}: not found\n`)
      return 127
    }
    sh.stdout().write(d + '\n')
    return 0
  }
  return yield* runWithoutFunctions(sh, argv.slice(i))
}

/** The process's alias tables, made its own before the first change. */
function ownAliases(sh: Sh): Map<string, string> {
  if (!sh.p.aliases.size && !sh.p.ownsAliases) {
    sh.p.aliases = new Map()
    sh.p.aliasAt = new Map()
    sh.p.ownsAliases = true
  }
  return sh.p.aliases
}

export function alias(sh: Sh, argv: string[]): number {
  const aliases = sh.p.aliases
  if (argv.length === 1) {
    let out = ''
    for (const [k, v] of [...aliases].sort(([a], [b]) => (a < b ? -1 : 1))) out += `${k}=${shellQuote(v)}\n`
    sh.stdout().write(out)
    return 0
  }
  let status = 0
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=')
    if (eq > 0) {
      ownAliases(sh).set(a.slice(0, eq), a.slice(eq + 1))
      sh.p.aliasAt.set(a.slice(0, eq), sh.p.lines)
    }
    else if (aliases.has(a)) sh.stdout().write(`${a}=${shellQuote(aliases.get(a) as string)}\n`)
    else {
      sh.appletError(`alias: ${a} not found`)
      status = 1
    }
  }
  return status
}

export function unalias(sh: Sh, argv: string[]): number {
  if (argv[1] === '-a') {
    ownAliases(sh).clear()
    return 0
  }
  let status = 0
  for (const a of argv.slice(1)) {
    if (!ownAliases(sh).delete(a)) {
      sh.appletError(`unalias: ${a} not found`)
      status = 1
    }
  }
  return status
}

export function umask(sh: Sh, argv: string[]): number {
  const arg = argv.filter((a) => a !== '-S')[1]
  if (arg === undefined) {
    const m = sh.p.umask
    if (argv.includes('-S')) {
      const perm = (who: number): string => ['r', 'w', 'x'].filter((_, i) => !(m & (who << (2 - i)))).join('')
      sh.stdout().write(`u=${perm(0o100)},g=${perm(0o10)},o=${perm(0o1)}\n`)
    } else sh.stdout().write(m.toString(8).padStart(4, '0') + '\n')
    return 0
  }
  if (!/^[0-7]+$/.test(arg)) {
    sh.error(`Illegal mode: ${arg}`)
    throw new ShellError(2)
  }
  sh.p.umask = parseInt(arg, 8) & 0o777
  return 0
}

export function getopts(sh: Sh, argv: string[]): number {
  const spec = argv[1]
  const name = argv[2]
  if (spec === undefined || name === undefined) {
    sh.error('usage: getopts optstring var [arg]')
    throw new ShellError(2)
  }
  const args = argv.length > 3 ? argv.slice(3) : sh.positional
  let optind = Number(sh.vars.get('OPTIND') ?? '1') || 1
  let sub = sh.optSub
  const silent = spec.startsWith(':')
  const opts = silent ? spec.slice(1) : spec
  const arg = args[optind - 1]
  if (arg === undefined || arg[0] !== '-' || arg === '-' || (sub === 0 && arg === '--')) {
    if (arg === '--' && sub === 0) optind++
    sh.set('OPTIND', String(optind))
    sh.optSub = 0
    sh.set(name, '?')
    sh.vars.delete('OPTARG')
    return 1
  }
  if (sub === 0) sub = 1
  const c = arg[sub]
  sub++
  const at = opts.indexOf(c)
  const advance = (): void => {
    if (sub >= arg.length) {
      optind++
      sub = 0
    }
  }
  if (at < 0 || c === ':') {
    advance()
    if (silent) {
      sh.set('OPTARG', c)
    } else {
      sh.stderr().write(`Illegal option -${c}\n`)
      sh.vars.delete('OPTARG')
    }
    sh.set(name, '?')
  } else if (opts[at + 1] === ':') {
    let val: string | undefined
    if (sub < arg.length) val = arg.slice(sub)
    else val = args[optind]
    if (sub < arg.length) optind++
    else optind += 2
    sub = 0
    if (val === undefined) {
      if (silent) {
        sh.set('OPTARG', c)
        sh.set(name, ':')
      } else {
        sh.stderr().write(`No arg for -${c} option\n`)
        sh.vars.delete('OPTARG')
        sh.set(name, '?')
      }
    } else {
      sh.set('OPTARG', val)
      sh.set(name, c)
    }
  } else {
    advance()
    sh.vars.delete('OPTARG')
    sh.set(name, c)
  }
  sh.optSub = sub
  sh.set('OPTIND', String(optind))
  return 0
}

export function letCmd(sh: Sh, argv: string[]): number {
  if (argv.length < 2) {
    sh.error('expression expected')
    throw new ShellError(2)
  }
  let v = '0'
  for (const e of argv.slice(1)) v = arith(sh, e)
  return v === '0' ? 1 : 0
}

/** hash: list the programs found on $PATH so far (-r forgets them). */
export function hash(sh: Sh, argv: string[]): number {
  if (argv[1] === '-r') {
    sh.p.hashed = new Map()
    return 0
  }
  // ash keeps remembered commands in a 31-bucket table and lists it bucket by
  // bucket, each bucket in the order its commands were first found (busybox
  // shell/ash.c hashcmd, hashcd), not in the order they were looked up.
  const rows = [...sh.p.hashed].map(([name, path], i) => ({ bucket: hashBucket(name), i, path }))
  rows.sort((a, b) => a.bucket - b.bucket || a.i - b.i)
  sh.stdout().write(rows.map((r) => r.path + '\n').join(''))
  return 0
}

function hashBucket(name: string): number {
  const bytes = utf8Encode(name)
  let h = (bytes[0] ?? 0) << 4
  for (const b of bytes) h += b
  return h % 31
}

export function ulimit(sh: Sh, argv: string[]): number {
  const flag = argv[1] ?? '-f'
  sh.stdout().write((flag === '-n' ? '1048576' : flag === '-u' ? 'unlimited' : 'unlimited') + '\n')
  return 0
}

export function times(sh: Sh): number {
  sh.stdout().write('0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n')
  return 0
}

export function help(sh: Sh): number {
  sh.stdout().write(
    'Built-in commands:\n------------------\n' +
      '\t. : [ [[ alias bg break cd chdir command continue echo eval exec\n' +
      '\texit export false fg getopts hash help history jobs kill let\n' +
      '\tlocal printf pwd read readonly return set shift source test times\n' +
      '\ttrap true type ulimit umask unalias unset wait\n',
  )
  return 0
}
