// Programs images carry that the lab does not run (interpreters, database clients):
// an honest message and status 127 rather than a pretend success. One exception, the
// Kubernetes docs' pi Job: `perl -Mbignum=bpi -wle 'print bpi(2000)'` prints real pi.
import type { CommandContext } from '../api.ts'
import { appletName } from './util/io.ts'

export const UNSIMULATED = [
  'python', 'python3', 'python2', 'pip', 'pip3', 'perl', 'node', 'npm', 'java', 'ruby', 'php', 'go', 'dotnet',
  'mysql', 'mysqldump', 'psql', 'pg_dump', 'redis-cli', 'mongo', 'mongosh', 'mongodump', 'aws', 'gsutil', 'git', 'ssh', 'scp', 'rsync',
]

export function notSimulated(ctx: CommandContext): number {
  const name = appletName(ctx)
  if (name === 'perl') {
    const pi = perlPi(ctx.argv.slice(1))
    if (pi !== null) {
      ctx.stdout.write(pi + '\n')
      return 0
    }
  }
  ctx.stderr.write(`${name}: batchlab does not simulate ${name}; containers here run shell scripts and busybox tools\n`)
  return 127
}

/** `perl -Mbignum=bpi -wle 'print bpi(N)'`: pi to N significant digits, or null. */
function perlPi(args: string[]): string | null {
  if (!args.some((a) => /^-M(bignum|bigrat|bigfloat)=bpi$/.test(a) || a === '-Mbignum=bpi')) return null
  const script = args.find((a, i) => /^-\w*e$/.test(args[i - 1] ?? '') || /print\s+bpi/.test(a))
  const m = /^\s*print\s+bpi\(\s*(\d+)\s*\)\s*;?\s*$/.exec(script ?? '')
  if (!m) return null
  const n = Number(m[1])
  if (n < 1 || n > 20000) return null
  return piDigits(n)
}

/** Machin's formula on BigInt with guard digits, rounded half-even to n significant digits. */
export function piDigits(n: number): string {
  const guard = 12
  const scale = 10n ** BigInt(n + guard)
  const arctanInv = (x: bigint): bigint => {
    let sum = 0n
    let term = scale / x
    const x2 = x * x
    for (let k = 0n; term !== 0n; k++) {
      sum += (k % 2n === 0n ? 1n : -1n) * (term / (2n * k + 1n))
      term /= x2
    }
    return sum
  }
  const pi = 16n * arctanInv(5n) - 4n * arctanInv(239n)
  const digits = pi.toString()
  let kept = BigInt(digits.slice(0, n))
  const rest = digits.slice(n)
  const half = '5' + '0'.repeat(rest.length - 1)
  if (rest > half || (rest === half && kept % 2n === 1n)) kept += 1n
  const s = kept.toString()
  return s.length > 1 ? `${s[0]}.${s.slice(1)}` : s
}
