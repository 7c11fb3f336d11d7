// Test harness for the scheduler and the kubelets: a cluster core (kernel, store,
// API server with pass-through admission, recorder, the default nodes) without the
// controllers, plus helpers to create pods and read what happened.
import { ApiServer, type Admission } from '../api/server.ts'
import { Store } from '../api/store.ts'
import type { Event, KObject, Node, Pod, PodSpec } from '../api/types.ts'
import { defaultNodes } from '../cluster-defaults.ts'
import type { ControllerContext } from '../context.ts'
import { StoreEventRecorder } from '../events/recorder.ts'
import { Kernel } from '../kernel/kernel.ts'
import { Scheduler } from '../scheduler/scheduler.ts'
import type { Proc, ShellOptions, Yield } from '../../shell/api.ts'
import { newDir, type DirNode, type Vfs } from '../../shell/fs/vfs.ts'
import type { Flavor } from './image-catalog.ts'
import { Kubelet } from './kubelet.ts'
import type { ContainerRuntime } from './runtime.ts'
import { Provisioner } from './storage.ts'

export const T0 = Date.UTC(2026, 0, 1)

const passThrough: Admission = { create: (o) => o, update: (o) => o }

export interface Core {
  kernel: Kernel
  store: Store
  api: ApiServer
  recorder: StoreEventRecorder
  ctx: ControllerContext
}

export function makeCore(seed: number | string = 1): Core {
  const kernel = new Kernel(T0, seed)
  const store = new Store(kernel)
  const api = new ApiServer(store, kernel, passThrough)
  const recorder = new StoreEventRecorder(kernel, store)
  const ctx: ControllerContext = { kernel, store, api, recorder, config: { seed, start: T0, controllerTimeZone: 'UTC' } }
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: {}, status: { phase: 'Active' } } as KObject)
  for (const n of defaultNodes(T0)) store.create(n)
  return { kernel, store, api, recorder, ctx }
}

export function withScheduler(core: Core): Scheduler {
  return new Scheduler(core.ctx)
}

/** A pod as the apiserver stores it after defaulting (the fields the kubelet reads). */
export function createPod(core: Core, name: string, spec: Partial<PodSpec> & Pick<PodSpec, 'containers'>, meta: Partial<Pod['metadata']> = {}): Pod {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', ...meta },
    spec: {
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
      enableServiceLinks: true,
      priority: 0,
      ...spec,
      containers: spec.containers.map((c) => ({ imagePullPolicy: defaultPullPolicy(c.image), terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {}, ...c })),
      initContainers: spec.initContainers?.map((c) => ({ imagePullPolicy: defaultPullPolicy(c.image), terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {}, ...c })),
    },
    status: { phase: 'Pending', qosClass: 'BestEffort' },
  } as Pod
  if (!pod.spec.initContainers) delete pod.spec.initContainers
  return core.store.create(pod)
}

function defaultPullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  const i = image ?? ''
  const tag = i.includes('@') ? 'digest' : i.slice(i.lastIndexOf('/') + 1).includes(':') ? i.slice(i.lastIndexOf(':') + 1) : 'latest'
  return tag === 'latest' ? 'Always' : 'IfNotPresent'
}

export function getPod(core: Core, name: string): Pod {
  return core.store.get<Pod>('Pod', 'default', name)!
}

/** Events about an object: "<seconds since T0> <type> <reason> <message>" in recording order. */
export function eventLines(core: Core, objName: string): string[] {
  return core.store
    .list<Event>('Event')
    .filter((e) => e.involvedObject.name === objName)
    .map((e) => {
      const at = e.eventTime ? Date.parse(e.eventTime) : Date.parse(e.firstTimestamp!)
      const n = e.count && e.count > 1 ? ` (x${e.count})` : ''
      return `${((at - T0) / 1000).toFixed(3)} ${e.type} ${e.reason} ${e.message}${n}`
    })
}

/**
 * A container runtime for tests. Programs are `fake` followed by steps:
 * out:TEXT, err:TEXT (a line), sleep:MS, exit:N (end now), mem:BYTES (memory held),
 * trap:N (on TERM exit N; without it TERM is ignored, as PID 1 does),
 * write:PATH:TEXT and read:PATH (file in the container, read prints it), forever,
 * crash-first:N (the first N runs of this command line exit 1 at once).
 * Any other argv[0] is "not found in $PATH".
 */
export class FakeRuntime implements ContainerRuntime {
  readonly spawns: { at: number; argv: string[]; env: Record<string, string>; cwd: string }[] = []
  readonly exits: { at: number; code: number }[] = []
  private runs = new Map<string, number>()

  makeRootFs(_flavor: Flavor, now: number): DirNode {
    const root = newDir(now)
    for (const d of ['bin', 'etc', 'tmp', 'root', 'dev']) root.entries.set(d, newDir(now))
    return root
  }

  resolve(_fs: Vfs, argv0: string): string | null {
    if (argv0 === 'fake' || argv0 === 'sh' || argv0 === '/bin/sh') return null
    return argv0.includes('/') ? `exec: ${JSON.stringify(argv0)}: stat ${argv0}: no such file or directory` : `exec: ${JSON.stringify(argv0)}: executable file not found in $PATH`
  }

  spawn(argv: string[], opts: ShellOptions): Proc {
    this.spawns.push({ at: opts.host.now(), argv, env: opts.env, cwd: opts.cwd ?? '/' })
    const steps = argv[0] === 'fake' ? argv.slice(1) : ['exit:0']
    const key = argv.join(' ')
    const run = (this.runs.get(key) ?? 0) + 1
    this.runs.set(key, run)
    let i = 0
    let until = -1
    let mem = 0
    let trap: number | null = null
    let termed = false
    const done = (code: number): Yield => {
      this.exits.push({ at: opts.host.now(), code })
      return { done: true, code }
    }
    return {
      memoryBytes: () => mem,
      signal: (sig) => {
        if (sig === 'KILL' || (sig === 'TERM' && trap !== null)) termed = true
      },
      resume: (): Yield => {
        const now = opts.host.now()
        if (termed) return done(trap ?? 137)
        if (until > now) return { done: false, until }
        while (i < steps.length) {
          const step = steps[i++]
          const [op, ...rest] = step.split(':')
          const arg = rest.join(':')
          if (op === 'out') opts.stdout.write(arg + '\n')
          else if (op === 'err') opts.stderr.write(arg + '\n')
          else if (op === 'exit') return done(Number(arg))
          else if (op === 'mem') mem = Number(arg)
          else if (op === 'crash-first') {
            if (run <= Number(arg)) return done(1)
          }
          else if (op === 'trap') trap = Number(arg)
          else if (op === 'write') opts.fs.writeFile(rest[0], rest.slice(1).join(':'))
          else if (op === 'read') opts.stdout.write(opts.fs.exists(arg) ? opts.fs.readFile(arg) : `${arg}: missing\n`)
          else if (op === 'throw') throw new Error('interpreter bug')
          else if (op === 'sleep') {
            until = now + Number(arg)
            return { done: false, until }
          } else if (op === 'forever') {
            i--
            return { done: false, until: Infinity }
          }
        }
        return done(0)
      },
    }
  }
}

export interface KubeletCore extends Core {
  runtime: FakeRuntime
  /** The runtime the kubelets use: the fake, unless a real one was asked for. */
  used: ContainerRuntime
  kubelets: Map<string, Kubelet>
  provisioner: Provisioner
}

/** A core with the scheduler, a provisioner and a kubelet per node, all on a fake runtime. */
export function makeNodes(seed: number | string = 1, real?: ContainerRuntime): KubeletCore {
  const core = makeCore(seed)
  const runtime = new FakeRuntime()
  const used = real ?? runtime
  withScheduler(core)
  const provisioner = new Provisioner(core.ctx)
  const kubelets = new Map<string, Kubelet>()
  for (const n of core.store.list<Node>('Node')) kubelets.set(n.metadata.name, new Kubelet(core.ctx, n.metadata.name, { runtime: used, volumes: provisioner.volumes }))
  return { ...core, runtime, used, kubelets, provisioner }
}

/** Watch a pod and note each status change as "<s since T0> <phase> <kubectl-like status>". */
export function statusTrail(core: Core, name: string): string[] {
  const out: string[] = []
  core.store.watch((e) => {
    const p = e.object as Pod
    if (p.metadata.name !== name || e.type === 'DELETED') return
    const cs = p.status?.containerStatuses?.[0]
    const st = cs?.state.waiting?.reason ?? cs?.state.terminated?.reason ?? (cs?.state.running ? 'Running' : p.status?.phase)
    const line = `${p.status?.phase} ${st} restarts=${cs?.restartCount ?? 0}${p.metadata.deletionTimestamp ? ' deleting' : ''}`
    if (out.length && out[out.length - 1].endsWith(' ' + line)) return
    out.push(`${((core.kernel.now() - T0) / 1000).toFixed(3)} ${line}`)
  }, 'Pod')
  return out
}
