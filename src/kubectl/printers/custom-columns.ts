// `-o custom-columns=HEADER:.path,…` and custom-columns-file: one JSONPath per column, values joined
// by commas, <none> when nothing matches. Upstream: cli-runtime pkg/printers/customcolumn.go.
import type { KObject } from '../../engine/api/types.ts'
import { KubectlError } from '../errors.ts'
import { evaluateJsonPath, JsonPathError, parseJsonPath, type JpNode } from '../jsonpath.ts'
import { TabWriter } from '../tabwriter.ts'
import { goPlain } from './json.ts'

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/

/** RelaxedJSONPathExpression: "a.b", ".a.b", "{a.b}" and "{.a.b}" all mean "{.a.b}". */
export function relaxedJsonPath(expr: string): string {
  if (!expr) return expr
  const m = RELAXED.exec(expr)
  if (!m) throw new KubectlError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
  return `{.${m[1] || m[2]}}`
}

interface Column {
  header: string
  path: JpNode
}

export class CustomColumnsPrinter {
  private headerDone = false
  private writer = new TabWriter({ minwidth: 6, padding: 3 })

  constructor(
    private columns: Column[],
    private noHeaders: boolean,
  ) {}

  /** Print one object or the items of a List; the header once per printer. */
  print(obj: KObject): string {
    if (!this.noHeaders && !this.headerDone) {
      this.writer.write(this.columns.map((c) => c.header).join('\t') + '\n')
      this.headerDone = true
    }
    const items = obj.kind === 'List' ? ((obj as unknown as { items: KObject[] }).items ?? []) : [obj]
    for (const o of items) this.writer.write(this.row(o).join('\t') + '\n')
    return this.writer.flush()
  }

  private row(obj: KObject): string[] {
    return this.columns.map((c) => {
      let blocks: unknown[][]
      try {
        blocks = evaluateJsonPath(c.path, obj, { allowMissingKeys: true })
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(e.message)
        throw e
      }
      const values = !blocks.length || !blocks[0].length ? ['<none>'] : []
      for (const v of blocks.flat()) values.push(goPlain(v).replace(/\x1b/g, '^[').replace(/\r/g, '\\r'))
      return values.join(',')
    })
  }
}

function parseColumn(header: string, spec: string): Column {
  const expr = relaxedJsonPath(spec)
  try {
    return { header, path: parseJsonPath(expr) }
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(e.message)
    throw e
  }
}

export function customColumnsFromSpec(spec: string, noHeaders: boolean): CustomColumnsPrinter {
  if (!spec) throw new KubectlError('custom-columns format specified but no custom columns given')
  const columns = spec.split(',').map((part) => {
    const i = part.indexOf(':')
    if (i < 0) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`)
    return parseColumn(part.slice(0, i), part.slice(i + 1))
  })
  return new CustomColumnsPrinter(columns, noHeaders)
}

export function customColumnsFromFile(text: string, noHeaders: boolean): CustomColumnsPrinter {
  const lines = text.split('\n')
  const split = (s: string) => s.split(/\s+/).filter(Boolean)
  const usage = 'Expected format is one line of space separated headers, one line of space separated column specs.'
  if (lines.length < 1 || (lines.length === 1 && !lines[0])) throw new KubectlError(`invalid template, missing header line. ${usage}`)
  if (lines.length < 2 || (lines.length === 2 && !lines[1] && text.endsWith('\n'))) throw new KubectlError(`invalid template, missing spec line. ${usage}`)
  const headers = split(lines[0])
  const specs = split(lines[1])
  if (headers.length !== specs.length) throw new KubectlError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`)
  return new CustomColumnsPrinter(
    headers.map((h, i) => parseColumn(h, specs[i])),
    noHeaders,
  )
}
