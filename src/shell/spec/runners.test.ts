// Commands that run other commands: timeout, env, xargs, nohup, watch — their
// output and statuses as busybox 1.35 gives them (checked with the differential
// runner), on the virtual clock.
import { describe, expect, it } from 'vitest'
import { container, terminal } from './harness.ts'

describe('timeout', () => {
  const rows: [string, string, string, number][] = [
    ['timeout 1 sleep 3; echo $?', '143\n', 'Terminated\n', 1000],
    ['timeout -s KILL 1 sleep 3; echo $?', '137\n', 'Killed\n', 1000],
    ['timeout -s INT 1 sleep 3; echo $?', '130\n', '', 1000],
    ['timeout 2 sh -c "exit 3"; echo $?', '3\n', '', 0],
    ['timeout 5 sleep 1; echo $?', '0\n', '', 1000],
    ['timeout x sleep 1; echo $?', '1\n', "timeout: invalid number 'x'\n", 0],
    ['timeout 1 nosuch; echo $?', '127\n', "timeout: can't execute 'nosuch': No such file or directory\n", 0],
    ['timeout 1 sh -c "while true; do :; done"; echo $?', '143\n', 'Terminated\n', 1000],
  ]
  for (const [script, stdout, stderr, elapsed] of rows) {
    it(script, () => {
      const r = container(script)
      expect([r.stdout, r.stderr, r.elapsed]).toEqual([stdout, stderr, elapsed])
    })
  }
})

describe('env and nohup', () => {
  it('env -i, NAME=VALUE, -u, and exec errors', () => {
    const r = container('env -i FOO=1 env; env nosuch; echo $?; env cd; echo $?; env -u HOME env | grep -c HOME; env -i A=1 B=2 sh -c "echo \\$A\\$B"')
    expect([r.stdout, r.stderr]).toEqual([
      'FOO=1\n127\n127\n0\n12\n',
      "env: can't execute 'nosuch': No such file or directory\nenv: can't execute 'cd': No such file or directory\n",
    ])
  })

  it('nohup runs its command; without a terminal the output stays where it was', () => {
    expect(container('nohup echo hi; echo $?').stdout).toBe('hi\n0\n')
  })
})

describe('xargs', () => {
  it('groups arguments, -n, -I, quotes, an empty input runs once', () => {
    const r = container(`printf 'a b\\nc\\n' | xargs echo; echo a b c | xargs -n 2 echo; echo "" | xargs echo x; printf "a\\nb\\n" | xargs -I{} echo "<{}>"; echo 'a "b c" d' | xargs -n1 echo`)
    expect(r.stdout).toBe('a b c\na b\nc\nx\n<a>\n<b>\na\nb c\nd\n')
  })

  it('statuses: 123 when a command fails, 127 when it is missing', () => {
    const r = container('echo a | xargs false; echo $?; echo a | xargs nosuch; echo $?')
    expect([r.stdout, r.stderr]).toEqual(['123\n127\n', 'xargs: nosuch: No such file or directory\n'])
  })
})

describe('watch (terminal)', () => {
  it('prints a frame every interval until Ctrl-C, on the alternate screen it leaves at exit', () => {
    const t = terminal()
    const r = t.line('watch -n 2 echo hi', { signals: [[5000, 'INT']] })
    const frame = (s: number): string =>
      '\x1b[H\x1b[2J' + `Every 2.0s: echo hi${' '.repeat(80 - 19 - 38)}controlplane: Thu Jan  1 00:00:0${s} 2026\n\nhi\n`
    expect([r.stdout, r.code, r.elapsed]).toEqual(['\x1b[?1049h' + frame(0) + frame(2) + frame(4) + '\x1b[?1049l', 130, 5000])
  })

  it('-t leaves the title out', () => {
    const t = terminal()
    const r = t.line('watch -t -n 1 date +%s', { signals: [[1500, 'INT']] })
    expect(r.stdout).toBe('\x1b[?1049h\x1b[H\x1b[2J1767225600\n\x1b[H\x1b[2J1767225601\n\x1b[?1049l')
  })

  // Widths as procps-ng 4.0.2 draws the title (right part "controlplane: DATE" is 38 columns).
  const title = (cols: number, cmd: string): string => {
    const t = terminal({ size: { cols, rows: 24 } })
    const r = t.line(`watch -n 2 ${cmd}`, { signals: [[1000, 'INT']] })
    return r.stdout.split('\n')[0].replace('\x1b[?1049h\x1b[H\x1b[2J', '')
  }
  it("fits the title to the terminal's width: the command cut to end in '...'", () => {
    expect(title(57, 'kubectl get pods')).toBe('Every 2.0s: ku...  controlplane: Thu Jan  1 00:00:00 2026')
    expect(title(67, 'kubectl get pods')).toBe('Every 2.0s: kubectl get pods controlplane: Thu Jan  1 00:00:00 2026')
    expect(title(66, 'kubectl get pods')).toBe('Every 2.0s: kubectl get...  controlplane: Thu Jan  1 00:00:00 2026')
    expect(title(53, 'kubectl get pods')).toBe('Every 2.0s...  controlplane: Thu Jan  1 00:00:00 2026')
    expect(title(52, 'kubectl get pods')).toBe('Every 2.0s:   controlplane: Thu Jan  1 00:00:00 2026')
    expect(title(51, 'kubectl get pods')).toBe(' '.repeat(13) + 'controlplane: Thu Jan  1 00:00:00 2026')
    expect(title(37, 'kubectl get pods')).toBe('')
  })

  it('runs the command with COLUMNS and LINES of the screen, and shows only what fits on it', () => {
    const t = terminal({ size: { cols: 57, rows: 6 } })
    const r = t.line('watch -t -n 2 \'echo $COLUMNS $LINES; seq 100\'', { signals: [[1000, 'INT']] })
    expect(r.stdout).toBe('\x1b[?1049h\x1b[H\x1b[2J57 6\n1\n2\n3\n4\n5\x1b[?1049l')
    const w = terminal({ size: { cols: 10, rows: 4 } })
    const r2 = w.line('watch -n 2 \'printf "%s\\n" 0123456789abcdefghijklmnopq x\'', { signals: [[1000, 'INT']] })
    expect(r2.stdout.split('\n').slice(1).join('\n')).toBe('\n0123456789abcdefghij\x1b[?1049l')
  })

  it('counts columns as the terminal does: tabs to the next stop, Hangul two wide', () => {
    const t = terminal({ size: { cols: 10, rows: 3 } })
    const r = t.line('watch -t -n 2 \'printf "a\\tb\\n잡잡잡잡잡잡\\nlast\\n"\'', { signals: [[1000, 'INT']] })
    expect(r.stdout).toBe('\x1b[?1049h\x1b[H\x1b[2Ja\tb\n잡잡잡잡잡잡\x1b[?1049l')
  })

  it('$COLUMNS and $LINES override the terminal size', () => {
    const t = terminal({ size: { cols: 57, rows: 24 }, env: { PATH: '/usr/bin:/bin', HOSTNAME: 'controlplane', COLUMNS: '70', LINES: '3' } })
    const r = t.line('watch -n 2 seq 5', { signals: [[1000, 'INT']] })
    expect(r.stdout).toBe('\x1b[?1049h\x1b[H\x1b[2J' + `Every 2.0s: seq 5${' '.repeat(70 - 17 - 38)}controlplane: Thu Jan  1 00:00:00 2026\n\n1\x1b[?1049l`)
  })
})

describe('GNU coreutils timeout and sleep (debian/centos images, the terminal host)', () => {
  const rows: [string, string][] = [
    ['timeout 1 sleep 3; echo $?', '124\n'],
    ['timeout --preserve-status 1 sleep 3; echo $?', '143\n'],
    ['timeout -v 1 sleep 3; echo $?', "! timeout: sending signal TERM to command 'sleep'\n124\n"],
    ['timeout x sleep 1; echo $?', "! timeout: invalid time interval 'x'\n! Try 'timeout --help' for more information.\n125\n"],
    ['timeout 5; echo $?', "! Try 'timeout --help' for more information.\n125\n"],
    ['timeout -s FOO 1 true; echo $?', "! timeout: 'FOO': invalid signal\n! Try 'timeout --help' for more information.\n125\n"],
    ['timeout 1 nosuch; echo $?', "! timeout: failed to run command 'nosuch': No such file or directory\n127\n"],
    ['sleep; echo $?', "! sleep: missing operand\n! Try 'sleep --help' for more information.\n1\n"],
    ['sleep 1x; echo $?', "! sleep: invalid time interval '1x'\n! Try 'sleep --help' for more information.\n1\n"],
  ]
  for (const [script, log] of rows) {
    it(script, () => expect(container(script, { flavor: 'debian', env: { PATH: '/usr/bin:/bin' } }).log).toBe(log))
  }

  it('quotes follow a UTF-8 locale', () => {
    const r = container('sleep 1x', { flavor: 'debian', env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' } })
    expect(r.stderr).toBe("sleep: invalid time interval ‘1x’\nTry 'sleep --help' for more information.\n")
  })
})
