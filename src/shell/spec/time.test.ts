// Virtual time: sleep yields to the host until exactly now+N, busy loops pay
// for CPU in 10 ms slices, pipelines and background jobs interleave on one CPU.
import { describe, expect, it } from 'vitest'
import { makeRootFs } from '../fs/rootfs.ts'
import { Vfs } from '../fs/vfs.ts'
import { spawnContainer } from '../index.ts'
import { container, T0 } from './harness.ts'

function proc(script: string) {
  const clock = { now: T0 }
  const p = spawnContainer(['sh', '-c', script], {
    host: { now: () => clock.now, random: () => 7, wake() {} },
    fs: new Vfs(makeRootFs('busybox', T0), () => clock.now),
    env: { PATH: '/bin' },
    stdout: { write() {} },
    stderr: { write() {} },
  })
  return { p, clock }
}

describe('virtual time', () => {
  it('sleep 3 yields until now+3000, then exits', () => {
    const { p, clock } = proc('sleep 3')
    expect(p.resume()).toEqual({ done: false, until: T0 + 3000 })
    clock.now = T0 + 3000
    expect(p.resume()).toEqual({ done: true, code: 0 })
  })

  it('a wake-up before the time makes sleep wait again for the same instant', () => {
    const { p, clock } = proc('sleep 3')
    p.resume()
    clock.now = T0 + 1000
    expect(p.resume()).toEqual({ done: false, until: T0 + 3000 })
  })

  it('busybox sleep sums its arguments and suffixes', () => {
    expect(container('sleep 1 0.5 1m 0.001h; echo done').elapsed).toBe(1000 + 500 + 60000 + 3600)
  })

  it('while true; do :; done pays 10 ms slices of virtual CPU', () => {
    const { p, clock } = proc('while true; do :; done')
    const untils: number[] = []
    for (let i = 0; i < 3; i++) {
      const y = p.resume()
      if (y.done) throw new Error('ended')
      untils.push(y.until - T0)
      clock.now = y.until
    }
    expect(untils).toEqual([10, 20, 30])
  })

  it('a counting loop costs virtual time by its steps (10,000 iterations)', () => {
    const r = container('i=0; while [ $i -lt 10000 ]; do i=$((i+1)); done; echo $i')
    expect([r.stdout, r.code, r.elapsed]).toEqual(['10000\n', 0, 150])
  })

  it('yes | head -n 3 ends (the writer gets SIGPIPE)', () => {
    const r = container('yes | head -n 3; echo "status $?"')
    expect([r.stdout, r.code]).toEqual(['y\ny\ny\nstatus 0\n', 0])
  })

  it('set -o pipefail reports the writer killed by SIGPIPE', () => {
    expect(container('set -o pipefail; yes | head -n 1; echo "status $?"').stdout).toBe('y\nstatus 141\n')
  })

  it('pipeline stages run concurrently: the reader sees lines when they are written', () => {
    const r = container('(echo a; sleep 1; echo b) | while read l; do echo "$l at $(date +%s)"; done')
    expect([r.stdout, r.elapsed]).toEqual(['a at 1767225600\nb at 1767225601\n', 1000])
  })

  it('background jobs run while the shell waits', () => {
    const r = container('(sleep 1; echo bg) & echo fg; sleep 2; echo end; wait')
    expect([r.stdout, r.elapsed]).toEqual(['fg\nbg\nend\n', 2000])
  })

  it('wait $! returns the job status; $! is the next process id', () => {
    expect(container('sleep 1 & echo $!; wait $!; echo $?; (exit 3) & wait $!; echo $?').stdout).toBe('2\n0\n3\n')
  })

  it('kill stops a background job with 143 and wait reports Terminated', () => {
    const r = container('sleep 5 & kill $!; wait $!; echo $?')
    expect([r.stdout, r.stderr, r.elapsed]).toEqual(['143\n', 'Terminated\n', 0])
  })

  it('a trapped signal is not lost while the shell runs a long pipeline', () => {
    const r = container('trap "echo got; exit 4" TERM; sleep 1 | cat; echo after', { signals: [[200, 'TERM']] })
    expect([r.stdout, r.code, r.elapsed]).toEqual(['got\n', 4, 1000])
  })
})

describe('bounded memory', () => {
  it('a writer faster than its reader waits when the pipe is full', () => {
    const { p, clock } = proc('while true; do echo yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy; done | sleep 100')
    const untils: number[] = []
    for (let y = p.resume(); !y.done; y = p.resume()) {
      untils.push(y.until - T0)
      clock.now = y.until
    }
    // Slices of CPU until the 64 KiB pipe is full, then nothing until sleep ends; then SIGPIPE.
    expect(untils).toEqual([10, 20, 30, 100_000])
  })

  it('$( ) keeps at most 4 MiB of output', () => {
    const r = container('x=$(yes | head -c 5000000); echo ${#x}')
    expect(r.stdout).toBe('4194303\n')
  })
})

describe('sleep infinity', () => {
  it('waits for nothing but a signal (busybox and GNU both accept it)', () => {
    const { p } = proc('sleep infinity')
    expect(p.resume()).toEqual({ done: false, until: Infinity })
    p.signal('KILL')
    expect(p.resume()).toEqual({ done: true, code: 137 })
  })
})
