// Finding a command by name (ash's find_command): functions, special builtins,
// builtins, then executables on $PATH in the virtual filesystem. Inside a
// container only what the image has on $PATH runs (kubectl is not found in a
// busybox container); the student's terminal finds every program we simulate.
import type { Command } from '../api.ts'
import { BUILTIN_COMMANDS, REGULAR_BUILTINS, SPECIAL_BUILTINS, type Builtin } from '../builtins/index.ts'
import type { DirNode, Node, Vfs } from '../fs/vfs.ts'
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
    if (node.exec !== undefined) return { k: 'program', prog: node.exec, path: joinPath(dir, name) }
    if (node.mode & 0o111) return { k: 'program', prog: '', path: joinPath(dir, name) }
    denied = true
  }
  if (denied) return DENIED
  if (sh.p.interactive && hasProgram(sh.p, name)) return { k: 'program', prog: name, path: '/usr/local/bin/' + name }
  return NOT_FOUND
}

/** A command given with a slash: the file itself. */
export function resolveFile(fs: Vfs, path: string, cwd: string): Resolved {
  const node = fs.lookup(path, cwd)
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

/** Look up dir/name quickly for plain absolute dirs; fall back to the general lookup. */
function lookupIn(fs: Vfs, dir: string, name: string, cwd: string): Node | undefined {
  if (dir.startsWith('/') && !dir.includes('.') && !dir.includes('//')) {
    let node: Node | undefined = fs.root
    let start = 1
    while (node && start < dir.length) {
      let end = dir.indexOf('/', start)
      if (end < 0) end = dir.length
      if (end > start) node = node.type === 'dir' ? (node as DirNode).entries.get(dir.slice(start, end)) : undefined
      start = end + 1
    }
    return node?.type === 'dir' ? node.entries.get(name) : undefined
  }
  return fs.lookup(joinPath(dir || '.', name), cwd)
}
