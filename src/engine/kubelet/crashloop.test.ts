import { describe, expect, it } from 'vitest'
import { createPod, eventLines, getPod, makeNodes, statusTrail } from './testing.ts'

/** Whole seconds from each exit to the next start (the restart delay). */
function gaps(core: ReturnType<typeof makeNodes>): number[] {
  const { spawns, exits } = core.runtime
  return spawns.slice(1).map((s, i) => Math.floor((s.at - exits[i].at) / 1000))
}

describe('CrashLoopBackOff (research §3.4, kuberuntime doBackOff)', () => {
  it('TestSlowBackoff timeline: restarts after 0, 10, 20, 40, 80, 160, 300, 300 s', () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'exit:1'] }] })
    core.kernel.advance(20 * 60_000)
    expect(gaps(core)).toEqual([0, 10, 20, 40, 80, 160, 300, 300])
  })

  it('the status alternates Error and CrashLoopBackOff; the waiting message names the window', () => {
    const core = makeNodes()
    const trail = statusTrail(core, 'p')
    createPod(core, 'p', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'exit:1'] }] })
    core.kernel.advance(50_000)
    expect(trail).toEqual([
      '0.000 Pending Pending restarts=0',
      '0.014 Pending ContainerCreating restarts=0',
      '2.386 Running Error restarts=0',
      '3.386 Running Error restarts=1',
      '12.455 Running CrashLoopBackOff restarts=1',
      '13.386 Running Error restarts=2',
      '23.386 Running CrashLoopBackOff restarts=2',
      '33.386 Running Error restarts=3',
      '43.386 Running CrashLoopBackOff restarts=3',
    ])
    const uid = getPod(core, 'p').metadata.uid
    expect(getPod(core, 'p').status.containerStatuses![0].state).toEqual({ waiting: { reason: 'CrashLoopBackOff', message: `back-off 40s restarting failed container=c pod=p_default(${uid})` } })
    expect(eventLines(core, 'p').slice(-1)).toEqual([`3.000 Warning BackOff Back-off restarting failed container c in pod p_default(${uid}) (x5)`])
  })

  it('research §11.2: OnFailure, exit 1 after 1 s: runs start at 0, 1, 12 and 33 s (plus the kubelet\'s latency)', () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'sleep:1000', 'exit:1'] }] })
    core.kernel.advance(40_000)
    const first = core.runtime.spawns[0].at
    expect(core.runtime.spawns.map((s) => Math.floor((s.at - first) / 1000))).toEqual([0, 1, 12, 33])
    expect(getPod(core, 'p').status.containerStatuses![0].restartCount).toBe(3)
  })

  it('a container that ran more than 10 minutes restarts at once again (the back-off entry expired)', () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'Always', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'crash-first:3', 'sleep:660000', 'exit:1'] }] })
    core.kernel.advance(30 * 60_000)
    expect(gaps(core).slice(0, 4)).toEqual([0, 10, 20, 0])
  })

  it('a run shorter than 10 minutes keeps doubling the window', () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'Always', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'crash-first:3', 'sleep:540000', 'exit:1'] }] })
    core.kernel.advance(30 * 60_000)
    expect(gaps(core).slice(0, 4)).toEqual([0, 10, 20, 40])
  })

  it('restartPolicy Always restarts a container that exited 0 as well', () => {
    const core = makeNodes()
    createPod(core, 'p', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'out:done'] }] })
    core.kernel.advance(30_000)
    const st = getPod(core, 'p').status
    expect([st.phase, st.containerStatuses![0].restartCount, st.containerStatuses![0].lastState.terminated?.reason]).toEqual(['Running', 2, 'Completed'])
  })

  it('restartPolicy Never: no restart, the pod fails with RESTARTS 0', () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'sleep:1000', 'exit:2'] }] })
    core.kernel.advance(60_000)
    const st = getPod(core, 'p').status
    expect([st.phase, st.containerStatuses![0].restartCount, st.containerStatuses![0].state.terminated?.exitCode, core.runtime.spawns.length]).toEqual(['Failed', 0, 2, 1])
  })
})
