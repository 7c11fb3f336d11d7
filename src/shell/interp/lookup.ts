// Finding a command by name (ash's find_command): functions, builtins, then
// executables on $PATH in the virtual filesystem. A container runs only what its
// image has (no kubectl in busybox); the terminal finds every simulated program.
import type { Command } from '../api.ts'
import { BUILTIN_COMMANDS, REGULAR_BUILTINS, SPECIAL_BUILTINS, type Builtin } from '../builtins/index.ts'
import type { Node, Vfs } from '../fs/vfs.ts'
import { hasProgram } from './programs.ts'
import type { Sh } from './sh.ts'

export type Resolved =
  | { k: 'func'; name: string }
  | { k: 'special'; fn: Builtin }
  | { k: 'builtin'; fn: Builtin }
  | { k: 'command'; fn: Command }
  /** An executable file: `prog` is the program it runs ('' for a shell script), `path` where it was found. */
  | { k: 'program'; prog: string; path: string }
  | { k: 'denied' }
  | { k: 'notfound' }

export const DEFAULT_PATH = '/sbin:/usr/sbin:/bin:/usr/bin'
const NOT_FOUND: Resolved = { k: 'notfound' }
const DENIED: Resolved = { k: 'denied' }

export function resolveCommand(sh: Sh, name: string): Resolved {
  if (name.includes('/')) return resolveFile(sh.p.fs, name, sh.cwd)
  if (sh.funcs.has(name)) return { k: 'func', name }
  const special = SPECIAL_BUILTINS.get(name)
  if (special) return { k: 'special', fn: special }
  const builtin = REGULAR_BUILTINS.get(name)
  if (builtin) return { k: 'builtin', fn: builtin }
  const cmd = BUILTIN_COMMANDS.get(name)
  if (cmd) return { k: 'command', fn: cmd }
  return searchPath(sh, name)
}

/** An executable by name on $PATH (exec semantics: no functions or builtins). */
export function searchPath(sh: Sh, name: string): Resolved {
  const path = sh.vars.get('PATH') ?? DEFAULT_PATH
  let denied = false
  for (const dir of splitPath(path)) {
    const node = lookupIn(sh.p.fs, dir, name, sh.cwd)
    if (!node || node.type !== 'file') continue
    if (node.exec === undefined && !(node.mode & 0o111)) {
      denied = true
      continue
    }
    const full = joinPath(dir, name)
    if (!sh.p.hashed.has(name)) {
      if (!sh.p.hashed.size) sh.p.hashed = new Map()
      sh.p.hashed.set(name, full)
    }
    return { k: 'program', prog: node.exec ?? '', path: full }
  }
  if (denied) return DENIED
  if (sh.p.interactive && hasProgram(sh.p, name)) return { k: 'program', prog: name, path: '/usr/local/bin/' + name }
  return NOT_FOUND
}

/** A command given with a slash: the file itself. */
export function resolveFile(fs: Vfs, path: string, cwd: string): Resolved {
  const node = fastLookup(fs, path, cwd)
  if (!node) return NOT_FOUND
  if (node.type === 'dir') return DENIED
  if (node.exec !== undefined) return { k: 'program', prog: node.exec, path }
  if (node.mode & 0o111) return { k: 'program', prog: '', path }
  return DENIED
}

const splitCache = new Map<string, string[]>()

function splitPath(path: string): string[] {
  let dirs = splitCache.get(path)
  if (!dirs) {
    dirs = path.split(':')
    if (splitCache.size > 100) splitCache.clear()
    splitCache.set(path, dirs)
  }
  return dirs
}

function joinPath(dir: string, name: string): string {
  if (!dir) return name
  return dir.endsWith('/') ? dir + name : dir + '/' + name
}

const componentCache = new Map<string, string[] | null>()

/** The components of a plain absolute path ("/usr/bin" → usr, bin); null for anything else. */
function components(dir: string): string[] | null {
  let c = componentCache.get(dir)
  if (c === undefined) {
    c = dir.startsWith('/') && !/(^|\/)\.\.?(\/|$)/.test(dir) ? dir.split('/').filter(Boolean) : null
    if (componentCache.size > 200) componentCache.clear()
    componentCache.set(dir, c)
  }
  return c
}

/** Look up dir/name quickly for plain absolute dirs; fall back to the general lookup. */
function lookupIn(fs: Vfs, dir: string, name: string, cwd: string): Node | undefined {
  const parts = components(dir)
  if (!parts) return fs.lookup(joinPath(dir || '.', name), cwd)
  let node: Node | undefined = fs.root
  for (let i = 0; i < parts.length && node; i++) node = node.type === 'dir' ? node.entries.get(parts[i]) : undefined
  return node?.type === 'dir' ? node.entries.get(name) : undefined
}

/** fs.lookup without normalizing plain absolute paths. */
export function fastLookup(fs: Vfs, path: string, cwd: string): Node | undefined {
  const slash = path.lastIndexOf('/')
  if (slash > 0 && path[0] === '/' && !path.endsWith('/')) return lookupIn(fs, path.slice(0, slash), path.slice(slash + 1), cwd)
  return fs.lookup(path, cwd)
}
