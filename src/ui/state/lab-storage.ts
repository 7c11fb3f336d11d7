// Per-lesson lab state saved in the browser: the editor's files and the input log
// (terminal lines, interrupts, file writes with their virtual times). A reload
// replays the log from the seed and lands exactly where the student was.
import type { InputEntry } from '../../worker/protocol.ts'

export interface SavedLab {
  files: Record<string, string>
  log: InputEntry[]
  speed?: number
}

const key = (lessonId: string) => `batchlab:lab:${lessonId}`
/** The reader's own work that a share link displaced, kept so it can be restored. */
const backupKey = (lessonId: string) => `batchlab:lab-backup:${lessonId}`

export function loadLab(lessonId: string): SavedLab | null {
  return read(key(lessonId))
}

export function loadBackup(lessonId: string): SavedLab | null {
  return read(backupKey(lessonId))
}

export function saveBackup(lessonId: string, lab: SavedLab): void {
  write(backupKey(lessonId), lab)
}

function read(k: string): SavedLab | null {
  try {
    const raw = localStorage.getItem(k)
    return raw ? (JSON.parse(raw) as SavedLab) : null
  } catch {
    return null
  }
}

export function saveLab(lessonId: string, lab: SavedLab): void {
  write(key(lessonId), lab)
}

function write(k: string, lab: SavedLab): void {
  try {
    localStorage.setItem(k, JSON.stringify(lab))
  } catch {
    // Storage full or blocked (private mode): the lab still works, it just is not kept.
  }
}

export function clearLab(lessonId: string): void {
  try {
    localStorage.removeItem(key(lessonId))
  } catch {
    // ignore
  }
}

/** Whether two labs hold the same work (files and input log; the speed is not work). */
export function sameWork(a: SavedLab, b: SavedLab): boolean {
  const files = (l: SavedLab) => JSON.stringify(Object.entries(l.files).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
  return files(a) === files(b) && JSON.stringify(a.log) === JSON.stringify(b.log)
}
