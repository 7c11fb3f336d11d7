// Differential tests: the same argv, stdin and files through real busybox and
// through our applet; stdout, stderr and status must match. Skipped where busybox
// is not installed (CI installs Debian's busybox 1.35; the banner line differs).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UTILITIES } from './index.ts'
import { run } from './test-helpers.ts'

function hasBusybox(): boolean {
  try {
    execFileSync('busybox', ['true'])
    return true
  } catch {
    return false
  }
}

interface Case {
  argv: string[]
  stdin?: string
  files?: Record<string, string>
}

const BANNER = /^BusyBox v[^\n]*multi-call binary\.$/gm

/** We print the usage screen without busybox's option table: compare up to it. */
function normalize(stderr: string): string {
  const i = stderr.search(BANNER)
  if (i < 0) return stderr
  const usage = stderr
    .slice(i)
    .replace(BANNER, 'BANNER')
    .split('\n')
    .filter((l) => !/^\t|^ {4,}/.test(l))
    .join('\n')
    .replace(/\n+$/, '\n')
  return stderr.slice(0, i) + usage
}

function busybox(c: Case): { stdout: string; stderr: string; code: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bbdiff-'))
  try {
    for (const [p, data] of Object.entries(c.files ?? {})) {
      const abs = join(dir, p)
      if (p.endsWith('/')) mkdirSync(abs, { recursive: true })
      else {
        mkdirSync(dirname(abs), { recursive: true })
        writeFileSync(abs, data)
      }
    }
    const r = spawnSync('busybox', c.argv, {
      cwd: dir,
      input: c.stdin ?? '',
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin', TZ: 'UTC', LC_ALL: 'C' },
    })
    return { stdout: r.stdout, stderr: normalize(r.stderr), code: r.status ?? -1 }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function ours(c: Case): { stdout: string; stderr: string; code: number } {
  const cmd = UTILITIES.get(c.argv[0])
  if (!cmd) throw new Error(`no utility ${c.argv[0]}`)
  const r = run(cmd, c.argv, { stdin: c.stdin, files: c.files, env: { PATH: '/bin:/usr/bin', TZ: 'UTC' } })
  return { stdout: r.stdout, stderr: normalize(r.stderr), code: r.code }
}

const T = { t1: 'a\n\nb\tc\x01é\n', x: 'x' }

const CASES: Record<string, Case[]> = {
  cat: [
    { argv: ['cat', '-n', 't1'], files: T },
    { argv: ['cat', '-b', 't1', '-', 'x'], stdin: 'in\n\n', files: T },
    { argv: ['cat', '-A', 't1'], files: T },
    { argv: ['cat', '-vet', 't1'], files: T },
    { argv: ['cat', 'x', 'nofile', 'd/'], files: { ...T, 'd/': '' } },
    { argv: ['cat', '-Q'] },
  ],
}

describe.skipIf(!hasBusybox())('differential against busybox', () => {
  for (const [applet, cases] of Object.entries(CASES))
    describe(applet, () => {
      for (const c of cases)
        it(JSON.stringify(c.argv) + (c.stdin ? ` <<< ${JSON.stringify(c.stdin)}` : ''), () => {
          expect(ours(c)).toEqual(busybox(c))
        })
    })
})
