// The awk interpreter: rules and ranges, statements, expressions, print/printf with
// file redirection, getline, user functions and the builtins busybox awk has, over the
// storage in vars.ts. Upstream: POSIX awk; busybox editors/awk.c for its choices.
import type { CommandContext } from '../../api.ts'
import { cprintf, type Arg } from '../util/printf.ts'
import type { PosixRegex } from '../util/regex.ts'
import type { Expr, Func, Program, Redirect, Rule, Stmt } from './ast.ts'
import { callBuiltin } from './builtins.ts'
import { GlibcRandom } from './random.ts'
import { compare, numToStr, StrNum, toBool, toNum, type Value } from './values.ts'
import { AwkRuntimeError, Cell, SPECIAL, Vars } from './vars.ts'

class Next {}
class NextFile {}
export class Exit {
  constructor(readonly code: number) {}
}
class Return {
  constructor(readonly value: Value) {}
}
class Break {}
class Continue {}

/** Each relational operator as a test of compare()'s sign. */
const RELATIONS = new Map<string, (c: number) => boolean>([
  ['<', (c) => c < 0],
  ['<=', (c) => c <= 0],
  ['==', (c) => c === 0],
  ['!=', (c) => c !== 0],
  ['>=', (c) => c >= 0],
  ['>', (c) => c > 0],
])

export interface InputSource {
  /** The next record of the main input (sync), or null at the end. */
  nextRecord(): string | null
}

export class Interp extends Vars {
  rng = new GlibcRandom(1)
  seed = 1
  files = new Map<string, string>()
  readers = new Map<string, { lines: string[]; i: number }>()
  private rangeActive = new Map<Rule, boolean>()
  input: InputSource = { nextRecord: () => null }

  constructor(
    readonly prog: Program,
    ctx: CommandContext,
  ) {
    super(ctx)
  }

  // ---- regular expressions ----

  regexOf(e: Expr): PosixRegex {
    return e.t === 'ere' ? this.regex(e.v) : this.regex(this.str(this.eval(e)))
  }

  // ---- rules ----

  runRules(kind: 'BEGIN' | 'END'): void {
    for (const r of this.prog.rules) if (r.kind === kind) this.exec(r.action!)
  }

  /** The main rules against the current record; false after `nextfile`. */
  runMain(): boolean {
    try {
      for (const r of this.prog.rules) {
        if (r.kind !== 'main') continue
        if (!this.ruleMatches(r)) continue
        if (r.action) this.exec(r.action)
        else this.print([], null)
      }
    } catch (e) {
      if (e instanceof Next) return true
      if (e instanceof NextFile) return false
      throw e
    }
    return true
  }

  private ruleMatches(r: Rule): boolean {
    if (!r.pattern) return true
    if (!r.range) return this.truth(r.pattern)
    if (this.rangeActive.get(r)) {
      if (this.truth(r.range)) this.rangeActive.set(r, false)
      return true
    }
    if (!this.truth(r.pattern)) return false
    if (!this.truth(r.range)) this.rangeActive.set(r, true)
    return true
  }

  private truth(e: Expr): boolean {
    if (e.t === 'ere') return this.regex(e.v).test(this.fields[0])
    return toBool(this.eval(e))
  }

  // ---- statements ----

  exec(body: Stmt[]): void {
    for (const s of body) this.stmt(s)
  }

  private stmt(s: Stmt): void {
    switch (s.t) {
      case 'expr':
        this.eval(s.e)
        return
      case 'print':
        this.print(s.args, s.redirect)
        return
      case 'printf': {
        if (!s.args.length) throw new AwkRuntimeError('Too few arguments')
        const [fmt, ...rest] = s.args
        this.output(this.sprintf(this.str(this.eval(fmt)), rest.map((a) => this.eval(a))), s.redirect)
        return
      }
      case 'if':
        if (this.truth(s.test)) this.stmt(s.then)
        else if (s.else) this.stmt(s.else)
        return
      case 'while':
        while (this.truth(s.test)) if (this.loopBody(s.body)) break
        return
      case 'do':
        do {
          if (this.loopBody(s.body)) break
        } while (this.truth(s.test))
        return
      case 'for':
        if (s.init) this.stmt(s.init)
        for (; !s.test || this.truth(s.test); s.step && this.stmt(s.step)) if (this.loopBody(s.body)) break
        return
      case 'forin': {
        const arr = this.cell(s.name).array()
        for (const k of [...arr.keys()]) {
          if (!arr.has(k)) continue
          this.assign(s.var, new StrNum(k))
          if (this.loopBody(s.body)) break
        }
        return
      }
      case 'block':
        this.exec(s.body)
        return
      case 'next':
        throw new Next()
      case 'nextfile':
        throw new NextFile()
      case 'break':
        throw new Break()
      case 'continue':
        throw new Continue()
      case 'exit':
        throw new Exit(s.e ? Math.trunc(toNum(this.eval(s.e))) & 0xff : -1)
      case 'return':
        throw new Return(s.e ? this.eval(s.e) : '')
      case 'delete': {
        const arr = this.cell(s.name).array()
        if (s.keys) arr.delete(this.key(s.keys))
        else arr.clear()
        return
      }
    }
  }

  /** Run a loop body; true when it broke out. */
  private loopBody(body: Stmt): boolean {
    try {
      this.stmt(body)
    } catch (e) {
      if (e instanceof Break) return true
      if (e instanceof Continue) return false
      throw e
    }
    return false
  }

  private print(args: Expr[], redirect: Redirect | null): void {
    const ofmt = this.str(this.cell('OFMT').v)
    const text = args.length
      ? args.map((a) => {
          const v = this.eval(a)
          return typeof v === 'number' ? numToStr(v, ofmt) : this.str(v)
        })
      : [this.fields[0]]
    this.output(text.join(this.str(this.cell('OFS').v)) + this.str(this.cell('ORS').v), redirect)
  }

  private output(text: string, redirect: Redirect | null): void {
    if (!redirect) {
      this.ctx.stdout.write(text)
      return
    }
    const dest = this.str(this.eval(redirect.dest))
    if (redirect.op === '|') throw new AwkRuntimeError(`can't run '${dest}': commands are not available to awk in batchlab`)
    if (dest === '/dev/stdout' || dest === '-') return this.ctx.stdout.write(text)
    if (dest === '/dev/stderr') return this.ctx.stderr.write(text)
    if (!this.files.has(dest)) {
      this.files.set(dest, '')
      try {
        this.ctx.fs.writeFile(dest, '', this.ctx.cwd, redirect.op === '>>')
      } catch {
        throw new AwkRuntimeError(`can't open '${dest}': No such file or directory`)
      }
    }
    this.ctx.fs.writeFile(dest, text, this.ctx.cwd, true)
  }

  sprintf(fmt: string, vals: Value[]): string {
    const args: Arg[] = vals.map((v) => ({ num: () => toNum(v), str: () => this.str(v), isNumber: () => typeof v === 'number' }))
    return cprintf(fmt, args)
  }

  // ---- expressions ----

  private key(keys: Expr[]): string {
    return keys.map((k) => this.str(this.eval(k))).join(this.str(this.cell('SUBSEP').v))
  }

  assign(target: Expr, v: Value): Value {
    if (target.t === 'var') {
      if (SPECIAL.has(target.name)) this.setVar(target.name, v)
      else {
        const c = this.cell(target.name)
        if (c.arr) throw new AwkRuntimeError(`can't assign to array ${target.name}`)
        c.v = v
      }
    } else if (target.t === 'field') this.setField(Math.trunc(toNum(this.eval(target.index))), v)
    else if (target.t === 'elem') this.cell(target.name).array().set(this.key(target.keys), v)
    else if (target.t === 'group') return this.assign(target.expr, v)
    return v
  }

  eval(e: Expr): Value {
    switch (e.t) {
      case 'num':
        return e.v
      case 'str':
        return e.v
      case 'ere':
        return this.regex(e.v).test(this.fields[0]) ? 1 : 0
      case 'group':
        return this.eval(e.expr)
      case 'var':
        return this.getVar(e.name)
      case 'field':
        return this.getField(Math.trunc(toNum(this.eval(e.index))))
      case 'elem': {
        const arr = this.cell(e.name).array()
        const k = this.key(e.keys)
        if (!arr.has(k)) arr.set(k, '')
        return arr.get(k)!
      }
      case 'assign': {
        if (e.op === '=') return this.assign(e.target, this.eval(e.value))
        const r = toNum(this.eval(e.value))
        const l = toNum(this.eval(e.target))
        return this.assign(e.target, this.arith(e.op.slice(0, -1), l, r))
      }
      case 'cond':
        return this.truth(e.test) ? this.eval(e.yes) : this.eval(e.no)
      case 'and':
        return this.truth(e.left) && this.truth(e.right) ? 1 : 0
      case 'or':
        return this.truth(e.left) || this.truth(e.right) ? 1 : 0
      case 'in':
        return this.cell(e.name).array().has(this.key(e.keys)) ? 1 : 0
      case 'match': {
        const ok = this.regexOf(e.re).test(this.str(this.eval(e.left)))
        return ok !== e.neg ? 1 : 0
      }
      case 'bin': {
        const l = this.eval(e.left)
        const r = this.eval(e.right)
        const holds = RELATIONS.get(e.op)
        if (holds) return holds(compare(l, r, this.convfmt)) ? 1 : 0
        return this.arith(e.op, toNum(l), toNum(r))
      }
      case 'concat':
        return this.str(this.eval(e.left)) + this.str(this.eval(e.right))
      case 'unary': {
        if (e.op === '!') return this.truth(e.arg) ? 0 : 1
        const n = toNum(this.eval(e.arg))
        return e.op === '-' ? -n : n
      }
      case 'incdec': {
        const old = toNum(this.eval(e.target))
        const next = e.op === '++' ? old + 1 : old - 1
        this.assign(e.target, next)
        return e.prefix ? next : old
      }
      case 'call':
        return this.call(e.name, e.args)
      case 'builtin':
        return callBuiltin(this, e.name, e.args)
      case 'getline':
        return this.getline(e)
    }
  }

  private arith(op: string, l: number, r: number): number {
    switch (op) {
      case '+':
        return l + r
      case '-':
        return l - r
      case '*':
        return l * r
      case '/':
        if (r === 0) throw new AwkRuntimeError('Division by zero')
        return l / r
      case '%':
        if (r === 0) throw new AwkRuntimeError('Division by zero')
        return l % r
      case '^':
        return l ** r
    }
    throw new AwkRuntimeError('Unexpected token')
  }

  private call(name: string, args: Expr[]): Value {
    const f: Func | undefined = this.prog.funcs.get(name)
    if (!f) throw new AwkRuntimeError('Call to undefined function')
    if (args.length > f.params.length) throw new AwkRuntimeError(`function '${name}' called with more arguments than declared`)
    const frame = new Map<string, Cell>()
    f.params.forEach((p, i) => {
      const c = new Cell()
      const a = args[i]
      if (a && a.t === 'var' && !SPECIAL.has(a.name)) {
        const src = this.cell(a.name)
        if (src.arr) c.arr = src.arr
        else if (src.v === '') c.link = src
        else c.v = src.v
      } else if (a) c.v = this.eval(a)
      frame.set(p, c)
    })
    if (this.frames.length > 1000) throw new AwkRuntimeError('function recursion too deep')
    this.frames.push(frame)
    try {
      this.exec(f.body)
      return ''
    } catch (e) {
      if (e instanceof Return) return e.value
      throw e
    } finally {
      this.frames.pop()
    }
  }

  private getline(e: Extract<Expr, { t: 'getline' }>): Value {
    if (e.cmd) throw new AwkRuntimeError(`can't run '${this.str(this.eval(e.cmd))}': commands are not available to awk in batchlab`)
    let rec: string | null
    if (e.file) {
      const name = this.str(this.eval(e.file))
      let r = this.readers.get(name)
      if (!r) {
        const n = this.ctx.fs.lookup(name, this.ctx.cwd)
        if (n?.type !== 'file') return -1
        const lines = n.data.split('\n')
        if (lines[lines.length - 1] === '') lines.pop()
        this.readers.set(name, (r = { lines, i: 0 }))
      }
      rec = r.i < r.lines.length ? r.lines[r.i++] : null
    } else {
      rec = this.input.nextRecord()
      if (rec !== null) {
        this.nr++
        this.fnr++
      }
    }
    if (rec === null) return 0
    if (e.target) this.assign(e.target, new StrNum(rec))
    else {
      this.setRecord(rec)
      if (e.file) this.nr++
    }
    return 1
  }
}
