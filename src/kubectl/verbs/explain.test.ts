// kubectl explain: the OpenAPI v3 plaintext layout (kubectl pkg/explain/v2/
// templates/plaintext.tmpl) over our schema; error texts from real kubectl v1.33.
import { describe, expect, it } from 'vitest'
import { Cluster } from '../../engine/cluster.ts'
import { kubectl } from '../testkit.ts'
import { explainLang, wrap } from './explain.ts'

const run = (line: string, env: Record<string, string> = {}) => kubectl(new Cluster(), line, { env })

describe('kubectl explain', () => {
  it('a field: FIELD line, two blank lines, DESCRIPTION wrapped at 76 with its indented empty last line', () => {
    expect(run('explain job.spec.backoffLimit').stdout).toBe(`GROUP:      batch
KIND:       Job
VERSION:    v1

FIELD: backoffLimit <integer>


DESCRIPTION:
    Retries before the Job is marked failed (BackoffLimitExceeded). Defaults to
    6.
    

`)
  })

  it('an enum field lists its values in the long view', () => {
    expect(run('explain job.spec.completionMode').stdout).toContain('FIELD: completionMode <string>\nENUM:\n    Indexed\n    NonIndexed\n\nDESCRIPTION:\n')
  })

  it('a kind lists its fields with tabs, types and descriptions', () => {
    const out = run('explain cronjob').stdout
    expect(out.startsWith('GROUP:      batch\nKIND:       CronJob\nVERSION:    v1\n\nDESCRIPTION:\n')).toBe(true)
    expect(out).toContain('\nFIELDS:\n  apiVersion\t<string>\n')
    expect(out).toContain('\n  spec\t<CronJobSpec>\n')
    expect(out.endsWith('\n\n\n')).toBe(true)
  })

  it('--recursive prints the tree of names and types, enums inline', () => {
    const out = run('explain cronjob.spec --recursive').stdout
    expect(out).toContain('FIELDS:\n  concurrencyPolicy\t<string>\n  enum: Allow, Forbid, Replace\n  failedJobsHistoryLimit\t<integer>\n  jobTemplate\t<JobTemplateSpec> -required-\n    metadata\t<ObjectMeta>\n')
  })

  it('Korean descriptions with LANG=ko_KR.UTF-8 or BATCHLAB_LANG=ko', () => {
    expect(explainLang(new Map([['LANG', 'ko_KR.UTF-8']]))).toBe('ko')
    expect(explainLang(new Map([['LANG', 'C.UTF-8'], ['BATCHLAB_LANG', 'ko']]))).toBe('ko')
    expect(explainLang(new Map([['LANG', 'C.UTF-8']]))).toBe('en')
    expect(run('explain job.spec.backoffLimit', { LANG: 'ko_KR.UTF-8' }).stdout).toContain('DESCRIPTION:\n    Job을 실패(BackoffLimitExceeded)로 처리하기 전 재시도 횟수. 기본값 6.\n    \n')
  })

  const errors: [string, string, string][] = [
    ['explain', '', 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n'],
    ['explain a b', '', 'error: We accept only this format: explain RESOURCE\n'],
    ['explain jobz', '', 'the server doesn\'t have a resource type "jobz"\n'],
    ['explain job.spec.backofLimit', 'GROUP:      batch\nKIND:       Job\nVERSION:    v1\n', 'error: field "backofLimit" does not exist\n'],
    ['explain events', '', 'error: GVK map[group: kind:Event version:v1] not found in OpenAPI schema\n'],
  ]
  it.each(errors)('kubectl %s', (line, stdout, stderr) => {
    expect(run(line)).toEqual({ stdout, stderr, code: 1 })
  })
})

describe('wrap (goutils.WrapCustom)', () => {
  const cases: [string, number, string][] = [
    ['a b c', 3, 'a b\nc'],
    ['short', 10, 'short'],
    ['averyveryverylongword and more', 5, 'averyveryverylongword\nand\nmore'],
    ['see https://example.com/a/very/long/url', 10, 'see\nhttps://example.com/a/very/long/url'],
  ]
  it.each(cases)('%j at %d', (s, n, want) => {
    expect(wrap(s, n)).toBe(want)
  })
})
