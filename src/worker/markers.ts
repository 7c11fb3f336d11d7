// After `kubectl apply -f FILE` fails, find where in FILE each error points, so the
// editor can mark the line: YAML syntax errors carry their line; the API server's
// field errors (`spec.template.spec.restartPolicy: Required value`) are located by
// walking the YAML document to that field (or its nearest existing parent).
import { isMap, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml'

export interface Marker {
  message: string
  line?: number
  column?: number
  field?: string
}

export function markersFromStderr(stderr: string, source: string): Marker[] {
  const out: Marker[] = []
  const syntax = /yaml: line (\d+): (.+)$/m.exec(stderr)
  if (syntax) return [{ message: syntax[2], line: Number(syntax[1]) }]
  const json = /error converting YAML to JSON: (.+)$/m.exec(stderr)
  if (json) return [{ message: json[1] }]
  const lines = stderr.split('\n').filter(Boolean)
  for (const l of lines) {
    const inv = /^(?:The \w+ "[^"]*" is invalid: |\* )((?:metadata|spec)[\w.[\]-]*): (.+)$/.exec(l)
    if (inv) {
      out.push({ field: inv[1], message: `${inv[1]}: ${inv[2]}`, ...locate(source, inv[1]) })
      continue
    }
    const unknown = /unknown field "([^"]+)"/g
    let m: RegExpExecArray | null
    let any = false
    while ((m = unknown.exec(l))) {
      any = true
      out.push({ field: m[1], message: `unknown field "${m[1]}"`, ...locate(source, m[1]) })
    }
    if (!any && /^(error|Error from server)/.test(l)) out.push({ message: l })
  }
  return out
}

/** Line and column of a field path like spec.template.spec.containers[0].image. */
export function locate(source: string, field: string): { line?: number; column?: number } {
  const lc = new LineCounter()
  const docs = parseAllDocuments(source, { lineCounter: lc })
  const doc = Array.isArray(docs) ? docs[0] : undefined
  if (!doc?.contents) return {}
  const parts = field.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)
  let node: Node | null = doc.contents as Node
  let best: number | undefined = node.range?.[0]
  for (const p of parts) {
    let next: Node | null = null
    if (isMap(node)) {
      const pair: { key: unknown; value: unknown } | undefined = node.items.find((it) => (it.key as { value?: unknown } | null)?.value === p)
      if (pair) {
        best = (pair.key as Node).range?.[0] ?? best
        next = (pair.value as Node) ?? null
      }
    } else if (isSeq(node) && /^\d+$/.test(p)) {
      next = (node.items[Number(p)] as Node) ?? null
      best = next?.range?.[0] ?? best
    }
    if (!next) break
    node = next
  }
  if (best === undefined) return {}
  const pos = lc.linePos(best)
  return { line: pos.line, column: pos.col }
}
