// Every lesson: both languages parse with the same steps, the reference solution
// prints what its transcript says and passes every check, and each wrong attempt
// prints what it says and fails the checks it names, for the reason it names, with
// a hint for it. UPDATE_TRANSCRIPTS=1 (or =lessons/<id>, comma-separated parts of
// the file paths) rewrites the recorded outputs in place, as for src/**/testdata.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LESSONS_DIR, loadLessons } from '../cli/lesson-files.ts'
import { describeMismatches, rewriteTranscript, type RunResult } from '../testing/transcript.ts'
import { expectedFailures, runLessonTranscript } from './lesson-run.ts'

const lessons = loadLessons()

const updateSpec = process.env.UPDATE_TRANSCRIPTS ?? ''
const updateParts = updateSpec === '1' ? [''] : updateSpec.split(',').filter(Boolean)

/** Rewrites the file when asked to, else fails on any difference from what it recorded. */
function expectRecorded(run: RunResult, lessonId: string, file: string): void {
  const path = join(LESSONS_DIR, lessonId, file)
  if (updateParts.some((p) => `lessons/${lessonId}/${file}`.includes(p))) {
    if (!run.ok) writeFileSync(path, rewriteTranscript(run))
    return
  }
  if (!run.ok) throw new Error(describeMismatches(run, `lessons/${lessonId}/${file}`))
}

describe('lessons', () => {
  it('there are lessons', () => expect(lessons.length).toBeGreaterThan(0))
  for (const lesson of lessons) {
    describe(lesson.id, () => {
      it('has text in Korean and English for every step', () => {
        for (const s of lesson.steps) {
          expect(s.title.ko.trim(), s.id).not.toBe('')
          expect(s.title.en.trim(), s.id).not.toBe('')
        }
        expect(lesson.title.ko && lesson.title.en).toBeTruthy()
      })
      it('reference solution passes every check', () => {
        expect(lesson.solution, 'solution.txtar').toBeDefined()
        const r = runLessonTranscript(lesson, lesson.solution!)
        expectRecorded(r.run, lesson.id, 'solution.txtar')
        expect(r.checks.filter((c) => !c.passed)).toEqual([])
      })
      for (const a of lesson.attempts) {
        it(`wrong attempt ${a.name} gets its hint`, () => {
          const want = expectedFailures(a.text)
          expect(want.length, 'an attempt names at least one expected failure').toBeGreaterThan(0)
          const r = runLessonTranscript(lesson, a.text, 'en')
          expectRecorded(r.run, lesson.id, a.name)
          for (const w of want) {
            const got = r.checks.find((c) => c.id === w.check)!
            expect({ passed: got.passed, reason: got.reason }).toEqual({ passed: false, reason: w.reason })
            expect(got.hint, `a hint for ${w.check}/${w.reason}`).toBeTruthy()
          }
        })
      }
    })
  }
})
