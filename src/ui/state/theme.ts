// The theme in effect on the current page, for the components that draw it.
import { parseRoute } from '../../app/route.ts'
import { effectiveTheme, usePrefs, type Theme } from './prefs.ts'

/** The page as the theme menu knows it: path and query (a share link's fragment comes and goes). */
export const themePage = () => location.pathname + location.search

export function useTheme(): Theme {
  const saved = usePrefs((s) => s.theme)
  const chosenAt = usePrefs((s) => s.themeChosenAt)
  const route = parseRoute(location.pathname, location.search, '')
  const lab = route.name === 'lab' ? route.params : undefined
  return effectiveTheme(saved, chosenAt, lab?.theme, !!lab?.embed, themePage())
}
