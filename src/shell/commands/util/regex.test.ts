// The POSIX regex translation against glibc's own regcomp/regexec: a tiny C
// program (testdata/regtest.c) prints the busybox `grep -o` match loop for a
// corpus of patterns; our PosixRegex must print the same. Skipped without gcc.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileRegex, PosixRegex } from './regex.ts'

function oracle(): string | null {
  try {
    const out = join(mkdtempSync(join(tmpdir(), 'regtest-')), 'regtest')
    execFileSync('gcc', ['-O', '-o', out, join(import.meta.dirname, '../testdata/regtest.c')])
    return out
  } catch {
    return null
  }
}

/** Our rendering of the same loop regtest.c runs. */
function ours(flags: string, pattern: string, lines: string[]): string {
  const re = compileRegex(pattern, { extended: flags.includes('E'), icase: flags.includes('I') })
  if (!(re instanceof PosixRegex)) return `ERR ${re.message}\n`
  let out = ''
  for (const line of lines) {
    out += `[${line}]`
    let m = re.exec(line)
    if (!m) {
      out += ' nomatch\n'
      continue
    }
    for (;;) {
      out += ` ${m.start}-${m.end}`
      m.groups.forEach((g, i) => {
        if (g) out += `(${i + 1}:${g[0]}-${g[1]})`
      })
      let e = m.end
      if (e >= line.length) break
      if (m.end === m.start) e++
      const next = re.exec(line, e, true)
      if (!next) break
      m = next
    }
    out += '\n'
  }
  return out
}

const LINES = ['', 'a', 'aa{x', 'xa|b', 'a{1', ']a-', '\\', 'a$b', 'a^b', 'aaa', 'abcd', 'xxyxy', 'foo bar_baz', 'parallel-processing-x7k2p', 'worker-3', 'Ab12 cD', 'a.b*c+d?', '(a)', 'tab\there', 'abab abab']

const BRE = [
  '[0-9]*$', '[0-9]*', '[0-9][0-9]*$', '^', '$', '^$', 'a*', '*a', '^*', '\\(*a\\)', 'a\\{2\\}', 'a\\{1,\\}', 'a\\{,2\\}', 'a\\{2,1\\}',
  '\\{1', 'a\\{1', 'a\\{x\\}', '\\(', '\\)', 'a\\)', '\\(a\\)\\1', '\\1', '\\(a\\|b\\)*', 'ab\\|abcd', 'x*\\(xy\\)*', '\\ba', '\\<a', 'a\\>', '\\Bb',
  '\\w\\+', '\\W', '\\s', '\\S*', 'a\\?b', '\\+a', '\\?', 'a\\|', '\\|a', '[[:digit:]]\\+', '[[:alpha:][:digit:]]', '[[:foo:]]', '[a', 'a]',
  '[]a]', '[^]a]', '[a-]', '[z-a]', '[[:alpha:]-z]', '[a\\]', '\\', 'a\\', '\\.', '\\n', 'a$b', 'a^b', '$a', 'a\\{1\\}\\{2\\}', '.', '.*', '[.]', '[[.-.]]',
  '[[=a=]]', '[[.ab.]]', '[^[:space:]]*', 'a**', '\\(^a\\)', '\\(a$\\)', 'a\\|^b', 'ab*c', '\\`a', "a\\'", '[[:upper:]]', '{', 'a{1}', '(a)', 'a+', 'a|b',
]

const ERE = [
  '[0-9]*$', '[0-9]+$', 'a{x', 'a{,3}', 'a{1,}', 'a{}', 'a{1,2,3}', '^*', 'a|', '|a', '(|a)', 'a(*b)', 'x{1}{2}', 'a+*', '{1', 'a{1', '(', ')', 'a)',
  '()', '(a)\\1', 'a|b|ab', 'ab|abcd', 'x*(xy)*', '(a|ab)(c|bcd)', '\\{', 'a\\{1', '[[:upper:]][a-z]+', 'a?b', '^a|b$', 'a^b', 'a$b', '(^a)', '(a$)',
  '\\(a\\)', '.+', 'a**', 'a{0}', 'a{2,3}', '(ab)+', '(a*)+b', 'b*', '\\bb',
]

const CASES: [string, string][] = [...BRE.map((p): [string, string] => ['', p]), ...ERE.map((p): [string, string] => ['E', p]), ['I', 'ab'], ['EI', '[A-Z]+'], ['I', '[[:lower:]]\\+']]

const bin = oracle()

describe.skipIf(!bin)('POSIX regex against glibc regcomp', () => {
  for (const [flags, pattern] of CASES)
    it(`${flags || 'B'} ${pattern}`, () => {
      const r = spawnSync(bin!, [flags || '-', pattern, ...LINES], { encoding: 'utf8' })
      expect(ours(flags, pattern, LINES)).toBe(r.stdout)
    })
})

describe('POSIX regex', () => {
  it('the seed\'s `grep -o [0-9]*$` on pod names', () => {
    expect(ours('', '[0-9]*$', ['parallel-processing-x7k2p', 'parallel-processing-12', 'worker-3'])).toBe(
      '[parallel-processing-x7k2p] 25-25\n[parallel-processing-12] 20-22\n[worker-3] 7-8\n',
    )
  })
  it('errors carry glibc texts', () => {
    const errs = ['\\(', 'a[', 'a\\{2,1\\}', '[[:foo:]]', '[[:constructor:]]', '\\1', 'a\\'].map((p) => (compileRegex(p) as Error).message)
    expect(errs).toEqual([
      'Unmatched ( or \\(',
      'Unmatched [, [^, [:, [., or [=',
      'Invalid content of \\{\\}',
      'Invalid character class name',
      'Invalid character class name',
      'Invalid back reference',
      'Trailing backslash',
    ])
  })
})
