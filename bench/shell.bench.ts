// Shell speed (issues #3 and #7): one container run of the seed's cron hello
// script with the parse cached and the image root shared, and a 10,000-iteration
// arithmetic loop, driven on a virtual clock without the cluster around them.
import { makeRootFs } from '../src/shell/fs/rootfs.ts'
import { Vfs } from '../src/shell/fs/vfs.ts'
import { spawnContainer } from '../src/shell/index.ts'
import { median, type Measurement } from './figures.ts'
import { timed, type Timing } from './lab.ts'

const START = Date.UTC(2026, 0, 1)
const ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'hello-29430000-abcde', HOME: '/root' }
const HELLO = 'date; echo Hello from the Kubernetes cluster; sleep 3'
const LOOP = 'i=0; while [ $i -lt 10000 ]; do i=$((i+1)); done'

const root = makeRootFs('busybox', START)

/** Run a script as a container's first process to its exit, jumping the clock to each wake-up. */
function drive(script: string): number {
  const now = { t: START }
  const fs = new Vfs(root, () => now.t)
  let seed = 7
  const sink = { write() {} }
  const proc = spawnContainer(['/bin/sh', '-c', script], {
    host: { now: () => now.t, random: () => (seed = (seed * 1103515245 + 12345) >>> 0), wake() {} },
    fs,
    env: ENV,
    stdout: sink,
    stderr: sink,
  })
  for (;;) {
    const y = proc.resume()
    if (y.done) return y.code
    now.t = y.until
  }
}

/** Per-call time of `fn`: a warm-up, then `rounds` batches of `n` calls; median per call. */
function perCall(n: number, rounds: number, fn: () => void): { wall: number; cpu: number } {
  for (let i = 0; i < Math.min(n, 2000); i++) fn()
  const ts: Timing[] = []
  for (let r = 0; r < rounds; r++) ts.push(timed(() => { for (let i = 0; i < n; i++) fn() }))
  return { wall: median(ts.map((t) => t.wall)) / n, cpu: median(ts.map((t) => t.cpu)) / n }
}

export function shell(): Measurement[] {
  if (drive(HELLO) !== 0 || drive(LOOP) !== 0) throw new Error('shell bench scripts failed')
  const hello = perCall(10_000, 7, () => drive(HELLO))
  const loop = perCall(1, 7, () => drive(LOOP))
  return [
    { name: 'shell: one run of the cron hello script', value: hello.wall * 1000, unit: 'µs', budget: { max: 20 }, cpu: hello.cpu * 1000, note: 'median of 7 × 10,000' },
    { name: 'shell: 10,000-iteration arithmetic loop', value: loop.wall, unit: 'ms', budget: { max: 20 }, cpu: loop.cpu, note: 'median of 7' },
  ]
}
