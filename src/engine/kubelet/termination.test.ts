import { describe, expect, it } from 'vitest'
import { createPod, eventLines, getPod, makeNodes, statusTrail, T0 } from './testing.ts'

const forever = (extra: string[] = []) => [{ name: 'c', image: 'busybox:1.36', command: ['fake', ...extra, 'forever'] }]
const gone = (core: ReturnType<typeof makeNodes>, name: string) => !core.store.get('Pod', 'default', name)

describe('termination (kuberuntime killContainer, status manager)', () => {
  it('a PID 1 without a TERM trap ignores TERM and is killed after the 30 s grace period (exit 137)', () => {
    const core = makeNodes()
    const trail = statusTrail(core, 'p')
    createPod(core, 'p', { containers: forever() })
    core.kernel.advance(5000)
    core.api.delete('Pod', 'default', 'p')
    core.kernel.advance(29_900)
    expect(gone(core, 'p')).toBe(false)
    core.kernel.advance(500)
    expect(gone(core, 'p')).toBe(true)
    expect(trail).toEqual(['0.000 Pending Pending restarts=0', '0.014 Pending ContainerCreating restarts=0', '2.386 Running Running restarts=0', '5.000 Running Running restarts=0 deleting', '35.078 Failed Error restarts=0 deleting'])
    // The process never exited on its own: the KILL ended it.
    expect(core.runtime.exits).toEqual([])
    expect(eventLines(core, 'p').slice(-1)).toEqual(['5.000 Normal Killing Stopping container c'])
  })

  it('a TERM trap ends the container at once: the pod goes within a second', () => {
    const core = makeNodes()
    createPod(core, 'p', { containers: forever(['trap:143']) })
    core.kernel.advance(5000)
    core.api.delete('Pod', 'default', 'p')
    let status = ''
    core.store.watch((e) => {
      const p = e.object as import('../api/types.ts').Pod
      if (e.type === 'MODIFIED' && p.status.phase === 'Failed') status = JSON.stringify(p.status.containerStatuses![0].state.terminated)
    }, 'Pod')
    core.kernel.advance(1000)
    expect(gone(core, 'p')).toBe(true)
    expect(core.runtime.exits.map((e) => [(e.at - T0) / 1000, e.code])).toEqual([[5, 143]])
    expect(JSON.parse(status)).toMatchObject({ exitCode: 143, reason: 'Error', startedAt: '2026-01-01T00:00:01Z', finishedAt: '2026-01-01T00:00:05Z' })
  })

  // The container exits on its own a moment before the delete arrives, and the next PLEG
  // relist comes while the terminal status is still being generated: the status manager
  // deletes the pod only after writing that status (kubelet status_manager canBeDeleted).
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('exited just before the delete (seed %i): the pod goes out with its terminal status', (seed) => {
    const core = makeNodes(seed)
    const trail = statusTrail(core, 'p')
    createPod(core, 'p', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'sleep:3000', 'exit:1'] }] })
    core.kernel.advance(3000)
    // The relist after the exit (relists tick every second, at a phase per node), 5 ms ahead of it.
    const exitAt = core.runtime.spawns[0].at + 3000
    const relists = trail.map((l) => Math.round(Number(l.split(' ')[0]) * 1000) % 1000)
    const relist = T0 + Math.ceil((exitAt - T0 - relists[relists.length - 1]) / 1000) * 1000 + relists[relists.length - 1]
    core.kernel.runUntil(relist - 5)
    core.api.delete('Pod', 'default', 'p')
    core.kernel.advance(2000)
    expect(gone(core, 'p')).toBe(true)
    expect(trail[trail.length - 1]).toMatch(/^\d+\.\d{3} Failed Error restarts=0 deleting$/)
  })

  it('--grace-period=0 --force: the pod object goes at once; the kubelet still gives the container 2 s', () => {
    const core = makeNodes()
    createPod(core, 'p', { containers: forever() })
    core.kernel.advance(5000)
    core.api.delete('Pod', 'default', 'p', { gracePeriodSeconds: 0 })
    expect(gone(core, 'p')).toBe(true)
    const node = core.kubelets.get('node01')!
    expect(node.podCount).toBe(0)
  })

  it('a second delete with a shorter grace period brings the kill forward', () => {
    const core = makeNodes()
    createPod(core, 'p', { containers: forever() })
    core.kernel.advance(5000)
    core.api.delete('Pod', 'default', 'p', { gracePeriodSeconds: 60 })
    core.kernel.advance(1000)
    core.api.delete('Pod', 'default', 'p', { gracePeriodSeconds: 3 })
    core.kernel.advance(3500)
    expect(gone(core, 'p')).toBe(true)
  })

  it('deleted while its image is being pulled: nothing to stop, the pod fails and goes', () => {
    const core = makeNodes()
    const trail = statusTrail(core, 'p')
    createPod(core, 'p', { containers: [{ name: 'c', image: 'centos:7', command: ['fake', 'forever'] }] })
    core.kernel.advance(3000)
    core.api.delete('Pod', 'default', 'p')
    core.kernel.advance(1000)
    expect(gone(core, 'p')).toBe(true)
    expect(trail.slice(-2)).toEqual(['3.000 Pending ContainerCreating restarts=0 deleting', '3.125 Failed ContainerStatusUnknown restarts=0 deleting'])
    expect(core.runtime.spawns).toEqual([])
  })

  it('a finished pod is removed by the apiserver without the kubelet', () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake'] }] })
    core.kernel.advance(10_000)
    core.api.delete('Pod', 'default', 'p')
    expect(gone(core, 'p')).toBe(true)
  })
})

describe('activeDeadlineSeconds and memory limits', () => {
  it('past activeDeadlineSeconds: Failed/DeadlineExceeded at once, containers killed after the grace period', () => {
    const core = makeNodes()
    const trail = statusTrail(core, 'p')
    createPod(core, 'p', { restartPolicy: 'Never', activeDeadlineSeconds: 10, terminationGracePeriodSeconds: 5, containers: forever() })
    core.kernel.advance(30_000)
    expect(trail).toEqual(['0.000 Pending Pending restarts=0', '0.014 Pending ContainerCreating restarts=0', '2.386 Running Running restarts=0', '10.000 Failed Running restarts=0', '15.078 Failed Error restarts=0'])
    const st = getPod(core, 'p').status
    expect([st.phase, st.reason, st.message, st.containerStatuses![0].state.terminated?.exitCode]).toEqual(['Failed', 'DeadlineExceeded', 'Pod was active on the node longer than the specified deadline', 137])
    expect(eventLines(core, 'p').slice(-2)).toEqual(['10.000 Normal DeadlineExceeded Pod was active on the node longer than the specified deadline', '10.000 Normal Killing Stopping container c'])
  })

  it('over its memory limit a container is OOMKilled (137)', () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'sleep:1000', 'mem:200000000', 'forever'], resources: { limits: { memory: '128Mi' } } }] })
    core.kernel.advance(10_000)
    const st = getPod(core, 'p').status
    expect([st.phase, st.containerStatuses![0].state.terminated]).toEqual([
      'Failed',
      { exitCode: 137, reason: 'OOMKilled', startedAt: '2026-01-01T00:00:01Z', finishedAt: '2026-01-01T00:00:02Z', containerID: st.containerStatuses![0].containerID },
    ])
  })

  it("an image whose own process needs more than the limit is OOMKilled as it starts (mysql in 128Mi)", () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'mysql:8.0', command: ['fake', 'forever'], resources: { limits: { memory: '128Mi' } } }] })
    core.kernel.advance(40_000)
    expect(getPod(core, 'p').status.containerStatuses![0].state.terminated?.reason).toBe('OOMKilled')
  })
})
