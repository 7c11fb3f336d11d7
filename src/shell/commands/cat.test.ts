import { describe, expect, it } from 'vitest'
import { cat } from './cat.ts'
import { run } from './test-helpers.ts'

describe('cat', () => {
  const files = { t1: 'a\n\nb\tc\x01é\n', x: 'x' }
  const cases: [string, string[], string, string, string, number][] = [
    // name, argv, stdin, stdout, stderr, code
    ['stdin', ['cat'], 'hello\nworld', 'hello\nworld', '', 0],
    ['files and dash', ['cat', 'x', '-', 't1'], 'IN\n', 'xIN\na\n\nb\tc\x01é\n', '', 0],
    ['-n', ['cat', '-n', 't1'], '', '     1\ta\n     2\t\n     3\tb\tc\x01é\n', '', 0],
    ['-b', ['cat', '-b', 't1'], '', '     1\ta\n\n     2\tb\tc\x01é\n', '', 0],
    ['-A', ['cat', '-A', 't1'], '', 'a$\n$\nb^Ic^AM-CM-)$\n', '', 0],
    ['-e', ['cat', '-e', 't1'], '', 'a$\n$\nb\tc^AM-CM-)$\n', '', 0],
    ['-n ends an unterminated file', ['cat', '-n', '-', 't1'], 'x', '     1\tx\n     2\ta\n     3\t\n     4\tb\tc\x01é\n', '', 0],
    ['missing file', ['cat', 'nofile', 'x'], '', 'x', "cat: can't open 'nofile': No such file or directory\n", 1],
    ['directory', ['cat', '/tmp'], '', '', 'cat: read error: Is a directory\n', 1],
  ]
  for (const [name, argv, stdin, stdout, stderr, code] of cases)
    it(name, () => {
      for (const chunk of [Infinity, 1]) {
        const r = run(cat, argv, { stdin, files, chunk })
        expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout, stderr, code })
      }
    })
  it('invalid option prints the usage screen', () => {
    const r = run(cat, ['cat', '-Z'])
    expect(r.stderr).toBe(
      "cat: invalid option -- 'Z'\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: cat [-nbvteA] [FILE]...\n\nPrint FILEs to stdout\n",
    )
    expect(r.code).toBe(1)
  })
})
