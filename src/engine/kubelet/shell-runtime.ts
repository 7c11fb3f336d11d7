// The container runtime on top of our shell: image root filesystems, runc's
// executable lookup, and PID 1 — a shell script or utility through
// spawnContainer, or one of the programs an image brings (image-programs.ts).
import type { Proc, ShellOptions } from '../../shell/api.ts'
import { lazyCopy } from '../../shell/fs/lazy-copy.ts'
import type { DirNode } from '../../shell/fs/vfs.ts'
import { makeRootFs, resolveExecutable, spawnContainer } from '../../shell/index.ts'
import type { Flavor } from './image-catalog.ts'
import { imageProgram } from './image-programs.ts'
import type { ContainerRuntime } from './runtime.ts'

/** Each flavour's tree is built once (its files date from then, as an image's do) and copied per start, as it is used. */
const templates = new Map<Flavor, DirNode>()

export const shellRuntime: ContainerRuntime = {
  makeRootFs(flavor, now) {
    let t = templates.get(flavor)
    if (!t) templates.set(flavor, (t = makeRootFs(flavor, now)))
    return lazyCopy(t)
  },
  resolve(fs, argv0, cwd, path) {
    const r = resolveExecutable(fs, argv0, cwd, path)
    return r.ok ? null : r.error
  },
  spawn(argv: string[], opts: ShellOptions): Proc {
    const r = argv.length ? resolveExecutable(opts.fs, argv[0], opts.cwd ?? '/', opts.env.PATH ?? '') : undefined
    if (r?.ok && r.program.startsWith('img:')) {
      const p = imageProgram(r.program.slice(4), { argv, opts, exec: (next) => spawnContainer(next, opts) })
      if (p) return p
    }
    return spawnContainer(argv, opts)
  },
}
