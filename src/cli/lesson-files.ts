// Reads the lessons/ folder from disk into Lessons (the browser bundles the same files).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseLesson } from '../content/lessons.ts'
import type { Lesson } from '../content/types.ts'

export const LESSONS_DIR = join(import.meta.dirname, '..', '..', 'lessons')

export function loadLessons(dir = LESSONS_DIR): Lesson[] {
  return readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory())
    .map((d) => {
      const files: Record<string, string> = {}
      for (const f of readdirSync(join(dir, d))) if (statSync(join(dir, d, f)).isFile()) files[f] = readFileSync(join(dir, d, f), 'utf8')
      return parseLesson(files)
    })
    .sort((a, b) => a.order - b.order)
}
