// Signals on virtual time, as measured on real busybox 1.35 sh (see the cases):
// a trap runs after the foreground command finishes, `wait` is interrupted at
// once, PID 1 ignores TERM and HUP without a trap but not INT, KILL is final.
import { describe, expect, it } from 'vitest'
import type { Signal } from '../api.ts'
import { container } from './harness.ts'

interface Case {
  name: string
  script: string
  signals: [number, Signal][]
  pid1?: boolean
  stdout: string
  stderr?: string
  code: number | undefined
  elapsed: number
}

const CASES: Case[] = [
  {
    // busybox: "start", then after the 3 s sleep "got TERM", exit 3 at 3.0 s.
    name: 'a TERM trap runs after a foreground sleep ends',
    script: 'trap "echo got TERM; exit 3" TERM; echo start; sleep 3; echo after sleep',
    signals: [[500, 'TERM']],
    stdout: 'start\ngot TERM\n',
    code: 3,
    elapsed: 3000,
  },
  {
    name: 'the trap runs before the next command, and $? is the sleep\'s',
    script: 'trap "echo got TERM" TERM; echo start; sleep 2; echo "after sleep $?"',
    signals: [[500, 'TERM']],
    stdout: 'start\ngot TERM\nafter sleep 0\n',
    code: 0,
    elapsed: 2000,
  },
  {
    // busybox: wait returns 143 at once, the trap has run; the second wait waits for sleep.
    name: 'wait is interrupted by a trapped signal',
    script: 'trap "echo got TERM" TERM; echo start; sleep 3 & wait; echo "after wait $?"; wait; echo "after wait2 $?"',
    signals: [[500, 'TERM']],
    stdout: 'start\ngot TERM\nafter wait 143\nafter wait2 0\n',
    code: 0,
    elapsed: 3000,
  },
  {
    name: 'PID 1 ignores TERM without a trap',
    script: 'echo start; sleep 2; echo end',
    signals: [[500, 'TERM']],
    pid1: true,
    stdout: 'start\nend\n',
    code: 0,
    elapsed: 2000,
  },
  {
    name: 'PID 1 ignores HUP without a trap',
    script: 'echo start; sleep 2; echo end',
    signals: [[500, 'HUP']],
    pid1: true,
    stdout: 'start\nend\n',
    code: 0,
    elapsed: 2000,
  },
  {
    // ash installs its own SIGINT handler, so even PID 1 dies of INT.
    name: 'PID 1 still dies of INT',
    script: 'echo start; sleep 2; echo end',
    signals: [[500, 'INT']],
    pid1: true,
    stdout: 'start\n',
    code: 130,
    elapsed: 500,
  },
  {
    name: 'a shell that is not PID 1 dies of TERM at once',
    script: 'echo start; sleep 2; echo end',
    signals: [[500, 'TERM']],
    pid1: false,
    stdout: 'start\n',
    code: 143,
    elapsed: 500,
  },
  {
    name: 'KILL ends PID 1 with 137, without traps',
    script: 'trap "echo exit trap" EXIT; trap "echo term" TERM; sleep 100',
    signals: [[1000, 'KILL']],
    stdout: '',
    code: 137,
    elapsed: 1000,
  },
  {
    name: 'exit in a TERM trap runs the EXIT trap',
    script: 'trap "echo bye \\$?" EXIT; trap "exit 5" TERM; sleep 10 & wait',
    signals: [[100, 'TERM']],
    stdout: 'bye 5\n',
    code: 5,
    elapsed: 100,
  },
  {
    name: "trap '' TERM ignores it even when not PID 1",
    script: "trap '' TERM; sleep 1; echo survived",
    signals: [[100, 'TERM']],
    pid1: false,
    stdout: 'survived\n',
    code: 0,
    elapsed: 1000,
  },
  {
    name: 'trap - TERM restores the default (PID 1: ignored)',
    script: 'trap "echo t" TERM; trap - TERM; sleep 1; echo end',
    signals: [[100, 'TERM']],
    stdout: 'end\n',
    code: 0,
    elapsed: 1000,
  },
  {
    name: 'a busy loop is ended by TERM when it is not PID 1',
    script: 'while true; do :; done',
    signals: [[2000, 'TERM']],
    pid1: false,
    stdout: '',
    code: 143,
    elapsed: 2000,
  },
  {
    name: 'a TERM trap interrupts a busy loop between commands',
    script: 'trap "echo caught; exit 0" TERM; while true; do :; done',
    signals: [[2000, 'TERM']],
    stdout: 'caught\n',
    code: 0,
    elapsed: 2000,
  },
]

describe('signals', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = container(c.script, { signals: c.signals, pid1: c.pid1 ?? true, limitMs: 60_000 })
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.code, elapsed: r.elapsed }).toEqual({
        stdout: c.stdout,
        stderr: c.stderr ?? '',
        code: c.code,
        elapsed: c.elapsed,
      })
    })
  }
})

describe('kill from inside (busybox kill $$ under unshare -p)', () => {
  const cases: [string, boolean, string, number][] = [
    ['kill -TERM $$; echo survived', true, 'survived\n', 0],
    ['kill -HUP $$; echo survived', true, 'survived\n', 0],
    ['kill -INT $$; echo survived', true, '', 130],
    ['trap "echo got int" INT; kill -INT $$; echo survived', true, 'got int\nsurvived\n', 0],
    ['kill $$; echo survived', false, '', 143],
  ]
  for (const [script, pid1, stdout, code] of cases) {
    it(`${script} (pid1=${pid1})`, () => {
      const r = container(script, { pid1 })
      expect([r.stdout, r.code]).toEqual([stdout, code])
    })
  }
})
