// The theme in effect: a lab page's ?theme= sets the initial theme only, the menu wins
// once used on that page; an embed page keeps the instructor's ?theme=.
import { describe, expect, it } from 'vitest'
import { effectiveTheme } from './prefs.ts'

describe('effectiveTheme', () => {
  const page = '/lab/01-job-basics?theme=dark'
  it('is the saved preference without ?theme=', () => {
    expect(effectiveTheme('light', undefined, undefined, false, '/lab/01-job-basics')).toBe('light')
  })
  it('is ?theme= on a lab page until the student picks one from the menu there', () => {
    expect(effectiveTheme('light', undefined, 'dark', false, page)).toBe('dark')
    expect(effectiveTheme('light', page, 'dark', false, page)).toBe('light')
    expect(effectiveTheme('dark', page, 'dark', false, page)).toBe('dark')
    // A choice made on another page does not override this page's ?theme=.
    expect(effectiveTheme('light', '/', 'dark', false, page)).toBe('dark')
  })
  it("is always the instructor's ?theme= on an embed page", () => {
    expect(effectiveTheme('light', '/embed/01-job-basics?theme=dark', 'dark', true, '/embed/01-job-basics?theme=dark')).toBe('dark')
  })
})
