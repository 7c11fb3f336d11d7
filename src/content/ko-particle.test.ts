import { describe, expect, it } from 'vitest'
import { josa, particle } from './ko-particle'

describe('Korean particles after interpolated names', () => {
  it('reads Hangul by its final consonant, ㄹ taking 로', () => {
    expect(josa('백업', '은')).toBe('백업은')
    expect(josa('파일', '으로')).toBe('파일로')
    expect(josa('스케줄', '이')).toBe('스케줄이')
    expect(josa('컨테이너', '이')).toBe('컨테이너가')
    expect(josa('볼륨', '으로')).toBe('볼륨으로')
  })

  it('reads digits as Sino-Korean numbers', () => {
    expect(josa(2, '이')).toBe('2가')
    expect(josa(3, '은')).toBe('3은')
    expect(josa(7, '으로')).toBe('7로')
    expect(josa(6, '으로')).toBe('6으로')
    expect(josa(10, '를')).toBe('10을')
    expect(josa(100, '가')).toBe('100이')
    expect(josa(0, '가')).toBe('0이')
    expect(josa('sample-cron-job-29453762', '이')).toBe('sample-cron-job-29453762가')
    expect(josa('sample-cron-job-29453761', '은')).toBe('sample-cron-job-29453761은')
  })

  it('reads common English words as Korean writes them', () => {
    expect(josa('countdown-job', '이')).toBe('countdown-job이')
    expect(josa('db-backup', '은')).toBe('db-backup은')
    expect(josa('retry-never', '은')).toBe('retry-never는')
    expect(josa('counter', '을')).toBe('counter를')
    expect(josa('weekly-report', '이')).toBe('weekly-report가')
    expect(josa('Asia/Seoul', '이')).toBe('Asia/Seoul이')
    expect(josa('Asia/Seoul', '으로')).toBe('Asia/Seoul로')
    expect(josa('OnFailure', '이')).toBe('OnFailure가')
    expect(josa('BackoffLimitExceeded', '이')).toBe('BackoffLimitExceeded가')
  })

  it('reads other Latin endings by the letter name', () => {
    expect(josa('backup-pvc', '이')).toBe('backup-pvc가')
    expect(josa('claim-m', '을')).toBe('claim-m을')
    expect(josa('x', '을')).toBe('x를')
    expect(josa('app-l', '으로')).toBe('app-l로')
    expect(josa('pvc-n', '으로')).toBe('pvc-n으로')
    expect(josa('"*/5 * * * *"', '이')).toBe('"*/5 * * * *"가')
  })

  it('skips a parenthetical, as the particle follows the word before it', () => {
    expect(josa('시간(초)', '이')).toBe('시간(초)이')
    expect(josa('allow-job(Allow)', '이')).toBe('allow-job(Allow)이')
    expect(josa('Failed (BackoffLimitExceeded)', '으로')).toBe('Failed (BackoffLimitExceeded)로')
    expect(josa('$(( 6 * 7 ))', '은')).toBe('$(( 6 * 7 ))은')
    expect(josa('Forbid', '으로')).toBe('Forbid로')
    expect(josa('kubelet', '은')).toBe('kubelet은')
    expect(josa('jobTemplate', '으로')).toBe('jobTemplate으로')
    expect(josa('completionTime', '이')).toBe('completionTime이')
  })

  it('accepts either form of a pair', () => {
    expect(particle('job', '가')).toBe('이')
    expect(particle('pod', '이')).toBe('가')
    expect(particle('pod', '와')).toBe('와')
    expect(particle('job', '예요')).toBe('이에요')
  })
})
