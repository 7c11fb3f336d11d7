// Test harness: run a script in a container-like shell (or the terminal Shell)
// on a private virtual clock and collect stdout, stderr, status and timing.
import type { Command, Proc, Signal } from '../api.ts'
import { makeRootFs, type Flavor } from '../fs/rootfs.ts'
import { dirname, Vfs } from '../fs/vfs.ts'
import { spawnContainer, Shell } from '../index.ts'

export const T0 = Date.UTC(2026, 0, 1)

export interface RunResult {
  stdout: string
  stderr: string
  /** Exit status; undefined when the process was still running at the end. */
  code: number | undefined
  /** Virtual ms from start to exit (or to the end of the run). */
  elapsed: number
  /** Both streams interleaved as written, stderr lines prefixed with "! ". */
  log: string
}

export interface RunOptions {
  argv?: string[]
  env?: Record<string, string>
  flavor?: Flavor
  /** Give up after this many virtual ms. */
  limitMs?: number
  /** Signals to send at virtual ms offsets. */
  signals?: [number, Signal][]
  /** Files to create first: text, or [text, mode]. */
  files?: Record<string, string | [string, number]>
  stdin?: string
  pid1?: boolean
  commands?: ReadonlyMap<string, Command>
  seed?: number
}

export class Clock {
  now = T0
  private seed: number
  constructor(seed = 1) {
    this.seed = seed >>> 0 || 1
  }
  random = (): number => {
    this.seed ^= this.seed << 13
    this.seed >>>= 0
    this.seed ^= this.seed >>> 17
    this.seed ^= this.seed << 5
    this.seed >>>= 0
    return this.seed
  }
}

export function container(script: string, o: RunOptions = {}): RunResult {
  const clock = new Clock(o.seed)
  const fs = new Vfs(makeRootFs(o.flavor ?? 'busybox', T0), () => clock.now)
  for (const [path, spec] of Object.entries(o.files ?? {})) {
    fs.mkdir(dirname(path), '/', true)
    fs.writeFile(path, typeof spec === 'string' ? spec : spec[0])
    const node = fs.lookup(path)
    if (node && typeof spec !== 'string') node.mode = spec[1]
  }
  const out = collector()
  const env = o.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'pod-x', HOME: '/root' }
  const proc = spawnContainer(o.argv ?? ['sh', '-c', script], {
    host: { now: () => clock.now, random: clock.random, wake() {} },
    fs,
    env,
    stdout: out.stdout,
    stderr: out.stderr,
    pid1: o.pid1,
    commands: o.commands,
    stdin: o.stdin === undefined ? undefined : stringInput(o.stdin),
  })
  return drive(proc, clock, out, o)
}

function stringInput(text: string) {
  let done = false
  return {
    *readAll() {
      const t = done ? '' : text
      done = true
      return t
    },
    *readLine() {
      if (done || !text) return null
      const nl = text.indexOf('\n')
      const line = nl < 0 ? text : text.slice(0, nl)
      text = nl < 0 ? '' : text.slice(nl + 1)
      if (!text) done = true
      return line
    },
  }
}

export function collector() {
  const o = { out: '', err: '', log: '' }
  return {
    o,
    stdout: {
      write(s: string) {
        o.out += s
        o.log += s
      },
    },
    stderr: {
      write(s: string) {
        o.err += s
        o.log += s.replace(/^(?=.)/gm, '! ')
      },
    },
  }
}

export function drive(proc: Proc, clock: Clock, out: ReturnType<typeof collector>, o: RunOptions = {}): RunResult {
  const start = clock.now
  const limit = start + (o.limitMs ?? 3_600_000)
  const signals = [...(o.signals ?? [])].sort((a, b) => a[0] - b[0])
  for (let i = 0; i < 1_000_000; i++) {
    const y = proc.resume()
    if (y.done) return { stdout: out.o.out, stderr: out.o.err, code: y.code, elapsed: clock.now - start, log: out.o.log }
    const nextSig = signals.length ? start + signals[0][0] : Infinity
    const next = Math.min(y.until, nextSig)
    if (next > limit || next === Infinity) break
    clock.now = Math.max(clock.now, next)
    while (signals.length && start + signals[0][0] <= clock.now) proc.signal((signals.shift() as [number, Signal])[1])
  }
  return { stdout: out.o.out, stderr: out.o.err, code: undefined, elapsed: Math.min(clock.now, limit) - start, log: out.o.log }
}

/** A terminal shell on a fresh clock; `line` runs one line to completion. */
export function terminal(o: { env?: Record<string, string>; commands?: ReadonlyMap<string, Command>; size?: { cols: number; rows: number } } = {}) {
  const clock = new Clock()
  const fs = new Vfs(makeRootFs('debian', T0), () => clock.now)
  fs.mkdir('/root/work', '/', true)
  const out = collector()
  const shell = new Shell({
    host: { now: () => clock.now, random: clock.random, wake() {} },
    fs,
    env: o.env ?? { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', HOSTNAME: 'controlplane', TERM: 'xterm' },
    cwd: '/root',
    stdout: o.size ? { ...out.stdout, tty: true, winsize: () => o.size! } : out.stdout,
    stderr: o.size ? { ...out.stderr, tty: true, winsize: () => o.size! } : out.stderr,
    commands: o.commands,
  })
  return {
    shell,
    clock,
    fs,
    line(text: string, opts: RunOptions = {}): RunResult {
      out.o.out = out.o.err = out.o.log = ''
      return drive(shell.exec(text), clock, out, opts)
    },
  }
}
