// The kubectl terminal: xterm.js showing our shell running in the worker, with
// history, Ctrl-C, tab completion, copy and paste, and screen-reader mode.
import { FitAddon } from '@xterm/addon-fit'
import { Terminal } from '@xterm/xterm'
import '@xterm/xterm/css/xterm.css'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import type { LabClient } from '../../worker/client.ts'
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

export const TerminalPane = forwardRef<TerminalHandle, { client: LabClient; beforeLine?: () => void }>(function TerminalPane({ client, beforeLine }, ref) {
  const beforeRef = useRef(beforeLine)
  beforeRef.current = beforeLine
  const host = useRef<HTMLDivElement>(null)
  const api = useRef<TerminalHandle | null>(null)

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
    term.textarea?.setAttribute('aria-label', 'Terminal input')
    const ed = new LineEditor()
    let prompt = promptFor('controlplane:~$ ', false)
    let busy = true
    const queue: string[] = []

    const redraw = () => {
      term.write('\r\x1b[K' + prompt + ed.line)
      const back = ed.line.length - ed.cursor
      if (back > 0) term.write(`\x1b[${back}D`)
    }
    const send = (line: string) => {
      beforeRef.current?.()
      busy = true
      client.runLine(line)
    }
    const drain = () => {
      while (!busy && queue.length) {
        const line = queue.shift()!
        term.write(line + '\r\n')
        send(line)
      }
    }
    const offOut = client.onOutput((data) => term.write(data))
    const offEcho = client.onEcho((p, line) => term.write(promptFor(p, p === '> ') + line + '\r\n'))
    const offReset = client.onReset(() => {
      term.reset()
      busy = true
    })
    const offPrompt = client.onPrompt((text, _code, more) => {
      busy = false
      prompt = promptFor(text, more)
      term.write(prompt)
      drain()
      if (!busy) redraw()
    })
    const dataSub = term.onData(async (data) => {
      if (busy) {
        if (data === '\x03') client.interrupt()
        else if (!data.startsWith('\x1b')) queue.push(...LineEditor.splitPaste(data).filter(Boolean))
        return
      }
      const lines = data.length > 1 && /[\r\n]/.test(data.slice(0, -1)) ? LineEditor.splitPaste(data) : null
      if (lines) {
        const [first, ...rest] = lines
        ed.key(first)
        const r = ed.key('\r')
        if (r.kind === 'submit') {
          term.write('\r\n')
          send(r.line)
        }
        queue.push(...rest.filter(Boolean))
        return
      }
      const a = ed.key(data)
      switch (a.kind) {
        case 'render':
          redraw()
          break
        case 'submit':
          term.write('\r\n')
          send(a.line)
          break
        case 'interrupt':
          term.write('^C\r\n')
          ed.reset()
          term.write(prompt)
          break
        case 'clear':
          term.clear()
          redraw()
          break
        case 'complete': {
          const { items, replaceFrom } = await client.complete(a.line)
          if (items.length === 1) {
            ed.setLine(a.line.slice(0, replaceFrom) + items[0] + ed.line.slice(a.line.length))
            redraw()
          } else if (items.length > 1) {
            term.write('\r\n' + items.join('  ') + '\r\n')
            redraw()
          }
          break
        }
      }
    })
    api.current = {
      run(line) {
        if (busy) {
          queue.push(line)
          return
        }
        ed.reset()
        term.write('\r\x1b[K' + prompt + line + '\r\n')
        send(line)
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
      term.dispose()
    }
  }, [client])

  useImperativeHandle(ref, () => ({ run: (line) => api.current?.run(line) }), [])
  return <div className="terminal-host" ref={host} data-testid="terminal" />
})
