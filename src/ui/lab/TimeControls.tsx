// Play, pause, speed, step to the next event, jump ahead, and a scrubber that
// rewinds (the worker replays the input log from the seed up to that moment).
import { useEffect, useRef, useState } from 'react'
import { SPEEDS } from '../../app/route.ts'
import type { LabClient } from '../../worker/client.ts'
import { STRINGS } from '../i18n.ts'
import { usePrefs } from '../state/prefs.ts'
import { stepText } from './step-text.ts'
import { useLabState } from './useLab.ts'

const MIN = 60_000
const SLIDER_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'])

export function formatClock(ms: number, zone = 'UTC'): string {
  const d = new Date(ms)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${zone}`
}

export function TimeControls({ client, onPlay, applies = true, extra }: { client: LabClient; onPlay: () => void; applies?: boolean; extra?: React.ReactNode }) {
  const lang = usePrefs((s) => s.lang)
  const t = STRINGS[lang]
  const now = useLabState(client, (s) => s.now)
  const start = useLabState(client, (s) => s.start)
  const horizon = useLabState(client, (s) => s.horizon)
  const playing = useLabState(client, (s) => s.playing)
  const speed = useLabState(client, (s) => s.speed)
  const status = useLabState(client, (s) => s.status)
  const notice = useLabState(client, (s) => s.notice)
  const jump = useLabState(client, (s) => s.jump)
  const stepped = useLabState(client, (s) => s.stepped)
  const [drag, setDrag] = useState<number | null>(null)
  // While the pointer holds the thumb, the clock ticking on (playing) must not take it back.
  const holding = useRef(false)
  useEffect(() => {
    if (!holding.current) setDrag(null)
  }, [now])
  const max = Math.max(horizon, now, start + MIN)
  const ready = status === 'ready'
  // While the worker runs a long jump the clock moves on in slices: say so. Another jump meanwhile goes on from its end.
  const jumpDone = jump ? Math.min(99, Math.floor(((now - jump.from) / Math.max(1, jump.to - jump.from)) * 100)) : 0
  // The slider moves in whole seconds from the start: its last step is the latest moment
  // reached (the horizon may fall between two), so that the last commands come back too.
  const settle = (at: number) => (at > max - 1000 ? max : at)
  // A speed from the URL (?speed=45) or the embedding page that is not in the list is shown as it is.
  return (
    <div className="controls" role="toolbar" aria-label={t.clock}>
      {playing ? (
        <button onClick={() => client.pause()} disabled={!ready} aria-label={t.pause}>
          ❚❚ {t.pause}
        </button>
      ) : (
        <button className="primary" onClick={onPlay} disabled={!ready} aria-label={applies ? t.applyAndPlay : t.play}>
          ▶ {t.play}
        </button>
      )}
      <label>
        <span className="visually-hidden">{t.speed}</span>
        <select value={speed} onChange={(e) => client.setSpeed(Number(e.target.value))} aria-label={t.speed}>
          {(SPEEDS.includes(speed) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b)).map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <button onClick={() => client.step()} disabled={!ready} title={t.stepEvent}>
        {t.stepShort}
      </button>
      <button onClick={() => client.jump(MIN)} disabled={!ready} aria-label={t.jumpLabel(t.jumpMinute)}>
        {t.jumpMinute}
      </button>
      <button onClick={() => client.jump(60 * MIN)} disabled={!ready} aria-label={t.jumpLabel(t.jumpHour)}>
        {t.jumpHour}
      </button>
      <button onClick={() => client.jump(24 * 60 * MIN)} disabled={!ready} aria-label={t.jumpLabel(t.jumpDay)}>
        {t.jumpDay}
      </button>
      <input
        className="scrubber"
        type="range"
        min={start}
        max={max}
        step={1000}
        value={drag ?? now}
        aria-label={t.scrubber}
        aria-valuetext={formatClock(drag ?? now)}
        onChange={(e) => setDrag(Number(e.target.value))}
        onPointerDown={() => (holding.current = true)}
        onPointerUp={() => {
          holding.current = false
          if (drag !== null) client.seek(settle(drag))
        }}
        // Keys that move the slider hold it the same way, and seek once released.
        onKeyDown={(e) => SLIDER_KEYS.has(e.key) && (holding.current = true)}
        onKeyUp={(e) => {
          if (!SLIDER_KEYS.has(e.key)) return
          holding.current = false
          if (drag !== null) client.seek(settle(drag))
        }}
      />
      <output className="clock" aria-live="off" title={t.clock}>
        {formatClock(drag ?? now)}
      </output>
      <span className="notice busy" role="status" aria-live="polite">
        {jump && (
          <>
            {t.simulating} <span aria-hidden="true">{jumpDone}%</span>
          </>
        )}
      </span>
      {/* What "Next event" stepped to, while the clock stays there. */}
      <span className="notice step" role="status" aria-live="polite">
        {stepped && stepped.at === now && !jump && stepText(t, stepped)}
      </span>
      {status === 'recovering' && <span className="notice">{t.workerFailed}</span>}
      {notice === 'restored' && status === 'ready' && <span className="notice">{t.workerRestored}</span>}
      {extra}
    </div>
  )
}
