// Walking a directory tree in the VFS, depth first and in name order, as
// busybox's recursive_action does (readdir order on a real disk; sorted here).
// Upstream: busybox libbb/recursive_action.c, libbb/concat_path_file.c.
import type { Vfs } from '../../fs/vfs.ts'

/** `dir/name` without doubling a trailing slash. */
export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`
}

/** Every file under `root` (as given, relative paths kept relative). */
export function* walkFiles(fs: Vfs, root: string, cwd: string): Generator<string, void, void> {
  const n = fs.lookup(root, cwd)
  if (!n) return
  if (n.type === 'file') {
    yield root
    return
  }
  for (const name of [...n.entries.keys()].sort()) yield* walkFiles(fs, joinPath(root, name), cwd)
}
