// The GNU userland (debian, ubuntu, centos images, the terminal's host): commands run by bash
// beside a.txt, big.bin, 'my file.txt' and sub/b, with what Debian 12's real coreutils 9.1, grep
// 3.8, sed 4.9 and mawk 1.3.4 print (bash -c), in the C locale and, where quotes differ, C.UTF-8.
import { describe, expect, it } from 'vitest'
import { makeRootFs, type Flavor } from '../fs/rootfs.ts'
import { Vfs } from '../fs/vfs.ts'
import { spawnContainer } from '../index.ts'
import { Clock, collector, container, drive } from './harness.ts'

type Row = [string, string, string, number]

/** Files dated 2026-01-01, listed on 2026-11-27 (so ls shows the year). */
const NOW = Date.UTC(2026, 10, 27, 2, 0)
const FILES_AT = Date.UTC(2026, 0, 1)

export function gnuRun(script: string, o: { lang?: string; flavor?: Flavor; tty?: boolean; names?: string[] } = {}) {
  const clock = new Clock()
  clock.now = NOW
  const fs = new Vfs(makeRootFs(o.flavor ?? 'debian', NOW), () => FILES_AT)
  fs.mkdir('/w/sub', '/', true)
  fs.mkdir('/m', '/', true)
  fs.writeFile('/w/a.txt', 'hello\nworld\n')
  fs.writeFile('/w/sub/b', 'x\n')
  fs.writeFile('/w/big.bin', '\0'.repeat(5000))
  fs.writeFile('/w/my file.txt', 'q\n')
  for (const p of ['/w', '/w/sub']) fs.lookup(p)!.mtime = FILES_AT
  for (const n of o.names ?? []) fs.writeFile(`/m/${n}`, '')
  const out = collector()
  const env: Record<string, string> = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', TZ: 'UTC' }
  if (o.lang) env.LANG = o.lang
  const stdout = o.tty ? { write: out.stdout.write, tty: true } : out.stdout
  const proc = spawnContainer([o.flavor === 'busybox' ? 'sh' : 'bash', '-c', script], { host: { now: () => clock.now, random: clock.random, wake() {} }, fs, env, cwd: '/w', stdout, stderr: out.stderr, pid1: false })
  return drive(proc, clock, out, { limitMs: 60_000 })
}

const C_LOCALE: Row[] = [
  ["ls -l", "total 20\n-rw-r--r-- 1 root root   12 Jan  1  2026 a.txt\n-rw-r--r-- 1 root root 5000 Jan  1  2026 big.bin\n-rw-r--r-- 1 root root    2 Jan  1  2026 my file.txt\ndrwxr-xr-x 2 root root 4096 Jan  1  2026 sub\n", "", 0],
  ["ls -lh", "total 20K\n-rw-r--r-- 1 root root   12 Jan  1  2026 a.txt\n-rw-r--r-- 1 root root 4.9K Jan  1  2026 big.bin\n-rw-r--r-- 1 root root    2 Jan  1  2026 my file.txt\ndrwxr-xr-x 2 root root 4.0K Jan  1  2026 sub\n", "", 0],
  ["ls -s", "total 20\n4 a.txt\n8 big.bin\n4 my file.txt\n4 sub\n", "", 0],
  ["ls nope", "", "ls: cannot access 'nope': No such file or directory\n", 2],
  ["ls -l nope a.txt", "-rw-r--r-- 1 root root 12 Jan  1  2026 a.txt\n", "ls: cannot access 'nope': No such file or directory\n", 2],
  ["ls -z", "", "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", 2],
  ["ls --version", "ls (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Richard M. Stallman and David MacKenzie.\n", "", 0],
  ["cat nope", "", "cat: nope: No such file or directory\n", 1],
  ["cat sub", "", "cat: sub: Is a directory\n", 1],
  ["head -n x a.txt", "", "head: invalid number of lines: 'x'\n", 1],
  ["tail nope", "", "tail: cannot open 'nope' for reading: No such file or directory\n", 1],
  ["tail -n 1 nope a.txt", "==> a.txt <==\nworld\n", "tail: cannot open 'nope' for reading: No such file or directory\n", 1],
  ["wc a.txt sub/b", " 2  2 12 a.txt\n 1  1  2 sub/b\n 3  3 14 total\n", "", 0],
  ["echo hi | wc", "      1       1       3\n", "", 0],
  ["wc -l a.txt", "2 a.txt\n", "", 0],
  ["sort nope", "", "sort: cannot read: nope: No such file or directory\n", 2],
  ["sort -k x a.txt", "", "sort: invalid number at field start: invalid count at start of 'x'\n", 2],
  ["uniq a.txt b c", "", "uniq: extra operand 'c'\nTry 'uniq --help' for more information.\n", 1],
  ["cut a.txt", "", "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", 1],
  ["cut -f 2-1 a.txt", "", "cut: invalid decreasing range\nTry 'cut --help' for more information.\n", 1],
  ["grep -E '(' a.txt", "", "grep: Unmatched ( or \\(\n", 2],
  ["grep", "", "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2],
  ["sed 's/x' a.txt", "", "sed: -e expression #1, char 3: unterminated `s' command\n", 1],
  ["sed -e p -e k a.txt", "", "sed: -e expression #2, char 1: unknown command: `k'\n", 1],
  ["sed p nope", "", "sed: can't read nope: No such file or directory\n", 2],
  ["awk 1 nope", "", "awk: cannot open nope (No such file or directory)\n", 2],
  ["awk '{' a.txt", "", "awk: line 2: missing } near end of file\n", 2],
  ["awk -W version", "mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\n", "random-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n", 0],
  ["mkdir sub", "", "mkdir: cannot create directory 'sub': File exists\n", 1],
  ["rm nope", "", "rm: cannot remove 'nope': No such file or directory\n", 1],
  ["rm sub", "", "rm: cannot remove 'sub': Is a directory\n", 1],
  ["rmdir sub", "", "rmdir: failed to remove 'sub': Directory not empty\n", 1],
  ["cp", "", "cp: missing file operand\nTry 'cp --help' for more information.\n", 1],
  ["cp a.txt", "", "cp: missing destination file operand after 'a.txt'\nTry 'cp --help' for more information.\n", 1],
  ["cp sub z", "", "cp: -r not specified; omitting directory 'sub'\n", 1],
  ["mv nope z", "", "mv: cannot stat 'nope': No such file or directory\n", 1],
  ["touch x/y", "", "touch: cannot touch 'x/y': No such file or directory\n", 1],
  ["seq a", "", "seq: invalid floating point argument: 'a'\nTry 'seq --help' for more information.\n", 1],
  ["expr 1 +", "", "expr: syntax error: missing argument after '+'\n", 2],
  ["expr a + 1", "", "expr: non-integer argument\n", 2],
  ["tr a", "", "tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n", 1],
  ["date -d '2026-03-04 05:06:07'", "Wed Mar  4 05:06:07 UTC 2026\n", "", 0],
  ["date -d bogus", "", "date: invalid date 'bogus'\n", 1],
  ["env nope", "", "env: 'nope': No such file or directory\n", 127],
  ["/bin/echo --version", "echo (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Brian Fox and Chet Ramey.\n", "", 0],
  ["/usr/bin/printf %d x", "0", "/usr/bin/printf: 'x': expected a numeric value\n", 1],
  ["printf %d x", "0", "bash: line 1: printf: x: invalid number\n", 1],
]

// sleep and timeout, also run directly (GNU runners).
C_LOCALE.push(
  ['sleep --foo', '', "sleep: unrecognized option '--foo'\nTry 'sleep --help' for more information.\n", 1],
  ['timeout --foo', '', "timeout: unrecognized option '--foo'\nTry 'timeout --help' for more information.\n", 125],
  ['sleep --version | head -1; timeout --version | head -1', 'sleep (GNU coreutils) 9.1\ntimeout (GNU coreutils) 9.1\n', '', 0],
)

const UTF8: Row[] = [
  ["head -n x a.txt", "", "head: invalid number of lines: ‘x’\n", 1],
  ["sort -k x a.txt", "", "sort: invalid number at field start: invalid count at start of ‘x’\n", 2],
  ["uniq a.txt b c", "", "uniq: extra operand ‘c’\nTry 'uniq --help' for more information.\n", 1],
  ["mkdir sub", "", "mkdir: cannot create directory ‘sub’: File exists\n", 1],
  ["seq a", "", "seq: invalid floating point argument: ‘a’\nTry 'seq --help' for more information.\n", 1],
  ["expr 1 +", "", "expr: syntax error: missing argument after ‘+’\n", 2],
  ["tr a", "", "tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n", 1],
  ["date -d bogus", "", "date: invalid date ‘bogus’\n", 1],
  ["env nope", "", "env: ‘nope’: No such file or directory\n", 127],
  ["/usr/bin/printf %d x", "0", "/usr/bin/printf: ‘x’: expected a numeric value\n", 1],
]

describe('GNU tools in the C locale (a debian container)', () => {
  for (const [cmd, stdout, stderr, code] of C_LOCALE) {
    it(cmd, () => {
      const r = gnuRun(cmd)
      expect([r.stdout, r.stderr, r.code]).toEqual([stdout, stderr, code])
    })
  }
})

describe('GNU tools in C.UTF-8 (the terminal\'s LANG): locale quotes', () => {
  for (const [cmd, stdout, stderr, code] of UTF8) {
    it(cmd, () => {
      const r = gnuRun(cmd, { lang: 'C.UTF-8' })
      expect([r.stdout, r.stderr, r.code]).toEqual([stdout, stderr, code])
    })
  }
})

describe('GNU ls on a terminal: quoted names, columns of their own width padded with tabs', () => {
  const rows: [string, string][] = [
    ['ls', " a.txt\t big.bin  'my file.txt'   sub\n"],
    ['ls -F', " a.txt\t big.bin  'my file.txt'   sub/\n"],
    ['ls -1', "a.txt\nbig.bin\n'my file.txt'\nsub\n"],
    ['ls -l a.txt "my file.txt" sub/b', "-rw-r--r-- 1 root root 12 Jan  1  2026  a.txt\n-rw-r--r-- 1 root root  2 Jan  1  2026 'my file.txt'\n-rw-r--r-- 1 root root  2 Jan  1  2026  sub/b\n"],
  ]
  for (const [cmd, stdout] of rows) it(cmd, () => expect(gnuRun(cmd, { lang: 'C.UTF-8', tty: true }).stdout).toBe(stdout))

  // Real ls at 80 columns over the names of the debian image's / and /usr/bin.
  it('the image root', () => expect(gnuRun('cd /m && ls', { tty: true, names: ["bin", "boot", "dev", "etc", "home", "lib", "lib64", "media", "mnt", "opt", "proc", "root", "run", "sbin", "srv", "sys", "tmp", "usr", "var"] }).stdout).toBe("bin   dev  home  lib64\tmnt  proc  run\t srv  tmp  var\nboot  etc  lib\t media\topt  root  sbin  sys  usr\n"))
  it('/usr/bin, with a quoted [', () => expect(gnuRun('cd /m && ls', { lang: 'C.UTF-8', tty: true, names: ["[", "arch", "awk", "base64", "basename", "bash", "cat", "chgrp", "chmod", "chown", "cksum", "comm", "cp", "cut", "dash", "date", "dd", "df", "dirname", "du", "echo", "egrep", "env", "expr", "false", "fgrep", "find", "fold", "getopt", "grep", "gunzip", "gzip", "head", "hostname", "id", "kill", "less", "ln", "ls", "md5sum", "mkdir", "mktemp", "more", "mount", "mv", "nl", "nohup", "nproc", "od", "paste", "printenv", "printf", "pwd", "readlink", "realpath", "rev", "rm", "rmdir", "sed", "seq", "sh", "sha1sum", "sha256sum", "sha512sum", "shuf", "sleep", "sort", "split", "stat", "sync", "tac", "tail", "tar", "tee", "test", "timeout", "touch", "tr", "true", "tty", "umount", "uname", "uniq", "users", "wc", "which", "who", "whoami", "xargs", "yes", "zcat"] }).stdout).toBe("'['\t    cut       find\t md5sum     pwd         sleep\t  true\n arch\t    dash      fold\t mkdir\t    readlink    sort\t  tty\n awk\t    date      getopt\t mktemp     realpath    split\t  umount\n base64     dd\t      grep\t more\t    rev         stat\t  uname\n basename   df\t      gunzip\t mount\t    rm\t        sync\t  uniq\n bash\t    dirname   gzip\t mv\t    rmdir       tac\t  users\n cat\t    du\t      head\t nl\t    sed         tail\t  wc\n chgrp\t    echo      hostname\t nohup\t    seq         tar\t  which\n chmod\t    egrep     id\t nproc\t    sh\t        tee\t  who\n chown\t    env       kill\t od\t    sha1sum     test\t  whoami\n cksum\t    expr      less\t paste\t    sha256sum   timeout   xargs\n comm\t    false     ln\t printenv   sha512sum   touch\t  yes\n cp\t    fgrep     ls\t printf     shuf        tr\t  zcat\n"))
})

describe('busybox images keep busybox', () => {
  const rows: Row[] = [
    ['ls -l a.txt', '-rw-r--r--    1 root     root            12 Jan  1  2026 a.txt\n', '', 0],
    ['ls nope', '', 'ls: nope: No such file or directory\n', 1],
    ["printf 'b\\na\\nc\\n' > u1 && printf 'a\\nb\\n' | comm -1 u1 -", 'a\n\tb\n', '', 0],
    ['comm a.txt', '', 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: comm [-123] FILE1 FILE2\n\nCompare FILE1 with FILE2\n', 1],
    ['comm a.txt nosuch', '', 'comm: nosuch: No such file or directory\n', 1],
    ["printf 'a\\nb\\nc\\n' > x && printf 'a\\nB\\nc\\nd' > y && diff x y; diff -q x y; diff x x; echo $?", '--- x\n+++ y\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n\\ No newline at end of file\nFiles x and y differ\n0\n', '', 0],
    ['diff a.txt nosuch', '', "diff: can't stat 'nosuch': No such file or directory\n", 2],
    ['rm sub', '', "rm: 'sub' is a directory\n", 1],
    ['ls --version', '', "ls: unrecognized option '--version'\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n\nList directory contents\n", 1],
  ]
  for (const [cmd, stdout, stderr, code] of rows) {
    it(cmd, () => {
      const r = gnuRun(cmd, { flavor: 'busybox' })
      expect([r.stdout, r.stderr, r.code]).toEqual([stdout, stderr, code])
    })
  }
})

// coreutils 8.22, grep 2.20 and sed 4.2.2 as CentOS 7 (and mysql:5.7's Oracle Linux 7) carry
// them, from their sources: no machine here has them to check against.
describe('CentOS 7 userland', () => {
  const rows: Row[] = [
    ['ls nope', '', 'ls: cannot access nope: No such file or directory\n', 2],
    ['rm nope', '', "rm: cannot remove 'nope': No such file or directory\n", 1],
    ['ls --version | head -3', 'ls (GNU coreutils) 8.22\nCopyright (C) 2013 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>.\n', '', 0],
  ]
  for (const [cmd, stdout, stderr, code] of rows) {
    it(cmd, () => {
      const r = gnuRun(cmd, { flavor: 'centos' })
      expect([r.stdout, r.stderr, r.code]).toEqual([stdout, stderr, code])
    })
  }
})

// chmod, paste, realpath, readlink and mktemp on a GNU userland, checked against coreutils 9.1.
describe('GNU chmod, paste, realpath, readlink, mktemp, nl, comm, od', () => {
  const rows: Row[] = [
    ["printf abc | od -c -x; printf hello | od -i -l; printf abc | od -t x1z", '0000000   a   b   c\n           6261    0063\n0000003\n0000000  1819043176         111\n                   478560413032\n0000005\n0000000 61 62 63                                         >abc<\n0000003\n', '', 0],
    ["printf 'hello world!' | od -x -c -A x; printf abcdefghijklmnopq | od -tx1z -c", '000000    6568    6c6c    206f    6f77    6c72    2164\n         h   e   l   l   o       w   o   r   l   d   !\n00000c\n0000000  61  62  63  64  65  66  67  68  69  6a  6b  6c  6d  6e  6f  70  >abcdefghijklmnop<\n          a   b   c   d   e   f   g   h   i   j   k   l   m   n   o   p\n0000020  71                                                              >q<\n          q\n0000021\n', '', 0],
    ['printf a | od -t x3; printf a | od -A q; printf a | od -j 5', '', "od: invalid type string 'x3';\nthis system doesn't provide a 3-byte integral type\nod: invalid output address radix 'q'; it must be one character from [doxn]\nod: cannot skip past end of combined input\n", 1],
    ["cd /tmp && printf 'apple\\nbanana\\ncherry\\n' > c1 && printf 'banana\\ncherry\\ndate' > c2 && comm c1 c2 && comm -12 c1 c2 && comm -3 c1 c2", 'apple\n\t\tbanana\n\t\tcherry\n\tdate\nbanana\ncherry\napple\n\tdate\n', '', 0],
    ["cd /tmp && printf 'b\\na\\nc\\n' > u1 && printf 'a\\nb\\n' > u2 && comm u1 u2", '\ta\n\t\tb\na\nc\n', 'comm: file 1 is not in sorted order\ncomm: input is not in sorted order\n', 1],
    ["cd /tmp && printf 'b\\na\\nc\\n' > u1 && printf 'a\\nb\\n' > u2 && comm --check-order u1 u2", '\ta\n\t\tb\n', 'comm: file 1 is not in sorted order\n', 1],
    ['comm /etc/passwd; comm a b c; comm /etc/passwd nosuch', '', "comm: missing operand after '/etc/passwd'\nTry 'comm --help' for more information.\ncomm: extra operand 'c'\nTry 'comm --help' for more information.\ncomm: nosuch: No such file or directory\n", 1],
    ["printf 'a\\n\\nb\\nc' | nl; printf 'a\\n\\n' | nl -bn -s: -w2", '     1\ta\n       \n     2\tb\n     3\tc\n   a\n   \n', '', 0],
    ['nl -w x; nl -w 0; nl -b x', '', "nl: invalid line number field width: 'x'\nnl: invalid line number field width: '0': Numerical result out of range\nnl: invalid body numbering style: 'x'\nTry 'nl --help' for more information.\n", 1],
    ['cd /tmp && touch f && chmod u=rwx,go=rx f && ls -l f | cut -c1-10', '-rwxr-xr-x\n', '', 0],
    ['chmod', '', "chmod: missing operand\nTry 'chmod --help' for more information.\n", 1],
    ['chmod 755', '', "chmod: missing operand after '755'\nTry 'chmod --help' for more information.\n", 1],
    ['chmod abc /tmp', '', "chmod: invalid mode: 'abc'\nTry 'chmod --help' for more information.\n", 1],
    ['chmod 7 nofile', '', "chmod: cannot access 'nofile': No such file or directory\n", 1],
    ["printf '1\\n2\\n3\\n' > /tmp/x; echo a > /tmp/y; paste /tmp/x /tmp/y", '1\ta\n2\t\n3\t\n', '', 0],
    ["printf '' | paste -s | wc -c", '1\n', '', 0],
    ['cd /tmp && touch x && realpath x ../tmp/x && readlink -f nofile && readlink x; echo $?', '/tmp/x\n/tmp/x\n/tmp/nofile\n1\n', '', 0],
    ['readlink', '', "readlink: missing operand\nTry 'readlink --help' for more information.\n", 1],
    ['mktemp | sed "s/[A-Za-z0-9]*$/R/"; mktemp | awk -F. \'{ print length($2) }\'; mktemp /tmp/foo.XXX | wc -c', '/tmp/tmp.R\n10\n13\n', '', 0],
    ['mktemp /tmp/foo.XX; mktemp -d /nodir/a.XXXXXX', '', "mktemp: too few X's in template '/tmp/foo.XX'\nmktemp: failed to create directory via template '/nodir/a.XXXXXX': No such file or directory\n", 1],
  ]
  for (const [cmd, stdout, stderr, code] of rows) {
    it(cmd, () => {
      const r = gnuRun(cmd)
      expect([r.stdout, r.stderr, r.code]).toEqual([stdout, stderr, code])
    })
  }
})

// GNU date -d (gnulib parse_datetime) on Thursday 2026-01-01 00:00:00 UTC, checked against date 9.1.
describe('GNU date -d', () => {
  const rows: [string, string][] = [
    ['next monday', 'Mon Jan  5 00:00:00 UTC 2026'],
    ['last monday', 'Mon Dec 29 00:00:00 UTC 2025'],
    ['monday', 'Mon Jan  5 00:00:00 UTC 2026'],
    ['2 hours ago', 'Wed Dec 31 22:00:00 UTC 2025'],
    ['jan 5', 'Mon Jan  5 00:00:00 UTC 2026'],
    ['5 jan 2020', 'Sun Jan  5 00:00:00 UTC 2020'],
    ['2026-01-01T10:00:00Z', 'Thu Jan  1 10:00:00 UTC 2026'],
    ['2026-01-01 10:00 +0900', 'Thu Jan  1 01:00:00 UTC 2026'],
    ['tomorrow 9am', 'Fri Jan  2 09:00:00 UTC 2026'],
    ['1 month', 'Sun Feb  1 00:00:00 UTC 2026'],
    ['10:00 yesterday', 'Wed Dec 31 10:00:00 UTC 2025'],
    ['2026-03-04 05:06:07', 'Wed Mar  4 05:06:07 UTC 2026'],
  ]
  for (const [arg, want] of rows) {
    it(arg, () => {
      const r = container(`date -d '${arg}'`, { flavor: 'debian', argv: ['bash', '-c', `date -d '${arg}'`], env: { TZ: 'UTC', PATH: '/usr/bin:/bin' } })
      expect([r.stdout, r.stderr, r.code]).toEqual([want + '\n', '', 0])
    })
  }
  for (const bad of ['2026-02-30', '@0 +1 day', 'bogus']) {
    it(`${bad} is invalid`, () => {
      const r = container('', { flavor: 'debian', argv: ['bash', '-c', `date -d '${bad}'`], env: { TZ: 'UTC', PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' } })
      expect([r.stdout, r.stderr, r.code]).toEqual(['', `date: invalid date ‘${bad}’\n`, 1])
    })
  }
})
