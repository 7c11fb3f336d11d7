// Opening a lab: a share link's lab replaces the reader's saved work only with that
// work kept aside (never a lost edit), and never when there is nothing to lose.
import { beforeEach, describe, expect, it } from 'vitest'
import { encodeShare } from '../../app/share.ts'
import type { LabParams } from '../../app/route.ts'
import type { Lesson } from '../../content/types.ts'
import { loadBackup, saveBackup, saveLab, loadLab } from '../state/lab-storage.ts'
import { initialLab } from './useLab.ts'

const mem = new Map<string, string>()
;(globalThis as { localStorage?: unknown }).localStorage = {
  getItem: (k: string) => mem.get(k) ?? null,
  setItem: (k: string, v: string) => void mem.set(k, v),
  removeItem: (k: string) => void mem.delete(k),
}

const lesson = { id: 'l1', files: [{ name: 'job.yaml', content: 'start' }] } as unknown as Lesson
const params = (shared?: string): LabParams => ({ lessonId: 'l1', embed: false, autoplay: false, panes: ['lesson'], shared })
const mine = { files: { 'job.yaml': 'my edit' }, log: [{ at: 5, kind: 'line' as const, line: 'kubectl get jobs' }] }
const theirs = { files: { 'job.yaml': 'their edit' }, log: [] }

describe('initialLab', () => {
  beforeEach(() => mem.clear())

  it('opens the saved lab, or the lesson files', () => {
    expect(initialLab(lesson, params())).toEqual({ lab: { files: { 'job.yaml': 'start' }, log: [] }, shared: false })
    saveLab('l1', mine)
    expect(initialLab(lesson, params())).toEqual({ lab: mine, shared: false })
  })

  it('opens a share link and names the different work of the reader it displaces', () => {
    saveLab('l1', mine)
    expect(initialLab(lesson, params(encodeShare(theirs)))).toEqual({ lab: theirs, shared: true, displaced: mine })
  })

  it('displaces nothing when the reader had no work, untouched work, or the same lab', () => {
    expect(initialLab(lesson, params(encodeShare(theirs))).displaced).toBeUndefined()
    saveLab('l1', { files: { 'job.yaml': 'start' }, log: [] })
    expect(initialLab(lesson, params(encodeShare(theirs))).displaced).toBeUndefined()
    saveLab('l1', { ...theirs, speed: 60 })
    expect(initialLab(lesson, params(encodeShare(theirs))).displaced).toBeUndefined()
  })

  it('a broken share link opens the saved lab', () => {
    saveLab('l1', mine)
    expect(initialLab(lesson, params('not-a-share'))).toEqual({ lab: mine, shared: false })
  })

  it('keeps the backup apart from the lab', () => {
    saveBackup('l1', mine)
    saveLab('l1', theirs)
    expect(loadBackup('l1')).toEqual(mine)
    expect(loadLab('l1')).toEqual(theirs)
  })
})
