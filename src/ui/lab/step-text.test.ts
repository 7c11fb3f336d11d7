// The status line after "Next event", in English and Korean.
import { describe, expect, it } from 'vitest'
import { STRINGS } from '../i18n.ts'
import { stepText } from './step-text.ts'

const base = { from: 0, at: 2621, more: 0, idle: false }

describe('stepText', () => {
  it('names what changed and how far the clock moved, in both languages', () => {
    const s = { ...base, changes: [{ kind: 'Pod' as const, name: 'hello-x7k2p', verb: 'status' as const, detail: 'Running' }] }
    expect(stepText(STRINGS.en, s)).toBe('pod hello-x7k2p Running (+2.621 s)')
    expect(stepText(STRINGS.ko, s)).toBe('Pod hello-x7k2p: Running (+2.621초)')
  })
  it('counts the changes it does not name', () => {
    const s = { ...base, at: 60_000, more: 2, changes: [{ kind: 'Job' as const, name: 'tick-29430', verb: 'created' as const }] }
    expect(stepText(STRINGS.en, s)).toBe('job tick-29430 created, and 2 more (+60 s)')
    expect(stepText(STRINGS.ko, s)).toBe('Job tick-29430 생성됨, 외 2건 (+60초)')
  })
  it('says when nothing visible changed', () => {
    expect(stepText(STRINGS.en, { ...base, at: 86_400_000, changes: [] })).toBe('No visible change yet (+86400 s)')
    expect(stepText(STRINGS.ko, { ...base, at: 0, changes: [], idle: true })).toBe('더 이상 예정된 일이 없습니다')
  })
})
