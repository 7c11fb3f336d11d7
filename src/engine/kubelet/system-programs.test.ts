import { describe, expect, it } from 'vitest'
import type { Signal } from '../../shell/api.ts'
import { newDir, Vfs } from '../../shell/fs/vfs.ts'
import { startupLog, systemProgram } from './system-programs.ts'

const T0 = Date.UTC(2026, 0, 1, 0, 0, 5)

/** Run a program to its end (or `limit` ms), sending `signals` at the given times; stdout and stderr apart. */
function run(name: string, argv: string[], env: Record<string, string>, signals: [number, Signal][] = [], resumed = false, limit = 60_000) {
  let now = T0
  let out = ''
  let err = ''
  let n = 0
  const opts = { host: { now: () => now, random: () => (n += 7919), wake: () => {} }, fs: new Vfs(newDir()), env, stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } }
  const p = systemProgram(name, { argv, opts, exec: () => ({ resume: () => ({ done: true, code: 0 }), signal: () => {} }) }, resumed)
  const pending = [...signals]
  for (;;) {
    const y = p.resume()
    if (y.done) return { code: y.code as number | null, at: now - T0, out, err }
    const next = Math.min(y.until, pending.length ? T0 + pending[0][0] : Infinity, T0 + limit)
    if (next >= T0 + limit && !pending.length) return { code: null, at: now - T0, out, err }
    now = next
    while (pending.length && T0 + pending[0][0] <= now) p.signal(pending.shift()![1])
  }
}

describe('the programs of the cluster\'s own images', () => {
  const CASES: [string, string, string[], [number, Signal][], { code: number | null; at: number; lines: number }][] = [
    ['kube-proxy serves until TERM, then exits 0', 'kube-proxy', ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf'], [[30_000, 'TERM']], { code: 0, at: 30_000, lines: 5 }],
    ['CoreDNS keeps answering 5 s after TERM (health lameduck 5s)', 'coredns', ['/coredns', '-conf', '/etc/coredns/Corefile'], [[30_000, 'TERM']], { code: 0, at: 35_000, lines: 7 }],
    ['install-cni writes the CNI config and exits 0', 'install-cni', ['/opt/cni/bin/install'], [], { code: 0, at: 705, lines: 5 }],
    ['calico-node -init mounts bpffs and exits 0', 'calico-node', ['calico-node', '-init', '-best-effort'], [], { code: 0, at: 24, lines: 3 }],
    ['calico-node itself runs on', 'calico-node', ['start_runit'], [], { code: null, at: 1350, lines: 4 }],
    ['an unknown name only waits for TERM', 'nope', ['nope'], [[1000, 'TERM']], { code: 0, at: 1000, lines: 0 }],
  ]
  for (const [name, prog, argv, signals, want] of CASES) {
    it(name, () => {
      const r = run(prog, argv, { NODENAME: 'node01' }, signals)
      expect({ code: r.code, at: r.at, lines: (r.out + r.err).split('\n').filter(Boolean).length }).toEqual(want)
    })
  }

  it('klog lines: level, date, microseconds inside the millisecond, thread 1, file:line', () => {
    expect(run('kube-scheduler', ['kube-scheduler'], {}, [[1000, 'TERM']]).err).toBe(
      [
        'I0101 00:00:05.005419       1 serving.go:386] Generated self-signed cert in-memory',
        'I0101 00:00:05.380338       1 server.go:166] "Starting Kubernetes Scheduler" version="v1.33.2"',
        'I0101 00:00:05.392257       1 leaderelection.go:257] attempting to acquire leader lease kube-system/kube-scheduler...',
        'I0101 00:00:05.410176       1 leaderelection.go:271] successfully acquired lease kube-system/kube-scheduler',
        '',
      ].join('\n'),
    )
  })

  it('CoreDNS prints its banner on stdout, and the lameduck notice on TERM', () => {
    const r = run('coredns', ['/coredns'], {}, [[60_000, 'TERM']], false, 120_000)
    expect(r.out.replace(/[0-9a-f]{128}/, 'SHA')).toBe(
      [
        'maxprocs: Leaving GOMAXPROCS=2: CPU quota undefined',
        '.:53',
        '[INFO] plugin/reload: Running configuration SHA512 = SHA',
        'CoreDNS-1.12.0',
        'linux/amd64, go1.23.3, 51e11f1',
        '[INFO] SIGTERM: Shutting down servers then terminating',
        '[INFO] plugin/health: Going into lameduck mode for 5s',
        '',
      ].join('\n'),
    )
  })

  it('found running (resumed): no startup lines again, the same exit on TERM', () => {
    expect(run('coredns', ['/coredns'], {}, [[10_000, 'TERM']], true)).toEqual({ code: 0, at: 15_000, out: '[INFO] SIGTERM: Shutting down servers then terminating\n[INFO] plugin/health: Going into lameduck mode for 5s\n', err: '' })
  })

  it('the startup lines a resumed program printed long ago, dated from its start', () => {
    let n = 0
    const lines = startupLog('etcd', { start: T0, argv: ['etcd', '--name=controlplane', '--advertise-client-urls=https://172.30.1.2:2379'], env: {}, random: () => (n += 13) })
    expect(lines.map((l) => `${l.ms} ${l.stream} ${JSON.parse(l.text).msg}`)).toEqual([
      '3 stderr Running: ',
      '9 stderr starting an etcd server',
      '1210 stderr published local member to cluster through raft',
      '1214 stderr serving client traffic securely',
    ])
  })
})
