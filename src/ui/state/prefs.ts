// UI preferences and course progress, kept in localStorage across reloads.
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { Lang } from '../../content/types.ts'

export type Theme = 'light' | 'dark'

interface Prefs {
  lang: Lang
  theme: Theme
  /**
   * The page (path and query) on which the student last picked a theme from the menu, this
   * session: there the menu wins over the page's ?theme=. Not saved.
   */
  themeChosenAt?: string
  /** lessonId -> ids of checks that passed at least once. */
  progress: Record<string, string[]>
  setLang(lang: Lang): void
  setTheme(theme: Theme): void
  /** The theme menu: the student's choice, which also overrides ?theme= on the page `at`. */
  chooseTheme(theme: Theme, at: string): void
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
      chooseTheme: (theme, at) => set({ theme, themeChosenAt: at }),
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
    { name: 'batchlab:prefs', version: 1, partialize: ({ themeChosenAt: _, ...kept }) => kept },
  ),
)

/**
 * The theme in effect. A lab page's ?theme= sets the initial theme only: once the student
 * picks one from the menu there, the menu wins. On an embed page (no menu) the
 * instructor's ?theme= always holds.
 */
export function effectiveTheme(saved: Theme, chosenAt: string | undefined, urlTheme: Theme | undefined, embed: boolean, here: string): Theme {
  if (!urlTheme) return saved
  return embed || chosenAt !== here ? urlTheme : saved
}
