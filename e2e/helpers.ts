// Shared steps for the browser tests: reading the terminal, typing into it.
import { expect, type Page } from '@playwright/test'

/** The terminal's visible text (xterm's DOM renderer rows). */
export async function terminalText(page: Page): Promise<string> {
  return page.locator('[data-testid=terminal] .xterm-rows').innerText()
}

/** Type a line into the terminal and press Enter. */
export async function typeInTerminal(page: Page, line: string): Promise<void> {
  await page.locator('[data-testid=terminal] .xterm-helper-textarea').focus()
  await page.keyboard.type(line)
  await page.keyboard.press('Enter')
}

export async function openLab(page: Page, query = 'speed=600&lang=en'): Promise<void> {
  await page.goto(`/lab/01-job-basics?${query}`)
  await expect(page.getByRole('button', { name: /^Play/ })).toBeEnabled({ timeout: 20_000 })
}

/** Put the editor's cursor at the end of a line (1-based). */
export async function gotoLine(page: Page, line: number): Promise<void> {
  await page.getByRole('textbox', { name: 'Editor content' }).focus()
  await page.keyboard.press('Control+Home')
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('End')
}
