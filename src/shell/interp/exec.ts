// Running the syntax tree: lists, and-or lists, pipelines, compound commands,
// with set -e's exceptions, break/continue/return, and traps run between
// commands (ash's evaltree, evalloop, evalfor, evalcase, evalpipe).
import type { Case, Cmd, For, If, List, Loop, Pipeline, Redir, Script } from '../parse/ast.ts'
import { commandText } from './cmdtext.ts'
import { ExitSignal, isOutOfMemory, ShellError, SigPipe, SignalDeath, SIGNAL_TEXT } from './control.ts'
import { expandFields, expandPattern, expandString } from './expand-async.ts'
import { matches } from './pattern.ts'
import { applyRedirs, restoreRedirs } from './redirect.ts'
import { PREEMPT, type Gen, type Task } from './sched.ts'
import type { Sh } from './sh.ts'
import { runArithCmd, runCFor, runCond } from './bash.ts'
import { runSimple, simpleFast } from './simple.ts'
import { BLOCKED, EMPTY_INPUT, Pipe, PipeReader, PipeWriter } from './streams.ts'
import { runTrapAction, runTraps } from './traps.ts'

export function* runScript(sh: Sh, script: Script): Gen {
  let status = 0
  for (const item of script.items) {
    if (item.k === 'error') {
      sh.lineno = item.line
      sh.error(syntaxMessage(sh, item.message, item.token))
      sh.status = 2
      if (!sh.p.interactive) throw new ExitSignal(2)
      return 2
    }
    sh.p.lines++
    status = yield* runList(sh, item)
    if (sh.skip) break
  }
  return status
}

/** ash's syntax error text in the flavour's words (bash: "near unexpected token", dash: "Syntax error: … unexpected"). */
function syntaxMessage(sh: Sh, message: string, token: string | undefined): string {
  if (sh.flavor === 'bash' && token !== undefined) return `syntax error near unexpected token \`${token}'`
  if (sh.flavor !== 'dash') return message
  const m = /^syntax error: unexpected (.*?)( \(expecting .*\))?$/.exec(message)
  if (m) return `Syntax error: ${m[1]} unexpected${m[2] ?? ''}`
  const rest = message.replace(/^syntax error: /, '')
  return `Syntax error: ${rest[0].toUpperCase()}${rest.slice(1)}`
}

export function* runList(sh: Sh, list: List): Gen {
  let status = sh.status
  const items = list.items
  for (let i = 0; i < items.length; i++) {
    const item = items[i]
    const cmd = item.cmd
    if (sh.execLastList === list && i === items.length - 1) sh.execLast = !item.bg && cmd.k === 'simple'
    if (item.bg) {
      background(sh, cmd)
      status = sh.status = 0
    } else if (cmd.k === 'simple') {
      if (sh.p.sched.tick()) yield PREEMPT
      const fast = simpleFast(sh, cmd)
      status = settle(sh, cmd, fast === undefined ? yield* runSimple(sh, cmd) : typeof fast === 'number' ? fast : yield* fast)
    } else status = yield* runCmd(sh, cmd)
    if (sh.pendingSigs.length) yield* runTraps(sh)
    if (sh.skip) break
  }
  return status
}

export function* runCmd(sh: Sh, cmd: Cmd): Gen {
  if (sh.p.sched.tick()) yield PREEMPT
  let status: number
  switch (cmd.k) {
    case 'simple':
      status = yield* runSimple(sh, cmd)
      break
    case 'pipe':
      status = yield* runPipeline(sh, cmd)
      break
    case 'andor':
      status = yield* runAndOr(sh, cmd.first, cmd.rest)
      sh.status = status
      return status
    case 'list':
      return yield* runList(sh, cmd)
    case 'subshell':
      status = yield* runSubshellCmd(sh, cmd.body, cmd.redirs)
      break
    case 'group':
      status = yield* withRedirs(sh, cmd.redirs, () => runList(sh, cmd.body))
      break
    case 'if':
      status = yield* withRedirs(sh, cmd.redirs, () => runIf(sh, cmd))
      break
    case 'while':
    case 'until':
      status = yield* withRedirs(sh, cmd.redirs, () => runLoop(sh, cmd))
      break
    case 'for':
      status = yield* withRedirs(sh, cmd.redirs, () => runFor(sh, cmd))
      break
    case 'case':
      status = yield* withRedirs(sh, cmd.redirs, () => runCase(sh, cmd))
      break
    case 'func':
      sh.defineFunc(cmd.name, cmd.body)
      status = 0
      break
    case 'arithcmd':
      status = yield* withRedirs(sh, cmd.redirs, () => runArithCmd(sh, cmd))
      break
    case 'cfor':
      status = yield* withRedirs(sh, cmd.redirs, () => runCFor(sh, cmd))
      break
    case 'cond':
      status = yield* withRedirs(sh, cmd.redirs, () => runCond(sh, cmd))
      break
  }
  return settle(sh, cmd, status)
}

/** Record a command's status as $?; set -e ends the shell on failure outside conditions. */
function settle(sh: Sh, cmd: Cmd, status: number): number {
  sh.status = status
  if (status !== 0 && sh.opts.e && sh.tested === 0 && !sh.skip && (cmd.k === 'simple' || cmd.k === 'pipe' || cmd.k === 'subshell' || cmd.k === 'arithcmd' || cmd.k === 'cond')) {
    if (!(cmd.k === 'pipe' && cmd.bang)) throw new ExitSignal(status)
  }
  return status
}

/** Run `body` in `sh` under redirections; a failed redirection gives status 1. */
export function* withRedirs(sh: Sh, redirs: Redir[], body: () => Gen): Gen {
  if (!redirs.length) return yield* body()
  const saved = yield* applyRedirs(sh, redirs)
  if (!saved) return 1
  try {
    return yield* body()
  } finally {
    restoreRedirs(sh, saved)
  }
}

function* tested(sh: Sh, gen: Gen): Gen {
  sh.tested++
  try {
    return yield* gen
  } finally {
    sh.tested--
  }
}

function* runAndOr(sh: Sh, first: Cmd, rest: { op: '&&' | '||'; cmd: Cmd }[]): Gen {
  let status: number
  sh.tested++
  try {
    status = yield* runCmd(sh, first)
  } finally {
    sh.tested--
  }
  for (let i = 0; i < rest.length; i++) {
    if (sh.skip) break
    const { op, cmd } = rest[i]
    if ((op === '&&') !== (status === 0)) continue
    status = i === rest.length - 1 ? yield* runCmd(sh, cmd) : yield* tested(sh, runCmd(sh, cmd))
  }
  return status
}

function* runIf(sh: Sh, node: If): Gen {
  for (const clause of node.clauses) {
    let c: number
    sh.tested++
    try {
      c = yield* runList(sh, clause.cond)
    } finally {
      sh.tested--
    }
    if (sh.skip) return c
    if (c === 0) return yield* runList(sh, clause.body)
  }
  if (node.else) return yield* runList(sh, node.else)
  return 0
}

/** After a loop body: what a pending break/continue/return means for this loop. */
function loopControl(sh: Sh): 'next' | 'break' | 'out' {
  const s = sh.skip
  if (!s) return 'next'
  if (s.kind === 'return') return 'out'
  if (--s.n > 0) return 'out'
  sh.skip = null
  return s.kind === 'break' ? 'break' : 'next'
}

function* runLoop(sh: Sh, node: Loop): Gen {
  let status = 0
  sh.loopDepth++
  try {
    for (;;) {
      if (sh.p.sched.tick()) yield PREEMPT
      let c: number
      sh.tested++
      try {
        c = yield* runList(sh, node.cond)
      } finally {
        sh.tested--
      }
      if (sh.skip) {
        const k = loopControl(sh)
        if (k === 'next') continue
        break
      }
      if ((c === 0) !== (node.k === 'while')) break
      status = yield* runList(sh, node.body)
      const k = loopControl(sh)
      if (k !== 'next') break
    }
  } finally {
    sh.loopDepth--
  }
  return status
}

function* runFor(sh: Sh, node: For): Gen {
  const items = node.items ? yield* expandFields(sh, node.items) : sh.positional.slice()
  let status = 0
  sh.loopDepth++
  try {
    for (const v of items) {
      if (sh.p.sched.tick()) yield PREEMPT
      sh.set(node.name, v)
      status = yield* runList(sh, node.body)
      const k = loopControl(sh)
      if (k !== 'next') break
    }
  } finally {
    sh.loopDepth--
  }
  return status
}

function* runCase(sh: Sh, node: Case): Gen {
  const word = yield* expandString(sh, node.word)
  for (const item of node.items) {
    for (const p of item.patterns) {
      const pat = p.lit !== undefined && !/[\\*?[]/.test(p.lit) ? p.lit : yield* expandPattern(sh, p)
      if (pat === word || matches(pat, word)) return item.body ? yield* runList(sh, item.body) : 0
    }
  }
  return 0
}

function* runSubshellCmd(sh: Sh, body: List, redirs: Redir[]): Gen {
  return yield* withRedirs(sh, redirs, function* () {
    const sub = sh.subshell()
    sub.execLastList = body
    return yield* reportDeath(sh, runProcess(sub, runList(sub, body)))
  })
}

/**
 * Run the body of a process (a subshell, a stage, a job, the shell itself):
 * `exit` and fatal errors end it here, then its EXIT trap runs.
 */
export function* runProcess(sh: Sh, body: Gen): Gen {
  let code: number
  try {
    code = yield* body
  } catch (e) {
    if (e instanceof ExitSignal) {
      if (e.replaced) return e.code
      code = e.code
    } else if (e instanceof ShellError) code = e.code
    else if (e instanceof SigPipe) return 141
    else throw e
  }
  sh.skip = null
  return yield* exitTrap(sh, code)
}

/** Run the EXIT trap (once) with $? set to the exit status; `exit` in it changes the status. */
export function* exitTrap(sh: Sh, code: number): Gen {
  const action = sh.traps.get('EXIT')
  if (!action) return code
  sh.deleteTrap('EXIT')
  sh.status = code
  try {
    yield* runTrapAction(sh, action)
  } catch (e) {
    if (e instanceof ExitSignal) return e.code
    if (e instanceof ShellError) return e.code
    throw e
  }
  return code
}


/** Wait for a child process; if a signal killed it, say so as ash does for a foreground job. */
export function* reportDeath(parent: Sh, child: Gen): Gen {
  try {
    return yield* child
  } catch (e) {
    // A child that ran out of memory is the one the OOM killer takes (SIGKILL); the parent lives on.
    const sig = isOutOfMemory(e) ? 9 : e instanceof SignalDeath ? e.sig : 0
    if (!sig) throw e
    // ash says nothing of a child killed by SIGINT or SIGPIPE (shell/ash.c sprint_status48).
    if (sig !== 2 && sig !== 13) parent.stderr().write((SIGNAL_TEXT[sig] ?? `Signal ${sig}`) + '\n')
    return 128 + sig
  }
}

function background(sh: Sh, cmd: Cmd): void {
  const sub = sh.subshell()
  sub.execLast = cmd.k === 'simple'
  sub.group = sub.ownPid
  if (!sh.p.interactive) sub.fds[0] = { r: EMPTY_INPUT }
  const task = sh.p.sched.spawn(sub, runProcess(sub, runCmd(sub, cmd)))
  sh.lastBg = task.pid
  // A new job takes the number after the highest still in the table (bash, ash).
  task.job = sh.jobs.reduce((n, j) => Math.max(n, j.job ?? 0), 0) + 1
  if (sh.p.interactive) task.text = commandText(cmd)
  sh.addJob(task)
  if (sh.p.interactive && !sh.isSubshell) sh.stderr().write(`[${task.job}] ${task.pid}\n`)
}

function* runPipeline(sh: Sh, node: Pipeline): Gen {
  const n = node.cmds.length
  if (n === 1) {
    const st = yield* tested(sh, runCmd(sh, node.cmds[0]))
    return st === 0 ? 1 : 0
  }
  if (node.bang) sh.tested++
  try {
    const sched = sh.p.sched
    const tasks: Task[] = []
    let prev: Pipe | undefined
    for (let i = 0; i < n; i++) {
      const sub = sh.subshell()
      sub.execLast = node.cmds[i].k === 'simple'
      const out = i < n - 1 ? new Pipe(sched) : undefined
      if (prev) sub.fds[0] = { r: new PipeReader(prev) }
      if (out) sub.fds[1] = { w: new PipeWriter(out) }
      tasks.push(sched.spawn(sub, runProcess(sub, runCmd(sub, node.cmds[i])), { in: prev, out }))
      prev = out
    }
    while (!tasks.every((t) => t.done)) yield BLOCKED
    // bash at a terminal: a foreground job whose last process died of Ctrl-C ends the line
    // (reached only when another stage caught the signal; otherwise the line is already over).
    if (sh.p.interactive && sh.group === 0 && tasks[n - 1].signal === 2) throw new ShellError(130)
    let status = tasks[n - 1].code
    if (sh.opts.pipefail) for (const t of tasks) if (t.code !== 0) status = t.code
    return node.bang ? (status === 0 ? 1 : 0) : status
  } finally {
    if (node.bang) sh.tested--
  }
}
