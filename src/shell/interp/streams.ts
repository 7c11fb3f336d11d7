// Byte streams between commands: pipes that block the reader (cooperatively) and
// break for the writer when the reader is gone (SIGPIPE), strings as input,
// bounded capture for command substitution. Kernel pipe semantics, on our scheduler.
import type { InputStream, OutputStream, Wait } from '../api.ts'
import { SIGPIPE } from './control.ts'

/** Yielded by a reader with nothing to read yet: try again when something changes. */
export const BLOCKED: Wait = { until: Infinity }

/** A pipe buffer holds at most this much before the writer is made to wait. */
export const PIPE_CAPACITY = 64 * 1024
/** A command substitution keeps at most this much output (the rest is dropped). */
export const CAPTURE_LIMIT = 4 * 1024 * 1024

/** Counts changes that may unblock a waiting task (writes, closes, exits). */
export interface Activity {
  activity: number
}

export class Pipe {
  private chunks: string[] = []
  private head = 0
  size = 0
  /** The writer is done: readers get end of input after the buffer. */
  closed = false
  /** The reader is done: writes are dropped and the writer gets SIGPIPE. */
  broken = false
  /** Something was written after the reader was gone (the writer dies of SIGPIPE). */
  epipe = false

  constructor(private sched: Activity) {}

  write(s: string): void {
    if (this.broken) {
      if (s) this.epipe = true
      return
    }
    if (!s) return
    this.chunks.push(s)
    this.size += s.length
    this.sched.activity++
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.sched.activity++
  }

  breakPipe(): void {
    if (this.broken) return
    this.broken = true
    this.reset()
    this.sched.activity++
  }

  /** Offset of the first unread character in chunks[head] (no copying as lines are read). */
  private off = 0

  private reset(): void {
    this.chunks = []
    this.head = 0
    this.off = 0
    this.size = 0
  }

  /** Drop consumed chunks once everything is read. */
  private settle(): void {
    if (this.head >= this.chunks.length) this.reset()
    this.sched.activity++
  }

  /** Take one character, or '' when nothing is buffered. */
  takeChar(): string {
    if (!this.size) return ''
    const c = this.chunks[this.head]
    const ch = c[this.off++]
    if (this.off >= c.length) {
      this.head++
      this.off = 0
    }
    this.size--
    this.settle()
    return ch
  }

  /** Take everything buffered. */
  take(): string {
    if (!this.size) return ''
    const rest = this.chunks.slice(this.head)
    if (this.off) rest[0] = rest[0].slice(this.off)
    const out = rest.length === 1 ? rest[0] : rest.join('')
    this.reset()
    this.sched.activity++
    return out
  }

  /** Whether the last line takeLine returned ended with a newline. */
  lastNl = true

  /** Take one line (without its newline) if a whole line is buffered, or the rest at end of input. */
  takeLine(): string | null | undefined {
    for (let i = this.head; i < this.chunks.length; i++) {
      const c = this.chunks[i]
      const from = i === this.head ? this.off : 0
      const nl = c.indexOf('\n', from)
      if (nl < 0) continue
      let before: string
      if (i === this.head) before = c.slice(from, nl)
      else {
        const parts = [this.chunks[this.head].slice(this.off)]
        for (let j = this.head + 1; j < i; j++) parts.push(this.chunks[j])
        parts.push(c.slice(0, nl))
        before = parts.join('')
      }
      this.head = i
      this.off = nl + 1
      if (this.off >= c.length) {
        this.head++
        this.off = 0
      }
      this.size -= before.length + 1
      this.lastNl = true
      this.settle()
      return before
    }
    if (!this.closed) return undefined
    if (!this.size) return null
    this.lastNl = false
    return this.take()
  }
}

export class PipeReader implements InputStream, LineEnd {
  constructor(readonly pipe: Pipe) {}

  get lastNl(): boolean {
    return this.pipe.lastNl
  }

  *readAll(): Generator<Wait, string, void> {
    let out = ''
    for (;;) {
      out += this.pipe.take()
      if (this.pipe.closed) return out + this.pipe.take()
      yield BLOCKED
    }
  }

  *readLine(): Generator<Wait, string | null, void> {
    for (;;) {
      const l = this.pipe.takeLine()
      if (l !== undefined) return l
      yield BLOCKED
    }
  }

  /** One character at a time, as read -n reads (null at end of input). */
  *readChar(): Generator<Wait, string | null, void> {
    for (;;) {
      const c = this.pipe.takeChar()
      if (c) return c
      if (this.pipe.closed) return null
      yield BLOCKED
    }
  }

  *read(): Generator<Wait, string | null, void> {
    for (;;) {
      const s = this.pipe.take()
      if (s) return s
      if (this.pipe.closed) return null
      yield BLOCKED
    }
  }
}

export class PipeWriter implements OutputStream {
  constructor(readonly pipe: Pipe) {}
  write(chunk: string): void {
    if (this.pipe.broken && chunk) throw SIGPIPE
    this.pipe.write(chunk)
  }
}

/** Our streams tell whether the line just read ended with a newline (read's status at EOF). */
export interface LineEnd {
  lastNl: boolean
}

/** Input from a fixed text: a file, a here-document, /dev/null. */
export class StringInput implements InputStream, LineEnd {
  private pos = 0
  lastNl = true
  constructor(private text: string) {}

  *readAll(): Generator<Wait, string, void> {
    const out = this.pos ? this.text.slice(this.pos) : this.text
    this.pos = this.text.length
    return out
  }

  *readLine(): Generator<Wait, string | null, void> {
    return this.line()
  }

  *read(): Generator<Wait, string | null, void> {
    if (this.pos >= this.text.length) return null
    const out = this.pos ? this.text.slice(this.pos) : this.text
    this.pos = this.text.length
    return out
  }

  *readChar(): Generator<Wait, string | null, void> {
    if (this.pos >= this.text.length) return null
    return this.text[this.pos++]
  }

  /** Synchronous form of readLine for the shell's own use. */
  line(): string | null {
    if (this.pos >= this.text.length) return null
    const nl = this.text.indexOf('\n', this.pos)
    const end = nl < 0 ? this.text.length : nl
    const out = this.text.slice(this.pos, end)
    this.pos = nl < 0 ? end : nl + 1
    this.lastNl = nl >= 0
    return out
  }
}

export const EMPTY_INPUT: InputStream = {
  *readAll() {
    return ''
  },
  *readLine() {
    return null
  },
  *read() {
    return null
  },
}

/** Output kept in memory, up to a limit (command substitution). */
export class Capture implements OutputStream {
  private parts: string[] = []
  size = 0
  constructor(private limit = CAPTURE_LIMIT) {}
  write(chunk: string): void {
    if (this.size >= this.limit) return
    const room = this.limit - this.size
    const s = chunk.length > room ? chunk.slice(0, room) : chunk
    this.parts.push(s)
    this.size += s.length
  }
  text(): string {
    return this.parts.length === 1 ? this.parts[0] : this.parts.join('')
  }
}

export const NULL_OUTPUT: OutputStream = { write() {} }

/** Writes to a file in the VFS as they happen (the file was opened by a redirection). */
export class FileOutput implements OutputStream {
  constructor(private append: (s: string) => void) {}
  write(chunk: string): void {
    if (chunk) this.append(chunk)
  }
}
