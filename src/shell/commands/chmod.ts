// chmod: octal and symbolic modes ([ugoa]*[-+=][rwxXst]* or a copy of u/g/o, clauses
// joined by commas), -R, with busybox's messages or GNU's. A mode without [ugoa]
// leaves the umask's bits alone, as both do.
// Upstream: busybox coreutils/chmod.c, libbb/parse_mode.c; GNU coreutils chmod.c,
// gnulib modechange.c.
import type { CommandContext } from '../api.ts'
import type { Node } from '../fs/vfs.ts'
import { gnuQuote, gnuUsage, isGnu, progName, quoteFile } from './gnu/userland.ts'
import { usageError, wantsHelp } from './util/usage.ts'

/** The umask of a container's and the terminal's shells. */
const UMASK = 0o022

const WHO: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 }

type Change = (mode: number, dir: boolean) => number

/** Parse MODE into a function of the old mode; null when it is not a mode. */
export function parseMode(spec: string): Change | null {
  if (/^[0-7]+$/.test(spec)) {
    const v = parseInt(spec, 8)
    return v > 0o7777 ? null : () => v
  }
  const steps: Change[] = []
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=](?:[ugo]|[rwxXst]*))+)$/.exec(clause)
    if (!m) return null
    let who = 0
    for (const c of m[1]) who |= WHO[c]
    const masked = who === 0
    if (masked) who = 0o7777 & ~UMASK
    for (const [, op, perms] of m[2].matchAll(/([-+=])([ugo]|[rwxXst]*)/g)) steps.push(clauseStep(op, perms, who, masked))
  }
  return (mode, dir) => steps.reduce((m, step) => step(m, dir), mode)
}

function clauseStep(op: string, perms: string, who: number, masked: boolean): Change {
  return (mode, dir) => {
    let bits = 0
    if (/^[ugo]$/.test(perms)) {
      // Copy another class's rwx to the classes named.
      const shift = perms === 'u' ? 6 : perms === 'g' ? 3 : 0
      const rwx = (mode >> shift) & 7
      bits = (rwx << 6) | (rwx << 3) | rwx
    } else {
      for (const c of perms) {
        if (c === 'r') bits |= 0o444
        else if (c === 'w') bits |= 0o222
        else if (c === 'x') bits |= 0o111
        else if (c === 'X' && (dir || mode & 0o111)) bits |= 0o111
        else if (c === 's') bits |= 0o6000
        else if (c === 't') bits |= 0o1000
      }
    }
    bits &= who
    if (op === '+') return mode | bits
    if (op === '-') return mode & ~bits
    // '=' clears what the classes named may hold (all of it when none was named).
    const clear = masked ? 0o7777 : who
    return (mode & ~clear) | bits
  }
}

export function chmod(ctx: CommandContext): number {
  if (wantsHelp(ctx)) return 0
  const gnu = isGnu(ctx)
  const args = ctx.argv.slice(1)
  let recursive = false
  let quiet = false
  let i = 0
  // Options come first; "-x" or "-w" is a mode, not an option.
  for (; i < args.length; i++) {
    const a = args[i]
    if (a === '--') {
      i++
      break
    }
    if (a === '--recursive') recursive = true
    else if (a === '--silent' || a === '--quiet') quiet = true
    else if (/^-[Rcvf]+$/.test(a)) {
      if (a.includes('R')) recursive = true
      if (a.includes('f')) quiet = true
    } else break
  }
  const spec = args[i]
  const files = args.slice(i + 1)
  if (spec === undefined) return usageError(ctx, 'chmod', gnu ? 'missing operand' : '')
  if (!files.length) return gnu ? gnuUsage(ctx, `missing operand after ${gnuQuote(ctx, spec)}`, 1) : usageError(ctx, 'chmod', '')
  const change = parseMode(spec)
  if (!change) {
    if (gnu) return gnuUsage(ctx, `invalid mode: ${gnuQuote(ctx, spec)}`, 1)
    ctx.stderr.write(`chmod: invalid mode '${spec}'\n`)
    return 1
  }
  let code = 0
  const apply = (node: Node) => {
    const dir = node.type === 'dir'
    node.mode = (node.mode & ~0o7777) | (change(node.mode & 0o7777, dir) & 0o7777)
    if (recursive && node.type === 'dir') for (const child of node.entries.values()) apply(child)
  }
  for (const f of files) {
    const node = ctx.fs.lookup(f, ctx.cwd)
    if (!node) {
      if (!quiet) ctx.stderr.write(gnu ? `${progName(ctx)}: cannot access ${quoteFile(ctx, f)}: No such file or directory\n` : `chmod: ${f}: No such file or directory\n`)
      code = 1
      continue
    }
    apply(node)
  }
  return code
}
