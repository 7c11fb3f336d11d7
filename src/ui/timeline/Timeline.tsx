// The animated pod timeline: a lane per pod, grouped under its Job and CronJob,
// coloured by phase, with restart markers, back-off gaps, CronJob ticks and
// deadline/TTL markers. Virtualised: only the rows in view are rendered.
import { motion, useReducedMotion } from 'motion/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { LabClient } from '../../worker/client.ts'
import { STRINGS } from '../i18n.ts'
import { useLabState } from '../lab/useLab.ts'
import { usePrefs } from '../state/prefs.ts'
import { PodDrawer } from './PodDrawer.tsx'
import { buildRows, type Row } from './rows.ts'
import { explainGap, explainRestart, explainSegment, explainTick, type Tip } from './tips.ts'

const ROW = 24
const WINDOWS = [0, 5 * 60e3, 30 * 60e3, 2 * 3600e3, 24 * 3600e3]

export function Timeline({ client }: { client: LabClient }) {
  const lang = usePrefs((s) => s.lang)
  const t = STRINGS[lang]
  const snap = useLabState(client, (s) => s.timeline)
  const now = useLabState(client, (s) => s.now)
  const start = useLabState(client, (s) => s.start)
  const reduced = useReducedMotion()
  const box = useRef<HTMLDivElement>(null)
  const [scroll, setScroll] = useState({ top: 0, height: 400 })
  const [windowMs, setWindowMs] = useState(0)
  const [tip, setTip] = useState<(Tip & { x: number; y: number }) | null>(null)
  const [open, setOpen] = useState<{ name: string; namespace: string } | null>(null)
  const seen = useRef(new Set<string>())
  // The pod button that opened the drawer gets the focus back when it closes.
  const opener = useRef<HTMLButtonElement | null>(null)
  const closeDrawer = () => {
    setOpen(null)
    opener.current?.focus()
  }

  useEffect(() => {
    const el = box.current!
    const update = () => setScroll({ top: el.scrollTop, height: el.clientHeight })
    update()
    const ro = new ResizeObserver(update)
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  // A zoom or a scroll moves what was under the pointer away without a mouseleave: drop its hover text.
  useEffect(() => setTip(null), [windowMs, scroll.top])
  const rows = useMemo(() => (snap ? buildRows(snap) : []), [snap])
  const end = Math.max(now, start + 60e3)
  const view = windowMs ? { from: end - windowMs, to: end + windowMs * 0.03 } : { from: start, to: start + (end - start) * 1.04 }
  const x = (ms: number) => `${((ms - view.from) / (view.to - view.from)) * 100}%`
  const w = (a: number, b: number) => `${(Math.max(0, Math.min(b, view.to) - Math.max(a, view.from)) / (view.to - view.from)) * 100}%`
  const first = Math.max(0, Math.floor(scroll.top / ROW) - 5)
  const last = Math.min(rows.length, Math.ceil((scroll.top + scroll.height) / ROW) + 5)
  // Beside the pointer, but kept inside the window (the now-line and the latest runs are at its right edge).
  const showTip = (e: React.MouseEvent, tipv: Tip) => setTip({ ...tipv, x: Math.max(4, Math.min(e.clientX + 12, innerWidth - 370)), y: Math.min(e.clientY + 12, innerHeight - 120) })

  const renderRow = (r: Row) => {
    if (r.kind === 'cron')
      return (
        <>
          <div className="tl-label group" title={r.schedule}>
            <span className="kind-badge">CronJob</span> {r.name} <span style={{ fontWeight: 400, color: 'var(--muted)' }}>{r.schedule}</span>
          </div>
          <div className="tl-track">
            {r.ticks.filter((k) => k.at >= view.from).map((k, i) => (
              <span key={i} className="tick" data-kind={k.kind} style={{ left: x(k.at) }} onMouseEnter={(e) => showTip(e, explainTick(k, t))} onMouseLeave={() => setTip(null)} />
            ))}
          </div>
        </>
      )
    if (r.kind === 'job') {
      const j = r.job
      const fin = j.finishedAt ?? now
      const deadline = j.startTime !== undefined && j.activeDeadlineSeconds !== undefined ? j.startTime + j.activeDeadlineSeconds * 1000 : undefined
      const ttl = j.finishedAt !== undefined && j.ttlSecondsAfterFinished !== undefined ? j.finishedAt + j.ttlSecondsAfterFinished * 1000 : undefined
      return (
        <>
          <div className="tl-label group" style={{ paddingLeft: 8 + r.depth * 14 }} title={j.name} data-job-name={j.name} data-outcome={j.outcome ?? 'Running'}>
            {j.outcome === 'Complete' ? '✓ ' : j.outcome === 'Failed' ? '✗ ' : '▸ '}
            {j.name}
          </div>
          <div className="tl-track">
            <span className="gap" style={{ left: x(Math.max(j.createdAt, view.from)), width: w(j.createdAt, fin), borderTopStyle: 'solid', borderTopColor: 'var(--border)' }} />
            {deadline !== undefined && deadline >= view.from && deadline <= view.to && <span className="marker" style={{ left: x(deadline) }} title={`${t.deadline}: ${j.activeDeadlineSeconds}s`} />}
            {ttl !== undefined && ttl >= view.from && ttl <= view.to && <span className="marker ttl" style={{ left: x(ttl) }} title={`${t.ttl} (${j.ttlSecondsAfterFinished}s)`} />}
          </div>
        </>
      )
    }
    const l = r.lane
    const isNew = !seen.current.has(l.uid)
    seen.current.add(l.uid)
    const gap = r.prev?.finishedAt !== undefined && l.restartPolicy === 'Never' && r.prev.phase === 'Failed' ? { from: r.prev.finishedAt, to: l.createdAt } : null
    return (
      <>
        <div className="tl-label" style={{ paddingLeft: 8 + r.depth * 14 }}>
          <button className="linklike" onClick={(e) => ((opener.current = e.currentTarget), setOpen({ name: l.name, namespace: l.namespace }))} aria-label={`${t.podDetails}: ${l.name}`}>
            {l.name}
          </button>
        </div>
        <motion.div className="tl-track" data-pod-name={l.name} data-phase={l.phase} initial={isNew && !reduced ? { opacity: 0, x: -8 } : false} animate={{ opacity: 1, x: 0 }} transition={{ duration: 0.25 }}>
          {gap && gap.to >= view.from && (
            <span className="gap" style={{ left: x(Math.max(gap.from, view.from)), width: w(gap.from, gap.to) }} onMouseEnter={(e) => showTip(e, explainGap(gap.to - gap.from, t))} onMouseLeave={() => setTip(null)}>
              <span>{Math.round((gap.to - gap.from) / 1000)}s</span>
            </span>
          )}
          {l.segments.map((s, i) =>
            (s.to ?? now) < view.from ? null : (
              <span key={i} className="seg" data-state={s.state} style={{ left: x(Math.max(s.from, view.from)), width: w(s.from, s.to ?? now) }} onMouseEnter={(e) => showTip(e, explainSegment(l, s, now, t))} onMouseLeave={() => setTip(null)} />
            ),
          )}
          {l.restarts.filter((m) => m.at >= view.from).map((m, i) => (
            <span key={'r' + i} className="restart" style={{ left: x(m.at) }} onMouseEnter={(e) => showTip(e, explainRestart(l, m, t))} onMouseLeave={() => setTip(null)} />
          ))}
        </motion.div>
      </>
    )
  }

  return (
    <>
      <div style={{ display: 'flex', gap: 8, padding: '2px 10px', alignItems: 'center', fontSize: 12 }}>
        <label>
          <span className="visually-hidden">{t.zoom}</span>
          <select value={windowMs} onChange={(e) => setWindowMs(Number(e.target.value))} aria-label={t.zoom}>
            {WINDOWS.map((v) => (
              <option key={v} value={v}>
                {v === 0 ? t.zoomFit : v < 3600e3 ? t.zoomMinutes(v / 60e3) : v < 86400e3 ? t.zoomHours(v / 3600e3) : t.zoomDay}
              </option>
            ))}
          </select>
        </label>
        <span style={{ color: 'var(--muted)' }}>
          {snap ? t.podsAndJobs(snap.lanes.length, snap.jobs.length) : ''}
        </span>
      </div>
      <div className="timeline" ref={box} onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })} role="region" aria-label={t.podLanes} tabIndex={0}>
        {!rows.length && <p className="empty">{t.noPods}</p>}
        <div style={{ height: rows.length * ROW, position: 'relative' }}>
          <div style={{ position: 'absolute', left: 'var(--tl-label)', right: 0, top: 0, bottom: 0 }}>
            <span className="now-line" style={{ left: x(now) }} />
          </div>
          {rows.slice(first, last).map((r, i) => (
            <div key={r.key} className="tl-row" style={{ top: (first + i) * ROW, height: ROW }}>
              {renderRow(r)}
            </div>
          ))}
        </div>
      </div>
      <div className="legend" aria-hidden>
        {['Pending', 'ContainerCreating', 'Running', 'Succeeded', 'Failed', 'BackOff', 'Terminating'].map((s) => (
          <span key={s}>
            <i className="seg" data-state={s} style={{ position: 'static', display: 'inline-block' }} />
            {t.phase[s]}
          </span>
        ))}
      </div>
      {tip && (
        <div className="tl-tooltip" style={{ left: tip.x, top: tip.y }} role="tooltip">
          <strong>{tip.title}</strong>
          {tip.lines.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </div>
      )}
      {open && <PodDrawer client={client} pod={open} onClose={closeDrawer} />}
    </>
  )
}
