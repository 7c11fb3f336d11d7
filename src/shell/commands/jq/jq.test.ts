// jq 1.7.1 behaviour: rows checked against jq itself (1.6 on the dev machine, with the
// 1.7 changes read from jq-1.7.1's source: literal-preserving numbers, "end of file"
// in syntax errors, `"x" * 0 == ""`, `limit(0; f)` empty, error(null) reported).
import { describe, expect, it } from 'vitest'
import { run } from '../test-helpers.ts'
import { jq } from './jq.ts'

const JOB = JSON.stringify({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'countdown-job', labels: { 'job-name': 'countdown-job' } },
  status: {
    conditions: [
      { lastProbeTime: '2026-01-01T00:00:12Z', lastTransitionTime: '2026-01-01T00:00:12Z', status: 'True', type: 'SuccessCriteriaMet' },
      { lastProbeTime: '2026-01-01T00:00:12Z', lastTransitionTime: '2026-01-01T00:00:12Z', status: 'True', type: 'Complete' },
    ],
    completionTime: '2026-01-01T00:00:12Z',
    ready: 0,
    startTime: '2026-01-01T00:00:00Z',
    succeeded: 1,
    terminating: 0,
    uncountedTerminatedPods: {},
  },
}, null, 4)

type Row = [name: string, argv: string[], stdin: string, stdout: string, stderr: string, code: number]

const rows: Row[] = [
  [
    'seed: kubectl get job countdown-job -o json | jq .status',
    ['.status'],
    JOB,
    `{
  "conditions": [
    {
      "lastProbeTime": "2026-01-01T00:00:12Z",
      "lastTransitionTime": "2026-01-01T00:00:12Z",
      "status": "True",
      "type": "SuccessCriteriaMet"
    },
    {
      "lastProbeTime": "2026-01-01T00:00:12Z",
      "lastTransitionTime": "2026-01-01T00:00:12Z",
      "status": "True",
      "type": "Complete"
    }
  ],
  "completionTime": "2026-01-01T00:00:12Z",
  "ready": 0,
  "startTime": "2026-01-01T00:00:00Z",
  "succeeded": 1,
  "terminating": 0,
  "uncountedTerminatedPods": {}
}
`,
    '',
    0,
  ],
  ['-r a string', ['-r', '.metadata.name'], JOB, 'countdown-job\n', '', 0],
  ['-c and select', ['-c', '[.status.conditions[] | select(.type == "Complete") | .status]'], JOB, '["True"]\n', '', 0],
  ['keys are sorted', ['-c', '.status | keys'], JOB, '["completionTime","conditions","ready","startTime","succeeded","terminating","uncountedTerminatedPods"]\n', '', 0],
  ['duration from timestamps', ['(.status.completionTime | fromdate) - (.status.startTime | fromdate)'], JOB, '12\n', '', 0],
  ['map and length', ['.status.conditions | map(.type) | length'], JOB, '2\n', '', 0],
  ['string interpolation', ['-r', '"\\(.metadata.name): \\(.status.succeeded) succeeded"'], JOB, 'countdown-job: 1 succeeded\n', '', 0],
  ['update assignment', ['-c', '.status.succeeded |= . + 1 | .status.succeeded'], JOB, '2\n', '', 0],
  ['@csv', ['-r', '.status.conditions[] | [.type, .status] | @csv'], JOB, '"SuccessCriteriaMet","True"\n"Complete","True"\n', '', 0],
  ['several inputs', ['-c', '.a'], '{"a":1}\n{"a":[2]}\n', '1\n[2]\n', '', 0],
  ['-s slurps', ['-s', '-c', 'map(.a)'], '{"a":1} {"a":2}', '[1,2]\n', '', 0],
  ['-n', ['-n', '-c', '[range(3)]'], '', '[0,1,2]\n', '', 0],
  ['literal numbers keep their form (jq 1.7)', ['-c', '.'], '[1.0, 1.50, 100000000000000000000, 1e2]', '[1.0,1.50,100000000000000000000,1E+2]\n', '', 0],
  ['arithmetic drops the literal', ['-c', '[.[] + 0]'], '[1.0, 1.50]', '[1,1.5]\n', '', 0],
  ['computed numbers print like jq', ['-c', '[.1 + .2, 1 / 3, 3 * 1e16, 2 / 1e5]', '-n'], '', '[0.30000000000000004,0.3333333333333333,3e+16,2e-05]\n', '', 0],
  ['index error', ['.status.ready.foo'], JOB, '', 'jq: error (at <stdin>:31): Cannot index number with string "foo"\n', 5],
  ['iterate error is truncated', ['.[]'], '"abcdefghijklmnopqrstuvwxyz"', '', 'jq: error (at <stdin>:0): Cannot iterate over string ("abcdefghij...)\n', 5],
  ['type error in addition', ['-n', '1 + "a"'], '', '', 'jq: error (at <unknown>): number (1) and string ("a") cannot be added\n', 5],
  ['error with an object', ['-n', 'error({a: 1})'], '', '', 'jq: error (at <unknown>) (not a string): {"a":1}\n', 5],
  ['try/catch', ['-n', 'try error("boom") catch "caught: \\(.)"'], '', '"caught: boom"\n', '', 0],
  ['undefined function', ['.a | lenght'], '{}', '', 'jq: error: lenght/0 is not defined at <top-level>, line 1:\n.a | lenght     \njq: 1 compile error\n', 3],
  ['syntax error', ['{a: 1 + 2}'], '{}', '', "jq: error: syntax error, unexpected '+', expecting '}' (Unix shell quoting issues?) at <top-level>, line 1:\n{a: 1 + 2}      \njq: 1 compile error\n", 3],
  ['unfinished program', ['.a |'], '{}', '', 'jq: error: syntax error, unexpected end of file (Unix shell quoting issues?) at <top-level>, line 1:\n.a |   \njq: 1 compile error\n', 3],
  ['bad JSON input', ['.'], '{"a":1} {"a":', '{\n  "a": 1\n}\n', 'jq: parse error: Unfinished JSON term at EOF at line 1, column 13\n', 5],
  ['invalid literal', ['.'], 'nul', '', 'jq: parse error: Invalid literal at line 1, column 3\n', 5],
  ['-e with null', ['-e', '.missing'], '{}', 'null\n', '', 1],
  ['-e without output', ['-e', 'empty'], '{}', '', '', 4],
  ['--arg and --argjson', ['-n', '-c', '--arg', 'name', 'pi', '--argjson', 'n', '{"v":3}', '{name: $name, n: $n.v}'], '', '{"name":"pi","n":3}\n', '', 0],
  ['unknown option', ['-Z', '.'], '', '', 'jq: Unknown option: -Z\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n', 2],
  ['no filter reads `.` from a pipe', [], '{"a":1}', '{\n  "a": 1\n}\n', '', 0],
  ['-S sorts keys', ['-S', '-c', '.'], '{"b":1,"a":{"d":1,"c":2}}', '{"a":{"c":2,"d":1},"b":1}\n', '', 0],
  ['--tab', ['--tab', '.'], '{"a":[1]}', '{\n\t"a": [\n\t\t1\n\t]\n}\n', '', 0],
  ['del and paths', ['-c', 'del(.a[0]) | [paths]'], '{"a":[1,2],"b":{"c":3}}', '[["a"],["a",0],["b"],["b","c"]]\n', '', 0],
  ['reduce and foreach', ['-n', '-c', '[reduce range(5) as $x (0; . + $x), [foreach range(3) as $x (0; . + $x)]]'], '', '[10,[0,1,3]]\n', '', 0],
  ['destructuring', ['-c', '. as {metadata: {name: $n}, status: {conditions: [$first]}} | [$n, $first.type]'], JOB, '["countdown-job","SuccessCriteriaMet"]\n', '', 0],
  ['regex', ['-c', '.metadata.name | [test("down"), (capture("(?<a>[a-z]+)-(?<b>[a-z]+)") | .b), sub("-job$"; "")]'], JOB, '[true,"job","countdown"]\n', '', 0],
  ['string repeat (1.7.1)', ['-n', '-c', '["x" * 3, "x" * 0, "x" * -1]'], '', '["xxx","",null]\n', '', 0],
  ['env and $ENV', ['-n', '-r', 'env.HOME, $ENV.HOME'], '', '/root\n/root\n', '', 0],
  ['now is virtual time', ['-n', 'now | todate'], '', '"2026-01-01T00:00:00Z"\n', '', 0],
  ['Korean text', ['-r', '.msg'], '{"msg":"작업 완료"}', '작업 완료\n', '', 0],
  ['-a escapes', ['-a', '-c', '.'], '{"msg":"é"}', '{"msg":"\\u00e9"}\n', '', 0],
]

describe('jq', () => {
  for (const [name, argv, stdin, stdout, stderr, code] of rows)
    it(name, () => {
      const r = run(jq, ['jq', ...argv], { stdin, env: { HOME: '/root', PATH: '/bin' } })
      expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout, stderr, code })
    })
})
