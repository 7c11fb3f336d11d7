// The worker tests' lab: a one-pod Job applied from job.yaml, started at a fixed moment.
import type { LabInit } from './protocol.ts'

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: hello
spec:
  template:
    spec:
      containers:
      - name: hello
        image: busybox:1.36
        command: ["sh", "-c", "echo hi; sleep 5"]
      restartPolicy: Never
`
export const START = Date.parse('2026-01-01T00:00:00Z')
export const INIT: LabInit = { lessonId: 't', seed: 1, start: START, files: [{ name: 'job.yaml', content: JOB }], checks: [], log: [], lang: 'en' }
