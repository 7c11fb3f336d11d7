// read (busybox's shell_builtin_read): a line from stdin, backslashes processed
// unless -r, split on IFS into the names (the last takes the rest), REPLY by
// default; -t on the virtual clock, -n N characters, -p shown only on a terminal.
import type { Wait } from '../api.ts'
import type { Sh } from '../interp/sh.ts'
import { parseDuration } from '../runners/sleep.ts'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export function* read(sh: Sh, argv: string[]): Generator<Wait, number, void> {
  let raw = false
  let timeout: number | undefined
  let count: number | undefined
  let prompt = ''
  let i = 1
  for (; i < argv.length && argv[i][0] === '-' && argv[i].length > 1; i++) {
    const a = argv[i]
    if (a === '--') {
      i++
      break
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]
      if (c === 'r' || c === 's') {
        if (c === 'r') raw = true
        continue
      }
      if ('ptnud'.includes(c)) {
        const val = j + 1 < a.length ? a.slice(j + 1) : argv[++i]
        j = a.length
        if (val === undefined) {
          sh.appletError(`read: option requires an argument -- '${c}'`)
          return 2
        }
        if (c === 'p') prompt = val
        else if (c === 't') {
          const ms = parseDuration(val)
          if (ms === undefined) {
            sh.appletError(`read: invalid timeout '${val}'`)
            return 1
          }
          timeout = ms
        } else if (c === 'n') count = Number(val)
        continue
      }
      sh.appletError(`read: invalid option -- '${c}'`)
      return 2
    }
  }
  const names = argv.slice(i)
  for (const n of names) {
    if (!NAME.test(n)) {
      sh.appletError(`read: '${n}': bad variable name`)
      return 1
    }
  }
  if (prompt && sh.stdout().tty) sh.stderr().write(prompt)
  const line = yield* readInput(sh, raw, timeout, count)
  const vars = names.length ? names : ['REPLY']
  if (line === null) {
    for (const n of vars) sh.set(n, '')
    return 1
  }
  assign(sh, vars, line.text.includes('\0') ? line.text.replace(/\0/g, '') : line.text, raw)
  return line.eof ? 1 : 0
}

interface Line {
  text: string
  /** The input ended before a newline. */
  eof: boolean
}

/** read -n N: up to N characters, stopping at a newline (consumed). */
function* readCount(sh: Sh, count: number): Generator<Wait, Line | null, void> {
  const input = sh.stdin() as { readChar?(): Generator<Wait, string | null, void> }
  if (!input.readChar) return null
  let text = ''
  while (text.length < count) {
    const c = yield* input.readChar()
    if (c === null) return text ? { text, eof: true } : null
    if (c === '\n') break
    text += c
  }
  return { text, eof: false }
}

function* readInput(sh: Sh, raw: boolean, timeout: number | undefined, count: number | undefined): Generator<Wait, Line | null, void> {
  const input = sh.stdin()
  if (count !== undefined && (input as { readChar?: unknown }).readChar) return yield* readCount(sh, count)
  const deadline = timeout === undefined ? Infinity : sh.p.host.now() + timeout
  let text = ''
  for (;;) {
    const gen = input.readLine()
    let r = gen.next()
    while (!r.done) {
      if (sh.pendingSigs.length) return null
      if (sh.p.host.now() >= deadline) return null
      const w = r.value
      yield { until: Math.min(w.until, deadline) }
      r = gen.next()
    }
    const piece = r.value
    if (piece === null) return text ? { text, eof: true } : null
    const eof = (input as { lastNl?: boolean }).lastNl === false
    if (count !== undefined) return { text: (text + piece).slice(0, count), eof }
    if (!raw && !eof && /(^|[^\\])(\\\\)*\\$/.test(piece)) {
      text += piece.slice(0, -1)
      continue
    }
    return { text: text + piece, eof }
  }
}

function assign(sh: Sh, vars: string[], text: string, raw: boolean): void {
  const ifs = sh.vars.get('IFS') ?? ' \t\n'
  const ws = (c: string): boolean => (c === ' ' || c === '\t' || c === '\n') && ifs.includes(c)
  let pos = 0
  const n = text.length
  while (pos < n && ws(text[pos])) pos++
  for (let v = 0; v < vars.length; v++) {
    const last = v === vars.length - 1
    let field = ''
    if (last) {
      let end = n
      while (end > pos && ws(text[end - 1])) end--
      field = unescape(text.slice(pos, end), raw)
      sh.set(vars[v], field)
      return
    }
    while (pos < n && !ifs.includes(text[pos])) {
      if (!raw && text[pos] === '\\' && pos + 1 < n) {
        field += text[pos + 1]
        pos += 2
        continue
      }
      field += text[pos++]
    }
    sh.set(vars[v], field)
    while (pos < n && ws(text[pos])) pos++
    if (pos < n && ifs.includes(text[pos]) && !ws(text[pos])) {
      pos++
      while (pos < n && ws(text[pos])) pos++
    }
  }
}

function unescape(s: string, raw: boolean): string {
  return raw ? s : s.replace(/\\(.)/g, '$1')
}
