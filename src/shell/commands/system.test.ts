import { describe, expect, it } from 'vitest'
import type { Command } from '../api.ts'
import { UTILITIES } from './index.ts'
import { run, type RunOptions } from './test-helpers.ts'

type Row = [name: string, argv: string[], opts: RunOptions, stdout: string, stderr: string, code: number]

const POD = { env: { HOSTNAME: 'countdown-job-x7k2p', PATH: '/bin' }, files: { '/etc/hostname': 'countdown-job-x7k2p\n', '/etc/hosts': '127.0.0.1\tlocalhost\n10.244.1.7\tcountdown-job-x7k2p\n', '/bin/busybox': '' } }

const rows: Row[] = [
  ['hostname is the pod name', ['hostname'], POD, 'countdown-job-x7k2p\n', '', 0],
  ['hostname -i reads /etc/hosts', ['hostname', '-i'], POD, '10.244.1.7 \n', '', 0],
  ['setting the hostname is not permitted', ['hostname', 'x'], POD, '', 'hostname: sethostname: Operation not permitted\n', 1],
  ['hostname falls back to $HOSTNAME', ['hostname'], { env: { HOSTNAME: 'web-0' } }, 'web-0\n', '', 0],
  ['uname', ['uname'], POD, 'Linux\n', '', 0],
  ['uname -r (the node kernel)', ['uname', '-r'], POD, '6.8.0-51-generic\n', '', 0],
  ['uname -m', ['uname', '-m'], POD, 'x86_64\n', '', 0],
  ['uname -a', ['uname', '-a'], POD, 'Linux countdown-job-x7k2p 6.8.0-51-generic #52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024 x86_64 GNU/Linux\n', '', 0],
  ['uname -sn', ['uname', '-sn'], POD, 'Linux countdown-job-x7k2p\n', '', 0],
  ['id', ['id'], POD, 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n', '', 0],
  ['id -un', ['id', '-un'], POD, 'root\n', '', 0],
  ['whoami', ['whoami'], POD, 'root\n', '', 0],
  ['printenv NAME', ['printenv', 'HOSTNAME', 'NOPE'], POD, 'countdown-job-x7k2p\n', '', 1],
  ['printenv', ['printenv'], { env: { A: '1', B: 'two' } }, 'A=1\nB=two\n', '', 0],
  ['which finds executables in PATH', ['which', 'busybox', 'nope'], { ...POD, prepare: (fs) => void (fs.stat('/bin/busybox').mode = 0o755) }, '/bin/busybox\n', '', 1],
  ['nproc is the node CPU count', ['nproc'], POD, '2\n', '', 0],
  ['wget has no network', ['wget', '-qO-', 'http://my-service:8080/healthz'], POD, '', "wget: bad address 'my-service'\n", 1],
  ['curl has no network', ['curl', '-sS', 'https://example.com/x'], POD, '', 'curl: (6) Could not resolve host: example.com\n', 6],
  ['curl -s is silent', ['curl', '-s', 'http://api'], POD, '', '', 6],
  ['python is not simulated', ['python3', '-c', 'print(1)'], POD, '', 'python3: batchlab does not simulate python3; containers here run shell scripts and busybox tools\n', 127],
  ['the docs pi Job: perl bignum bpi', ['perl', '-Mbignum=bpi', '-wle', 'print bpi(20)'], POD, '3.1415926535897932385\n', '', 0],
  ['other perl is not simulated', ['perl', '-e', 'print 1'], POD, '', 'perl: batchlab does not simulate perl; containers here run shell scripts and busybox tools\n', 127],
]

describe('system applets', () => {
  for (const [name, argv, opts, stdout, stderr, code] of rows)
    it(name, () => {
      const cmd = UTILITIES.get(argv[0]) as Command
      const r = run(cmd, argv, opts)
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout, stderr, code })
    })

  it('perl bpi(2000) prints 2000 correct digits (the Kubernetes docs pi Job)', () => {
    const r = run(UTILITIES.get('perl')!, ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'])
    expect(r.stdout.length).toBe(2002)
    expect(r.stdout.slice(0, 52)).toBe('3.14159265358979323846264338327950288419716939937510')
    expect(r.stdout.slice(-21)).toBe('58326459958133904780275901\n'.slice(-21))
  })
})
