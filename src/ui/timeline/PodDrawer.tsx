// Clicking a pod opens its logs and `kubectl describe`, asked from the worker.
import { useEffect, useState } from 'react'
import type { LabClient } from '../../worker/client.ts'
import { STRINGS } from '../i18n.ts'
import { usePrefs } from '../state/prefs.ts'

export function PodDrawer({ client, pod, onClose }: { client: LabClient; pod: { name: string; namespace: string }; onClose: () => void }) {
  const t = STRINGS[usePrefs((s) => s.lang)]
  const [tab, setTab] = useState<'logs' | 'describe'>('logs')
  const [text, setText] = useState('…')
  useEffect(() => {
    let live = true
    client.query(tab, pod.name, pod.namespace).then((s) => live && setText(s))
    return () => {
      live = false
    }
  }, [client, pod, tab])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    addEventListener('keydown', onKey)
    return () => removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <div className="drawer" role="dialog" aria-label={`${t.podDetails}: ${pod.name}`}>
      <h2 className="pane-title">
        {pod.name}
        <span className="spacer" />
        <span role="tablist" className="tabs" style={{ border: 0 }}>
          <button role="tab" aria-selected={tab === 'logs'} onClick={() => setTab('logs')}>
            {t.logs}
          </button>
          <button role="tab" aria-selected={tab === 'describe'} onClick={() => setTab('describe')}>
            {t.describe}
          </button>
        </span>
        <button onClick={onClose} aria-label={t.close} autoFocus>
          ✕
        </button>
      </h2>
      <pre tabIndex={0}>{text}</pre>
    </div>
  )
}
