// The awk machine's storage: variables and arrays in cells (passed by reference into
// function frames), NF/NR/FNR, the current record split into fields by FS when first
// needed, and compiled regexes. Upstream: POSIX awk; busybox editors/awk.c for its choices.
import type { CommandContext } from '../../api.ts'
import { compileRegex, PosixRegex } from '../util/regex.ts'
import { StrNum, toNum, toStr, type Value } from './values.ts'

export class AwkRuntimeError extends Error {}

export class Cell {
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

/** Variables kept outside the cells: NF comes from the record, NR and FNR from the reader. */
export const SPECIAL = new Set(['NF', 'NR', 'FNR'])

export class Vars {
  private readonly globals = new Map<string, Cell>()
  protected frames: Map<string, Cell>[] = []
  fields: string[] = ['']
  private nf = 0
  private split = true
  nr = 0
  fnr = 0
  private regexCache = new Map<string, PosixRegex>()

  constructor(readonly ctx: CommandContext) {
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

  regex(src: string): PosixRegex {
    let re = this.regexCache.get(src)
    if (!re) {
      const r = compileRegex(src, { extended: true })
      if (!(r instanceof PosixRegex)) throw new AwkRuntimeError(`bad regex '${src}': ${r.message}`)
      this.regexCache.set(src, (re = r))
    }
    return re
  }
}
