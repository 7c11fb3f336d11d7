import { describe, expect, it } from 'vitest'
import { Cluster } from '../engine/cluster.ts'
import { levenshtein, suggestionsFor } from './cli.ts'
import { kubectl } from './testkit.ts'

// Each expectation below was produced by the real kubectl 1.33 client.
describe('kubectl command lookup and flag errors', () => {
  const cases: [string, string, number][] = [
    ['gett jobs', 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n', 1],
    ['descibe', 'error: unknown command "descibe" for "kubectl"\n\nDid you mean this?\n\tdescribe\n', 1],
    ['lgos', 'error: unknown command "lgos" for "kubectl"\n\nDid you mean this?\n\tlogs\n', 1],
    ['ge', 'error: unknown command "ge" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n', 1],
    ['ap', 'error: unknown command "ap" for "kubectl"\n\nDid you mean this?\n\ttop\n\tcp\n\tapply\n\tapi-versions\n\tapi-resources\n', 1],
    ['GET', 'error: unknown command "GET" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n', 1],
    ['zzzzzz', 'error: unknown command "zzzzzz" for "kubectl"\n', 1],
    ['get jobs --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", 1],
    ['get -Az', "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n", 1],
    ['get -n', "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n", 1],
    ['get --namespace', "error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.\n", 1],
    ['logs --tail=x foo', 'error: invalid argument "x" for "--tail" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl logs --help\' for usage.\n', 1],
    ['get jobs -w=x', 'error: invalid argument "x" for "-w, --watch" flag: strconv.ParseBool: parsing "x": invalid syntax\nSee \'kubectl get --help\' for usage.\n', 1],
    ['--foo get', "error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n", 1],
    ['-n', "error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n", 1],
  ]
  for (const [line, stderr, code] of cases) {
    it(`kubectl ${line}`, () => {
      const r = kubectl(new Cluster(), line)
      expect(r).toEqual({ stdout: '', stderr, code })
    })
  }

  it('cobra distance is case-insensitive Levenshtein', () => {
    expect(levenshtein('gett', 'set')).toBe(2)
    expect(levenshtein('GET', 'get')).toBe(0)
    expect(suggestionsFor('x')).toEqual(['cp'])
    expect(suggestionsFor('co')).toEqual(['top', 'cordon', 'cp', 'completion', 'config'])
  })
})
