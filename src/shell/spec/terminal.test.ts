// The student's terminal: one bash-flavoured Shell whose state persists across
// lines; host commands (kubectl) found without a file on PATH; Ctrl-C; bash's
// error wording (checked against bash 5.2 in interactive mode).
import { describe, expect, it } from 'vitest'
import type { Command, CommandContext, Wait } from '../api.ts'
import { container, terminal } from './harness.ts'

/** A stand-in for kubectl: prints a pod name, a JSON status, or watches forever. */
const kubectl: Command = (ctx: CommandContext) => {
  const args = ctx.argv.slice(1).join(' ')
  if (args.startsWith('get pods') && !args.includes('-w')) {
    ctx.stdout.write('countdown-job-x7k2p')
    return 0
  }
  if (args.startsWith('get job')) {
    ctx.stdout.write('{"status":{"active":1,"ready":1,"startTime":"2026-01-01T00:00:00Z"}}\n')
    return 0
  }
  if (args.startsWith('logs')) {
    ctx.stdout.write(`logs of ${ctx.argv[2]}\n`)
    return 0
  }
  return (function* (): Generator<Wait, number, void> {
    ctx.stdout.write('watching\n')
    for (;;) yield { until: Infinity }
  })()
}
const commands = new Map([['kubectl', kubectl]])

describe('terminal shell', () => {
  it('keeps variables, functions, cwd and options across lines', () => {
    const t = terminal()
    t.line('X=1; f() { echo "f $X $1"; }; cd /tmp; set -o pipefail')
    expect(t.line('f arg; pwd; echo $-').stdout).toBe('f 1 arg\n/tmp\nhimBHs\n')
    expect(t.shell.cwd).toBe('/tmp')
    expect(t.shell.getVar('X')).toBe('1')
  })

  it("runs the seed's kubectl lines: substitution, logs, and a pipe into jq", () => {
    const t = terminal({ commands })
    expect(t.line("POD_NAME=$(kubectl get pods -l app=countdown-job -o jsonpath='{.items[0].metadata.name}')").code).toBe(0)
    expect(t.line('kubectl logs $POD_NAME').stdout).toBe('logs of countdown-job-x7k2p\n')
    expect(t.line('kubectl get job countdown-job -o json | jq .status').stdout).toBe(
      '{\n  "active": 1,\n  "ready": 1,\n  "startTime": "2026-01-01T00:00:00Z"\n}\n',
    )
  })

  it("bash's error wording", () => {
    const t = terminal()
    const rows: [string, string, number][] = [
      ['foo', 'bash: foo: command not found\n', 127],
      ['./nosuch', 'bash: ./nosuch: No such file or directory\n', 127],
      ['/etc/passwd', 'bash: /etc/passwd: Permission denied\n', 126],
      ['cd /nope', 'bash: cd: /nope: No such file or directory\n', 1],
      ['cd /etc/passwd', 'bash: cd: /etc/passwd: Not a directory\n', 1],
      ['echo ${x:?}', 'bash: x: parameter null or not set\n', 2],
      ['set -u; echo $zz; set +u', 'bash: zz: unbound variable\n', 2],
      ['if true; then fi', "bash: syntax error near unexpected token `fi'\n", 2],
      ['echo a; fi', "bash: syntax error near unexpected token `fi'\n", 2],
    ]
    for (const [line, stderr, code] of rows) {
      const r = t.line(line)
      expect([line, r.stderr, r.code]).toEqual([line, stderr, code])
    }
  })

  it('Ctrl-C ends a watch with 130 and the terminal goes on', () => {
    const t = terminal({ commands })
    const r = t.line('kubectl get pods -w | grep watching', { signals: [[5000, 'INT']] })
    expect([r.stdout, r.code, r.elapsed]).toEqual(['watching\n', 130, 5000])
    expect(t.line('echo next').stdout).toBe('next\n')
  })

  it('sleep in the terminal advances the clock; TERM does not stop the terminal', () => {
    const t = terminal()
    const r = t.line('sleep 2; echo woke', { signals: [[500, 'TERM']] })
    expect([r.stdout, r.code, r.elapsed]).toEqual(['woke\n', 0, 2000])
  })

  it('aliases defined on one line apply to the next', () => {
    const t = terminal({ commands })
    t.line("alias k=kubectl ll='ls -l'")
    expect(t.line('k logs p1').stdout).toBe('logs of p1\n')
    expect(t.line('alias').stdout).toBe("alias k='kubectl'\nalias ll='ls -l'\n".replace(/alias /g, ''))
  })

  it('exit ends the session after the EXIT trap', () => {
    const t = terminal()
    t.line("trap 'echo bye' EXIT")
    const r = t.line('exit 3')
    expect([r.stdout, r.code, t.shell.exited]).toEqual(['bye\n', 3, true])
  })

  it('background jobs print their number and pid, and keep running across lines', () => {
    const t = terminal()
    const r = t.line('sleep 1 &')
    expect(r.stderr).toBe('[1] 101\n')
    expect(t.line('wait; echo $?').stdout).toBe('0\n')
  })
})

/** A stand-in for kubectl get -w: catches INT/TERM/HUP as kubectl's interrupt handler does, and exits 1. */
const catcher: Command = (ctx: CommandContext) =>
  (function* (): Generator<Wait, number, void> {
    let caught = ''
    const release = ctx.onSignal?.((sig) => (caught = sig))
    try {
      ctx.stdout.write('watching\n')
      while (!caught) yield { until: Infinity }
      ctx.stderr.write(`caught ${caught}\n`)
      return 1
    } finally {
      release?.()
    }
  })()

describe("bash's job notices at the terminal (checked against bash 5.2 -i)", () => {
  it('a job that ended during a foreground program is told of after it, on stderr', () => {
    const t = terminal()
    expect(t.line('sleep 1 &').stderr).toBe('[1] 101\n')
    const r = t.line('sleep 2')
    expect([r.stdout, r.stderr]).toEqual(['', '[1]+  Done                    sleep 1\n'])
    expect(t.line('sleep 1 &').stderr).toBe('[1] 103\n')
  })

  it('told of right after the foreground program that reaped it, before the rest of the line', () => {
    const t = terminal()
    t.line('false &')
    expect(t.line(' sleep 0.5; echo hi').log).toBe('! [1]+  Exit 1                  false\nhi\n')
  })

  it('a builtin reaps nothing: the notice comes before the next prompt, after its output', () => {
    const t = terminal()
    t.line('sleep 5 &')
    expect(t.line('jobs').stdout).toBe('[1]+  Running                 sleep 5 &\n')
    expect(t.line('kill %1; echo x').log).toBe('x\n! [1]+  Terminated              sleep 5\n')
    expect(t.line('jobs').stdout).toBe('')
  })

  it('jobs lists ended jobs once (+ current, - previous), then forgets them', () => {
    const t = terminal()
    t.line('sleep 0.2 & sleep 0.3 &')
    const r = t.line('i=0; while [ $i -lt 40000 ]; do i=$((i+1)); done; jobs')
    expect([r.stdout, r.stderr]).toEqual(['[1]-  Done                    sleep 0.2\n[2]+  Done                    sleep 0.3\n', ''])
    expect(t.line('jobs').stdout).toBe('')
  })

  it('the command as bash prints it back', () => {
    const rows: [string, string][] = [
      ['sleep 0.2 > /dev/null 2>&1 &', 'sleep 0.2 > /dev/null 2>&1'],
      ['(sleep 0.2; echo a) | cat >/dev/null &', '( sleep 0.2; echo a ) | cat > /dev/null'],
      ["sleep 0.2 && echo 'a  b' >/dev/null &", "sleep 0.2 && echo 'a  b' > /dev/null"],
      ['X=1   sleep "0.2"  &', 'X=1 sleep "0.2"'],
    ]
    for (const [line, text] of rows) {
      const t = terminal()
      t.line(line)
      expect(t.line('sleep 1').stderr).toBe(`[1]+  Done                    ${text}\n`)
    }
  })

  it('a new job takes the number after the highest still in the table', () => {
    const t = terminal()
    t.line('sleep 10 & sleep 1 &')
    expect(t.line('sleep 2; jobs').log).toBe('! [2]+  Done                    sleep 1\n[1]+  Running                 sleep 10 &\n')
    expect(t.line('sleep 3 &').stderr).toBe('[2] 104\n')
    expect(t.line('jobs').stdout).toBe('[1]-  Running                 sleep 10 &\n[2]+  Running                 sleep 3 &\n')
  })
})

describe('commands that catch signals (CommandContext.onSignal)', () => {
  const cmds = new Map([['catcher', catcher]])
  it('Ctrl-C calls the handler instead of killing; the line goes on with its status', () => {
    const t = terminal({ commands: cmds })
    const r = t.line('catcher; echo "after $?"', { signals: [[5000, 'INT']] })
    expect([r.stdout, r.stderr, r.code, r.elapsed]).toEqual(['watching\nafter 1\n', 'caught INT\n', 0, 5000])
  })

  it('in a pipeline the stages that do not catch die of SIGINT; a last stage killed so ends the line (bash)', () => {
    const t = terminal({ commands: cmds })
    const r = t.line('catcher | cat; echo not-reached', { signals: [[2000, 'INT']] })
    expect([r.stdout, r.stderr, r.code]).toEqual(['watching\n', 'caught INT\n', 130])
    const last = t.line('sleep 9 | catcher; echo "after $?"', { signals: [[2000, 'INT']] })
    expect([last.stdout, last.stderr, last.code]).toEqual(['watching\nafter 1\n', 'caught INT\n', 0])
  })

  it('kill sends TERM to a background catcher, which handles it', () => {
    const t = terminal({ commands: cmds })
    expect(t.line('catcher >/dev/null &').stderr).toBe('[1] 101\n')
    const r = t.line('kill %1; wait %1; echo "status $?"')
    expect([r.stdout, r.stderr]).toEqual(['status 1\n', 'caught TERM\n'])
  })

  it('a command that does not catch still dies with 130', () => {
    const t = terminal({ commands })
    const r = t.line('kubectl get pods -w; echo not-reached', { signals: [[1000, 'INT']] })
    expect([r.stdout, r.code]).toEqual(['watching\n', 130])
  })
})

describe('Ctrl-C with an INT trap at the terminal', () => {
  it('ends the foreground command at once, then runs the trap (bash)', () => {
    const t = terminal()
    t.line("trap 'echo caught' INT")
    const r = t.line('sleep 100; echo not-reached', { signals: [[1000, 'INT']] })
    expect([r.stdout, r.code, r.elapsed]).toEqual(['caught\n', 130, 1000])
  })
})

describe('brace expansion (bash only; checked against bash 5.2)', () => {
  const rows: [string, string][] = [
    ['echo {a,b,c}', 'a b c\n'],
    ['echo {1..5}', '1 2 3 4 5\n'],
    ['echo x{1..3}y', 'x1y x2y x3y\n'],
    ['echo {01..10}', '01 02 03 04 05 06 07 08 09 10\n'],
    ['echo {1..10..3}', '1 4 7 10\n'],
    ['echo {5..1}', '5 4 3 2 1\n'],
    ['echo {a..e}', 'a b c d e\n'],
    ['echo {a,b}{1,2}', 'a1 a2 b1 b2\n'],
    ['echo {a,{b,c}}', 'a b c\n'],
    ['echo "{a,b}" {a} {}', '{a,b} {a} {}\n'],
    ['for i in {1..3}; do echo $i; done', '1\n2\n3\n'],
    ['echo {-2..2}', '-2 -1 0 1 2\n'],
    ['echo a{,b}', 'a ab\n'],
  ]
  for (const [line, stdout] of rows) it(line, () => expect(terminal().line(line).stdout).toBe(stdout))

  it('busybox sh leaves braces alone', () => {
    expect(container('echo {1..3} {a,b}').stdout).toBe('{1..3} {a,b}\n')
  })
})

describe("bash's [[ ]], (( )), for (( )) and <<< (checked against bash 5.2)", () => {
  const rows: [string, string][] = [
    ['x=5; [[ $x -gt 3 && $x -lt 10 ]] && echo in', 'in\n'],
    ['x="a b"; [[ $x == "a b" ]] && echo eq; [[ $x == a* ]] && echo glob; [[ $x == "a*" ]] || echo quoted', 'eq\nglob\nquoted\n'],
    ['[[ abc =~ ^a(b|c)c$ ]] && echo "re $BASH_REMATCH"', 're abc\n'],
    ['[[ a < b ]] && echo lt', 'lt\n'],
    ['[[ ( 1 -eq 1 ) || 2 -eq 3 ]] && echo paren', 'paren\n'],
    ['(( 3 > 2 )) && echo gt; (( 0 )); echo $?', 'gt\n1\n'],
    ['i=0; (( i++ )); echo $i', '1\n'],
    ['for ((i=0; i<3; i++)); do echo $i; done', '0\n1\n2\n'],
    ['for (( i=10; i>0; i-=4 )); do echo $i; done', '10\n6\n2\n'],
    ['read a b <<< "x y"; echo $b$a', 'yx\n'],
    ['for ((;;)); do break; done; echo out', 'out\n'],
  ]
  for (const [line, stdout] of rows) it(line, () => expect(terminal().line(line).stdout).toBe(stdout))

  it('busybox sh does not know them', () => {
    expect(container('for ((i=0; i<3; i++)); do echo $i; done').stderr).toBe('sh: syntax error: bad for loop variable\n')
    expect(container('cat <<< x').stderr).toBe('sh: syntax error: unexpected redirection\n')
  })
})

describe('job specs', () => {
  it('kill %1 and wait %1 name background jobs by number', () => {
    const t = terminal()
    expect(t.line('sleep 100 & sleep 200 &').stderr).toBe('[1] 101\n[2] 102\n')
    const r = t.line('kill %1; wait %1; echo $?; kill %%; wait; echo done; kill %7')
    expect([r.stdout, r.stderr, r.elapsed]).toEqual(['143\ndone\n', 'Terminated\nsh: kill: %7: no such job\n', 0])
  })
})

describe("ls lays out columns for the terminal's width", () => {
  const files = 'aaaaaaaa bbbbbbbbb ccccccccc ddddddddd eeeeeeeee fffffffff'
  it('GNU ls asks the terminal (TIOCGWINSZ) before $COLUMNS; 80 columns in a pipe', () => {
    const t = terminal({ size: { cols: 30, rows: 24 } })
    t.line(`mkdir d && cd d && touch ${files}`)
    expect(t.line('ls').stdout).toBe('aaaaaaaa   ddddddddd\nbbbbbbbbb  eeeeeeeee\nccccccccc  fffffffff\n')
    expect(t.line('COLUMNS=20 ls').stdout).toBe('aaaaaaaa   ddddddddd\nbbbbbbbbb  eeeeeeeee\nccccccccc  fffffffff\n')
    expect(t.line('ls -C | cat').stdout).toBe('aaaaaaaa  bbbbbbbbb  ccccccccc\tddddddddd  eeeeeeeee  fffffffff\n')
    expect(t.line('COLUMNS=57 ls -C | cat').stdout).toBe('aaaaaaaa   ccccccccc  eeeeeeeee\nbbbbbbbbb  ddddddddd  fffffffff\n')
  })
})
