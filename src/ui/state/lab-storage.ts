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

export function loadLab(lessonId: string): SavedLab | null {
  try {
    const raw = localStorage.getItem(key(lessonId))
    return raw ? (JSON.parse(raw) as SavedLab) : null
  } catch {
    return null
  }
}

export function saveLab(lessonId: string, lab: SavedLab): void {
  try {
    localStorage.setItem(key(lessonId), JSON.stringify(lab))
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
