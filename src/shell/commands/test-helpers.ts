// Runs one utility outside the interpreter, for spec tests: a hand-made
// CommandContext (a Vfs, an env, captured streams, a fixed virtual clock) and a
// loop that drains a generator result, advancing the clock on every wait.
import type { Command, CommandContext, InputStream, ShellHost, Wait } from '../api.ts'
import { newDir, Vfs } from '../fs/vfs.ts'

/** 2026-01-01T00:00:00Z, the default start of every scenario. */
export const T0 = Date.UTC(2026, 0, 1)

export interface RunOptions {
  stdin?: string
  /** Deliver stdin in chunks of this many characters (exercises streaming). */
  chunk?: number
  /** Files to create first: path -> content; a path ending in `/` makes a directory. */
  files?: Record<string, string>
  env?: Record<string, string>
  cwd?: string
  now?: number
  fs?: Vfs
  interactive?: boolean
  /** Successive values host.random() returns (cycled); default a fixed LCG. */
  random?: number[]
  /** Adjust the filesystem before the command runs. */
  prepare?: (fs: Vfs) => void
}

export interface RunResult {
  stdout: string
  stderr: string
  code: number
  fs: Vfs
  /** Virtual ms that passed while the command ran. */
  elapsed: number
}

/** A small busybox-like filesystem (its /bin/busybox makes the utilities behave as busybox's applets). */
export function makeFs(files: Record<string, string> = {}, now = T0): Vfs {
  const fs = new Vfs(newDir(now), () => now)
  for (const d of ['/root', '/tmp', '/bin', '/etc']) fs.mkdir(d, '/', true)
  fs.writeFile('/bin/busybox', '')
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith('/')) fs.mkdir(path, '/root', true)
    else {
      const slash = path.lastIndexOf('/')
      if (slash > 0) fs.mkdir(path.slice(0, slash), '/root', true)
      fs.writeFile(path, data, '/root')
    }
  }
  return fs
}

/** Standard input holding `text`, delivered `chunk` characters at a time by read(). */
export function stdinOf(text: string, chunk = Infinity): InputStream {
  let pos = 0
  const read = function* (): Generator<Wait, string | null, void> {
    if (pos >= text.length) return null
    const out = text.slice(pos, pos + chunk)
    pos += out.length
    return out
  }
  return {
    *readAll() {
      const out = text.slice(pos)
      pos = text.length
      return out
    },
    *readLine() {
      if (pos >= text.length) return null
      const i = text.indexOf('\n', pos)
      const end = i < 0 ? text.length : i
      const out = text.slice(pos, end)
      pos = i < 0 ? text.length : i + 1
      return out
    },
    read,
  }
}

export function makeHost(clock: { now: number }, random: number[] = []): ShellHost {
  let seed = 12345
  let i = 0
  return {
    now: () => clock.now,
    random: () => {
      if (random.length) return random[i++ % random.length]
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed
    },
    wake: () => {},
  }
}

export function run(cmd: Command, argv: string[], o: RunOptions = {}): RunResult {
  const start = o.now ?? T0
  const clock = { now: start }
  const fs = o.fs ?? makeFs(o.files, start)
  o.prepare?.(fs)
  let stdout = ''
  let stderr = ''
  const ctx: CommandContext = {
    argv,
    env: new Map(Object.entries(o.env ?? { PATH: '/bin:/usr/bin', HOME: '/root' })),
    cwd: o.cwd ?? '/root',
    fs,
    stdin: stdinOf(o.stdin ?? '', o.chunk ?? Infinity),
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s) },
    host: makeHost(clock, o.random),
    interactive: o.interactive ?? false,
  }
  const r = cmd(ctx)
  let code: number
  if (typeof r === 'number') code = r
  else {
    for (let step = 0; ; step++) {
      const y = r.next()
      if (y.done) {
        code = y.value
        break
      }
      if (y.value.until === Infinity) throw new Error(`${argv[0]} waits forever`)
      if (step > 1e6) throw new Error(`${argv[0]} never finishes`)
      clock.now = Math.max(clock.now, y.value.until)
    }
  }
  return { stdout, stderr, code, fs, elapsed: clock.now - start }
}
