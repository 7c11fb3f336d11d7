// Browser figures of issue #7: the built app (vite build) served by `vite preview`,
// driven in Debian's chromium through Playwright. The main chunk's gzip size and
// whether Monaco stays out of the first load; navigation until the lesson text is
// visible and until Play is ready (cold context each run); frames per second of the
// lab at 600× while the timeline holds 1,000 pods (a share link carries the Job).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser } from '@playwright/test'
import { deflateSync, strToU8 } from 'fflate'
import { median, type Measurement } from './figures.ts'

const PORT = Number(process.env.BENCH_PORT ?? 4179)
const BASE = `http://localhost:${PORT}`
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const LESSON = '01-job-basics'
const log = (s: string) => process.stderr.write(`  ${s}\n`)

/** 1,000 pods, 200 at a time, ten seconds each: the timeline fills with lanes within a virtual minute or two. */
const THOUSAND_PODS = `apiVersion: batch/v1
kind: Job
metadata:
  name: thousand
spec:
  completions: 1000
  parallelism: 200
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: busybox
        command: ["sleep", "10"]
`

// In-page code as text: tsx would wrap functions passed to page.evaluate in its __name helper, unknown in the page.
/** performance.now() once the lesson's heading is laid out. */
const LESSON_VISIBLE = `(() => { const h = document.querySelector('h1'); return h && h.textContent && h.getBoundingClientRect().height > 0 ? performance.now() : false })()`
/** performance.now() once the Play button is enabled. */
const PLAY_READY = `(() => { const b = [...document.querySelectorAll('button')].find((x) => (x.getAttribute('aria-label') || '').startsWith('Play')); return b && !b.disabled ? performance.now() : false })()`
/** Pod lanes in the timeline the page holds (the lab client is on window for tests). */
const LANES = `(window.batchlab.store.getState().timeline || { lanes: [] }).lanes.length`
/** Frames per second over 5 s of requestAnimationFrame. */
const COUNT_FRAMES = `new Promise((resolve) => { let frames = 0; const start = performance.now(); const tick = (now) => { frames++; if (now - start < 5000) requestAnimationFrame(tick); else resolve((frames - 1) / ((now - start) / 1000)) }; requestAnimationFrame(tick) })`

export async function browser(): Promise<Measurement[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`)
  if (process.env.BENCH_NO_BUILD !== '1') {
    log('vite build')
    const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
    if (b.status !== 0) throw new Error('vite build failed')
  }
  const bundle = mainChunk()
  const server = await preview()
  const b = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
  try {
    const nav = await navigation(b)
    const fps = await framesAt600(b)
    return [
      { name: 'browser: main chunk, gzip', value: bundle.gzip / 1000, unit: 'kB', budget: { max: 250 }, note: bundle.note },
      { name: 'browser: navigation to the lesson text', value: nav.lesson, unit: 'ms', budget: { max: 1000 }, note: 'median of 5, cold' },
      { name: 'browser: navigation to Play ready', value: nav.play, unit: 'ms', budget: { max: 2000 }, note: 'median of 5, cold' },
      { name: 'browser: timeline at 600× with 1,000 pods', value: fps.fps, unit: 'fps', budget: { min: 55 }, note: fps.note },
    ]
  } finally {
    await b.close()
    server.kill()
  }
}

/** The entry chunk of dist/index.html, gzipped; the chunks it preloads; whether Monaco is among what loads first. */
function mainChunk(): { gzip: number; note: string } {
  const html = readFileSync('dist/index.html', 'utf8')
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1]
  if (!entry) throw new Error('dist/index.html has no module script')
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1])
  const size = (f: string) => gzipSync(readFileSync('dist/' + f)).length
  const first = [entry, ...preloads]
  const monaco = first.some((f) => /monaco|editor\.(api|main)/i.test(f) || readFileSync('dist/' + f, 'utf8').includes('monaco-editor'))
  const pre = preloads.reduce((s, f) => s + size(f), 0)
  return { gzip: size(entry), note: `${entry.split('/').pop()}${preloads.length ? `, +${(pre / 1000).toFixed(1)} kB preloaded` : ''}; Monaco ${monaco ? 'IN the first load' : 'lazy'}` }
}

/** A share link's fragment, as src/app/share.ts writes it (that module drags the UI's DOM types into this Node build). */
function shareLink(lab: { files: Record<string, string>; log: unknown[]; speed: number }): string {
  return Buffer.from(deflateSync(strToU8(JSON.stringify(lab)), { level: 9 })).toString('base64url')
}

async function preview(): Promise<ChildProcess> {
  // vite itself, not through npx: killing it must stop the server.
  const p = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'], { stdio: ['ignore', 'ignore', 'inherit'] })
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return p
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  p.kill()
  throw new Error(`vite preview did not answer on ${BASE}`)
}

/** In-page times since navigation start (performance.now) when the lesson heading shows and Play is enabled. */
async function navigation(b: Browser): Promise<{ lesson: number; play: number }> {
  const lesson: number[] = []
  const play: number[] = []
  for (let i = 0; i < 5; i++) {
    const ctx = await b.newContext()
    const page = await ctx.newPage()
    await page.goto(`${BASE}/lab/${LESSON}?lang=en`, { waitUntil: 'commit' })
    const seen = await page.waitForFunction(LESSON_VISIBLE, undefined, { timeout: 30_000 })
    lesson.push((await seen.jsonValue()) as number)
    const ready = await page.waitForFunction(PLAY_READY, undefined, { timeout: 30_000 })
    play.push((await ready.jsonValue()) as number)
    await ctx.close()
  }
  log(`lesson text: ${lesson.map((x) => x.toFixed(0)).join(', ')} ms; Play ready: ${play.map((x) => x.toFixed(0)).join(', ')} ms`)
  return { lesson: median(lesson), play: median(play) }
}

/** Play the 1,000-pod Job at 600× (from a share link), wait for its lanes, then count frames for 5 s. */
async function framesAt600(b: Browser): Promise<{ fps: number; note: string }> {
  const ctx = await b.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await ctx.newPage()
  const share = shareLink({ files: { 'countdown-job.yaml': THOUSAND_PODS }, log: [], speed: 600 })
  await page.goto(`${BASE}/lab/${LESSON}?lang=en&speed=600#s=${share}`)
  await page.getByRole('button', { name: /^Play/ }).click({ timeout: 30_000 })
  const lanes = () => page.evaluate(LANES) as Promise<number>
  const t0 = Date.now()
  while ((await lanes()) < 1000) {
    if (Date.now() - t0 > 60_000) throw new Error(`the timeline has ${await lanes()} lanes after 60 s, want 1,000`)
    await page.waitForTimeout(250)
  }
  const fps = (await page.evaluate(COUNT_FRAMES)) as number
  const n = await lanes()
  await ctx.close()
  log(`fps ${fps.toFixed(1)} with ${n} lanes`)
  return { fps, note: `5 s of requestAnimationFrame, ${n.toLocaleString('en-US')} pod lanes, playing` }
}
