// kubectl get against the research lab (kubectl-output.md), at its clock
// Mon, 02 Jun 2025 10:04:35 UTC. Every expectation is the research's real output.
import { describe, expect, it } from 'vitest'
import { labCluster } from '../fixtures.ts'
import { kubectl } from '../testkit.ts'

type Case = [name: string, argv: string[], stdout: string, stderr?: string, code?: number]

const JOBS = `NAME             STATUS      COMPLETIONS   DURATION   AGE
countdown-job    Complete    1/1           8s         5m
fail-job         Failed      0/1           3m20s      3m20s
hello-29147644   Complete    1/1           5s         35s
paused-job       Suspended   0/3                      45s
retry-job        Running     0/1           2m10s      2m10s
`

const cases: Case[] = [
  ['§4.2 kubectl get jobs', ['get', 'jobs'], JOBS],
  [
    '§4.2 kubectl get jobs -o wide',
    ['get', 'jobs', '-o', 'wide'],
    `NAME             STATUS      COMPLETIONS   DURATION   AGE     CONTAINERS   IMAGES         SELECTOR
countdown-job    Complete    1/1           8s         5m      countdown    busybox:1.36   batch.kubernetes.io/controller-uid=0f6c3a52-8e1b-4c7d-9a2e-5b4d3c2a1f09
fail-job         Failed      0/1           3m20s      3m20s   worker       busybox:1.36   batch.kubernetes.io/controller-uid=7d2b9e41-3c5a-4f68-b1d0-9e8f7a6b5c4d
hello-29147644   Complete    1/1           5s         35s     hello        busybox:1.36   batch.kubernetes.io/controller-uid=5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716
paused-job       Suspended   0/3                      45s     countdown    busybox:1.36   batch.kubernetes.io/controller-uid=a9b8c7d6-e5f4-4321-8765-43210fedcba9
retry-job        Running     0/1           2m10s      2m10s   worker       busybox:1.36   batch.kubernetes.io/controller-uid=c4e8a1f3-6b2d-4a9e-8f7c-1d3e5b7a9c2f
`,
  ],
  ['§4.2 kubectl get job countdown-job', ['get', 'job', 'countdown-job'], 'NAME            STATUS     COMPLETIONS   DURATION   AGE\ncountdown-job   Complete   1/1           8s         5m\n'],
  [
    '§4.2 kubectl get jobs --no-headers',
    ['get', 'jobs', '--no-headers'],
    `countdown-job    Complete    1/1   8s      5m
fail-job         Failed      0/1   3m20s   3m20s
hello-29147644   Complete    1/1   5s      35s
paused-job       Suspended   0/3           45s
retry-job        Running     0/1   2m10s   2m10s
`,
  ],
  ['§4.2 kubectl get jobs -o name', ['get', 'jobs', '-o', 'name'], 'job.batch/countdown-job\njob.batch/fail-job\njob.batch/hello-29147644\njob.batch/paused-job\njob.batch/retry-job\n'],
  [
    '§4.2 kubectl get jobs -A',
    ['get', 'jobs', '-A'],
    `NAMESPACE   NAME             STATUS      COMPLETIONS   DURATION   AGE
default     countdown-job    Complete    1/1           8s         5m
default     fail-job         Failed      0/1           3m20s      3m20s
default     hello-29147644   Complete    1/1           5s         35s
default     paused-job       Suspended   0/3                      45s
default     retry-job        Running     0/1           2m10s      2m10s
`,
  ],
  [
    '§4.2 kubectl get jobs -L job-name',
    ['get', 'jobs', '-L', 'job-name'],
    `NAME             STATUS      COMPLETIONS   DURATION   AGE     JOB-NAME
countdown-job    Complete    1/1           8s         5m      countdown-job
fail-job         Failed      0/1           3m20s      3m20s   fail-job
hello-29147644   Complete    1/1           5s         35s     hello-29147644
paused-job       Suspended   0/3                      45s     paused-job
retry-job        Running     0/1           2m10s      2m10s   retry-job
`,
  ],
  [
    '§4.2 kubectl get job,cronjob',
    ['get', 'job,cronjob'],
    `NAME                       STATUS      COMPLETIONS   DURATION   AGE
job.batch/countdown-job    Complete    1/1           8s         5m
job.batch/fail-job         Failed      0/1           3m20s      3m20s
job.batch/hello-29147644   Complete    1/1           5s         35s
job.batch/paused-job       Suspended   0/3                      45s
job.batch/retry-job        Running     0/1           2m10s      2m10s

NAME                  SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE
cronjob.batch/hello   */1 * * * *   <none>     False     0        35s             10m
`,
  ],
  [
    '§4.2 --show-labels shows the four labels copied from the template',
    ['get', 'job', 'paused-job', '--show-labels'],
    `NAME         STATUS      COMPLETIONS   DURATION   AGE   LABELS
paused-job   Suspended   0/3                      45s   batch.kubernetes.io/controller-uid=a9b8c7d6-e5f4-4321-8765-43210fedcba9,batch.kubernetes.io/job-name=paused-job,controller-uid=a9b8c7d6-e5f4-4321-8765-43210fedcba9,job-name=paused-job
`,
  ],
  ['--show-kind prefixes even one type', ['get', 'cj', '--show-kind'], 'NAME                  SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\ncronjob.batch/hello   */1 * * * *   <none>     False     0        35s             10m\n'],
  ['§5 kubectl get cronjobs', ['get', 'cronjobs'], 'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   */1 * * * *   <none>     False     0        35s             10m\n'],
  [
    '§5 kubectl get cj -o wide',
    ['get', 'cj', '-o', 'wide'],
    'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES         SELECTOR\nhello   */1 * * * *   <none>     False     0        35s             10m   hello        busybox:1.36   <none>\n',
  ],
  [
    '§6.3 kubectl get pods',
    ['get', 'pods'],
    `NAME                   READY   STATUS             RESTARTS      AGE
countdown-job-x7k2p    0/1     Completed          0             5m
fail-job-2xk9d         0/1     Error              0             3m20s
fail-job-h6t4z         0/1     Error              0             3m8s
hello-29147644-lq8vn   0/1     Completed          0             35s
retry-job-9q8ws        0/1     CrashLoopBackOff   3 (25s ago)   2m10s
`,
  ],
  [
    '§6.3 kubectl get pods -o wide',
    ['get', 'po', '-o', 'wide'],
    `NAME                   READY   STATUS             RESTARTS      AGE     IP            NODE         NOMINATED NODE   READINESS GATES
countdown-job-x7k2p    0/1     Completed          0             5m      10.244.0.15   lab-worker   <none>           <none>
fail-job-2xk9d         0/1     Error              0             3m20s   10.244.0.16   lab-worker   <none>           <none>
fail-job-h6t4z         0/1     Error              0             3m8s    10.244.0.17   lab-worker   <none>           <none>
hello-29147644-lq8vn   0/1     Completed          0             35s     10.244.0.21   lab-worker   <none>           <none>
retry-job-9q8ws        0/1     CrashLoopBackOff   3 (25s ago)   2m10s   10.244.0.19   lab-worker   <none>           <none>
`,
  ],
  ['§6.3 kubectl get pods -l job-name=countdown-job', ['get', 'pods', '-l', 'job-name=countdown-job'], 'NAME                  READY   STATUS      RESTARTS   AGE\ncountdown-job-x7k2p   0/1     Completed   0          5m\n'],
  [
    '§8.2 kubectl get events --field-selector involvedObject.name=countdown-job',
    ['get', 'events', '--field-selector', 'involvedObject.name=countdown-job'],
    `LAST SEEN   TYPE     REASON             OBJECT              MESSAGE
5m          Normal   SuccessfulCreate   job/countdown-job   Created pod: countdown-job-x7k2p
4m52s       Normal   Completed          job/countdown-job   Job completed
`,
  ],
  ['§10.2 jsonpath of one field, no newline', ['get', 'job', 'countdown-job', '-o', 'jsonpath={.status.succeeded}'], '1'],
  ['§10.2 jsonpath results joined by spaces', ['get', 'jobs', '-o', 'jsonpath={.items[*].metadata.name}'], 'countdown-job fail-job hello-29147644 paused-job retry-job'],
  [
    '§10.2 jsonpath range with tab and newline literals',
    ['get', 'jobs', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.succeeded}{"\\n"}{end}'],
    'countdown-job\t1\nfail-job\t\nhello-29147644\t1\npaused-job\t\nretry-job\t\n',
  ],
  ['§10.2 jsonpath filter', ['get', 'job', 'countdown-job', '-o', 'jsonpath={.status.conditions[?(@.type=="Complete")].status}'], 'True'],
  ['§10.2 jsonpath text outside braces is literal', ['get', 'job', 'countdown-job', '-o', 'jsonpath=.status.succeeded'], '.status.succeeded'],
  ['§10.2 jsonpath syntax error', ['get', 'job', 'countdown-job', '-o', 'jsonpath={.status.succeeded'], '', 'error: error parsing jsonpath {.status.succeeded, unclosed action\n', 1],
  [
    '§10.2 jsonpath regex is not supported',
    ['get', 'jobs', '-o', 'jsonpath={.items[?(@.metadata.name=~/x/)]}'],
    '',
    "error: error parsing jsonpath {.items[?(@.metadata.name=~/x/)]}, unrecognized character in action: U+007E '~'\n",
    1,
  ],
  [
    '§10.2 custom-columns with a missing value',
    ['get', 'jobs', '-o', 'custom-columns=NAME:.metadata.name,SUCCEEDED:.status.succeeded'],
    `NAME             SUCCEEDED
countdown-job    1
fail-job         <none>
hello-29147644   1
paused-job       <none>
retry-job        <none>
`,
  ],
  ['§2.2 no match: stderr, exit 0', ['get', 'jobs', '-l', 'lab=nothing'], '', 'No resources found in default namespace.\n'],
  ['§2.2 empty namespace', ['get', 'jobs', '-n', 'empty'], '', 'No resources found in empty namespace.\n'],
  [
    '§2.2 --sort-by=.metadata.creationTimestamp',
    ['get', 'jobs', '--sort-by=.metadata.creationTimestamp'],
    `NAME             STATUS      COMPLETIONS   DURATION   AGE
countdown-job    Complete    1/1           8s         5m
fail-job         Failed      0/1           3m20s      3m20s
retry-job        Running     0/1           2m10s      2m10s
paused-job       Suspended   0/3                      45s
hello-29147644   Complete    1/1           5s         35s
`,
  ],
  ['§2.2 --sort-by a field no object has prints nothing', ['get', 'jobs', '--sort-by=.metadata.foo'], '', 'No resources found in default namespace.\n'],
  [
    '§12.1 malformed label selector',
    ['get', 'jobs', '-l', 'app in (a'],
    '',
    `Error from server (BadRequest): Unable to find "batch/v1, Resource=jobs" that match label selector "app in (a", field selector "": unable to parse requirement: found '', expected: ',' or ')'\n`,
    1,
  ],
  ['§12.1 selector with a name', ['get', 'job', 'countdown-job', '-l', 'a=b'], '', 'error: name cannot be provided when a selector is specified\n', 1],
  [
    '§12.2 Job field selector error',
    ['get', 'jobs', '--field-selector', 'status.phase=Running'],
    '',
    'Error from server (BadRequest): Unable to find "batch/v1, Resource=jobs" that match label selector "", field selector "status.phase=Running": field label "status.phase" not supported for batchv1.Job\n',
    1,
  ],
  [
    '§12.2 CronJob field selector error',
    ['get', 'cronjobs', '--field-selector', 'spec.schedule=x'],
    '',
    'Error from server (BadRequest): Unable to find "batch/v1, Resource=cronjobs" that match label selector "", field selector "spec.schedule=x": "spec.schedule" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
    1,
  ],
  [
    '§12.2 Pod field selector error',
    ['get', 'pods', '--field-selector', 'spec.foo=bar'],
    '',
    'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=bar": field label not supported: spec.foo\n',
    1,
  ],
  [
    '§12.2 a term without an operator',
    ['get', 'jobs', '--field-selector=status.successful'],
    '',
    `Error from server (BadRequest): Unable to find "batch/v1, Resource=jobs" that match label selector "", field selector "status.successful": invalid selector: 'status.successful'; can't understand 'status.successful'\n`,
    1,
  ],
  ['§12.2 status.successful selects finished Jobs', ['get', 'jobs', '--field-selector', 'status.successful=1', '-o', 'name'], 'job.batch/countdown-job\njob.batch/hello-29147644\n'],
  ['§12.2 pods by phase', ['get', 'pods', '--field-selector', 'status.phase=Failed', '-o', 'name'], 'pod/fail-job-2xk9d\npod/fail-job-h6t4z\n'],
  ['§13.1 not found', ['get', 'job', 'nope'], '', 'Error from server (NotFound): jobs.batch "nope" not found\n', 1],
  ['§13.2 unknown type', ['get', 'jobz'], '', 'error: the server doesn\'t have a resource type "jobz"\n', 1],
  ['§13 several missing names', ['get', 'jobs', 'nope1', 'nope2'], '', 'Error from server (NotFound): jobs.batch "nope1" not found\nError from server (NotFound): jobs.batch "nope2" not found\n', 1],
  [
    '§13 some names exist',
    ['get', 'jobs', 'countdown-job', 'nope'],
    'NAME            STATUS     COMPLETIONS   DURATION   AGE\ncountdown-job   Complete   1/1           8s         5m\n',
    'Error from server (NotFound): jobs.batch "nope" not found\n',
    1,
  ],
  [
    '§13 unknown output format',
    ['get', 'jobs', '-o', 'wideee'],
    '',
    'error: unable to match a printer suitable for the output format "wideee", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    1,
  ],
  [
    '§13 get without a type',
    ['get'],
    '',
    `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`,
    1,
  ],
  ['§13 unknown flag', ['get', 'jobs', '--foo'], '', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", 1],
]

describe('kubectl get (research lab)', () => {
  for (const [name, argv, stdout, stderr = '', code = 0] of cases) {
    it(name, () => {
      expect(kubectl(labCluster(), argv)).toEqual({ stdout, stderr, code })
    })
  }

  it('§10.1 -o json: the status block of a finished Job, keys sorted, four-space indent', () => {
    const out = kubectl(labCluster(), ['get', 'job', 'countdown-job', '-o', 'json']).stdout
    expect(out.endsWith(`    "status": {
        "completionTime": "2025-06-02T09:59:43Z",
        "conditions": [
            {
                "lastProbeTime": "2025-06-02T09:59:43Z",
                "lastTransitionTime": "2025-06-02T09:59:43Z",
                "message": "Reached expected number of succeeded pods",
                "reason": "CompletionsReached",
                "status": "True",
                "type": "SuccessCriteriaMet"
            },
            {
                "lastProbeTime": "2025-06-02T09:59:43Z",
                "lastTransitionTime": "2025-06-02T09:59:43Z",
                "message": "Reached expected number of succeeded pods",
                "reason": "CompletionsReached",
                "status": "True",
                "type": "Complete"
            }
        ],
        "ready": 0,
        "startTime": "2025-06-02T09:59:35Z",
        "succeeded": 1,
        "terminating": 0,
        "uncountedTerminatedPods": {}
    }
}
`)).toBe(true)
  })

  it('§10.1 several objects as -o json: a List', () => {
    const out = kubectl(labCluster(), ['get', 'jobs', '-l', 'job-name=nothing', '-o', 'json']).stdout
    expect(out).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n')
  })
})

