// Memory as the kernel enforces it: past what it may hold, a process is OOM-killed (SIGKILL,
// 137), never an interpreter error. The host weighs Proc.memoryBytes() against the limit on
// every yield, and a value that grows a lot makes the process yield at once.
import { describe, expect, it } from 'vitest'
import { makeRootFs } from '../fs/rootfs.ts'
import { Vfs } from '../fs/vfs.ts'
import { spawnContainer } from '../index.ts'
import { Clock, collector, container, T0, terminal } from './harness.ts'

const RUNAWAY = 'x=a; while true; do x=$x$x; done'

/** Drive a container like the kubelet: after every yield, kill it (OOM) once memoryBytes() passes `limit`. */
function underLimit(script: string, limit: number) {
  const clock = new Clock()
  const fs = new Vfs(makeRootFs('busybox', T0), () => clock.now)
  const out = collector()
  const proc = spawnContainer(['sh', '-c', script], { host: { now: () => clock.now, random: clock.random, wake() {} }, fs, env: {}, stdout: out.stdout, stderr: out.stderr })
  const seen: number[] = []
  for (let i = 0; i < 10_000; i++) {
    const y = proc.resume()
    if (y.done) return { code: y.code, oom: false, seen, stderr: out.o.err }
    const bytes = proc.memoryBytes!()
    seen.push(bytes)
    if (bytes > limit) return { code: 137, oom: true, seen, stderr: out.o.err }
    clock.now = Math.max(clock.now, y.until)
  }
  throw new Error('never ended')
}

describe('memory runaway (the OOM killer, not an internal error)', () => {
  it('a doubling variable under a 16Mi limit: the host sees 16 MiB held and OOM-kills it', () => {
    const r = underLimit(RUNAWAY, 16 * 1024 * 1024)
    expect([r.code, r.oom, r.stderr]).toEqual([137, true, ''])
    // One look per growth by half past 64 Ki characters; killed when x is 8 Mi characters (2 bytes each).
    expect(r.seen.filter((b) => b >= 1 << 17).map((b) => Math.round(b / 1024))).toEqual([256, 512, 1024, 2048, 4096, 8192, 16384])
  })

  it('without a host limit, the process tree is killed at its own bound (137, nothing printed)', () => {
    const r = container(RUNAWAY)
    expect([r.stdout, r.stderr, r.code]).toEqual(['', '', 137])
  })

  it('a subshell that runs away is the process killed; its parent says "Killed" and goes on', () => {
    const r = container(`(${RUNAWAY}); echo "after $?"`)
    expect([r.stdout, r.stderr, r.code]).toEqual(['after 137\n', 'Killed\n', 0])
  })

  it('a program that runs out of room (JavaScript\'s string limit) is killed like one out of memory', () => {
    const r = container(`awk 'BEGIN { s = "a"; while (1) s = s s }'; echo "after $?"`)
    expect([r.stdout, r.stderr, r.code]).toEqual(['after 137\n', 'Killed\n', 0])
  })

  it('at the terminal the line ends with 137 and the shell lives on without the runaway value', () => {
    const t = terminal()
    expect(t.line(`keep=1; ${RUNAWAY}`)).toMatchObject({ stdout: '', stderr: '', code: 137 })
    expect(t.line('echo "${#x} $keep"').stdout).toBe('0 1\n')
  })
})
