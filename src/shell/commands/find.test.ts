import { describe, expect, it } from 'vitest'
import { df, du, free, stat } from './diskinfo.ts'
import { find } from './find.ts'
import { run } from './test-helpers.ts'

const FILES = { 'd/a.txt': 'hi\n', 'd/e/b.log': 'x\n', 'd/e/c.txt': '', 'd/z/': '' }

describe('find', () => {
  const rows: [string[], string][] = [
    [['find', 'd'], 'd\nd/a.txt\nd/e\nd/e/b.log\nd/e/c.txt\nd/z\n'],
    [['find', 'd', '-name', '*.txt'], 'd/a.txt\nd/e/c.txt\n'],
    [['find', 'd', '-name', '*.txt', '-o', '-name', '*.log'], 'd/a.txt\nd/e/b.log\nd/e/c.txt\n'],
    [['find', 'd', '-maxdepth', '1', '-type', 'd'], 'd\nd/e\nd/z\n'],
    [['find', 'd', '-type', 'f', '-size', '+0'], 'd/a.txt\nd/e/b.log\n'],
    [['find', 'd', '-name', '*.log', '-print', '-quit'], 'd/e/b.log\n'],
  ]
  for (const [argv, stdout] of rows)
    it(argv.join(' '), () => {
      const r = run(find, argv, { files: FILES })
      expect([r.stdout, r.stderr, r.code]).toEqual([stdout, '', 0])
    })

  it('-delete removes depth first', () => {
    const r = run(find, ['find', 'd', '-name', '*.txt', '-delete'], { files: FILES })
    expect(r.code).toBe(0)
    expect(r.fs.exists('/root/d/a.txt') || r.fs.exists('/root/d/e/c.txt')).toBe(false)
    expect(r.fs.exists('/root/d/e/b.log')).toBe(true)
  })

  it('-exec without ; or + is an error before anything runs', () => {
    const r = run(find, ['find', 'd', '-exec', 'rm', '{}'], { files: FILES })
    expect([r.stdout, r.stderr, r.code]).toEqual(['', 'find: -exec requires an argument\n', 1])
  })

  it('-exec … + takes exactly one {}', () => {
    const r = run(find, ['find', 'd', '-exec', 'echo', '{}', '{}', '+'], { files: FILES })
    expect([r.stderr, r.code]).toEqual(["find: only one '{}' allowed for -exec +\n", 1])
  })

  it('-ok, which asks on a terminal, is not simulated', () => {
    const r = run(find, ['find', 'd', '-ok', 'rm', '{}', ';'], { files: FILES })
    expect([r.stderr, r.code]).toEqual(['find: -ok is not available in batchlab (it asks on a terminal for each file)\n', 1])
  })
})

describe('du, stat, df, free', () => {
  it('du -a walks in name order', () => {
    expect(run(du, ['du', '-a', 'd'], { files: FILES }).stdout).toBe('4\td/a.txt\n4\td/e/b.log\n0\td/e/c.txt\n8\td/e\n4\td/z\n20\td\n')
  })
  it('stat prints busybox fields for a VFS file', () => {
    const r = run(stat, ['stat', 'd/a.txt'], { files: FILES })
    expect(r.stdout.split('\n').slice(0, 1).concat(r.stdout.split('\n').slice(3, 5))).toEqual([
      '  File: d/a.txt',
      'Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)',
      'Access: 2026-01-01 00:00:00.000000000 +0000',
    ])
  })
  it('df shows the node disk as the overlay root', () => {
    expect(run(df, ['df']).stdout).toBe(
      'Filesystem           1K-blocks      Used Available Use% Mounted on\n' +
        'overlay               20134592   5242880  14891712  27% /\n' +
        'tmpfs                    65536         0     65536   0% /dev\n' +
        'shm                      65536         0     65536   0% /dev/shm\n',
    )
  })
  it('free shows the node memory', () => {
    expect(run(free, ['free']).stdout).toBe(
      '              total        used        free      shared  buff/cache   available\n' +
        'Mem:        4015360     1204608     1876544        4548      934208     2806204\n' +
        'Swap:             0           0           0\n',
    )
  })
})
