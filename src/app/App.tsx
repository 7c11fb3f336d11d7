// The app: picks the page for the current route and applies language and theme.
import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react'
import { CoursePage } from '../ui/course/CoursePage.tsx'
import { detectLang, STRINGS } from '../ui/i18n.ts'
import { usePrefs } from '../ui/state/prefs.ts'
import { useTheme } from '../ui/state/theme.ts'
import { findLesson, LESSONS } from './lessons.ts'
import { navigate, parseRoute } from './route.ts'

// The lab (terminal, timeline, editor) loads on its own, so the course page stays small.
const LabPage = lazy(() => import('../ui/lab/LabPage.tsx').then((m) => ({ default: m.LabPage })))

const subscribe = (cb: () => void) => {
  addEventListener('popstate', cb)
  addEventListener('hashchange', cb)
  return () => {
    removeEventListener('popstate', cb)
    removeEventListener('hashchange', cb)
  }
}
const snapshot = () => location.pathname + location.search + location.hash

export function App() {
  const href = useSyncExternalStore(subscribe, snapshot)
  const route = parseRoute(location.pathname, location.search, location.hash)
  // Only what the page frame needs: progress changes must not re-render (and re-route) the app.
  const lang = usePrefs((s) => s.lang)
  const theme = useTheme()
  const setLang = usePrefs((s) => s.setLang)

  useEffect(() => {
    const q = new URLSearchParams(location.search).get('lang')
    const stored = localStorage.getItem('batchlab:prefs')
    if (q === 'ko' || q === 'en') setLang(q)
    else if (!stored) setLang(detectLang('', navigator.language))
  }, [href, setLang])

  useEffect(() => {
    document.documentElement.dataset.theme = theme
    document.documentElement.lang = lang
  }, [theme, lang])

  if (route.name === 'course') return <CoursePage lessons={LESSONS} />
  if (route.name === 'lab') {
    const lesson = findLesson(route.params.lessonId)
    if (lesson)
      return (
        <Suspense fallback={<div className="lab" aria-busy="true" />}>
          <LabPage key={href.split('#')[0]} lesson={lesson} params={route.params} />
        </Suspense>
      )
  }
  const t = STRINGS[lang]
  return (
    <main className="course">
      <h1>404</h1>
      <p>
        <a href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
          {t.back}
        </a>
      </p>
    </main>
  )
}
