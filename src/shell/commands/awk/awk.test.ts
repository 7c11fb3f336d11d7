import { describe, expect, it } from 'vitest'
import { run, T0 } from '../test-helpers.ts'
import { awk } from './awk.ts'

type Row = [name: string, argv: string[], stdin: string, stdout: string, stderr: string, code: number]

const rows: Row[] = [
  // The busybox image's awk has math (FEATURE_AWK_LIBM); these are its answers.
  ['math builtins', ['BEGIN{print 2^10, 2**3, sqrt(16), exp(0), log(1), int(-3.7), atan2(0, -1)}'], '', '1024 8 4 1 0 -3 3.14159\n', '', 0],
  ['rand is glibc random() with seed 1', ['BEGIN{print rand(), rand()}'], '', '0.783099 0.197551\n', '', 0],
  ['srand() seeds from the virtual clock', ['BEGIN{srand(); print srand()}'], '', `${T0 / 1000}\n`, '', 0],
  ['strftime and systime use virtual time', ['BEGIN{print systime(), strftime("%Y-%m-%d %H:%M", systime())}'], '', `${T0 / 1000} 2026-01-01 00:00\n`, '', 0],
  ['kubectl-style columns', ['NR > 1 && $3 != "Running" {print $1 " is " $3}'], 'NAME READY STATUS\na 1/1 Running\nb 0/1 Error\n', 'b is Error\n', '', 0],
  ['length counts bytes like busybox', ['{print length($0)}'], '작업\n', '6\n', '', 0],
  ['commands cannot run', ['BEGIN { "date" | getline d }'], '', '', "awk: cmd. line:1: can't run 'date': commands are not available to awk in batchlab\n", 1],
  ['system() cannot run', ['BEGIN { system("ls") }'], '', '', "awk: cmd. line:1: can't run 'ls': commands are not available to awk in batchlab\n", 1],
  ['syntax error', ['{print $1'], '', '', 'awk: cmd. line:1: Unexpected token\n', 1],
  ['unterminated string', ['BEGIN { print "x }'], '', '', 'awk: cmd. line:1: Unexpected end of string\n', 1],
]

describe('awk', () => {
  for (const [name, argv, stdin, stdout, stderr, code] of rows)
    it(name, () => {
      for (const chunk of [Infinity, 2]) {
        const r = run(awk, ['awk', ...argv], { stdin, chunk })
        expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout, stderr, code })
      }
    })
})
