// Programs images bring that the shell lacks: pause, hello-world, nginx and MySQL behind docker-entrypoint.sh,
// and the entrypoints of the bash and curl images; each prints what the real one does and exits as it does on TERM.
import type { Proc, ShellOptions, Signal, Yield } from '../../shell/api.ts'
import { systemProgram } from './system-programs.ts'

export interface ProgramContext {
  argv: string[]
  opts: ShellOptions
  /** Run argv through the shell (an entrypoint's exec "$@"). */
  exec(argv: string[]): Proc
}

type Step = { wait: number } | { exit: number }

/** A Proc from a script of steps; `onTerm` returns the steps to run when TERM arrives (none: ignore). */
function scripted(ctx: ProgramContext, steps: () => Generator<Step, number, void>, onTerm?: () => Generator<Step, number, void>): Proc {
  let gen = steps()
  let until = -1
  let pendingTerm = false
  let terminating = false
  return {
    resume(): Yield {
      const now = ctx.opts.host.now()
      if (pendingTerm && onTerm && !terminating) {
        terminating = true
        gen = onTerm()
        until = -1
      }
      if (until > now) return { done: false, until }
      for (;;) {
        const r = gen.next()
        if (r.done) return { done: true, code: r.value }
        const s = r.value
        if ('exit' in s) return { done: true, code: s.exit }
        until = s.wait === Infinity ? Infinity : now + s.wait
        return { done: false, until }
      }
    },
    signal(sig: Signal) {
      if (sig === 'TERM' || sig === 'INT') pendingTerm = true
    },
    memoryBytes: () => 0,
  }
}

function clock(ctx: ProgramContext): Date {
  return new Date(ctx.opts.host.now())
}

const pad = (n: number) => String(n).padStart(2, '0')
/** nginx's error log time: 2026/01/01 00:00:05 */
const nginxTime = (d: Date) => `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
/** date --rfc-3339=seconds in UTC: 2026-01-01 00:00:05+00:00 */
const rfc3339Seconds = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ') + '+00:00'

function pause(ctx: ProgramContext): Proc {
  return scripted(
    ctx,
    function* () {
      yield { wait: Infinity }
      return 0
    },
    function* () {
      return 0
    },
  )
}

const HELLO = `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (amd64)
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

`

function hello(ctx: ProgramContext): Proc {
  return scripted(ctx, function* () {
    ctx.opts.stdout.write(HELLO)
    return 0
  })
}

function nginx(ctx: ProgramContext, viaEntrypoint: boolean): Proc {
  const out = ctx.opts.stdout
  const err = ctx.opts.stderr
  const version = ctx.opts.env.NGINX_VERSION ?? '1.29.0'
  const notice = (msg: string) => err.write(`${nginxTime(clock(ctx))} [notice] 1#1: ${msg}\n`)
  return scripted(
    ctx,
    function* () {
      if (viaEntrypoint) {
        for (const l of [
          '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
          '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
          '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
          '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
          '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
          '/docker-entrypoint.sh: Configuration complete; ready for start up',
        ])
          out.write(l + '\n')
        yield { wait: 40 }
      }
      notice('using the "epoll" event method')
      notice(`nginx/${version}`)
      notice('built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ')
      notice('OS: Linux 6.8.0-51-generic')
      notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576')
      notice('start worker processes')
      notice('start worker process 29')
      notice('start worker process 30')
      yield { wait: Infinity }
      return 0
    },
    // containerd stops nginx with its image's STOPSIGNAL, SIGQUIT: a graceful shutdown.
    function* () {
      notice('signal 3 (SIGQUIT) received, shutting down')
      for (const pid of [29, 30]) {
        err.write(`${nginxTime(clock(ctx))} [notice] ${pid}#${pid}: gracefully shutting down\n`)
        err.write(`${nginxTime(clock(ctx))} [notice] ${pid}#${pid}: exiting\n`)
        err.write(`${nginxTime(clock(ctx))} [notice] ${pid}#${pid}: exit\n`)
      }
      yield { wait: 20 }
      notice('signal 17 (SIGCHLD) received from 29')
      notice('worker process 29 exited with code 0')
      notice('signal 17 (SIGCHLD) received from 30')
      notice('worker process 30 exited with code 0')
      notice('exit')
      return 0
    },
  )
}

function mysql(ctx: ProgramContext): Proc {
  const env = ctx.opts.env
  const version = env.MYSQL_VERSION ?? '8.4.5-1.el9'
  const short = version.split('-')[0]
  const log = (type: string, text: string, stream = ctx.opts.stdout) => stream.write(`${rfc3339Seconds(clock(ctx))} [${type}] [Entrypoint]: ${text}\n`)
  const server = (text: string) => ctx.opts.stderr.write(`${clock(ctx).toISOString().replace(/Z$/, '000Z')} 0 ${text}\n`)
  return scripted(
    ctx,
    function* () {
      log('Note', `Entrypoint script for MySQL Server ${version} started.`)
      log('Note', "Switching to dedicated user 'mysql'")
      log('Note', `Entrypoint script for MySQL Server ${version} started.`)
      if (!env.MYSQL_ROOT_PASSWORD && !env.MYSQL_ALLOW_EMPTY_PASSWORD && !env.MYSQL_RANDOM_ROOT_PASSWORD) {
        ctx.opts.stderr.write(
          `${rfc3339Seconds(clock(ctx))} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n`,
        )
        return 1
      }
      log('Note', 'Initializing database files')
      yield { wait: 9000 }
      log('Note', 'Database files initialized')
      log('Note', 'Starting temporary server')
      yield { wait: 2500 }
      log('Note', 'Temporary server started.')
      if (env.MYSQL_DATABASE) log('Note', `Creating database ${env.MYSQL_DATABASE}`)
      log('Note', 'Stopping temporary server')
      yield { wait: 1500 }
      log('Note', 'Temporary server stopped')
      ctx.opts.stdout.write('\n')
      log('Note', 'MySQL init process done. Ready for start up.')
      ctx.opts.stdout.write('\n')
      yield { wait: 1200 }
      server(`[System] [MY-015015] [Server] MySQL Server - start.`)
      server(`[System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${short}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`)
      yield { wait: Infinity }
      return 0
    },
    function* () {
      server(`[System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${short}).`)
      yield { wait: 1500 }
      server(`[System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld ${short})  MySQL Community Server - GPL.`)
      return 0
    },
  )
}

/** The program behind an image file (FileNode.exec "img:<name>"), or undefined. */
export function imageProgram(name: string, ctx: ProgramContext): Proc | undefined {
  const args = ctx.argv.slice(1)
  switch (name) {
    case 'pause':
      return pause(ctx)
    case 'hello':
      return hello(ctx)
    case 'nginx':
      return nginx(ctx, false)
    case 'nginx-entrypoint':
      // docker-entrypoint.sh only configures nginx when it is asked to run nginx.
      return args[0] === 'nginx' || args[0] === 'nginx-debug' ? nginx(ctx, true) : ctx.exec(args)
    case 'mysqld':
    case 'mysql-entrypoint':
      return args.length === 0 || args[0] === 'mysqld' || args[0].startsWith('-') ? mysql(ctx) : ctx.exec(args)
    case 'curl-entrypoint':
      // The image's entrypoint puts curl in front of options; the shell's curl does the rest.
      return ctx.exec(args[0]?.startsWith('-') ? ['curl', ...args] : args)
    case 'bash-entrypoint':
      return ctx.exec(args[0]?.startsWith('-') ? ['bash', ...args] : args)
    default:
      // The cluster's own images (control plane, kube-proxy, CoreDNS, canal, local-path).
      return name.startsWith('sys:') ? systemProgram(name.slice(4), ctx) : undefined
  }
}
