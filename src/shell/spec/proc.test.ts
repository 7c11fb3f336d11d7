// A minimal /proc as a container sees it: PID 1's command line (NUL-separated, as
// Linux's proc_pid_cmdline_read gives it), /proc/self as the reading process, and the
// node's cpuinfo, meminfo and version. Checked against Linux 6.x on Debian 12.
import { describe, expect, it } from 'vitest'
import { container } from './harness.ts'

describe('/proc', () => {
  const rows: [string, string[], string][] = [
    ['cat /proc/1/cmdline: the container command, each argument NUL-ended', ['sh', '-c', 'cat /proc/1/cmdline'], 'sh\0-c\0cat /proc/1/cmdline\0'],
    ['read through a redirection too', ['sh', '-c', "tr '\\0' ' ' </proc/1/cmdline; echo"], "sh -c tr '\\0' ' ' </proc/1/cmdline; echo \n"],
    ['/proc/1/comm is the program name (cat as the first process reads its own)', ['/bin/cat', '/proc/1/comm'], 'cat\n'],
    ['/proc/self/cmdline is the reader (cat)', ['sh', '-c', 'cat /proc/self/cmdline'], 'cat\0/proc/self/cmdline\0'],
    ['/proc/self/comm', ['sh', '-c', 'cat /proc/self/comm /proc/1/comm'], 'cat\nsh\n'],
    ['/proc/1/environ: the environment, NUL-ended', ['sh', '-c', "tr '\\0' '\\n' </proc/1/environ"], 'A=1\nB=two words\n'],
    ['meminfo: the node memory, as free shows it', ['sh', '-c', 'head -3 /proc/meminfo'], 'MemTotal:        4015360 kB\nMemFree:         1876544 kB\nMemAvailable:    2806204 kB\n'],
    ['cpuinfo: two processors', ['sh', '-c', "grep -c '^processor' /proc/cpuinfo; grep -m2 'model' /proc/cpuinfo"], '2\nmodel\t\t: 85\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n'],
    ['version: the node kernel', ['sh', '-c', 'cut -d" " -f1-3 /proc/version'], 'Linux version 6.8.0-51-generic\n'],
  ]
  for (const [name, argv, stdout] of rows) {
    it(name, () => {
      const r = container('', { argv, env: { A: '1', B: 'two words' } })
      expect([r.stdout, r.stderr, r.code]).toEqual([stdout, '', 0])
    })
  }

  it('a process that is not the first (kubectl exec) leaves /proc/1 alone', () => {
    const r = container('cat /proc/1/cmdline', { pid1: false })
    expect([r.stdout, r.stderr, r.code]).toEqual(['', "cat: can't open '/proc/1/cmdline': No such file or directory\n", 1])
  })
})
