// Transcripts: plain-text scenario tests (the format is /work/helpers/transcripts.md).
// This file parses a transcript, runs it through a terminal session, compares what
// the session printed with the expectations and rewrites them in place on request.
// Pure: no Node imports, so lessons can run their checks in the browser too.
//
// Additions to the documented format, needed to write any output back faithfully:
// a stdout line that would read as markup (it starts with `$`, `>`, `!`, `?`, `\`,
// `|`, or looks like a `-- name --` marker) is written as `| ` + the line, and
// `\ no newline` after a `!` line applies to stderr.

export interface Expectation {
  stdout: string
  stderr: string
  code: number
}

export interface Step {
  /** The command text, continuation lines joined with "\n". */
  cmd: string
  /** 1-based line number of the `$ ` line. */
  line: number
  /** `$ # text`: prints nothing and is not run. */
  comment: boolean
  expected: Expectation
  /** Index range [from, to) of the expectation lines in Transcript.lines. */
  from: number
  to: number
}

export interface Transcript {
  seed: number
  start: string
  header: string[]
  steps: Step[]
  files: { name: string; data: string }[]
  /** The file's lines (without the final newline). */
  lines: string[]
}

export const DEFAULT_SEED = 1
export const DEFAULT_START = '2026-01-01T00:00:00Z'

const FILE_MARKER = /^-- (.+) --$/

export class TranscriptError extends Error {}

/** Parse a transcript. Throws TranscriptError (with the line number) on malformed input. */
export function parseTranscript(text: string): Transcript {
  const lines = text.split('\n')
  if (lines.length && lines[lines.length - 1] === '') lines.pop()
  const t: Transcript = { seed: DEFAULT_SEED, start: DEFAULT_START, header: [], steps: [], files: [], lines }
  let i = 0
  for (; i < lines.length && !lines[i].startsWith('$') && !FILE_MARKER.test(lines[i]); i++) {
    const l = lines[i]
    if (l !== '' && !l.startsWith('#')) throw new TranscriptError(`line ${i + 1}: expected a comment, a "$ " command or a "-- name --" file before any output`)
    t.header.push(l)
    const m = /^#\s*@(\w+):\s*(.*?)\s*$/.exec(l)
    if (!m) continue
    if (m[1] === 'seed') {
      if (!/^\d+$/.test(m[2])) throw new TranscriptError(`line ${i + 1}: @seed must be a non-negative integer, not "${m[2]}"`)
      t.seed = Number(m[2])
    } else if (m[1] === 'start') t.start = m[2]
    else throw new TranscriptError(`line ${i + 1}: unknown directive @${m[1]} (known: @seed, @start)`)
  }
  while (i < lines.length && !FILE_MARKER.test(lines[i])) i = parseStep(lines, i, t)
  parseFiles(lines, i, t)
  return t
}

function isCommandLine(l: string): boolean {
  return l === '$' || l.startsWith('$ ')
}

function parseStep(lines: string[], i: number, t: Transcript): number {
  if (!isCommandLine(lines[i])) throw new TranscriptError(`line ${i + 1}: output before the first command`)
  const line = i + 1
  const parts = [lines[i].slice(2)]
  for (i++; i < lines.length && (lines[i] === '>' || lines[i].startsWith('> ')); i++) parts.push(lines[i].slice(2))
  const cmd = parts.join('\n')
  const from = i
  const out: string[] = []
  const err: string[] = []
  let outNl = true
  let errNl = true
  let code: number | undefined
  let last: 'out' | 'err' | undefined
  for (; i < lines.length && !isCommandLine(lines[i]) && !FILE_MARKER.test(lines[i]); i++) {
    const l = lines[i]
    if (l === '\\ no newline') {
      if (last === 'out') outNl = false
      else if (last === 'err') errNl = false
      else throw new TranscriptError(`line ${i + 1}: "\\ no newline" must follow an output line`)
      continue
    }
    const exit = /^\? (\d+)$/.exec(l)
    if (exit) {
      if (code !== undefined) throw new TranscriptError(`line ${i + 1}: a second exit status for one command`)
      code = Number(exit[1])
      continue
    }
    if (l === '!' || l.startsWith('! ')) {
      err.push(l.slice(2))
      last = 'err'
    } else if (l.startsWith('| ')) {
      out.push(l.slice(2))
      last = 'out'
    } else if (/^[>!?\\|]/.test(l)) {
      throw new TranscriptError(`line ${i + 1}: ambiguous output line ${JSON.stringify(l)} (write stdout that starts with ${JSON.stringify(l[0])} as "| ${l}")`)
    } else {
      out.push(l)
      last = 'out'
    }
  }
  const comment = /^\s*#/.test(cmd)
  if (comment && (out.length || err.length || code !== undefined)) throw new TranscriptError(`line ${line}: a comment command cannot have output`)
  t.steps.push({ cmd, line, comment, from, to: i, expected: { stdout: joinLines(out, outNl), stderr: joinLines(err, errNl), code: code ?? 0 } })
  return i
}

function joinLines(lines: string[], newline: boolean): string {
  if (!lines.length) return ''
  return lines.join('\n') + (newline ? '\n' : '')
}

function parseFiles(lines: string[], i: number, t: Transcript): void {
  let cur: { name: string; body: string[] } | undefined
  const flush = () => cur && t.files.push({ name: cur.name, data: cur.body.map((l) => l + '\n').join('') })
  for (; i < lines.length; i++) {
    const m = FILE_MARKER.exec(lines[i])
    if (m) {
      flush()
      cur = { name: m[1].trim(), body: [] }
    } else cur!.body.push(lines[i])
  }
  flush()
}

// ------------------------------------------------------------------ running

/** What one command printed, in the order it was printed. */
export interface Outcome {
  stdout: string
  stderr: string
  code: number
  /** Interleaved output, for writing expectations back in a readable order. */
  chunks: { stream: 'stdout' | 'stderr'; text: string }[]
}

/** The part of a terminal session the runner needs (src/session implements it). */
export interface TranscriptSession {
  runLine(line: string): Outcome
}

export interface StepResult {
  step: Step
  actual: Outcome
  ok: boolean
}

export interface RunResult {
  transcript: Transcript
  results: StepResult[]
  ok: boolean
}

export type SessionFactory = (opts: { seed: number; start: string; files: { name: string; data: string }[] }) => TranscriptSession

export function runTranscript(text: string, makeSession: SessionFactory): RunResult {
  const t = parseTranscript(text)
  const session = makeSession({ seed: t.seed, start: t.start, files: t.files })
  const results: StepResult[] = []
  for (const step of t.steps) {
    if (step.comment) continue
    const actual = session.runLine(step.cmd)
    const e = step.expected
    results.push({ step, actual, ok: actual.stdout === e.stdout && actual.stderr === e.stderr && actual.code === e.code })
  }
  return { transcript: t, results, ok: results.every((r) => r.ok) }
}

// ------------------------------------------------------------- writing back

/** The expectation lines that describe an outcome exactly. */
export function expectationLines(o: Outcome): string[] {
  const lines: { stream: 'stdout' | 'stderr'; text: string }[] = []
  const partial = { stdout: '', stderr: '' }
  for (const c of o.chunks) {
    const parts = (partial[c.stream] + c.text).split('\n')
    partial[c.stream] = parts.pop()!
    for (const p of parts) lines.push({ stream: c.stream, text: p })
  }
  const out: string[] = []
  const push = (stream: 'stdout' | 'stderr', text: string) => out.push(stream === 'stderr' ? (text === '' ? '!' : '! ' + text) : escapeStdout(text))
  for (const l of lines) push(l.stream, l.text)
  for (const stream of ['stdout', 'stderr'] as const) {
    if (partial[stream] === '') continue
    push(stream, partial[stream])
    out.push('\\ no newline')
  }
  if (o.code !== 0) out.push(`? ${o.code}`)
  return out
}

function escapeStdout(line: string): string {
  return /^[$>!?\\|]/.test(line) || FILE_MARKER.test(line) ? '| ' + line : line
}

/** The transcript with every command's expectations replaced by what actually happened. */
export function rewriteTranscript(run: RunResult): string {
  const lines = run.transcript.lines
  const byFrom = new Map(run.results.map((r) => [r.step.from, r]))
  const out: string[] = []
  for (let i = 0; i < lines.length; ) {
    const r = byFrom.get(i)
    if (r && r.step.from < r.step.to) {
      out.push(...expectationLines(r.actual))
      i = r.step.to
    } else if (r) {
      out.push(...expectationLines(r.actual))
      out.push(lines[i++])
    } else out.push(lines[i++])
  }
  // A command at the very end with no expectation lines yet.
  for (const r of run.results) if (r.step.from === lines.length) out.push(...expectationLines(r.actual))
  return out.join('\n') + '\n'
}

// -------------------------------------------------------------------- diffs

/** A readable report of every mismatching command: the command, then a line diff. */
export function describeMismatches(run: RunResult, name = 'transcript'): string {
  const parts: string[] = []
  for (const r of run.results) {
    if (r.ok) continue
    const want = r.step.expected
    const expectLines = expectationLines({ ...want, chunks: [{ stream: 'stdout', text: want.stdout }, { stream: 'stderr', text: want.stderr }] })
    const gotLines = expectationLines({ ...r.actual, chunks: [{ stream: 'stdout', text: r.actual.stdout }, { stream: 'stderr', text: r.actual.stderr }] })
    parts.push(`${name}:${r.step.line}: $ ${r.step.cmd.split('\n').join('\n> ')}\n` + lineDiff(expectLines, gotLines).join('\n'))
  }
  return parts.join('\n\n')
}

/** A minimal LCS line diff: "  same", "- expected", "+ actual". */
export function lineDiff(a: string[], b: string[]): string[] {
  const n = a.length
  const m = b.length
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push('  ' + a[i++])
      j++
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) out.push('+ ' + b[j++])
    else out.push('- ' + a[i++])
  }
  return out
}
