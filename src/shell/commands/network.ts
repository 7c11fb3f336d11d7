// The lab has no network: wget and curl fail the way they do when a name does not
// resolve, in their own words. Upstream: busybox networking/wget.c; curl's
// CURLE_COULDNT_RESOLVE_HOST (exit 6).
import type { CommandContext } from '../api.ts'
import { parseArgs } from './util/args.ts'
import { usageError, wantsHelp } from './util/usage.ts'

/** The host part of a URL as wget/curl see it. */
function hostOf(url: string): string {
  const rest = url.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//, '')
  const hostport = rest.split(/[/?#]/)[0].replace(/^[^@]*@/, '')
  if (hostport.startsWith('[')) return hostport.slice(1, hostport.indexOf(']'))
  return hostport.replace(/:\d*$/, '')
}

export function wget(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const p = parseArgs(ctx, {
    short: 'cqSO:o:P:Y:U:T:t:',
    long: { continue: 'c', quiet: 'q', 'server-response': 'S', 'output-document=': 'O', 'output-file=': 'o', 'directory-prefix=': 'P', proxy: 'Y', 'user-agent=': 'U', 'timeout=': 'T', spider: 'spider', 'header=': 'header', 'post-data=': 'post', 'post-file=': 'post', 'no-check-certificate': 'nocheck', 'no-verbose': 'nv', tries: 't' },
  })
  if (typeof p === 'number') return p
  if (!p.args.length) return usageError(ctx, 'wget', '')
  ctx.stderr.write(`wget: bad address '${hostOf(p.args[0])}'\n`)
  return 1
}

export function curl(ctx: CommandContext): number {
  const url = ctx.argv.slice(1).find((a, i, all) => !a.startsWith('-') && !/^-(o|H|d|X|u|A|e|m|w|T|F|x|-output|-header|-data|-request|-max-time)$/.test(all[i - 1] ?? ''))
  if (!url) {
    ctx.stderr.write("curl: try 'curl --help' or 'curl --manual' for more information\n")
    return 2
  }
  const short = (c: string) => ctx.argv.some((a) => /^-[a-zA-Z]+$/.test(a) && a.includes(c))
  const silent = short('s') || ctx.argv.includes('--silent')
  const showErrors = short('S') || ctx.argv.includes('--show-error')
  if (!silent || showErrors) ctx.stderr.write(`curl: (6) Could not resolve host: ${hostOf(url)}\n`)
  return 6
}
