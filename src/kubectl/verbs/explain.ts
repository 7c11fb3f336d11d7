// kubectl explain: a kind's or a field's type and description, and its fields,
// laid out as kubectl 1.33's OpenAPI v3 "plaintext" template lays them out
// (GROUP/KIND/VERSION, FIELD, DESCRIPTION, FIELDS; --recursive). The schema and
// its English and Korean descriptions are our own (src/engine/api/schema);
// Korean is chosen when LANG or BATCHLAB_LANG starts with "ko".
// Upstream: kubectl pkg/cmd/explain/explain.go, pkg/explain/v2/templates/plaintext.tmpl,
// Masterminds/goutils WrapCustom (sprig's wrap).
import { resolvePath, schemaForKind, elementType, type FieldNode, type Lang, type TypeNode } from '../../engine/api/schema/index.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { KubectlError, RawError } from '../errors.ts'
import { resolveResource } from '../mapper.ts'

export const explainVerb: Verb = {
  name: 'explain',
  short: 'Get documentation for a resource',
  flags: [
    { name: 'recursive', type: 'bool', usage: 'List every field below, without descriptions.' },
    { name: 'api-version', type: 'string', usage: 'The API version (group/version) of the resource to explain.' },
    { name: 'output', type: 'string', default: 'plaintext', usage: 'plaintext (the only format in this lab).' },
  ],
  help: {
    long: `Describe the fields of a resource type: what each one means and what type of value it takes. A field is named by a path such as job.spec.template.

 Set LANG=ko_KR.UTF-8 (or BATCHLAB_LANG=ko) for the descriptions in Korean.`,
    examples: ['# A Job and its top-level fields', 'kubectl explain job', '', '# One field', 'kubectl explain job.spec.backoffLimit', '', '# Every field of a CronJob, as a tree', 'kubectl explain cronjob --recursive'],
    usage: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [--output=plaintext|plaintext-openapiv2] [options]',
  },
  run: (ctx) => runExplain(ctx),
}

export function explainLang(env: ReadonlyMap<string, string>): Lang {
  const v = env.get('BATCHLAB_LANG') || env.get('LC_ALL') || env.get('LANG') || ''
  return v.toLowerCase().startsWith('ko') ? 'ko' : 'en'
}

function runExplain(ctx: KubectlContext): number {
  if (!ctx.args.length) {
    throw new KubectlError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.')
  }
  if (ctx.args.length > 1) throw new KubectlError('We accept only this format: explain RESOURCE')
  const out = ctx.flags.string('output')
  if (out !== 'plaintext') throw new KubectlError(`unsupported output format: ${out}`)
  const [word, ...path] = ctx.args[0].split('.')
  let r
  try {
    r = resolveResource(word)
  } catch (e) {
    // explain prints the mapping error without the "error: " prefix.
    if (e instanceof KubectlError) throw new RawError(e.message)
    throw e
  }
  const k = schemaForKind(r.kind)
  if (!k) throw new KubectlError(`GVK map[group:${r.group} kind:${r.kind} version:${r.version}] not found in OpenAPI schema`)
  const lang = explainLang(ctx.env)
  let s = (r.group ? `GROUP:      ${r.group}\n` : '') + `KIND:       ${r.kind}\nVERSION:    ${r.version}\n\n`
  let node: TypeNode = k.type
  let field: FieldNode | undefined
  if (path.length) {
    const res = resolvePath(r.kind, path)
    if (!res || 'missing' in res) {
      // The template has written the header (without its blank line) when it fails.
      ctx.out(s.slice(0, -1))
      throw new KubectlError(`field ${JSON.stringify(path[path.length - 1])} does not exist`)
    }
    field = res.field!
    node = res.type
    s += `FIELD: ${path[path.length - 1]} <${typeGuess(node)}>\n${longEnum(node)}\n\n`
  }
  const desc = [field?.desc[lang], descOfType(node, lang)].filter((d): d is string => !!d).map((d) => d + '\n').join('')
  s += 'DESCRIPTION:\n' + indent(wrap(desc || '<empty>', 76), 4) + '\n'
  const list = fieldList(node, 1, ctx.flags.bool('recursive'), lang, new Set())
  if (list) s += 'FIELDS:\n' + list
  ctx.out(s + '\n')
  return 0
}

function descOfType(node: TypeNode, lang: Lang): string | undefined {
  const t = elementType(node)
  return t.kind === 'object' ? t.desc?.[lang] : undefined
}

/** The type hint: string, integer, boolean, []Container, map[string]string, or an object's type name. */
export function typeGuess(node: TypeNode): string {
  switch (node.kind) {
    case 'array':
      return '[]' + typeGuess(node.items!)
    case 'map':
      return 'map[string]' + typeGuess(node.values!)
    case 'object': {
      if (node.open && !node.struct && !/\.[A-Z]/.test(node.go)) return 'Object'
      const name = node.struct ?? node.go.slice(node.go.lastIndexOf('.') + 1)
      return name || 'Object'
    }
    case 'time':
    case 'quantity':
    case 'int-or-string':
      return 'string'
    default:
      return node.kind
  }
}

function longEnum(node: TypeNode): string {
  const values = node.enum
  if (!values?.length) return ''
  return 'ENUM:' + values.map((v) => '\n    ' + (v === '' ? '""' : v)).join('')
}

function shortEnum(node: TypeNode, indentAmount: number): string {
  const values = node.enum
  if (!values?.length) return ''
  const shown = values.slice(0, 4).map((v) => (v === '' ? '""' : v)).join(', ')
  return '\n' + ' '.repeat(indentAmount) + 'enum: ' + shown + (values.length > 4 ? ', ....' : '')
}

function fieldList(node: TypeNode, level: number, recursive: boolean, lang: Lang, seen: Set<TypeNode>): string {
  const obj = elementType(node)
  if (obj.kind !== 'object' || !obj.fields || seen.has(obj)) return ''
  const next = new Set(seen).add(obj)
  let s = ''
  for (const name of Object.keys(obj.fields).sort()) {
    const f = obj.fields[name]
    const indentAmount = level * 2
    s += ' '.repeat(indentAmount) + name + '\t<' + typeGuess(f.type) + '>' + (f.required ? ' -required-' : '') + shortEnum(f.type, indentAmount) + '\n'
    if (recursive) s += fieldList(f.type, level + 1, true, lang, next)
    else s += indent(wrap(f.desc[lang] || '<no description>', 78 - indentAmount), indentAmount + 2) + '\n\n'
  }
  return s
}

function indent(s: string, n: number): string {
  const pad = ' '.repeat(n)
  return pad + s.split('\n').join('\n' + pad)
}

/** Display width: Hangul and other wide characters take two columns (ASCII counts as Go's bytes do). */
function width(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

/** The longest prefix of `s` whose width is at most `w` (in whole characters). */
function prefixWithin(s: string, w: number): string {
  let out = ''
  let used = 0
  for (const ch of s) {
    const cw = width(ch)
    if (used + cw > w) break
    out += ch
    used += cw
  }
  return out
}

/** goutils.WrapCustom(s, n, "\n", false): break at the last space that fits; long words overflow. */
export function wrap(s: string, n: number): string {
  let out = ''
  let rest = s
  while (width(rest) > n) {
    if (rest[0] === ' ') {
      rest = rest.slice(1)
      continue
    }
    const span = prefixWithin(rest, n + 1)
    const at = span.lastIndexOf(' ')
    if (at >= 0) {
      out += rest.slice(0, at) + '\n'
      rest = rest.slice(at + 1)
      continue
    }
    const head = prefixWithin(rest, n)
    const space = rest.indexOf(' ', head.length)
    if (space < 0) break
    out += rest.slice(0, space) + '\n'
    rest = rest.slice(space + 1)
  }
  return out + rest
}
