// The registry of utilities (busybox applets and jq) the shell finds after its
// builtins and the host's commands. Upstream: busybox's applet table (include/applets.h).
import type { Command } from '../api.ts'
import { cat } from './cat.ts'
import { grep } from './grep.ts'

export const UTILITIES: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['cat', cat],
  ['egrep', grep],
  ['fgrep', grep],
  ['grep', grep],
])
