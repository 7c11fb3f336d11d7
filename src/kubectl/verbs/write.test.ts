// apply, create and delete against a cluster, without the shell. Expected
// texts are research kubectl-output.md §11/§13 rows and real kubectl v1.32 output.
import { describe, expect, it } from 'vitest'
import { Cluster } from '../../engine/cluster.ts'
import { newDir, Vfs } from '../../shell/fs/vfs.ts'
import { kubectl, type RunResult } from '../testkit.ts'

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

function lab(files: Record<string, string> = {}) {
  const cluster = new Cluster()
  const fs = new Vfs(newDir(), () => cluster.now())
  fs.mkdir('/root', '/', true)
  for (const [name, data] of Object.entries(files)) {
    fs.mkdir(('/root/' + name).replace(/\/[^/]*$/, ''), '/', true)
    fs.writeFile('/root/' + name, data)
  }
  const run = (line: string | string[], stdin?: string): RunResult => kubectl(cluster, line, { fs, stdin })
  return { cluster, fs, run }
}

const ok = (stdout: string): RunResult => ({ stdout, stderr: '', code: 0 })
const fail = (stderr: string, stdout = ''): RunResult => ({ stdout, stderr, code: 1 })

describe('kubectl apply', () => {
  it('created, unchanged, configured (research §11)', () => {
    const { run, fs } = lab({ 'job.yaml': JOB })
    expect(run('apply -f job.yaml')).toEqual(ok('job.batch/countdown created\n'))
    expect(run('apply -f job.yaml')).toEqual(ok('job.batch/countdown unchanged\n'))
    fs.writeFile('/root/job.yaml', JOB.replace('  name: countdown\n', '  name: countdown\n  labels:\n    color: aqua\n'))
    expect(run('apply -f job.yaml')).toEqual(ok('job.batch/countdown configured\n'))
    expect(run('apply -f job.yaml --dry-run=client')).toEqual(ok('job.batch/countdown configured (dry run)\n'))
    expect(run('apply -f job.yaml --dry-run=server')).toEqual(ok('job.batch/countdown unchanged (server dry run)\n'))
  })

  it('records the last-applied configuration as kubectl serialises it', () => {
    const { run } = lab({ 'job.yaml': JOB })
    run('apply -f job.yaml')
    expect(run(['get', 'job', 'countdown', '-o', "jsonpath={.metadata.annotations['kubectl\\.kubernetes\\.io/last-applied-configuration']}"])).toEqual(
      ok('{"apiVersion":"batch/v1","kind":"Job","metadata":{"annotations":{},"name":"countdown","namespace":"default"},"spec":{"template":{"spec":{"containers":[{"command":["sh","-c","echo hi"],"image":"busybox","name":"counter"}],"restartPolicy":"Never"}}}}\n'),
    )
  })

  it('warns when the live object was not made by apply', () => {
    const { run } = lab({ 'job.yaml': JOB })
    expect(run('create -f job.yaml')).toEqual(ok('job.batch/countdown created\n'))
    expect(run('apply -f job.yaml')).toEqual({
      stdout: 'job.batch/countdown configured\n',
      stderr:
        'Warning: resource jobs/countdown is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
      code: 0,
    })
  })

  const errors: [string, Record<string, string>, string, RunResult][] = [
    ['no -f', {}, 'apply', fail('error: must specify one of -f and -k\n')],
    ['missing path (research §13 row 13)', {}, 'apply -f missing.yaml', fail('error: the path "missing.yaml" does not exist\n')],
    ['empty file', { 'e.yaml': '' }, 'apply -f e.yaml', fail('error: no objects passed to apply\n')],
    ['kind not set (row 12)', { 'nokind.yaml': 'apiVersion: batch/v1\nmetadata:\n  name: a\n' }, 'apply -f nokind.yaml', fail('error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n')],
    ['both type fields missing', { 'n.yaml': 'metadata:\n  name: a\n' }, 'apply -f n.yaml', fail('error: error validating "n.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n')],
    ['kind missing, validation off', { 'n.yaml': 'metadata:\n  name: a\n' }, 'apply -f n.yaml --validate=false', fail('error: unable to decode "n.yaml": Object \'Kind\' is missing in \'{"metadata":{"name":"a"}}\'\n')],
    [
      'unknown version (row 11)',
      { 'badversion.yaml': 'apiVersion: batch/v2\nkind: Job\nmetadata:\n  name: badversion\n' },
      'apply -f badversion.yaml',
      fail('error: resource mapping not found for name: "badversion" namespace: "" from "badversion.yaml": no matches for kind "Job" in version "batch/v2"\nensure CRDs are installed first\n'),
    ],
    ['YAML syntax (row 9)', { 'bad.yaml': JOB.replace('        image: busybox', '       image: busybox') }, 'apply -f bad.yaml', fail('error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 9: did not find expected key\n')],
    ['empty directory', {}, 'apply -f .', fail('error: error reading [.]: recognized file extensions are [.json .yaml .yml]\n')],
  ]
  it.each(errors)('%s', (_n, files, line, want) => {
    expect(lab(files).run(line)).toEqual(want)
  })

  it('goes on after errors and reports them together, API errors as "Error from server"', () => {
    const { run } = lab({ 'a.yaml': JOB, 'b.yaml': 'kind: Job\nmetadata:\n  name: b\n' })
    run('create -f a.yaml')
    expect(run('create -f b.yaml -f a.yaml')).toEqual(
      fail(
        'error validating "b.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false\nError from server (AlreadyExists): error when creating "a.yaml": jobs.batch "countdown" already exists\n',
      ),
    )
  })

  it('unknown fields fail strict decoding on the server (research §13 row 10)', () => {
    const { run } = lab({ 'unknownfield.yaml': JOB.replace('        command:', '        commands:') })
    expect(run('apply -f unknownfield.yaml')).toEqual(
      fail('Error from server (BadRequest): error when creating "unknownfield.yaml": Job in version "v1" cannot be handled as a Job: strict decoding error: unknown field "spec.template.spec.containers[0].commands"\n'),
    )
  })

  it('a changed pod template of an existing Job is immutable (research §13 row 5)', () => {
    const { run, fs } = lab({ 'job.yaml': JOB })
    run('apply -f job.yaml')
    fs.writeFile('/root/job.yaml', JOB.replace('image: busybox', 'image: busybox:1.36'))
    const r = run('apply -f job.yaml')
    expect([r.stdout, r.code]).toEqual(['', 1])
    expect(r.stderr.startsWith('The Job "countdown" is invalid: spec.template: Invalid value: core.PodTemplateSpec{ObjectMeta:v1.ObjectMeta{Name:"", ')).toBe(true)
    expect(r.stderr.endsWith('}: field is immutable\n')).toBe(true)
  })

  it('reads stdin and every manifest of a directory in name order', () => {
    const { run } = lab({ 'd/b.yaml': JOB.replace(/countdown/g, 'b'), 'd/a.json': JSON.stringify({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'a' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } } } } }), 'd/notes.txt': 'x' })
    expect(run('apply -f d')).toEqual(ok('cronjob.batch/a created\njob.batch/b created\n'))
    expect(run('apply -f -', JOB)).toEqual(ok('job.batch/countdown created\n'))
  })
})

describe('kubectl create', () => {
  it('create job --dry-run=client -o yaml (research §11)', () => {
    expect(lab().run('create job x --image=busybox --dry-run=client -o yaml')).toEqual(
      ok(`apiVersion: batch/v1
kind: Job
metadata:
  creationTimestamp: null
  name: x
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - image: busybox
        name: x
        resources: {}
      restartPolicy: Never
status: {}
`),
    )
  })

  it('create cronjob --dry-run=client -o yaml', () => {
    expect(lab().run(['create', 'cronjob', 'tick', '--image=busybox:1.36', '--schedule=*/5 * * * *', '--dry-run=client', '-o', 'yaml', '--', 'date'])).toEqual(
      ok(`apiVersion: batch/v1
kind: CronJob
metadata:
  creationTimestamp: null
  name: tick
spec:
  jobTemplate:
    metadata:
      creationTimestamp: null
      name: tick
    spec:
      template:
        metadata:
          creationTimestamp: null
        spec:
          containers:
          - command:
            - date
            image: busybox:1.36
            name: tick
            resources: {}
          restartPolicy: OnFailure
  schedule: '*/5 * * * *'
status: {}
`),
    )
  })

  const errors: [string, string, RunResult][] = [
    ['no name', 'create job', fail("error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n")],
    ['two names', 'create job a b --image=x', fail("error: exactly one NAME is required, got 2\nSee 'kubectl create job -h' for help and examples\n")],
    ['neither image nor from', 'create job a', fail('error: either --image or --from must be specified\n')],
    ['both image and from', 'create job a --image=x --from=cronjob/hello', fail('error: either --image or --from must be specified\n')],
    ['from with a command', 'create job a --from=cronjob/hello -- date', fail('error: cannot specify --from and command\n')],
    ['from a missing cronjob', 'create job a --from=cronjob/nope', fail('Error from server (NotFound): cronjobs.batch "nope" not found\n')],
    ['from an unknown type', 'create job a --from=hello', fail('error: the server doesn\'t have a resource type "hello"\n')],
    ['cronjob flags missing', 'create cronjob', fail('error: required flag(s) "image", "schedule" not set\n')],
    ['cronjob schedule missing', 'create cronjob c --image=b', fail('error: required flag(s) "schedule" not set\n')],
    ['bad dry-run', 'create job x --image=b --dry-run=bogus', fail('error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n')],
    ['nothing to create', 'create', fail('error: must specify one of -f and -k\n')],
  ]
  it.each(errors)('%s', (_n, line, want) => {
    expect(lab().run(line)).toEqual(want)
  })

  it('already exists (research §13 row 4)', () => {
    const { run } = lab()
    expect(run('create job dup --image=busybox:1.36')).toEqual(ok('job.batch/dup created\n'))
    expect(run('create job dup --image=busybox:1.36')).toEqual(fail('error: failed to create job: jobs.batch "dup" already exists\n'))
  })

  it('create job --from=cronjob (research cronjob §8.1)', () => {
    const { run, cluster } = lab()
    run(['create', 'cronjob', 'hello', '--image=busybox:1.36', '--schedule=*/5 * * * *', '--', 'date'])
    expect(run('create job manual-1 --from=cronjob/hello')).toEqual(ok('job.batch/manual-1 created\n'))
    const cj = cluster.store.get('CronJob', 'default', 'hello')!
    const job = cluster.store.get('Job', 'default', 'manual-1')!
    expect(job.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' })
    expect(job.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cj.metadata.uid, controller: true }])
  })
})

describe('kubectl delete', () => {
  const errors: [string, string, RunResult][] = [
    ['nothing named', 'delete', fail("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n")],
    ['type without names', 'delete jobs', fail('error: resource(s) were provided, but no name was specified\n')],
    ['names and a selector', 'delete jobs x -l a=b', fail('error: name cannot be provided when a selector is specified\n')],
    ['names and --all', 'delete jobs --all x', fail('error: name cannot be provided when a selector is specified\n')],
    ['bad cascade', 'delete job x --cascade=bogus', fail('error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n')],
    ['now and grace period', 'delete job x --now --grace-period=3', fail('error: --now and --grace-period cannot be specified together\n')],
    ['not found (research §13 row 1)', 'delete job nope', fail('Error from server (NotFound): jobs.batch "nope" not found\n')],
    ['several not found', 'delete job nope1 nope2', fail('Error from server (NotFound): jobs.batch "nope1" not found\nError from server (NotFound): jobs.batch "nope2" not found\n')],
    ['ignore not found', 'delete job nope --ignore-not-found', ok('')],
    ['selector matching nothing', 'delete jobs -l app=nothing', ok('No resources found\n')],
  ]
  it.each(errors)('%s', (_n, line, want) => {
    expect(lab().run(line)).toEqual(want)
  })

  it('prints one line per object, alphabetical, in the 1.33 form', () => {
    const { run } = lab()
    run('create job b --image=busybox')
    run('create job a --image=busybox')
    expect(run('delete jobs --all')).toEqual(ok('job.batch "a" deleted\njob.batch "b" deleted\n'))
  })

  it('dry runs, -o name, deprecated cascade and force', () => {
    const { run } = lab()
    run('create job x --image=busybox')
    expect(run('delete job x --dry-run=client')).toEqual(ok('job.batch "x" deleted (dry run)\n'))
    expect(run('delete job x --cascade=false --dry-run=server -o name')).toEqual({ stdout: 'job.batch/x\n', stderr: 'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n', code: 0 })
    expect(run('delete job x --grace-period=0 --force')).toEqual({
      stdout: 'job.batch "x" force deleted\n',
      stderr: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      code: 0,
    })
  })
})

describe('printing written objects', () => {
  const TWO = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t1\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t2\n'
  it('apply -o yaml prints several objects as one List at the end', () => {
    expect(lab({ 'two.yaml': TWO }).run('apply -f two.yaml --dry-run=client -o yaml')).toEqual(
      ok(`apiVersion: v1
items:
- apiVersion: batch/v1
  kind: Job
  metadata:
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: |
        {"apiVersion":"batch/v1","kind":"Job","metadata":{"annotations":{},"name":"t1","namespace":"default"}}
    name: t1
    namespace: default
- apiVersion: batch/v1
  kind: Job
  metadata:
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: |
        {"apiVersion":"batch/v1","kind":"Job","metadata":{"annotations":{},"name":"t2","namespace":"default"}}
    name: t2
    namespace: default
kind: List
metadata: {}
`),
    )
  })

  it('create -o yaml prints each object, separated by ---', () => {
    expect(lab({ 'two.yaml': TWO }).run('create -f two.yaml --dry-run=client -o yaml')).toEqual(
      ok('apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t1\n  namespace: default\n---\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t2\n  namespace: default\n'),
    )
  })

  it('-o name prints one line per object', () => {
    expect(lab({ 'two.yaml': TWO }).run('apply -f two.yaml --dry-run=client -o name')).toEqual(ok('job.batch/t1\njob.batch/t2\n'))
  })
})
