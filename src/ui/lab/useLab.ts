// Owns the LabClient (the worker) for one lesson page: restores saved or shared
// state, saves edits and the input log, and reports progress.
import { useEffect, useMemo, useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { Lesson } from '../../content/types.ts'
import type { LabParams } from '../../app/route.ts'
import { LabClient, type LabEvents, type LabState } from '../../worker/client.ts'
import { clearLab, loadBackup, loadLab, saveBackup, saveLab, type SavedLab } from '../state/lab-storage.ts'
import { initialLab } from './initial-lab.ts'
import { usePrefs } from '../state/prefs.ts'

export interface LabHandle {
  client: LabClient
  files: Record<string, string>
  setFile(name: string, content: string): void
  reset(): void
  saved(): SavedLab
  /** A share link replaced work of the reader's own, which can be brought back. */
  displaced: boolean
  restorePrevious(): void
  dismissDisplaced(): void
}

export function useLab(lesson: Lesson, params: LabParams, events: LabEvents): LabHandle {
  const lang = usePrefs((s) => s.lang)
  const markPassed = usePrefs((s) => s.markPassed)
  const [generation, setGeneration] = useState(0)
  // Params come from the URL, parsed afresh on every render: read them once per lab.
  const paramsRef = useRef(params)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const opened = useMemo(() => initialLab(lesson, paramsRef.current.shared, loadLab(lesson.id)), [lesson, generation])
  const state = opened.lab
  const [displaced, setDisplaced] = useState(false)
  const [files, setFiles] = useState(state.files)
  const filesRef = useRef(files)
  filesRef.current = files
  const eventsRef = useRef(events)
  eventsRef.current = events

  const client = useMemo(() => {
    const start = Date.parse(lesson.start)
    return new LabClient(
      {
        lessonId: lesson.id,
        seed: paramsRef.current.seed ?? lesson.seed,
        start,
        files: Object.entries(state.files).map(([name, content]) => ({ name, content })),
        checks: lesson.checks,
        log: state.log,
        lang,
        flowControl: true,
      },
      () => new Worker(new URL('../../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'batchlab-sim' }),
      {
        onLog: (log) => saveLab(lesson.id, { files: filesRef.current, log }),
        onCheckPassed: (id) => {
          markPassed(lesson.id, id)
          eventsRef.current.onCheckPassed?.(id)
        },
        onJobFinished: (n, o) => eventsRef.current.onJobFinished?.(n, o),
        onApplied: (f, ok) => eventsRef.current.onApplied?.(f, ok),
        onReady: () => eventsRef.current.onReady?.(),
      },
    )
    // The lab is rebuilt only on reset (generation) or another lesson; language changes do not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lesson, generation])

  useEffect(() => () => client.dispose(), [client])
  useEffect(() => client.setLang(lang), [client, lang])
  useEffect(() => setFiles(state.files), [state])
  // A share link is opened once: its lab becomes the reader's lab (a reload keeps what they do
  // next), the reader's previous work goes to the backup, and the link leaves the address bar.
  // Idempotent, as StrictMode runs effects twice.
  useEffect(() => {
    if (!opened.shared) return
    if (opened.displaced) saveBackup(lesson.id, opened.displaced)
    saveLab(lesson.id, opened.lab)
    paramsRef.current = { ...paramsRef.current, shared: undefined }
    if (/^#s=/.test(location.hash)) history.replaceState(history.state, '', location.pathname + location.search)
    setDisplaced(!!opened.displaced)
  }, [opened, lesson.id])

  return {
    client,
    files,
    setFile(name, content) {
      setFiles((f) => ({ ...f, [name]: content }))
      filesRef.current = { ...filesRef.current, [name]: content }
      saveLab(lesson.id, { files: filesRef.current, log: client.inputLog() })
    },
    reset() {
      clearLab(lesson.id)
      if (paramsRef.current.shared) history.replaceState(null, '', location.pathname + location.search)
      usePrefs.getState().resetLesson(lesson.id)
      setDisplaced(false)
      setGeneration((g) => g + 1)
    },
    saved: () => ({ files: filesRef.current, log: client.inputLog() }),
    displaced,
    restorePrevious() {
      const previous = loadBackup(lesson.id)
      if (!previous) return
      // A swap, not a discard: the shared lab (and anything done to it) becomes the backup.
      saveBackup(lesson.id, { files: filesRef.current, log: client.inputLog() })
      saveLab(lesson.id, previous)
      setDisplaced(false)
      setGeneration((g) => g + 1)
    },
    dismissDisplaced: () => setDisplaced(false),
  }
}

export function useLabState<T>(client: LabClient, sel: (s: LabState) => T): T {
  return useStore(client.store, sel)
}
