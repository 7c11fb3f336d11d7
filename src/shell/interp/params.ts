// Special and positional parameters ($? $$ $! $# $- $0 $1 …) and the value of
// any parameter by name, as ash computes them.
import type { Sh } from './sh.ts'

/** ash lists $- in this order (the reverse of its option table). */
const FLAG_ORDER: [string, (sh: Sh) => boolean][] = [
  ['u', (sh) => sh.opts.u],
  ['v', (sh) => sh.opts.v],
  ['x', (sh) => sh.opts.x],
  ['C', (sh) => sh.opts.C],
  ['n', (sh) => sh.opts.n],
  ['f', (sh) => sh.opts.f],
  ['e', (sh) => sh.opts.e],
]

/** bash's $- in an interactive shell: its flag letters in bash's order. */
function bashFlags(sh: Sh): string {
  const on: [string, boolean][] = [
    ['e', sh.opts.e], ['f', sh.opts.f], ['h', true], ['i', true], ['m', true], ['n', sh.opts.n], ['u', sh.opts.u],
    ['v', sh.opts.v], ['x', sh.opts.x], ['B', true], ['C', sh.opts.C], ['H', true], ['s', true],
  ]
  return on.filter(([, v]) => v).map(([c]) => c).join('')
}

export function optionFlags(sh: Sh): string {
  if (sh.flavor === 'bash' && sh.p.interactive) return bashFlags(sh)
  let out = ''
  for (const [c, on] of FLAG_ORDER) {
    if (c === 'n' && sh.p.interactive) out += 'i'
    if (on(sh)) out += c
    if (c === 'x' && sh.cFlag) out += 'c'
  }
  return out
}

/** The value of a parameter, or undefined when it is unset. */
export function paramValue(sh: Sh, name: string): string | undefined {
  const c = name.charCodeAt(0)
  if (c >= 48 && c <= 57) return positionalParam(sh, Number(name))
  switch (name) {
    case '?':
      return String(sh.status)
    case '$':
      return String(sh.pid)
    case '!':
      return sh.lastBg === undefined ? undefined : String(sh.lastBg)
    case '#':
      return String(sh.positional.length)
    case '-':
      return optionFlags(sh)
    case '@':
    case '*':
      return sh.positional.length ? sh.positional.join(' ') : undefined
  }
  return sh.get(name)
}

export function positionalParam(sh: Sh, n: number): string | undefined {
  if (n === 0) return sh.arg0
  return sh.positional[n - 1]
}
