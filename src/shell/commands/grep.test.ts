import { describe, expect, it } from 'vitest'
import { grep } from './grep.ts'
import { run } from './test-helpers.ts'

type Row = [name: string, argv: string[], stdin: string, stdout: string, stderr: string, code: number]

describe('grep', () => {
  const rows: Row[] = [
    // The seed's parallel-processing script: TASK_ID=$(echo $HOSTNAME | grep -o '[0-9]*$')
    ['seed: pod name ending in letters', ['grep', '-o', '[0-9]*$'], 'parallel-processing-x7k2p\n', '', '', 0],
    ['seed: pod name ending in digits', ['grep', '-o', '[0-9]*$'], 'parallel-processing-4x9z7\n', '7\n', '', 0],
    ['seed: indexed-style name', ['grep', '-o', '[0-9]*$'], 'worker-12\n', '12\n', '', 0],
    ['-o skips empty matches and searches on', ['grep', '-o', '[0-9]*'], 'x7k2p\n', '7\n2\n', '', 0],
    ['no match exits 1', ['grep', 'zzz'], 'abc\n', '', '', 1],
    // Without EXTRA_COMPAT busybox re-runs regexec on the rest of the line: \b sees a fresh start.
    ['-o restarts on the rest of the line', ['grep', '-o', '\\ba'], 'aaa\n', 'a\na\na\n', '', 0],
    ['bad regex', ['grep', 'a\\(b'], 'x\n', '', "grep: bad regex 'a\\(b': Unmatched ( or \\(\n", 2],
    ['bad regex is only found on the first line', ['grep', 'a\\(b'], '', '', '', 1],
    ['ERE interval and alternation', ['grep', '-E', '^(ab|cd){2}$'], 'abcd\nab\ncdcd\n', 'abcd\ncdcd\n', '', 0],
    ['POSIX classes', ['grep', '-c', '^[[:upper:]][[:lower:]]*$'], 'Job\nJOB\njob\nCron\n', '2\n', '', 0],
    ['leftmost-longest alternation', ['grep', '-o', 'ab\\|abcd'], 'abcd\n', 'abcd\n', '', 0],
    ['unterminated last line', ['grep', 'b'], 'a\nb', 'b\n', '', 0],
    ['Korean text', ['grep', '-o', '작업[0-9]*'], '작업12 완료\n', '작업12\n', '', 0],
  ]
  for (const [name, argv, stdin, stdout, stderr, code] of rows)
    it(name, () => {
      for (const chunk of [Infinity, 3]) {
        const r = run(grep, argv, { stdin, chunk })
        expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout, stderr, code })
      }
    })

  it('-r walks directories in name order and names the files', () => {
    const r = run(grep, ['grep', '-rn', 'done', 'logs'], { files: { 'logs/b.log': 'done\n', 'logs/a/x.log': 'x\ndone\n' } })
    expect(r.stdout).toBe('logs/a/x.log:2:done\nlogs/b.log:1:done\n')
  })
})
