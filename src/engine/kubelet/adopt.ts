// A kubelet that finds a pod's sandbox and containers already running (it restarted; or, here, the lab's cluster
// was set up before the lab began) takes them over as they are: no pull, no restart, the same container IDs,
// start times and logs, as kuberuntime's first relist finds them in the runtime (pkg/kubelet/pleg/generic.go).
import type { ContainerStatus, ContainerStateTerminated, Pod } from '../api/types.ts'
import type { Kernel } from '../kernel/kernel.ts'
import { createRng, type Rng } from '../kernel/rng.ts'
import { newDir, Vfs } from '../../shell/fs/vfs.ts'
import { commandLine, containerEnv } from './container-env.ts'
import { ContainerInstance } from './container.ts'
import type { CState } from './container-start.ts'
import type { ExecSpawner } from './exec.ts'
import type { ImageConfig } from './image-catalog.ts'
import { parseImageRef, resolveImage } from './images.ts'
import type { ContainerLog } from './logs.ts'
import type { PodWorker } from './pod-worker.ts'
import { containerRootFs, type RootFs } from './rootfs.ts'
import type { KubeletServices } from './services.ts'
import { earlierLog, startupLog, systemProgram, type DaemonEnv, type TimedLine } from './system-programs.ts'

/** The status shows the pod running with every container up: the runtime has it, nothing is to be started. */
export function foundRunning(pod: Pod): boolean {
  const st = pod.status
  return st?.phase === 'Running' && !!st.startTime && !!st.containerStatuses?.length && st.containerStatuses.every((c) => !!c.state?.running)
}

/** Take over the pod's sandbox and containers (current and previous runs) from its status. */
export function adoptRunning(w: PodWorker, svc: KubeletServices): void {
  const st = w.pod.status!
  w.adoptSandbox(st.podIP ?? '', st.startTime!)
  for (const c of w.init) adoptContainer(w, svc, c, st.initContainerStatuses?.find((s) => s.name === c.spec.name))
  for (const c of w.main) adoptContainer(w, svc, c, st.containerStatuses?.find((s) => s.name === c.spec.name))
}

interface Found {
  config: ImageConfig
  argv: string[]
  env: Map<string, string>
  program: string
}

function inspect(w: PodWorker, svc: KubeletServices, c: CState): Found {
  const ref = parseImageRef(c.spec.image ?? '')
  const r = 'error' in ref ? ref : resolveImage(ref)
  const config: ImageConfig = 'error' in r ? { flavor: 'distroless', env: [], baselineBytes: 0 } : r.build.config
  const env = containerEnv(w.pod, c.spec, config, svc.node(), { host: svc.hostIP(), pod: w.podIP }, svc.configMap)
  const argv = commandLine(c.spec, config, env.kubeletEnv)
  return { config, argv, env: env.env, program: programOf(config, argv[0]) }
}

/** The image program argv[0] names ("img:sys:<name>" in the catalog), or '' for one that only waits. */
function programOf(config: ImageConfig, argv0: string | undefined): string {
  if (!argv0) return ''
  const base = argv0.slice(argv0.lastIndexOf('/') + 1)
  for (const [path, prog] of Object.entries(config.programs ?? {})) {
    if (prog.startsWith('img:sys:') && (path === argv0 || path.endsWith('/' + base))) return prog.slice('img:sys:'.length)
  }
  return ''
}

function adoptContainer(w: PodWorker, svc: KubeletServices, c: CState, st: ContainerStatus | undefined): void {
  if (!st) return
  const k = svc.ctx.kernel
  const found = inspect(w, svc, c)
  const daemon = (start: number, rng: Rng): DaemonEnv => ({ start, argv: found.argv, env: Object.fromEntries(found.env), random: () => rng.u32() })
  const last = st.lastState?.terminated
  if (last?.containerID) {
    const rng = createRng(`${svc.ctx.config.seed}/random/${last.containerID}`)
    const started = Date.parse(last.startedAt ?? '')
    const log = w.logs.start(c.spec.name, last.containerID)
    fill(log, earlierLog(found.program, daemon(started, rng), Date.parse(last.finishedAt ?? '') - started), started, rng)
    c.instances.push(exited(k, last, st.restartCount - 1, st, log, w))
  }
  const id = st.containerID ?? ''
  const rng = createRng(`${svc.ctx.config.seed}/random/${id}`)
  const log = w.logs.start(c.spec.name, id)
  const term = st.state.terminated
  if (term) {
    const started = Date.parse(term.startedAt ?? '')
    fill(log, startupLog(found.program, daemon(started, rng)), started, rng)
    c.instances.push(exited(k, { ...term, containerID: id }, st.restartCount, st, log, w))
    return
  }
  const started = Date.parse(st.state.running?.startedAt ?? '')
  fill(log, startupLog(found.program, daemon(started, rng)), started, rng)
  const inst = new ContainerInstance(k, id, st.restartCount, st.image, st.imageID, log, () => w.onExit())
  inst.start(
    {
      spawn: (out, err, wake) =>
        systemProgram(
          found.program,
          {
            argv: found.argv,
            opts: { host: { now: () => k.now(), random: () => rng.u32(), wake }, fs: new Vfs(newDir(k.now())), env: Object.fromEntries(found.env), stdout: { write: out }, stderr: { write: err }, pid1: true },
            exec: () => ({ resume: () => ({ done: true, code: 0 }), signal: () => {} }),
          },
          true,
        ),
      memoryLimit: Infinity,
      baselineBytes: 0,
      terminationMessage: () => '',
      fallbackToLogs: false,
      exec: lazyExec(w, svc, c, found, id),
    },
    started,
  )
  inst.seen = 'running'
  c.instances.push(inst)
}

/** The lines the process wrote before this kubelet kept its log, each at its own time. */
function fill(log: ContainerLog, lines: TimedLine[], start: number, rng: Rng): void {
  // containerd stamps a line after the program's own clock read it (the second half of the millisecond).
  for (const l of lines) log.writeAt(start + l.ms, rng.int(500_000, 999_999), l.stream, l.text + '\n')
}

function exited(k: Kernel, t: ContainerStateTerminated, restartCount: number, st: ContainerStatus, log: ContainerLog, w: PodWorker): ContainerInstance {
  const inst = new ContainerInstance(k, t.containerID ?? '', Math.max(0, restartCount), st.image, st.imageID, log, () => w.onExit())
  inst.state = 'exited'
  inst.startedAt = Date.parse(t.startedAt ?? '')
  inst.finishedAt = Date.parse(t.finishedAt ?? '')
  inst.exitCode = t.exitCode
  inst.reason = t.reason
  if (t.message) inst.message = t.message
  inst.seen = 'exited'
  log.close()
  return inst
}

/** kubectl exec into a container found running: its filesystem is put together on the first exec. */
function lazyExec(w: PodWorker, svc: KubeletServices, c: CState, found: Found, id: string): ExecSpawner {
  const k = svc.ctx.kernel
  let root: RootFs | undefined
  return (cmd, out, err, wake) => {
    const rt = svc.runtime()
    root ??= containerRootFs(rt, w.pod, c.spec, found.config, w.volumes, () => k.now(), w.podIP)
    const path = found.env.get('PATH') ?? ''
    const reason = rt.resolve(root.fs, cmd[0], root.cwd, path)
    if (reason) return reason
    const execRng = createRng(`${svc.ctx.config.seed}/exec/${id}/${k.now()}`)
    return rt.spawn(cmd, { host: { now: () => k.now(), random: () => execRng.u32(), wake }, fs: root.fs, env: Object.fromEntries(found.env), cwd: root.cwd, stdout: { write: out }, stderr: { write: err }, pid1: false, interactive: false })
  }
}
