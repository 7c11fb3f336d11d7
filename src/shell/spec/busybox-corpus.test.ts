// Differential test: every script of testdata/busybox-corpus runs in our shell
// and in real busybox sh (Debian's busybox, as CI installs it); stdout, stderr
// and the exit status must be identical. Skipped where busybox is missing.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { container } from './harness.ts'

const CORPUS = join(import.meta.dirname, '..', 'testdata', 'busybox-corpus')
const busybox = spawnSync('sh', ['-c', 'command -v busybox'], { encoding: 'utf8' }).stdout.trim()
const ENV = { HOME: '/root', HOSTNAME: 'pod-x' }

function realBusybox(script: string): { stdout: string; stderr: string; code: number } {
  const root = mkdtempSync(join(tmpdir(), 'bb-'))
  const bin = join(root, 'bin')
  mkdirSync(bin)
  for (const applet of spawnSync(busybox, ['--list'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean)) {
    symlinkSync(busybox, join(bin, applet))
  }
  const work = join(root, 'work')
  mkdirSync(work)
  try {
    const r = spawnSync(join(bin, 'sh'), ['-c', script], { cwd: work, env: { ...ENV, PATH: bin }, argv0: 'sh', encoding: 'utf8', timeout: 20000 })
    return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? 128 + 9 }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

describe.skipIf(!busybox)('our sh against busybox sh', () => {
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.sh')).sort()) {
    it(file, () => {
      const script = readFileSync(join(CORPUS, file), 'utf8')
      const real = realBusybox(script)
      const ours = container(script, { env: { ...ENV, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' } })
      expect({ stdout: ours.stdout, stderr: ours.stderr, code: ours.code }).toEqual(real)
    })
  }
})
