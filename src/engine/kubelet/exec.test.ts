// pods/exec through the kubelet: a process beside the container's, its output and exit status;
// runc's 126 for a missing command; the apiserver's and kubelet's refusals; processes die with
// the container (exit 137). Upstream: kubelet server streaming, runc exec, ExecLocation.
import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/types.ts'
import { execPreflight, type ExecIO } from './exec.ts'
import { createPod, getPod, makeNodes } from './testing.ts'

function collect(core: ReturnType<typeof makeNodes>) {
  const r = { out: '', err: '', code: undefined as number | undefined, at: 0 }
  const io: ExecIO = {
    stdout: (s) => (r.out += s),
    stderr: (s) => (r.err += s),
    onExit: (c) => {
      r.code = c
      r.at = core.kernel.now()
    },
  }
  return { r, io }
}

function exec(core: ReturnType<typeof makeNodes>, container: string, argv: string[], io: ExecIO) {
  const pod = getPod(core, 'p')
  const bad = execPreflight(pod, 'p', container)
  if (bad) return { ok: false as const, ...bad }
  return core.kubelets.get(pod.spec.nodeName!)!.exec(pod.metadata.uid, container, argv, io)
}

describe('exec in a container', () => {
  it('runs beside the container and reports its output and exit status', () => {
    const core = makeNodes()
    createPod(core, 'p', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'forever'] }] })
    core.kernel.advance(5000)
    const { r, io } = collect(core)
    expect(exec(core, 'c', ['fake', 'out:hi', 'err:oops', 'sleep:1500', 'exit:3'], io).ok).toBe(true)
    core.kernel.advance(2000)
    expect(r).toEqual({ out: 'hi\n', err: 'oops\n', code: 3, at: Date.UTC(2026, 0, 1) + 6500 })
  })

  it('a command runc cannot find: containerd reports it and the exec ends with 126', () => {
    const core = makeNodes()
    createPod(core, 'p', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'forever'] }] })
    core.kernel.advance(5000)
    const { r, io } = collect(core)
    exec(core, 'c', ['nosuch'], io)
    core.kernel.advance(10)
    expect(r.code).toBe(126)
    expect(r.err).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown\n')
  })

  it('processes die with their container (137)', () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'sleep:6000', 'exit:0'] }] })
    core.kernel.advance(5000)
    const { r, io } = collect(core)
    exec(core, 'c', ['fake', 'forever'], io)
    core.kernel.advance(3000)
    expect(r.code).toBe(137)
  })

  const REFUSALS: [string, (core: ReturnType<typeof makeNodes>) => void, string, { ok: boolean; code?: number; message?: string }][] = [
    ['no such pod', () => {}, 'c', { ok: false, code: 404, message: 'pods "p" not found' }],
    ['no such container', (core) => createPod(core, 'p', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'forever'] }] }), 'x', { ok: false, code: 400, message: 'container x is not valid for pod p' }],
    ['not scheduled', (core) => createPod(core, 'p', { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake'] }] }), 'c', { ok: false, code: 400, message: 'pod p does not have a host assigned' }],
    ['still being created', (core) => createPod(core, 'p', { containers: [{ name: 'c', image: 'centos:7', command: ['fake', 'forever'] }] }), 'c', { ok: false, code: 500, message: 'container not found ("c")' }],
  ]
  for (const [name, setup, container, want] of REFUSALS) {
    it(name, () => {
      const core = makeNodes()
      setup(core)
      core.kernel.advance(3000)
      const pod: Pod | undefined = core.store.get<Pod>('Pod', 'default', 'p')
      const bad = execPreflight(pod, 'p', container)
      const got = bad ? { ok: false, ...bad } : core.kubelets.get(pod!.spec.nodeName!)!.exec(pod!.metadata.uid, container, ['fake'], collect(core).io)
      expect(got).toEqual(want)
    })
  }
})
