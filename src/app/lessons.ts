// The course, bundled: every file of every lesson folder as text, parsed once.
import { parseLesson } from '../content/lessons.ts'
import type { Lesson } from '../content/types.ts'

const raw = import.meta.glob('/lessons/*/*.{yaml,md,txtar}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

function load(): Lesson[] {
  const byFolder = new Map<string, Record<string, string>>()
  for (const [path, text] of Object.entries(raw)) {
    const [, folder, file] = /^\/lessons\/([^/]+)\/(.+)$/.exec(path) ?? []
    if (!folder) continue
    if (!byFolder.has(folder)) byFolder.set(folder, {})
    byFolder.get(folder)![file] = text
  }
  const lessons: Lesson[] = []
  for (const [folder, files] of byFolder) {
    try {
      lessons.push(parseLesson(files))
    } catch (e) {
      console.error(`lesson ${folder}:`, e)
    }
  }
  return lessons.sort((a, b) => a.order - b.order)
}

export const LESSONS: Lesson[] = load()

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id)
}
