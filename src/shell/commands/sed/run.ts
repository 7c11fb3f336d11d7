// Running a parsed sed script as busybox does: the cycle over each line with the pattern
// and hold spaces, addresses and ranges, the append queue, branches, and s/// with
// busybox's empty-match rules. Upstream: busybox editors/sed.c (process_files, do_subst_command).
import type { CommandContext, Wait } from '../../api.ts'
import type { PosixRegex } from '../util/regex.ts'
import type { Input } from './input.ts'
import { SedError, type Address, type Cmd } from './parse.ts'

export interface State {
  ctx: CommandContext
  cmds: Cmd[]
  quiet: boolean
  input: Input
  out: (s: string) => void
  ps: string
  psNl: boolean
  hold: string
  append: string[]
  lastRegex: PosixRegex | null
  substituted: boolean
  exit: number | null
  wfiles: Map<string, string>
}

export function* runScript(st: State): Generator<Wait, void, void> {
  let restart = false
  for (;;) {
    if (!restart) {
      const l = yield* st.input.next()
      if (!l) return
      st.ps = l.text
      st.psNl = l.nl
      st.substituted = false
    }
    restart = false
    const r = yield* cycle(st)
    if (r !== 'delete' && r !== 'restart' && !st.quiet) st.out(st.ps + (st.psNl ? '\n' : ''))
    flushAppend(st)
    if (r === 'quit') return
    if (r === 'restart') restart = true
    if (st.exit !== null) return
  }
}

function flushAppend(st: State): void {
  for (const a of st.append) st.out(a)
  st.append = []
}

type CycleEnd = 'end' | 'delete' | 'restart' | 'quit'

function* cycle(st: State): Generator<Wait, CycleEnd, void> {
  const cmds = st.cmds
  for (let pc = 0; pc < cmds.length; pc++) {
    const c = cmds[pc]
    if (c.cmd === ':' || c.cmd === '}') continue
    const hit = matches(st, c) !== c.negate
    if (!hit) {
      if (c.cmd === '{') {
        if (c.end === undefined) throw new SedError('unterminated {')
        pc = c.end
      }
      continue
    }
    switch (c.cmd) {
      case '{':
        break
      case 's':
        if (substitute(st, c)) {
          st.substituted = true
          if (c.print) st.out(st.ps + '\n')
          if (c.wfile) st.wfiles.set(c.wfile, st.wfiles.get(c.wfile)! + st.ps + '\n')
        }
        break
      case 'y':
        st.ps = [...st.ps].map((ch) => (c.from!.includes(ch) ? c.to![c.from!.indexOf(ch)] : ch)).join('')
        break
      case 'p':
        st.out(st.ps + '\n')
        break
      case 'P': {
        const i = st.ps.indexOf('\n')
        st.out((i < 0 ? st.ps : st.ps.slice(0, i)) + '\n')
        break
      }
      case 'd':
        return 'delete'
      case 'D': {
        const i = st.ps.indexOf('\n')
        if (i < 0) return 'delete'
        st.ps = st.ps.slice(i + 1)
        flushAppend(st)
        return 'restart'
      }
      case 'n': {
        if (st.input.isLast()) return 'end'
        if (!st.quiet) st.out(st.ps + '\n')
        flushAppend(st)
        const l = (yield* st.input.next())!
        st.ps = l.text
        st.psNl = l.nl
        break
      }
      case 'N': {
        // GNU (and busybox): on the last line N prints the pattern space and ends.
        if (st.input.isLast()) return 'end'
        flushAppend(st)
        const l = (yield* st.input.next())!
        st.ps += '\n' + l.text
        st.psNl = l.nl
        break
      }
      case 'g':
        st.ps = st.hold
        break
      case 'G':
        st.ps += '\n' + st.hold
        break
      case 'h':
        st.hold = st.ps
        break
      case 'H':
        st.hold += '\n' + st.ps
        break
      case 'x':
        ;[st.ps, st.hold] = [st.hold, st.ps]
        break
      case 'q':
        st.exit = 0
        return 'quit'
      case '=':
        st.out(`${st.input.linenum}\n`)
        break
      case 'l':
        // busybox parses `l` and does nothing with it.
        break
      case 'a':
        st.append.push(c.text! + '\n')
        break
      case 'i':
        st.out(c.text! + '\n')
        break
      case 'c':
        // In a range the text replaces the whole range: print it once, at its end.
        if (!c.a2 || c.negate || !c.inRange) st.out(c.text! + '\n')
        return 'delete'
      case 'r': {
        const n = st.ctx.fs.lookup(c.text!, st.ctx.cwd)
        if (n?.type === 'file') st.append.push(n.data)
        break
      }
      case 'w':
        st.wfiles.set(c.text!, st.wfiles.get(c.text!)! + st.ps + '\n')
        break
      case 'b':
      case 't':
      case 'T': {
        const jump = c.cmd === 'b' || (c.cmd === 't' ? st.substituted : !st.substituted)
        if (c.cmd !== 'b') st.substituted = false
        if (!jump) break
        if (!c.text) return 'end'
        pc = cmds.findIndex((x) => x.cmd === ':' && x.text === c.text)
        break
      }
    }
  }
  return 'end'
}

function matchAddr(st: State, a: Address): boolean {
  const n = st.input.linenum
  switch (a.t) {
    case 'line':
      return n === a.n
    case 'last':
      return st.input.isLast()
    case 'regex': {
      const re = a.re ?? st.lastRegex
      if (!re) throw new SedError('no previous regexp')
      st.lastRegex = re
      return re.test(st.ps)
    }
  }
  return false
}

/** busybox's range rules: a2 is checked from the line after a1 (a line number may end it at once). */
function matches(st: State, c: Cmd): boolean {
  if (!c.a1) return true
  if (!c.a2) return matchAddr(st, c.a1)
  const n = st.input.linenum
  if (!c.inRange) {
    if (!matchAddr(st, c.a1)) return false
    c.inRange = true
    const a2 = c.a2
    if (a2.t === 'line' && a2.n <= n) c.inRange = false
    else if (a2.t === 'plus') {
      c.rangeEnd = n + a2.n
      if (a2.n === 0) c.inRange = false
    } else if (a2.t === 'last' && st.input.isLast()) c.inRange = false
    return true
  }
  const a2 = c.a2
  let end: boolean
  if (a2.t === 'plus') end = n >= c.rangeEnd!
  else if (a2.t === 'line') end = n >= a2.n
  else end = matchAddr(st, a2)
  if (end) c.inRange = false
  return true
}

/** s///: busybox's loop, including its empty-match rules. */
function substitute(st: State, c: Cmd): boolean {
  const re = c.re ?? st.lastRegex
  if (!re) throw new SedError('no previous regexp')
  st.lastRegex = re
  const line = st.ps
  let m = re.exec(line)
  if (!m) return false
  let out = ''
  let pos = 0
  let count = 0
  let altered = false
  let prevEmpty = true
  let triedEol = false
  for (;;) {
    count++
    const start = m.start
    let end = m.end
    if (c.nth && c.nth !== count) {
      out += line.slice(pos, end)
      pos = end
      if (start === end && pos < line.length) out += line[pos++]
    } else {
      out += line.slice(pos, start)
      if (prevEmpty || start !== pos || start !== end) {
        out += expand(c.replacement!, line, m)
        altered = true
      }
      prevEmpty = start === end
      if (prevEmpty) {
        if (end >= line.length) triedEol = true
        else out += line[end++]
      }
      pos = end
      if (c.nth !== 0) break
    }
    if (pos >= line.length) {
      if (triedEol) break
      triedEol = true
    }
    const next = re.exec(line, pos, true)
    if (!next) break
    m = next
  }
  st.ps = out + line.slice(pos)
  return altered
}

function expand(repl: string, line: string, m: { start: number; end: number; groups: ([number, number] | undefined)[] }): string {
  let out = ''
  for (let i = 0; i < repl.length; i++) {
    const ch = repl[i]
    if (ch === '\\' && i + 1 < repl.length) {
      const n = repl[++i]
      if (n >= '0' && n <= '9') {
        const g = n === '0' ? [m.start, m.end] : m.groups[Number(n) - 1]
        if (g) out += line.slice(g[0], g[1])
        continue
      }
      out += n
      continue
    }
    out += ch === '&' ? line.slice(m.start, m.end) : ch
  }
  return out
}
