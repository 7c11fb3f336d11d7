// Cron schedules as Kubernetes evaluates them (robfig/cron v3.0.1 ParseStandard and Next),
// with IANA time zones from the platform's Intl data.
export { CronError, parseStandard, parseStandardCached } from './parser.ts'
export { ConstantDelaySchedule, SpecSchedule, type Schedule } from './spec.ts'
export { formatInZone, loadLocation, UTC, zoneDate, type Zone } from './zone.ts'
export { ZERO_TIME } from './civil.ts'
export { parseDuration } from './duration.ts'
export { quote } from './go-text.ts'
