// The registry of utilities (busybox applets and jq) the shell finds after its
// builtins and the host's commands. Upstream: busybox's applet table (include/applets.h).
import type { Command } from '../api.ts'
import { awk } from './awk/awk.ts'
import { basename, dirname } from './basename.ts'
import { bc } from './bc.ts'
import { cat } from './cat.ts'
import { chmod } from './chmod.ts'
import { cut } from './cut.ts'
import { df, du, free, stat } from './diskinfo.ts'
import { expr } from './expr.ts'
import { cp, mv } from './cp.ts'
import { date } from './date/date.ts'
import { mkdir, rm, rmdir, touch } from './fileops.ts'
import { find } from './find.ts'
import { mktemp } from './mktemp.ts'
import { grep } from './grep.ts'
import { head } from './head.ts'
import { jq } from './jq/jq.ts'
import { comm } from './comm.ts'
import { diff } from './difflib/diff.ts'
import { ls } from './ls.ts'
import { od } from './od.ts'
import { nl } from './nl.ts'
import { curl, wget } from './network.ts'
import { paste } from './paste.ts'
import { readlink, realpath, sync, usleep } from './pathnames.ts'
import { notSimulated, UNSIMULATED } from './programs.ts'
import { rev, tac } from './rev.ts'
import { sed } from './sed/sed.ts'
import { seq } from './seq.ts'
import { sort } from './sort.ts'
import { base64, hashsum } from './sums.ts'
import { hostname, id, nproc, printenv, uname, which, whoami } from './system.ts'
import { tail } from './tail.ts'
import { tee } from './tee.ts'
import { tr } from './tr.ts'
import { uniq } from './uniq.ts'
import { wc } from './wc.ts'
import { yes } from './yes.ts'

export const UTILITIES: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['awk', awk],
  ['basename', basename],
  ['base64', base64],
  ['bc', bc],
  ['cat', cat],
  ['chmod', chmod],
  ['curl', curl],
  ['comm', comm],
  ['cp', cp],
  ['cut', cut],
  ['date', date],
  ['df', df],
  ['diff', diff],
  ['dirname', dirname],
  ['du', du],
  ['egrep', grep],
  ['expr', expr],
  ['fgrep', grep],
  ['find', find],
  ['free', free],
  ['grep', grep],
  ['head', head],
  ['hostname', hostname],
  ['id', id],
  ['jq', jq],
  ['ls', ls],
  ['md5sum', hashsum],
  ['mkdir', mkdir],
  ['mktemp', mktemp],
  ['mv', mv],
  ['nl', nl],
  ['nproc', nproc],
  ['od', od],
  ['paste', paste],
  ['printenv', printenv],
  ['readlink', readlink],
  ['realpath', realpath],
  ['rev', rev],
  ['rm', rm],
  ['rmdir', rmdir],
  ['sed', sed],
  ['seq', seq],
  ['sha1sum', hashsum],
  ['sha256sum', hashsum],
  ['sha512sum', hashsum],
  ['sort', sort],
  ['stat', stat],
  ['sync', sync],
  ['tac', tac],
  ['tail', tail],
  ['tee', tee],
  ['touch', touch],
  ['tr', tr],
  ['uname', uname],
  ['uniq', uniq],
  ['usleep', usleep],
  ['wget', wget],
  ['which', which],
  ['whoami', whoami],
  ['wc', wc],
  ['yes', yes],
  ...UNSIMULATED.map((name): [string, Command] => [name, notSimulated]),
])
