// The timeline's pod states are named by the STATUS word kubectl get pods prints for
// them (printers.go printPod), in both languages, so the legend matches the terminal.
import { describe, expect, it } from 'vitest'
import { STRINGS } from '../i18n.ts'

const STATUS: Record<string, string> = {
  Pending: 'Pending',
  ContainerCreating: 'ContainerCreating',
  Running: 'Running',
  Error: 'Error',
  BackOff: 'CrashLoopBackOff',
  ImagePullBackOff: 'ImagePullBackOff',
  Succeeded: 'Completed',
  Failed: 'Error',
  Terminating: 'Terminating',
}

describe('pod state names', () => {
  it('lead with the kubectl STATUS word; Korean adds a short gloss to each', () => {
    for (const [state, word] of Object.entries(STATUS)) {
      expect(STRINGS.en.phase[state].split(' (')[0]).toBe(word)
      expect(STRINGS.ko.phase[state]).toMatch(new RegExp(`^${word} \\([가-힣 ]+\\)$`))
    }
    expect(Object.keys(STRINGS.ko.phase).sort()).toEqual(Object.keys(STATUS).sort())
  })
})
