// The editor's JSON Schema: the seed tutorial's manifests validate, a misspelt
// field (backofLimit) is flagged, and descriptions come in the chosen language.
// A small draft-07 checker (the subset the export uses) stands in for monaco-yaml.
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { toJsonSchema, type JsonSchema } from './jsonschema.ts'

function check(schema: JsonSchema, v: unknown, path = ''): string[] {
  const at = path || '/'
  const types = schema.type === undefined ? undefined : ([] as string[]).concat(schema.type as string | string[])
  if (schema.anyOf) {
    const ok = (schema.anyOf as JsonSchema[]).some((s) => check(s, v, path).length === 0)
    return ok ? [] : [`${at}: does not match any allowed type`]
  }
  if (types) {
    const actual = v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v
    const ok = types.some((t) => t === actual || (t === 'number' && actual === 'integer'))
    if (!ok) return [`${at}: expected ${types.join('|')}, got ${actual}`]
  }
  const errs: string[] = []
  if (schema.enum && !(schema.enum as unknown[]).includes(v)) errs.push(`${at}: ${JSON.stringify(v)} is not one of ${JSON.stringify(schema.enum)}`)
  if (schema.pattern && typeof v === 'string' && !new RegExp(schema.pattern as string).test(v)) errs.push(`${at}: does not match ${schema.pattern}`)
  if (Array.isArray(v) && schema.items) v.forEach((e, i) => errs.push(...check(schema.items as JsonSchema, e, `${path}/${i}`)))
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>
    for (const r of (schema.required ?? []) as string[]) if (!(r in v)) errs.push(`${at}: missing required property ${r}`)
    for (const [k, val] of Object.entries(v)) {
      if (props[k]) errs.push(...check(props[k], val, `${path}/${k}`))
      else if (schema.additionalProperties === false) errs.push(`${at}: property ${k} is not allowed`)
      else if (typeof schema.additionalProperties === 'object') errs.push(...check(schema.additionalProperties as JsonSchema, val, `${path}/${k}`))
    }
  }
  return errs
}

const SEED = `
apiVersion: batch/v1
kind: Job
metadata:
  name: countdown-job
spec:
  completions: 10
  parallelism: 4
  backoffLimit: 3
  activeDeadlineSeconds: 100
  ttlSecondsAfterFinished: 240
  template:
    metadata:
      name: countdown-job
      labels:
        app: countdown-job
        color: aqua
    spec:
      containers:
      - name: counter
        image: centos:7
        command: ["bin/bash", "-c", "for i in 9 8 7 6 5 4 3 2 1; do echo $i; sleep 2; done"]
      restartPolicy: OnFailure
      nodeSelector:
        kubernetes.io/os: linux
---
apiVersion: batch/v1
kind: Job
metadata:
  name: failing-job
spec:
  completions: 1
  backoffLimit: 5
  template:
    spec:
      containers:
      - name: fail
        image: busybox
        command: [sh, -c, "exit 1"]
      restartPolicy: OnFailure
---
apiVersion: batch/v1
kind: Job
metadata:
  name: parallel-processing
spec:
  completions: 20
  parallelism: 5
  template:
    spec:
      containers:
      - name: processor
        image: busybox
        command: [sh, -c, "sleep 1"]
      restartPolicy: OnFailure
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: sample-cron-job
spec:
  schedule: "* * * * *"
  successfulJobsHistoryLimit: 6
  failedJobsHistoryLimit: 6
  jobTemplate:
    spec:
      completions: 1
      ttlSecondsAfterFinished: 270
      template:
        metadata:
          labels:
            color: yellow
        spec:
          containers:
          - name: hello
            image: busybox
            args: [/bin/sh, -c, date; echo Hello from the Kubernetes cluster; sleep 3]
          restartPolicy: OnFailure
          nodeSelector:
            kubernetes.io/os: linux
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: db-backup
spec:
  schedule: "0 2 * * *"
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 1
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: backup
            image: mysql:5.7
            env:
            - name: BACKUP_DATE
              value: "$(date +%Y%m%d_%H%M%S)"
            command: [sh, -c, "ls -lh /backup/"]
            volumeMounts:
            - name: backup-storage
              mountPath: /backup
          restartPolicy: OnFailure
          volumes:
          - name: backup-storage
            emptyDir: {}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: exclusive-job
spec:
  schedule: "*/2 * * * *"
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 3600
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: long-task
            image: busybox
            command: [sh, -c, "sleep 180"]
            resources:
              requests: {cpu: 100m, memory: 128Mi}
              limits: {cpu: 500m, memory: 512Mi}
          restartPolicy: OnFailure
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: weekly-report
spec:
  schedule: "0 9 * * 1"
  timeZone: "Asia/Seoul"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: report-generator
            image: busybox
            command: [sh, -c, "echo report"]
          restartPolicy: OnFailure
`

describe('toJsonSchema', () => {
  const docs = SEED.split(/^---$/m).map((d) => parse(d) as Record<string, unknown>)

  it('the seed tutorial manifests validate', () => {
    expect(docs.map((d) => [d.kind, (d.metadata as { name: string }).name, check(toJsonSchema(d.kind as string)!, d)])).toEqual([
      ['Job', 'countdown-job', []],
      ['Job', 'failing-job', []],
      ['Job', 'parallel-processing', []],
      ['CronJob', 'sample-cron-job', []],
      ['CronJob', 'db-backup', []],
      ['CronJob', 'exclusive-job', []],
      ['CronJob', 'weekly-report', []],
    ])
  })

  it('flags backofLimit as not allowed, a wrong kind and a bad quantity', () => {
    const bad = parse(`
apiVersion: batch/v2
kind: Job
metadata: {name: x}
spec:
  backofLimit: 3
  template:
    spec:
      containers:
      - name: c
        image: busybox
        resources: {limits: {memory: 512MB}}
      restartPolicy: Sometimes
`)
    expect(check(toJsonSchema('Job')!, bad)).toEqual([
      '/apiVersion: "batch/v2" is not one of ["batch/v1"]',
      '/spec: property backofLimit is not allowed',
      '/spec/template/spec/containers/0/resources/limits/memory: does not match any allowed type',
      '/spec/template/spec/restartPolicy: "Sometimes" is not one of ["Always","Never","OnFailure"]',
    ])
  })

  it('a required field missing', () => {
    expect(check(toJsonSchema('CronJob')!, { apiVersion: 'batch/v1', kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec: { containers: [{ image: 'x' }] } } } } } })).toEqual([
      '/spec: missing required property schedule',
      '/spec/jobTemplate/spec/template/spec/containers/0: missing required property name',
    ])
  })

  it('descriptions for hover, in English and Korean, with the explain type', () => {
    const en = toJsonSchema('Job', 'en')!
    const ko = toJsonSchema('Job', 'ko')!
    const backoff = (s: JsonSchema) => ((s.properties as Record<string, JsonSchema>).spec.properties as Record<string, JsonSchema>).backoffLimit
    expect(backoff(en)).toEqual({
      type: 'integer',
      format: 'int32',
      description: 'Retries before the Job is marked failed (BackoffLimitExceeded). Defaults to 6.',
      markdownDescription: '`<integer>` Retries before the Job is marked failed (BackoffLimitExceeded). Defaults to 6.',
    })
    expect([backoff(ko).description, ko.title, ko.$schema, ko.description]).toEqual([
      'Job을 실패(BackoffLimitExceeded)로 처리하기 전 재시도 횟수. 기본값 6.',
      'Job',
      'http://json-schema.org/draft-07/schema#',
      '정해진 수의 파드가 성공할 때까지 파드를 실행하고, 실패하면 한도까지 다시 시도합니다. 일회성 작업과 배치 작업에 씁니다.',
    ])
  })

  it('unknown kinds have no schema', () => expect(toJsonSchema('Deployment')).toBe(undefined))
})
