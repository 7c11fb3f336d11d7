// A container's first process: exec resolution as runc does it (the kubelet's
// errors), shells and plain programs as PID 1, busybox as a multi-call binary,
// scripts with #!, and the image root filesystems.
import { describe, expect, it } from 'vitest'
import { makeRootFs } from '../fs/rootfs.ts'
import { Vfs } from '../fs/vfs.ts'
import { resolveExecutable } from '../index.ts'
import { container } from './harness.ts'

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

describe('resolveExecutable (runc exec errors)', () => {
  const busybox = new Vfs(makeRootFs('busybox', 0))
  busybox.writeFile('/tmp/noexec.sh', 'echo hi\n')
  const centos = new Vfs(makeRootFs('centos', 0))
  const distroless = new Vfs(makeRootFs('distroless', 0))
  const rows: [string, Vfs, string, string, ReturnType<typeof resolveExecutable>][] = [
    ['sh on PATH', busybox, 'sh', '/', { ok: true, path: '/bin/sh', program: 'sh' }],
    ['bash missing from busybox', busybox, 'bash', '/', { ok: false, error: 'exec: "bash": executable file not found in $PATH' }],
    ['bin/bash relative to / (the seed countdown)', centos, 'bin/bash', '/', { ok: true, path: '/bin/bash', program: 'bash' }],
    ['bin/bash relative to /root', centos, 'bin/bash', '/root', { ok: false, error: 'exec: "bin/bash": stat bin/bash: no such file or directory' }],
    ['an absolute path that is missing', busybox, '/bin/bash', '/', { ok: false, error: 'exec: "/bin/bash": stat /bin/bash: no such file or directory' }],
    ['a file without x bits', busybox, '/tmp/noexec.sh', '/', { ok: false, error: 'exec: "/tmp/noexec.sh": permission denied' }],
    ['a directory', busybox, '/tmp', '/', { ok: false, error: 'exec: "/tmp": is a directory' }],
    ['distroless has no shell', distroless, 'sh', '/', { ok: false, error: 'exec: "sh": executable file not found in $PATH' }],
  ]
  for (const [name, fs, argv0, cwd, want] of rows) it(name, () => expect(resolveExecutable(fs, argv0, cwd, PATH)).toEqual(want))
})

describe('PID 1', () => {
  it('a plain program runs directly: sleep 3600 ignores TERM and dies of KILL', () => {
    const r = container('', { argv: ['sleep', '3600'], signals: [[1000, 'TERM'], [31000, 'KILL']] })
    expect([r.code, r.elapsed]).toEqual([137, 31000])
  })

  it('echo and date as the command, with no shell', () => {
    expect(container('', { argv: ['echo', 'hello', 'world'] }).log).toBe('hello world\n')
    expect(container('', { argv: ['date', '+%F %T'] }).log).toBe('2026-01-01 00:00:00\n')
  })

  it('env as PID 1 prints the environment in the order the runtime gave it', () => {
    const r = container('', { argv: ['env'], env: { PATH, HOSTNAME: 'pod-x', KUBERNETES_PORT: 'tcp://10.96.0.1:443', HOME: '/root' } })
    expect(r.stdout).toBe(`PATH=${PATH}\nHOSTNAME=pod-x\nKUBERNETES_PORT=tcp://10.96.0.1:443\nHOME=/root\n`)
  })

  it("sh -c 'env' lists ash's hash order, with PWD and SHLVL exported", () => {
    const r = container('env', { env: { PATH, HOSTNAME: 'pod-x', KUBERNETES_PORT: 'tcp://10.96.0.1:443', HOME: '/root' } })
    expect(r.stdout).toBe(`KUBERNETES_PORT=tcp://10.96.0.1:443\nHOSTNAME=pod-x\nSHLVL=1\nHOME=/root\nPATH=${PATH}\nPWD=/\n`)
  })

  it('the busybox image default command (sh with no script) exits 0 at once', () => {
    expect(container('', { argv: ['sh'] })).toMatchObject({ stdout: '', stderr: '', code: 0, elapsed: 0 })
  })

  it('busybox APPLET runs the applet; an unknown applet fails like busybox', () => {
    expect(container('', { argv: ['busybox', 'echo', 'hi'] }).log).toBe('hi\n')
    const r = container('', { argv: ['busybox', 'nosuch'] })
    expect([r.stderr, r.code]).toEqual(['nosuch: applet not found\n', 127])
  })

  it('a script with #! mounted from a volume', () => {
    const r = container('', { argv: ['/scripts/run.sh', 'arg1'], files: { '/scripts/run.sh': ['#!/bin/sh\necho "from $0 with $1"\n', 0o755] } })
    expect(r.log).toBe('from /scripts/run.sh with arg1\n')
  })

  it('$$ is 1 and children get the next pids', () => {
    expect(container('echo $$ $PPID; sleep 1 & echo $!; x=$(echo sub); sleep 1 & echo $!').stdout).toBe('1 0\n2\n4\n')
  })

  it('sh -c with a name sets $0 and the error prefix', () => {
    const r = container('', { argv: ['sh', '-c', 'echo $0 $1 $#; nosuch', 'job', 'a', 'b'] })
    expect([r.stdout, r.stderr, r.code]).toEqual(['job a 2\n', 'job: line 0: nosuch: not found\n', 127])
  })

  it('bash -c reports errors the bash way', () => {
    const r = container('', { argv: ['bash', '-c', 'echo ok\nnosuch'], flavor: 'centos' })
    expect([r.stdout, r.stderr, r.code]).toEqual(['ok\n', 'bash: line 2: nosuch: command not found\n', 127])
  })

  it('sh -c without its argument, and an unknown option', () => {
    expect(container('', { argv: ['sh', '-c'] })).toMatchObject({ stderr: 'sh: -c requires an argument\n', code: 2 })
    expect(container('', { argv: ['sh', '-q'] })).toMatchObject({ stderr: 'sh: illegal option -q\n', code: 2 })
    expect(container('', { argv: ['sh', '/nonexist'] })).toMatchObject({ stderr: "sh: can't open '/nonexist': No such file or directory\n", code: 2 })
  })

  it('a command the image does not have is not found, even if we simulate it elsewhere', () => {
    const r = container('kubectl get pods; bash -c true')
    expect([r.stderr, r.code]).toEqual(['sh: kubectl: not found\nsh: bash: not found\n', 127])
  })
})

describe('root filesystems', () => {
  it('busybox: ls / and the applet links', () => {
    const fs = new Vfs(makeRootFs('busybox', 0))
    expect(fs.readdir('/')).toEqual(['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'])
    expect(fs.lookup('/bin/sh')).toMatchObject({ type: 'file', exec: 'sh', mode: 0o755 })
    expect(fs.lookup('/bin/busybox')).toMatchObject({ exec: 'busybox' })
    expect(fs.readFile('/etc/passwd').split('\n')[0]).toBe('root:x:0:0:root:/root:/bin/sh')
  })

  it('each call is a fresh tree stamped with its time', () => {
    const a = makeRootFs('busybox', 5)
    const b = makeRootFs('busybox', 9)
    expect(a).not.toBe(b)
    expect([a.mtime, (a.entries.get('bin') as { mtime: number }).mtime, b.mtime]).toEqual([5, 5, 9])
  })

  it('centos has bash in /bin and /usr/bin', () => {
    const fs = new Vfs(makeRootFs('centos', 0))
    expect([fs.lookup('/bin/bash')?.type, fs.lookup('/usr/bin/bash')?.type, fs.readFile('/etc/centos-release')]).toEqual([
      'file',
      'file',
      'CentOS Linux release 7.9.2009 (Core)\n',
    ])
  })
})

describe("other images' /bin/sh", () => {
  // Each row checked against Debian's dash 0.5.12 (dash -c).
  const DASH: [string, string, number][] = [
    ['foo', 'sh: 1: foo: not found\n', 127],
    ['echo\ncd /nope', "sh: 2: cd: can't cd to /nope\n", 2],
    ['if true; then', 'sh: 1: Syntax error: end of file unexpected (expecting "fi")\n', 2],
    ['echo a; fi', 'sh: 1: Syntax error: "fi" unexpected\n', 2],
    ['echo "a', 'sh: 1: Syntax error: Unterminated quoted string\n', 2],
    ['echo $((1/0))', 'sh: 1: arithmetic expression: division by zero: "1/0"\n', 2],
    ['set -u; echo $x', 'sh: 1: x: parameter not set\n', 2],
    ['./nosuch', 'sh: 1: ./nosuch: not found\n', 127],
  ]
  for (const [script, stderr, code] of DASH) {
    it(`debian: dash ${JSON.stringify(script)}`, () => {
      const r = container(script, { flavor: 'debian', env: { PATH: '/usr/bin:/bin' } })
      expect([r.stderr, r.code]).toEqual([stderr, code])
    })
  }

  it('centos: sh is bash', () => {
    const r = container('echo ok; nosuch', { flavor: 'centos', env: { PATH: '/usr/bin:/bin' } })
    expect([r.stdout, r.stderr, r.code]).toEqual(['ok\n', 'sh: line 1: nosuch: command not found\n', 127])
  })
})

describe('process ids (measured with busybox sh as PID 1 under unshare -p)', () => {
  const rows: [string, string][] = [
    ['echo $$; (echo $$); echo $(echo $$); sleep 1 & echo $!; echo a | cat; sleep 1 & echo $!', '1\n1\n1\n4\na\n7\n'],
    ['true; sleep 1 & echo $!; date >/dev/null; sleep 1 & echo $!; x=$(true); sleep 1 & echo $!', '2\n4\n6\n'],
    ['(sleep 1); sleep 1 & echo $!; (echo a; sleep 1); sleep 1 & echo $!', '3\na\n5\n'],
  ]
  for (const [script, stdout] of rows) it(script, () => expect(container(script).stdout).toBe(stdout))
})

describe('crashes and exec', () => {
  it('runaway recursion ends the shell with SIGSEGV; a parent shell reports it', () => {
    expect(container('f() { f; }; f; echo after')).toMatchObject({ stdout: '', stderr: '', code: 139 })
    expect(container('sh -c "f() { f; }; f"; echo $?')).toMatchObject({ stdout: '139\n', stderr: 'Segmentation fault\n', code: 0 })
  })

  it('exec replaces the shell: its TERM trap is gone, so TERM ends the program', () => {
    const r = container('trap "echo trapped" TERM; exec sleep 5', { signals: [[1000, 'TERM']], pid1: false })
    expect([r.stdout, r.code, r.elapsed]).toEqual(['', 143, 1000])
  })
})
