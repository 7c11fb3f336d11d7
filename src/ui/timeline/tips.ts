// Hover texts for the timeline: what a segment, a gap, a restart or a tick is, and why.
import type { CronTick, PodLane, RestartMark, Segment } from '../../engine/history/types.ts'
import type { Strings } from '../i18n.ts'
import { secs } from './rows.ts'

export interface Tip {
  title: string
  lines: string[]
}

const hms = (ms: number) => new Date(ms).toISOString().slice(11, 19)

export function explainSegment(l: PodLane, s: Segment, now: number, t: Strings): Tip {
  const to = s.to ?? now
  return {
    title: `${l.name}: ${t.phase[s.state] ?? s.state}`,
    lines: [`${hms(s.from)} – ${s.to === null ? '…' : hms(to)} (${t.duration(secs(to - s.from))})`, `STATUS ${s.status}`, ...(l.node ? [t.onNode(l.node)] : [])],
  }
}

export function explainRestart(l: PodLane, m: RestartMark, t: Strings): Tip {
  const backoff = l.segments.filter((s) => s.state === 'BackOff' && s.to !== null && Math.abs(s.to - m.at) < 1500).pop()
  const gap = backoff ? Math.round((backoff.to! - backoff.from) / 1000) : 0
  return {
    title: `${l.name} · ${m.container}`,
    lines: [t.restartWhy(m.count, gap, l.restartPolicy ?? 'OnFailure'), ...(m.exitCode !== undefined ? [`exit ${m.exitCode}${m.reason ? ` (${m.reason})` : ''}`] : [])],
  }
}

export function explainGap(ms: number, t: Strings): Tip {
  return { title: t.backoffTitle(Math.round(ms / 1000)), lines: [t.backoffWhy(Math.round(ms / 1000))] }
}

export function explainTick(k: CronTick, t: Strings): Tip {
  return {
    title: t.tick[k.kind] ?? k.kind,
    lines: [hms(k.at), ...(k.jobName ? [k.jobName] : []), ...(k.scheduledAt !== undefined ? [t.scheduledFor(`${new Date(k.scheduledAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`)] : [])],
  }
}
