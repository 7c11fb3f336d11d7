// The jq 1.7.1 command line: options, inputs (stdin or files, -n, -s, -R), output
// formatting, error messages and exit statuses as jq's main.c has them.
// Upstream: jq src/main.c, src/util.c (input positions).
import type { CommandContext, Wait } from '../../api.ts'
import { readAllStdin } from '../util/io.ts'
import type { Ast } from './ast.ts'
import { HaltSignal } from './builtins.ts'
import { builtinScope } from './prelude.ts'
import { checkProgram } from './check.ts'
import { evaluate } from './eval.ts'
import { dump, JsonParseError, JsonReader, parseJson, type DumpOptions } from './json.ts'
import { JqSyntaxError } from './lexer.ts'
import { Parser } from './parser.ts'
import { BreakSignal, Scope, type EvalContext } from './scope.ts'
import { JqError, type Value } from './value.ts'

const SHORT = 'srjcCMaSRnfbeh'
const LONG: Record<string, string> = {
  slurp: 's', 'raw-output': 'r', 'join-output': 'j', 'compact-output': 'c', 'color-output': 'C', 'monochrome-output': 'M',
  'ascii-output': 'a', 'sort-keys': 'S', 'raw-input': 'R', 'null-input': 'n', 'from-file': 'f', 'exit-status': 'e', help: 'h',
  tab: 'tab', unbuffered: 'unbuffered', seq: 'seq', stream: 'stream', 'raw-output0': 'raw0',
}

interface Options {
  flags: Set<string>
  dump: DumpOptions
  program?: string
  files: string[]
  named: Map<string, Value>
  positional: Value[]
}

const OK = 0
const OK_NULL_KIND = -1
const ERROR_SYSTEM = 2
const ERROR_COMPILE = 3
const OK_NO_OUTPUT = -4
const ERROR_UNKNOWN = 5

class Usage {
  constructor(readonly code: number) {}
}

function die(ctx: CommandContext, msg: string): never {
  ctx.stderr.write(`${msg}\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n`)
  throw new Usage(2)
}

function parseOptions(ctx: CommandContext): Options {
  const o: Options = { flags: new Set(), dump: { indent: 2 }, files: [], named: new Map(), positional: [] }
  const argv = ctx.argv
  let rest: 'files' | 'strings' | 'json' = 'files'
  let done = false
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]
    const optish = a[0] === '-' && (a[1] === '-' || /[A-Za-z]/.test(a[1] ?? ''))
    if (done || !optish) {
      if (o.program === undefined) o.program = a
      else if (rest === 'strings') o.positional.push(a)
      else if (rest === 'json') {
        try {
          o.positional.push(parseJson(a))
        } catch {
          die(ctx, 'jq: invalid JSON text passed to --jsonargs')
        }
      } else o.files.push(a)
      continue
    }
    if (a === '--') {
      done = true
      continue
    }
    const need = (n: number, what: string) => {
      if (i + n >= argv.length) die(ctx, what)
    }
    if (a.startsWith('--')) {
      const name = a.slice(2)
      if (name === 'arg' || name === 'argjson' || name === 'slurpfile' || name === 'rawfile') {
        need(2, `jq: --${name} takes two parameters (e.g. --${name} varname ${name === 'arg' ? 'value' : name === 'argjson' ? 'text' : 'filename'})`)
        const key = argv[i + 1]
        const raw = argv[i + 2]
        i += 2
        if (o.named.has(key)) continue
        if (name === 'arg') o.named.set(key, raw)
        else if (name === 'argjson') {
          try {
            o.named.set(key, parseJson(raw))
          } catch {
            die(ctx, 'jq: invalid JSON text passed to --argjson')
          }
        } else o.named.set(key, fileArg(ctx, name, key, raw))
        continue
      }
      if (name === 'indent') {
        need(1, 'jq: --indent takes one parameter')
        const n = parseInt(argv[++i], 10) || 0
        if (n < -1 || n > 7) die(ctx, 'jq: --indent takes a number between -1 and 7')
        o.dump = { ...o.dump, indent: n, tab: false }
        continue
      }
      if (name === 'args' || name === 'jsonargs') {
        rest = name === 'args' ? 'strings' : 'json'
        continue
      }
      if (name === 'version') {
        ctx.stdout.write('jq-1.7.1\n')
        throw new Usage(0)
      }
      const key = LONG[name]
      if (!key) die(ctx, `jq: Unknown option: ${a}`)
      o.flags.add(key)
      continue
    }
    for (const c of a.slice(1)) {
      if (!SHORT.includes(c)) die(ctx, `jq: Unknown option: ${a}`)
      o.flags.add(c)
    }
  }
  if (o.flags.has('h')) {
    ctx.stdout.write(USAGE)
    throw new Usage(0)
  }
  if (o.flags.has('tab')) o.dump = { ...o.dump, tab: true }
  if (o.flags.has('c')) o.dump = { ...o.dump, indent: 0, tab: false }
  if (o.flags.has('S')) o.dump.sortKeys = true
  if (o.flags.has('a')) o.dump.ascii = true
  return o
}

function fileArg(ctx: CommandContext, which: string, key: string, path: string): Value {
  let text: string
  try {
    text = ctx.fs.readFile(path, ctx.cwd)
  } catch {
    ctx.stderr.write(`jq: Bad JSON in --${which} ${key} ${path}: Could not open ${path}: No such file or directory\n`)
    throw new Usage(ERROR_SYSTEM)
  }
  if (which === 'rawfile') return text
  const out: Value[] = []
  const r = new JsonReader(text)
  for (let v = r.next(); v !== undefined; v = r.next()) out.push(v)
  return out
}

const USAGE = `Usage:\tjq [OPTIONS] FILTER [FILES...]
\tjq [OPTIONS] --args FILTER [ARGUMENTS...]
\tjq [OPTIONS] --jsonargs FILTER [JSON_VALUES...]

jq is a tool for processing JSON inputs, applying the given filter to
its JSON text inputs and producing the filter's results as JSON on
standard output.
`

/** Compile: parse, then the symbol check. Prints jq's messages; null on failure. */
function compile(ctx: CommandContext, program: string, vars: Set<string>): { ast: Ast; scope: Scope } | null {
  const report = (msg: string, pos: number) => {
    const lineStart = program.lastIndexOf('\n', pos - 1) + 1
    const lineNo = program.slice(0, lineStart).split('\n').length
    const nl = program.indexOf('\n', lineStart)
    const line = nl < 0 ? program.slice(lineStart) : program.slice(lineStart, nl + 1)
    ctx.stderr.write(`jq: error: ${msg} at <top-level>, line ${lineNo}:\n${line}${' '.repeat(pos - lineStart)}\n`)
  }
  let ast: Ast
  try {
    ast = Parser.parse(program)
  } catch (e) {
    if (!(e instanceof JqSyntaxError)) throw e
    report(`${e.message} (Unix shell quoting issues?)`, e.pos)
    ctx.stderr.write('jq: 1 compile error\n')
    return null
  }
  const scope = builtinScope()
  const funcs = new Set<string>()
  for (let s: Scope | null = scope; s; s = s.parent) funcs.add(s.key)
  const errors = checkProgram(ast, funcs, vars)
  if (errors.length) {
    for (const e of errors) report(e.message, e.pos)
    ctx.stderr.write(`jq: ${errors.length} compile error${errors.length > 1 ? 's' : ''}\n`)
    return null
  }
  return { ast, scope }
}

interface Input {
  /** The next input value; undefined at the end. Throws JsonParseError. */
  next(): Value | undefined
  /** `(at <stdin>:N)` */
  position(): string
}

function* openInputs(ctx: CommandContext, o: Options, errors: string[]): Generator<Wait, Input, void> {
  const names = o.files.length ? o.files : ['-']
  const texts: { name: string; text: string }[] = []
  for (const f of names) {
    if (f === '-') texts.push({ name: '<stdin>', text: yield* readAllStdin(ctx.stdin) })
    else {
      try {
        texts.push({ name: f, text: ctx.fs.readFile(f, ctx.cwd) })
      } catch {
        errors.push(`jq: error: Could not open ${f}: No such file or directory\n`)
      }
    }
  }
  if (o.flags.has('R')) {
    const all = texts.map((t) => t.text).join('')
    if (o.flags.has('s')) {
      let given = false
      return { next: () => (given ? undefined : ((given = true), all)), position: () => '<unknown>' }
    }
    const lines = all.split('\n')
    if (lines[lines.length - 1] === '') lines.pop()
    let i = 0
    return { next: () => (i < lines.length ? lines[i++] : undefined), position: () => `<stdin>:${i}` }
  }
  let k = 0
  let reader = texts.length ? new JsonReader(texts[0].text) : null
  const nextRaw = (): Value | undefined => {
    while (reader) {
      const v = reader.next()
      if (v !== undefined) return v
      reader = ++k < texts.length ? new JsonReader(texts[k].text) : null
    }
    return undefined
  }
  const position = () => (reader ? `${texts[k].name}:${reader.line}` : '<unknown>')
  if (o.flags.has('s')) {
    let given = false
    return {
      next: () => {
        if (given) return undefined
        given = true
        const all: Value[] = []
        for (let v = nextRaw(); v !== undefined; v = nextRaw()) all.push(v)
        return all
      },
      position,
    }
  }
  return { next: nextRaw, position }
}

export function* jq(ctx: CommandContext): Generator<Wait, number, void> {
  let o: Options
  try {
    o = parseOptions(ctx)
  } catch (e) {
    if (e instanceof Usage) return e.code
    throw e
  }
  if (o.program === undefined) {
    if (ctx.stdout.tty && ctx.interactive && !o.files.length && ctx.argv.length === 1) {
      ctx.stderr.write(`${USAGE}\nFor listing the command options, use jq --help.\n`)
      return ERROR_SYSTEM
    }
    o.program = '.'
  }
  if (o.flags.has('f')) {
    try {
      o.program = ctx.fs.readFile(o.program, ctx.cwd)
    } catch {
      ctx.stderr.write(`jq: Could not open ${o.program}: No such file or directory\n`)
      return ERROR_SYSTEM
    }
  }
  const named = new Map(o.named)
  named.set('ARGS', new Map<string, Value>([['positional', o.positional], ['named', new Map(o.named)]]))
  named.set('__prog_args', o.positional)
  const compiled = compile(ctx, o.program, new Set(named.keys()))
  if (!compiled) return ERROR_COMPILE
  let scope = compiled.scope
  for (const [k, v] of named) scope = scope.bind('$' + k, { kind: 'var', value: v })
  const openErrors: string[] = []
  const input = yield* openInputs(ctx, o, openErrors)
  for (const e of openErrors) ctx.stderr.write(e)
  const evalCtx: EvalContext = {
    env: ctx.env,
    now: () => ctx.host.now(),
    input: () => input.next(),
    stderr: (t) => ctx.stderr.write(t),
  }
  const raw = o.flags.has('r') || o.flags.has('j') || o.flags.has('raw0')
  const process = (v: Value, position: () => string): number | HaltSignal => {
    let ret = OK_NO_OUTPUT
    try {
      for (const out of evaluate(compiled.ast, { v, p: null }, scope, evalCtx)) {
        const r = out.v
        if (raw && typeof r === 'string') {
          ctx.stdout.write(o.dump.ascii ? dump(r, { ascii: true }) : r)
          ret = OK
        } else {
          ret = r === null || r === false ? OK_NULL_KIND : OK
          ctx.stdout.write(dump(r, o.dump))
        }
        if (!o.flags.has('j')) ctx.stdout.write(o.flags.has('raw0') ? '\0' : '\n')
      }
    } catch (e) {
      if (e instanceof HaltSignal) return e
      if (e instanceof BreakSignal) e = new JqError('break')
      if (!(e instanceof JqError)) throw e
      const msg = e.value
      if (typeof msg === 'string') ctx.stderr.write(`jq: error (at ${position()}): ${msg}\n`)
      else ctx.stderr.write(`jq: error (at ${position()}) (not a string): ${dump(msg)}\n`)
      return ERROR_UNKNOWN
    }
    return ret
  }
  let ret = OK_NO_OUTPUT
  let last = -1
  const halted = (h: HaltSignal): number => {
    if (typeof h.message === 'string') ctx.stderr.write(h.message)
    else if (h.message !== null) ctx.stderr.write(dump(h.message) + '\n')
    return h.code
  }
  if (o.flags.has('n')) {
    const r = process(null, () => '<unknown>')
    if (r instanceof HaltSignal) return halted(r)
    ret = r
  } else {
    for (;;) {
      let v: Value | undefined
      try {
        v = input.next()
      } catch (e) {
        if (!(e instanceof JsonParseError)) throw e
        ctx.stderr.write(`jq: parse error: ${e.message}\n`)
        ret = ERROR_UNKNOWN
        break
      }
      if (v === undefined) break
      const r = process(v, () => input.position())
      if (r instanceof HaltSignal) return halted(r)
      ret = r
      if (ret <= 0 && ret !== OK_NO_OUTPUT) last = ret !== OK_NULL_KIND ? 1 : 0
    }
  }
  if (openErrors.length) ret = ERROR_SYSTEM
  if (o.flags.has('e')) {
    if (ret !== OK_NO_OUTPUT) return Math.abs(ret)
    return last === -1 ? 4 : last === 0 ? 1 : 0
  }
  return ret > 0 ? ret : 0
}
