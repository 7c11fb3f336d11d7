// wait and kill (ash's waitcmd, killcmd with busybox's kill applet texts) over
// the processes of this shell's process tree.
import type { CommandContext } from '../api.ts'
import { ExitSignal, parseSignal, SignalDeath, SIGNAL_NAMES, SIGNAL_TEXT } from '../interp/control.ts'
import { CATCHABLE, shellOf } from '../interp/context.ts'
import { BLOCKED } from '../interp/streams.ts'
import type { Gen, Task } from '../interp/sched.ts'
import type { Sh } from '../interp/sh.ts'

export function* wait(sh: Sh, argv: string[]): Gen {
  const pids = argv.slice(1).filter((a) => a !== '--')
  if (!pids.length) {
    for (;;) {
      if (sh.pendingSigs.length) return 128 + sh.pendingSigs[0]
      if (sh.jobs.every((j) => j.done)) break
      yield BLOCKED
    }
    sh.jobs = []
    return 0
  }
  let status = 0
  for (const p of pids) {
    const job = /^[0-9]+$/.test(p) ? sh.jobs.find((j) => j.pid === Number(p)) : jobSpec(sh, p)
    if (!job) {
      status = 127
      continue
    }
    const report = !job.reaped
    while (!job.done) {
      if (sh.pendingSigs.length) return 128 + sh.pendingSigs[0]
      yield BLOCKED
    }
    status = job.code
    if (report && job.signal && job.signal !== 2 && job.signal !== 13) sh.stderr().write((SIGNAL_TEXT[job.signal] ?? `Signal ${job.signal}`) + '\n')
    sh.jobs = sh.jobs.filter((j) => j !== job)
  }
  return status
}

/** %N, %% and %+ (the current job), %- (the previous one). */
function jobSpec(sh: Sh, spec: string): Task | undefined {
  const m = /^%([0-9]+|%|\+|-)?$/.exec(spec)
  if (!m) return undefined
  const jobs = sh.jobs
  if (m[1] === undefined || m[1] === '%' || m[1] === '+') return jobs[jobs.length - 1]
  if (m[1] === '-') return jobs[jobs.length - 2]
  return jobs.find((j) => j.job === Number(m[1]))
}

export function jobsCmd(sh: Sh): number {
  if (sh.flavor === 'bash') {
    // bash lists finished jobs too, once: they leave the table as they are shown.
    sh.stdout().write(jobLines(sh, sh.jobs))
    sh.jobs = sh.jobs.filter((j) => !j.done)
    return 0
  }
  let out = ''
  sh.jobs.forEach((j, i) => {
    if (!j.done) out += `[${j.job ?? i + 1}]${i === sh.jobs.length - 1 ? '+' : ' '} Running\n`
  })
  sh.stdout().write(out)
  return 0
}

/**
 * bash at the terminal tells of background jobs that ended ("[1]+  Done   sleep 30")
 * after a foreground program ends and before the next prompt, on stderr, and forgets them.
 * Upstream: bash jobs.c notify_of_job_status, pretty_print_job.
 */
export function notifyJobs(sh: Sh): void {
  if (!sh.p.interactive || sh.flavor !== 'bash' || sh.isSubshell || !sh.jobs.some((j) => j.done)) return
  sh.stderr().write(jobLines(sh, sh.jobs.filter((j) => j.done)))
  sh.jobs = sh.jobs.filter((j) => !j.done)
}

/** bash's job lines: "[N]" and + (current), - (previous) or a space, the state in 24 columns, the command. */
function jobLines(sh: Sh, list: Task[]): string {
  const jobs = sh.jobs
  let out = ''
  for (const j of list) {
    const at = jobs.indexOf(j)
    const mark = at === jobs.length - 1 ? '+' : at === jobs.length - 2 ? '-' : ' '
    out += `[${j.job}]${mark}  ${jobState(j).padEnd(24)}${j.text ?? ''}${j.done ? '' : ' &'}\n`
  }
  return out
}

/** What bash says of a job: Running, Done, Exit N, or how a signal ended it. */
function jobState(j: Task): string {
  if (!j.done) return 'Running'
  if (j.signal) return BASH_SIGNAL_TEXT[j.signal] ?? SIGNAL_TEXT[j.signal] ?? `Signal ${j.signal}`
  return j.code === 0 ? 'Done' : `Exit ${j.code}`
}

const BASH_SIGNAL_TEXT: Record<number, string> = { 2: 'Interrupt', 13: 'Broken pipe' }

/** kill as a builtin and as busybox's kill applet. */
export function kill(ctx: CommandContext): number {
  const sh = shellOf(ctx)
  const args = ctx.argv.slice(1)
  let sig = 15
  if (args[0] === '-l') {
    if (args.length > 1) {
      let out = ''
      for (const a of args.slice(1)) {
        const n = /^[0-9]+$/.test(a) && Number(a) > 128 ? Number(a) - 128 : parseSignal(a)
        if (n === undefined || n === 0) {
          ctx.stderr.write(`sh: bad signal name '${a}'\n`)
          return 1
        }
        out += (/^[0-9]+$/.test(a) ? SIGNAL_NAMES[n] : String(n)) + '\n'
      }
      ctx.stdout.write(out)
      return 0
    }
    ctx.stdout.write(SIGNAL_NAMES.slice(1).map((n, i) => `${String(i + 1).padStart(2)}) ${n}`).join('\n') + '\n')
    return 0
  }
  if (args[0] === '-s' || (args[0]?.startsWith('-') && args[0].length > 1 && args[0] !== '--')) {
    const spec = args[0] === '-s' ? args[1] : args[0].slice(1)
    args.splice(0, args[0] === '-s' ? 2 : 1)
    const n = spec === undefined ? undefined : parseSignal(spec)
    if (n === undefined) {
      ctx.stderr.write(`sh: bad signal name '${spec ?? ''}'\n`)
      return 1
    }
    sig = n
  }
  if (args[0] === '--') args.shift()
  if (!args.length) {
    ctx.stderr.write('sh: you need to specify whom to kill\n')
    return 1
  }
  let status = 0
  for (const a of args) {
    const job = sh && a.startsWith('%') ? jobSpec(sh, a) : undefined
    if (sh && a.startsWith('%') && !job) {
      ctx.stderr.write(`sh: kill: ${a}: no such job\n`)
      status = 1
      continue
    }
    const pid = job ? job.pid : /^-?[0-9]+$/.test(a) ? Number(a) : NaN
    if (Number.isNaN(pid)) {
      ctx.stderr.write(`sh: invalid number '${a}'\n`)
      status = 1
      continue
    }
    const r = sh ? signalPid(sh, pid, sig) : 'none'
    if (r === 'die') throw new ExitSignal(128 + sig, true)
    if (r === 'self') throw new SignalDeath(sig)
    if (r === 'none') {
      ctx.stderr.write(`sh: can't kill pid ${a}: No such process\n`)
      status = 1
    }
  }
  return status
}

/**
 * Deliver a signal to a process of this tree: 'die' when it ends the main shell,
 * 'self' when it kills the calling shell (a child sh run inline, as `sh -c 'kill $$'` is).
 */
function signalPid(sh: Sh, pid: number, sig: number): 'ok' | 'none' | 'die' | 'self' {
  const sched = sh.p.sched
  if (pid === sh.p.mainPid || pid === 0) {
    if (sig !== 0 && sh.p.signalSelf(sig)) return 'die'
    return 'ok'
  }
  // A child shell runs inside its parent's task, so no task has its pid: kill
  // sent to its own $$ acts on it here, as the kernel would (trap, ignore or die).
  if (pid === sh.ownPid && pid === sh.pid && !sched.tasks.some((t) => t.pid === pid && !t.done)) {
    if (sig === 0) return 'ok'
    const action = sh.traps.get(SIGNAL_NAMES[sig])
    if (sig !== 9 && action === '') return 'ok'
    if (sig !== 9 && action !== undefined) {
      sh.addPendingSig(sig)
      return 'ok'
    }
    return 'self'
  }
  const task = sched.tasks.find((t) => t.pid === pid && !t.done)
  if (task) {
    deliver(task, sig, sh)
    return 'ok'
  }
  return sched.tasks.some((t) => t.pid === pid) ? 'ok' : 'none'
}

function deliver(task: Task, sig: number, from: Sh): void {
  if (sig === 0) return
  const caught = CATCHABLE[sig]
  if (caught && task.onSignal) {
    task.onSignal(caught)
    task.until = -Infinity
    return
  }
  const name = SIGNAL_NAMES[sig]
  const action = task.sh.traps.get(name)
  if (action === '') return
  if (action !== undefined && sig !== 9) {
    task.sh.addPendingSig(sig)
    return
  }
  task.signal = sig
  from.p.sched.kill(task, 128 + sig)
}
