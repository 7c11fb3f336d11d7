// go-yaml v2's verdict on one YAML document, in its words: `yaml: line N: <problem>`.
// The line rule is go-yaml v2's parser.fail() (decode.go): the problem mark's
// 0-based line, plus one for scanner errors; else the context mark's line; no
// "line N: " part when both are on the first line.
import { Parser } from './parser.ts'
import { Scanner } from './scanner.ts'
import { YamlSyntaxError } from './scanner-core.ts'

export type YamlVerdict = { ok: true; end: number } | { ok: false; error: string }

/** Whether go-yaml would read the document (and how much of it), or its error text. */
export function checkYaml(text: string): YamlVerdict {
  const control = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.exec(text)
  if (control) return { ok: false, error: 'yaml: control characters are not allowed' }
  try {
    return { ok: true, end: new Parser(new Scanner(text)).checkFirstDocument() }
  } catch (e) {
    if (!(e instanceof YamlSyntaxError)) throw e
    return { ok: false, error: 'yaml: ' + where(e) + e.problem }
  }
}

function where(e: YamlSyntaxError): string {
  let line = 0
  if (e.problemMark.line !== 0) line = e.problemMark.line + (e.kind === 'scanner' ? 1 : 0)
  else if (e.contextMark.line !== 0) line = e.contextMark.line
  return line ? `line ${line}: ` : ''
}
