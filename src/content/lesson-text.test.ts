// The lesson texts show what the reference solutions print: every plain ``` block of
// en.md and ko.md is found, line by line and in order, in one command's recorded
// output of the lesson's transcripts. The matcher's rules first, then every lesson.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LESSONS_DIR, loadLessons } from '../cli/lesson-files.ts'
import { checkBlock, describeMismatch, lessonTextProblems, outputBlocks, recordedOutputs } from './lesson-text.ts'

const TRANSCRIPT = [
  '# header',
  '$ kubectl get jobs',
  'NAME   STATUS     COMPLETIONS   DURATION   AGE',
  'a      Complete   1/1           5s         10s',
  'b      Running    0/1           2s         2s',
  '$ kubectl get job nope',
  '! Error from server (NotFound): jobs.batch "nope" not found',
  '? 1',
  '$ printf \'$x\'',
  '| $x',
  '\\ no newline',
  '',
].join('\n')

const md = (...lines: string[]) => lines.join('\n')

describe('outputBlocks', () => {
  it.each([
    { name: 'untagged block is an output', text: md('```', 'a', '```'), want: [{ line: 1, lines: ['a'] }] },
    { name: 'sh, yaml and text blocks are not', text: md('```sh', 'ls', '```', '```yaml', 'a: 1', '```', '```text', '┌─ minute', '```'), want: [] },
    { name: 'line numbers count from 1', text: md('intro', '', '```', 'x', '', 'y', '```'), want: [{ line: 3, lines: ['x', '', 'y'] }] },
    { name: 'a fence inside a tagged block does not open one', text: md('```text', '```', 'not an output'), want: [] },
  ])('$name', ({ text, want }) => expect(outputBlocks(text)).toEqual(want))
})

describe('checkBlock', () => {
  const outputs = recordedOutputs('solution.txtar', TRANSCRIPT)
  const block = (...lines: string[]) => ({ line: 1, lines })
  it.each([
    { name: 'a whole output', lines: ['NAME   STATUS     COMPLETIONS   DURATION   AGE', 'a      Complete   1/1           5s         10s', 'b      Running    0/1           2s         2s'] },
    { name: 'an excerpt with ... and blank lines', lines: ['NAME   STATUS     COMPLETIONS   DURATION   AGE', '...', '', 'b      Running    0/1           2s         2s'] },
    { name: 'an excerpt with …', lines: ['…', 'a      Complete   1/1           5s         10s'] },
    { name: 'stderr, without its marker', lines: ['Error from server (NotFound): jobs.batch "nope" not found'] },
    { name: 'an escaped stdout line', lines: ['$x'] },
    { name: 'trailing blanks ignored', lines: ['a      Complete   1/1           5s         10s   '] },
  ])('matches $name', ({ lines }) => expect(checkBlock(block(...lines), outputs)).toBeUndefined())

  it.each([
    {
      name: 'an old age',
      lines: ['NAME   STATUS     COMPLETIONS   DURATION   AGE', 'a      Complete   1/1           5s         12s'],
      want: 'md:1: "a      Complete   1/1           5s         12s" is not in any command\'s recorded output; closest: `kubectl get jobs` (solution.txtar:2)',
    },
    {
      name: 'rows out of order',
      lines: ['b      Running    0/1           2s         2s', 'a      Complete   1/1           5s         10s'],
      want: 'md:1: "a      Complete   1/1           5s         10s" is not in any command\'s recorded output; closest: `kubectl get jobs` (solution.txtar:2)',
    },
    {
      name: 'lines of two commands',
      lines: ['b      Running    0/1           2s         2s', 'Error from server (NotFound): jobs.batch "nope" not found'],
      want: 'md:1: "Error from server (NotFound): jobs.batch \\"nope\\" not found" is not in any command\'s recorded output; closest: `kubectl get jobs` (solution.txtar:2)',
    },
    {
      name: 'a line no command printed',
      lines: ['job.batch/a created'],
      want: 'md:1: "job.batch/a created" is not in any command\'s recorded output',
    },
    {
      name: 'leading blanks count',
      lines: [' a      Complete   1/1           5s         10s'],
      want: 'md:1: " a      Complete   1/1           5s         10s" is not in any command\'s recorded output',
    },
  ])('reports $name', ({ lines, want }) => {
    const m = checkBlock(block(...lines), outputs)
    expect(m && describeMismatch('md', m)).toBe(want)
  })
})

describe('lesson texts show what the transcripts print', () => {
  for (const lesson of loadLessons()) {
    const dir = join(LESSONS_DIR, lesson.id)
    const transcripts = Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.endsWith('.txtar'))
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    )
    for (const lang of ['en', 'ko']) {
      it(`${lesson.id}/${lang}.md`, () => {
        expect(lessonTextProblems(lesson.id, { [lang]: readFileSync(join(dir, `${lang}.md`), 'utf8') }, transcripts)).toEqual([])
      })
    }
  }
})
