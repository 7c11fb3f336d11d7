// Which implementation a program is: busybox's applet (busybox, alpine images)
// or GNU coreutils' (the terminal's Debian host, debian and centos images),
// and GNU's message conventions (quotes follow the locale, "Try --help").
import type { CommandContext } from '../api.ts'
import { fastLookup } from '../interp/lookup.ts'

/** True when the filesystem is a busybox-based image (its programs are applets). */
export function isBusybox(ctx: CommandContext): boolean {
  return fastLookup(ctx.fs, '/bin/busybox', '/')?.type === 'file'
}

/** GNU quotes a value 'x' in the C locale and ‘x’ in a UTF-8 one. */
export function gnuQuote(ctx: CommandContext, s: string): string {
  const lang = ctx.env.get('LC_ALL') || ctx.env.get('LC_MESSAGES') || ctx.env.get('LANG') || ''
  return /utf-?8/i.test(lang) ? `‘${s}’` : `'${s}'`
}

export function tryHelp(name: string): string {
  return `Try '${name} --help' for more information.\n`
}
