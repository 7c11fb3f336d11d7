// Unit tables for the small pieces: HumanDuration (research §3), Go durations,
// the tabwriter (research §15), pflag parsing, label and field selectors
// (research §12), the RESTMapper, Go's sort order and kubectl's error printing (§13).
import { describe, expect, it } from 'vitest'
import { invalid, notFound } from '../engine/api/errors.ts'
import { goDurationString, humanDuration, parseGoDuration } from './duration.ts'
import { errorText, reportError } from './errors.ts'
import { checkFieldTerms, parseFieldSelector } from './field-selectors.ts'
import { FlagError, FlagSet, parseGoInt } from './flags.ts'
import { goSort } from './gosort.ts'
import { resolveResource, resolveTypes, splitResourceArgs } from './mapper.ts'
import { formatLabelSelector, labelsMatch, parseLabelSelector } from './selectors.ts'
import { TabWriter, tabwrite } from './tabwriter.ts'

const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H

describe('HumanDuration (research §3)', () => {
  const cases: [number, string][] = [
    [-2 * S, '<invalid>'], [-1 * S, '0s'], [-0.5 * S, '0s'], [0, '0s'], [119 * S, '119s'], [120 * S, '2m'], [125 * S, '2m5s'],
    [9 * M + 59 * S, '9m59s'], [10 * M + 30 * S, '10m'], [179 * M, '179m'], [3 * H, '3h'], [3 * H + 5 * M, '3h5m'], [7 * H + 59 * M, '7h59m'],
    [8 * H + 30 * M, '8h'], [47 * H, '47h'], [2 * D, '2d'], [2 * D + 3 * H, '2d3h'], [7 * D + 23 * H, '7d23h'], [8 * D, '8d'], [729 * D, '729d'],
    [730 * D, '2y'], [2 * 365 * D + 45 * D, '2y45d'], [8 * 365 * D, '8y'],
  ]
  for (const [ms, want] of cases) it(`${ms} ms -> ${want}`, () => expect(humanDuration(ms)).toBe(want))
})

describe('Go durations', () => {
  const cases: [string, number | string][] = [
    ['20s', 20 * S], ['1m30s', 90 * S], ['1.5h', 90 * M], ['500ms', 500], ['0', 0], ['-5s', -5 * S],
    ['x', 'time: invalid duration "x"'], ['5', 'time: missing unit in duration "5"'], ['5y', 'time: unknown unit "y" in duration "5y"'],
  ]
  for (const [text, want] of cases) it(text, () => expect(parseGoDuration(text)).toBe(want))
  it('Duration.String()', () => expect([30 * S, 90 * S, 2 * H, 500].map(goDurationString)).toEqual(['30s', '1m30s', '2h0m0s', '500ms']))
})

describe('tabwriter (research §2.1, §15)', () => {
  it('get: minwidth 6, padding 3, last cell unpadded, empty middle cell all blanks', () => {
    expect(tabwrite('NAME\tSTATUS\tDURATION\tAGE\nab\tRunning\t\t5s\n', 6, 3)).toBe('NAME   STATUS    DURATION   AGE\nab     Running              5s\n')
  })
  it('describe: a line without a tab ends the column block', () => {
    expect(tabwrite('Name:\tx\nLonger label:\ty\nBlock end\nA:\tz\n', 0, 2)).toBe('Name:          x\nLonger label:  y\nBlock end\nA:  z\n')
  })
  it('nested blocks: a column exists only for lines that reach it', () => {
    expect(tabwrite('a\tb\tc\naa\tb\nx\ty\tz\n', 0, 2)).toBe('a   b  c\naa  b\nx   y  z\n')
  })
  it('RememberWidths: columns only grow across flushes', () => {
    const w = new TabWriter({ minwidth: 6, padding: 3, rememberWidths: true })
    w.write('NAME\tSTATUS\tAGE\nx\tPending\t3s\n')
    expect(w.flush()).toBe('NAME   STATUS    AGE\nx      Pending   3s\n')
    w.write('x\tContainerCreating\t4s\n')
    expect(w.flush()).toBe('x      ContainerCreating   4s\n')
    w.write('x\tRunning\t5s\n')
    expect(w.flush()).toBe('x      Running             5s\n')
  })
  it('counts runes, not bytes (Korean names)', () => {
    expect(tabwrite('이름\tB\nabcd\tC\n', 0, 2)).toBe('이름    B\nabcd  C\n')
  })
})

describe('pflag parsing', () => {
  const set = new FlagSet([
    { name: 'namespace', short: 'n', type: 'string', usage: '' },
    { name: 'all-namespaces', short: 'A', type: 'bool', usage: '' },
    { name: 'watch', short: 'w', type: 'bool', usage: '' },
    { name: 'tail', type: 'int', default: -1, usage: '' },
    { name: 'label-columns', short: 'L', type: 'stringSlice', usage: '' },
  ])
  it('flags anywhere, = and separate values, short bundles and attached values', () => {
    const r = set.parse(['get', '-n', 'a', 'jobs', '--tail=3', '-Aw', 'x', '-L', 'a,b', '--label-columns=c'])
    expect(r.args).toEqual(['get', 'jobs', 'x'])
    expect([r.flags.string('namespace'), r.flags.bool('all-namespaces'), r.flags.bool('watch'), r.flags.int('tail'), r.flags.strings('label-columns')]).toEqual(['a', true, true, 3, ['a', 'b', 'c']])
  })
  it('-nkube-system and -n=x', () => {
    expect(set.parse(['-nkube-system']).flags.string('namespace')).toBe('kube-system')
    expect(set.parse(['-n=x']).flags.string('namespace')).toBe('x')
  })
  it('-- ends flags and is remembered', () => {
    const r = set.parse(['x', '--', '-n', 'y'])
    expect([r.args, r.argsLenAtDash, r.flags.changed('namespace')]).toEqual([['x', '-n', 'y'], 1, false])
  })
  it('a value may start with a dash', () => expect(set.parse(['--tail', '-1']).flags.int('tail')).toBe(-1))
  const errors: [string[], string][] = [
    [['--foo'], 'unknown flag: --foo'],
    [['-Az'], "unknown shorthand flag: 'z' in -z"],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['--tail=x'], 'invalid argument "x" for "--tail" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    [['-w=maybe'], 'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [['---x'], 'bad flag syntax: ---x'],
  ]
  for (const [argv, msg] of errors) it(argv.join(' '), () => expect(() => set.parse(argv)).toThrow(new FlagError(msg)))
  it('cobra finds the command past global flags', () => expect(set.commandWords(['-n', 'x', 'get', 'jobs']).map((w) => w.word)).toEqual(['get', 'jobs']))
  it('strconv.ParseInt base 0', () => expect(['10', '0x1f', '010', '-5', '1_000', '9e3'].map(parseGoInt)).toEqual([10, 31, 8, -5, 1000, 'strconv.ParseInt: parsing "9e3": invalid syntax']))
})

describe('label selectors (research §12.1)', () => {
  const labels = { app: 'web', tier: 'front', 'job-name': 'countdown' }
  const matches: [string, boolean][] = [
    ['app=web', true], ['app==web', true], ['app!=web', false], ['app in (web,db)', true], ['app notin (web)', false], ['missing notin (x)', true],
    ['app', true], ['!app', false], ['!missing', true], ['app=web,tier=front', true], ['app=web,tier=back', false], ['app in (a,,b)', false], ['in in (in)', false],
  ]
  for (const [sel, want] of matches) it(`${sel} -> ${want}`, () => expect(labelsMatch(parseLabelSelector(sel), labels)).toBe(want))
  const errors: [string, string][] = [
    ['app in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['app=a b', "found 'b', expected: ',' or 'end of string'"],
    ['app=a,', "found '', expected: identifier after ','"],
    [',app', "found ',', expected: !, identifier, or 'end of string'"],
    ['app in a', "unable to parse requirement: found 'a' expected: '('"],
    ['app = = b', "unable to parse requirement: found '=', expected: identifier"],
    ['app x', "unable to parse requirement: found 'x', expected: in, notin, =, ==, !=, gt, lt"],
    ['a@b=c', 'unable to parse requirement: : Invalid value: "a@b": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')'],
  ]
  for (const [sel, msg] of errors) it(`error: ${sel}`, () => expect(() => parseLabelSelector(sel)).toThrow(msg))
  it('FormatLabelSelector: sorted by key, sets sorted, <none> when empty', () => {
    expect(formatLabelSelector({ matchLabels: { b: '2', a: '1' }, matchExpressions: [{ key: 'c', operator: 'In', values: ['y', 'x'] }, { key: 'aa', operator: 'DoesNotExist' }] })).toBe('a=1,!aa,b=2,c in (x,y)')
    expect(formatLabelSelector(undefined)).toBe('<none>')
  })
})

describe('field selectors (research §12.2)', () => {
  it('terms sorted, operators =, ==, !=', () => expect(parseFieldSelector('b!=2,a==1')).toEqual([{ field: 'a', op: '==', value: '1' }, { field: 'b', op: '!=', value: '2' }]))
  it('escaped commas and equals', () => expect(parseFieldSelector('a=x\\,y\\=z')).toEqual([{ field: 'a', op: '=', value: 'x,y=z' }]))
  const errors: [string, string, string][] = [
    ['Job', 'status.phase=Running', 'field label "status.phase" not supported for batchv1.Job'],
    ['CronJob', 'spec.schedule=x', '"spec.schedule" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['Pod', 'spec.foo=bar', 'field label not supported: spec.foo'],
    ['Event', 'count=3', 'field label not supported: count'],
    ['Node', 'status.phase=x', 'field label not supported: status.phase'],
  ]
  for (const [kind, sel, msg] of errors) it(`${kind} ${sel}`, () => expect(() => checkFieldTerms(kind, parseFieldSelector(sel))).toThrow(msg))
  it('a term without an operator', () => expect(() => parseFieldSelector('status.successful')).toThrow("invalid selector: 'status.successful'; can't understand 'status.successful'"))
})

describe('RESTMapper (research §5, §13)', () => {
  const kinds = (words: string[]) => words.map((w) => resolveResource(w).kind)
  it('plural, singular, kind, any case; group and version forms', () => {
    expect(kinds(['jobs', 'job', 'Job', 'JOBS', 'jobs.batch', 'job.batch', 'jobs.v1.batch', 'cj', 'cronjob.v1.batch', 'po', 'Pods', 'ev', 'no', 'ns', 'pvc'])).toEqual([
      'Job', 'Job', 'Job', 'Job', 'Job', 'Job', 'Job', 'CronJob', 'CronJob', 'Pod', 'Pod', 'Event', 'Node', 'Namespace', 'PersistentVolumeClaim',
    ])
  })
  const unknown: [string, string][] = [['jobz', 'jobz'], ['CJ', 'CJ'], ['PO', 'PO'], ['Jobs.Batch', 'Jobs'], ['jobs.v2.batch', 'jobs'], ['jobs.foo', 'jobs']]
  for (const [w, shown] of unknown) it(`unknown: ${w}`, () => expect(() => resolveResource(w)).toThrow(`the server doesn't have a resource type "${shown}"`))
  it('categories and repeats', () => {
    expect(resolveTypes('all').map((r) => r.resource)).toEqual(['pods', 'services', 'cronjobs', 'jobs'])
    expect(resolveTypes('job,jobs,cj').map((r) => r.resource)).toEqual(['jobs', 'cronjobs'])
  })
  it('TYPE,TYPE NAME becomes TYPE/NAME pairs', () => {
    expect(splitResourceArgs(['job,cj', 'x']).targets.map((t) => [t.resource.resource, t.names])).toEqual([['jobs', ['x']], ['cronjobs', ['x']]])
  })
  it('slash form errors', () => {
    expect(() => splitResourceArgs(['job/a/b'])).toThrow('arguments in resource/name form may not have more than one slash')
    expect(() => splitResourceArgs(['job/'])).toThrow('arguments in resource/name form must have a single resource and name')
  })
})

describe("Go's sort.Sort", () => {
  it('sorts, and keeps ties in insertion order for short lists', () => {
    const items = [3, 1, 2, 1, 3].map((n, i) => ({ n, i }))
    expect(goSort(items, (a, b) => a.n < b.n).map((x) => x.i)).toEqual([1, 3, 2, 0, 4])
  })
  it('sorts long lists', () => {
    const xs = Array.from({ length: 200 }, (_, i) => (i * 7919) % 211)
    expect(goSort(xs, (a, b) => a < b)).toEqual([...xs].sort((a, b) => a - b))
  })
  it('orders many ties as real kubectl 1.32 (Go 1.23) does: get events --sort-by=.type -o name on 40 events', () => {
    // The events' types in server (name) order, and the order the real client printed them in
    // (pdqsort's breakPatterns uses the 64-bit xorshift 13/7/17 since Go 1.22).
    const types = 'NNWWNWNWWNNNNNNNWNNNNNNNNNWNNNNNNWNNNNNN'.split('').map((t, i) => ({ t, i }))
    expect(goSort(types, (a, b) => a.t < b.t).map((x) => x.i)).toEqual([
      20, 14, 39, 38, 4, 37, 6, 36, 35, 9, 10, 11, 12, 13, 19, 15, 34, 17, 1, 18, 25, 21, 22, 23, 24, 0, 32, 27, 28, 29, 30, 31, 26, 33, 16, 8, 7, 5, 3, 2,
    ])
  })
})

describe('error printing (research §13)', () => {
  it('API errors: Error from server (Reason): message', () => {
    expect(errorText(notFound('jobs', 'batch', 'nope'))).toBe('Error from server (NotFound): jobs.batch "nope" not found')
  })
  it('Invalid with one cause: The Kind "name" is invalid: field: message', () => {
    const e = invalid('Job', 'batch', 'norestart', [{ type: 'FieldValueRequired', field: 'spec.template.spec.restartPolicy', detail: 'valid values: "OnFailure", "Never"' }])
    expect(errorText(e)).toBe('The Job "norestart" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"')
  })
  it('Invalid with several causes: a * list after a trailing space', () => {
    const e = invalid('Job', 'batch', 'noimage', [
      { type: 'FieldValueRequired', field: 'spec.template.spec.containers[0].image' },
      { type: 'FieldValueRequired', field: 'spec.template.spec.restartPolicy', detail: 'valid values: "OnFailure", "Never"' },
    ])
    expect(reportError(e)).toEqual({
      text: 'The Job "noimage" is invalid: \n* spec.template.spec.containers[0].image: Required value\n* spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"\n',
      code: 1,
    })
  })
  it('other errors get "error: " once', () => {
    expect(reportError(new Error('error: already prefixed')).text).toBe('error: already prefixed\n')
    expect(reportError(new Error('plain')).text).toBe('error: plain\n')
  })
})
