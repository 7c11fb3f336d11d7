// The `npm run sim` contract: its arguments, how a script is cut into the
// commands a person would type, and one end-to-end run of the CLI itself.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Shell } from '../shell/index.ts'
import { parseArgs, USAGE } from './args.ts'
import { scriptCommands } from './script.ts'

describe('parseArgs', () => {
  const ok: [string[], ReturnType<typeof parseArgs>][] = [
    [['s.sh'], { script: 's.sh', seed: 1, start: undefined }],
    [['-', '--seed', '7'], { script: '-', seed: 7, start: undefined }],
    [['--seed=3', 's.sh', '--start=2026-05-01T09:00:00Z'], { script: 's.sh', seed: 3, start: '2026-05-01T09:00:00Z' }],
    [['--help'], 'help'],
    [['s.sh', '-h'], 'help'],
  ]
  it.each(ok)('%j', (argv, want) => {
    expect(parseArgs(argv)).toEqual(want)
  })

  const bad: [string[], string][] = [
    [[], 'missing SCRIPT (a file, or - for standard input)'],
    [['a', 'b'], 'only one SCRIPT may be given (got "a" and "b")'],
    [['s.sh', '--seed', 'x'], '--seed must be a non-negative integer, not "x"'],
    [['s.sh', '--seed'], 'flag --seed needs a value'],
    [['s.sh', '--speed=2'], 'unknown flag --speed'],
  ]
  it.each(bad)('%j fails', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message)
  })

  it('documents the contract', () => {
    expect(USAGE.split('\n')[0]).toBe('Usage: npm run --silent sim -- SCRIPT [--seed N] [--start RFC3339]')
  })
})

describe('scriptCommands', () => {
  it('joins lines while the command is unfinished, as the terminal shows its continuation prompt', () => {
    const needsMore = (t: string) => Shell.needsMore(t + '\n')
    const script = "echo a\ncat > f <<'EOF'\nx: 1\nEOF\nif true; then\n  echo b\nfi\n\necho 'c\nd'\n"
    expect(scriptCommands(script, needsMore)).toEqual(['echo a', "cat > f <<'EOF'\nx: 1\nEOF", 'if true; then\n  echo b\nfi', '', "echo 'c\nd'"])
  })
})

describe('npm run sim (end to end)', () => {
  it('prints stdout and stderr as the terminal would and exits with the last status', () => {
    const root = join(import.meta.dirname, '..', '..')
    const script = 'echo hello\nsleep 60\ndate +%T\nkubectl get jobs\nkubectl get job nope\n'
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', '-', '--start', '2026-03-04T05:06:07Z'], { cwd: root, input: script, encoding: 'utf8' })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: 'hello\n05:07:07\n',
      stderr: 'No resources found in default namespace.\nError from server (NotFound): jobs.batch "nope" not found\n',
      status: 1,
    })
  })

  it('rejects bad flags with the usage', () => {
    const root = join(import.meta.dirname, '..', '..')
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', 'x.sh', '--bogus'], { cwd: root, encoding: 'utf8' })
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'sim: unknown flag --bogus\n\n' + USAGE])
  })
})
