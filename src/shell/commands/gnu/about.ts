// --version and --help of the GNU tools of Debian 12 (coreutils 9.1, grep 3.8, sed 4.9,
// mawk 1.3.4) and CentOS 7 (coreutils 8.22, grep 2.20, sed 4.2.2); --help shows synopsis,
// summary and closing pointers, not the option table (as our busybox usage screens).
import type { CommandContext } from '../../api.ts'
import { distro, progName } from './userland.ts'

/** coreutils authors, as each program's --version credits them. */
const AUTHORS: Record<string, string> = {
  basename: 'David MacKenzie.',
  cat: 'Torbjorn Granlund and Richard M. Stallman.',
  cp: 'Torbjorn Granlund, David MacKenzie, and Jim Meyering.',
  cut: 'David M. Ihnat, David MacKenzie, and Jim Meyering.',
  date: 'David MacKenzie.',
  dirname: 'David MacKenzie and Jim Meyering.',
  echo: 'Brian Fox and Chet Ramey.',
  env: 'Richard Mlynarik, David MacKenzie, and Assaf Gordon.',
  expr: 'Mike Parker, James Youngman, and Paul Eggert.',
  head: 'David MacKenzie and Jim Meyering.',
  ls: 'Richard M. Stallman and David MacKenzie.',
  mkdir: 'David MacKenzie.',
  mv: 'Mike Parker, David MacKenzie, and Jim Meyering.',
  printf: 'David MacKenzie.',
  rm: 'Paul Rubin, David MacKenzie, Richard M. Stallman,\nand Jim Meyering.',
  rmdir: 'David MacKenzie.',
  seq: 'Ulrich Drepper.',
  sleep: 'Jim Meyering and Paul Eggert.',
  sort: 'Mike Haertel and Paul Eggert.',
  tail: 'Paul Rubin, David MacKenzie, Ian Lance Taylor,\nand Jim Meyering.',
  tee: 'Mike Parker, Richard M. Stallman, and David MacKenzie.',
  timeout: 'Padraig Brady.',
  touch: 'Paul Rubin, Arnold Robbins, Jim Kingdon,\nDavid MacKenzie, and Randy Smith.',
  tr: 'Jim Meyering.',
  uniq: 'Richard M. Stallman and David MacKenzie.',
  wc: 'Paul Rubin and David MacKenzie.',
  yes: 'David MacKenzie.',
}

function fsfNotice(year: number, https: boolean): string {
  const s = https ? 'https' : 'http'
  return (
    `Copyright (C) ${year} Free Software Foundation, Inc.\n` +
    `License GPLv3+: GNU GPL version 3 or later <${s}://gnu.org/licenses/gpl.html>.\n` +
    'This is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n'
  )
}

/** The --version text of a GNU program, or undefined when it has none (mawk answers -W version only). */
export function versionText(ctx: CommandContext, name: string): string | undefined {
  const old = distro(ctx) === 'centos'
  if (name === 'grep' || name === 'egrep' || name === 'fgrep') {
    return old
      ? `grep (GNU grep) 2.20\n${fsfNotice(2014, false)}\nWritten by Mike Haertel and others, see <http://git.sv.gnu.org/cgit/grep.git/tree/AUTHORS>.\n`
      : `grep (GNU grep) 3.8\n${fsfNotice(2022, true)}\nWritten by Mike Haertel and others; see\n<https://git.sv.gnu.org/cgit/grep.git/tree/AUTHORS>.\n`
  }
  if (name === 'sed') {
    const prog = progName(ctx)
    return old
      ? `${prog} (GNU sed) 4.2.2\n${fsfNotice(2012, false)}\nWritten by Jay Fenlason, Tom Lord, Ken Pizzini,\nand Paolo Bonzini.\n` +
          'GNU sed home page: <http://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <http://www.gnu.org/gethelp/>.\n' +
          "E-mail bug reports to: <bug-sed@gnu.org>.\nBe sure to include the word ``sed'' somewhere in the ``Subject:'' field.\n"
      : `${prog} (GNU sed) 4.9\nPackaged by Debian\n${fsfNotice(2022, true)}\nWritten by Jay Fenlason, Tom Lord, Ken Pizzini,\nPaolo Bonzini, Jim Meyering, and Assaf Gordon.\n\n` +
          'This sed program was built with SELinux support.\nSELinux is disabled on this system.\n\n' +
          'GNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\nE-mail bug reports to: <bug-sed@gnu.org>.\n'
  }
  if (name === 'awk') return old ? GAWK_VERSION : undefined
  const authors = AUTHORS[name]
  if (!authors) return undefined
  return old ? `${name} (GNU coreutils) 8.22\n${fsfNotice(2013, false)}\nWritten by ${authors}\n` : `${name} (GNU coreutils) 9.1\n${fsfNotice(2022, true)}\nWritten by ${authors}\n`
}

/** mawk's `-W version` (Debian's awk). */
export const MAWK_VERSION =
  'mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\n' +
  'random-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n'

const GAWK_VERSION =
  'GNU Awk 4.0.2\nCopyright (C) 1989, 1991-2012 Free Software Foundation.\n\n' +
  'This program is free software; you can redistribute it and/or modify\nit under the terms of the GNU General Public License as published by\n' +
  'the Free Software Foundation; either version 3 of the License, or\n(at your option) any later version.\n\n' +
  'This program is distributed in the hope that it will be useful,\nbut WITHOUT ANY WARRANTY; without even the implied warranty of\n' +
  'MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\nGNU General Public License for more details.\n\n' +
  'You should have received a copy of the GNU General Public License\nalong with this program. If not, see http://www.gnu.org/licenses/.\n'

/** Synopsis lines (after "Usage: PROG ") and the summary paragraph of each program's --help. */
const HELP: Record<string, [string[], string]> = {
  basename: [['NAME [SUFFIX]', 'OPTION... NAME...'], 'Print NAME with any leading directory components removed.\nIf specified, also remove a trailing SUFFIX.'],
  cat: [['[OPTION]... [FILE]...'], 'Concatenate FILE(s) to standard output.'],
  cp: [['[OPTION]... [-T] SOURCE DEST', '[OPTION]... SOURCE... DIRECTORY', '[OPTION]... -t DIRECTORY SOURCE...'], 'Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.'],
  cut: [['OPTION... [FILE]...'], 'Print selected parts of lines from each FILE to standard output.'],
  date: [['[OPTION]... [+FORMAT]', '[-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]'], 'Display date and time in the given FORMAT.\nWith -s, or with [MMDDhhmm[[CC]YY][.ss]], set the date and time.'],
  dirname: [['[OPTION] NAME...'], "Output each NAME with its last non-slash component and trailing slashes\nremoved; if NAME contains no /'s, output '.' (meaning the current directory)."],
  echo: [['[SHORT-OPTION]... [STRING]...', 'LONG-OPTION'], 'Echo the STRING(s) to standard output.'],
  env: [['[OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]'], 'Set each NAME to VALUE in the environment and run COMMAND.'],
  expr: [['EXPRESSION', 'OPTION'], ''],
  head: [['[OPTION]... [FILE]...'], 'Print the first 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.'],
  ls: [['[OPTION]... [FILE]...'], 'List information about the FILEs (the current directory by default).\nSort entries alphabetically if none of -cftuvSUX nor --sort is specified.'],
  mkdir: [['[OPTION]... DIRECTORY...'], 'Create the DIRECTORY(ies), if they do not already exist.'],
  mv: [['[OPTION]... [-T] SOURCE DEST', '[OPTION]... SOURCE... DIRECTORY', '[OPTION]... -t DIRECTORY SOURCE...'], 'Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.'],
  printf: [['FORMAT [ARGUMENT]...', 'OPTION'], 'Print ARGUMENT(s) according to FORMAT, or execute according to OPTION:'],
  rm: [['[OPTION]... [FILE]...'], 'Remove (unlink) the FILE(s).'],
  rmdir: [['[OPTION]... DIRECTORY...'], 'Remove the DIRECTORY(ies), if they are empty.'],
  seq: [['[OPTION]... LAST', '[OPTION]... FIRST LAST', '[OPTION]... FIRST INCREMENT LAST'], 'Print numbers from FIRST to LAST, in steps of INCREMENT.'],
  sleep: [['NUMBER[SUFFIX]...', 'OPTION'], "Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),\n'm' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an\ninteger.  Given two or more arguments, pause for the amount of time\nspecified by the sum of their values."],
  sort: [['[OPTION]... [FILE]...', '[OPTION]... --files0-from=F'], 'Write sorted concatenation of all FILE(s) to standard output.'],
  tail: [['[OPTION]... [FILE]...'], 'Print the last 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.'],
  tee: [['[OPTION]... [FILE]...'], 'Copy standard input to each FILE, and also to standard output.'],
  timeout: [['[OPTION] DURATION COMMAND [ARG]...', '[OPTION]'], 'Start COMMAND, and kill it if still running after DURATION.'],
  touch: [['[OPTION]... FILE...'], 'Update the access and modification times of each FILE to the current time.'],
  tr: [['[OPTION]... STRING1 [STRING2]'], 'Translate, squeeze, and/or delete characters from standard input,\nwriting to standard output.  STRING1 and STRING2 specify arrays of\ncharacters ARRAY1 and ARRAY2 that control the action.'],
  uniq: [['[OPTION]... [INPUT [OUTPUT]]'], 'Filter adjacent matching lines from INPUT (or standard input),\nwriting to OUTPUT (or standard output).'],
  wc: [['[OPTION]... [FILE]...', '[OPTION]... --files0-from=F'], 'Print newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.  A word is a non-zero-length sequence of\nprintable characters delimited by white space.'],
  yes: [['[STRING]...', 'OPTION'], "Repeatedly output a line with all specified STRING(s), or 'y'."],
}

/** The --help text of a GNU program, or undefined when we have none for it. */
export function helpText(ctx: CommandContext, name: string): string | undefined {
  const prog = progName(ctx)
  if (name === 'grep' || name === 'egrep' || name === 'fgrep') {
    return (
      `Usage: ${prog} [OPTION]... PATTERNS [FILE]...\nSearch for PATTERNS in each FILE.\nExample: ${prog} -i 'hello world' menu.h main.c\n` +
      'PATTERNS can contain multiple patterns separated by newlines.\n\n' +
      'Report bugs to: bug-grep@gnu.org\nGNU grep home page: <https://www.gnu.org/software/grep/>\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>\n'
    )
  }
  if (name === 'sed') {
    return (
      `Usage: ${prog} [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n` +
      'If no -e, --expression, -f, or --file option is given, then the first\nnon-option argument is taken as the sed script to interpret.  All\n' +
      'remaining arguments are names of input files; if no input files are\nspecified, then the standard input is read.\n\n' +
      'GNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\n'
    )
  }
  const h = HELP[name]
  if (!h) return undefined
  const [synopsis, summary] = h
  let out = `Usage: ${prog} ${synopsis[0]}\n`
  for (const s of synopsis.slice(1)) out += `  or:  ${prog} ${s}\n`
  if (summary) out += summary + '\n'
  return (
    out +
    '\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nReport any translation bugs to <https://translationproject.org/team/>\n' +
    `Full documentation <https://www.gnu.org/software/coreutils/${name}>\nor available locally via: info '(coreutils) ${name} invocation'\n`
  )
}

/** GNU's `--help`/`--version` handling: print to stdout and report true, else false. */
export function gnuInfo(ctx: CommandContext, name: string, opt: '--help' | '--version'): boolean {
  const text = opt === '--help' ? helpText(ctx, name) : versionText(ctx, name)
  if (text === undefined) return false
  ctx.stdout.write(text)
  return true
}
