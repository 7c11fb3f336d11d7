// A small in-memory filesystem for containers and the terminal. Directories are
// shared by reference, which is how volumes work here: an emptyDir is one Dir
// mounted into every container of a pod, a PersistentVolumeClaim one Dir mounted
// into every pod that claims it. A container's root is a fresh copy of its
// image's tree on every start (a new writable layer, as a runtime gives).

export interface FileNode {
  type: 'file'
  data: string
  mode: number
  mtime: number
  /** For image binaries: the command this file runs (e.g. "sh" for /bin/sh). */
  exec?: string
}

export interface DirNode {
  type: 'dir'
  entries: Map<string, Node>
  mode: number
  mtime: number
  /** Byte budget shared by everything under this dir (a volume's size), if limited. */
  quota?: { limit: number; used: number }
}

export type Node = FileNode | DirNode

export class FsError extends Error {
  constructor(
    readonly code: 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EACCES' | 'ENOSPC' | 'EINVAL',
    readonly path: string,
  ) {
    super(`${code}: ${path}`)
  }
  /** The strerror text busybox prints, e.g. "No such file or directory". */
  get text(): string {
    return ERRNO_TEXT[this.code]
  }
}

const ERRNO_TEXT: Record<FsError['code'], string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  ENOSPC: 'No space left on device',
  EINVAL: 'Invalid argument',
}

export function newDir(mtime = 0, mode = 0o755): DirNode {
  return { type: 'dir', entries: new Map(), mode, mtime }
}

export function newFile(data: string, mtime = 0, mode = 0o644): FileNode {
  return { type: 'file', data, mode, mtime }
}

/** Deep copy of a tree (an image's root for a new container). Mounted dirs are not copied. */
export function cloneTree(dir: DirNode): DirNode {
  const out = newDir(dir.mtime, dir.mode)
  for (const [k, v] of dir.entries) out.entries.set(k, v.type === 'dir' ? cloneTree(v) : { ...v })
  return out
}

export function normalize(path: string, cwd = '/'): string {
  const parts = (path.startsWith('/') ? path : cwd + '/' + path).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (!p || p === '.') continue
    if (p === '..') out.pop()
    else out.push(p)
  }
  return '/' + out.join('/')
}

export function dirname(path: string): string {
  const n = normalize(path)
  const i = n.lastIndexOf('/')
  return i <= 0 ? '/' : n.slice(0, i)
}

export function basename(path: string): string {
  const n = normalize(path)
  return n.slice(n.lastIndexOf('/') + 1)
}

export class Vfs {
  constructor(
    readonly root: DirNode,
    /** Virtual clock for mtimes. */
    private now: () => number = () => 0,
  ) {}

  /** Place a shared directory at `path` (creating parents), replacing what was there. */
  mount(path: string, dir: DirNode): void {
    const p = normalize(path)
    if (p === '/') throw new FsError('EINVAL', path)
    const parent = this.mkdirp(dirname(p))
    parent.entries.set(basename(p), dir)
  }

  lookup(path: string, cwd = '/'): Node | undefined {
    let node: Node = this.root
    for (const part of normalize(path, cwd).split('/')) {
      if (!part) continue
      if (node.type !== 'dir') return undefined
      const next = node.entries.get(part)
      if (!next) return undefined
      node = next
    }
    return node
  }

  exists(path: string, cwd = '/'): boolean {
    return this.lookup(path, cwd) !== undefined
  }

  stat(path: string, cwd = '/'): Node {
    const n = this.lookup(path, cwd)
    if (!n) throw new FsError(this.parentMissingOrNotDir(path, cwd), path)
    return n
  }

  readFile(path: string, cwd = '/'): string {
    const n = this.stat(path, cwd)
    if (n.type === 'dir') throw new FsError('EISDIR', path)
    return n.data
  }

  writeFile(path: string, data: string, cwd = '/', append = false): void {
    const abs = normalize(path, cwd)
    const parent = this.parentDir(abs, path)
    const name = basename(abs)
    const cur = parent.entries.get(name)
    if (cur?.type === 'dir') throw new FsError('EISDIR', path)
    const old = cur?.type === 'file' ? cur.data : ''
    const next = append ? old + data : data
    this.charge(abs, next.length - (cur ? old.length : 0), path)
    if (cur) {
      cur.data = next
      cur.mtime = this.now()
    } else parent.entries.set(name, newFile(next, this.now()))
    parent.mtime = this.now()
  }

  mkdir(path: string, cwd = '/', parents = false): void {
    const abs = normalize(path, cwd)
    if (parents) {
      this.mkdirp(abs)
      return
    }
    const parent = this.parentDir(abs, path)
    if (parent.entries.has(basename(abs))) throw new FsError('EEXIST', path)
    parent.entries.set(basename(abs), newDir(this.now()))
    parent.mtime = this.now()
  }

  /** Remove a file, or a directory (recursively only when asked). */
  remove(path: string, cwd = '/', recursive = false): void {
    const abs = normalize(path, cwd)
    const parent = this.parentDir(abs, path)
    const name = basename(abs)
    const n = parent.entries.get(name)
    if (!n) throw new FsError('ENOENT', path)
    if (n.type === 'dir' && n.entries.size && !recursive) throw new FsError('ENOTEMPTY', path)
    this.charge(abs, -size(n), path)
    parent.entries.delete(name)
    parent.mtime = this.now()
  }

  readdir(path: string, cwd = '/'): string[] {
    const n = this.stat(path, cwd)
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path)
    return [...n.entries.keys()].sort()
  }

  touch(path: string, cwd = '/'): void {
    const n = this.lookup(path, cwd)
    if (n) n.mtime = this.now()
    else this.writeFile(path, '', cwd)
  }

  private mkdirp(abs: string): DirNode {
    let node: DirNode = this.root
    for (const part of abs.split('/')) {
      if (!part) continue
      let next = node.entries.get(part)
      if (!next) node.entries.set(part, (next = newDir(this.now())))
      if (next.type !== 'dir') throw new FsError('ENOTDIR', abs)
      node = next
    }
    return node
  }

  private parentDir(abs: string, shown: string): DirNode {
    const p = this.lookup(dirname(abs))
    if (!p) throw new FsError('ENOENT', shown)
    if (p.type !== 'dir') throw new FsError('ENOTDIR', shown)
    return p
  }

  private parentMissingOrNotDir(path: string, cwd: string): FsError['code'] {
    let node: Node = this.root
    for (const part of normalize(path, cwd).split('/')) {
      if (!part) continue
      if (node.type !== 'dir') return 'ENOTDIR'
      const next = node.entries.get(part)
      if (!next) return 'ENOENT'
      node = next
    }
    return 'ENOENT'
  }

  /** Account bytes against the nearest quota on the path (volumes with sizeLimit). */
  private charge(abs: string, delta: number, shown: string): void {
    let node: Node = this.root
    let quota: DirNode['quota']
    for (const part of dirname(abs).split('/')) {
      if (node.type === 'dir' && node.quota) quota = node.quota
      if (!part) continue
      const next: Node | undefined = node.type === 'dir' ? node.entries.get(part) : undefined
      if (!next) break
      node = next
    }
    if (node.type === 'dir' && node.quota) quota = node.quota
    if (!quota) return
    if (delta > 0 && quota.used + delta > quota.limit) throw new FsError('ENOSPC', shown)
    quota.used += delta
  }
}

function size(n: Node): number {
  if (n.type === 'file') return n.data.length
  let s = 0
  for (const c of n.entries.values()) s += size(c)
  return s
}
