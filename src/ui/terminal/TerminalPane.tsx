// The kubectl terminal: xterm.js showing our shell running in the worker, with
// history, Ctrl-C, tab completion, copy and paste, and screen-reader mode.
import { FitAddon } from '@xterm/addon-fit'
import { Terminal } from '@xterm/xterm'
import '@xterm/xterm/css/xterm.css'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import type { LabClient } from '../../worker/client.ts'
import { STRINGS } from '../i18n.ts'
import { usePrefs } from '../state/prefs.ts'
import { place, textWidth } from './layout.ts'
import { LineEditor } from './line-editor.ts'

export interface TerminalHandle {
  /** Type a command as if the student did, and run it. */
  run(line: string): void
}

/** Colour the session's prompt ("controlplane:~$ ") like a Killercoda terminal. */
function promptFor(text: string, more: boolean): string {
  if (more) return '> '
  const m = /^([^:]+):(.*)\$ $/.exec(text)
  return m ? `\x1b[1;32m${m[1]}\x1b[0m:\x1b[1;34m${m[2]}\x1b[0m$ ` : text
}

function commonPrefix(a: string, b: string): string {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return a.slice(0, i)
}

export const TerminalPane = forwardRef<TerminalHandle, { client: LabClient; beforeLine?: () => void }>(function TerminalPane({ client, beforeLine }, ref) {
  const beforeRef = useRef(beforeLine)
  beforeRef.current = beforeLine
  const host = useRef<HTMLDivElement>(null)
  const api = useRef<TerminalHandle | null>(null)
  const termRef = useRef<Terminal | null>(null)
  const label = STRINGS[usePrefs((s) => s.lang)].terminalInput

  useEffect(() => {
    const term = new Terminal({
      screenReaderMode: true,
      convertEol: true,
      cursorBlink: true,
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--mono') || 'monospace',
      fontSize: 13,
      scrollback: 5000,
      theme: { background: '#10141b', foreground: '#d7dde8' },
    })
    const fit = new FitAddon()
    term.loadAddon(fit)
    term.open(host.current!)
    termRef.current = term
    const ed = new LineEditor()
    let prompt = promptFor('controlplane:~$ ', false)
    let busy = true
    // Keys typed while a command runs, and pasted lines after the first: read when the
    // prompt comes back, as a tty keeps type-ahead for the shell (Ctrl-C discards it).
    let ahead = ''
    // The column the prompt left the cursor in (output without a final newline may
    // come before it), and the row of the input the cursor is on now: a line longer
    // than the terminal is wide wraps, and a redraw has to start from its first row.
    let origin = textWidth(prompt)
    let cursorRow = 0

    const showPrompt = () => {
      origin = textWidth(prompt)
      cursorRow = 0
      term.write(prompt, () => {
        origin = term.buffer.active.cursorX
      })
    }
    const redraw = () => {
      const p = place(origin, ed.line, ed.cursor, term.cols)
      let s = cursorRow > 0 ? `\x1b[${cursorRow}A` : ''
      s += `\x1b[${origin + 1}G\x1b[J` + ed.line
      // A row filled exactly leaves xterm's cursor in its last column: step onto the next row.
      if (p.pendingWrap) s += ' \b'
      if (p.end.row > p.cursor.row) s += `\x1b[${p.end.row - p.cursor.row}A`
      s += `\x1b[${p.cursor.col + 1}G`
      cursorRow = p.cursor.row
      term.write(s)
    }
    /** Leave the input (whose text was `line`) with the cursor on a fresh row below it. */
    const leaveLine = (line: string, mark = '') => {
      const p = place(origin, line, line.length, term.cols)
      const down = p.end.row - cursorRow
      cursorRow = 0
      term.write((down > 0 ? `\x1b[${down}B` : '') + `\x1b[${p.end.col + 1}G` + mark + (p.pendingWrap && !mark ? '\r' : '\r\n'))
    }
    const send = (line: string) => {
      beforeRef.current?.()
      busy = true
      client.runLine(line)
    }
    const submit = () => {
      const line = ed.line
      ed.cursor = line.length
      const r = ed.key('\r')
      if (r.kind !== 'submit') return
      leaveLine(line)
      send(r.line)
    }
    const drain = () => {
      while (!busy && ahead) {
        // Text up to the next control character goes in at once; a newline runs the line.
        // eslint-disable-next-line no-control-regex
        const text = /^[^\x00-\x1f\x7f]+/.exec(ahead)?.[0]
        if (text) {
          ahead = ahead.slice(text.length)
          ed.key(text)
          redraw()
          continue
        }
        let c = ahead[0]
        ahead = ahead.slice(c === '\r' && ahead[1] === '\n' ? 2 : 1)
        if (c === '\n') c = '\r'
        // No completion, no escape sequences (arrows) from type-ahead: only what edits the line.
        if (c !== '\t' && c !== '\x1b') onKey(c)
      }
    }
    // Acknowledged once drawn, so the lab never gets far ahead of the screen (see the worker's OUTPUT_HIGH).
    const offOut = client.onOutput((data) => term.write(data, () => client.ack(data.length)))
    const offEcho = client.onEcho((p, line) => {
      // A seek forward runs the student's next lines again: each replaces the idle prompt on screen.
      let s = ''
      if (!busy) {
        s += (cursorRow > 0 ? `\x1b[${cursorRow}A` : '') + `\x1b[${Math.max(0, origin - textWidth(prompt)) + 1}G\x1b[J`
        cursorRow = 0
        ed.reset()
        busy = true
      }
      ed.remember(line)
      term.write(s + promptFor(p, p === '> ') + line + '\r\n')
    })
    const offReset = client.onReset(() => {
      term.reset()
      ed.clearHistory()
      ahead = ''
      busy = true
    })
    const offPrompt = client.onPrompt((text, _code, more) => {
      busy = false
      prompt = promptFor(text, more)
      showPrompt()
      drain()
    })
    const dataSub = term.onData((data) => {
      if (busy) {
        if (data === '\x03') {
          // The terminal echoes ^C; the shell decides what comes after it.
          term.write('^C')
          ahead = ''
          client.interrupt()
        } else if (!data.startsWith('\x1b')) ahead += data
        return
      }
      // A paste with a newline before its end: its lines run one after the other, and what
      // follows the last newline stays on the line, as bash without bracketed paste does.
      if (data.length > 1 && /[\r\n]/.test(data.slice(0, -1))) {
        ahead += data
        drain()
        return
      }
      onKey(data)
    })
    async function onKey(data: string) {
      const before = ed.line
      const a = ed.key(data)
      switch (a.kind) {
        case 'render':
          redraw()
          break
        case 'submit':
          // The editor has already taken the line: show it whole before leaving it.
          ed.setLine(a.line)
          redraw()
          ed.reset()
          leaveLine(a.line)
          send(a.line)
          break
        case 'interrupt':
          leaveLine(before, '^C')
          ed.reset()
          showPrompt()
          break
        case 'clear': {
          const up = cursorRow
          cursorRow = 0
          term.write(up > 0 ? `\x1b[${up}A` : '', () => {
            term.clear()
            redraw()
          })
          break
        }
        case 'complete': {
          const { items, replaceFrom } = await client.complete(a.line)
          const word = a.line.slice(replaceFrom)
          const rest = ed.line.slice(a.line.length)
          const insert = (text: string) => {
            ed.setLine(a.line.slice(0, replaceFrom) + text + rest)
            ed.cursor = ed.line.length - rest.length
            redraw()
          }
          // As bash does: a single match is completed with a space after it (not after a
          // directory), several are completed as far as they agree, and listed when they
          // agree no further than what is typed.
          const common = items.reduce((acc, s) => (s.startsWith(acc) ? acc : commonPrefix(acc, s)), items[0] ?? '')
          if (items.length === 1) insert(items[0] + (items[0].endsWith('/') ? '' : ' '))
          else if (common.length > word.length) insert(common)
          else if (items.length > 1) {
            leaveLine(ed.line)
            term.write(items.join('  ') + '\r\n')
            showPrompt()
            redraw()
          }
          break
        }
      }
    }
    // xterm.js reflows a wrapped line when the width changes: the cursor's row within it changes too.
    const resizeSub = term.onResize(({ cols, rows }) => {
      client.resize(cols, rows)
      if (!busy) cursorRow = place(origin, ed.line, ed.cursor, cols).cursor.row
    })
    api.current = {
      run(line) {
        if (busy) {
          ahead += line + '\n'
          return
        }
        ed.setLine(line)
        redraw()
        submit()
      },
    }
    const ro = new ResizeObserver(() => {
      try {
        fit.fit()
      } catch {
        // not visible yet
      }
    })
    ro.observe(host.current!)
    return () => {
      ro.disconnect()
      offOut()
      offPrompt()
      offReset()
      offEcho()
      dataSub.dispose()
      resizeSub.dispose()
      term.dispose()
    }
  }, [client])

  useEffect(() => {
    termRef.current?.textarea?.setAttribute('aria-label', label)
  }, [client, label])

  useImperativeHandle(ref, () => ({ run: (line) => api.current?.run(line) }), [])
  return <div className="terminal-host" ref={host} data-testid="terminal" />
})
