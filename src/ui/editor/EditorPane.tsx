// The manifest editor: a tab per lesson file, Monaco with YAML validation,
// completion and hover from our schema, and the API server's errors marked at the
// field's line after an apply.
import Editor, { type OnMount } from '@monaco-editor/react'
import { useEffect, useRef, useState } from 'react'
import type { Lang } from '../../content/types.ts'
import type { LabClient } from '../../worker/client.ts'
import { STRINGS } from '../i18n.ts'
import { useLabState } from '../lab/useLab.ts'
import { configureYaml, monaco } from './monaco-setup.ts'

interface Props {
  files: Record<string, string>
  active: string
  onSelect(name: string): void
  onChange(name: string, content: string): void
  onApply(): void
  client: LabClient
  lang: Lang
  /** The page's theme in effect (state/theme.ts: ?theme= until the menu is used; always on an embed). */
  theme: 'light' | 'dark'
}

interface Marker {
  line: number
  column: number
  message: string
  source: 'schema' | 'apply'
}

export default function EditorPane({ files, active, onSelect, onChange, onApply, client, lang, theme }: Props) {
  const t = STRINGS[lang]
  const applyErrors = useLabState(client, (s) => s.applyErrors[active])
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null)
  const [schemaMarkers, setSchemaMarkers] = useState<Marker[]>([])
  configureYaml(lang)

  useEffect(() => {
    const model = editorRef.current?.getModel()
    if (!model) return
    monaco.editor.setModelMarkers(
      model,
      'kubernetes',
      (applyErrors ?? []).map((e) => ({
        severity: monaco.MarkerSeverity.Error,
        message: e.message,
        startLineNumber: e.line ?? 1,
        endLineNumber: e.line ?? 1,
        startColumn: e.column ?? 1,
        endColumn: model.getLineMaxColumn(e.line ?? 1),
      })),
    )
  }, [applyErrors, active])

  const markers: Marker[] = [...schemaMarkers, ...(applyErrors ?? []).map((e) => ({ line: e.line ?? 1, column: e.column ?? 1, message: e.message, source: 'apply' as const }))]
  // A marker in the list takes the cursor to its place in the file (from the keyboard too).
  const reveal = (m: Marker) => {
    const ed = editorRef.current
    if (!ed) return
    ed.setPosition({ lineNumber: m.line, column: m.column })
    ed.revealLineInCenter(m.line)
    ed.focus()
  }
  return (
    <>
      <h2 className="pane-title">
        {t.editor}
        <span className="spacer" />
        {/* Tab indents in Monaco; its own key toggles Tab to move the focus instead (shown while the editor has it). */}
        <span className="editor-hint" aria-hidden>
          {t.tabFocusHint(/Mac|iP/.test(navigator.platform) ? '⌃⇧M' : 'Ctrl+M')}
        </span>
        <button onClick={onApply} aria-label={`${t.apply} ${active}`}>
          {t.apply}
        </button>
      </h2>
      <div className="tabs" role="tablist" aria-label={t.editor}>
        {Object.keys(files).map((name) => (
          <button key={name} role="tab" aria-selected={name === active} onClick={() => onSelect(name)}>
            {name}
          </button>
        ))}
      </div>
      <div className="editor-host" data-testid="editor">
        <Editor
          path={`file:///root/${active}`}
          language="yaml"
          theme={theme === 'dark' ? 'vs-dark' : 'vs'}
          value={files[active] ?? ''}
          onChange={(v) => onChange(active, v ?? '')}
          onMount={(ed) => (editorRef.current = ed)}
          // Monaco reports every marker of the model, the API server's (set above) too: keep the schema's.
          onValidate={(ms) => setSchemaMarkers(ms.filter((m) => m.owner !== 'kubernetes').map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message, source: 'schema' })))}
          options={{ minimap: { enabled: false }, stickyScroll: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, automaticLayout: true, tabSize: 2, accessibilitySupport: 'on', quickSuggestions: { other: true, strings: true } }}
        />
      </div>
      {markers.length > 0 && (
        <div className="apply-errors" role="status" aria-live="polite" data-testid="markers">
          {markers.map((m, i) => (
            <button key={i} className="marker-line" data-marker-source={m.source} onClick={() => reveal(m)}>
              {m.source === 'apply' ? '✗ ' : '⚠ '}
              {active}:{m.line}:{m.column}: {m.message}
            </button>
          ))}
        </div>
      )}
    </>
  )
}
