// Instructors embed /embed/<lesson> in an iframe: it announces itself and obeys commands.
import { expect, test } from '@playwright/test'

test('the embed page in an iframe posts batchlab:ready and accepts play', async ({ page, baseURL }) => {
  await page.goto('/')
  await page.setContent(`<!doctype html><title>course site</title>
    <script>window.got = []; addEventListener('message', (e) => window.got.push(e.data))</script>
    <iframe id="lab" title="batchlab" src="${baseURL}/embed/01-job-basics?speed=600&lang=en" width="1200" height="800"></iframe>`)
  await expect.poll(() => page.evaluate(() => (window as unknown as { got: { type: string }[] }).got.map((m) => m.type)), { timeout: 20_000 }).toContain('batchlab:ready')
  const frame = page.frameLocator('#lab')
  await expect(frame.locator('.topbar')).toHaveCount(0)
  await page.evaluate(() => (document.getElementById('lab') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'play' }, '*'))
  await expect(frame.getByRole('button', { name: /^Pause/ })).toBeVisible({ timeout: 10_000 })
})
