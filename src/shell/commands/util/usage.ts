// busybox's usage screen, shown on `--help` (stdout, status 0) and after an option
// error (stderr). We show the banner of the busybox:1.36.1 image, the synopsis and
// the one-line summary; the per-option table is left out. Upstream: include/usage.src.h.
import type { CommandContext } from '../../api.ts'
import { gnuInfo } from '../gnu/about.ts'
import { gnuUsageError } from '../gnu/errors.ts'
import { isGnu } from '../gnu/userland.ts'
import { appletName } from './io.ts'

export const BANNER = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.'

const USAGE: Record<string, [string, string]> = {
  awk: ['[OPTIONS] [AWK_PROGRAM] [FILE]...', ''],
  base64: ['[-d] [-w COL] [FILE]', 'Base64 encode or decode FILE to standard output'],
  basename: ['FILE [SUFFIX] | -a FILE... | -s SUFFIX FILE...', 'Strip directory path and SUFFIX from FILE'],
  cat: ['[-nbvteA] [FILE]...', 'Print FILEs to stdout'],
  chmod: ['[-Rcvf] MODE[,MODE]... FILE...', 'MODE is octal number (bit pattern sstrwxrwxrwx) or [ugoa]{+|-|=}[rwxXst]'],
  chown: ['[-RhLHPcvf]... USER[:[GRP]] FILE...', 'Change the owner and/or group of FILEs to USER and/or GRP'],
  comm: ['[-123] FILE1 FILE2', 'Compare FILE1 with FILE2'],
  diff: ['[-abBdiNqrTstw] [-L LABEL] [-S FILE] [-U LINES] FILE1 FILE2', 'Compare files line by line and output the differences between them.\nThis implementation supports unified diffs only.'],
  cmp: ['[-ls] [-n NUM] FILE1 [FILE2 [SKIP1 [SKIP2]]]', 'Compare FILE1 with FILE2 (or stdin)'],
  fold: ['[-bs] [-w WIDTH] [FILE]...', 'Wrap input lines in FILEs (or stdin), writing to stdout'],
  ln: ['[-sfnbtv] [-S SUF] TARGET... LINK|DIR', 'Create a link LINK or DIR/TARGET to the specified TARGET(s)'],
  mktemp: [
    '[-dt] [-p DIR] [TEMPLATE]',
    'Create a temporary file with name based on TEMPLATE and print its name.\nTEMPLATE must end with XXXXXX (e.g. [/dir/]nameXXXXXX).\nWithout TEMPLATE, -t tmp.XXXXXX is assumed.',
  ],
  nl: ['[OPTIONS] [FILE]...', 'Write FILEs to standard output with line numbers added'],
  od: [
    '[-abcdfhilovxs] [-t TYPE] [-A RADIX] [-N SIZE] [-j SKIP] [-S MINSTR] [-w WIDTH] [FILE]...',
    'Print FILEs (or stdin) unambiguously, as octal bytes by default',
  ],
  paste: ['[-d LIST] [-s] [FILE]...', 'Paste lines from each input file, separated with tab'],
  readlink: ['[-fnv] FILE', 'Display the value of a symlink'],
  realpath: ['FILE...', 'Print absolute pathnames of FILEs'],
  sync: ['[-df] [FILE]...', 'Write all buffered blocks (in FILEs) to disk'],
  usleep: ['N', 'Pause for N microseconds'],
  sha512sum: ['[-c[sw]] [FILE]...', 'Print or check SHA512 checksums'],
  cp: ['[-arPLHpfinlsTu] SOURCE DEST\nor: cp [-arPLHpfinlsu] SOURCE... { -t DIRECTORY | DIRECTORY }', 'Copy SOURCEs to DEST'],
  cut: ['[OPTIONS] [FILE]...', 'Print selected fields from FILEs to stdout'],
  date: ['[OPTIONS] [+FMT] [[-s] TIME]', 'Display time (using +FMT), or set time'],
  df: ['[-PkmhTai] [-B SIZE] [-t TYPE] [FILESYSTEM]...', 'Print filesystem usage statistics'],
  dirname: ['FILENAME', 'Strip non-directory suffix from FILENAME'],
  du: ['[-aHLdclsxhmk] [FILE]...', 'Summarize disk space used for FILEs (or directories)'],
  expr: ['EXPRESSION', 'Print the value of EXPRESSION\n\nEXPRESSION may be:'],
  find: [
    '[-HL] [PATH]... [OPTIONS] [ACTIONS]',
    "Search for files and perform actions on them.\nFirst failed action stops processing of current file.\nDefaults: PATH is current directory, action is '-print'",
  ],
  free: ['[-bkmgh]', 'Display free and used memory'],
  grep: [
    '[-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...',
    'Search for PATTERN in FILEs (or stdin)',
  ],
  head: ['[OPTIONS] [FILE]...', 'Print first 10 lines of FILEs (or stdin).\nWith more than one FILE, precede each with a filename header.'],
  hostname: ['[-sidf] [HOSTNAME | -F FILE]', 'Show or set hostname or DNS domain name'],
  id: ['[-ugGnr] [USER]', 'Print information about USER or the current user'],
  ls: ['[-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...', 'List directory contents'],
  md5sum: ['[-c[sw]] [FILE]...', 'Print or check MD5 checksums'],
  mkdir: ['[-m MODE] [-p] DIRECTORY...', 'Create DIRECTORY'],
  mv: ['[-finT] SOURCE DEST\nor: mv [-fin] SOURCE... { -t DIRECTORY | DIRECTORY }', 'Rename SOURCE to DEST, or move SOURCEs to DIRECTORY'],
  nproc: ['[--all] [--ignore=N]', 'Print number of available CPUs'],
  printenv: ['[VARIABLE]...', 'Print environment VARIABLEs.'],
  ps: ['[-o COL1,COL2=HEADER] [-T]', 'Show list of processes'],
  rev: ['[FILE]...', 'Reverse lines of FILE'],
  rm: ['[-irf] FILE...', 'Remove (unlink) FILEs'],
  rmdir: ['[-p] DIRECTORY...', 'Remove DIRECTORY if it is empty'],
  sed: [
    '[-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\nor: sed [-i[SFX]] [-nrE] CMD [FILE]...',
    '\nIf no -e or -f, the first non-option argument is the sed command string.\nRemaining arguments are input files (stdin if none).',
  ],
  seq: ['[-w] [-s SEP] [FIRST [INC]] LAST', 'Print numbers from FIRST to LAST, in steps of INC.\nFIRST, INC default to 1.'],
  sha1sum: ['[-c[sw]] [FILE]...', 'Print or check SHA1 checksums'],
  sha256sum: ['[-c[sw]] [FILE]...', 'Print or check SHA256 checksums'],
  sort: [
    '[-nrugMcszbdfiokt] [-o FILE] [-k START[.OFS][OPTS][,END[.OFS][OPTS]] [-t CHAR] [FILE]...',
    'Sort lines of text',
  ],
  stat: ['[-ltf] [-c FMT] FILE...', 'Display file (default) or filesystem status'],
  tac: ['[FILE]...', 'Concatenate FILEs and print them in reverse'],
  tail: ['[OPTIONS] [FILE]...', 'Print last 10 lines of FILEs (or stdin) to.\nWith more than one FILE, precede each with a filename header.'],
  tee: ['[-ai] [FILE]...', 'Copy stdin to each FILE, and also to stdout'],
  touch: ['[-cham] [-d DATE] [-t DATE] [-r FILE] FILE...', 'Update mtime of FILEs'],
  tr: ['[-cds] STRING1 [STRING2]', 'Translate, squeeze, or delete characters from stdin, writing to stdout'],
  uname: ['[-amnrspvio]', 'Print system information'],
  uniq: ['[-cduiz] [-f,s,w N] [FILE [OUTFILE]]', 'Discard duplicate lines'],
  wc: ['[-cmlwL] [FILE]...', 'Count lines, words, and bytes for FILEs (or stdin)'],
  wget: ['[-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]', ''],
  which: ['[-a] COMMAND...', 'Locate COMMAND'],
  whoami: ['', 'Print the user name associated with the current effective user id'],
  yes: ['[STRING]', "Repeatedly print a line with STRING, or 'y'"],
}

/** The usage screen of an applet (banner, synopsis, summary), newline-terminated. */
export function usageText(name: string): string {
  const u = USAGE[name]
  if (!u) return `${BANNER}\n`
  const synopsis = u[0] ? `Usage: ${name} ${u[0]}` : `Usage: ${name}`
  return `${BANNER}\n\n${synopsis}\n` + (u[1] ? `\n${u[1]}\n` : '')
}

/** An option error: `NAME: MSG` then the usage screen, both on stderr (GNU: then a pointer to --help). */
export function usageError(ctx: CommandContext, name: string, msg: string, code = 1): number {
  if (isGnu(ctx)) return gnuUsageError(ctx, msg)
  ctx.stderr.write(msg ? `${name}: ${msg}\n${usageText(name)}` : usageText(name))
  return code
}

/** `applet --help` (only as the first argument): the usage screen on stdout, status 0; GNU's --help and --version. */
export function wantsHelp(ctx: CommandContext): boolean {
  const a = ctx.argv[1]
  if (isGnu(ctx)) return (a === '--help' || a === '--version') && gnuInfo(ctx, appletName(ctx), a)
  if (a !== '--help') return false
  ctx.stdout.write(usageText(ctx.argv[0]))
  return true
}
