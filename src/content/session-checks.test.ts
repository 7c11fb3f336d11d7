// The check context over a real terminal session: live objects listed by kind, a claim's
// files found in subdirectories too, and a Job's record knowing which claims it mounts.
import { describe, expect, it } from 'vitest'
import { Session } from '../session/index.ts'
import { checkContext } from './session-checks.ts'

const CLAIM = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1Gi
`

const WRITER = `apiVersion: batch/v1
kind: Job
metadata:
  name: writer
spec:
  template:
    spec:
      containers:
      - name: w
        image: busybox
        command: ["sh", "-c", "mkdir -p /data/daily && echo a > /data/top.txt && echo b > /data/daily/one.txt"]
        volumeMounts:
        - name: data
          mountPath: /data
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: data
      restartPolicy: Never
`

describe('checkContext', () => {
  it('lists objects, reads nested volume files and knows the claims a Job mounts', () => {
    const session = new Session({ files: [{ name: 'claim.yaml', data: CLAIM }, { name: 'writer.yaml', data: WRITER }] })
    session.runLine('kubectl apply -f claim.yaml -f writer.yaml')
    session.runLine('kubectl create cronjob tick --image=busybox --schedule="*/5 * * * *" -- date')
    session.runLine('sleep 30')
    const ctx = checkContext(session)
    expect({
      cronJobs: ctx.list('CronJob').map((o) => (o.metadata as { name: string }).name),
      claims: ctx.list('PersistentVolumeClaim').map((o) => (o.metadata as { name: string }).name),
      files: ctx.volumeFiles('data'),
      noClaim: ctx.volumeFiles('nope'),
      jobClaims: ctx.history.findJob('writer')?.claims,
      commands: ctx.commands,
    }).toEqual({
      cronJobs: ['tick'],
      claims: ['data'],
      files: ['daily/one.txt', 'top.txt'],
      noClaim: undefined,
      jobClaims: ['data'],
      commands: ['kubectl apply -f claim.yaml -f writer.yaml', 'kubectl create cronjob tick --image=busybox --schedule="*/5 * * * *" -- date', 'sleep 30'],
    })
  })
})
