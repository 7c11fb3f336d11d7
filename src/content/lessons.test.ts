// Every lesson: both languages parse with the same steps, the reference solution
// prints what its transcript says and passes every check, and each wrong attempt
// fails the checks it names, for the reason it names, with a hint for it.
import { describe, expect, it } from 'vitest'
import { loadLessons } from '../cli/lesson-files.ts'
import { describeMismatches } from '../testing/transcript.ts'
import { expectedFailures, runLessonTranscript } from './lesson-run.ts'

const lessons = loadLessons()

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
        if (!r.run.ok) throw new Error(describeMismatches(r.run, `${lesson.id}/solution.txtar`))
        expect(r.checks.filter((c) => !c.passed)).toEqual([])
      })
      for (const a of lesson.attempts) {
        it(`wrong attempt ${a.name} gets its hint`, () => {
          const want = expectedFailures(a.text)
          expect(want.length, 'an attempt names at least one expected failure').toBeGreaterThan(0)
          const r = runLessonTranscript(lesson, a.text, 'en')
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
