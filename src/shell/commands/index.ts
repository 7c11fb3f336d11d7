// The registry of utilities (busybox applets and jq) the shell finds after its
// builtins and the host's commands. Upstream: busybox's applet table (include/applets.h).
import type { Command } from '../api.ts'
import { basename, dirname } from './basename.ts'
import { cat } from './cat.ts'
import { date } from './date/date.ts'
import { grep } from './grep.ts'
import { head } from './head.ts'
import { rev, tac } from './rev.ts'
import { seq } from './seq.ts'
import { tail } from './tail.ts'
import { tee } from './tee.ts'
import { wc } from './wc.ts'
import { yes } from './yes.ts'

export const UTILITIES: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['basename', basename],
  ['cat', cat],
  ['date', date],
  ['dirname', dirname],
  ['egrep', grep],
  ['fgrep', grep],
  ['grep', grep],
  ['head', head],
  ['rev', rev],
  ['seq', seq],
  ['tac', tac],
  ['tail', tail],
  ['tee', tee],
  ['wc', wc],
  ['yes', yes],
])
