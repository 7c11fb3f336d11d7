// Differential cases for diff (busybox's unified-only diff).
import type { Case } from './case.ts'

const OLD = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  completions: 1\n  parallelism: 1\n  backoffLimit: 4\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: pi\n        image: perl\n'
const NEW = OLD.replace('completions: 1', 'completions: 5').replace('parallelism: 1', 'parallelism: 2').replace('image: perl', 'image: perl:5.34')
const LONG = Array.from({ length: 30 }, (_, i) => `line ${i + 1}\n`).join('')

export const DIFF_CASES: Record<string, Case[]> = {
  diff: [
    { argv: ['diff', 'a', 'b'], files: { a: 'a\nb\nc\n', b: 'a\nB\nc\nd' } },
    { argv: ['diff', 'job.yaml', 'job2.yaml'], files: { 'job.yaml': OLD, 'job2.yaml': NEW } },
    { argv: ['diff', '-U', '1', 'job.yaml', 'job2.yaml'], files: { 'job.yaml': OLD, 'job2.yaml': NEW } },
    { argv: ['diff', '-U0', 'job.yaml', 'job2.yaml'], files: { 'job.yaml': OLD, 'job2.yaml': NEW } },
    { argv: ['diff', 'a', 'b'], files: { a: LONG, b: LONG.replace('line 3\n', '').replace('line 20\n', 'line twenty\n') + 'end\n' } },
    { argv: ['diff', '-u', 'a', 'b'], files: { a: 'x\ny\nz\nx\ny\nz\n', b: 'y\nz\nx\ny\nq\nx\n' } },
    { argv: ['diff', 'a', 'b'], files: { a: 'a\nb\na\nb\na\n', b: 'b\na\nb\na\nb\n' } },
    { argv: ['diff', 'a', 'b'], files: { a: '', b: 'new\nlines\n' } },
    { argv: ['diff', 'a', 'b'], files: { a: 'gone\n', b: '' } },
    { argv: ['diff', 'a', 'b'], files: { a: 'same\n', b: 'same\n' } },
    { argv: ['diff', '-s', 'a', 'b'], files: { a: 'same\n', b: 'same\n' } },
    { argv: ['diff', '-q', 'a', 'b'], files: { a: 'one\n', b: 'two\n' } },
    { argv: ['diff', 'a', 'b'], files: { a: 'end', b: 'end\n' } },
    { argv: ['diff', '-i', 'a', 'b'], files: { a: 'Hello\nWorld\n', b: 'hello\nworld\nx\n' } },
    { argv: ['diff', '-b', 'a', 'b'], files: { a: 'a  b\nc\t d \n', b: 'a b\nc d\ne\n' } },
    { argv: ['diff', '-w', 'a', 'b'], files: { a: 'a  b\ncd \n', b: 'ab\nc d\n' } },
    { argv: ['diff', '-w', '-s', 'a', 'b'], files: { a: 'a b\n', b: 'ab\n' } },
    { argv: ['diff', '-L', 'old', '-L', 'new', 'a', 'b'], files: { a: '1\n', b: '2\n' } },
    { argv: ['diff', '-t', 'a', 'b'], files: { a: 'a\tb\n', b: 'ab\tc\n' } },
    { argv: ['diff', '-T', 'a', 'b'], files: { a: 'x\n', b: 'y\n' } },
    { argv: ['diff', 'a', '-'], stdin: 'one\nthree\n', files: { a: 'one\ntwo\n' } },
    { argv: ['diff', 'a', 'nosuch'], files: { a: '1\n' } },
    { argv: ['diff', '-N', 'a', 'nosuch'], files: { a: '1\n' } },
    { argv: ['diff', 'a', 'd/'], files: { a: '1\n', 'd/': '', 'd/a': '2\n' } },
    { argv: ['diff', 'a'], files: { a: '1\n' } },
    { argv: ['diff', '-z', 'a', 'a'], files: { a: '1\n' } },
    { argv: ['diff', '-U', 'x', 'a', 'a'], files: { a: '1\n' } },
    { argv: ['diff', 'a', 'a'], files: { a: '1\n' } },
    { argv: ['diff', 'a', 'b'], files: { a: 'x\u0000y\n', b: 'x\u0000z\n' } },
    { argv: ['diff', '-a', 'a', 'b'], files: { a: 'x\u0000y\n', b: 'x\u0000z\n' } },
  ],
}
