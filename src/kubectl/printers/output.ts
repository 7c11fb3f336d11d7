// `-o/--output`: which printer a format names, and the whole-object printers (json, yaml, name,
// jsonpath, custom-columns, go-template) with kubectl's errors. Upstream: cli-runtime
// pkg/genericclioptions/print_flags.go, jsonpath_flags.go, pkg/printers.
import type { KObject } from '../../engine/api/types.ts'
import type { Vfs } from '../../shell/fs/vfs.ts'
import { KubectlError } from '../errors.ts'
import { JsonPathError, parseJsonPath, printJsonPath, type JpNode } from '../jsonpath.ts'
import { kindPrefix } from '../mapper.ts'
import { resourceForKind } from '../../engine/api/resources.ts'
import { customColumnsFromFile, customColumnsFromSpec, type CustomColumnsPrinter } from './custom-columns.ts'
import { goSyntax, printJson } from './json.ts'
import { goTemplatePrinter } from './gotemplate.ts'
import { toYaml } from './yaml.ts'

export const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'

export interface ObjectPrinter {
  /** Print one object (or a List), as the printer would write it. */
  print(obj: KObject): string
}

/** Human-readable output: a table, with -o wide or not. */
export function isHumanReadable(format: string, template: string): boolean {
  return (format === '' && template === '') || format === 'wide'
}

function noPrinter(format: string): KubectlError {
  return new KubectlError(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED_FORMATS}`)
}

/** The name printer: job.batch/countdown-job, one line per object. */
export function nameOf(obj: KObject): string {
  const r = resourceForKind(obj.kind)
  const prefix = r ? kindPrefix(r) : obj.kind.toLowerCase()
  return `${prefix}/${obj.metadata.name}`
}

function listItems(obj: KObject): KObject[] | undefined {
  return obj.kind === 'List' || obj.kind.endsWith('List') ? ((obj as unknown as { items: KObject[] }).items ?? []) : undefined
}

const NAME_PRINTER: ObjectPrinter = {
  print(obj) {
    const items = listItems(obj)
    return (items ?? [obj]).map((o) => nameOf(o) + '\n').join('')
  },
}

/** Several YAML documents from one printer are separated by "---". */
function yamlPrinter(): ObjectPrinter {
  let count = 0
  return {
    print(obj) {
      count++
      return (count > 1 ? '---\n' : '') + toYaml(obj)
    },
  }
}

function jsonPathPrinter(template: string, allowMissingKeys: boolean, asJson: boolean): ObjectPrinter {
  let root: JpNode
  try {
    root = parseJsonPath(template)
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(`error parsing jsonpath ${template}, ${e.message}`)
    throw e
  }
  return {
    print(obj) {
      try {
        return printJsonPath(root, obj, { allowMissingKeys, outputJson: asJson })
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e
        const dump =
          `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${template}\n` +
          `\tobject given to jsonpath engine was:\n\t\t${goSyntax(obj)}\n\n`
        throw new KubectlError(`error executing jsonpath ${JSON.stringify(template)}: ${dump}\n`)
      }
    },
  }
}

export interface PrinterOptions {
  format: string
  /** --template (for go-template, jsonpath formats given without a value). */
  template: string
  noHeaders: boolean
  allowMissingKeys: boolean
  fs: Vfs
  cwd: string
}

function readTemplateFile(opts: PrinterOptions, path: string): string {
  try {
    return opts.fs.readFile(path, opts.cwd)
  } catch {
    throw new KubectlError(`error reading --template ${path}, open ${path}: no such file or directory`)
  }
}

/** The printer for a non-table format; throws kubectl's error for unknown formats and bad templates. */
export function objectPrinter(opts: PrinterOptions): ObjectPrinter | CustomColumnsPrinter {
  const { format } = opts
  if (format === 'json') return { print: (o) => printJson(o) }
  if (format === 'yaml') return yamlPrinter()
  if (format === 'name') return NAME_PRINTER
  const eq = format.indexOf('=')
  const kind = eq < 0 ? format : format.slice(0, eq)
  let value = eq < 0 ? opts.template : format.slice(eq + 1)
  switch (kind) {
    case 'jsonpath':
    case 'jsonpath-as-json':
    case 'jsonpath-file':
      if (!value) throw new KubectlError('template format specified but no template given')
      if (kind === 'jsonpath-file') value = readTemplateFile(opts, value)
      return jsonPathPrinter(value, opts.allowMissingKeys, kind === 'jsonpath-as-json')
    case 'custom-columns':
      return customColumnsFromSpec(value, opts.noHeaders)
    case 'custom-columns-file':
      return customColumnsFromFile(readTemplateFile(opts, value), opts.noHeaders)
    case 'go-template':
    case 'template':
    case 'go-template-file':
    case 'templatefile':
      if (!value) throw new KubectlError('template format specified but no template given')
      if (kind.endsWith('file')) value = readTemplateFile(opts, value)
      return goTemplatePrinter(value, opts.allowMissingKeys)
    default:
      throw noPrinter(format)
  }
}
