import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/types.ts'
import { createPod, getPod, makeNodes, T0 } from './testing.ts'

function trail(core: ReturnType<typeof makeNodes>, name: string): string[] {
  const out: string[] = []
  core.store.watch((e) => {
    const p = e.object as Pod
    if (p.metadata.name !== name || e.type === 'DELETED' || !p.status.initContainerStatuses) return
    const st = (c: NonNullable<Pod['status']['containerStatuses']>[number]) => c.state.waiting?.reason ?? c.state.terminated?.reason ?? (c.started ? 'Started' : 'Running')
    const ready = p.status.conditions!.find((c) => c.type === 'Ready')!
    const line = `${p.status.phase} sidecar=${st(p.status.initContainerStatuses[0])} main=${st(p.status.containerStatuses![0])} Ready=${ready.status}${ready.message ? ' ' + ready.message : ''}`
    if (out.length && out[out.length - 1].endsWith(' ' + line)) return
    out.push(`${Math.round((core.kernel.now() - T0) / 1000)}s ${line}`)
  }, 'Pod')
  return out
}

const spec = (sidecarSteps: string[]) => ({
  restartPolicy: 'Never' as const,
  initContainers: [{ name: 'shipper', image: 'busybox:1.36', restartPolicy: 'Always', command: ['fake', ...sidecarSteps, 'forever'] }],
  containers: [{ name: 'work', image: 'busybox:1.36', command: ['fake', 'sleep:5000'] }],
})

describe('sidecar containers (restartable init containers, GA in 1.33)', () => {
  it('the sidecar starts first and runs beside the container; when the work is done it is stopped and the pod Succeeds', () => {
    const core = makeNodes()
    const t = trail(core, 'p')
    createPod(core, 'p', spec(['trap:0']))
    core.kernel.advance(30_000)
    expect(t).toEqual([
      '0s Pending sidecar=PodInitializing main=PodInitializing Ready=False containers with unready status: [shipper work]',
      '2s Pending sidecar=Started main=PodInitializing Ready=False containers with unready status: [work]',
      '3s Running sidecar=Started main=Started Ready=True',
      '8s Running sidecar=Started main=Completed Ready=False containers with unready status: [work]',
      '8s Succeeded sidecar=Completed main=Completed Ready=False',
    ])
    expect(core.runtime.spawns.map((s) => s.argv[1])).toEqual(['trap:0', 'sleep:5000'])
  })

  it('a sidecar that ignores TERM holds the finished pod until the grace period ends', () => {
    const core = makeNodes()
    createPod(core, 'p', { ...spec([]), terminationGracePeriodSeconds: 10 })
    core.kernel.advance(17_000)
    expect(getPod(core, 'p').status.phase).toBe('Running')
    core.kernel.advance(3_000)
    const st = getPod(core, 'p').status
    expect([st.phase, st.initContainerStatuses![0].state.terminated?.exitCode]).toEqual(['Succeeded', 137])
  })

  it('a sidecar that exits is restarted even under restartPolicy Never', () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'Never', initContainers: [{ name: 'shipper', image: 'busybox:1.36', restartPolicy: 'Always', command: ['fake', 'sleep:1000', 'exit:1'] }], containers: [{ name: 'work', image: 'busybox:1.36', command: ['fake', 'sleep:30000'] }] })
    core.kernel.advance(20_000)
    const st = getPod(core, 'p').status
    expect([st.phase, st.initContainerStatuses![0].restartCount > 0]).toEqual(['Running', true])
  })
})
