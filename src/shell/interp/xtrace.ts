// set -x (ash's xtrace): PS4, expanded, then the assignments and words of each
// simple command, quoted the way busybox's maybe_single_quote does.
import type { Wait } from '../api.ts'
import { parseExpansionText } from '../parse/parser.ts'
import { expandString } from './expand-async.ts'
import type { Sh } from './sh.ts'

/** Words ash quotes in a trace even though they hold no special characters. */
const KEYWORDS = new Set(['!', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'then', 'until', 'while', '{', '}'])

/** Quote for re-reading by the shell: 'a b', with ' as '"'"'. */
export function shellQuote(s: string): string {
  return "'" + s.replace(/'/g, `'"'"'`) + "'"
}

/** busybox's maybe_single_quote: quote only words with characters the shell would see. */
export function maybeQuote(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 43 || (c >= 59 && c <= 63) || c === 96 || c === 91 || c === 92 || c > 122) return quoteParts(s)
  }
  return s
}

function quoteParts(s: string): string {
  let out = ''
  const parts = s.split("'")
  for (let i = 0; i < parts.length; i++) {
    if (i) out += `"'"`
    if (parts[i]) out += `'${parts[i]}'`
  }
  return out
}

export function* trace(sh: Sh, assigns: [string, string][], argv: string[]): Generator<Wait, void, void> {
  let line = yield* ps4(sh)
  const words: string[] = []
  for (const [n, v] of assigns) words.push(`${n}=${maybeQuote(v)}`)
  for (const a of argv) words.push(KEYWORDS.has(a) ? quoteParts(a) : maybeQuote(a))
  line += words.join(' ')
  sh.stderr().write(line + '\n')
}

function* ps4(sh: Sh): Generator<Wait, string, void> {
  const text = sh.vars.get('PS4') ?? '+ '
  if (!/[$`\\]/.test(text)) return text
  const saved = sh.opts.x
  sh.opts.x = false
  try {
    return yield* expandString(sh, parseExpansionText(text))
  } finally {
    sh.opts.x = saved
  }
}
