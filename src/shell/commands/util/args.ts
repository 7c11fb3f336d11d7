// Option parsing as busybox's getopt32 does it on glibc (the busybox image is built on
// glibc): GNU permutation, bundled flags, attached or separate arguments, `--`.
// Upstream: busybox libbb/getopt32.c, glibc posix/getopt.c (message texts).
import type { CommandContext } from '../../api.ts'
import { gnuInfo } from '../gnu/about.ts'
import { isGnu } from '../gnu/userland.ts'
import { appletName } from './io.ts'
import { usageError } from './usage.ts'

export interface OptSpec {
  /** Short options in getopt syntax: `nve:I::` (`:` takes an argument, `::` an attached optional one). */
  short: string
  /**
   * Long options: name -> key. A trailing `=` on the name means it takes an argument,
   * `=?` an optional one (`--color[=WHEN]`).
   */
  long?: Record<string, string>
  /** Stop at the first operand (POSIX order) instead of permuting. */
  posix?: boolean
  /** Exit status for usage errors (busybox sets it per applet; grep and sort use 2). */
  errorCode?: number
}

export class Opts {
  private values = new Map<string, string[]>()

  add(key: string, value: string): void {
    const list = this.values.get(key)
    if (list) list.push(value)
    else this.values.set(key, [value])
  }
  has(key: string): boolean {
    return this.values.has(key)
  }
  /** How many times a flag was given (`-vv`). */
  count(key: string): number {
    return this.values.get(key)?.length ?? 0
  }
  /** The last argument given to an option. */
  get(key: string): string | undefined {
    const list = this.values.get(key)
    return list?.[list.length - 1]
  }
  all(key: string): string[] {
    return this.values.get(key) ?? []
  }
  /** The order options were seen in matters for a few applets (`ls -1l`); keep it. */
  order: string[] = []
}

export interface Parsed {
  opts: Opts
  args: string[]
}

/** Parse argv[1..]; on a usage error print busybox's message and return the exit status. */
export function parseArgs(ctx: CommandContext, spec: OptSpec, argv = ctx.argv.slice(1)): Parsed | number {
  const name = ctx.argv[0]
  const opts = new Opts()
  const args: string[] = []
  const takesArg = argTable(spec.short)
  const fail = (msg: string): number => usageError(ctx, name, msg, spec.errorCode ?? 1)
  const gnu = isGnu(ctx)
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--') {
      args.push(...argv.slice(i + 1))
      break
    }
    // Every GNU tool takes --help and --version wherever its options go.
    if (gnu && (a === '--help' || a === '--version') && gnuInfo(ctx, appletName(ctx), a)) return 0
    if (a.startsWith('--') && spec.long) {
      const eq = a.indexOf('=')
      const given = eq < 0 ? a.slice(2) : a.slice(2, eq)
      const match = longMatch(spec.long, given)
      if (match === null) return fail(`unrecognized option '${eq < 0 ? a : a.slice(0, eq)}'`)
      if (match === 'ambiguous') return fail(`option '${a}' is ambiguous`)
      const [full, key] = match
      if (full.endsWith('=?')) opts.add(key, eq >= 0 ? a.slice(eq + 1) : '')
      else if (full.endsWith('=')) {
        if (eq >= 0) opts.add(key, a.slice(eq + 1))
        else if (i + 1 < argv.length) opts.add(key, argv[++i])
        else return fail(`option '--${full.slice(0, -1)}' requires an argument`)
      } else {
        if (eq >= 0) return fail(`option '--${full}' doesn't allow an argument`)
        opts.add(key, '')
      }
      opts.order.push(key)
      continue
    }
    if (a.length < 2 || a[0] !== '-') {
      if (spec.posix) {
        args.push(...argv.slice(i))
        break
      }
      args.push(a)
      continue
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]
      const needs = takesArg.get(c)
      if (needs === undefined) return fail(`invalid option -- '${c}'`)
      if (needs === 'optional') {
        // `x::` in getopt: an argument only when attached (-Ins).
        opts.add(c, a.slice(j + 1))
        opts.order.push(c)
        break
      }
      if (needs) {
        if (j + 1 < a.length) opts.add(c, a.slice(j + 1))
        else if (i + 1 < argv.length) opts.add(c, argv[++i])
        else return fail(`option requires an argument -- '${c}'`)
        opts.order.push(c)
        break
      }
      opts.add(c, '')
      opts.order.push(c)
    }
  }
  return { opts, args }
}

function argTable(short: string): Map<string, boolean | 'optional'> {
  const m = new Map<string, boolean | 'optional'>()
  for (let i = 0; i < short.length; i++) {
    const c = short[i]
    if (c === ':') continue
    m.set(c, short[i + 1] === ':' ? (short[i + 2] === ':' ? 'optional' : true) : false)
  }
  return m
}

/** getopt_long accepts any unambiguous prefix of a long option. */
function longMatch(long: Record<string, string>, given: string): [string, string] | null | 'ambiguous' {
  const names = Object.keys(long)
  const exact = names.find((n) => n.replace(/=\??$/, '') === given)
  if (exact) return [exact, long[exact]]
  const prefixed = names.filter((n) => n.replace(/=\??$/, '').startsWith(given))
  if (prefixed.length === 1) return [prefixed[0], long[prefixed[0]]]
  if (prefixed.length > 1) return 'ambiguous'
  return null
}
