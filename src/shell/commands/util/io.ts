// Reading inputs the way busybox applets do: operands in order, `-` for stdin,
// streamed line by line so pipelines stay live (`kubectl get pods -w | grep Running`).
// Upstream: busybox libbb/wfopen_input.c, libbb/get_line_from_file.c.
import type { CommandContext, InputStream, Wait } from '../../api.ts'
import { procSelf } from '../../fs/procfs.ts'
import { FsError, normalize } from '../../fs/vfs.ts'

export type Reader = Generator<Wait, string | null, void>

/** The applet's name as busybox sees it: the last component of argv[0]. */
export function appletName(ctx: CommandContext): string {
  const a = ctx.argv[0] ?? ''
  return a.slice(a.lastIndexOf('/') + 1)
}

/** Read stdin to its end, streaming through `read()` when the host offers it. */
export function* readAllStdin(stdin: InputStream): Generator<Wait, string, void> {
  if (!stdin.read) return yield* stdin.readAll()
  let out = ''
  for (;;) {
    const chunk = yield* stdin.read()
    if (chunk === null) return out
    out += chunk
  }
}

/** A source of text chunks: stdin or a file's whole content. */
export interface Source {
  /** The next chunk, or null at the end. */
  next(): Reader
}

export function stdinSource(stdin: InputStream): Source {
  if (stdin.read) {
    const read = stdin.read.bind(stdin)
    return { next: read }
  }
  let done = false
  return {
    *next() {
      if (done) return null
      done = true
      const all = yield* stdin.readAll()
      return all === '' ? null : all
    },
  }
}

export function textSource(text: string): Source {
  let done = text === ''
  return {
    *next() {
      if (done) return null
      done = true
      return text
    },
  }
}

/** Splits a stream of chunks into lines; `nl` tells whether the line ended with a newline. */
export class Lines {
  private buf = ''
  private pos = 0
  private ended = false

  constructor(private src: Source, private sep = '\n') {}

  *next(): Generator<Wait, { text: string; nl: boolean } | null, void> {
    for (;;) {
      const i = this.buf.indexOf(this.sep, this.pos)
      if (i >= 0) {
        const text = this.buf.slice(this.pos, i)
        this.pos = i + 1
        return { text, nl: true }
      }
      if (this.ended) {
        if (this.pos >= this.buf.length) return null
        const text = this.buf.slice(this.pos)
        this.pos = this.buf.length
        return { text, nl: false }
      }
      const chunk = yield* this.src.next()
      this.buf = this.buf.slice(this.pos)
      this.pos = 0
      if (chunk === null) this.ended = true
      else this.buf += chunk
    }
  }
}

/** Special files the VFS does not hold: devices every container has. */
function deviceText(ctx: CommandContext, abs: string): string | undefined {
  if (abs === '/dev/null') return ''
  if (abs === '/dev/zero') return '\0'.repeat(DEVICE_READ_BYTES)
  if (abs === '/dev/urandom' || abs === '/dev/random') {
    let s = ''
    for (let i = 0; i < DEVICE_READ_BYTES; i++) s += String.fromCharCode(ctx.host.random() & 0xff)
    return s
  }
  return undefined
}

/** Endless devices are read as one bounded block: enough for `head -c`, never a hang. */
const DEVICE_READ_BYTES = 65536

export type OpenResult = { ok: true; source: Source } | { ok: false; error: FsError }

/** Open an operand for reading: `-` and /dev/stdin are stdin. */
export function openInput(ctx: CommandContext, path: string): OpenResult {
  if (path === '-' || path === '/dev/stdin' || path === '/proc/self/fd/0') return { ok: true, source: stdinSource(ctx.stdin) }
  const abs = normalize(path, ctx.cwd)
  const dev = abs.startsWith('/proc/self/') ? procSelf(ctx, abs.slice(11)) : deviceText(ctx, abs)
  if (dev !== undefined) return { ok: true, source: textSource(dev) }
  try {
    return { ok: true, source: textSource(ctx.fs.readFile(path, ctx.cwd)) }
  } catch (e) {
    if (e instanceof FsError) return { ok: false, error: e }
    throw e
  }
}

/** Read a whole operand; null after printing nothing (the caller words the error). */
export function* readInput(ctx: CommandContext, path: string): Generator<Wait, string | FsError, void> {
  const r = openInput(ctx, path)
  if (!r.ok) return r.error
  let out = ''
  for (;;) {
    const chunk = yield* r.source.next()
    if (chunk === null) return out
    out += chunk
  }
}

/** Bytes of a string as UTF-8 would store it (what `wc -c` and `ls -l` count). */
export function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

/** UTF-8 bytes of a string (one number 0-255 per byte). */
export function utf8Encode(s: string): number[] {
  const out: number[] = []
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

/** Decode UTF-8 bytes; a malformed sequence keeps its bytes as Latin-1 characters. */
export function utf8Decode(bytes: ArrayLike<number>): string {
  let out = ''
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]
    const need = b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : 0
    let c = b & (0x3f >> need)
    let ok = need > 0
    for (let k = 1; ok && k <= need; k++) {
      const n = bytes[i + k]
      if (n === undefined || (n & 0xc0) !== 0x80) ok = false
      else c = (c << 6) | (n & 0x3f)
    }
    if (ok) {
      out += String.fromCodePoint(c)
      i += need + 1
    } else {
      out += String.fromCharCode(b)
      i++
    }
  }
  return out
}

/** A string whose characters are bytes (0-255): UTF-8 for text, kept for binary. */
export function toBytes(s: string): number[] {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return utf8Encode(s)
  if (/[\u0080-\u00ff]/.test(s) && !looksBinary(s)) return utf8Encode(s)
  const out = new Array<number>(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
  return out
}

function looksBinary(s: string): boolean {
  return /[\0-\x08\x0e-\x1f]/.test(s)
}

/** The strerror text of a VFS error. */
export function errText(e: FsError): string {
  return e.text
}

/** Slice a string by UTF-8 byte offsets (a cut inside a character keeps its bytes). */
export function byteSlice(s: string, start: number, end?: number): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s.slice(start, end)
  return utf8Decode(utf8Encode(s).slice(start, end))
}

/** Everything a source has left. */
export function* readSource(src: Source): Generator<Wait, string, void> {
  let out = ''
  for (let chunk = yield* src.next(); chunk !== null; chunk = yield* src.next()) out += chunk
  return out
}

/** Lines with their newlines kept; an unterminated last line is a line too. */
export function splitKeep(text: string): string[] {
  const out: string[] = []
  let start = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    out.push(text.slice(start, i + 1))
    start = i + 1
  }
  if (start < text.length) out.push(text.slice(start))
  return out
}
