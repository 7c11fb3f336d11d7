// lazyCopy is a deep copy that is made as it is used: after any sequence of file
// operations it holds exactly what cloneTree's copy holds, in the same order, and
// the image's template never changes.
import { describe, expect, it } from 'vitest'
import { lazyCopy } from './lazy-copy.ts'
import { makeRootFs } from './rootfs.ts'
import { cloneTree, newDir, Vfs, type DirNode, type Node } from './vfs.ts'

type Tree = { mode: number; mtime: number; entries: [string, Tree | object][] }

function dump(n: Node): Tree | object {
  if (n.type === 'file') return { ...n }
  return { mode: n.mode, mtime: n.mtime, entries: [...n.entries].map(([k, v]) => [k, dump(v)]) }
}

const T0 = Date.UTC(2026, 0, 1)
const cases: { name: string; ops: (fs: Vfs) => unknown }[] = [
  { name: 'reads only', ops: (fs) => [fs.readFile('/etc/passwd'), fs.exists('/bin/sh'), fs.lookup('/bin/nope'), fs.stat('/bin').type] },
  { name: 'a new file in /etc, then a listing', ops: (fs) => (fs.writeFile('/etc/hostname', 'pod-1\n'), fs.readdir('/etc')) },
  { name: 'a file rewritten in place after it was looked up', ops: (fs) => (fs.lookup('/etc/passwd'), fs.writeFile('/etc/passwd', 'x\n', '/', true), fs.readdir('/etc')) },
  { name: 'an applet removed', ops: (fs) => (fs.lookup('/bin/ls'), fs.remove('/bin/ls'), fs.readdir('/bin').length) },
  { name: 'a mode changed on a node handed out before the directory was filled', ops: (fs) => ((fs.stat('/bin/sh').mode = 0o700), fs.writeFile('/bin/new', ''), (fs.stat('/bin/sh') as { mode: number }).mode) },
  { name: 'directories made and a volume mounted', ops: (fs) => (fs.mkdir('/a/b/c', '/', true), fs.mount('/data', newDir(T0 + 5)), fs.readdir('/')) },
  { name: 'touch of an existing file and of a new one', ops: (fs) => (fs.touch('/etc/group'), fs.touch('/tmp/x'), fs.readdir('/tmp')) },
  { name: 'iteration after lookups keeps the template order', ops: (fs) => (fs.lookup('/usr'), fs.lookup('/bin/sh'), [...fs.root.entries.keys()]) },
  { name: 'size and has before anything is copied', ops: (fs) => [fs.root.entries.size, fs.root.entries.has('bin'), fs.root.entries.has('nope')] },
]

describe('lazyCopy', () => {
  for (const c of cases) {
    it(`${c.name}: the same answers and the same tree as a deep copy; the template untouched`, () => {
      const tpl: DirNode = makeRootFs('busybox', T0)
      const before = dump(tpl)
      let t = T0 + 1000
      const eager = new Vfs(cloneTree(tpl), () => t)
      const lazy = new Vfs(lazyCopy(tpl), () => t)
      const a = c.ops(eager)
      const b = c.ops(lazy)
      t += 1000
      expect(b).toEqual(a)
      expect(dump(lazy.root)).toEqual(dump(eager.root))
      expect(dump(tpl)).toEqual(before)
    })
  }

  it('two copies are independent', () => {
    const tpl = makeRootFs('busybox', T0)
    const one = new Vfs(lazyCopy(tpl), () => T0)
    const two = new Vfs(lazyCopy(tpl), () => T0)
    one.writeFile('/etc/passwd', 'changed\n')
    one.remove('/bin/sh')
    expect(two.readFile('/etc/passwd')).toBe(new Vfs(tpl).readFile('/etc/passwd'))
    expect(two.exists('/bin/sh')).toBe(true)
  })
})
