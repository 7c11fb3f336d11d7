// Differential tests: the same argv, stdin and files through real busybox and
// through our applet; stdout, stderr and status must match. Skipped where busybox
// is not installed (CI installs Debian's busybox 1.35; the banner line differs).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UTILITIES } from './index.ts'
import { run } from './test-helpers.ts'

function hasBusybox(): boolean {
  try {
    execFileSync('busybox', ['true'])
    return true
  } catch {
    return false
  }
}

interface Case {
  argv: string[]
  stdin?: string
  files?: Record<string, string>
}

const BANNER = /^BusyBox v[^\n]*multi-call binary\.$/gm

/** We print the usage screen without busybox's option table: compare up to it. */
function normalize(stderr: string): string {
  const i = stderr.search(BANNER)
  if (i < 0) return stderr
  const usage = stderr
    .slice(i)
    .replace(BANNER, 'BANNER')
    .split('\n')
    .filter((l) => !/^\t|^ {4,}/.test(l))
    .join('\n')
    .replace(/\n+$/, '\n')
    // Debian builds grep with EXTRA_COMPAT (-z); the busybox image does not.
    .replace('[-HhnlLoqvsrRiwFEz]', '[-HhnlLoqvsrRiwFE]')
  return stderr.slice(0, i) + usage
}

/** Never let a case change this machine (date sets the clock as root, hostname the name). */
function harmless(argv: string[]): boolean {
  if (argv[0] === 'date') {
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i]
      if (a.startsWith('--')) {
        if (a.startsWith('--s')) return false
        if (/^--(date|reference)$/.test(a)) i++
      } else if (a.startsWith('-')) {
        const m = /^-([uRI]*)([sdrD]?)/.exec(a)!
        if (m[2] === 's') return false
        if (m[2] && a.length === m[0].length) i++
      } else if (!a.startsWith('+')) return false
    }
    return true
  }
  if (argv[0] === 'hostname') return argv.length === 1 || argv.slice(1).every((a) => /^-[sidf]+$/.test(a))
  return true
}

function busybox(c: Case): { stdout: string; stderr: string; code: number } {
  if (!harmless(c.argv)) throw new Error(`refusing to run busybox ${c.argv.join(' ')} on this machine`)
  const dir = mkdtempSync(join(tmpdir(), 'bbdiff-'))
  try {
    for (const [p, data] of Object.entries(c.files ?? {})) {
      const abs = join(dir, p)
      if (p.endsWith('/')) mkdirSync(abs, { recursive: true })
      else {
        mkdirSync(dirname(abs), { recursive: true })
        writeFileSync(abs, data)
      }
    }
    const r = spawnSync('busybox', c.argv, {
      cwd: dir,
      input: c.stdin ?? '',
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin', TZ: 'UTC', LC_ALL: 'C' },
    })
    return { stdout: r.stdout, stderr: normalize(r.stderr), code: r.status ?? -1 }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function ours(c: Case): { stdout: string; stderr: string; code: number } {
  const cmd = UTILITIES.get(c.argv[0])
  if (!cmd) throw new Error(`no utility ${c.argv[0]}`)
  const r = run(cmd, c.argv, { stdin: c.stdin, files: c.files, env: { PATH: '/bin:/usr/bin', TZ: 'UTC' } })
  return { stdout: r.stdout, stderr: normalize(r.stderr), code: r.code }
}

const L12 = Array.from({ length: 12 }, (_, i) => `line ${i + 1}\n`).join('')
const T = { t1: 'a\n\nb\tc\x01é\n', x: 'x' }

const CASES: Record<string, Case[]> = {
  cat: [
    { argv: ['cat', '-n', 't1'], files: T },
    { argv: ['cat', '-b', 't1', '-', 'x'], stdin: 'in\n\n', files: T },
    { argv: ['cat', '-A', 't1'], files: T },
    { argv: ['cat', '-vet', 't1'], files: T },
    { argv: ['cat', 'x', 'nofile', 'd/'], files: { ...T, 'd/': '' } },
    { argv: ['cat', '-Q'] },
  ],
  grep: [
    ...['parallel-processing-x7k2p', 'parallel-processing-12', 'worker-3', 'abc12def345', ''].map((h) => ({ argv: ['grep', '-o', '[0-9]*$'], stdin: h + '\n' })),
    { argv: ['grep', '-o', '[0-9]*'], stdin: 'a1b22c333\nx7k2p\nnone\n' },
    { argv: ['grep', '-oE', '[0-9]+$'], stdin: 'worker-3\nweb\n' },
    { argv: ['grep', '-o', '-e', 'b', '-e', 'a'], stdin: 'abc\nabab\n' },
    { argv: ['grep', '-ov', 'a'], stdin: 'a\nb\n' },
    { argv: ['grep', '-Fo', 'a'], stdin: 'aaa\n' },
    { argv: ['grep', '-n', 'o'], stdin: 'foo\nbar\nboo' },
    { argv: ['grep', '-c', 'o', 'f1', 'f2'], files: { f1: 'foo\nbar\n', f2: 'x\n' } },
    { argv: ['grep', '-l', 'o', 'f1', 'f2', 'f3'], files: { f1: 'foo\nbar\n', f2: 'x\n', f3: 'oo' } },
    { argv: ['grep', '-L', 'o', 'f1', 'f2'], files: { f1: 'foo\nbar\n', f2: 'x\n' } },
    { argv: ['grep', '-h', 'o', 'f1', 'f3'], files: { f1: 'foo\nbar\n', f3: 'oo' } },
    { argv: ['grep', '-H', '-n', 'o'], stdin: 'foo\n' },
    { argv: ['grep', '-hH', 'o', 'f1'], files: { f1: 'foo\n' } },
    { argv: ['grep', '-Hh', 'o', 'f1'], files: { f1: 'foo\n' } },
    { argv: ['grep', '-q', 'o', 'nofile', '-'], stdin: 'foo\n' },
    { argv: ['grep', 'o', 'nofile', '-'], stdin: 'foo\n' },
    { argv: ['grep', '-s', 'o', 'nofile'] },
    { argv: ['grep', '-v', 'o'], stdin: 'foo\nbar\nbaz\n' },
    { argv: ['grep', '-vc', 'o'], stdin: 'foo\nbar\nbaz\n' },
    { argv: ['grep', '-i', 'FOO'], stdin: 'foo\nFoO\nbar\n' },
    { argv: ['grep', '-w', 'bar'], stdin: 'foobar bar\nfoobar\nbar_\n(bar)\n' },
    { argv: ['grep', '-ow', 'ab'], stdin: 'ab abc ab\n' },
    { argv: ['grep', '-x', 'ab*'], stdin: 'abbb\nabc\na\n' },
    { argv: ['grep', '-Fx', 'a.b'], stdin: 'a.b\naxb\na.bc\n' },
    { argv: ['grep', '-F', 'a.b'], stdin: 'a.b\naxb\nxa.bc\n' },
    { argv: ['grep', '-Fw', 'ab'], stdin: 'abc ab\nabc\n' },
    { argv: ['grep', '-E', 'a|b{2}'], stdin: 'a\nbb\nb\n' },
    { argv: ['grep', 'x\\{2\\}\\|^y'], stdin: 'xx\nx\nyes\n' },
    { argv: ['grep', '[[:digit:]]\\+$'], stdin: 'job-12\njob\n' },
    { argv: ['grep', '-m', '2', 'a'], stdin: 'a1\na2\na3\n' },
    { argv: ['grep', '-A', '1', 'm'], stdin: 'm1\nx\ny\nm2\nm3\nz\nw\n' },
    { argv: ['grep', '-B', '1', '-n', 'm'], stdin: 'a\nm1\nx\ny\nm2\nm3\n' },
    { argv: ['grep', '-C', '1', 'm'], stdin: 'a\nb\nm1\nx\ny\nz\nm2\n' },
    { argv: ['grep', '-m', 'x', 'a'] },
    { argv: ['grep'] },
    { argv: ['grep', '-e', 'x\ny'], stdin: 'xa\nya\nz\n' },
    { argv: ['grep', '-f', 'pats', 'f1'], files: { pats: 'foo\nba.\n', f1: 'foo\nbar\nqux\n' } },
    { argv: ['grep', '-f', 'nopats'] },
    { argv: ['grep', '-r', 'o', 'd'], files: { 'd/sub/b': 'boo\nx\n', 'd/c': 'x\n' } },
    { argv: ['grep', 'o', 'd'], files: { 'd/a': 'foo\n' } },
    { argv: ['grep', '-c', 'o', 'd', 'f1'], files: { 'd/a': 'foo\n', f1: 'o\n' } },
    { argv: ['grep', '--color=never', 'o'], stdin: 'foo\n' },
    { argv: ['grep', '--colour', 'o'], stdin: 'foo\n' },
    { argv: ['grep', '-o', ''], stdin: 'test\n' },
    { argv: ['grep', ''], stdin: 'test\n\n' },
    { argv: ['grep', '-w', '^'], stdin: 'foo\n' },
    { argv: ['grep', '-o', 'ab\\|abcd'], stdin: 'abcd\n' },
  ],
  date: [
    { argv: ['date', '-d', '@1767225600'] },
    { argv: ['date', '-u', '-d', '@1767225600', '+%a %A %b %B %c %C %d %D %e %F %g %G %H %I %j %k %l %m %M %p %P %r %R %s %S %T %u %U %V %w %W %x %X %y %Y %z %Z %%'] },
    { argv: ['date', '-d', '@1767272707', '+%Y%m%d_%H%M%S|%N|%-d|%_H|%10Y|%^a|%#Z|%Q'] },
    { argv: ['date', '-d', '@1767272707', '-R'] },
    { argv: ['date', '-d', '@1767272707', '-Ins'] },
    { argv: ['date', '-d', '@1767272707', '-Ihours'] },
    { argv: ['date', '-d', '@1767272707', '-Imin'] },
    { argv: ['date', '-d', '2026-03-05 14:30:09', '+%F %T'] },
    { argv: ['date', '-d', '2026-03-05 14:30', '+%F %T'] },
    { argv: ['date', '-d', '2026-03-05 14', '+%F %T'] },
    { argv: ['date', '-d', '2026.03.05-14:30:09', '+%F %T'] },
    { argv: ['date', '-d', 'Mar 5 14:30:09 2026', '+%F %T'] },
    { argv: ['date', '-d', '2026-02-30', '+%F'] },
    { argv: ['date', '-d', '2026-01-01 10:00 +0900', '+%F %T'] },
    { argv: ['date', '-d', '202601021530.45', '+%F %T'] },
    { argv: ['date', '-D', '%d/%m/%Y', '-d', '05/03/2026', '+%F'] },
    { argv: ['date', '-d', 'yesterday'] },
    { argv: ['date', '-d', '@x'] },
    { argv: ['date', '-d', '2026-13-01'] },
  ],
  head: [
    { argv: ['head'], stdin: L12 },
    { argv: ['head', '-n', '3'], stdin: L12 },
    { argv: ['head', '-3'], stdin: L12 },
    { argv: ['head', '-n', '-10'], stdin: L12 },
    { argv: ['head', '-c', '5'], stdin: L12 },
    { argv: ['head', '-c', '-20'], stdin: L12 },
    { argv: ['head', '-c', '1k'], stdin: L12 },
    { argv: ['head', '-n', '2', 'f1', 'f2'], files: { f1: L12, f2: 'x\ny\nz' } },
    { argv: ['head', '-q', '-n', '1', 'f1', 'f2'], files: { f1: L12, f2: 'x\ny\nz' } },
    { argv: ['head', '-v', '-n', '1', 'f1'], files: { f1: L12 } },
    { argv: ['head', '-n', '1', 'f1', 'nofile', '-'], stdin: 'in\n', files: { f1: L12 } },
    { argv: ['head', '-n', 'x'] },
    { argv: ['head', '-n', '2'], stdin: 'a\nb' },
    { argv: ['head', '-n', '5'], stdin: 'a\nb' },
    { argv: ['head', '-n', '0'], stdin: 'a\nb' },
    { argv: ['head', '-c', '3', '-n', '1'], stdin: 'abcdef\n' },
  ],
  tail: [
    { argv: ['tail'], stdin: L12 },
    { argv: ['tail', '-n', '3'], stdin: L12 },
    { argv: ['tail', '-3'], stdin: L12 },
    { argv: ['tail', '-n', '+10'], stdin: L12 },
    { argv: ['tail', '+11'], stdin: L12 },
    { argv: ['tail', '-n', '+0'], stdin: 'a\nb\n' },
    { argv: ['tail', '-c', '5'], stdin: L12 },
    { argv: ['tail', '-c', '+5'], stdin: 'abcdefgh' },
    { argv: ['tail', '-n', '2'], stdin: 'a\nb\nc' },
    { argv: ['tail', '-n', '0'], stdin: 'a\nb\nc' },
    { argv: ['tail', '-n', '1', 'f1', 'f2'], files: { f1: L12, f2: 'x\ny\nz' } },
    { argv: ['tail', '-n', '1', 'nofile', 'f1'], files: { f1: L12 } },
    { argv: ['tail', 'nofile'] },
    { argv: ['tail', '-n', 'z'] },
  ],
  wc: [
    { argv: ['wc'], stdin: 'hello world\nfoo\n' },
    { argv: ['wc', '-l'], stdin: 'hello world\nfoo' },
    { argv: ['wc', '-w'], stdin: '  a b\tc\n\nd' },
    { argv: ['wc', '-c'], stdin: '안녕 하세요\n' },
    { argv: ['wc', '-w'], stdin: '안녕 하세요 ok\n' },
    { argv: ['wc', '-m'], stdin: '안녕\n' },
    { argv: ['wc', '-L'], stdin: 'ab\tc\nabcdefghij\n' },
    { argv: ['wc', '-lc'], stdin: 'x\n' },
    { argv: ['wc', 'f1'], files: { f1: 'a b\n' } },
    { argv: ['wc', '-l', 'f1'], files: { f1: 'a b\n' } },
    { argv: ['wc', 'f1', 'f2', 'nofile', 'd/'], files: { f1: 'a b\n', f2: 'x\ny z w\n', 'd/': '' } },
    { argv: ['wc', '-l', 'f1', 'f2'], files: { f1: 'a b\n', f2: 'x\ny z w\n' } },
  ],
  basename: [
    { argv: ['basename', '/a/b/'] },
    { argv: ['basename', '/'] },
    { argv: ['basename', 'a.txt', '.txt'] },
    { argv: ['basename', '.txt', '.txt'] },
    { argv: ['basename', '-s', '.t', 'a.t', 'b.t'] },
    { argv: ['basename', '-a', 'x/y', 'z/'] },
    { argv: ['basename', 'a', 'b', 'c'] },
    { argv: ['basename'] },
  ],
  dirname: [
    { argv: ['dirname', '/a/b/'] },
    { argv: ['dirname', 'a'] },
    { argv: ['dirname', '/'] },
    { argv: ['dirname', '//a'] },
    { argv: ['dirname', 'a/b//c//'] },
    { argv: ['dirname', ''] },
    { argv: ['dirname', 'a', 'b'] },
  ],
  seq: [
    { argv: ['seq', '3'] },
    { argv: ['seq', '2', '5'] },
    { argv: ['seq', '1', '2', '10'] },
    { argv: ['seq', '5', '-2', '0'] },
    { argv: ['seq', '0'] },
    { argv: ['seq', '-w', '8', '10'] },
    { argv: ['seq', '-s', ',', '1', '4'] },
    { argv: ['seq', '1', '0.5', '3'] },
    { argv: ['seq', '0.1', '0.1', '0.5'] },
    { argv: ['seq', '-w', '-1', '1'] },
    { argv: ['seq', '-w', '1.5', '10'] },
    { argv: ['seq', 'x'] },
    { argv: ['seq'] },
    { argv: ['seq', '1', '2', '3', '4'] },
  ],
  tee: [
    { argv: ['tee', 'out'], stdin: 'abc\n' },
    { argv: ['tee', '-', 'out'], stdin: 'abc\n' },
    { argv: ['tee', 'd/', 'nodir/x'], stdin: 'abc\n', files: { 'd/': '' } },
  ],
  rev: [{ argv: ['rev'], stdin: 'abc\nhello world\nxy' }, { argv: ['rev', 'nofile'] }],
  tac: [
    { argv: ['tac'], stdin: 'a\nb\nc\n' },
    { argv: ['tac'], stdin: 'a\nb\nc' },
    { argv: ['tac', 'f1', 'f2'], files: { f1: '1\n2\n', f2: '3\n4\n' } },
    { argv: ['tac', 'nofile'] },
  ],
}

describe.skipIf(!hasBusybox())('differential against busybox', () => {
  for (const [applet, cases] of Object.entries(CASES))
    describe(applet, () => {
      for (const c of cases)
        it(JSON.stringify(c.argv) + (c.stdin ? ` <<< ${JSON.stringify(c.stdin)}` : ''), () => {
          expect(ours(c)).toEqual(busybox(c))
        })
    })
})
