// Differential test: each testdata/busybox-corpus script must print exactly what
// real busybox sh (Debian's 1.35, as CI installs it) printed, recorded in
// NAME.expected.json; with busybox present the recording is re-checked (UPDATE_CORPUS=1 rewrites).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { container } from './harness.ts'

const CORPUS = join(import.meta.dirname, '..', 'testdata', 'busybox-corpus')
const busybox = spawnSync('sh', ['-c', 'command -v busybox'], { encoding: 'utf8' }).stdout.trim()
const ENV = { HOME: '/root', HOSTNAME: 'pod-x' }

interface Outcome {
  stdout: string
  stderr: string
  code: number | undefined
}

function realBusybox(script: string): Outcome {
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

function ours(script: string): Outcome {
  const r = container(script, { env: { ...ENV, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' } })
  return { stdout: r.stdout, stderr: r.stderr, code: r.code }
}

describe('busybox sh corpus', () => {
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.sh')).sort()) {
    const script = readFileSync(join(CORPUS, file), 'utf8')
    const recorded = join(CORPUS, file.replace(/\.sh$/, '.expected.json'))

    it.skipIf(!busybox)(`${file}: the recording is what busybox prints`, () => {
      const real = realBusybox(script)
      if (process.env.UPDATE_CORPUS || !existsSync(recorded)) writeFileSync(recorded, JSON.stringify(real, null, 2) + '\n')
      expect(JSON.parse(readFileSync(recorded, 'utf8'))).toEqual(real)
    })

    it(`${file}: our sh prints the recording`, () => {
      expect(ours(script)).toEqual(JSON.parse(readFileSync(recorded, 'utf8')))
    })
  }
})
