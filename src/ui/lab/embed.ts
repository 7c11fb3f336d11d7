// The embed page's conversation with the page around its iframe: it announces
// itself, reports what happens (applied, job finished, check passed), tells its
// height, and obeys play/pause/setSpeed/loadManifest. Commands are accepted only
// from the parent window, and from origins listed in `?origins=` when given.
import { useEffect, useMemo, useRef } from 'react'
import type { LabClient } from '../../worker/client.ts'

export type EmbedMessage =
  | { type: 'batchlab:ready'; lesson?: string }
  | { type: 'batchlab:applied'; file: string; ok: boolean }
  | { type: 'batchlab:job-finished'; name: string; outcome: string }
  | { type: 'batchlab:check-passed'; lesson: string; check: string }
  | { type: 'batchlab:height'; height: number }

export interface EmbedHooks {
  loadManifest(name: string, content: string): void
}

export function allowedOrigin(origin: string, search: string, referrer: string): boolean {
  const list = new URLSearchParams(search).get('origins')
  if (list) return list.split(',').map((s) => s.trim()).includes(origin)
  try {
    return !referrer || new URL(referrer).origin === origin
  } catch {
    return false
  }
}

export function useEmbedBridge(embed: boolean, client: LabClient, hooks: EmbedHooks) {
  const parent = embed && window.parent !== window ? window.parent : null
  const hooksRef = useRef(hooks)
  hooksRef.current = hooks
  const bridge = useMemo(() => {
    const post = (m: EmbedMessage) => parent?.postMessage(m, '*')
    return { post, ready: () => post({ type: 'batchlab:ready', lesson: location.pathname.split('/').pop() }) }
  }, [parent])

  useEffect(() => {
    if (!parent) return
    const onMessage = (e: MessageEvent) => {
      if (e.source !== parent || !allowedOrigin(e.origin, location.search, document.referrer)) return
      const m = e.data as { type?: string; speed?: number; name?: string; content?: string }
      switch (m?.type) {
        case 'play':
          client.play(typeof m.speed === 'number' ? m.speed : undefined)
          break
        case 'pause':
          client.pause()
          break
        case 'setSpeed':
          if (typeof m.speed === 'number') client.setSpeed(Math.max(1, Math.min(600, m.speed)))
          break
        case 'loadManifest':
          if (typeof m.content === 'string') hooksRef.current.loadManifest(m.name ?? 'manifest.yaml', m.content)
          break
      }
    }
    addEventListener('message', onMessage)
    // The lab fills its iframe and, when narrow, scrolls its panes inside: the height to
    // report is the one at which nothing would scroll (the panes' own height, not the frame's).
    let last = 0
    const report = () => {
      const main = document.querySelector('.lab-main')
      const height = document.documentElement.scrollHeight + (main ? main.scrollHeight - main.clientHeight : 0)
      if (height !== last) bridge.post({ type: 'batchlab:height', height: (last = height) })
    }
    const ro = new ResizeObserver(report)
    ro.observe(document.body)
    for (const pane of document.querySelectorAll('.lab-main > *')) ro.observe(pane)
    return () => {
      removeEventListener('message', onMessage)
      ro.disconnect()
    }
  }, [parent, client, bridge])
  return bridge
}
