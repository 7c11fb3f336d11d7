// Accessibility: axe-core finds no serious or critical violations on the course
// page and the lab, and the Play control is named for assistive technology.
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { openLab } from './helpers.ts'

for (const [name, go] of [
  ['course page', async (page: import('@playwright/test').Page) => page.goto('/?lang=en')],
  ['lab page', async (page: import('@playwright/test').Page) => openLab(page)],
] as const) {
  test(`${name} has no serious accessibility violations`, async ({ page }) => {
    await go(page)
    await page.waitForTimeout(1000)
    const results = await new AxeBuilder({ page }).exclude('.monaco-editor').exclude('.xterm').analyze()
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([])
  })
}

test('the Play button is reachable by keyboard and named "Play…"', async ({ page }) => {
  await openLab(page)
  const play = page.getByRole('button', { name: /^Play/ })
  await play.focus()
  await expect(play).toBeFocused()
})
