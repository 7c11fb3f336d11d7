// kubectl exec (POD | TYPE/NAME) [-c CONTAINER] -- COMMAND [args...]: run a command in a running
// container and pass its output and exit status on ("command terminated with exit code N").
// Upstream: kubernetes/kubectl pkg/cmd/exec/exec.go (v0.33); a terminal (-t) is not simulated.
import { StatusError } from '../../engine/api/errors.ts'
import type { Job, KObject, Pod } from '../../engine/api/types.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { KubectlError, UsageError } from '../errors.ts'
import { resolveResource } from '../mapper.ts'
import { labelsMatch, selectorRequirements } from '../selectors.ts'
import { containersFor } from './logs-select.ts'

export const execVerb: Verb = {
  name: 'exec',
  short: 'Execute a command in a container',
  flags: [
    { name: 'container', short: 'c', type: 'string', usage: 'The container to run the command in; defaults to the first (or the default-container annotation).' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container.' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY (not available in this lab).' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only print the command\'s own output.' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s', usage: 'How long to wait for a pod of TYPE/NAME.' },
  ],
  help: {
    long: 'Execute a command in a container.',
    examples: [
      '# List the files a backup Job wrote to its volume, from a pod that mounts it',
      'kubectl exec reader -- ls -l /backup',
      '',
      '# Run a command in the container "b" of a pod',
      'kubectl exec mypod -c b -- date',
    ],
    usage: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  },
  run: (ctx) => runExec(ctx),
}

/** AttachablePodForObject for a Job: one of its pods, running ones first, then the newest. */
function podOfJob(ctx: KubectlContext, job: Job): Pod {
  const reqs = selectorRequirements(job.spec.selector)
  const pods = ctx.store.list<Pod>('Pod', job.metadata.namespace).filter((p) => labelsMatch(reqs, p.metadata.labels))
  const rank = (p: Pod) => (p.status?.phase === 'Running' ? 0 : p.status?.phase === 'Pending' ? 1 : 2)
  pods.sort((a, b) => rank(a) - rank(b) || (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? 1 : -1))
  if (!pods.length) throw new KubectlError('timed out waiting for the condition')
  return pods[0]
}

function target(ctx: KubectlContext, arg: string): Pod {
  const slash = arg.indexOf('/')
  const r = resolveResource(slash < 0 ? 'pods' : arg.slice(0, slash))
  const obj: KObject = ctx.api.get(r.kind, r.namespaced ? ctx.namespace : undefined, slash < 0 ? arg : arg.slice(slash + 1))
  if (obj.kind === 'Pod') return obj as Pod
  if (obj.kind === 'Job') return podOfJob(ctx, obj as Job)
  throw new KubectlError(`cannot attach to *v1.${obj.kind}: selector for *v1.${obj.kind} not implemented`)
}

/** -c as given (the apiserver checks it), else FindOrDefaultContainerByName: its notice unless --quiet. */
function containerOf(ctx: KubectlContext, pod: Pod): string {
  const given = ctx.flags.string('container')
  if (given) return given
  if (!ctx.flags.bool('quiet')) return containersFor(ctx, pod, '', false, false)[0].container
  const preferred = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']
  return preferred && pod.spec.containers.some((c) => c.name === preferred) ? preferred : pod.spec.containers[0].name
}

function* runExec(ctx: KubectlContext): Generator<Wait, number, void> {
  const args = ctx.args
  const dash = ctx.argsLenAtDash
  if (dash < 0 && args.length > 1) throw new UsageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', 'kubectl exec')
  const name = args.length > 0 && dash !== 0 ? args[0] : ''
  const command = dash > -1 ? args.slice(dash) : []
  if (!name) throw new KubectlError('pod, type/name or --filename must be specified')
  if (!command.length) throw new KubectlError('you must specify at least one command for the container')
  const pod = target(ctx, name)
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`)
  if (ctx.flags.bool('tty')) throw new KubectlError('a terminal attached to a container (-t/--tty) is not available in this simulated cluster; run the command without -t')
  const container = containerOf(ctx, pod)
  let code: number | undefined
  let out = ''
  let err = ''
  const answer = ctx.cluster.podExec(pod.metadata.namespace ?? ctx.namespace, pod.metadata.name, container, command, {
    stdout: (s) => {
      out += s
      ctx.host.wake()
    },
    stderr: (s) => {
      err += s
      ctx.host.wake()
    },
    onExit: (c) => {
      code = c
      ctx.host.wake()
    },
  })
  if (!answer.ok) {
    if (answer.code === 500) throw new KubectlError(`unable to upgrade connection: ${answer.message}`)
    const reason = answer.code === 404 ? 'NotFound' : 'BadRequest'
    throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: answer.message, reason, code: answer.code })
  }
  try {
    for (;;) {
      if (out) ctx.out(out)
      if (err) ctx.err(err)
      out = err = ''
      if (code !== undefined) break
      yield { until: Infinity }
    }
  } finally {
    if (code === undefined) answer.kill()
  }
  if (code !== 0) ctx.err(`command terminated with exit code ${code}\n`)
  return code
}
