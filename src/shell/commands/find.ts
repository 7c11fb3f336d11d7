// busybox find: paths walked depth-first (directories before their contents, names
// in order), tests -name -iname -path -ipath -type -maxdepth -mindepth -empty -size
// -mtime -mmin -newer, operators ! -not -a -o ( ), actions -print -print0 -delete -quit
// -exec CMD {} ; (true when CMD exits 0) and -exec CMD {} + (one run with every path,
// at the end; a failure makes find exit 1). Upstream: busybox findutils/find.c.
import type { CommandContext, Wait } from '../api.ts'
import type { Node } from '../fs/vfs.ts'
import { nodeSize } from './util/stat.ts'
import { usageError, wantsHelp } from './util/usage.ts'
import { joinPath } from './util/walk.ts'

type Expr =
  | { t: 'and' | 'or'; a: Expr; b: Expr }
  | { t: 'not'; e: Expr }
  | { t: 'test'; fn: (path: string, n: Node, depth: number) => boolean }
  | { t: 'action'; fn: (path: string, n: Node) => boolean }
  | { t: 'exec'; argv: string[]; batch: string[] | null }

class FindError {
  constructor(
    readonly msg: string,
    readonly usage = false,
  ) {}
}

/** fnmatch() without FNM_PATHNAME: `*` crosses slashes. */
export function globToRegExp(glob: string, icase = false): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '*') re += '[^]*'
    else if (c === '?') re += '[^]'
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2)
      if (end < 0) re += '\\['
      else {
        let body = glob.slice(i + 1, end)
        if (body.startsWith('!')) body = '^' + body.slice(1)
        re += '[' + body.replace(/\\/g, '\\\\') + ']'
        i = end
      }
    } else if (c === '\\' && i + 1 < glob.length) re += '\\' + glob[++i]
    else re += c.replace(/[.+^${}()|/\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`, icase ? 'is' : 's')
}

interface Ctx {
  ctx: CommandContext
  maxdepth: number
  mindepth: number
  printed: boolean
  quit: boolean
  /** -depth / -delete: a directory's contents before the directory. */
  depthFirst: boolean
  out: string[]
  /** -exec … + actions, run with their collected paths after the walk. */
  batches: { argv: string[]; batch: string[] }[]
  code: number
}

export function* find(ctx: CommandContext): Generator<Wait, number, void> {
  if (wantsHelp(ctx)) return 0
  const argv = ctx.argv.slice(1)
  let i = 0
  const paths: string[] = []
  while (i < argv.length && !argv[i].startsWith('-') && argv[i] !== '!' && argv[i] !== '(') paths.push(argv[i++])
  if (!paths.length) paths.push('.')
  const st: Ctx = { ctx, maxdepth: Infinity, mindepth: 0, printed: false, quit: false, depthFirst: false, out: [], batches: [], code: 0 }
  let expr: Expr | null
  try {
    const p = new ExprParser(argv.slice(i), st)
    expr = p.parse()
  } catch (e) {
    if (!(e instanceof FindError)) throw e
    if (e.usage) return usageError(ctx, 'find', e.msg)
    ctx.stderr.write(`find: ${e.msg}\n`)
    return 1
  }
  if (!st.printed) {
    const print: Expr = { t: 'action', fn: (path) => (st.out.push(path + '\n'), true) }
    expr = expr ? { t: 'and', a: expr, b: print } : print
  }
  let code = 0
  for (const root of paths) {
    const n = ctx.fs.lookup(root, ctx.cwd)
    if (!n) {
      ctx.stderr.write(`find: ${root}: No such file or directory\n`)
      code = 1
      continue
    }
    yield* walk(st, root, n, 0, expr!)
    if (st.quit) break
  }
  for (const b of st.batches) if (b.batch.length && (yield* runExec(st, b.argv, b.batch)) !== 0) st.code = 1
  flush(st)
  return code || st.code
}

function flush(st: Ctx): void {
  if (st.out.length) st.ctx.stdout.write(st.out.join(''))
  st.out = []
}

/** Run CMD with {} in each word replaced by the path(s); its exit status, 127 when it cannot start. */
function* runExec(st: Ctx, argv: string[], paths: string[]): Generator<Wait, number, void> {
  const { ctx } = st
  // What find printed so far goes out before the command's own output.
  flush(st)
  const words = paths.length === 1 ? argv.map((w) => w.split('{}').join(paths[0])) : argv.flatMap((w) => (w === '{}' ? paths : [w]))
  if (!ctx.spawn) {
    ctx.stderr.write(`find: ${words[0]}: No such file or directory\n`)
    return 127
  }
  return yield* ctx.spawn(words, { notFound: (prog, why) => `find: ${prog}: ${why}\n` })
}

function* walk(st: Ctx, path: string, n: Node, depth: number, expr: Expr): Generator<Wait, void, void> {
  if (st.quit) return
  if (depth >= st.mindepth && !st.depthFirst) yield* evalExpr(st, expr, path, n, depth)
  if (n.type === 'dir' && depth < st.maxdepth)
    for (const name of [...n.entries.keys()].sort()) {
      const child = n.entries.get(name)
      if (child) yield* walk(st, joinPath(path, name), child, depth + 1, expr)
    }
  if (depth >= st.mindepth && st.depthFirst) yield* evalExpr(st, expr, path, n, depth)
}

function* evalExpr(st: Ctx, e: Expr, path: string, n: Node, depth: number): Generator<Wait, boolean, void> {
  if (st.quit) return false
  switch (e.t) {
    case 'and':
      return (yield* evalExpr(st, e.a, path, n, depth)) && (yield* evalExpr(st, e.b, path, n, depth))
    case 'or':
      return (yield* evalExpr(st, e.a, path, n, depth)) || (yield* evalExpr(st, e.b, path, n, depth))
    case 'not':
      return !(yield* evalExpr(st, e.e, path, n, depth))
    case 'test':
      return e.fn(path, n, depth)
    case 'action':
      return e.fn(path, n)
    case 'exec':
      if (e.batch) {
        e.batch.push(path)
        return true
      }
      return (yield* runExec(st, e.argv, [path])) === 0
  }
}

class ExprParser {
  private i = 0

  constructor(
    private a: string[],
    private st: Ctx,
  ) {}

  parse(): Expr | null {
    if (!this.a.length) return null
    const e = this.or()
    if (this.i < this.a.length) throw new FindError(`unrecognized: ${this.a[this.i]}`, true)
    return e
  }

  private or(): Expr {
    let l = this.and()
    while (this.a[this.i] === '-o' || this.a[this.i] === '-or') {
      this.i++
      l = { t: 'or', a: l, b: this.and() }
    }
    return l
  }

  private and(): Expr {
    let l = this.not()
    for (;;) {
      const t = this.a[this.i]
      if (t === undefined || t === '-o' || t === '-or' || t === ')') return l
      if (t === '-a' || t === '-and') this.i++
      l = { t: 'and', a: l, b: this.not() }
    }
  }

  private not(): Expr {
    const t = this.a[this.i]
    if (t === '!' || t === '-not') {
      this.i++
      return { t: 'not', e: this.not() }
    }
    if (t === '(') {
      this.i++
      const e = this.or()
      if (this.a[this.i] !== ')') throw new FindError('unrecognized: (', true)
      this.i++
      return e
    }
    return this.primary()
  }

  private arg(opt: string): string {
    const v = this.a[this.i++]
    if (v === undefined) throw new FindError(`${opt} requires an argument`)
    return v
  }

  private primary(): Expr {
    const opt = this.a[this.i++]
    const st = this.st
    const now = () => st.ctx.host.now()
    const base = (p: string) => (p.replace(/\/+$/, '').split('/').pop() || p)
    switch (opt) {
      case '-name':
      case '-iname': {
        const re = globToRegExp(this.arg(opt), opt === '-iname')
        return { t: 'test', fn: (p) => re.test(base(p)) }
      }
      case '-path':
      case '-ipath':
      case '-wholename': {
        const re = globToRegExp(this.arg(opt), opt === '-ipath')
        return { t: 'test', fn: (p) => re.test(p) }
      }
      case '-type': {
        const v = this.arg(opt)
        if (!'fdlbcps'.includes(v) || v.length !== 1) throw new FindError(`invalid argument '${v}' to '-type'`)
        return { t: 'test', fn: (_p, n) => (v === 'f' ? n.type === 'file' : v === 'd' ? n.type === 'dir' : false) }
      }
      case '-maxdepth':
      case '-mindepth': {
        const v = Number(this.arg(opt))
        if (opt === '-maxdepth') st.maxdepth = v
        else st.mindepth = v
        return { t: 'test', fn: () => true }
      }
      case '-empty':
        return { t: 'test', fn: (_p, n) => (n.type === 'dir' ? n.entries.size === 0 : n.data.length === 0) }
      case '-size': {
        const v = this.arg(opt)
        const m = /^([-+]?)(\d+)([ckMGbw]?)$/.exec(v)
        if (!m) throw new FindError(`invalid argument '${v}' to '-size'`)
        const unit = { '': 512, b: 512, c: 1, w: 2, k: 1024, M: 1048576, G: 1073741824 }[m[3]]!
        const want = Number(m[2])
        return {
          t: 'test',
          fn: (_p, n) => {
            const size = Math.ceil(nodeSize(n) / unit)
            return m[1] === '+' ? size > want : m[1] === '-' ? size < want : size === want
          },
        }
      }
      case '-mtime':
      case '-mmin': {
        const v = this.arg(opt)
        const m = /^([-+]?)(\d+)$/.exec(v)
        if (!m) throw new FindError(`invalid argument '${v}' to '${opt}'`)
        const unit = opt === '-mtime' ? 86400000 : 60000
        return {
          t: 'test',
          fn: (_p, n) => {
            const age = Math.floor((now() - n.mtime) / unit)
            const want = Number(m[2])
            return m[1] === '+' ? age > want : m[1] === '-' ? age < want : age === want
          },
        }
      }
      case '-newer': {
        const ref = this.arg(opt)
        const r = st.ctx.fs.lookup(ref, st.ctx.cwd)
        if (!r) throw new FindError(`${ref}: No such file or directory`)
        return { t: 'test', fn: (_p, n) => n.mtime > r.mtime }
      }
      case '-print':
      case '-print0': {
        st.printed = true
        const end = opt === '-print' ? '\n' : '\0'
        return { t: 'action', fn: (p) => (st.out.push(p + end), true) }
      }
      case '-depth':
        st.depthFirst = true
        return { t: 'test', fn: () => true }
      case '-delete':
        st.printed = true
        st.depthFirst = true
        return {
          t: 'action',
          fn: (p, n) => {
            try {
              st.ctx.fs.remove(p, st.ctx.cwd, false)
              return true
            } catch {
              return false
            }
          },
        }
      case '-quit':
        return { t: 'action', fn: () => ((st.quit = true), true) }
      case '-exec': {
        st.printed = true
        const start = this.i
        while (this.i < this.a.length && this.a[this.i] !== ';' && !(this.a[this.i] === '+' && this.a[this.i - 1] === '{}')) this.i++
        if (this.i >= this.a.length || this.i === start) throw new FindError(`${opt} requires an argument`)
        const argv = this.a.slice(start, this.i)
        const plus = this.a[this.i++] === '+'
        if (!plus) return { t: 'exec', argv, batch: null }
        if (argv.filter((w) => w === '{}').length !== 1) throw new FindError(`only one '{}' allowed for ${opt} +`)
        const batch: string[] = []
        st.batches.push({ argv, batch })
        return { t: 'exec', argv, batch }
      }
      case '-ok':
        throw new FindError(`${opt} is not available in batchlab (it asks on a terminal for each file)`)
      case '-true':
        return { t: 'test', fn: () => true }
      case '-false':
        return { t: 'test', fn: () => false }
    }
    throw new FindError(`unrecognized: ${opt}`, true)
  }
}
