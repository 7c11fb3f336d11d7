// The lesson text with its steps. Shell code blocks carry a button that runs the
// command in the terminal; each step shows its checks as they pass.
import { Marked } from 'marked'
import { useMemo } from 'react'
import type { Lesson } from '../../content/types.ts'
import type { LabClient } from '../../worker/client.ts'
import { STRINGS } from '../i18n.ts'
import { usePrefs } from '../state/prefs.ts'
import { useLabState } from './useLab.ts'

const RUNNABLE = new Set(['sh', 'bash', 'shell', 'console'])
// A stable empty list: a selector must not return a new array on every call.
const NONE: string[] = []

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function makeMarked(runLabel: string): Marked {
  const m = new Marked()
  m.use({
    renderer: {
      code({ text, lang }) {
        // Focusable, so a block wider than the pane can be scrolled from the keyboard.
        const body = `<pre tabindex="0"><code>${escapeHtml(text)}</code></pre>`
        if (!RUNNABLE.has(lang ?? '')) return body
        const lines = text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'))
        const buttons = lines
          .map((l) => `<button class="run-cmd" data-run="${escapeHtml(encodeURIComponent(l))}" aria-label="${escapeHtml(runLabel)}: ${escapeHtml(l)}">▶ <code>${escapeHtml(l)}</code></button>`)
          .join('')
        return body + buttons
      },
    },
  })
  return m
}

export function LessonPane({ lesson, client, onRun }: { lesson: Lesson; client: LabClient; onRun: (line: string) => void }) {
  const lang = usePrefs((s) => s.lang)
  const t = STRINGS[lang]
  const results = useLabState(client, (s) => s.checks)
  const progress = usePrefs((s) => s.progress[lesson.id] ?? NONE)
  const marked = useMemo(() => makeMarked(t.runInTerminal), [t])
  const html = useMemo(
    () => ({
      intro: marked.parse(lesson.intro[lang]) as string,
      steps: lesson.steps.map((s) => marked.parse(s.body[lang]) as string),
    }),
    [lesson, lang, marked],
  )
  const onClick = (e: React.MouseEvent) => {
    const b = (e.target as HTMLElement).closest('button[data-run]') as HTMLButtonElement | null
    if (b) onRun(decodeURIComponent(b.dataset.run!))
  }
  return (
    <div className="lesson-text" onClick={onClick}>
      <h1>{lesson.title[lang]}</h1>
      <div dangerouslySetInnerHTML={{ __html: html.intro }} />
      {lesson.steps.map((s, i) => (
        <section key={s.id} className="step" aria-labelledby={`step-${s.id}`}>
          <h2 id={`step-${s.id}`}>
            {s.checks.length > 0 && s.checks.every((c) => progress.includes(c)) && (
              <span className="step-done" aria-label={t.checkPassed}>
                ✓
              </span>
            )}
            {s.title[lang]}
          </h2>
          <div dangerouslySetInnerHTML={{ __html: html.steps[i] }} />
          {s.checks.map((id) => {
            const spec = lesson.checks.find((c) => c.id === id)!
            const r = results.find((x) => x.id === id)
            const passed = r?.passed || progress.includes(id)
            return (
              <div key={id} className={'check' + (passed ? ' passed' : '')} data-check={id} data-passed={passed}>
                <span className="mark">{passed ? '✓' : '○'}</span>
                <div>
                  <div>
                    {t.check}: {spec.title[lang]} — <strong>{passed ? t.checkPassed : t.checkPending}</strong>
                  </div>
                  {!passed && r?.message && <div>{r.message}</div>}
                  {!passed && r?.hint && (
                    <div className="hint">
                      {t.hint}: {r.hint}
                    </div>
                  )}
                </div>
              </div>
            )
          })}
        </section>
      ))}
    </div>
  )
}
