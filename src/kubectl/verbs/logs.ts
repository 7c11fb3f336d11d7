// kubectl logs: the container's output as the kubelet serves it (--tail, --since, --timestamps,
// --limit-bytes, -p, --prefix) and with -f new lines until the container ends.
// Upstream: kubectl pkg/cmd/logs/logs.go; research §9.
import { StatusError } from '../../engine/api/errors.ts'
import type { LogEntry } from '../../engine/kubelet/logs.ts'
import { logTimestamp } from '../../engine/kubelet/logs.ts'
import { parseTime } from '../../engine/kernel/time.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { KubectlError, UsageError } from '../errors.ts'
import { FlagError } from '../flags.ts'
import { parseGoDuration } from '../duration.ts'
import { LOGS_FLAGS, LOGS_HELP } from './logs-flags.ts'
import { findSource, selectTargets, type LogSource, type LogTarget } from './logs-select.ts'

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"

interface LogOptions {
  follow: boolean
  previous: boolean
  timestamps: boolean
  prefix: boolean
  tail: number
  sinceMs?: number
  limitBytes: number
  ignoreErrors: boolean
}

function duration(ctx: KubectlContext, name: string): number {
  const v = parseGoDuration(ctx.flags.duration(name))
  if (typeof v === 'string') throw new FlagError(`invalid argument ${JSON.stringify(ctx.flags.duration(name))} for "--${name}" flag: ${v}`)
  return v
}

/**
 * LogsOptions.Complete (argument shapes, --pod-running-timeout, --since-time, then the lookup of what to read)
 * followed by Validate (flag combinations), in kubectl's order and words (kubectl pkg/cmd/logs/logs.go): a
 * missing pod is reported before a bad --tail.
 */
function options(ctx: KubectlContext): { source: LogSource; container: string; opts: LogOptions; timeoutMs: number } {
  const f = ctx.flags
  const args = ctx.args
  const selector = f.string('selector')
  let arg = ''
  let container = f.string('container')
  // Both are flag values: a bad one fails when the flags are parsed, before anything else.
  const sinceMs = duration(ctx, 'since')
  const timeoutMs = duration(ctx, 'pod-running-timeout')
  if (args.length === 0 && !selector) throw new UsageError(USAGE, 'kubectl logs')
  if (args.length === 1) {
    arg = args[0]
    if (selector) throw new UsageError('only a selector (-l) or a POD name is allowed', 'kubectl logs')
  } else if (args.length === 2) {
    arg = args[0]
    container = args[1]
  } else if (args.length > 2) throw new UsageError(USAGE, 'kubectl logs')
  if (timeoutMs <= 0) throw new KubectlError('--pod-running-timeout must be higher than zero')
  const sinceTime = f.string('since-time')
  let since: number | undefined
  if (sinceTime) {
    const t = parseTime(sinceTime)
    if (Number.isNaN(t)) throw new KubectlError(`parsing time ${JSON.stringify(sinceTime)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(sinceTime)} as "2006"`)
    since = t
  } else if (sinceMs) since = ctx.now() - Math.round(sinceMs / 1000) * 1000
  const source = findSource(ctx, arg)
  // Validate
  if (sinceTime && sinceMs !== 0) throw new KubectlError('at most one of `sinceTime` or `sinceSeconds` may be specified')
  if (f.bool('all-containers') && container) throw new KubectlError(`--all-containers=true should not be specified with container name ${container}`)
  if (f.changed('container') && args.length === 2) throw new KubectlError('only one of -c or an inline [CONTAINER] arg is allowed')
  if (f.int('limit-bytes') < 0) throw new KubectlError('--limit-bytes must be greater than 0')
  if (sinceMs < 0) throw new KubectlError('--since must be greater than 0')
  const tailSet = f.changed('tail')
  let tail = f.int('tail')
  if (tail < -1) throw new KubectlError('--tail must be greater than or equal to -1')
  if (selector && tail === -1 && !tailSet) tail = 10
  return {
    source,
    container,
    timeoutMs,
    opts: {
      follow: f.bool('follow'),
      previous: f.bool('previous'),
      timestamps: f.bool('timestamps'),
      prefix: f.bool('prefix') || f.bool('all-pods'),
      tail,
      sinceMs: since,
      limitBytes: f.int('limit-bytes'),
      ignoreErrors: f.bool('ignore-errors'),
    },
  }
}

/** One entry as the kubelet streams it: its timestamp (with --timestamps), its text, and the newline unless partial. */
function line(e: LogEntry, o: LogOptions): string {
  return (o.timestamps ? logTimestamp(e) + ' ' : '') + e.text + (e.partial ? '' : '\n')
}

/**
 * kubectl's side of one log stream (logs.go DefaultConsumeRequest): it reads the kubelet's bytes up to each
 * newline and writes every line it read with the --prefix before it, and what is left without a newline when
 * the stream ends. The prefix is kubectl's, so --limit-bytes (the kubelet's) does not count it, and a line
 * the container wrote in several pieces gets one prefix.
 */
class LineStream {
  private held = ''
  constructor(private readonly prefix: string) {}
  /** The complete lines in `chunk` (after what was held), prefixed; the rest is held. */
  push(chunk: string): string {
    const text = this.held + chunk
    const cut = text.lastIndexOf('\n') + 1
    this.held = text.slice(cut)
    return text.slice(0, cut).split(/(?<=\n)/).filter(Boolean).map((l) => this.prefix + l).join('')
  }
  /** The end of the stream: the unfinished last line, if any. */
  end(): string {
    const rest = this.held
    this.held = ''
    return rest ? this.prefix + rest : ''
  }
}

/** The kubelet's answer to one log request: entries after --since, the last --tail of them. */
function initialEntries(entries: readonly LogEntry[], o: LogOptions): LogEntry[] {
  let list = o.sinceMs !== undefined ? entries.filter((e) => e.ms >= o.sinceMs!) : [...entries]
  if (o.tail >= 0) list = o.tail === 0 ? [] : list.slice(-o.tail)
  return list
}

/** Cut output at --limit-bytes (UTF-8 bytes), remembering what is left. */
class Limit {
  private left: number
  constructor(limit: number) {
    this.left = limit > 0 ? limit : Infinity
  }
  take(s: string): string {
    if (this.left === Infinity) return s
    let out = ''
    for (const ch of s) {
      const n = ch.codePointAt(0)! < 0x80 ? 1 : ch.codePointAt(0)! < 0x800 ? 2 : ch.codePointAt(0)! < 0x10000 ? 3 : 4
      if (n > this.left) {
        this.left = 0
        break
      }
      this.left -= n
      out += ch
    }
    return out
  }
}

function requestError(code: number, message: string): StatusError {
  const reason = code === 404 ? 'NotFound' : 'BadRequest'
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code })
}

function* run(ctx: KubectlContext): Generator<Wait, number, void> {
  const { source, container, opts, timeoutMs } = options(ctx)
  const selection = yield* selectTargets(ctx, source, container, timeoutMs)
  const targets = selection.targets
  const maxFollow = ctx.flags.int('max-log-requests')
  if (opts.follow && targets.length > 1 && targets.length > maxFollow) {
    throw new KubectlError(`you are attempting to follow ${targets.length} log streams, but maximum allowed concurrency is ${maxFollow}, use --max-log-requests to increase the limit`)
  }
  const prefixFor = (t: LogTarget) => (opts.prefix ? `[pod/${t.pod.metadata.name}/${t.container}] ` : '')
  let pending = ''
  let open = 0
  const stops: (() => void)[] = []
  try {
    for (const t of targets) {
      const answer = ctx.cluster.podLogs(t.pod.metadata.namespace ?? ctx.namespace, t.pod.metadata.name, t.container, { previous: opts.previous })
      if (!answer.ok) {
        const err = requestError(answer.code, answer.message)
        // --ignore-errors only matters when several logs are followed at once (parallelConsumeRequest);
        // read one after another, the first error ends the command (sequentialConsumeRequest).
        if (!opts.ignoreErrors || !opts.follow || targets.length < 2) throw err
        ctx.out(`error: ${answer.message}\n`)
        continue
      }
      const limit = new Limit(opts.limitBytes)
      const stream = new LineStream(prefixFor(t))
      ctx.out(stream.push(limit.take(initialEntries(answer.log.entries, opts).map((e) => line(e, opts)).join(''))))
      if (!opts.follow || answer.log.closed) {
        ctx.out(stream.end())
        continue
      }
      open++
      stops.push(
        answer.log.follow(
          (e) => {
            pending += stream.push(limit.take(line(e, opts)))
            ctx.host.wake()
          },
          () => {
            pending += stream.end()
            open--
            ctx.host.wake()
          },
        ),
      )
      // kubectl reads one stream at a time unless it follows several.
      if (targets.length === 1) break
    }
    // kubectl's interrupt handler (logs.go RunLogsContext, pkg/util/interrupt): a signal stops streaming, exit 1.
    let interrupted = false
    const release = open > 0 ? ctx.onSignal?.(() => (interrupted = true)) : undefined
    try {
      while (open > 0) {
        yield { until: Infinity }
        if (interrupted) return 1
        if (pending) ctx.out(pending)
        pending = ''
      }
    } finally {
      release?.()
    }
    if (pending) ctx.out(pending)
    return 0
  } finally {
    for (const stop of stops) stop()
  }
}

export const logsVerb: Verb = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  flags: LOGS_FLAGS,
  help: LOGS_HELP,
  run,
}
