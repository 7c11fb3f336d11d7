// The command line of `npm run sim` (issue #4's fixed contract): SCRIPT,
// --seed N, --start RFC3339, --help, and the usage text that documents it.

export const USAGE = `Usage: npm run --silent sim -- SCRIPT [--seed N] [--start RFC3339]

Runs SCRIPT line by line in a batchlab terminal against a fresh simulated
Kubernetes 1.33 cluster (namespace "default", nodes controlplane, node01 and
node02), as if each line were typed at the prompt.

  SCRIPT            a file of terminal lines, or - to read them from standard input
  --seed N          seed of every random choice in the simulation (default 1)
  --start RFC3339   virtual time the cluster starts at (default 2026-01-01T00:00:00Z)
  -h, --help        print this help

The virtual clock only moves while a command waits: \`sleep 30\` runs 30 virtual
seconds of the cluster and returns at once. Files written in the script (for
example with cat > job.yaml <<'EOF') live in the terminal's home directory, /root.
Each command's standard output goes to standard output and its standard error to
standard error; the exit status is the last command's, as with sh. Commands that
stream until interrupted (kubectl get -w, kubectl logs -f) must be bounded, e.g.
\`timeout 60 kubectl get pods -w\`; one left waiting with nothing more to happen
is interrupted with a note on standard error.
`

export interface Args {
  script: string
  seed: number
  start?: string
}

export class UsageError extends Error {}

export function parseArgs(argv: string[]): Args | 'help' {
  let script: string | undefined
  let seed = 1
  let start: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (name: string) => {
      const eq = a.indexOf('=')
      if (eq >= 0) return a.slice(eq + 1)
      if (i + 1 >= argv.length) throw new UsageError(`flag ${name} needs a value`)
      return argv[++i]
    }
    if (a === '-h' || a === '--help') return 'help'
    if (a === '--seed' || a.startsWith('--seed=')) {
      const v = value('--seed')
      if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw new UsageError(`--seed must be a non-negative integer, not ${JSON.stringify(v)}`)
      seed = Number(v)
    } else if (a === '--start' || a.startsWith('--start=')) start = value('--start')
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown flag ${a.split('=')[0]}`)
    else if (script !== undefined) throw new UsageError(`only one SCRIPT may be given (got ${JSON.stringify(script)} and ${JSON.stringify(a)})`)
    else script = a
  }
  if (script === undefined) throw new UsageError('missing SCRIPT (a file, or - for standard input)')
  return { script, seed, start }
}

