// The check predicates on hand-made histories: each case is a small scene (Jobs,
// pod lanes, CronJob ticks, events, live objects, volume files) and the exact outcome
// a student would see. Scenes follow job-controller.md and cronjob-controller.md rows.
import { describe, expect, it } from 'vitest'
import { History } from '../engine/history/history.ts'
import type { CronTick, EventRecord, JobRecord, PodLane } from '../engine/history/types.ts'
import type { Kernel } from '../engine/kernel/kernel.ts'
import type { Store } from '../engine/api/store.ts'
import { evaluateCheck, type CheckContext, type CheckOutcome } from './checks.ts'

const T0 = Date.UTC(2026, 0, 1)
const s = (sec: number) => T0 + sec * 1000

interface Scene {
  jobs?: (Partial<JobRecord> & { name: string })[]
  pods?: (Partial<PodLane> & { name: string; job: string; running?: [number, number] })[]
  ticks?: CronTick[]
  events?: Partial<EventRecord>[]
  objects?: { kind: string; name: string; spec?: Record<string, unknown>; created?: number }[]
  files?: Record<string, string[]>
  logs?: Record<string, string>
  commands?: string[]
  now?: number
}

function context(scene: Scene): CheckContext {
  const now = scene.now ?? s(3600)
  const history = new History({ now: () => now } as unknown as Kernel, { watch: () => () => {} } as unknown as Store)
  for (const j of scene.jobs ?? [])
    history.jobs.set(j.name, { uid: j.name, namespace: 'default', createdAt: T0, podUids: [], ...j })
  for (const p of scene.pods ?? []) {
    const { job, running, ...rest } = p
    const segments = running ? [{ state: 'Running' as const, status: 'Running', from: s(running[0]), to: s(running[1]) }] : []
    history.pods.set(p.name, { uid: p.name, namespace: 'default', jobUid: job, createdAt: T0, segments, restarts: [], phase: 'Succeeded', ...rest })
    history.jobs.get(job)!.podUids.push(p.name)
  }
  // A fixture fills the history's logs in place: they are short, so these are the logs' own arrays.
  ;(history.ticks as CronTick[]).push(...(scene.ticks ?? []))
  for (const e of scene.events ?? []) (history.events as EventRecord[]).push({ at: T0, type: 'Normal', reason: '', message: '', kind: 'CronJob', name: '', namespace: 'default', ...e })
  const objects = (scene.objects ?? []).map((o) => ({ kind: o.kind, metadata: { name: o.name, creationTimestamp: new Date(o.created ?? T0).toISOString() }, spec: o.spec }))
  return {
    history,
    now,
    commands: scene.commands ?? [],
    get: (kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name),
    list: (kind) => objects.filter((o) => o.kind === kind),
    volumeFiles: (claim) => scene.files?.[claim],
    logs: (pod) => scene.logs?.[pod] ?? '',
  }
}

const pass = (en: string, ko: string): CheckOutcome => ({ passed: true, message: { en, ko } })
const fail = (reason: string, en: string, ko: string): CheckOutcome => ({ passed: false, reason, message: { en, ko } })

/** Four pods of a Never Job with backoffLimit 3, each failed (job-controller.md §11.1). */
const neverJob: Scene = {
  jobs: [{ name: 'fail-never', restartPolicy: 'Never', backoffLimit: 3, outcome: 'Failed', reason: 'BackoffLimitExceeded' }],
  pods: [0, 12, 34, 76].map((t, i) => ({ name: `fail-never-${i}`, job: 'fail-never', phase: 'Failed', running: [t + 1, t + 2] as [number, number] })),
}

/** Ten pods running together from 5 s to 10 s, then succeeded. */
const wideJob = (width: number): Scene => ({
  jobs: [{ name: 'calc', restartPolicy: 'Never', outcome: 'Complete', reason: 'CompletionsReached' }],
  pods: Array.from({ length: 10 }, (_, i) => ({ name: `calc-${i}`, job: 'calc', running: [i < width ? 5 : 20, i < width ? 10 : 25] as [number, number] })),
  logs: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`calc-${i}`, `sum=${i * 10}\n`])),
})

const jobCases: [string, Scene, Record<string, unknown>, CheckOutcome][] = [
  ['§11.1 Never: 4 pods for backoffLimit 3 is backoffLimit retries', neverJob, { type: 'job', restartPolicy: 'Never', retriesEqualBackoffLimit: true, reason: 'BackoffLimitExceeded' }, pass('Job fail-never ran as expected.', 'Job fail-never가 기대대로 실행되었습니다.')],
  [
    'Never Job that completed is not a retry test',
    { jobs: [{ name: 'ok', restartPolicy: 'Never', backoffLimit: 2, outcome: 'Complete' }], pods: [{ name: 'ok-0', job: 'ok' }] },
    { type: 'job', restartPolicy: 'Never', retriesEqualBackoffLimit: true },
    fail('retries', 'Job ok completed after 0 retries; backoffLimit is 2.', 'Job ok는 0번 재시도한 뒤 완료했습니다. backoffLimit은 2입니다.'),
  ],
  [
    'a Job still running is reported as running before its counts',
    { jobs: [{ name: 'fail-never', restartPolicy: 'Never', backoffLimit: 3 }], pods: [{ name: 'p', job: 'fail-never', phase: 'Failed' }] },
    { type: 'job', name: 'fail-never', pods: 4, outcome: 'Failed' },
    fail('running', 'Job fail-never has not finished yet.', 'Job fail-never가 아직 끝나지 않았습니다.'),
  ],
  ['restartPolicy is compared first', neverJob, { type: 'job', restartPolicy: 'OnFailure', restarts: { atLeast: 1 } }, fail('restartPolicy', 'Job fail-never uses restartPolicy Never, not OnFailure.', 'Job fail-never의 restartPolicy가 OnFailure가 아니라 Never입니다.')],
  [
    '§11.2 OnFailure: one pod, 3 restarts',
    {
      jobs: [{ name: 'fail-onfailure', restartPolicy: 'OnFailure', backoffLimit: 3, outcome: 'Failed', reason: 'BackoffLimitExceeded' }],
      pods: [{ name: 'fo', job: 'fail-onfailure', phase: 'Failed', restarts: [1, 2, 3].map((count) => ({ at: s(count * 10), count, container: 'fail', exitCode: 1, reason: 'Error' })) }],
    },
    { type: 'job', name: 'fail-onfailure', pods: 1, restarts: 3, outcome: 'Failed', reason: 'BackoffLimitExceeded' },
    pass('Job fail-onfailure ran as expected.', 'Job fail-onfailure가 기대대로 실행되었습니다.'),
  ],
  [
    'OnFailure Job whose container never restarted',
    { jobs: [{ name: 'once', restartPolicy: 'OnFailure', outcome: 'Complete' }], pods: [{ name: 'once-0', job: 'once' }] },
    { type: 'job', restartPolicy: 'OnFailure', restarts: { atLeast: 1 } },
    fail('restarts', 'The containers of once restarted 0 times (expected at least 1).', 'once의 컨테이너는 0번 재시작했습니다 (기대: 1 이상).'),
  ],
  ['ten pods at once', wideJob(10), { type: 'job', maxConcurrent: { atLeast: 10 }, outcome: 'Complete', succeeded: { atLeast: 10 }, logsMatch: '[0-9]' }, pass('Job calc ran as expected.', 'Job calc가 기대대로 실행되었습니다.')],
  ['only nine pods at once', wideJob(9), { type: 'job', maxConcurrent: { atLeast: 10 } }, fail('concurrency', 'At most 9 pods of calc ran at the same time (expected at least 10).', 'calc의 Pod는 동시에 최대 9개 실행되었습니다 (기대: 10 이상).')],
  [
    'pods that finished before anyone saw them Running',
    { ...wideJob(10), pods: wideJob(10).pods!.map((p) => ({ ...p, running: undefined })) },
    { type: 'job', maxConcurrent: { atLeast: 10 } },
    fail('concurrency', 'No pod of calc was ever seen Running: each finished before it could be.', 'calc의 Pod는 한 번도 Running으로 보이지 않았습니다. Running이 되기 전에 끝났습니다.'),
  ],
  [
    'one pod that finished before anyone saw it Running',
    { jobs: [{ name: 'calc', outcome: 'Complete' }], pods: [{ name: 'calc-0', job: 'calc' }] },
    { type: 'job', maxConcurrent: { atLeast: 10 } },
    fail('concurrency', 'Job calc created only 1 pod, and none was seen Running.', 'Job calc는 Pod를 1개만 만들었고, Running으로 보인 Pod는 없었습니다.'),
  ],
  [
    'a pod whose log has no number',
    { ...wideJob(10), logs: { ...wideJob(10).logs, 'calc-3': 'done\n' } },
    { type: 'job', logsMatch: '[0-9]' },
    fail('logs', '1 of 10 finished pods of calc has no log line matching /[0-9]/ (for example calc-3).', 'calc의 완료된 Pod 10개 중 1개의 로그에 /[0-9]/에 맞는 줄이 없습니다 (예: calc-3).'),
  ],
  [
    'logs of pods deleted by a TTL cannot be read',
    { ...wideJob(10), pods: wideJob(10).pods!.map((p) => ({ ...p, deletedAt: s(100) })) },
    { type: 'job', logsMatch: '[0-9]' },
    fail('logs', 'No finished pod of calc is left to read logs from.', 'calc의 로그를 읽을 수 있는 완료된 Pod가 남아 있지 않습니다.'),
  ],
  ['fewer succeeded pods than asked', wideJob(10), { type: 'job', succeeded: 20 }, fail('succeededPods', '10 pods of calc succeeded (expected 20).', 'calc의 Pod 10개가 성공했습니다 (기대: 20).')],
  [
    'Jobs made by a CronJob are not the student’s own Jobs',
    { jobs: [{ name: 'tick-29453765', cronJobName: 'tick', outcome: 'Complete' }] },
    { type: 'job', finished: true },
    fail('notFound', 'No Job has run yet.', 'Job이 아직 실행되지 않았습니다.'),
  ],
  [
    'cronJob alone selects that CronJob’s Jobs',
    { jobs: [{ name: 'tick-29453765', cronJobName: 'tick', outcome: 'Complete', deletedAt: s(600) }] },
    { type: 'job', cronJob: 'tick', deleted: true },
    pass('Job tick-29453765 ran as expected.', 'Job tick-29453765가 기대대로 실행되었습니다.'),
  ],
  [
    'deleted: false wants the Job still there',
    { jobs: [{ name: 'tick-29453765', cronJobName: 'tick', outcome: 'Complete', deletedAt: s(600) }] },
    { type: 'job', cronJob: 'tick', deleted: false },
    fail('deleted', 'Job tick-29453765 has been deleted.', 'Job tick-29453765는 삭제되었습니다.'),
  ],
  [
    'job-controller.md #48: the TTL deletes the Job 100 s after it completed',
    { jobs: [{ name: 'ttl', outcome: 'Complete', finishedAt: s(6), ttlSecondsAfterFinished: 100, deletedAt: s(106) }] },
    { type: 'job', name: 'ttl', deletedByTtl: true },
    pass('Job ttl ran as expected.', 'Job ttl이 기대대로 실행되었습니다.'),
  ],
  [
    'a Job deleted by hand before its TTL',
    { jobs: [{ name: 'ttl', outcome: 'Complete', finishedAt: s(6), ttlSecondsAfterFinished: 100, deletedAt: s(50) }] },
    { type: 'job', name: 'ttl', deletedByTtl: true },
    fail('deletedEarly', 'Job ttl was deleted before its TTL ran out (by hand?).', 'Job ttl은 TTL이 끝나기 전에 삭제되었습니다 (직접 지웠나요?).'),
  ],
  [
    'a Job without a TTL stays',
    { jobs: [{ name: 'ttl', outcome: 'Complete', finishedAt: s(6) }] },
    { type: 'job', name: 'ttl', deletedByTtl: true },
    fail('notDeleted', 'Job ttl still exists and has no ttlSecondsAfterFinished.', 'Job ttl이 아직 남아 있습니다. ttlSecondsAfterFinished가 없습니다.'),
  ],
  ['a failed Job when Complete is wanted', neverJob, { type: 'job', outcome: 'Complete' }, fail('failed', 'Job fail-never finished as Failed (BackoffLimitExceeded), expected Complete.', 'Job fail-never는 Failed (BackoffLimitExceeded)로 끝났습니다. 기대: Complete.')],
  ['the failure reason', neverJob, { type: 'job', outcome: 'Failed', reason: 'DeadlineExceeded' }, fail('reason', 'Job fail-never finished with reason BackoffLimitExceeded, expected DeadlineExceeded.', 'Job fail-never의 종료 이유가 DeadlineExceeded가 아니라 BackoffLimitExceeded입니다.')],
]

const every5 = (schedule: string, timeZone?: string): Scene => ({ objects: [{ kind: 'CronJob', name: 'tick', spec: { schedule, timeZone } }] })
const forbidTicks: CronTick[] = [
  { cronJob: 'fb', namespace: 'default', kind: 'created', at: s(120.1), jobName: 'fb-29453762', scheduledAt: s(120) },
  { cronJob: 'fb', namespace: 'default', kind: 'skipped', at: s(240.1) },
  { cronJob: 'fb', namespace: 'default', kind: 'created', at: s(303), jobName: 'fb-29453764', scheduledAt: s(240) },
]
const historyScene = (deleteEvent: boolean): Scene => ({
  objects: [{ kind: 'CronJob', name: 'tick', spec: { schedule: '*/5 * * * *', successfulJobsHistoryLimit: 2 } }],
  jobs: [5, 10, 15].map((m, i) => ({ name: `tick-${29453760 + m}`, cronJobName: 'tick', outcome: 'Complete' as const, deletedAt: i === 0 && deleteEvent ? s(m * 60 + 310) : undefined })),
  events: deleteEvent ? [{ name: 'tick', reason: 'SuccessfulDelete', message: 'Deleted job tick-29453765' }] : [],
})

const cronCases: [string, Scene, Record<string, unknown>, CheckOutcome][] = [
  ['*/5 fires every 300 s', every5('*/5 * * * *'), { type: 'cronjob', scheduleEvery: 300 }, pass('CronJob tick behaved as expected.', 'CronJob tick이 기대대로 동작했습니다.')],
  ['0/5 is the same schedule', every5('0/5 * * * *'), { type: 'cronjob', scheduleEvery: 300 }, pass('CronJob tick behaved as expected.', 'CronJob tick이 기대대로 동작했습니다.')],
  ['a comma list of twelve minutes too', every5('0,5,10,15,20,25,30,35,40,45,50,55 * * * *', 'Asia/Seoul'), { type: 'cronjob', scheduleEvery: 300 }, pass('CronJob tick behaved as expected.', 'CronJob tick이 기대대로 동작했습니다.')],
  ['*/7 is uneven at the top of the hour', every5('*/7 * * * *'), { type: 'cronjob', scheduleEvery: 420 }, fail('schedule', 'CronJob tick runs on "*/7 * * * *", which is not every 7 minutes.', 'CronJob tick의 스케줄 "*/7 * * * *"은 7분마다 실행되는 스케줄이 아닙니다.')],
  ['every minute is not every 5 minutes', every5('* * * * *'), { type: 'cronjob', scheduleEvery: 300 }, fail('schedule', 'CronJob tick runs on "* * * * *", which is not every 5 minutes.', 'CronJob tick의 스케줄 "* * * * *"는 5분마다 실행되는 스케줄이 아닙니다.')],
  ['exact schedule text', every5('0/5 * * * *'), { type: 'cronjob', name: 'tick', schedule: '*/5 * * * *' }, fail('schedule', 'CronJob tick runs on "0/5 * * * *", expected "*/5 * * * *".', 'CronJob tick의 스케줄이 "*/5 * * * *"가 아니라 "0/5 * * * *"입니다.')],
  ['no CronJob at all', {}, { type: 'cronjob', scheduleEvery: 300 }, fail('notFound', 'There is no CronJob yet.', '아직 CronJob이 없습니다.')],
  [
    'any CronJob may pass when no name is given',
    { objects: [{ kind: 'CronJob', name: 'a', spec: { schedule: '* * * * *' } }, { kind: 'CronJob', name: 'b', spec: { schedule: '*/5 * * * *' }, created: s(10) }] },
    { type: 'cronjob', scheduleEvery: 300 },
    pass('CronJob b behaved as expected.', 'CronJob b가 기대대로 동작했습니다.'),
  ],
  [
    'the newest CronJob explains a failure',
    { objects: [{ kind: 'CronJob', name: 'a', spec: { schedule: '0 * * * *' } }, { kind: 'CronJob', name: 'b', spec: { schedule: '* * * * *' }, created: s(10) }] },
    { type: 'cronjob', scheduleEvery: 300 },
    fail('schedule', 'CronJob b runs on "* * * * *", which is not every 5 minutes.', 'CronJob b의 스케줄 "* * * * *"는 5분마다 실행되는 스케줄이 아닙니다.'),
  ],
  ['time zone', every5('0 9 * * 1'), { type: 'cronjob', name: 'tick', timeZone: 'Asia/Seoul' }, fail('timeZone', 'CronJob tick has timeZone (none), expected Asia/Seoul.', 'CronJob tick의 timeZone이 Asia/Seoul이 아니라 (없음)입니다.')],
  ['T1 Forbid: the blocked 00:04 run starts late when the 00:02 Job ends', { ticks: forbidTicks, objects: [{ kind: 'CronJob', name: 'fb' }] }, { type: 'cronjob', name: 'fb', skipped: { atLeast: 1 }, lateRuns: { atLeast: 1 } }, pass('CronJob fb behaved as expected.', 'CronJob fb가 기대대로 동작했습니다.')],
  [
    'T2 startingDeadlineSeconds: no late runs',
    { ticks: forbidTicks, objects: [{ kind: 'CronJob', name: 'fb' }] },
    { type: 'cronjob', name: 'fb', lateRuns: 0 },
    fail('lateRuns', 'CronJob fb started 1 Job late (10 s or more after its scheduled time) (expected 0).', 'CronJob fb의 Job 중 예정 시각보다 10초 이상 늦게 시작한 것이 1개입니다 (기대: 0).'),
  ],
  [
    'T3 Replace',
    { ticks: [{ cronJob: 'rp', namespace: 'default', kind: 'replaced', at: s(240.1), jobName: 'rp-29453762', scheduledAt: s(120) }], objects: [{ kind: 'CronJob', name: 'rp' }] },
    { type: 'cronjob', name: 'rp', replaced: { atLeast: 2 } },
    fail('replaced', 'CronJob rp replaced 1 running Job (expected at least 2).', 'CronJob rp가 실행 중인 Job을 1번 교체했습니다 (기대: 2 이상).'),
  ],
  [
    'T4 Allow: Jobs overlap',
    { jobs: [{ name: 'al-29453761', cronJobName: 'al', createdAt: s(60), finishedAt: s(212) }, { name: 'al-29453762', cronJobName: 'al', createdAt: s(120), finishedAt: s(272) }, { name: 'al-29453764', cronJobName: 'al', createdAt: s(240) }] },
    { type: 'cronjob', name: 'al', maxConcurrentJobs: { atLeast: 2 }, scheduledJobs: 3 },
    pass('CronJob al behaved as expected.', 'CronJob al이 기대대로 동작했습니다.'),
  ],
  [
    'T1 Forbid: a Job created the moment the previous one finished does not overlap it',
    { jobs: [{ name: 'fb-29453762', cronJobName: 'fb', createdAt: s(120.1), startTime: s(120), finishedAt: s(302.9) }, { name: 'fb-29453764', cronJobName: 'fb', createdAt: s(302.9), startTime: s(302) }] },
    { type: 'cronjob', name: 'fb', maxConcurrentJobs: { atMost: 1 } },
    pass('CronJob fb behaved as expected.', 'CronJob fb가 기대대로 동작했습니다.'),
  ],
  [
    'a manual Job is not a scheduled one',
    { jobs: [{ name: 'manual-1', cronJobName: 'db', manual: true, outcome: 'Complete' }] },
    { type: 'cronjob', name: 'db', manualJob: true, scheduledJobs: { atLeast: 1 } },
    fail('scheduled', 'CronJob db has created 0 scheduled Jobs (expected at least 1).', 'CronJob db가 스케줄에 따라 Job을 0개 만들었습니다 (기대: 1 이상).'),
  ],
  [
    'no manual Job',
    { jobs: [{ name: 'db-29453880', cronJobName: 'db', outcome: 'Complete' }] },
    { type: 'cronjob', name: 'db', manualJob: true },
    fail('manual', 'No Job was created by hand from db (kubectl create job --from=cronjob/db).', 'db에서 수동으로 만든 Job이 없습니다 (kubectl create job --from=cronjob/db).'),
  ],
  ['T5 history limit 2: the oldest Job deleted by the controller', historyScene(true), { type: 'cronjob', historyKept: true, succeededJobs: 3 }, pass('CronJob tick behaved as expected.', 'CronJob tick이 기대대로 동작했습니다.')],
  [
    'three finished Jobs kept with a limit of 2, none deleted yet',
    historyScene(false),
    { type: 'cronjob', historyKept: true },
    fail('history', 'CronJob tick keeps 3 succeeded Jobs and 0 failed Jobs (limits 2 and 1); it has not had to delete an old Job yet.', 'CronJob tick은 성공한 Job 3개, 실패한 Job 0개를 유지합니다 (한도 2, 1). 아직 오래된 Job을 지울 일이 없었습니다.'),
  ],
  ['suspended now', { objects: [{ kind: 'CronJob', name: 'db', spec: { schedule: '0 2 * * *', suspend: true } }] }, { type: 'cronjob', name: 'db', suspendedNow: false }, fail('suspend', 'CronJob db is suspended.', 'CronJob db는 현재 일시 중지 상태입니다.')],
]

const backup = (files: string[] | undefined, claimsOfRuns: (string[] | undefined)[]): Scene => ({
  objects: [{ kind: 'PersistentVolumeClaim', name: 'backup-pvc' }],
  files: files ? { 'backup-pvc': files } : {},
  jobs: claimsOfRuns.map((claims, i) => ({ name: `db-${29453880 + i}`, cronJobName: 'db', outcome: 'Complete' as const, claims })),
})

const volumeCases: [string, Scene, Record<string, unknown>, CheckOutcome][] = [
  ['no claim', {}, { type: 'volume', perRun: true }, fail('noClaim', 'There is no PersistentVolumeClaim yet.', '아직 PersistentVolumeClaim이 없습니다.')],
  ['a claim no pod has used', backup(undefined, []), { type: 'volume', perRun: true }, fail('noVolume', 'No pod has used the volume of claim backup-pvc yet.', '아직 어떤 Pod도 backup-pvc 볼륨을 사용하지 않았습니다.')],
  ['one file per run', backup(['backup_1.txt', 'backup_2.txt'], [['backup-pvc'], ['backup-pvc']]), { type: 'volume', perRun: true }, pass('The volume of backup-pvc holds 2 files.', 'backup-pvc 볼륨에 파일이 2개 있습니다.')],
  [
    'runs that used an emptyDir do not count',
    backup(['backup_2.txt'], [undefined, ['backup-pvc']]),
    { type: 'volume', perRun: true },
    pass('The volume of backup-pvc holds 1 file.', 'backup-pvc 볼륨에 파일이 1개 있습니다.'),
  ],
  [
    'the same file name every run',
    backup(['backup.txt'], [['backup-pvc'], ['backup-pvc']]),
    { type: 'volume', perRun: true },
    fail('perRun', 'The volume of backup-pvc holds 1 backup file for 2 completed runs.', 'backup-pvc 볼륨에 백업 파일이 1개 있고, 완료된 실행은 2번입니다.'),
  ],
  ['files but no completed run', backup(['x'], []), { type: 'volume', claim: 'backup-pvc', perRun: true }, fail('noRuns', 'No run of a CronJob that mounts claim backup-pvc has completed yet.', 'backup-pvc를 마운트하는 CronJob의 실행이 아직 완료되지 않았습니다.')],
  ['a file count with a pattern', backup(['a.txt', 'b.log'], []), { type: 'volume', filesMatching: '\\.txt$', files: { atLeast: 2 } }, fail('fileCount', 'The volume of backup-pvc holds 1 matching file (expected at least 2).', 'backup-pvc 볼륨에 맞는 파일이 1개 있습니다 (기대: 2 이상).')],
]

const otherCases: [string, Scene, Record<string, unknown>, CheckOutcome][] = [
  ['a command was run', { commands: ['kubectl get jobs', 'kubectl logs job/x'] }, { type: 'command', matches: '^kubectl logs' }, pass('Command run.', '명령을 실행했습니다.')],
  ['a command not yet run', { commands: [] }, { type: 'command', matches: 'jq' }, fail('notRun', 'No command matching /jq/ has been run yet.', '/jq/에 맞는 명령을 아직 실행하지 않았습니다.')],
  ['an object that should be gone', { objects: [{ kind: 'CronJob', name: 'x' }] }, { type: 'object', kind: 'CronJob', name: 'x', exists: false }, fail('exists', 'CronJob x still exists.', 'CronJob x가 아직 있습니다.')],
  ['a field value', every5('*/5 * * * *'), { type: 'object', kind: 'CronJob', name: 'tick', field: 'spec.schedule', equals: '*/5 * * * *' }, pass('CronJob tick exists.', 'CronJob tick이 있습니다.')],
  ['all: the first failure wins', neverJob, { all: [{ type: 'job', outcome: 'Failed' }, { type: 'command', matches: 'x' }] }, fail('notRun', 'No command matching /x/ has been run yet.', '/x/에 맞는 명령을 아직 실행하지 않았습니다.')],
  ['an unknown type', {}, { type: 'pods' }, fail('invalid', 'Unknown check type pods.', '알 수 없는 체크 종류 pods.')],
]

describe('checks', () => {
  for (const [group, cases] of [
    ['job', jobCases],
    ['cronjob', cronCases],
    ['volume', volumeCases],
    ['command, object, all', otherCases],
  ] as const)
    describe(group, () => {
      it.each(cases)('%s', (_name, scene, expectSpec, want) => expect(evaluateCheck(context(scene), expectSpec)).toEqual(want))
    })
})
