// What a lab opens with: a share link's lab, else the reader's saved lab, else the
// lesson's files; and which of the reader's own work a share link would displace.
import { decodeShare } from '../../app/share.ts'
import type { Lesson } from '../../content/types.ts'
import { sameWork, type SavedLab } from '../state/saved-lab.ts'

export interface InitialLab {
  lab: SavedLab
  /** The lab came from a share link (to be saved as the reader's lab from now on). */
  shared: boolean
  /** The reader's own saved work that the share link's lab replaces, if it was different. */
  displaced?: SavedLab
}

/** What the lab opens with: a share link's lab, else the saved one, else the lesson's files. Pure: the caller reads storage. */
export function initialLab(lesson: Lesson, shareParam: string | undefined, savedRaw: SavedLab | null): InitialLab {
  const files = Object.fromEntries(lesson.files.map((f) => [f.name, f.content]))
  const saved = savedRaw ? { ...savedRaw, files: { ...files, ...savedRaw.files } } : null
  const shared = shareParam ? decodeShare(shareParam) : null
  if (!shared) return { lab: saved ?? { files, log: [] }, shared: false }
  const lab = { ...shared, files: { ...files, ...shared.files } }
  // Never a lost edit: work that is neither the lesson's start nor the shared lab itself is kept aside.
  const untouched = !saved || sameWork(saved, { files, log: [] })
  return { lab, shared: true, displaced: untouched || sameWork(saved, lab) ? undefined : saved }
}
