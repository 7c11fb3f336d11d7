// Builtins on variables and options (ash's setcmd, unsetcmd, exportcmd,
// localcmd): listing formats and error texts as busybox prints them.
import { ShellError } from '../interp/control.ts'
import { LONG_OPTIONS, setFlag, setLongOption } from '../interp/program.ts'
import type { Sh } from '../interp/sh.ts'
import { shellQuote } from '../interp/xtrace.ts'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

function badName(sh: Sh, name: string): never {
  sh.error(`${name}: bad variable name`)
  throw new ShellError(2)
}

export function set(sh: Sh, argv: string[]): number {
  if (argv.length === 1) {
    let out = ''
    const all = new Map(sh.vars)
    if (!all.has('FUNCNAME')) all.set('FUNCNAME', sh.funcName)
    if (!all.has('LINENO')) all.set('LINENO', '')
    for (const name of [...all.keys()].sort()) out += `${name}=${shellQuote(all.get(name) as string)}\n`
    sh.stdout().write(out)
    return 0
  }
  let i = 1
  for (; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      i++
      sh.positional = argv.slice(i)
      return 0
    }
    if (a === '-' ) {
      i++
      break
    }
    if ((a[0] !== '-' && a[0] !== '+') || a.length < 2) break
    const on = a[0] === '-'
    for (const c of a.slice(1)) {
      if (c === 'o') {
        const name = argv[i + 1]
        if (name === undefined) {
          listOptions(sh, on)
          continue
        }
        i++
        if (!setLongOption(sh, name, on)) {
          sh.error(`illegal option -o ${name}`)
          throw new ShellError(2)
        }
      } else if (!setFlag(sh, c, on)) {
        sh.error(`illegal option ${a[0]}${c}`)
        throw new ShellError(2)
      }
    }
  }
  if (i < argv.length) sh.positional = argv.slice(i)
  return 0
}

function listOptions(sh: Sh, minus: boolean): void {
  let out = ''
  for (const [name, key] of Object.entries(LONG_OPTIONS)) {
    const on = key ? sh.opts[key] : false
    out += minus ? `${name.padEnd(16)}${on ? 'on' : 'off'}\n` : `set ${on ? '-' : '+'}o ${name}\n`
  }
  sh.stdout().write(out)
}

export function unset(sh: Sh, argv: string[]): number {
  let funcs = false
  let i = 1
  for (; i < argv.length && argv[i][0] === '-'; i++) {
    if (argv[i] === '-f') funcs = true
    else if (argv[i] === '-v') funcs = false
    else if (argv[i] === '--') {
      i++
      break
    }
  }
  for (; i < argv.length; i++) {
    const name = argv[i]
    if (funcs) {
      sh.deleteFunc(name)
      continue
    }
    if (!sh.unset(name)) {
      sh.error(`${name}: is read only`)
      throw new ShellError(2)
    }
  }
  return 0
}

/** export and readonly: set attributes, or list with -p / no names. */
export function exportCmd(sh: Sh, argv: string[]): number {
  const ro = argv[0] === 'readonly'
  const names = argv.slice(1).filter((a) => a !== '-p' && a !== '--')
  if (!names.length) {
    const set = ro ? sh.readonly : sh.exported
    let out = ''
    for (const name of [...set].sort()) {
      const v = sh.vars.get(name)
      out += `${argv[0]} ${name}${v === undefined ? '' : '=' + shellQuote(v)}\n`
    }
    sh.stdout().write(out)
    return 0
  }
  for (const a of names) {
    const eq = a.indexOf('=')
    const name = eq < 0 ? a : a.slice(0, eq)
    if (!NAME.test(name)) badName(sh, name)
    if (eq >= 0) sh.set(name, a.slice(eq + 1))
    if (ro) sh.addReadonly(name)
    else sh.export(name)
  }
  return 0
}

export function local(sh: Sh, argv: string[]): number {
  if (!sh.frames.length) {
    sh.error('not in a function')
    throw new ShellError(2)
  }
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=')
    const name = eq < 0 ? a : a.slice(0, eq)
    if (name === '-') continue
    if (!NAME.test(name)) badName(sh, name)
    sh.makeLocal(name)
    if (eq >= 0) sh.set(name, a.slice(eq + 1))
    else sh.unset(name)
  }
  return 0
}
