// Regenerates the README's screenshots (docs/*.png) from the built app in Debian's
// chromium: the lab mid-run, the same lab in Korean and dark, and the embed page in an
// iframe. Run after `npm run build`: node scripts/screenshots.mjs
import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'

const port = 4190
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true })
const base = `http://localhost:${port}`
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(base)).ok) break
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  let page
  // A fresh context per shot: no lab state saved by the one before.
  const fresh = async () => {
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage()
  }
  const play = async (url, ms) => {
    await fresh()
    await page.goto(base + url)
    await page.getByRole('button', { name: /^Play/ }).click({ timeout: 20_000 })
    await page.waitForTimeout(ms)
    await page.getByRole('button', { name: /^(Pause|일시)/ }).click()
  }
  await play('/lab/02-job-failure-retry?lang=en&speed=30', 9000)
  await page.screenshot({ path: 'docs/lab.png' })
  await play('/lab/07-cronjob-concurrency?lang=ko&theme=dark&speed=120', 9000)
  await page.screenshot({ path: 'docs/lab-ko-dark.png' })
  await fresh()
  await page.goto(base)
  await page.setContent(`<!doctype html><body style="margin:0;font:16px system-ui;background:#eef2f7">
    <div style="padding:16px 24px"><h2 style="margin:0 0 4px">My Kubernetes course · Week 5</h2>
    <p style="margin:0 0 12px">Try it: a Job that fails and retries. Press Play.</p>
    <iframe src="${base}/embed/02-job-failure-retry?lang=en&speed=30&panes=editor,timeline,terminal" width="1390" height="740" style="border:1px solid #ccd;border-radius:8px;background:#fff"></iframe></div>`)
  await page.waitForTimeout(4000)
  await page.frameLocator('iframe').getByRole('button', { name: /^Play/ }).click()
  await page.waitForTimeout(8000)
  await page.screenshot({ path: 'docs/embed.png' })
} finally {
  await browser.close()
  process.kill(-server.pid)
}
