// CronJob validation: every row of cronjob-controller.md §9 and the time-zone rules
// of §2.6, on create and on update (ValidateCronJobCreate / ValidateCronJobUpdate,
// TestValidateCronJob and TestValidateCronJobScheduleTZ in validation_test.go).
import { describe, expect, it } from 'vitest'
import { apiForTest, cronJob, tryCreate, tryUpdate } from './testkit.ts'
import type { KObject } from '../api/types.ts'
import type { J } from './util.ts'

const errorOf = (obj: J) => tryCreate(apiForTest().api, obj).error
const P = 'CronJob.batch "hello" is invalid: '
const tplSpec = (pod: J) => ({ jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], ...pod } } } } })

describe('ValidateCronJobCreate (cronjob-controller.md §9)', () => {
  const table: [string, J, string | undefined][] = [
    ['schedule missing', cronJob({ schedule: undefined }), `${P}spec.schedule: Required value`],
    ['schedule ""', cronJob({ schedule: '' }), `${P}spec.schedule: Required value`],
    ['six fields', cronJob({ schedule: '* * * * * *' }), `${P}spec.schedule: Invalid value: "* * * * * *": expected exactly 5 fields, found 6: [* * * * * *]`],
    ['four fields (kubectl-output.md §13 #8)', cronJob({ schedule: '*/5 * * *' }), `${P}spec.schedule: Invalid value: "*/5 * * *": expected exactly 5 fields, found 4: [*/5 * * *]`],
    ['one word', cronJob({ schedule: 'bad' }), `${P}spec.schedule: Invalid value: "bad": expected exactly 5 fields, found 1: [bad]`],
    ['minute 60', cronJob({ schedule: '60 * * * *' }), `${P}spec.schedule: Invalid value: "60 * * * *": end of range (60) above maximum (59): 60`],
    ['day of week 7', cronJob({ schedule: '0 0 * * 7' }), `${P}spec.schedule: Invalid value: "0 0 * * 7": end of range (7) above maximum (6): 7`],
    ['L', cronJob({ schedule: '0 0 L * *' }), `${P}spec.schedule: Invalid value: "0 0 L * *": failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax`],
    ['@reboot', cronJob({ schedule: '@reboot' }), `${P}spec.schedule: Invalid value: "@reboot": unrecognized descriptor: @reboot`],
    ['CRON_TZ on create', cronJob({ schedule: 'CRON_TZ=Etc/UTC */20 * * * *' }), `${P}spec.schedule: Invalid value: "CRON_TZ=Etc/UTC */20 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead`],
    [
      'TZ with an unknown zone: both causes',
      cronJob({ schedule: 'TZ=Foo/Bar 0 * * * *' }),
      `${P}[spec.schedule: Invalid value: "TZ=Foo/Bar 0 * * * *": provided bad location Foo/Bar: unknown time zone Foo/Bar, spec.schedule: Invalid value: "TZ=Foo/Bar 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead]`,
    ],
    ['restartPolicy omitted', cronJob(tplSpec({})), `${P}spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"`],
    [
      'restartPolicy Sometimes',
      cronJob(tplSpec({ restartPolicy: 'Sometimes' })),
      `${P}[spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never", spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"]`,
    ],
    ['successfulJobsHistoryLimit -1', cronJob({ successfulJobsHistoryLimit: -1 }), `${P}spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0`],
    ['failedJobsHistoryLimit -1', cronJob({ failedJobsHistoryLimit: -1 }), `${P}spec.failedJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0`],
    ['startingDeadlineSeconds -5', cronJob({ startingDeadlineSeconds: -5 }), `${P}spec.startingDeadlineSeconds: Invalid value: -5: must be greater than or equal to 0`],
    ['concurrencyPolicy Sometimes', cronJob({ concurrencyPolicy: 'Sometimes' }), `${P}spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"`],
    [
      'jobTemplate selector',
      cronJob({ jobTemplate: { spec: { selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } } } }),
      `${P}spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: \`selector\` will be auto-generated`,
    ],
    [
      'jobTemplate manualSelector',
      cronJob({ jobTemplate: { spec: { manualSelector: true, template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } } } } }),
      `${P}spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"`,
    ],
    ['name of 53 characters: reported last', cronJob({ concurrencyPolicy: 'X' }, { name: 'a'.repeat(53) }), `CronJob.batch "${'a'.repeat(53)}" is invalid: [spec.concurrencyPolicy: Unsupported value: "X": supported values: "Allow", "Forbid", "Replace", metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters]`],
    ['name of 52 characters', cronJob({}, { name: 'a'.repeat(52) }), undefined],
    ['zero history limits are valid', cronJob({ successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0 }), undefined],
    ['February 31st parses (it never fires)', cronJob({ schedule: '0 0 31 2 *' }), undefined],
    ['descriptors', cronJob({ schedule: '@hourly' }), undefined],
    ['TZ with no space panics robfig v3.0.1', cronJob({ schedule: 'TZ=UTC' }), 'an error on the server ("This request caused apiserver to panic. Look in the logs for details.") has prevented the request from succeeding (post cronjobs.batch)'],
  ]
  for (const [name, obj, msg] of table) it(name, () => expect(errorOf(obj)).toBe(msg))
})

describe('validateTimeZone (cronjob-controller.md §2.6)', () => {
  const table: [string, string | undefined][] = [
    ['Foo/Bar', `${P}spec.timeZone: Invalid value: "Foo/Bar": unknown time zone Foo/Bar`],
    ['asia/seoul', `${P}spec.timeZone: Invalid value: "asia/seoul": unknown time zone asia/seoul`],
    ['', `${P}spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string`],
    ['Local', `${P}spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones`],
    ['local', `${P}[spec.timeZone: Invalid value: "local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones, spec.timeZone: Invalid value: "local": unknown time zone local]`],
    ['Asia/Seoul ', `${P}spec.timeZone: Invalid value: "Asia/Seoul ": unknown time zone Asia/Seoul `],
    ['UTC+9', `${P}spec.timeZone: Invalid value: "UTC+9": unknown time zone UTC+9`],
    ['Z', `${P}spec.timeZone: Invalid value: "Z": unknown time zone Z`],
    ['+09:00', `${P}spec.timeZone: Invalid value: "+09:00": unknown time zone +09:00`],
    ['America//New_York', `${P}spec.timeZone: Invalid value: "America//New_York": unknown time zone America//New_York`],
    ['Asia/Seoul', undefined],
    ['UTC', undefined],
    ['Etc/UTC', undefined],
    ['EST5EDT', undefined],
    ['Etc/GMT+5', undefined],
    ['US/Eastern', undefined],
    ['America/Argentina/Buenos_Aires', undefined],
  ]
  for (const [tz, msg] of table) it(JSON.stringify(tz), () => expect(errorOf(cronJob({ timeZone: tz }))).toBe(msg))
})

describe('ValidateCronJobUpdate', () => {
  /** A stored CronJob as an older apiserver accepted it (TZ= in the schedule, a long name). */
  function seeded(spec: J, meta: J = {}) {
    const { api, store } = apiForTest()
    const created = tryCreate(api, cronJob())!.obj!
    const stored = store.update({ ...created, metadata: { ...created.metadata, ...meta }, spec: { ...(created.spec as J), ...spec } } as KObject)
    return { api, stored }
  }

  it('adding TZ to a schedule that had none', () => {
    const { api, stored } = seeded({})
    expect(tryUpdate(api, { ...stored, spec: { ...(stored.spec as J), schedule: 'TZ=UTC 0 * * * *' } }).error).toBe(`${P}spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead`)
  })

  it('keeping an old TZ schedule is allowed, with a warning', () => {
    const { api, stored } = seeded({ schedule: 'TZ=UTC 0 * * * *' })
    const warnings: string[] = []
    const r = tryUpdate(api, { ...stored, spec: { ...(stored.spec as J), suspend: true } }, { warnings })
    expect([r.error, warnings]).toEqual([undefined, ['cannot use TZ or CRON_TZ in spec.spec.schedule, use timeZone instead, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details']])
  })

  it('an old TZ schedule plus timeZone', () => {
    const { api, stored } = seeded({ schedule: 'TZ=UTC 0 * * * *' })
    expect(tryUpdate(api, { ...stored, spec: { ...(stored.spec as J), timeZone: 'Asia/Seoul' } }).error).toBe(`${P}spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use both timeZone field and TZ or CRON_TZ in schedule`)
  })

  it('an unchanged time zone is not checked again', () => {
    const { api, stored } = seeded({ timeZone: 'Mars/Olympus' })
    expect(tryUpdate(api, { ...stored, spec: { ...(stored.spec as J), suspend: true } }).error).toBe(undefined)
  })

  it('a name over 52 characters may still be updated', () => {
    const name = 'a'.repeat(60)
    const { api, store } = apiForTest()
    const created = tryCreate(api, cronJob())!.obj!
    store.remove('CronJob', 'default', 'hello')
    const stored = store.create({ ...created, metadata: { ...created.metadata, name, uid: '', resourceVersion: '' } } as KObject)
    const r = tryUpdate(api, { ...stored, spec: { ...(stored.spec as J), suspend: true } })
    expect([r.error, r.obj?.metadata.generation]).toEqual([undefined, 2])
  })

  it('suspend bumps generation; a label change does not', () => {
    const { api, stored } = seeded({})
    const a = tryUpdate(api, { ...stored, spec: { ...(stored.spec as J), suspend: true } }).obj!
    const b = tryUpdate(api, { ...a, metadata: { ...a.metadata, labels: { x: 'y' } } }).obj!
    expect([a.metadata.generation, b.metadata.generation, b.metadata.labels]).toEqual([2, 2, { x: 'y' }])
  })
})
