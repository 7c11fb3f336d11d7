// The terminal session: its environment and prompt, files in /root, continuation
// lines, history, and how runLine bounds a line that would never end.
import { describe, expect, it } from 'vitest'
import { LINE_LIMITS, Session } from './index.ts'

describe('Session', () => {
  it('starts in /root on controlplane with the files given', () => {
    const s = new Session({ files: [{ name: 'dir/a.yaml', data: 'x: 1\n' }] })
    expect(s.prompt()).toBe('controlplane:~$ ')
    expect(s.runLine('cat dir/a.yaml; echo $HOME $HOSTNAME $USER $TZ')).toEqual({ stdout: 'x: 1\n/root controlplane root UTC\n', stderr: '', code: 0, chunks: [{ stream: 'stdout', text: 'x: 1\n/root controlplane root UTC\n' }] })
    s.runLine('cd dir')
    expect(s.prompt()).toBe('controlplane:~/dir$ ')
    s.runLine('cd /tmp')
    expect(s.prompt()).toBe('controlplane:/tmp$ ')
  })

  it('starts the cluster at the given time and seed', () => {
    const s = new Session({ start: '2026-05-04T03:02:01Z', seed: 9 })
    expect(s.runLine('date -u +%FT%TZ').stdout).toBe('2026-05-04T03:02:01Z\n')
    expect(() => new Session({ start: 'yesterday' })).toThrow('invalid start time "yesterday": want RFC 3339, e.g. 2026-01-01T00:00:00Z')
  })

  it("keeps the terminal's size: 80x24 headless, COLUMNS and LINES as bash's unexported variables, what ls and watch lay out by", () => {
    const s = new Session()
    expect(s.runLine('echo $COLUMNS $LINES; env | grep -c -e ^COLUMNS= -e ^LINES=').stdout).toBe('80 24\n0\n')
    s.resize(57, 20)
    expect(s.runLine('echo $COLUMNS $LINES').stdout).toBe('57 20\n')
    s.runLine('mkdir d && cd d && touch aaaaaaaaaaaa bbbbbbbbbbbb cccccccccccc dddddddddddd eeeeeeeeeeee')
    expect(s.runLine('ls').stdout).toBe('aaaaaaaaaaaa  cccccccccccc  eeeeeeeeeeee\nbbbbbbbbbbbb  dddddddddddd\n')
  })

  it('knows when a typed line is unfinished', () => {
    const s = new Session()
    expect(["cat > f <<'EOF'", "cat > f <<'EOF'\nx", "cat > f <<'EOF'\nx\nEOF", "echo 'a", 'if true; then', 'echo hi'].map((t) => s.needsMore(t))).toEqual([true, true, false, true, true, false])
  })

  it('sleep advances the virtual clock and nothing else', () => {
    const s = new Session()
    const t0 = s.cluster.now()
    expect(s.runLine('sleep 90').code).toBe(0)
    expect(s.cluster.now() - t0).toBe(90_000)
  })

  it('history lists the lines as bash does, clear writes the xterm sequence', () => {
    const s = new Session()
    s.runLine('echo one')
    s.runLine('')
    expect(s.runLine('history').stdout).toBe('    1  echo one\n    2  history\n')
    expect(s.runLine('clear').stdout).toBe('\x1b[H\x1b[2J\x1b[3J')
    expect(s.runLine('history 1').stdout).toBe('    4  history 1\n')
  })

  it('k is kubectl, and kubectl keeps the session kubeconfig', () => {
    const s = new Session()
    s.runLine('kubectl config set-context --current --namespace=kube-system')
    expect(s.runLine('k get jobs').stderr).toBe('No resources found in kube-system namespace.\n')
  })

  it('background jobs run on by themselves between lines; bash tells of them before the next prompt', () => {
    const s = new Session()
    expect(s.runLine('(sleep 5; echo done > bg.txt) &').stderr).toBe('[1] 101\n')
    s.cluster.runUntil(s.cluster.now() + 10_000)
    expect(s.fs.readFile('/root/bg.txt')).toBe('done\n')
    const r = s.runLine('echo x')
    expect([r.stdout, r.stderr]).toEqual(['x\n', '[1]+  Done                    ( sleep 5; echo done > bg.txt )\n'])
  })

  it("/proc: the host's first process is systemd (/sbin/init), /proc/self the reader", () => {
    const s = new Session()
    expect(s.runLine("cat /proc/1/comm; tr '\\0' ' ' </proc/1/cmdline; echo; cat /proc/self/cmdline").stdout).toBe('systemd\n/sbin/init \ncat\0/proc/self/cmdline\0')
  })

  it('an empty line tells of ended jobs too', () => {
    const s = new Session()
    s.runLine('sleep 3 &')
    s.cluster.runUntil(s.cluster.now() + 5_000)
    let said = ''
    s.setSink((_, text) => (said += text))
    s.blankLine()
    expect(said).toBe('[1]+  Done                    sleep 3\n')
  })

  it('interrupts a line that runs away, with a note', () => {
    const saved = LINE_LIMITS.maxEvents
    LINE_LIMITS.maxEvents = 2000
    try {
      const s = new Session({ files: [{ name: 'f', data: 'x\n' }] })
      const r = s.runLine('tail -f f')
      expect([r.stdout, r.stderr]).toEqual(['x\n', 'batchlab: "tail -f f" ran too long; interrupted\n'])
    } finally {
      LINE_LIMITS.maxEvents = saved
    }
  })
})
