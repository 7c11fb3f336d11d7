// A lab as it is saved and shared: the editor's files and the input log (terminal
// lines, interrupts, file writes with their virtual times).
import type { InputEntry } from '../../worker/protocol.ts'

export interface SavedLab {
  files: Record<string, string>
  log: InputEntry[]
  speed?: number
}

/** Whether two labs hold the same work (files and input log; the speed is not work). */
export function sameWork(a: SavedLab, b: SavedLab): boolean {
  const files = (l: SavedLab) => JSON.stringify(Object.entries(l.files).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
  return files(a) === files(b) && JSON.stringify(a.log) === JSON.stringify(b.log)
}
