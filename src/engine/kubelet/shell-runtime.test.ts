import { describe, expect, it } from 'vitest'
import { renderLog } from './logs.ts'
import { shellRuntime } from './shell-runtime.ts'
import { createPod, eventLines, getPod, makeNodes, statusTrail } from './testing.ts'

function logs(core: ReturnType<typeof makeNodes>, pod: string, previous = false): string {
  const p = getPod(core, pod)
  const r = core.kubelets.get(p.spec.nodeName!)!.logs(p.metadata.uid, p.spec.containers[0].name, { previous })
  return r.ok ? renderLog(r.log.entries) : `error ${r.message}`
}

describe('containers running real scripts through the shell', () => {
  it("the seed's countdown container (centos:7, bin/bash relative to /): 9…1, two seconds apart", () => {
    const core = makeNodes(1, shellRuntime)
    const trail = statusTrail(core, 'p')
    createPod(core, 'p', { restartPolicy: 'OnFailure', containers: [{ name: 'counter', image: 'centos:7', command: ['bin/bash', '-c', 'for i in 9 8 7 6 5 4 3 2 1; do echo $i; sleep 2; done'] }] })
    core.kernel.advance(40_000)
    expect(logs(core, 'p')).toBe('9\n8\n7\n6\n5\n4\n3\n2\n1\n')
    const t = getPod(core, 'p').status.containerStatuses![0].state.terminated!
    expect([t.exitCode, t.reason, (Date.parse(t.finishedAt!) - Date.parse(t.startedAt!)) / 1000]).toEqual([0, 'Completed', 18])
    expect(trail.map((l) => l.replace(/^\S+ /, ''))).toEqual(['Pending Pending restarts=0', 'Pending ContainerCreating restarts=0', 'Running Running restarts=0', 'Succeeded Completed restarts=0'])
  })

  it('a container without a command runs the image CMD: busybox sh exits 0 at once', () => {
    const core = makeNodes(1, shellRuntime)
    createPod(core, 'p', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36' }] })
    core.kernel.advance(10_000)
    const t = getPod(core, 'p').status.containerStatuses![0].state.terminated!
    expect([t.exitCode, t.reason]).toEqual([0, 'Completed'])
  })

  it('nginx runs its entrypoint and keeps running; deleting it stops it gracefully (exit 0)', () => {
    const core = makeNodes(1, shellRuntime)
    createPod(core, 'web', { containers: [{ name: 'web', image: 'nginx:1.27' }] })
    core.kernel.advance(20_000)
    expect(getPod(core, 'web').status.phase).toBe('Running')
    expect(logs(core, 'web').split('\n')[8]).toBe('/docker-entrypoint.sh: Configuration complete; ready for start up')
    let code = -1
    core.store.watch((e) => {
      const t = (e.object as import('../api/types.ts').Pod).status?.containerStatuses?.[0]?.state.terminated
      if (t) code = t.exitCode
    }, 'Pod')
    core.api.delete('Pod', 'default', 'web')
    core.kernel.advance(5_000)
    expect([code, core.store.get('Pod', 'default', 'web')]).toEqual([0, undefined])
  })

  it("a script's TERM trap runs on deletion; without one PID 1 ignores TERM until the KILL", () => {
    const core = makeNodes(1, shellRuntime)
    createPod(core, 'trapped', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'trap "echo bye; exit 0" TERM; while true; do sleep 1; done'] }] })
    createPod(core, 'stubborn', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }] })
    core.kernel.advance(10_000)
    const ended: Record<string, number> = {}
    core.store.watch((e) => {
      if (e.type === 'DELETED') ended[e.object.metadata.name] = Math.round((core.kernel.now() - Date.UTC(2026, 0, 1)) / 1000)
    }, 'Pod')
    core.api.delete('Pod', 'default', 'trapped')
    core.api.delete('Pod', 'default', 'stubborn')
    core.kernel.advance(40_000)
    expect(ended).toEqual({ trapped: 11, stubborn: 40 })
  })

  it('each container start gets its own $RANDOM stream', () => {
    const core = makeNodes(1, shellRuntime)
    createPod(core, 'p', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo $RANDOM $RANDOM; exit 1'] }] })
    core.kernel.advance(5_000)
    const [a, b] = [logs(core, 'p', true), logs(core, 'p')]
    expect(a).toMatch(/^\d+ \d+\n$/)
    expect(b).toMatch(/^\d+ \d+\n$/)
    expect(a).not.toBe(b)
  })

  it('a command the image does not have fails to start with runc\'s message', () => {
    const core = makeNodes(1, shellRuntime)
    createPod(core, 'p', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['bash', '-c', 'echo hi'] }] })
    core.kernel.advance(10_000)
    expect(eventLines(core, 'p').slice(-1)).toEqual(['1.000 Warning Failed Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown'])
  })

  it('the kubelet-managed files: /etc/hostname, /etc/hosts, /etc/resolv.conf', () => {
    const core = makeNodes(1, shellRuntime)
    createPod(core, 'p', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'cat /etc/hostname /etc/hosts /etc/resolv.conf'] }] })
    core.kernel.advance(10_000)
    const ip = getPod(core, 'p').status.podIP
    expect(logs(core, 'p')).toBe(
      `p\n# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\tp\nsearch default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
    )
  })
})
