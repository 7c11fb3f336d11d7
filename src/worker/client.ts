// The page's side of the simulation worker: a vanilla store fed by the worker's
// messages (React reads it through selectors), the input log persisted for
// reload, and recovery: if the worker dies, a new one replays the log.
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { FromWorker, InputEntry, LabInit, Stepped, TimelineSnapshot, ToWorker } from './protocol.ts'

export interface CheckResult {
  id: string
  passed: boolean
  message: string
  hint?: string
}

export interface LabState {
  status: 'booting' | 'ready' | 'recovering' | 'failed'
  now: number
  start: number
  playing: boolean
  speed: number
  horizon: number
  nextEvent: number
  /** A long jump ahead the worker is running in slices: from and to, virtual ms. */
  jump: { from: number; to: number } | null
  /** What the last "Next event" stepped to. */
  stepped: Stepped | null
  busy: boolean
  timeline: TimelineSnapshot | null
  checks: CheckResult[]
  applyErrors: Record<string, { message: string; line?: number; column?: number; field?: string }[]>
  notice: string | null
}

export type OutputListener = (data: string, stream: 'stdout' | 'stderr') => void
export type PromptListener = (prompt: string, code: number, more: boolean) => void

export interface LabEvents {
  onJobFinished?: (name: string, outcome: 'Complete' | 'Failed') => void
  onApplied?: (file: string, ok: boolean) => void
  onCheckPassed?: (id: string) => void
  onLog?: (log: InputEntry[]) => void
  onReady?: () => void
}

export class LabClient {
  readonly store: StoreApi<LabState>
  private worker: Worker | null = null
  private output = new Set<OutputListener>()
  private prompt = new Set<PromptListener>()
  private resetListeners = new Set<() => void>()
  private echo = new Set<(prompt: string, line: string) => void>()
  private pending = new Map<number, (v: unknown) => void>()
  private nextId = 1
  private log: InputEntry[]
  private passed = new Set<string>()
  private disposed = false
  private winsize: [number, number] | undefined

  constructor(
    private init: LabInit,
    private makeWorker: () => Worker,
    private events: LabEvents = {},
  ) {
    this.log = [...init.log]
    this.store = createStore<LabState>(() => ({
      status: 'booting',
      now: init.start,
      start: init.start,
      playing: false,
      speed: 10,
      horizon: init.start,
      nextEvent: Infinity,
      jump: null,
      stepped: null,
      busy: false,
      timeline: null,
      checks: [],
      applyErrors: {},
      notice: null,
    }))
    this.boot(init)
  }

  private boot(init: LabInit): void {
    const w = this.makeWorker()
    this.worker = w
    w.onmessage = (e: MessageEvent<FromWorker>) => this.onMessage(e.data)
    w.onerror = (e) => {
      e.preventDefault?.()
      this.recover(String(e.message ?? 'worker error'))
    }
    this.post({ type: 'init', init: { ...init, log: this.log } })
    // A new worker (after a crash) starts at 80x24: tell it the terminal's size again.
    if (this.winsize) this.post({ type: 'resize', cols: this.winsize[0], rows: this.winsize[1] })
  }

  private recover(why: string): void {
    if (this.disposed) return
    console.error('batchlab worker failed:', why)
    this.worker?.terminate()
    this.store.setState({ status: 'recovering', playing: false, jump: null })
    // The new worker replays the whole session into the terminal: start it from a clean screen.
    for (const l of this.resetListeners) l()
    this.boot({ ...this.init, log: this.log })
  }

  dispose(): void {
    this.disposed = true
    this.worker?.terminate()
    this.worker = null
  }

  private post(msg: ToWorker): void {
    this.worker?.postMessage(msg)
  }

  private onMessage(m: FromWorker): void {
    const set = this.store.setState
    switch (m.type) {
      case 'ready': {
        const wasRecovering = this.store.getState().status === 'recovering'
        set({ status: 'ready', now: m.now, notice: wasRecovering ? 'restored' : null })
        this.events.onReady?.()
        break
      }
      case 'output':
        // With no terminal on the page (panes without it), nobody draws the output: it is read.
        if (!this.output.size) this.ack(m.data.length)
        for (const l of this.output) l(m.data, m.stream)
        break
      case 'echo':
        for (const l of this.echo) l(m.prompt, m.line)
        break
      case 'prompt':
        set({ busy: false })
        for (const l of this.prompt) l(m.prompt, m.code, !!m.more)
        break
      case 'busy':
        set({ busy: true })
        break
      case 'clock':
        set({ now: m.now, playing: m.playing, speed: m.speed, horizon: m.horizon, nextEvent: m.nextEvent, jump: m.jump ?? null })
        break
      case 'stepped': {
        const { type: _, ...stepped } = m
        set({ stepped })
        break
      }
      case 'timeline':
        set({ timeline: m.snapshot })
        break
      case 'applied':
        set((s) => ({ applyErrors: { ...s.applyErrors, [m.file]: m.errors } }))
        this.events.onApplied?.(m.file, m.ok)
        break
      case 'checks':
        set({ checks: m.results })
        for (const r of m.results)
          if (r.passed && !this.passed.has(r.id)) {
            this.passed.add(r.id)
            this.events.onCheckPassed?.(r.id)
          }
        break
      case 'jobFinished':
        this.events.onJobFinished?.(m.name, m.outcome)
        break
      case 'completions':
      case 'queryResult': {
        const resolve = this.pending.get(m.id)
        this.pending.delete(m.id)
        resolve?.(m.type === 'completions' ? { items: m.items, replaceFrom: m.replaceFrom } : m.text)
        break
      }
      case 'log':
        this.log.push(m.entry)
        this.events.onLog?.(this.log)
        break
      case 'logReset':
        this.log = [...m.log]
        this.events.onLog?.(this.log)
        break
      case 'reset':
        for (const l of this.resetListeners) l()
        break
      case 'fatal':
        this.recover(m.message)
        break
    }
  }

  onOutput(l: OutputListener): () => void {
    this.output.add(l)
    return () => this.output.delete(l)
  }

  /** A replayed line, to show after its (coloured) prompt. */
  onEcho(l: (prompt: string, line: string) => void): () => void {
    this.echo.add(l)
    return () => this.echo.delete(l)
  }

  onReset(l: () => void): () => void {
    this.resetListeners.add(l)
    return () => this.resetListeners.delete(l)
  }

  onPrompt(l: PromptListener): () => void {
    this.prompt.add(l)
    return () => this.prompt.delete(l)
  }

  runLine(line: string): void {
    this.store.setState({ busy: true })
    this.post({ type: 'line', line })
  }

  /** The terminal has drawn `chars` characters of output (flow control). */
  ack(chars: number): void {
    this.post({ type: 'ack', chars })
  }

  resize(cols: number, rows: number): void {
    this.winsize = [cols, rows]
    this.post({ type: 'resize', cols, rows })
  }

  interrupt(): void {
    this.post({ type: 'interrupt' })
  }

  writeFile(name: string, content: string): void {
    this.post({ type: 'file', name, content })
  }

  play(speed = this.store.getState().speed): void {
    this.post({ type: 'play', speed })
  }

  pause(): void {
    this.post({ type: 'pause' })
  }

  setSpeed(speed: number): void {
    this.store.setState({ speed })
    this.post({ type: 'speed', speed })
  }

  step(): void {
    this.post({ type: 'step' })
  }

  jump(ms: number): void {
    this.post({ type: 'jump', ms })
  }

  seek(at: number): void {
    this.post({ type: 'seek', at })
  }

  complete(line: string): Promise<{ items: string[]; replaceFrom: number }> {
    const id = this.nextId++
    this.post({ type: 'complete', id, line })
    return new Promise((r) => this.pending.set(id, r as (v: unknown) => void))
  }

  query(what: 'logs' | 'describe', pod: string, namespace: string): Promise<string> {
    const id = this.nextId++
    this.post({ type: 'query', id, what, pod, namespace })
    return new Promise((r) => this.pending.set(id, r as (v: unknown) => void))
  }

  /** Report check messages and hints in this language from now on (a restored worker too). */
  setLang(lang: 'ko' | 'en'): void {
    if (this.init.lang === lang) return
    this.init = { ...this.init, lang }
    this.post({ type: 'lang', lang })
  }

  /** Make the worker fail as a bug would (tests of recovery). */
  crashForTest(): void {
    this.post({ type: 'crash' })
  }

  inputLog(): InputEntry[] {
    return this.log
  }
}
