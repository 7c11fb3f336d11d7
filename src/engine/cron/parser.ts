// robfig/cron v3.0.1 ParseStandard (parser.go), which Kubernetes uses both to validate
// spec.schedule and to schedule: exactly five fields (minute hour dom month dow),
// descriptors, an optional TZ=/CRON_TZ= prefix, and robfig's own error texts.
import { parseDuration } from './duration.ts'
import { atoi, fields, trimSpace } from './go-text.ts'
import { ConstantDelaySchedule, CronField, SpecSchedule, type Schedule } from './spec.ts'
import { loadLocation, UTC, type Zone } from './zone.ts'

/**
 * A schedule robfig rejects. `panic` marks the one input robfig v3.0.1 crashes on
 * instead of returning an error: a TZ= prefix with no space after it.
 */
export class CronError extends Error {
  constructor(
    message: string,
    readonly panic = false,
  ) {
    super(message)
  }
}

interface Bounds {
  min: number
  max: number
  names?: Record<string, number>
}

const MONTH_NAMES = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 }
const DOW_NAMES = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }

export const MINUTES: Bounds = { min: 0, max: 59 }
export const HOURS: Bounds = { min: 0, max: 23 }
export const DOM: Bounds = { min: 1, max: 31 }
export const MONTHS: Bounds = { min: 1, max: 12, names: MONTH_NAMES }
export const DOW: Bounds = { min: 0, max: 6, names: DOW_NAMES }

/**
 * cron.ParseStandard. Schedules without a TZ= prefix run in `local` (Go's time.Local:
 * for the CronJob controller, kube-controller-manager's zone). Throws CronError.
 */
export function parseStandard(spec: string, local: Zone = UTC): Schedule {
  if (spec.length === 0) throw new CronError('empty spec string')
  let loc = local
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ')
    const eq = spec.indexOf('=')
    if (i < 0) throw new CronError('runtime error: slice bounds out of range [:-1]', true)
    const name = spec.slice(eq + 1, i)
    try {
      loc = loadLocation(name, local)
    } catch (e) {
      throw new CronError(`provided bad location ${name}: ${(e as Error).message}`)
    }
    spec = trimSpace(spec.slice(i))
  }
  if (spec.startsWith('@')) return parseDescriptor(spec, loc)
  const f = fields(spec)
  if (f.length !== 5) throw new CronError(`expected exactly 5 fields, found ${f.length}: [${f.join(' ')}]`)
  return new SpecSchedule(getField(f[0], MINUTES), getField(f[1], HOURS), getField(f[2], DOM), getField(f[3], MONTHS), getField(f[4], DOW), loc)
}

/** A comma list of ranges; empty items are dropped (strings.FieldsFunc). */
export function getField(field: string, r: Bounds): CronField {
  const allowed = new Uint8Array(r.max + 1)
  let star = false
  for (const expr of field.split(',')) {
    if (expr === '') continue
    star = getRange(expr, r, allowed) || star
  }
  return new CronField(allowed, star)
}

/** `*` | `?` | N | N-M, each with an optional /step; sets `allowed`, returns the star bit. */
export function getRange(expr: string, r: Bounds, allowed: Uint8Array): boolean {
  const rangeAndStep = expr.split('/')
  const lowAndHigh = rangeAndStep[0].split('-')
  const singleDigit = lowAndHigh.length === 1
  let start: bigint
  let end: bigint
  let step: bigint
  let star = false
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = BigInt(r.min)
    end = BigInt(r.max)
    star = true
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names)
    if (lowAndHigh.length === 1) end = start
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names)
    else throw new CronError(`too many hyphens: ${expr}`)
  }
  if (rangeAndStep.length === 1) step = 1n
  else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1])
    // "N/step" means "N-max/step".
    if (singleDigit) end = BigInt(r.max)
    if (step > 1n) star = false
  } else throw new CronError(`too many slashes: ${expr}`)

  if (start < BigInt(r.min)) throw new CronError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`)
  if (end > BigInt(r.max)) throw new CronError(`end of range (${end}) above maximum (${r.max}): ${expr}`)
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`)
  if (step === 0n) throw new CronError(`step of range should be a positive number: ${expr}`)

  const stride = step > 64n ? 64 : Number(step)
  for (let v = Number(start); v <= Number(end); v += stride) allowed[v] = 1
  return star
}

function parseIntOrName(expr: string, names?: Record<string, number>): bigint {
  const lower = expr.toLowerCase()
  if (names && Object.hasOwn(names, lower)) return BigInt(names[lower])
  return mustParseInt(expr)
}

function mustParseInt(expr: string): bigint {
  const n = atoi(expr)
  if (typeof n === 'string') throw new CronError(`failed to parse int from ${expr}: ${n}`)
  if (n < 0n) throw new CronError(`negative number (${n}) not allowed: ${expr}`)
  return n
}

const every = (b: Bounds): CronField => getField('*', b)
const only = (v: number, b: Bounds): CronField => getField(String(v), b)

/** The @-descriptors, lower case only, and `@every <duration>`. */
function parseDescriptor(descriptor: string, loc: Zone): Schedule {
  const spec = (m: CronField, h: CronField, dom: CronField, mon: CronField, dow: CronField): SpecSchedule => new SpecSchedule(m, h, dom, mon, dow, loc)
  switch (descriptor) {
    case '@yearly':
    case '@annually':
      return spec(only(0, MINUTES), only(0, HOURS), only(1, DOM), only(1, MONTHS), every(DOW))
    case '@monthly':
      return spec(only(0, MINUTES), only(0, HOURS), only(1, DOM), every(MONTHS), every(DOW))
    case '@weekly':
      return spec(only(0, MINUTES), only(0, HOURS), every(DOM), every(MONTHS), only(0, DOW))
    case '@daily':
    case '@midnight':
      return spec(only(0, MINUTES), only(0, HOURS), every(DOM), every(MONTHS), every(DOW))
    case '@hourly':
      return spec(only(0, MINUTES), every(HOURS), every(DOM), every(MONTHS), every(DOW))
  }
  const prefix = '@every '
  if (descriptor.startsWith(prefix)) {
    let d: bigint
    try {
      d = parseDuration(descriptor.slice(prefix.length))
    } catch (e) {
      throw new CronError(`failed to parse duration ${descriptor}: ${(e as Error).message}`)
    }
    return new ConstantDelaySchedule(d)
  }
  throw new CronError(`unrecognized descriptor: ${descriptor}`)
}

const parsed = new Map<string, Schedule | CronError>()

/**
 * parseStandard, remembered: the CronJob controller parses its schedule on every sync,
 * and a parsed schedule is immutable apart from its search scratch space.
 */
export function parseStandardCached(spec: string, local: Zone = UTC): Schedule {
  const key = local.name + '\u0000' + spec
  let r = parsed.get(key)
  if (!r) {
    try {
      r = parseStandard(spec, local)
    } catch (e) {
      if (!(e instanceof CronError)) throw e
      r = e
    }
    if (parsed.size >= 1000) parsed.clear()
    parsed.set(key, r)
  }
  if (r instanceof CronError) throw r
  return r
}
