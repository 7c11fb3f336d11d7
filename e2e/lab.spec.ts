// The lab, end to end in Debian's chromium: play lesson 1, see the pods on the
// timeline, use the terminal, break the YAML, reload, switch language.
import { expect, test } from '@playwright/test'
import { gotoLine, openLab, terminalText, typeInTerminal } from './helpers.ts'

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await page.evaluate(() => localStorage.clear())
})

test('lesson 1: Play runs the countdown Job to 10 of 10 pods, and kubectl sees it Complete', async ({ page }) => {
  // 30×: the Job completes about 70 virtual seconds in, and its TTL (240 s) leaves time to look.
  await openLab(page, 'speed=30&lang=en')
  await page.getByRole('button', { name: /^Play/ }).click()
  await expect(page.locator('[data-pod-name][data-phase=Succeeded]')).toHaveCount(10, { timeout: 30_000 })
  await expect(page.locator('[data-job-name=countdown-job]')).toHaveAttribute('data-outcome', 'Complete')
  await page.getByRole('button', { name: /^Pause/ }).click()
  await typeInTerminal(page, 'kubectl get jobs')
  await expect.poll(() => terminalText(page), { timeout: 10_000 }).toMatch(/countdown-job\s+Complete\s+10\/10/)
  await expect(page.locator('[data-check=countdown-complete]')).toHaveAttribute('data-passed', 'true')
})

test('a broken manifest gets a marker in the editor', async ({ page }) => {
  await openLab(page)
  await gotoLine(page, 6)
  await page.keyboard.press('Enter')
  await page.keyboard.insertText('backofLimit: 3')
  await expect(page.locator('[data-testid=markers]')).toContainText('backofLimit', { timeout: 20_000 })
})

test('an edit survives a reload', async ({ page }) => {
  await openLab(page)
  await gotoLine(page, 4)
  await page.keyboard.insertText('-edited')
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('countdown-job-edited')
  await page.waitForTimeout(300)
  await page.reload()
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('countdown-job-edited', { timeout: 20_000 })
})

test('the whole lab switches to Korean', async ({ page }) => {
  await openLab(page, 'lang=ko')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('카운트다운')
  await expect(page.getByRole('button', { name: /^Play/ })).toContainText('재생')
  await page.getByRole('combobox', { name: '언어' }).selectOption('en')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('countdown')
})

test('when the worker fails, the lab says so and comes back from its history', async ({ page }) => {
  await openLab(page)
  await typeInTerminal(page, 'kubectl apply -f countdown-job.yaml')
  await expect.poll(() => terminalText(page)).toContain('job.batch/countdown-job created')
  await page.evaluate(() => (window as unknown as { batchlab: { crashForTest(): void } }).batchlab.crashForTest())
  await expect(page.getByText('Lab restored.')).toBeVisible({ timeout: 20_000 })
  await expect.poll(() => terminalText(page)).toContain('job.batch/countdown-job created')
  await typeInTerminal(page, 'kubectl get jobs')
  await expect.poll(() => terminalText(page), { timeout: 10_000 }).toMatch(/countdown-job\s+Running/)
})

test('apply errors from the API server are marked at the field\'s line', async ({ page }) => {
  await openLab(page)
  await gotoLine(page, 29)
  await page.keyboard.press('Home')
  await page.keyboard.press('Shift+End')
  await page.keyboard.press('Delete')
  await page.getByRole('button', { name: /^Apply/ }).click()
  await expect(page.locator('[data-marker-source=apply]')).toContainText('spec.template.spec.restartPolicy: Required value', { timeout: 20_000 })
})

test('a line longer than the terminal is wide wraps once, without copies, and runs whole', async ({ page }) => {
  await openLab(page)
  const word = 'x'.repeat(150)
  await page.locator('[data-testid=terminal] .xterm-helper-textarea').focus()
  await page.keyboard.type(`echo ${word}`)
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.type('c')
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await terminalText(page)).replace(/\n/g, '')).toContain(`${word}controlplane:~$`)
  expect((await terminalText(page)).match(/\$ echo/g)).toHaveLength(1)
})

test('keys typed while a command runs are read when the prompt returns, as one line', async ({ page }) => {
  await openLab(page, 'speed=1&lang=en')
  await typeInTerminal(page, 'sleep 2')
  await page.keyboard.type('echo typed-ahead')
  await page.keyboard.press('Enter')
  await page.keyboard.type('echo left-on-the-line')
  await expect.poll(() => terminalText(page), { timeout: 10_000 }).toMatch(/\$ echo typed-ahead\ntyped-ahead\n.*\$ echo left-on-the-line/)
  expect(await terminalText(page)).not.toContain('command not found')
})
