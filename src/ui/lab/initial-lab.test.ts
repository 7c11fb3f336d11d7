// Opening a lab: a share link's lab replaces the reader's saved work only with that
// work named to be kept aside (never a lost edit), and never when there is nothing to lose.
import { describe, expect, it } from 'vitest'
import { encodeShare } from '../../app/share.ts'
import type { Lesson } from '../../content/types.ts'
import { initialLab } from './initial-lab.ts'

const lesson = { id: 'l1', files: [{ name: 'job.yaml', content: 'start' }] } as unknown as Lesson
const params = (shared?: string) => shared
const mine = { files: { 'job.yaml': 'my edit' }, log: [{ at: 5, kind: 'line' as const, line: 'kubectl get jobs' }] }
const theirs = { files: { 'job.yaml': 'their edit' }, log: [] }

describe('initialLab', () => {
  it('opens the saved lab, or the lesson files', () => {
    expect(initialLab(lesson, params(), null)).toEqual({ lab: { files: { 'job.yaml': 'start' }, log: [] }, shared: false })
    expect(initialLab(lesson, params(), mine)).toEqual({ lab: mine, shared: false })
  })

  it('opens a share link and names the different work of the reader it displaces', () => {
    expect(initialLab(lesson, params(encodeShare(theirs)), mine)).toEqual({ lab: theirs, shared: true, displaced: mine })
  })

  it('displaces nothing when the reader had no work, untouched work, or the same lab', () => {
    expect(initialLab(lesson, params(encodeShare(theirs)), null).displaced).toBeUndefined()
    expect(initialLab(lesson, params(encodeShare(theirs)), { files: { 'job.yaml': 'start' }, log: [] }).displaced).toBeUndefined()
    expect(initialLab(lesson, params(encodeShare(theirs)), { ...theirs, speed: 60 }).displaced).toBeUndefined()
  })

  it('a broken share link opens the saved lab', () => {
    expect(initialLab(lesson, params('not-a-share'), mine)).toEqual({ lab: mine, shared: false })
  })
})
