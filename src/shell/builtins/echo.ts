// busybox echo (coreutils/echo.c), also ash's echo builtin: -n, -e, -E as the
// only options, escapes with -e (\0NNN and \NNN octal, \xHH, \c stops output).
import type { CommandContext } from '../api.ts'
import { writeError } from './io.ts'

export function echo(ctx: CommandContext): number {
  const argv = ctx.argv
  let i = 1
  let newline = true
  let escapes = false
  for (; i < argv.length; i++) {
    const a = argv[i]
    if (a.length < 2 || a[0] !== '-' || !/^-[neE]+$/.test(a)) break
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false
      else if (c === 'e') escapes = true
      else escapes = false
    }
  }
  let out = ''
  for (let j = i; j < argv.length; j++) {
    if (j > i) out += ' '
    if (!escapes || !argv[j].includes('\\')) {
      out += argv[j]
      continue
    }
    const [text, stop] = unescape(argv[j], true)
    out += text
    if (stop) return write(ctx, out)
  }
  if (newline) out += '\n'
  return write(ctx, out)
}

function write(ctx: CommandContext, s: string): number {
  return writeError(ctx, s) ? 1 : 0
}

const SIMPLE: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\',
}

/**
 * Process backslash escapes as busybox's bb_process_escape_sequence does.
 * `zeroPrefix`: a leading 0 does not count as an octal digit (\0101 is "A").
 * Returns the text and whether \c asked to stop all output.
 */
export function unescape(s: string, zeroPrefix: boolean): [string, boolean] {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c !== '\\' || i + 1 >= s.length) {
      out += c
      continue
    }
    const n = s[i + 1]
    if (n === 'c') return [out, true]
    if (n in SIMPLE) {
      out += SIMPLE[n]
      i++
      continue
    }
    if (n >= '0' && n <= '7') {
      let j = i + 1
      if (zeroPrefix && n === '0') j++
      const start = j
      while (j < start + 3 && s[j] >= '0' && s[j] <= '7') j++
      out += String.fromCharCode(parseInt(s.slice(start, j) || '0', 8) & 0xff)
      i = j - 1
      continue
    }
    if (n === 'x' && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
      let j = i + 2
      while (j < i + 4 && /[0-9a-fA-F]/.test(s[j] ?? '')) j++
      out += String.fromCharCode(parseInt(s.slice(i + 2, j), 16))
      i = j - 1
      continue
    }
    out += '\\'
  }
  return [out, false]
}
