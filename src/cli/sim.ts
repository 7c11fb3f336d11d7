// `npm run --silent sim -- SCRIPT [--seed N] [--start RFC3339]`: run a terminal
// script against a fresh simulated cluster, printing exactly what the browser
// terminal would show (no prompts). The contract is fixed by issue #4.
import { readFileSync } from 'node:fs'
import { Session, SessionError } from '../session/index.ts'
import { parseArgs, USAGE, UsageError, type Args } from './args.ts'
import { scriptCommands } from './script.ts'

function main(argv: string[]): number {
  let args: Args | 'help'
  try {
    args = parseArgs(argv)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    process.stderr.write(`sim: ${e.message}\n\n${USAGE}`)
    return 2
  }
  if (args === 'help') {
    process.stdout.write(USAGE)
    return 0
  }
  let text: string
  try {
    text = readFileSync(args.script === '-' ? 0 : args.script, 'utf8')
  } catch (e) {
    process.stderr.write(`sim: cannot read ${args.script}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`)
    return 2
  }
  let session: Session
  try {
    session = new Session({ seed: args.seed, start: args.start })
  } catch (e) {
    if (!(e instanceof SessionError)) throw e
    process.stderr.write(`sim: ${e.message}\n`)
    return 2
  }
  let code = 0
  for (const cmd of scriptCommands(text, (t) => session.needsMore(t))) {
    const out = session.runLine(cmd)
    for (const c of out.chunks) (c.stream === 'stdout' ? process.stdout : process.stderr).write(c.text)
    code = out.code
  }
  return code
}

process.exitCode = main(process.argv.slice(2))
