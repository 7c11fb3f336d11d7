// Shell speed (issue #3): wall time of one container run of the seed's cron
// hello script with the parse cached, and of a 10,000-iteration arithmetic
// loop. Prints figures; asserts nothing. Run: npx tsx bench/shell.bench.ts
import { performance } from 'node:perf_hooks'
import { makeRootFs } from '../src/shell/fs/rootfs.ts'
import { Vfs } from '../src/shell/fs/vfs.ts'
import { spawnContainer } from '../src/shell/index.ts'
import type { Proc } from '../src/shell/api.ts'

const START = Date.UTC(2026, 0, 1)
const ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'hello-29430000-abcde', HOME: '/root' }
const root = makeRootFs('busybox', START)

function run(script: string, fresh: boolean): { proc: Proc; now: { t: number } } {
  const now = { t: START }
  const fs = new Vfs(fresh ? makeRootFs('busybox', START) : root, () => now.t)
  let seed = 7
  const sink = { write() {} }
  const proc = spawnContainer(['/bin/sh', '-c', script], {
    host: { now: () => now.t, random: () => (seed = (seed * 1103515245 + 12345) >>> 0), wake() {} },
    fs,
    env: ENV,
    stdout: sink,
    stderr: sink,
  })
  return { proc, now }
}

function drive(script: string, fresh = false): number {
  const { proc, now } = run(script, fresh)
  for (;;) {
    const y = proc.resume()
    if (y.done) return y.code
    now.t = y.until
  }
}

/** Best of five batches after a warm-up: the machine is shared, so the minimum is the honest figure. */
function measure(label: string, n: number, fn: () => void): void {
  for (let i = 0; i < Math.min(n, 2000); i++) fn()
  let best = Infinity
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now()
    for (let i = 0; i < n; i++) fn()
    best = Math.min(best, (performance.now() - t0) / n)
  }
  console.log(`${label.padEnd(58)} ${best >= 1 ? best.toFixed(2) + ' ms' : (best * 1000).toFixed(2) + ' µs'}`)
}

const HELLO = 'date; echo Hello from the Kubernetes cluster; sleep 3'
measure('cron hello (shared image root, parse cached)', 10000, () => drive(HELLO))
measure('cron hello (fresh root filesystem per run)', 1000, () => drive(HELLO, true))
measure('10,000-iteration arithmetic loop', 5, () => drive('i=0; while [ $i -lt 10000 ]; do i=$((i+1)); done'))
measure('1,000 iterations of $(echo $HOSTNAME | grep -o ...)', 2, () =>
  drive("i=0; while [ $i -lt 1000 ]; do T=$(echo $HOSTNAME | grep -o '[a-z]*$'); i=$((i+1)); done"),
)
measure('while true; do :; done for 10 s of virtual time', 1, () => {
  const { proc, now } = run('while true; do :; done', false)
  while (now.t < START + 10_000) now.t = (proc.resume() as { until: number }).until
})
