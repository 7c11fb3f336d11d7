import { describe, expect, it } from 'vitest'
import type { Proc, ShellOptions, Signal } from '../../shell/api.ts'
import { newDir, Vfs } from '../../shell/fs/vfs.ts'
import { imageProgram } from './image-programs.ts'

const T0 = Date.UTC(2026, 0, 1, 0, 0, 5)

/** Drive a program to its end (or `limit`), sending `signals` at the given times. */
function run(name: string, argv: string[], env: Record<string, string> = {}, signals: [number, Signal][] = [], limit = 60_000) {
  let now = T0
  let out = ''
  let err = ''
  const opts: ShellOptions = { host: { now: () => now, random: () => 4, wake: () => {} }, fs: new Vfs(newDir()), env, stdout: { write: (s) => (out += s) }, stderr: { write: (s) => (err += s) } }
  const delegated: string[][] = []
  const p = imageProgram(name, { argv, opts, exec: (a): Proc => (delegated.push(a), { resume: () => ({ done: true, code: 0 }), signal: () => {} }) })!
  const pending = [...signals]
  for (;;) {
    const y = p.resume()
    if (y.done) return { code: y.code, at: now - T0, out, err, delegated }
    const next = Math.min(y.until, pending.length ? T0 + pending[0][0] : Infinity, T0 + limit)
    if (next >= T0 + limit && !pending.length) return { code: null, at: now - T0, out, err, delegated }
    now = next
    while (pending.length && T0 + pending[0][0] <= now) p.signal(pending.shift()![1])
  }
}

describe('programs images bring', () => {
  it('pause sleeps until TERM and exits 0', () => {
    expect(run('pause', ['/pause'], {}, [[30_000, 'TERM']])).toMatchObject({ code: 0, at: 30_000, out: '' })
  })

  it('hello-world prints its greeting', () => {
    const r = run('hello', ['/hello'])
    expect([r.code, r.out.split('\n').slice(0, 3)]).toEqual([0, ['', 'Hello from Docker!', 'This message shows that your installation appears to be working correctly.']])
  })

  it('nginx through docker-entrypoint.sh: configuration lines, notices, a graceful stop', () => {
    const r = run('nginx-entrypoint', ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], { NGINX_VERSION: '1.29.0' }, [[60_000, 'TERM']], 120_000)
    expect(r.out.split('\n')[8]).toBe('/docker-entrypoint.sh: Configuration complete; ready for start up')
    expect(r.err.split('\n').slice(0, 2)).toEqual(['2026/01/01 00:00:05 [notice] 1#1: using the "epoll" event method', '2026/01/01 00:00:05 [notice] 1#1: nginx/1.29.0'])
    expect([r.code, r.err.trim().split('\n').slice(-1)[0]]).toEqual([0, '2026/01/01 00:01:05 [notice] 1#1: exit'])
  })

  it('docker-entrypoint.sh execs anything else', () => {
    expect(run('nginx-entrypoint', ['/docker-entrypoint.sh', 'sh', '-c', 'echo hi']).delegated).toEqual([['sh', '-c', 'echo hi']])
  })

  it('mysql without a root password option fails like its entrypoint', () => {
    const r = run('mysql-entrypoint', ['docker-entrypoint.sh', 'mysqld'], { MYSQL_VERSION: '8.0.42-1.el9' })
    expect([r.code, r.err]).toEqual([
      1,
      '2026-01-01 00:00:05+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n',
    ])
  })

  it('mysql with a password initialises, then is ready for connections', () => {
    const r = run('mysql-entrypoint', ['docker-entrypoint.sh', 'mysqld'], { MYSQL_VERSION: '8.0.42-1.el9', MYSQL_ROOT_PASSWORD: 'x' })
    expect([r.code, r.err.trim().split('\n').slice(-1)[0]]).toEqual([null, "2026-01-01T00:00:19.200000Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.42'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL."])
  })

  it("curl's entrypoint hands options to curl", () => {
    expect(run('curl-entrypoint', ['/entrypoint.sh', '-s', 'http://example.com']).delegated).toEqual([['curl', '-s', 'http://example.com']])
  })
})
