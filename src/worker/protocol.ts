// Messages between the page and the simulation worker. The worker owns the
// cluster and the terminal; the page sends intents and renders what comes back.
// Everything that changes the simulation is also an entry of the input log, so a
// lab can be rebuilt (rewind, reload, worker crash) by replaying it from the seed.

/** One user action, stamped with the virtual time it happened at. */
export type InputEntry =
  | { at: number; kind: 'line'; line: string }
  | { at: number; kind: 'interrupt' }
  | { at: number; kind: 'file'; name: string; content: string }

export interface LabInit {
  lessonId: string
  seed: number
  /** Virtual start, ms since the epoch. */
  start: number
  files: { name: string; content: string }[]
  checks: unknown[]
  /** Replay these first (restore after reload or crash). */
  log: InputEntry[]
  /** Where to stop replaying (virtual ms); the end of the log when absent. */
  until?: number
  lang: 'ko' | 'en'
  /** The page acknowledges terminal output it has drawn ('ack'); the worker waits when too much is unread. */
  flowControl?: boolean
}

export type ToWorker =
  | { type: 'init'; init: LabInit }
  | { type: 'line'; line: string }
  | { type: 'interrupt' }
  /** The terminal's size changed (what `ls` and `watch` lay out by, as TIOCGWINSZ gives). */
  | { type: 'resize'; cols: number; rows: number }
  | { type: 'complete'; id: number; line: string }
  | { type: 'file'; name: string; content: string }
  | { type: 'play'; speed: number }
  | { type: 'pause' }
  | { type: 'speed'; speed: number }
  | { type: 'step' }
  | { type: 'jump'; ms: number }
  | { type: 'seek'; at: number }
  | { type: 'query'; id: number; what: 'logs' | 'describe'; pod: string; namespace: string }
  /** The terminal has drawn this many characters of output. */
  | { type: 'ack'; chars: number }
  /** The student switched languages: check messages and hints follow. */
  | { type: 'lang'; lang: 'ko' | 'en' }
  /** Test hook: fail as a worker bug would, so recovery can be exercised. */
  | { type: 'crash' }

export interface TimelineSnapshot {
  now: number
  start: number
  version: number
  lanes: import('../engine/history/types.ts').PodLane[]
  jobs: import('../engine/history/types.ts').JobRecord[]
  ticks: readonly import('../engine/history/types.ts').CronTick[]
  cronJobs: { name: string; namespace: string; schedule: string; timeZone?: string; suspend: boolean; createdAt: number; next?: number }[]
}

/** A change "Next event" stepped to, as `kubectl get` would show it (step.ts). */
export interface StepChange {
  kind: 'Pod' | 'Job' | 'CronJob'
  name: string
  verb: 'created' | 'deleted' | 'scheduled' | 'status' | 'completions'
  /** The new STATUS or COMPLETIONS, or the node. */
  detail?: string
}

export type FromWorker =
  | { type: 'ready'; now: number }
  | { type: 'output'; data: string; stream: 'stdout' | 'stderr' }
  /** A replayed line, shown after its prompt as if typed. */
  | { type: 'echo'; prompt: string; line: string }
  | { type: 'prompt'; prompt: string; code: number; more?: boolean }
  /** The lab was rebuilt (seek back, reset): clear the terminal before the replayed output. */
  | { type: 'reset' }
  /** The input log was cut (new input after a rewind). */
  | { type: 'logReset'; log: InputEntry[] }
  | { type: 'busy' }
  /** `jump`: a long jump ahead in progress (virtual ms it started from and goes to), run in slices. */
  | { type: 'clock'; now: number; playing: boolean; speed: number; horizon: number; nextEvent: number; jump?: { from: number; to: number } }
  | { type: 'timeline'; snapshot: TimelineSnapshot }
  /** "Next event" moved the clock from `from` to `at`: what changed (the first few), how many more, or that nothing is pending. */
  | { type: 'stepped'; from: number; at: number; changes: StepChange[]; more: number; idle: boolean }
  | { type: 'applied'; file: string; ok: boolean; errors: { message: string; line?: number; column?: number; field?: string }[] }
  | { type: 'checks'; results: { id: string; passed: boolean; message: string; hint?: string }[] }
  | { type: 'jobFinished'; name: string; namespace: string; outcome: 'Complete' | 'Failed' }
  | { type: 'completions'; id: number; items: string[]; replaceFrom: number }
  | { type: 'queryResult'; id: number; text: string }
  | { type: 'log'; entry: InputEntry }
  | { type: 'fatal'; message: string }

/** What a "Next event" stepped to. */
export type Stepped = Omit<Extract<FromWorker, { type: 'stepped' }>, 'type'>
