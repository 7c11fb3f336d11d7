// Shell patterns (fnmatch: * ? [...] with ! and classes, backslash escapes) for
// case, ${v#p}, [[ == ]] and pathname expansion over the virtual filesystem.
// Compiled patterns are cached by text so loops never recompile.
import type { Vfs } from '../fs/vfs.ts'

const cache = new Map<string, RegExp | string>()
const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
  word: 'a-zA-Z0-9_',
}

/** True when the pattern has an unescaped * ? or [. */
export function hasMeta(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i]
    if (c === '\\') i++
    else if (c === '*' || c === '?' || c === '[') return true
  }
  return false
}

/** Escape text so it matches itself as a pattern. */
export function escapePattern(s: string): string {
  return s.replace(/[*?[\]\\]/g, '\\$&')
}

/** Remove pattern escapes (a pattern with no metacharacters is this literal text). */
export function unescapePattern(p: string): string {
  return p.includes('\\') ? p.replace(/\\(.)/gs, '$1') : p
}

/** The compiled form: a RegExp anchored at both ends, or the literal string. */
export function compile(p: string): RegExp | string {
  let c = cache.get(p)
  if (c !== undefined) return c
  c = hasMeta(p) ? new RegExp('^' + toRegexSource(p) + '$', 's') : unescapePattern(p)
  if (cache.size > 5000) cache.clear()
  cache.set(p, c)
  return c
}

export function matches(p: string, s: string): boolean {
  const c = compile(p)
  return typeof c === 'string' ? c === s : c.test(s)
}

/** The regex source of a pattern (unanchored). */
export function toRegexSource(p: string): string {
  let out = ''
  for (let i = 0; i < p.length; i++) {
    const c = p[i]
    if (c === '\\') {
      const n = p[++i]
      out += n === undefined ? '\\\\' : escapeRe(n)
    } else if (c === '*') out += '[\\s\\S]*'
    else if (c === '?') out += '[\\s\\S]'
    else if (c === '[') {
      const br = bracket(p, i)
      if (br) {
        out += br.re
        i = br.end
      } else out += '\\['
    } else out += escapeRe(c)
  }
  return out
}

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c
}

/** A bracket expression starting at p[i] === '[': its regex and where it ends. */
function bracket(p: string, i: number): { re: string; end: number } | null {
  let j = i + 1
  let neg = false
  if (p[j] === '!' || p[j] === '^') {
    neg = true
    j++
  }
  let body = ''
  let first = true
  for (; j < p.length; j++) {
    const c = p[j]
    if (c === ']' && !first) return { re: (neg ? '[^' : '[') + body + ']', end: j }
    first = false
    if (c === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2)
      if (close > 0) {
        const cls = CLASSES[p.slice(j + 2, close)]
        if (cls !== undefined) {
          body += cls
          j = close + 1
          continue
        }
      }
    }
    if (c === '\\' && j + 1 < p.length) {
      body += '\\' + p[++j]
      continue
    }
    if (c === '-' && body && p[j + 1] !== ']') {
      body += '-'
      continue
    }
    body += /[\\\]^[-]/.test(c) ? '\\' + c : c
  }
  return null
}

/**
 * Pathname expansion of a pattern against the filesystem: sorted matches, or []
 * when nothing matches (the caller then keeps the word). Dot files match only
 * a leading '.' in the pattern.
 */
export function expandPath(fs: Vfs, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/')
  const comps = pattern.split('/')
  let paths = [absolute ? '/' : '']
  for (let ci = 0; ci < comps.length; ci++) {
    const comp = comps[ci]
    const last = ci === comps.length - 1
    if (!comp) {
      if (last && ci > 0) paths = paths.filter((p) => isDir(fs, cwd, p)).map((p) => (p.endsWith('/') ? p : p + '/'))
      continue
    }
    const next: string[] = []
    if (!hasMeta(comp)) {
      const name = unescapePattern(comp)
      for (const base of paths) {
        const path = join(base, name)
        if (fs.lookup(path || '.', cwd)) next.push(path)
      }
    } else {
      for (const base of paths) {
        const dir = fs.lookup(base || '.', cwd)
        if (!dir || dir.type !== 'dir') continue
        const names = [...dir.entries.keys()].sort()
        for (const name of names) {
          if (name[0] === '.' && comp[0] !== '.') continue
          if (matches(comp, name)) next.push(join(base, name))
        }
      }
    }
    paths = next
    if (!paths.length) return []
  }
  return paths.sort(byBytes)
}

function isDir(fs: Vfs, cwd: string, p: string): boolean {
  return fs.lookup(p || '.', cwd)?.type === 'dir'
}

function join(base: string, name: string): string {
  if (!base) return name
  return base.endsWith('/') ? base + name : base + '/' + name
}

function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
