// The transcript format: parsing, comparing and writing expectations back,
// with a scripted stand-in session (the real one is exercised by transcripts.test.ts).
import { describe, expect, it } from 'vitest'
import { expectationLines, lineDiff, parseTranscript, rewriteTranscript, runTranscript, TranscriptError, type Outcome, type TranscriptSession } from './transcript.ts'

const EXAMPLE = `# Never Job with backoffLimit 3.
# @seed: 7
# @start: 2026-02-03T04:05:06Z
$ kubectl apply -f job.yaml
job.batch/fail created
$ sleep 120
$ kubectl get job nope
! Error from server (NotFound): jobs.batch "nope" not found
? 1
$ kubectl get job fail -o jsonpath='{.status.failed}'
4
\\ no newline
$ # just a note
$ cat > cj.yaml <<'EOF'
> apiVersion: batch/v1
> kind: CronJob
> EOF
-- job.yaml --
apiVersion: batch/v1
kind: Job
-- dir/b.txt --
x

`

function scripted(outcomes: Record<string, Partial<Outcome>>): { session: TranscriptSession; seen: string[]; opts: unknown[] } {
  const seen: string[] = []
  const opts: unknown[] = []
  const session: TranscriptSession = {
    runLine(line) {
      seen.push(line)
      const o = outcomes[line] ?? {}
      const stdout = o.stdout ?? ''
      const stderr = o.stderr ?? ''
      return { stdout, stderr, code: o.code ?? 0, chunks: o.chunks ?? [{ stream: 'stdout', text: stdout }, { stream: 'stderr', text: stderr }] }
    },
  }
  return { session, seen, opts }
}

describe('parseTranscript', () => {
  it('reads the header, commands, expectations and files of the documented example', () => {
    const t = parseTranscript(EXAMPLE)
    expect(t.seed).toBe(7)
    expect(t.start).toBe('2026-02-03T04:05:06Z')
    expect(t.steps.map((s) => [s.line, s.cmd, s.comment, s.expected])).toEqual([
      [4, 'kubectl apply -f job.yaml', false, { stdout: 'job.batch/fail created\n', stderr: '', code: 0 }],
      [6, 'sleep 120', false, { stdout: '', stderr: '', code: 0 }],
      [7, 'kubectl get job nope', false, { stdout: '', stderr: 'Error from server (NotFound): jobs.batch "nope" not found\n', code: 1 }],
      [10, "kubectl get job fail -o jsonpath='{.status.failed}'", false, { stdout: '4', stderr: '', code: 0 }],
      [13, '# just a note', true, { stdout: '', stderr: '', code: 0 }],
      [14, "cat > cj.yaml <<'EOF'\napiVersion: batch/v1\nkind: CronJob\nEOF", false, { stdout: '', stderr: '', code: 0 }],
    ])
    expect(t.files).toEqual([
      { name: 'job.yaml', data: 'apiVersion: batch/v1\nkind: Job\n' },
      { name: 'dir/b.txt', data: 'x\n\n' },
    ])
  })

  it('defaults to seed 1 at 2026-01-01T00:00:00Z', () => {
    const t = parseTranscript('$ true\n')
    expect([t.seed, t.start]).toEqual([1, '2026-01-01T00:00:00Z'])
  })

  const cases: [string, string, string][] = [
    ['output before any command', 'hello\n$ true\n', 'line 1: expected a comment, a "$ " command or a "-- name --" file before any output'],
    ['bad seed', '# @seed: x\n', 'line 1: @seed must be a non-negative integer, not "x"'],
    ['unknown directive', '# @speed: 2\n', 'line 1: unknown directive @speed (known: @seed, @start)'],
    ['two exit statuses', '$ false\n? 1\n? 2\n', 'line 3: a second exit status for one command'],
    ['dangling no-newline', '$ true\n\\ no newline\n', 'line 2: "\\ no newline" must follow an output line'],
    ['unescaped markup', '$ echo\n?x\n', 'line 2: ambiguous output line "?x" (write stdout that starts with "?" as "| ?x")'],
    ['comment with output', '$ # hi\nout\n', 'line 1: a comment command cannot have output'],
  ]
  it.each(cases)('rejects %s', (_name, text, message) => {
    expect(() => parseTranscript(text)).toThrow(TranscriptError)
    expect(() => parseTranscript(text)).toThrow(message)
  })

  it('reads blank stdout lines, escaped lines and stderr without a newline', () => {
    const t = parseTranscript('$ x\na\n\n| $ not a command\n| | bar\n!\n! e\n\\ no newline\n')
    expect(t.steps[0].expected).toEqual({ stdout: 'a\n\n$ not a command\n| bar\n', stderr: '\ne', code: 0 })
  })
})

describe('runTranscript', () => {
  it('runs every non-comment command in order in one session and compares the three streams', () => {
    const { session, seen } = scripted({
      'kubectl apply -f job.yaml': { stdout: 'job.batch/fail created\n' },
      'kubectl get job nope': { stderr: 'Error from server (NotFound): jobs.batch "nope" not found\n', code: 1 },
      "kubectl get job fail -o jsonpath='{.status.failed}'": { stdout: '3' },
    })
    let given: unknown
    const run = runTranscript(EXAMPLE, (o) => {
      given = o
      return session
    })
    expect(given).toEqual({ seed: 7, start: '2026-02-03T04:05:06Z', files: parseTranscript(EXAMPLE).files })
    expect(seen).toEqual(['kubectl apply -f job.yaml', 'sleep 120', 'kubectl get job nope', "kubectl get job fail -o jsonpath='{.status.failed}'", "cat > cj.yaml <<'EOF'\napiVersion: batch/v1\nkind: CronJob\nEOF"])
    expect(run.results.map((r) => r.ok)).toEqual([true, true, true, false, true])
    expect(run.ok).toBe(false)
  })
})

describe('expectationLines', () => {
  const cases: [string, Outcome, string[]][] = [
    ['nothing', { stdout: '', stderr: '', code: 0, chunks: [] }, []],
    ['interleaved streams keep their order', { stdout: 'a\nb\n', stderr: 'w\n', code: 0, chunks: [{ stream: 'stdout', text: 'a\n' }, { stream: 'stderr', text: 'w\n' }, { stream: 'stdout', text: 'b\n' }] }, ['a', '! w', 'b']],
    ['no trailing newline and exit status', { stdout: '4', stderr: '', code: 1, chunks: [{ stream: 'stdout', text: '4' }] }, ['4', '\\ no newline', '? 1']],
    ['markup-looking stdout is escaped', { stdout: '$ x\n? 1\n-- f --\n', stderr: '\n', code: 0, chunks: [{ stream: 'stdout', text: '$ x\n? 1\n-- f --\n' }, { stream: 'stderr', text: '\n' }] }, ['| $ x', '| ? 1', '| -- f --', '!']],
    ['a line split over chunks', { stdout: 'abc\n', stderr: '', code: 0, chunks: [{ stream: 'stdout', text: 'a' }, { stream: 'stdout', text: 'bc\n' }] }, ['abc']],
  ]
  it.each(cases)('%s', (_n, o, want) => {
    expect(expectationLines(o)).toEqual(want)
    const back = parseTranscript(['$ cmd', ...want].join('\n') + '\n').steps[0].expected
    expect(back).toEqual({ stdout: o.stdout, stderr: o.stderr, code: o.code })
  })
})

describe('rewriteTranscript', () => {
  it('replaces only the expectations, keeping comments, commands and files', () => {
    const { session } = scripted({
      'kubectl apply -f job.yaml': { stdout: 'job.batch/fail created\n' },
      'sleep 120': {},
      'kubectl get job nope': { stderr: 'Error from server (NotFound): jobs.batch "nope" not found\n', code: 1 },
      "kubectl get job fail -o jsonpath='{.status.failed}'": { stdout: '3' },
      "cat > cj.yaml <<'EOF'\napiVersion: batch/v1\nkind: CronJob\nEOF": { stdout: 'new\n' },
    })
    const out = rewriteTranscript(runTranscript(EXAMPLE, () => session))
    expect(out).toBe(EXAMPLE.replace('4\n\\ no newline', '3\n\\ no newline').replace('> EOF\n', '> EOF\nnew\n'))
  })

  it('adds output to a last command that had none', () => {
    const { session } = scripted({ 'echo hi': { stdout: 'hi\n' } })
    expect(rewriteTranscript(runTranscript('# c\n$ echo hi\n', () => session))).toBe('# c\n$ echo hi\nhi\n')
  })
})

describe('lineDiff', () => {
  it('marks removed and added lines around common ones', () => {
    expect(lineDiff(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual(['  a', '+ x', '- b', '  c', '+ d'])
  })
})
