import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/types.ts'
import { readPodLogs, renderLog, type LogRequest } from './logs.ts'
import { createPod, makeNodes } from './testing.ts'

function read(core: ReturnType<typeof makeNodes>, pod: string, container: string, req: LogRequest = {}, timestamps = false): string {
  const r = readPodLogs((ns, name) => core.store.get<Pod>('Pod', ns, name), (node) => core.kubelets.get(node), 'default', pod, container, req)
  return r.ok ? renderLog(r.log.entries, timestamps) : `${r.code} ${r.message}`
}

describe('GET pods/{name}/log', () => {
  it('the current and the previous instance, with nanosecond timestamps', () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'out:try', 'sleep:1500', 'err:failed', 'exit:1'] }] })
    core.kernel.advance(6000)
    expect(read(core, 'p', 'c')).toBe('try\nfailed\n')
    expect(read(core, 'p', 'c', {}, true)).toBe('2026-01-01T00:00:03.437310476Z try\n2026-01-01T00:00:04.937017628Z failed\n')
    expect(read(core, 'p', 'c', { previous: true }, true)).toBe('2026-01-01T00:00:01.777315017Z try\n2026-01-01T00:00:03.277292887Z failed\n')
  })

  const ERRORS: [string, (core: ReturnType<typeof makeNodes>) => void, string, LogRequest, string][] = [
    ['a pod that does not exist', () => {}, 'c', {}, '404 pods "p" not found'],
    ['a container the pod does not have', (core) => createPod(core, 'p', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'forever'] }] }), 'nope', {}, '400 container nope is not valid for pod p'],
    ['a pod not scheduled yet: 204 No Content, an empty log', (core) => createPod(core, 'p', { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake'] }] }), 'c', {}, ''],
    ['the previous instance of a pod not scheduled yet: empty too', (core) => createPod(core, 'p', { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake'] }] }), 'c', { previous: true }, ''],
    ['a container still being created', (core) => createPod(core, 'p', { containers: [{ name: 'c', image: 'centos:7', command: ['fake'] }] }), 'c', {}, '400 container "c" in pod "p" is waiting to start: ContainerCreating'],
    ['an image that cannot be pulled', (core) => createPod(core, 'p', { containers: [{ name: 'c', image: 'nope', command: ['fake'] }] }), 'c', {}, '400 container "c" in pod "p" is waiting to start: image can\'t be pulled'],
    ['no previous instance yet', (core) => createPod(core, 'p', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'forever'] }] }), 'c', { previous: true }, '400 previous terminated container "c" in pod "p" not found'],
  ]
  for (const [name, setup, container, req, want] of ERRORS) {
    it(name, () => {
      const core = makeNodes()
      setup(core)
      core.kernel.advance(4000)
      expect(read(core, 'p', container, req)).toBe(want)
    })
  }

  it('ImagePullBackOff: trying and failing to pull image', () => {
    const core = makeNodes()
    createPod(core, 'p', { containers: [{ name: 'c', image: 'nope', command: ['fake'] }] })
    core.kernel.advance(15_000)
    expect(read(core, 'p', 'c')).toBe('400 container "c" in pod "p" is waiting to start: trying and failing to pull image')
  })

  it('CrashLoopBackOff shows the last run', () => {
    const core = makeNodes()
    createPod(core, 'p', { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36', command: ['fake', 'out:crash', 'exit:1'] }] })
    core.kernel.advance(13_000)
    expect(core.store.get<Pod>('Pod', 'default', 'p')!.status.containerStatuses![0].state.waiting?.reason).toBe('CrashLoopBackOff')
    expect(read(core, 'p', 'c')).toBe('crash\n')
  })
})
