// Replays a transcript inside a lesson's lab (its files, seed and start time) and
// grades the result with the lesson's checks: the reference solution must pass
// every check; a wrong attempt must fail the checks it names, for the reason and
// with the hint it names. Run by `npm run lessons:check` and by the test suite.
import { Session } from '../session/index.ts'
import { parseTranscript, runTranscript, type RunResult } from '../testing/transcript.ts'
import { evaluateChecks, type CheckReport } from './session-checks.ts'
import type { Lang, Lesson } from './types.ts'

export interface LessonRun {
  run: RunResult
  checks: CheckReport[]
  session: Session
}

export function runLessonTranscript(lesson: Lesson, text: string, lang: Lang = 'en'): LessonRun {
  let session!: Session
  const run = runTranscript(text, (o) => {
    session = new Session({ seed: lesson.seed, start: lesson.start, files: [...lesson.files.map((f) => ({ name: f.name, data: f.content })), ...o.files] })
    return session
  })
  return { run, session, checks: evaluateChecks(session, lesson.checks, lang) }
}

/** `# expect-fail: <check> <reason>` lines in an attempt's header: what it must get wrong. */
export function expectedFailures(text: string): { check: string; reason: string }[] {
  const t = parseTranscript(text)
  return t.header.flatMap((l) => {
    const m = /^#\s*expect-fail:\s*(\S+)\s+(\S+)\s*$/.exec(l)
    return m ? [{ check: m[1], reason: m[2] }] : []
  })
}
