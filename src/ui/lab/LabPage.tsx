// `/lab/<id>` and `/embed/<id>`: the lesson, the editor, the timeline and the
// terminal around one simulated cluster.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import type { Lesson } from '../../content/types.ts'
import type { LabParams } from '../../app/route.ts'
import { encodeShare } from '../../app/share.ts'
import { STRINGS } from '../i18n.ts'
import { usePrefs } from '../state/prefs.ts'
import { useTheme } from '../state/theme.ts'
import { TopBar } from '../TopBar.tsx'
import { LessonPane } from './LessonPane.tsx'
import { TerminalPane, type TerminalHandle } from '../terminal/TerminalPane.tsx'
import { Timeline } from '../timeline/Timeline.tsx'
import { TimeControls } from './TimeControls.tsx'
import { useEmbedBridge } from './embed.ts'
import { useLab } from './useLab.ts'

const EditorPane = lazy(() => import('../editor/EditorPane.tsx'))

export function LabPage({ lesson, params }: { lesson: Lesson; params: LabParams }) {
  const lang = usePrefs((s) => s.lang)
  const theme = useTheme()
  const t = STRINGS[lang]
  const term = useRef<TerminalHandle>(null)
  // What each file held when it was last applied: Play applies the open file only if
  // it changed since, so resuming does not re-create a Job its TTL already deleted.
  const applied = useRef(new Map<string, string | undefined>())
  const filesNow = useRef<Record<string, string>>({})
  const bridge = useRef<ReturnType<typeof useEmbedBridge> | null>(null)
  const lab = useLab(lesson, params, {
    onReady: () => bridge.current?.ready(),
    onApplied: (file, ok) => {
      if (ok) applied.current.set(file, filesNow.current[file])
      bridge.current?.post({ type: 'batchlab:applied', file, ok })
    },
    onJobFinished: (name, outcome) => bridge.current?.post({ type: 'batchlab:job-finished', name, outcome }),
    onCheckPassed: (id) => bridge.current?.post({ type: 'batchlab:check-passed', lesson: lesson.id, check: id }),
  })
  const { client } = lab
  filesNow.current = lab.files
  // A new lab (reset) or a rewind replays the log, and with it the applies that remain.
  useEffect(() => {
    applied.current.clear()
    return client.onReset(() => applied.current.clear())
  }, [client])
  // The tab and the history name the lesson, not only the site.
  useEffect(() => {
    document.title = `${lesson.title[lang]} · batchlab`
    return () => {
      document.title = 'batchlab'
    }
  }, [lesson, lang])
  // For browser tests and the curious: the lab's client on window.
  useEffect(() => {
    ;(window as unknown as { batchlab?: unknown }).batchlab = client
  }, [client])
  const [active, setActive] = useState(lesson.files[0]?.name ?? '')
  const [shareNote, setShareNote] = useState(false)

  // Edits reach the terminal's home directory after a pause in typing (each write is an
  // input-log entry), and at once before anything that reads them.
  const unsaved = useRef(new Map<string, string>())
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const flushFiles = useCallback(() => {
    if (saveTimer.current) clearTimeout(saveTimer.current)
    saveTimer.current = null
    for (const [name, content] of unsaved.current) client.writeFile(name, content)
    unsaved.current.clear()
  }, [client])
  const editFile = useCallback(
    (name: string, content: string) => {
      lab.setFile(name, content)
      unsaved.current.set(name, content)
      if (saveTimer.current) clearTimeout(saveTimer.current)
      saveTimer.current = setTimeout(flushFiles, 800)
    },
    [lab, flushFiles],
  )
  const run = useCallback(
    (line: string) => {
      if (term.current) term.current.run(line)
      else {
        flushFiles()
        client.runLine(line)
      }
    },
    [client, flushFiles],
  )
  const applyAndPlay = useCallback(() => {
    if (active && (!applied.current.has(active) || applied.current.get(active) !== lab.files[active])) run(`kubectl apply -f ${active}`)
    client.play()
  }, [active, client, run, lab.files])

  bridge.current = useEmbedBridge(params.embed, client, {
    loadManifest: (name, content) => {
      lab.setFile(name, content)
      client.writeFile(name, content)
      setActive(name)
    },
  })

  useEffect(() => {
    if (params.speed) client.setSpeed(params.speed)
    if (params.autoplay) {
      const off = client.store.subscribe((s, prev) => {
        if (s.status === 'ready' && prev.status !== 'ready') {
          off()
          applyAndPlay()
        }
      })
      return off
    }
    // Start-up settings apply once per lab.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client])

  const show = (p: string) => params.panes.includes(p as never)
  // A share link opens in the reader's own language; the embed's 'open' link keeps the embed's.
  const shareUrl = (query = '') => `${location.origin}/lab/${lesson.id}${query}#s=${encodeShare(lab.saved())}`
  const share = async () => {
    flushFiles()
    const url = shareUrl()
    await navigator.clipboard?.writeText(url).catch(() => undefined)
    // The lab page keeps the link in its address bar; an embed page stays an embed page
    // (its address turned into /lab/… would reopen it with the site chrome on the next render).
    if (!params.embed) history.replaceState(null, '', url)
    setShareNote(true)
    setTimeout(() => setShareNote(false), 2000)
  }
  const reset = () => {
    if (confirm(t.resetConfirm)) lab.reset()
  }

  // Beside the lesson: the editor and terminal row and the timeline row, each only if shown,
  // so that one of them alone takes the whole height.
  const top = show('editor') || show('terminal')
  const oneRow = !top || !show('timeline')
  const labBody = (
    <div className={'lab-main' + (show('lesson') ? '' : ' no-lesson') + (oneRow ? ' one-row' : '')}>
      {show('lesson') && (
        <section className="pane pane-lesson" aria-label={t.lesson}>
          <LessonPane lesson={lesson} client={client} onRun={run} />
        </section>
      )}
      {top && (
        <div className={'right-top' + (show('editor') && show('terminal') ? '' : ' single')}>
          {show('editor') && (
            <section className="pane" aria-label={t.editor}>
              <Suspense fallback={<p style={{ padding: 12 }}>{t.editorLoading}</p>}>
                <EditorPane
                  files={lab.files}
                  active={active}
                  onSelect={setActive}
                  onChange={editFile}
                  client={client}
                  lang={lang}
                  theme={theme}
                  onApply={() => run(`kubectl apply -f ${active}`)}
                />
              </Suspense>
            </section>
          )}
          {show('terminal') && (
            <section className="pane" aria-label={t.terminal}>
              <h2 className="pane-title">{t.terminal}</h2>
              <TerminalPane ref={term} client={client} beforeLine={flushFiles} />
            </section>
          )}
        </div>
      )}
      {show('timeline') && (
        <section className="pane" aria-label={t.timeline}>
          <h2 className="pane-title">{t.timeline}</h2>
          <Timeline client={client} />
        </section>
      )}
    </div>
  )

  const extra = (
    <>
      <button onClick={share} aria-label={t.share}>
        {shareNote ? t.shared : t.share}
      </button>
      <button onClick={reset}>{t.resetLab}</button>
      {params.embed && (
        // Opens the full lab with what the student did here: the new tab does not share
        // the iframe's storage (browsers partition it by the embedding site).
        <a href={`/lab/${lesson.id}?lang=${lang}`} target="_blank" rel="noreferrer" onClick={(e) => (flushFiles(), (e.currentTarget.href = shareUrl(`?lang=${lang}`)))}>
          {t.embedOpen}
        </a>
      )}
    </>
  )
  return (
    <div className="lab" data-lesson={lesson.id}>
      <a className="skip-link" href="#lab-controls">
        {t.skipToContent}
      </a>
      {!params.embed && (
        <TopBar>
          <strong>{lesson.title[lang]}</strong>
        </TopBar>
      )}
      <main style={{ display: 'contents' }}>
        <div id="lab-controls">
          {/* Play applies the manifest the student sees; without the editor pane it only plays (autoplay=1 still applies the first). */}
          <TimeControls client={client} onPlay={show('editor') ? applyAndPlay : () => client.play()} applies={show('editor')} extra={extra} />
        </div>
        {lab.displaced && (
          // A share link opened over work of the reader's own: say so, and offer it back.
          <div className="lab-banner" role="status">
            <span>{t.sharedOpened}</span>
            <button onClick={lab.restorePrevious}>{t.restorePrevious}</button>
            <button onClick={lab.dismissDisplaced} aria-label={t.dismiss} title={t.dismiss}>
              ×
            </button>
          </div>
        )}
        {labBody}
      </main>
    </div>
  )
}
