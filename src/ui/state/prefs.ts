// UI preferences and course progress, kept in localStorage across reloads.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { Lang } from '../../content/types.ts'

export type Theme = 'light' | 'dark'

interface Prefs {
  lang: Lang
  theme: Theme
  /** lessonId -> ids of checks that passed at least once. */
  progress: Record<string, string[]>
  setLang(lang: Lang): void
  setTheme(theme: Theme): void
  markPassed(lessonId: string, checkId: string): void
  resetLesson(lessonId: string): void
}

export const usePrefs = create<Prefs>()(
  persist(
    (set) => ({
      lang: 'en',
      theme: 'light',
      progress: {},
      setLang: (lang) => set({ lang }),
      setTheme: (theme) => set({ theme }),
      markPassed: (lessonId, checkId) =>
        set((s) => {
          const done = s.progress[lessonId] ?? []
          return done.includes(checkId) ? s : { progress: { ...s.progress, [lessonId]: [...done, checkId] } }
        }),
      resetLesson: (lessonId) =>
        set((s) => {
          const { [lessonId]: _, ...rest } = s.progress
          return { progress: rest }
        }),
    }),
    { name: 'batchlab:prefs', version: 1 },
  ),
)
