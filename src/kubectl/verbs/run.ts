// kubectl run NAME --image=IMAGE [-- ARGS…]: one pod (labels run=NAME, container NAME, dnsPolicy
// ClusterFirst, restartPolicy Always unless --restart). --attach/-i without a TTY waits for the pod,
// shows its output (the log if it has already finished), returns the container's exit code and,
// with --rm, deletes it. Upstream: kubernetes/kubectl pkg/cmd/run/run.go, pkg/generate/versioned/run.go (v0.33).
import type { KObject, Pod } from '../../engine/api/types.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { parseGoDuration } from '../duration.ts'
import { KubectlError, UsageError } from '../errors.ts'
import { FlagError } from '../flags.ts'
import { isPodReady } from '../printers/pod-status.ts'
import { waitUntil } from '../waiting.ts'
import { printWarnings, writeOptions } from '../write-common.ts'
import { DRY_RUN_FLAG, dryRunStrategy, fieldManagerFlag, OUTPUT_FLAGS, printWritten } from '../write-util.ts'

const USAGE = 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]'

export const runVerb: Verb = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  flags: [
    { name: 'image', type: 'string', usage: 'The image of the pod\'s one container.' },
    { name: 'restart', type: 'string', default: 'Always', usage: 'restartPolicy of the pod: Always, OnFailure or Never.' },
    { name: 'command', type: 'bool', usage: 'Use the arguments after -- as the container\'s command instead of its args.' },
    { name: 'env', type: 'stringArray', usage: 'An environment variable KEY=VALUE for the container (repeatable).' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Labels of the pod, k=v,k2=v2 (instead of run=NAME).' },
    { name: 'annotations', type: 'stringArray', usage: 'An annotation KEY=VALUE of the pod (repeatable).' },
    { name: 'port', type: 'string', usage: 'A port the container exposes.' },
    { name: 'image-pull-policy', type: 'string', usage: 'Always, IfNotPresent or Never; unset, the server decides.' },
    { name: 'attach', type: 'bool', usage: 'Wait for the pod to run and show its output; with --restart=Never return its exit code.' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Keep stdin open on the container (implies --attach).' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a TTY for the container (not available in this lab).' },
    { name: 'rm', type: 'bool', usage: 'Delete the pod after it exits (only when attached).' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Do not print the deletion message of --rm.' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s', usage: 'How long to wait for the pod to run before attaching.' },
    DRY_RUN_FLAG,
    ...OUTPUT_FLAGS,
    fieldManagerFlag('kubectl-run'),
  ],
  help: {
    long: 'Create and run a particular image in a pod.',
    examples: [
      '# Start a busybox pod that prints the date once',
      'kubectl run once --image=busybox:1.36 --restart=Never -- date',
      '',
      '# Run a command, show its output, and delete the pod afterwards',
      'kubectl run -i --rm --restart=Never check --image=busybox:1.36 -- sh -c "echo hi"',
    ],
    usage: USAGE,
  },
  run: (ctx) => runRun(ctx),
}

function keyValues(items: string[], what: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const item of items) {
    const i = item.indexOf('=')
    if (i <= 0) throw new KubectlError(`invalid ${what}: ${item}`)
    out[item.slice(0, i)] = item.slice(i + 1)
  }
  return out
}

/** The pod BasicPod.Generate makes from the flags. */
function podFor(ctx: KubectlContext, name: string, args: string[], restart: string): KObject {
  const labelText = ctx.flags.string('labels')
  const labels = labelText ? keyValues(labelText.split(','), 'label spec') : { run: name }
  const annotations = keyValues(ctx.flags.strings('annotations'), 'annotation')
  const env = ctx.flags.strings('env').map((e) => {
    const i = e.indexOf('=')
    if (i <= 0) throw new KubectlError(`invalid env: ${e}`)
    return { name: e.slice(0, i), value: e.slice(i + 1) }
  })
  const port = ctx.flags.string('port')
  const pull = ctx.flags.string('image-pull-policy')
  const container: Record<string, unknown> = { name, image: ctx.flags.string('image'), resources: {} }
  if (args.length) container[ctx.flags.bool('command') ? 'command' : 'args'] = args
  if (env.length) container.env = env
  if (pull) container.imagePullPolicy = pull
  if (port) container.ports = [{ containerPort: Number(port) }]
  if (ctx.flags.bool('stdin')) Object.assign(container, { stdin: true, stdinOnce: true })
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, creationTimestamp: null, labels, ...(Object.keys(annotations).length ? { annotations } : {}) } as unknown as KObject['metadata'],
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  } as KObject
}

function* runRun(ctx: KubectlContext): Generator<Wait, number, void> {
  if (!ctx.args.length || ctx.argsLenAtDash === 0) throw new UsageError('NAME is required for run', 'kubectl run')
  const timeout = parseGoDuration(ctx.flags.duration('pod-running-timeout'))
  if (typeof timeout === 'string' || timeout <= 0) throw new FlagError('--pod-running-timeout must be higher than zero')
  if (!ctx.flags.string('image')) throw new KubectlError('--image is required')
  const interactive = ctx.flags.bool('stdin')
  if (ctx.flags.bool('tty') && !interactive) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true', 'kubectl run')
  const attach = ctx.flags.changed('attach') ? ctx.flags.bool('attach') : interactive
  const restart = restartPolicy(ctx, interactive)
  const remove = ctx.flags.bool('rm')
  if (!attach && remove) throw new UsageError('--rm should only be used for attached containers', 'kubectl run')
  const dry = dryRunStrategy(ctx)
  if (attach && dry !== 'none') throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", 'kubectl run')
  if (ctx.flags.bool('tty')) throw new KubectlError('a terminal attached to a container (-t/--tty) is not available in this simulated cluster; use kubectl logs -f instead')
  const name = ctx.args[0]
  const args = ctx.args.slice(1)
  let pod = podFor(ctx, name, args, restart)
  if (dry !== 'client') {
    const toSend = { ...pod, metadata: { ...pod.metadata, namespace: ctx.namespace } } as KObject
    delete (toSend.metadata as { creationTimestamp?: unknown }).creationTimestamp
    const opts = writeOptions(ctx, dry === 'server')
    try {
      pod = ctx.api.create(toSend, opts)
    } finally {
      printWarnings(ctx, opts.warnings)
    }
  }
  if (!attach) {
    printWritten(ctx, pod, 'created', dry)
    return 0
  }
  let result: { code: number; failure?: string }
  try {
    result = yield* attachTo(ctx, pod as Pod, restart, timeout)
  } finally {
    // The deferred removal runs before kubectl reports how the pod ended.
    if (remove) removePod(ctx, pod as Pod)
  }
  if (result.failure) ctx.err(result.failure)
  return result.code
}

function restartPolicy(ctx: KubectlContext, interactive: boolean): string {
  const given = ctx.flags.changed('restart') ? ctx.flags.string('restart') : ''
  if (!given) return interactive ? 'OnFailure' : 'Always'
  if (given === 'Always' || given === 'OnFailure' || given === 'Never') return given
  throw new UsageError(`invalid restart policy: ${given}`, 'kubectl run')
}

function current(ctx: KubectlContext, pod: Pod): Pod | undefined {
  const p = ctx.store.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name)
  return p && p.metadata.uid === pod.metadata.uid ? p : undefined
}

const finished = (p: Pod | undefined) => p?.status?.phase === 'Succeeded' || p?.status?.phase === 'Failed'
const runningAndReady = (p: Pod | undefined) =>
  p?.status?.phase === 'Running' && isPodReady(p)

/** handleAttachPod, then the exit code: a finished pod's log, or the output from now on until it exits. */
function* attachTo(ctx: KubectlContext, pod: Pod, restart: string, timeoutMs: number): Generator<Wait, { code: number; failure?: string }, void> {
  const ok = yield* waitUntil(ctx, () => finished(current(ctx, pod)) || runningAndReady(current(ctx, pod)) || !current(ctx, pod), ctx.now() + timeoutMs)
  if (!ok) throw new KubectlError('timed out waiting for the condition')
  const ns = pod.metadata.namespace ?? ctx.namespace
  const container = pod.spec.containers[0].name
  const answer = ctx.cluster.podLogs(ns, pod.metadata.name, container)
  if (answer.ok && finished(current(ctx, pod))) {
    ctx.out(answer.log.entries.map((e) => e.text + (e.partial ? '' : '\n')).join(''))
  } else if (answer.ok) {
    // attach.go says this whether or not there is a terminal, unless --quiet.
    if (!ctx.flags.bool('quiet')) ctx.err("If you don't see a command prompt, try pressing enter.\n")
    let pending = ''
    let open = !answer.log.closed
    const stop = answer.log.follow(
      (e) => {
        pending += e.text + (e.partial ? '' : '\n')
        ctx.host.wake()
      },
      () => {
        open = false
        ctx.host.wake()
      },
    )
    try {
      while (open) {
        yield { until: Infinity }
        if (pending) ctx.out(pending)
        pending = ''
      }
      if (pending) ctx.out(pending)
    } finally {
      stop()
    }
  }
  if (restart === 'Always') return { code: 0 }
  const exitCondition = restart === 'OnFailure' ? (p: Pod | undefined) => p?.status?.phase === 'Succeeded' : finished
  const done = yield* waitUntil(ctx, () => exitCondition(current(ctx, pod)) || !current(ctx, pod), ctx.now() + timeoutMs)
  const p = current(ctx, pod)
  if (!done) throw new KubectlError('timed out waiting for the condition')
  if (!p || p.status.phase === 'Succeeded') return { code: 0 }
  const t = p.status.containerStatuses?.[0]?.state.terminated
  const id = `${p.metadata.namespace}/${p.metadata.name}`
  if (p.status.phase !== 'Failed') return { code: 1, failure: `error: pod ${id} left in phase ${p.status.phase}\n` }
  if (!t || t.exitCode === 0) return { code: 1, failure: `error: pod ${id} failed with unknown exit code\n` }
  // uexec.CodeExitError: the message as is, the container's exit code as kubectl's.
  const msg = `pod ${id} terminated (${t.reason ?? ''})\n${t.message ?? ''}`
  return { code: t.exitCode, failure: msg.endsWith('\n') ? msg : msg + '\n' }
}

/** removeCreatedObjects: delete without waiting, ignoring NotFound; kubectl prints the usual line. */
function removePod(ctx: KubectlContext, pod: Pod): void {
  try {
    ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name)
    if (!ctx.flags.bool('quiet')) ctx.out(`pod "${pod.metadata.name}" deleted\n`)
  } catch {
    // Already gone.
  }
}
