// `-o go-template`: executing Go text/template as kubectl does (missingkey=default, <no value>, Go's
// fmt for maps and lists, builtins plus exists and base64decode, the debug dump on errors).
// Upstream: Go src/text/template (exec.go, funcs.go), cli-runtime pkg/printers/template.go.
import type { KObject } from '../../engine/api/types.ts'
import { KubectlError } from '../errors.ts'
import { goJsonCompact, goPlain, goQuote } from './json.ts'
import { parseTemplate, TemplateError, type Arg, type Pipe, type Pos, type TNode } from './gotemplate-parse.ts'
import type { ObjectPrinter } from './output.ts'

const MISSING = Symbol('no value')
type V = unknown

class ExecError extends Error {
  node?: Pos
}

/** A printer failure that also wrote debugging text to stdout (GoTemplatePrinter.PrintObj). */
export class PrintError extends KubectlError {
  constructor(
    message: string,
    readonly stdout: string,
  ) {
    super(message)
  }
}

function truth(v: V): boolean {
  if (v === MISSING || v === null || v === undefined || v === false || v === 0 || v === '') return false
  if (Array.isArray(v)) return v.length > 0
  if (typeof v === 'object') return Object.keys(v as object).length > 0
  return true
}

/** How text/template prints a value: a missing key or a JSON null is "<no value>". */
function show(v: V): string {
  if (v === MISSING || v === null || v === undefined) return '<no value>'
  return goPlain(v)
}

/** fmt.Sprint of a function argument: a missing value arrives as nil. */
function fmtShow(v: V): string {
  if (v === MISSING || v === null || v === undefined) return '<nil>'
  return goPlain(v)
}

function kind(v: V): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float'
  return 'other'
}

function compare(name: string, a: V, b: V): number {
  const ka = kind(a)
  const kb = kind(b)
  if (ka === 'other' || kb === 'other') throw new ExecError(`error calling ${name}: invalid type for comparison`)
  if (ka !== kb) throw new ExecError(`error calling ${name}: incompatible types for comparison`)
  if (ka === 'bool' && name !== 'eq' && name !== 'ne') throw new ExecError(`error calling ${name}: invalid type for comparison`)
  return a === b ? 0 : (a as number) < (b as number) ? -1 : 1
}

function base64decode(s: V): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  const clean = String(s).replace(/=+$/, '')
  let bits = 0
  let acc = 0
  const bytes: number[] = []
  for (const c of clean) {
    const i = alphabet.indexOf(c)
    if (i < 0) throw new ExecError(`error calling base64decode: illegal base64 data at input byte ${clean.indexOf(c)}`)
    acc = (acc << 6) | i
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((acc >> bits) & 0xff)
    }
  }
  return decodeURIComponent(bytes.map((b) => '%' + b.toString(16).padStart(2, '0')).join(''))
}

/** fmt.Sprintf for the verbs templates use: %s %v %d %q %f and %%. */
function sprintf(format: string, args: V[]): string {
  let i = 0
  return format.replace(/%([-+ #0]*\d*(?:\.\d+)?)([svdqfx%])/g, (_, flags: string, verb: string) => {
    if (verb === '%') return '%'
    if (i >= args.length) return `%!${verb}(MISSING)`
    const a = args[i++]
    let s: string
    if (verb === 'q') s = typeof a === 'string' ? goQuote(a) : fmtShow(a)
    else if (verb === 'd') s = typeof a === 'number' ? String(Math.trunc(a)) : `%!d(${kind(a)}=${fmtShow(a)})`
    else if (verb === 'f') s = typeof a === 'number' ? a.toFixed(/\.(\d+)/.exec(flags)?.[1] ? Number(/\.(\d+)/.exec(flags)![1]) : 6) : fmtShow(a)
    else if (verb === 'x') s = typeof a === 'number' ? a.toString(16) : [...String(a)].map((c) => c.charCodeAt(0).toString(16)).join('')
    else s = fmtShow(a)
    const width = Number(/^[-+ #0]*(\d+)/.exec(flags)?.[1] ?? 0)
    return flags.includes('-') ? s.padEnd(width) : s.padStart(width)
  })
}

const FUNCS: Record<string, (args: V[], name: string) => V> = {
  and: (a) => a.find((x) => !truth(x)) ?? a[a.length - 1],
  or: (a) => a.find((x) => truth(x)) ?? a[a.length - 1],
  not: (a) => !truth(a[0]),
  len: (a) => {
    const v = a[0]
    if (v === MISSING) throw new ExecError('error calling len: reflect: call of reflect.Value.Type on zero Value')
    if (typeof v === 'string' || Array.isArray(v)) return v.length
    if (v && typeof v === 'object') return Object.keys(v).length
    throw new ExecError(`error calling len: len of type ${kind(v)}`)
  },
  index: (a) => {
    let v = a[0]
    for (const k of a.slice(1)) {
      if (Array.isArray(v)) {
        if (typeof k !== 'number' || k < 0 || k >= v.length) throw new ExecError(`error calling index: index out of range: ${show(k)}`)
        v = v[k]
      } else if (v && typeof v === 'object') v = String(k) in (v as object) ? (v as Record<string, V>)[String(k)] : MISSING
      else throw new ExecError(`error calling index: can't index item of type ${kind(v)}`)
    }
    return v
  },
  print: (a) => a.map(fmtShow).reduce((s, x, i) => s + (i && typeof a[i] !== 'string' && typeof a[i - 1] !== 'string' ? ' ' : '') + x, ''),
  println: (a) => a.map(fmtShow).join(' ') + '\n',
  printf: (a) => sprintf(String(a[0]), a.slice(1)),
  eq: (a, n) => a.slice(1).some((b) => compare(n, a[0], b) === 0),
  ne: (a, n) => compare(n, a[0], a[1]) !== 0,
  lt: (a, n) => compare(n, a[0], a[1]) < 0,
  le: (a, n) => compare(n, a[0], a[1]) <= 0,
  gt: (a, n) => compare(n, a[0], a[1]) > 0,
  ge: (a, n) => compare(n, a[0], a[1]) >= 0,
  exists: (a) => {
    let v = a[0]
    for (const k of a.slice(1)) {
      if (!v || typeof v !== 'object' || !(String(k) in (v as object))) return false
      v = (v as Record<string, V>)[String(k)]
    }
    return true
  },
  base64decode: (a) => base64decode(a[0]),
  html: (a) => a.map(fmtShow).join('').replace(/[&'<>"\0]/g, (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\0': '\uFFFD' })[c]!),
  js: (a) => a.map(fmtShow).join('').replace(/[\\'"<>&=]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' })[c]!),
  urlquery: (a) => encodeURIComponent(a.map(fmtShow).join('')).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()),
  slice: (a) => {
    const [v, ...idx] = a
    const n = idx.map(Number)
    if (typeof v === 'string') return v.slice(n[0] ?? 0, n[1] ?? v.length)
    if (Array.isArray(v)) return v.slice(n[0] ?? 0, n[1] ?? v.length)
    throw new ExecError(`error calling slice: can't slice item of type ${kind(v)}`)
  },
}

class Exec {
  private vars: Map<string, V>[] = []
  constructor(
    private missingIsError: boolean,
    root: V,
  ) {
    this.vars.push(new Map([['$', root]]))
  }

  run(nodes: TNode[], dot: V): string {
    let out = ''
    for (const n of nodes) {
      if (n.t === 'text') out += n.text
      else if (n.t === 'action') {
        const v = this.pipe(n.pipe, dot)
        if (!n.pipe.decl.length) out += show(v)
      } else if (n.t === 'if' || n.t === 'with') {
        this.vars.push(new Map())
        const v = this.pipe(n.pipe, dot)
        out += truth(v) ? this.run(n.then, n.t === 'with' ? v : dot) : n.else ? this.run(n.else, dot) : ''
        this.vars.pop()
      } else if (n.t === 'range') out += this.range(n, dot)
    }
    return out
  }

  private range(n: Extract<TNode, { t: 'range' }>, dot: V): string {
    this.vars.push(new Map())
    const v = this.pipe({ ...n.pipe, decl: [] }, dot)
    let items: [V, V][] = []
    if (Array.isArray(v)) items = v.map((x, i) => [i, x])
    else if (v && typeof v === 'object') items = Object.keys(v).sort().map((k) => [k, (v as Record<string, V>)[k]])
    else if (typeof v === 'number' && Number.isInteger(v)) items = Array.from({ length: v }, (_, i) => [i, i])
    else if (v !== null && v !== undefined && v !== MISSING) throw new ExecError(`range can't iterate over ${show(v)}`)
    let out = ''
    for (const [k, x] of items) {
      const scope = this.vars[this.vars.length - 1]
      if (n.pipe.decl.length === 1) scope.set(n.pipe.decl[0], x)
      if (n.pipe.decl.length === 2) {
        scope.set(n.pipe.decl[0], k)
        scope.set(n.pipe.decl[1], x)
      }
      out += this.run(n.then, x)
    }
    if (!items.length && n.else) out += this.run(n.else, dot)
    this.vars.pop()
    return out
  }

  private lookupVar(name: string): V {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].has(name)) return this.vars[i].get(name)
    throw new ExecError(`undefined variable: ${name}`)
  }

  private field(v: V, chain: string[]): V {
    for (const name of chain) {
      if (v === MISSING || v === null || v === undefined) return v === MISSING ? MISSING : MISSING
      if (typeof v !== 'object' || Array.isArray(v)) throw new ExecError(`can't evaluate field ${name} in type interface {}`)
      if (!(name in (v as object))) {
        if (this.missingIsError) throw new ExecError(`map has no entry for key ${JSON.stringify(name)}`)
        return MISSING
      }
      v = (v as Record<string, V>)[name]
    }
    return v
  }

  private arg(a: Arg, dot: V): V {
    try {
      return this.argValue(a, dot)
    } catch (e) {
      if (e instanceof ExecError && !e.node) e.node = a
      throw e
    }
  }

  private argValue(a: Arg, dot: V): V {
    switch (a.t) {
      case 'field':
        return this.field(a.base === 'dot' ? dot : this.lookupVar(a.name!), a.chain)
      case 'string':
      case 'number':
      case 'bool':
        return a.value
      case 'nil':
        return null
      case 'pipe':
        return this.field(this.pipe(a.pipe, dot), a.chain)
      case 'ident':
        return this.call(a.name, [], dot)
    }
  }

  private call(name: string, args: V[], dot: V): V {
    const fn = FUNCS[name]
    if (!fn) throw new ExecError(`function ${JSON.stringify(name)} not defined`)
    void dot
    return fn(args, name)
  }

  private pipe(p: Pipe, dot: V): V {
    let prev: V = MISSING
    let hasPrev = false
    for (const c of p.cmds) {
      const head = c.args[0]
      if (head.t === 'ident') {
        const args = c.args.slice(1).map((x) => this.arg(x, dot))
        if (hasPrev) args.push(prev)
        try {
          prev = this.call(head.name, args.map((x) => (x === MISSING && head.name !== 'len' ? null : x)), dot)
        } catch (e) {
          if (e instanceof ExecError && !e.node) e.node = c
          throw e
        }
      } else {
        if (c.args.length > 1) throw new ExecError(`can't give argument to non-function ${p.text}`)
        prev = this.arg(head, dot)
      }
      hasPrev = true
    }
    if (p.decl.length) {
      const scope = p.assign ? this.vars.find((m) => m.has(p.decl[0])) : this.vars[this.vars.length - 1]
      if (!scope) throw new ExecError(`undefined variable: ${p.decl[0]}`)
      scope.set(p.decl[0], prev)
    }
    return prev
  }
}

/** "output:LINE:COL" of a node, as text/template's ErrorContext reports it. */
function location(template: string, pos: number): string {
  const before = template.slice(0, pos)
  const line = before.split('\n').length
  return `output:${line}:${pos - (before.lastIndexOf('\n') + 1)}`
}

export function goTemplatePrinter(template: string, allowMissingKeys: boolean): ObjectPrinter {
  let nodes: TNode[]
  try {
    nodes = parseTemplate(template)
  } catch (e) {
    if (e instanceof TemplateError) throw new KubectlError(`error parsing template ${template}, ${e.message}`)
    throw e
  }
  return {
    print(obj: KObject) {
      try {
        return new Exec(!allowMissingKeys, obj).run(nodes, obj)
      } catch (e) {
        if (!(e instanceof ExecError)) throw e
        const where = e.node ? `${location(template, e.node.pos)}: executing "output" at <${e.node.src}>` : 'output: executing "output"'
        const err = `template: ${where}: ${e.message}`
        const debug =
          `Error executing template: ${err}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${template}\n` +
          `\traw data was:\n\t\t${goJsonCompact(obj)}\n` +
          `\tobject given to template engine was:\n\t\t${goPlain(obj)}\n\n`
        throw new PrintError(`error executing template ${JSON.stringify(template)}: ${err}`, debug)
      }
    },
  }
}
