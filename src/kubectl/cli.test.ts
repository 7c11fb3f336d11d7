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

describe('kubeconfig flags', () => {
  const cases: [string, string][] = [
    ['get pods --context=nope', 'Error in configuration: context was not found for specified context: nope\n'],
    ['get pods --cluster=nope', 'error: no server found for cluster "nope"\n'],
    ['get pods --user=nope', 'error: auth info "nope" does not exist\n'],
    ['get pods --request-timeout=x', 'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n'],
  ]
  for (const [line, stderr] of cases) {
    it(`kubectl ${line}`, () => expect(kubectl(new Cluster(), line)).toEqual({ stdout: '', stderr, code: 1 }))
  }
  it('the current context and a valid timeout are accepted', () => {
    expect(kubectl(new Cluster(), 'get pods --context=kubernetes-admin@kubernetes --request-timeout=5s')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      code: 0,
    })
  })
})

describe('top-level help', () => {
  it('kubectl alone prints the command list and succeeds', () => {
    const r = kubectl(new Cluster(), [])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^kubectl drives the simulated Kubernetes cluster of this lab\.\n/)
    // The list holds whatever verbs are registered; the read verbs sit in kubectl's groups.
    expect(r.stdout).toMatch(/\nBasic Commands \(Intermediate\):\n(  .*\n)*  get {13}Display one or many resources\n/)
    expect(r.stdout).toMatch(/\nTroubleshooting and Debugging Commands:\n  describe {8}Show details of a specific resource or group of resources\n  logs {12}Print the logs for a container in a pod\n/)
    expect(r.stdout.endsWith('Use "kubectl options" for a list of global command-line options (applies to all commands).\n')).toBe(true)
  })
  it('kubectl options lists the global flags', () => {
    expect(kubectl(new Cluster(), 'options').stdout).toMatch(/^The following options can be passed to any command:\n\n {4}--as='':\n\tUser to impersonate/)
  })
})
