// A copy of an image's tree made as it is used: a directory's entries are copied
// from the template node by node as they are looked up, and whole on anything else
// (a write, a listing). What a container sees is exactly a deep copy (cloneTree);
// starting one no longer copies the hundreds of busybox applets it never runs.
import type { DirNode, Node } from './vfs.ts'

/** The entries of a copied directory, filled from the template's on demand. */
class LazyEntries extends Map<string, Node> {
  private template: Map<string, Node> | null
  /** Nodes copied by get() before the whole map was filled. */
  private copied: Map<string, Node> | null = null

  constructor(template: Map<string, Node>) {
    super()
    this.template = template
  }

  /** Copy every entry, in the template's order, keeping those already handed out. */
  private fill(): void {
    const t = this.template
    if (!t) return
    const copied = this.copied
    this.template = null
    this.copied = null
    for (const [k, v] of t) super.set(k, copied?.get(k) ?? copyNode(v))
  }

  override get(key: string): Node | undefined {
    const t = this.template
    if (!t) return super.get(key)
    let v = this.copied?.get(key)
    if (v) return v
    const orig = t.get(key)
    if (!orig) return undefined
    v = copyNode(orig)
    ;(this.copied ??= new Map()).set(key, v)
    return v
  }

  override has(key: string): boolean {
    return this.template ? this.template.has(key) : super.has(key)
  }

  override get size(): number {
    return this.template ? this.template.size : super.size
  }

  override set(key: string, value: Node): this {
    this.fill()
    return super.set(key, value)
  }

  override delete(key: string): boolean {
    this.fill()
    return super.delete(key)
  }

  override clear(): void {
    this.template = null
    this.copied = null
    super.clear()
  }

  override forEach(fn: (value: Node, key: string, map: Map<string, Node>) => void, thisArg?: unknown): void {
    this.fill()
    super.forEach(fn, thisArg)
  }

  override keys(): MapIterator<string> {
    this.fill()
    return super.keys()
  }

  override values(): MapIterator<Node> {
    this.fill()
    return super.values()
  }

  override entries(): MapIterator<[string, Node]> {
    this.fill()
    return super.entries()
  }

  override [Symbol.iterator](): MapIterator<[string, Node]> {
    this.fill()
    return super[Symbol.iterator]()
  }
}

function copyNode(n: Node): Node {
  return n.type === 'dir' ? lazyCopy(n) : { ...n }
}

/**
 * A deep copy of `dir` (as cloneTree makes) whose directories are copied when
 * first used. The template must not change afterwards: an image's tree never does.
 */
export function lazyCopy(dir: DirNode): DirNode {
  return { type: 'dir', entries: new LazyEntries(dir.entries), mode: dir.mode, mtime: dir.mtime }
}
