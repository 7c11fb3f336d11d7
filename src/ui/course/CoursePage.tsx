// `/`: the course, its lessons and exercises, with the student's progress.
import type { Lesson } from '../../content/types.ts'
import { navigate } from '../../app/route.ts'
import { STRINGS } from '../i18n.ts'
import { usePrefs } from '../state/prefs.ts'
import { TopBar } from '../TopBar.tsx'

export function CoursePage({ lessons }: { lessons: Lesson[] }) {
  const { lang, progress } = usePrefs()
  const t = STRINGS[lang]
  const list = (items: Lesson[]) => (
    <ol className="lesson-list">
      {items.map((l) => {
        const done = progress[l.id]?.length ?? 0
        const total = l.checks.length
        const complete = total > 0 && done >= total
        const href = `/lab/${l.id}`
        return (
          <li key={l.id} className="lesson-card" data-lesson={l.id}>
            <span className="num" aria-hidden>
              {String(l.order).padStart(2, '0')}
            </span>
            <div className="body">
              <h3>
                <a href={href} onClick={(e) => (e.preventDefault(), navigate(href))}>
                  {l.title[lang]}
                </a>
              </h3>
              <p>{l.summary[lang]}</p>
            </div>
            <span className={'progress' + (complete ? ' done' : '')}>
              {complete ? `✓ ${t.completed}` : done ? t.progressDone(done, total) : t.notStarted}
            </span>
          </li>
        )
      })}
    </ol>
  )
  return (
    <>
      <TopBar />
      <main className="course">
        <h1>{t.course}</h1>
        <p className="tagline">{t.tagline}</p>
        <h2>{t.lessons}</h2>
        {list(lessons.filter((l) => !l.exercise))}
        {lessons.some((l) => l.exercise) && (
          <>
            <h2>{t.exercises}</h2>
            {list(lessons.filter((l) => l.exercise))}
          </>
        )}
      </main>
    </>
  )
}
