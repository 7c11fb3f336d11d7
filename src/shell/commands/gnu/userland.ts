// Which userland a program belongs to (busybox applets, or the GNU tools of Debian,
// Ubuntu, CentOS and the terminal's host) and GNU's message conventions: the program as
// invoked, quoting, "Try '… --help'". Upstream: gnulib quotearg.c, coreutils system.h.
import type { CommandContext } from '../../api.ts'

/** True for GNU's tools: the filesystem is not a busybox image's (no /bin/busybox). */
export function isGnu(ctx: CommandContext): boolean {
  return ctx.fs.lookup('/bin/busybox')?.type !== 'file'
}

/** gnulib's locale quoting: 'x' in the C locale, ‘x’ in a UTF-8 one (mkdir, seq, head messages). */
export function gnuQuote(ctx: CommandContext, s: string): string {
  const lang = ctx.env.get('LC_ALL') || ctx.env.get('LC_MESSAGES') || ctx.env.get('LANG') || ''
  return /utf-?8/i.test(lang) ? `‘${s}’` : `'${s}'`
}

/** The GNU build the image carries: CentOS 7's older coreutils, or Debian 12's. */
export function distro(ctx: CommandContext): 'centos' | 'debian' {
  return ctx.fs.lookup('/etc/centos-release') ? 'centos' : 'debian'
}

/** GNU names itself as it was invoked (`/bin/ls: …`), busybox by its applet name. */
export function progName(ctx: CommandContext): string {
  return ctx.argv[0] ?? ''
}

/** "Try 'ls --help' for more information." */
export function tryHelpLine(ctx: CommandContext): string {
  return `Try '${progName(ctx)} --help' for more information.\n`
}

/** A usage error the GNU way: the message, then the pointer to --help, on stderr. */
export function gnuUsage(ctx: CommandContext, msg: string, code: number): number {
  ctx.stderr.write(`${progName(ctx)}: ${msg}\n${tryHelpLine(ctx)}`)
  return code
}

/**
 * gnulib's shell-escape quoting of a file name: as is when nothing in it needs
 * quoting (unless `always`), else in single quotes ('my file'), or double quotes
 * around a name holding a single quote ("it's").
 */
export function shellQuote(s: string, always = false): string {
  if (!always && s !== '' && /^[\w@%+=:,./-]+$/.test(s)) return s
  if (!s.includes("'")) return `'${s}'`
  if (!/["$`\\]/.test(s)) return `"${s}"`
  return `'${s.replace(/'/g, "'\\''")}'`
}

/**
 * coreutils' quoteaf: a file name always quoted ('nope'), as rm, cp, mv, touch, head
 * and ls errors print it. coreutils 8.22 (CentOS 7) quoted these with quote(): locale quotes.
 */
export function quoteFile(ctx: CommandContext, name: string): string {
  return distro(ctx) === 'centos' ? gnuQuote(ctx, name) : shellQuote(name, true)
}

/** coreutils' quotef: quoted only when needed, as cat, wc and cut errors print names (8.22: as is). */
export function quoteIfNeeded(ctx: CommandContext, name: string): string {
  return distro(ctx) === 'centos' ? name : shellQuote(name)
}
