// The registry of utilities (busybox applets and jq) the shell finds after its
// builtins and the host's commands. Upstream: busybox's applet table (include/applets.h).
import type { Command } from '../api.ts'
import { basename, dirname } from './basename.ts'
import { cat } from './cat.ts'
import { cut } from './cut.ts'
import { cp, mv } from './cp.ts'
import { date } from './date/date.ts'
import { mkdir, rm, rmdir, touch } from './fileops.ts'
import { grep } from './grep.ts'
import { head } from './head.ts'
import { jq } from './jq/jq.ts'
import { ls } from './ls.ts'
import { rev, tac } from './rev.ts'
import { seq } from './seq.ts'
import { sort } from './sort.ts'
import { tail } from './tail.ts'
import { tee } from './tee.ts'
import { tr } from './tr.ts'
import { uniq } from './uniq.ts'
import { wc } from './wc.ts'
import { yes } from './yes.ts'

export const UTILITIES: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['basename', basename],
  ['cat', cat],
  ['cp', cp],
  ['cut', cut],
  ['date', date],
  ['dirname', dirname],
  ['egrep', grep],
  ['fgrep', grep],
  ['grep', grep],
  ['head', head],
  ['jq', jq],
  ['ls', ls],
  ['mkdir', mkdir],
  ['mv', mv],
  ['rev', rev],
  ['rm', rm],
  ['rmdir', rmdir],
  ['seq', seq],
  ['sort', sort],
  ['tac', tac],
  ['tail', tail],
  ['tee', tee],
  ['touch', touch],
  ['tr', tr],
  ['uniq', uniq],
  ['wc', wc],
  ['yes', yes],
])
