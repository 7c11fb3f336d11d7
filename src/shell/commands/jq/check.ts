// jq's compile-time symbol check: every function (name/arity), $variable and label
// must be defined where it is used, or the program does not run (exit 3).
// Upstream: jq src/compile.c (block_bind_referenced, "is not defined").
import { patternVars, type Ast } from './ast.ts'

export interface Undefined {
  message: string
  pos: number
}

export function checkProgram(ast: Ast, funcs: Set<string>, vars: Set<string>): Undefined[] {
  const out: Undefined[] = []
  walk(ast, new Set(funcs), new Set(vars), new Set(), out)
  return out
}

function walk(a: Ast, funcs: Set<string>, vars: Set<string>, labels: Set<string>, out: Undefined[]): void {
  const w = (x: Ast | null, f = funcs, v = vars, l = labels) => x && walk(x, f, v, l, out)
  switch (a.t) {
    case 'identity':
    case 'recurse':
    case 'literal':
    case 'format':
      return
    case 'field':
      w(a.target)
      w(a.name)
      return
    case 'slice':
      w(a.target)
      w(a.from)
      w(a.to)
      return
    case 'iterate':
      w(a.target)
      return
    case 'string':
      for (const p of a.parts) if (typeof p !== 'string') w(p)
      return
    case 'array':
      w(a.body)
      return
    case 'object':
      for (const e of a.entries) {
        w(e.key)
        w(e.value)
      }
      return
    case 'pipe':
    case 'comma':
    case 'binop':
    case 'and':
    case 'or':
    case 'alt':
    case 'assign':
      w(a.left)
      w(a.right)
      return
    case 'neg':
      w(a.body)
      return
    case 'if':
      w(a.cond)
      w(a.then)
      w(a.else)
      return
    case 'try':
      w(a.body)
      w(a.catch)
      return
    case 'reduce':
    case 'foreach': {
      w(a.source)
      w(a.init)
      const inner = new Set([...vars, ...patternVars(a.pattern)])
      w(a.update, funcs, inner)
      if (a.t === 'foreach') w(a.extract, funcs, inner)
      return
    }
    case 'bind':
      w(a.source)
      w(a.body, funcs, new Set([...vars, ...a.patterns.flatMap(patternVars)]))
      return
    case 'label':
      w(a.body, funcs, vars, new Set([...labels, a.name]))
      return
    case 'break':
      if (!labels.has(a.name)) out.push({ message: `$*label-${a.name} is not defined`, pos: a.pos ?? 0 })
      return
    case 'var':
      if (!vars.has(a.name) && a.name !== 'ENV' && a.name !== '__prog_args') out.push({ message: `$${a.name} is not defined`, pos: a.pos ?? 0 })
      return
    case 'call':
      if (!funcs.has(`${a.name}/${a.args.length}`)) out.push({ message: `${a.name}/${a.args.length} is not defined`, pos: a.pos ?? 0 })
      for (const arg of a.args) w(arg)
      return
    case 'def': {
      const key = `${a.def.name}/${a.def.params.length}`
      const withSelf = new Set([...funcs, key])
      const bodyFuncs = new Set(withSelf)
      const bodyVars = new Set(vars)
      for (const p of a.def.params) {
        if (p.startsWith('$')) {
          bodyVars.add(p.slice(1))
          bodyFuncs.add(`${p.slice(1)}/0`)
        } else bodyFuncs.add(`${p}/0`)
      }
      w(a.def.body, bodyFuncs, bodyVars)
      w(a.body, withSelf)
      return
    }
  }
}
