// Which implementation a program is: busybox's applet (busybox, alpine images)
// or GNU coreutils' (the terminal's Debian host, debian and centos images),
// and GNU's "Try '... --help'" line.
import type { CommandContext } from '../api.ts'
import { fastLookup } from '../interp/lookup.ts'

/** True when the filesystem is a busybox-based image (its programs are applets). */
export function isBusybox(ctx: CommandContext): boolean {
  return fastLookup(ctx.fs, '/bin/busybox', '/')?.type === 'file'
}

export function tryHelp(name: string): string {
  return `Try '${name} --help' for more information.\n`
}
