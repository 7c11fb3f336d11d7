// The lab's controls as a student meets them: a share link opened over work of their
// own, ?theme= and the Theme menu, what "Next event" stepped to, a long jump.
import { expect, test } from '@playwright/test'
import { openLab, terminalText, typeInTerminal } from './helpers.ts'

test.beforeEach(async ({ page }) => {
  await page.goto('/')
  await page.evaluate(() => localStorage.clear())
})

test('a share link opened over my own work keeps it, and Restore brings it back', async ({ page }) => {
  await openLab(page)
  await typeInTerminal(page, 'echo shared-part')
  await page.getByRole('button', { name: 'Copy share link' }).click()
  await expect(page).toHaveURL(/#s=/)
  const link = page.url()
  await typeInTerminal(page, 'echo my-own-part')
  await expect.poll(() => terminalText(page)).toContain('my-own-part')
  await page.goto('/')
  await page.goto(link)
  await expect(page.getByRole('status').filter({ hasText: 'You opened a shared lab' })).toBeVisible({ timeout: 20_000 })
  await expect.poll(() => terminalText(page)).toContain('shared-part')
  expect(await terminalText(page)).not.toContain('my-own-part')
  // The link is consumed: a reload keeps the lab, not the link's snapshot.
  expect(page.url()).not.toContain('#s=')
  await page.getByRole('button', { name: 'Restore my previous work' }).click()
  await expect.poll(() => terminalText(page), { timeout: 20_000 }).toContain('my-own-part')
  await expect(page.getByRole('button', { name: 'Restore my previous work' })).toHaveCount(0)
})

test('?theme= sets the initial theme on /lab; the Theme menu then wins', async ({ page }) => {
  await openLab(page, 'speed=600&lang=en&theme=dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  const menu = page.getByRole('combobox', { name: 'Theme' })
  await expect(menu).toHaveValue('dark')
  await menu.selectOption('light')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
})

test('Next event says what it stepped to', async ({ page }) => {
  await openLab(page)
  await typeInTerminal(page, 'kubectl create job one --image=busybox:1.36 -- true')
  await expect.poll(() => terminalText(page)).toContain('job.batch/one created')
  await page.getByRole('button', { name: 'Next event' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^pod one-\w+ (created|scheduled on \S+|\S+) \(\+[\d.]+ s\)$/ })).toBeVisible()
})

test('+1 day reaches the next day, and the page answers meanwhile', async ({ page }) => {
  await page.goto('/lab/04-cronjob-basics?speed=600&lang=en')
  await expect(page.getByRole('button', { name: /^Play/ })).toBeEnabled({ timeout: 20_000 })
  await page.getByRole('button', { name: /^Play/ }).click()
  await page.getByRole('button', { name: /^Pause/ }).click()
  const clock = page.locator('output.clock')
  const before = Date.parse((await clock.innerText()).replace(' UTC', 'Z').replace(' ', 'T'))
  await page.getByRole('button', { name: 'Jump ahead +1 day' }).click()
  // The main thread is free while the worker simulates: a timer on the page fires on time.
  const lag = await page.evaluate(() => new Promise<number>((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t - 50), 50) }))
  expect(lag).toBeLessThan(200)
  await expect.poll(async () => Date.parse((await clock.innerText()).replace(' UTC', 'Z').replace(' ', 'T')) - before, { timeout: 30_000 }).toBeGreaterThanOrEqual(86_400_000)
  await expect(page.getByRole('status').filter({ hasText: 'Simulating' })).toHaveCount(0)
})
