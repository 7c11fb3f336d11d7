// patch, label, annotate and wait against a cluster, without the shell.
// Expected texts: research kubectl-output.md §11/§13 and real kubectl v1.32 output.
import { describe, expect, it } from 'vitest'
import { Cluster } from '../../engine/cluster.ts'
import type { Job } from '../../engine/api/types.ts'
import { Running, kubectl, type RunResult } from '../testkit.ts'

function lab() {
  const cluster = new Cluster()
  const run = (line: string | string[]): RunResult => kubectl(cluster, line)
  run('create job countdown-job --image=busybox')
  run(['create', 'cronjob', 'hello', '--image=busybox', '--schedule=* * * * *'])
  return { cluster, run }
}

const ok = (stdout: string): RunResult => ({ stdout, stderr: '', code: 0 })
const fail = (stderr: string, stdout = ''): RunResult => ({ stdout, stderr, code: 1 })

describe('kubectl patch', () => {
  it('patched, then patched (no change) (research §11)', () => {
    const { run, cluster } = lab()
    expect(run(['patch', 'cronjob', 'hello', '-p', '{"spec":{"suspend":true}}'])).toEqual(ok('cronjob.batch/hello patched\n'))
    expect(run(['patch', 'cronjob', 'hello', '-p', '{"spec":{"suspend":true}}'])).toEqual(ok('cronjob.batch/hello patched (no change)\n'))
    expect(run(['patch', 'cronjob', 'hello', '--type=merge', '-p', 'spec: {suspend: false}'])).toEqual(ok('cronjob.batch/hello patched\n'))
    expect(run(['patch', 'cronjob/hello', '--type=json', '-p', '[{"op":"replace","path":"/spec/schedule","value":"*/5 * * * *"}]'])).toEqual(ok('cronjob.batch/hello patched\n'))
    expect((cluster.store.get('CronJob', 'default', 'hello')!.spec as { schedule: string; suspend: boolean })).toMatchObject({ schedule: '*/5 * * * *', suspend: false })
  })

  it('merges containers by name in a strategic patch, replaces them in a merge patch', () => {
    const { run, cluster } = lab()
    type CJ = { spec: { jobTemplate: { spec: { template: { spec: { containers: { name: string; image: string }[] } } } } } }
    const containers = () => cluster.store.get<CJ & Job>('CronJob', 'default', 'hello')!.spec.jobTemplate.spec.template.spec.containers.map((c) => [c.name, c.image])
    const tpl = (containers: string) => `{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":${containers}}}}}}}`
    expect(run(['patch', 'cronjob', 'hello', '-p', tpl('[{"name":"side","image":"alpine"}]')])).toEqual(ok('cronjob.batch/hello patched\n'))
    expect(containers()).toEqual([['hello', 'busybox'], ['side', 'alpine']])
    expect(run(['patch', 'cronjob', 'hello', '--type=merge', '-p', tpl('[{"name":"only","image":"alpine"}]')])).toEqual(ok('cronjob.batch/hello patched\n'))
    expect(containers()).toEqual([['only', 'alpine']])
  })

  const errors: [string, string[], RunResult][] = [
    ['no patch', ['patch', 'job', 'countdown-job'], fail('error: must specify --patch or --patch-file containing the contents of the patch\n')],
    ['bad type', ['patch', 'job', 'countdown-job', '-p', '{}', '--type=bogus'], fail('error: --type must be one of [json merge strategic], not "bogus"\n')],
    ['patch and patch file', ['patch', 'job', 'countdown-job', '-p', '{}', '--patch-file=x'], fail('error: cannot specify --patch and --patch-file together\n')],
    ['type without name', ['patch', 'job', '-p', '{}'], fail('error: resource(s) were provided, but no name was specified\n')],
    ['not found', ['patch', 'job', 'nope', '-p', '{}'], fail('Error from server (NotFound): jobs.batch "nope" not found\n')],
    ['bad JSON (research §13)', ['patch', 'job', 'countdown-job', '-p', '{bad json'], fail("Error from server (BadRequest): invalid character 'b' looking for beginning of object key string\n")],
    ['bad literal', ['patch', 'job', 'countdown-job', '-p', '{"spec": {"suspend": tru}}'], fail("Error from server (BadRequest): invalid character '}' in literal true (expecting 'e')\n")],
    ['bad YAML', ['patch', 'job', 'countdown-job', '-p', 'spec: x: y'], fail('error: unable to parse "spec: x: y": yaml: mapping values are not allowed in this context\n')],
    ['unclosed YAML flow', ['patch', 'job', 'countdown-job', '--type=json', '-p', '[{"op":"add"'], fail('error: unable to parse "[{\\"op\\":\\"add\\"": yaml: line 1: did not find expected \',\' or \'}\'\n')],
  ]
  it.each(errors)('%s', (_n, argv, want) => {
    expect(lab().run(argv)).toEqual(want)
  })
})

describe('kubectl label and annotate', () => {
  it('labeled, not labeled, unlabeled, overwrite rules', () => {
    const { run } = lab()
    expect(run('label job countdown-job color=aqua')).toEqual(ok('job.batch/countdown-job labeled\n'))
    expect(run('label job countdown-job color=red')).toEqual(fail("error: 'color' already has a value (aqua), and --overwrite is false\n"))
    expect(run('label job countdown-job color=red --overwrite')).toEqual(ok('job.batch/countdown-job labeled\n'))
    expect(run('label job countdown-job color=red --overwrite')).toEqual(ok('job.batch/countdown-job not labeled\n'))
    expect(run('label job countdown-job nope-')).toEqual(ok('label "nope" not found.\njob.batch/countdown-job not labeled\n'))
    expect(run('label job countdown-job color-')).toEqual(ok('job.batch/countdown-job unlabeled\n'))
    expect(run('label jobs --all lab=x --dry-run=client')).toEqual(ok('job.batch/countdown-job labeled (dry run)\n'))
  })

  it('annotated; overwrite needs --overwrite', () => {
    const { run } = lab()
    expect(run('annotate job countdown-job note=hi')).toEqual(ok('job.batch/countdown-job annotated\n'))
    expect(run('annotate job countdown-job note=hi')).toEqual(ok('job.batch/countdown-job annotated\n'))
    expect(run('annotate job countdown-job note=ho')).toEqual(fail("error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n"))
  })

  const errors: [string, string[], RunResult][] = [
    ['no update', ['label', 'job', 'countdown-job'], fail('error: at least one label update is required\n')],
    [
      'bad value',
      ['label', 'job', 'countdown-job', 'a=b c'],
      fail(
        "error: invalid label value: \"a=b c\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n",
      ),
    ],
    ['no resource', ['label', 'a=b'], fail('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n')],
  ]
  it.each(errors)('%s', (_n, argv, want) => {
    expect(lab().run(argv)).toEqual(want)
  })
})

describe('kubectl wait', () => {
  function complete(cluster: Cluster, name: string, at: number): void {
    cluster.kernel.at(at, () => {
      const job = cluster.store.get<Job>('Job', 'default', name)!
      const t = '2026-01-01T00:00:10Z'
      cluster.api.updateStatus(job, { ...job.status, conditions: [{ type: 'Complete', status: 'True', lastProbeTime: t, lastTransitionTime: t }] })
    })
  }

  it('waits on the virtual clock until the condition is met (case-insensitive)', () => {
    const { cluster } = lab()
    complete(cluster, 'countdown-job', cluster.now() + 10_000)
    const r = new Running(cluster, ['wait', '--for=condition=complete', 'job/countdown-job'])
    cluster.runUntil(cluster.now() + 60_000)
    expect([r.stdout, r.stderr, r.code]).toEqual(['job.batch/countdown-job condition met\n', '', 0])
  })

  it('times out per object (research §13)', () => {
    const { cluster } = lab()
    const start = cluster.now()
    const r = new Running(cluster, ['wait', '--for=condition=failed', 'job/countdown-job', '--timeout=5s'])
    cluster.runUntil(start + 60_000)
    expect([r.stdout, r.stderr, r.code]).toEqual(['', 'error: timed out waiting for the condition on jobs/countdown-job\n', 1])
  })

  it('waits for deletion', () => {
    const { cluster, run } = lab()
    cluster.kernel.at(cluster.now() + 3000, () => void run('delete job countdown-job --wait=false'))
    const r = new Running(cluster, ['wait', '--for=delete', 'job/countdown-job'])
    cluster.runUntil(cluster.now() + 60_000)
    expect([r.stdout, r.code]).toEqual(['job.batch/countdown-job condition met\n', 0])
  })

  const errors: [string, string[], RunResult][] = [
    ['no --for', ['wait', 'job/countdown-job'], fail('error: unrecognized condition: ""\n')],
    ['bad --for', ['wait', '--for=bogus', 'job/countdown-job'], fail('error: unrecognized condition: "bogus"\n')],
    ['bad timeout', ['wait', '--for=condition=complete', 'job', 'countdown-job', '--timeout=x'], fail('error: invalid argument "x" for "--timeout" flag: time: invalid duration "x"\nSee \'kubectl wait --help\' for usage.\n')],
    ['not found', ['wait', '--for=condition=complete', 'job/nope'], fail('Error from server (NotFound): jobs.batch "nope" not found\n')],
    ['delete of a missing object', ['wait', '--for=delete', 'job/nope'], ok('')],
    ['nothing selected', ['wait', '--for=condition=complete', 'jobs', '-l', 'app=none'], fail('error: no matching resources found\n')],
    ['jsonpath already true', ['wait', "--for=jsonpath={.spec.template.spec.restartPolicy}=Never", 'job/countdown-job'], ok('job.batch/countdown-job condition met\n')],
  ]
  it.each(errors)('%s', (_n, argv, want) => {
    expect(lab().run(argv)).toEqual(want)
  })
})
