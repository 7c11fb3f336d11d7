import { describe, expect, it } from 'vitest'
import { LineEditor } from './line-editor.ts'

const type = (ed: LineEditor, s: string) => [...s].forEach((c) => ed.key(c))

describe('terminal line editor', () => {
  it('edits with arrows, backspace and Ctrl-W, and submits the line', () => {
    const ed = new LineEditor()
    type(ed, 'kubectl get pod')
    ed.key('\x1b[D')
    ed.key('\x7f')
    expect(ed.line).toBe('kubectl get pd')
    ed.key('\x05')
    ed.key('\x17')
    expect(ed.line).toBe('kubectl get ')
    type(ed, 'jobs')
    expect(ed.key('\r')).toEqual({ kind: 'submit', line: 'kubectl get jobs' })
    expect(ed.line).toBe('')
  })

  it('recalls history with up and down, keeping the draft', () => {
    const ed = new LineEditor(['kubectl get jobs'])
    type(ed, 'kubectl get pods')
    ed.key('\r')
    type(ed, 'draft')
    ed.key('\x1b[A')
    expect(ed.line).toBe('kubectl get pods')
    ed.key('\x1b[A')
    expect(ed.line).toBe('kubectl get jobs')
    expect(ed.key('\x1b[A')).toEqual({ kind: 'none' })
    ed.key('\x1b[B')
    ed.key('\x1b[B')
    expect(ed.line).toBe('draft')
  })

  it('turns Ctrl-C, Ctrl-L and Tab into actions', () => {
    const ed = new LineEditor()
    type(ed, 'kubectl de')
    expect(ed.key('\t')).toEqual({ kind: 'complete', line: 'kubectl de' })
    expect(ed.key('\x03')).toEqual({ kind: 'interrupt' })
    expect(ed.key('\x0c')).toEqual({ kind: 'clear' })
  })

  it('submits at a pasted newline', () => {
    const ed = new LineEditor()
    expect(ed.key('echo hi\nls')).toEqual({ kind: 'submit', line: 'echo hi' })
  })

  it('recalls lines it was told about, as after a reload replays them', () => {
    const ed = new LineEditor()
    ed.remember('kubectl apply -f job.yaml')
    ed.remember('kubectl get jobs')
    ed.key('\x1b[A')
    expect(ed.line).toBe('kubectl get jobs')
    ed.key('\x1b[A')
    expect(ed.line).toBe('kubectl apply -f job.yaml')
  })
})
