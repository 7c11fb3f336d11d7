// Per-lesson lab state saved in the browser: the editor's files and the input log
// (terminal lines, interrupts, file writes with their virtual times). A reload
// replays the log from the seed and lands exactly where the student was.
import type { SavedLab } from './saved-lab.ts'

export type { SavedLab }

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
