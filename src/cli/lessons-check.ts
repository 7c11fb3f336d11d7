// `npm run lessons:check`: replay every lesson's reference solution and grade it
// with the lesson's checks; replay every wrong attempt and make sure it gets the
// failure and hint it is meant to, and check that the texts show what they print.
// Exit 1 when any lesson does not.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expectedFailures, runLessonTranscript } from '../content/lesson-run.ts'
import { lessonTextProblems } from '../content/lesson-text.ts'
import { describeMismatches } from '../testing/transcript.ts'
import { LESSONS_DIR, loadLessons } from './lesson-files.ts'

let failed = 0
for (const lesson of loadLessons()) {
  const problems: string[] = []
  if (!lesson.solution) problems.push('no solution.txtar')
  else {
    const r = runLessonTranscript(lesson, lesson.solution)
    if (!r.run.ok) problems.push(describeMismatches(r.run, `${lesson.id}/solution.txtar`))
    for (const c of r.checks) if (!c.passed) problems.push(`check ${c.id} fails on the reference solution: ${c.message}`)
  }
  for (const a of lesson.attempts) {
    const r = runLessonTranscript(lesson, a.text)
    for (const want of expectedFailures(a.text)) {
      const got = r.checks.find((c) => c.id === want.check)
      if (!got || got.passed || got.reason !== want.reason) problems.push(`${a.name}: expected ${want.check} to fail with ${want.reason}, got ${got ? (got.passed ? 'passed' : got.reason) : 'no such check'}`)
    }
  }
  const dir = join(LESSONS_DIR, lesson.id)
  const read = (f: string) => readFileSync(join(dir, f), 'utf8')
  const transcripts = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.txtar')).map((f) => [f, read(f)]))
  problems.push(...lessonTextProblems(lesson.id, { en: read('en.md'), ko: read('ko.md') }, transcripts))
  console.log(`${problems.length ? '✗' : '✓'} ${lesson.id}${problems.length ? '\n  ' + problems.join('\n  ') : ''}`)
  if (problems.length) failed++
}
process.exit(failed ? 1 : 0)
