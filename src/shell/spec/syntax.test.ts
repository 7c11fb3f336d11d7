// Syntax errors as busybox 1.35 sh reports them for `sh -c` (measured: each row
// is `busybox sh -c SCRIPT`), lines before the error still run, and needsMore
// for the terminal's continuation prompt.
import { describe, expect, it } from 'vitest'
import { needsMore } from '../parse/parser.ts'
import { container } from './harness.ts'

const ERRORS: [string, string, string?][] = [
  ['echo $(echo a', 'syntax error: unexpected end of file (expecting ")")'],
  ['echo `echo a', 'syntax error: EOF in backquote substitution'],
  ['echo ${x', "syntax error: missing '}'"],
  ['echo $((1+2)', "syntax error: missing '))'"],
  ['while true', 'syntax error: unexpected end of file (expecting "do")'],
  ['while true; do', 'syntax error: unexpected end of file (expecting "done")'],
  ['if true; then echo; else', 'syntax error: unexpected end of file (expecting "fi")'],
  ['case x', 'syntax error: unexpected end of file (expecting "in")'],
  ['case x in', 'syntax error: unexpected end of file (expecting ")")'],
  ['case x in a) echo', 'syntax error: unexpected end of file (expecting ";;")'],
  ['for', 'syntax error: bad for loop variable'],
  ['for i', 'syntax error: unexpected end of file (expecting "do")'],
  ['for 1 in a; do :; done', 'syntax error: bad for loop variable'],
  ['for i in a', 'syntax error: unexpected end of file'],
  ['f()', 'syntax error: unexpected end of file'],
  ['{ }', 'syntax error: unexpected "}"'],
  ['if; then fi', 'syntax error: unexpected ";"'],
  ['&& echo', 'syntax error: unexpected "&&"'],
  ['; echo', 'syntax error: unexpected ";"'],
  ['echo a;;', 'syntax error: unexpected ";;"'],
  ['echo a &; echo b', 'syntax error: unexpected ";"'],
  ['! ! true', 'syntax error: unexpected "!"'],
  ['echo a | | b', 'syntax error: unexpected "|"'],
  ['echo "a', 'syntax error: unterminated quoted string'],
  ["echo 'a", 'syntax error: unterminated quoted string'],
  ['x=(1 2)', 'syntax error: unexpected "("'],
  ['echo ${}', 'syntax error: bad substitution'],
  ['echo ${1x}', 'syntax error: bad substitution'],
  ['echo ${x!}', 'syntax error: bad substitution'],
  ['cat <<', 'syntax error: unexpected end of file'],
  ['if true; then echo a; fi fi', 'syntax error: unexpected "fi"'],
  ['case a in a) echo 1 ;& b) echo 2;; esac', 'syntax error: unexpected "&"'],
  ['case x in a) echo; esac x', 'syntax error: unexpected word'],
  ['for i in 1 2; echo $i; done', 'syntax error: unexpected word (expecting "do")'],
  ['( )', 'syntax error: unexpected ")"'],
  ['echo <', 'syntax error: unexpected end of file'],
  ['cat <<< "x"', 'syntax error: unexpected redirection'],
  ['echo a; fi', 'syntax error: unexpected "fi"'],
]

describe('syntax errors (sh -c, exit status 2)', () => {
  for (const [script, message] of ERRORS) {
    it(script, () => {
      const r = container(script)
      expect([r.stdout, r.stderr, r.code]).toEqual(['', `sh: ${message}\n`, 2])
    })
  }

  it('lines before the error run; a line is parsed whole before it runs', () => {
    expect(container('echo first\nif true; then').log).toBe('first\n! sh: syntax error: unexpected end of file (expecting "fi")\n')
    expect(container('echo first; if true; then').log).toBe('! sh: syntax error: unexpected end of file (expecting "fi")\n')
  })

  it('a named -c script and a script file report line numbers (-c counts from 0)', () => {
    expect(container('', { argv: ['sh', '-c', 'foo; echo $0; fi', 'myname'] }).stderr).toBe('myname: line 0: syntax error: unexpected "fi"\n')
    const r = container('', { argv: ['sh', '/s3.sh'], files: { '/s3.sh': 'echo\nif true\n' } })
    expect([r.stdout, r.stderr, r.code]).toEqual(['\n', '/s3.sh: line 3: syntax error: unexpected end of file (expecting "then")\n', 2])
  })
})

describe('needsMore', () => {
  const ROWS: [string, boolean][] = [
    ['echo hi', false],
    ['echo "open', true],
    ["echo 'open", true],
    ['if true; then', true],
    ['if true; then echo; fi', false],
    ['for i in 1 2; do', true],
    ['echo a |', true],
    ['echo a &&', true],
    ['echo a ||', true],
    ['echo a \\', true],
    ['cat <<EOF', true],
    ['cat <<EOF\nbody', true],
    ['cat <<EOF\nbody\nEOF', false],
    ['f() {', true],
    ['echo $(', true],
    ['echo `date', true],
    ['( echo', true],
    ['echo a; fi', false],
    ['echo )', false],
    ['', false],
    ['echo a \\\n', true],
    ['echo a |\n', true],
    ['cat <<EOF\n', true],
    ['echo done\n', false],
  ]
  for (const [text, more] of ROWS) it(JSON.stringify(text), () => expect(needsMore(text)).toBe(more))
})
