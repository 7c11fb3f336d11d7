// The terminal's line discipline: what a key does to the line being typed, the
// history, and what to send. Pure, so it is tested without a browser; the xterm
// view only renders what this returns.

export type EditorAction =
  | { kind: 'render' }
  | { kind: 'submit'; line: string }
  | { kind: 'interrupt' }
  | { kind: 'clear' }
  | { kind: 'complete'; line: string }
  | { kind: 'none' }

export class LineEditor {
  line = ''
  cursor = 0
  private history: string[] = []
  private histIndex = 0
  private draft = ''

  constructor(history: string[] = []) {
    this.history = [...history]
    this.histIndex = this.history.length
  }

  reset(): void {
    this.line = ''
    this.cursor = 0
    this.histIndex = this.history.length
  }

  setLine(line: string): void {
    this.line = line
    this.cursor = line.length
  }

  /** Feed one key sequence as xterm's onData gives it. */
  key(data: string): EditorAction {
    switch (data) {
      case '\r':
        return this.submit()
      case '\x03':
        return { kind: 'interrupt' }
      case '\x0c':
        return { kind: 'clear' }
      case '\t':
        return { kind: 'complete', line: this.line.slice(0, this.cursor) }
      case '\x7f':
      case '\b':
        if (!this.cursor) return { kind: 'none' }
        this.line = this.line.slice(0, this.cursor - 1) + this.line.slice(this.cursor)
        this.cursor--
        return { kind: 'render' }
      case '\x1b[3~':
        this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + 1)
        return { kind: 'render' }
      case '\x1b[D':
      case '\x02':
        this.cursor = Math.max(0, this.cursor - 1)
        return { kind: 'render' }
      case '\x1b[C':
      case '\x06':
        this.cursor = Math.min(this.line.length, this.cursor + 1)
        return { kind: 'render' }
      case '\x1b[H':
      case '\x01':
        this.cursor = 0
        return { kind: 'render' }
      case '\x1b[F':
      case '\x05':
        this.cursor = this.line.length
        return { kind: 'render' }
      case '\x15':
        this.line = this.line.slice(this.cursor)
        this.cursor = 0
        return { kind: 'render' }
      case '\x0b':
        this.line = this.line.slice(0, this.cursor)
        return { kind: 'render' }
      case '\x17': {
        const before = this.line.slice(0, this.cursor).replace(/\S+\s*$/, '')
        this.line = before + this.line.slice(this.cursor)
        this.cursor = before.length
        return { kind: 'render' }
      }
      case '\x1b[A':
      case '\x10':
        return this.recall(-1)
      case '\x1b[B':
      case '\x0e':
        return this.recall(1)
    }
    if (data.startsWith('\x1b')) return { kind: 'none' }
    // Typed or pasted text; a pasted newline submits the line so far.
    const nl = data.search(/[\r\n]/)
    if (nl >= 0) {
      this.insert(data.slice(0, nl))
      return this.submit()
    }
    this.insert(data.replace(/[\x00-\x1f]/g, ''))
    return { kind: 'render' }
  }

  /** Remaining pasted text after a newline, for the caller to queue. */
  static splitPaste(data: string): string[] {
    return data.replace(/\r\n/g, '\n').replace(/\r/g, '\n').split('\n')
  }

  private insert(s: string): void {
    this.line = this.line.slice(0, this.cursor) + s + this.line.slice(this.cursor)
    this.cursor += s.length
  }

  private submit(): EditorAction {
    const line = this.line
    this.remember(line)
    this.reset()
    return { kind: 'submit', line }
  }

  /** Forget the history (the lab is rebuilt, and its replay tells the lines again). */
  clearHistory(): void {
    this.history = []
    this.reset()
  }

  /** Add a line run some other way (replayed after a reload, a lesson's run button) to the history. */
  remember(line: string): void {
    if (line.trim() && this.history[this.history.length - 1] !== line) this.history.push(line)
    if (this.history.length > 500) this.history.shift()
    this.histIndex = this.history.length
  }

  private recall(dir: -1 | 1): EditorAction {
    if (this.histIndex === this.history.length) this.draft = this.line
    const next = this.histIndex + dir
    if (next < 0 || next > this.history.length) return { kind: 'none' }
    this.histIndex = next
    this.setLine(next === this.history.length ? this.draft : this.history[next])
    return { kind: 'render' }
  }

  get entries(): string[] {
    return this.history
  }
}
