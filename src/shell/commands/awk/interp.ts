// The awk interpreter: variables and arrays (by reference into functions), fields and
// NF, records, print/printf with file redirection, getline, user functions, and the
// builtins busybox awk has. Upstream: POSIX awk; busybox editors/awk.c for its choices.
import type { CommandContext } from '../../api.ts'
import { cprintf, type Arg } from '../util/printf.ts'
import { compileRegex, PosixRegex } from '../util/regex.ts'
import type { Expr, Func, Program, Rule, Stmt } from './ast.ts'
import { callBuiltin } from './builtins.ts'
import { GlibcRandom } from './random.ts'
import { compare, numToStr, StrNum, toBool, toNum, toStr, type Value } from './values.ts'

export class AwkRuntimeError extends Error {}
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

class Cell {
  v: Value = ''
  arr: Map<string, Value> | null = null
  /** A parameter given an untouched variable: using it as an array makes the caller's one. */
  link: Cell | null = null

  array(): Map<string, Value> {
    if (this.arr) return this.arr
    if (this.link) return (this.arr = this.link.array())
    return (this.arr = new Map())
  }
}

export interface InputSource {
  /** The next record of the main input (sync), or null at the end. */
  nextRecord(): string | null
}

const SPECIAL = new Set(['NF', 'NR', 'FNR'])

export class Interp {
  readonly globals = new Map<string, Cell>()
  private frames: Map<string, Cell>[] = []
  fields: string[] = ['']
  private nf = 0
  private split = true
  nr = 0
  fnr = 0
  rng = new GlibcRandom(1)
  seed = 1
  files = new Map<string, string>()
  readers = new Map<string, { lines: string[]; i: number }>()
  private regexCache = new Map<string, PosixRegex>()
  private rangeActive = new Map<Rule, boolean>()
  input: InputSource = { nextRecord: () => null }

  constructor(
    readonly prog: Program,
    readonly ctx: CommandContext,
  ) {
    const set = (k: string, v: Value) => (this.cell(k).v = v)
    set('FS', ' ')
    set('OFS', ' ')
    set('ORS', '\n')
    set('RS', '\n')
    set('SUBSEP', '\x1c')
    set('CONVFMT', '%.6g')
    set('OFMT', '%.6g')
    set('RSTART', 0)
    set('RLENGTH', -1)
    set('FILENAME', '')
    const env = this.cell('ENVIRON').array()
    for (const [k, v] of ctx.env) env.set(k, new StrNum(v))
  }

  setArray(name: string, entries: [string, Value][]): void {
    const arr = this.cell(name).array()
    for (const [k, v] of entries) arr.set(k, v)
  }

  cell(name: string): Cell {
    const frame = this.frames[this.frames.length - 1]
    const local = frame?.get(name)
    if (local) return local
    let c = this.globals.get(name)
    if (!c) this.globals.set(name, (c = new Cell()))
    return c
  }

  get convfmt(): string {
    return toStr(this.cell('CONVFMT').v, '%.6g')
  }

  str(v: Value): string {
    return toStr(v, this.convfmt)
  }

  getVar(name: string): Value {
    if (name === 'NF') {
      this.splitRecord()
      return this.nf
    }
    if (name === 'NR') return this.nr
    if (name === 'FNR') return this.fnr
    return this.cell(name).v
  }

  setVar(name: string, v: Value): void {
    if (name === 'NF') {
      this.splitRecord()
      this.nf = Math.max(0, Math.trunc(toNum(v)))
      this.fields.length = this.nf + 1
      for (let i = 1; i <= this.nf; i++) this.fields[i] ??= ''
      this.rebuild()
      return
    }
    if (name === 'NR') this.nr = toNum(v)
    else if (name === 'FNR') this.fnr = toNum(v)
    else this.cell(name).v = v
  }

  // ---- records and fields ----

  setRecord(text: string): void {
    this.fields = [text]
    this.split = false
  }

  private splitRecord(): void {
    if (this.split) return
    this.split = true
    const parts = this.splitText(this.fields[0], this.cell('FS').v)
    this.fields = [this.fields[0], ...parts]
    this.nf = parts.length
  }

  splitText(s: string, fsv: Value): string[] {
    const fs = this.str(fsv)
    if (fs === ' ') return s.split(/[ \t\n]+/).filter((x, i, a) => x !== '' || (i > 0 && i < a.length - 1))
    if (s === '') return []
    if (fs.length === 1 && fs !== '\\') return s.split(fs === '\t' ? '\t' : fs)
    const re = this.regex(fs)
    const out: string[] = []
    let pos = 0
    for (let m = re.exec(s, 0); m; m = re.exec(s, Math.max(m.end, m.start + 1), true)) {
      if (m.end === m.start) continue
      out.push(s.slice(pos, m.start))
      pos = m.end
      if (pos >= s.length) break
    }
    out.push(s.slice(pos))
    return out
  }

  getField(i: number): Value {
    if (i < 0) throw new AwkRuntimeError('Access to negative field')
    if (i === 0) return new StrNum(this.fields[0])
    this.splitRecord()
    return new StrNum(this.fields[i] ?? '')
  }

  setField(i: number, v: Value): void {
    if (i < 0) throw new AwkRuntimeError('Access to negative field')
    if (i === 0) {
      this.setRecord(this.str(v))
      return
    }
    this.splitRecord()
    while (this.nf < i) this.fields[++this.nf] = ''
    this.fields[i] = this.str(v)
    this.rebuild()
  }

  private rebuild(): void {
    this.fields[0] = this.fields.slice(1, this.nf + 1).join(this.str(this.cell('OFS').v))
  }

  // ---- regular expressions ----

  regex(src: string): PosixRegex {
    let re = this.regexCache.get(src)
    if (!re) {
      const r = compileRegex(src, { extended: true })
      if (!(r instanceof PosixRegex)) throw new AwkRuntimeError(`bad regex '${src}': ${r.message}`)
      this.regexCache.set(src, (re = r))
    }
    return re
  }

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
      case 'getline':
        this.eval(s.e)
        return
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

  private print(args: Expr[], redirect: { op: string; dest: Expr } | null): void {
    const ofmt = this.str(this.cell('OFMT').v)
    const text = args.length
      ? args.map((a) => {
          const v = this.eval(a)
          return typeof v === 'number' ? numToStr(v, ofmt) : this.str(v)
        })
      : [this.fields[0]]
    this.output(text.join(this.str(this.cell('OFS').v)) + this.str(this.cell('ORS').v), redirect)
  }

  private output(text: string, redirect: { op: string; dest: Expr } | null): void {
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
        if (SPECIAL.has(e.name)) return this.getVar(e.name)
        return this.cell(e.name).v
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
        if (['<', '<=', '==', '!=', '>=', '>'].includes(e.op)) {
          const c = compare(l, r, this.convfmt)
          const ok = e.op === '<' ? c < 0 : e.op === '<=' ? c <= 0 : e.op === '==' ? c === 0 : e.op === '!=' ? c !== 0 : e.op === '>=' ? c >= 0 : c > 0
          return ok ? 1 : 0
        }
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
        return this.builtin(e.name, e.args)
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
        else if (src.v === '' && !src.arr) {
          c.link = src
          c.v = ''
        } else c.v = src.v
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
    else if (!e.file) this.setRecord(rec)
    else {
      this.setRecord(rec)
      this.nr++
    }
    return 1
  }

  private builtin(name: string, args: Expr[]): Value {
    return callBuiltin(this, name, args)
  }
}
