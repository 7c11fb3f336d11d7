import { describe, expect, it } from 'vitest'
import { createPod, eventLines, getPod, makeNodes, statusTrail } from './testing.ts'

const onNode01 = (image: string, extra: object = {}) => ({ nodeName: 'node01', containers: [{ name: 'c', image, command: ['fake', 'forever'], ...extra }] })
const messages = (core: ReturnType<typeof makeNodes>, pod: string) => eventLines(core, pod).map((l) => l.replace(/^\S+ /, ''))

describe('image pulls (images/image_manager.go EnsureImageExists)', () => {
  it('IfNotPresent: the first pod on a node pulls, the next finds the image already present', () => {
    const core = makeNodes()
    createPod(core, 'a', onNode01('busybox:1.36'))
    core.kernel.advance(5000)
    createPod(core, 'b', onNode01('busybox:1.36'))
    core.kernel.advance(5000)
    expect(messages(core, 'a').slice(0, 2)).toEqual(['Normal Pulling Pulling image "busybox:1.36"', 'Normal Pulled Successfully pulled image "busybox:1.36" in 771ms (771ms including waiting). Image size: 2160406 bytes.'])
    expect(messages(core, 'b')).toEqual(['Normal Pulled Container image "busybox:1.36" already present on machine', 'Normal Created Created container: c', 'Normal Started Started container c'])
  })

  it('pulls on a node are serialised: the second waits for the first ("including waiting")', () => {
    const core = makeNodes()
    createPod(core, 'a', onNode01('centos:7'))
    createPod(core, 'b', onNode01('centos:7'))
    core.kernel.advance(30_000)
    expect(messages(core, 'a')[1]).toBe('Normal Pulled Successfully pulled image "centos:7" in 8.944s (8.944s including waiting). Image size: 76097157 bytes.')
    expect(messages(core, 'b')[1]).toBe('Normal Pulled Successfully pulled image "centos:7" in 459ms (9.368s including waiting). Image size: 76097157 bytes.')
  })

  it('Always (an untagged image): every start pulls, quickly once the layers are on the node', () => {
    const core = makeNodes()
    createPod(core, 'a', onNode01('busybox'))
    core.kernel.advance(5000)
    createPod(core, 'b', onNode01('busybox'))
    core.kernel.advance(5000)
    expect(messages(core, 'b').slice(0, 2)).toEqual(['Normal Pulling Pulling image "busybox"', 'Normal Pulled Successfully pulled image "busybox" in 459ms (459ms including waiting). Image size: 2156519 bytes.'])
    expect(getPod(core, 'b').status.containerStatuses![0].imageID).toBe('docker.io/library/busybox@sha256:f85340bf132ae937d2c2a763b8335c9bab35d6e8293f70f606b9c6178d84f42b')
  })

  it('Never with the image missing: ErrImageNeverPull', () => {
    const core = makeNodes()
    createPod(core, 'a', onNode01('busybox:1.36', { imagePullPolicy: 'Never' }))
    core.kernel.advance(3000)
    expect(messages(core, 'a')).toEqual(['Warning ErrImageNeverPull Container image "busybox:1.36" is not present with pull policy of Never (x2)', 'Warning Failed Error: ErrImageNeverPull (x2)'])
    expect(getPod(core, 'a').status.containerStatuses![0].state).toEqual({ waiting: { reason: 'ErrImageNeverPull', message: 'Container image "busybox:1.36" is not present with pull policy of Never' } })
  })

  it('an image that does not exist: ErrImagePull, then ImagePullBackOff with the pull error, retried with back-off', () => {
    const core = makeNodes()
    const trail = statusTrail(core, 'a')
    createPod(core, 'a', onNode01('nope'))
    core.kernel.advance(100_000)
    const err = 'failed to pull and unpack image "docker.io/library/nope:latest": failed to resolve reference "docker.io/library/nope:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
    expect(trail).toEqual([
      '0.000 Pending Pending restarts=0',
      '0.010 Pending ContainerCreating restarts=0',
      '1.415 Pending ErrImagePull restarts=0',
      '11.415 Pending ImagePullBackOff restarts=0',
      '21.743 Pending ErrImagePull restarts=0',
      '31.743 Pending ImagePullBackOff restarts=0',
      '42.202 Pending ErrImagePull restarts=0',
      '52.202 Pending ImagePullBackOff restarts=0',
      '82.768 Pending ErrImagePull restarts=0',
      '92.768 Pending ImagePullBackOff restarts=0',
    ])
    // 26 kubelet events about one pod: the spam filter's burst of 25 drops the last write.
    expect(messages(core, 'a')).toEqual([
      'Normal Pulling Pulling image "nope" (x4)',
      `Warning Failed Failed to pull image "nope": ${err} (x4)`,
      'Warning Failed Error: ErrImagePull (x4)',
      'Normal BackOff Back-off pulling image "nope" (x7)',
      'Warning Failed Error: ImagePullBackOff (x6)',
    ])
    expect(getPod(core, 'a').status.containerStatuses![0].state).toEqual({ waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "nope": ErrImagePull: ${err}` } })
  })

  it('a tag that does not exist: not found', () => {
    const core = makeNodes()
    createPod(core, 'a', onNode01('busybox:9.9'))
    core.kernel.advance(3000)
    expect(getPod(core, 'a').status.containerStatuses![0].state).toEqual({
      waiting: { reason: 'ErrImagePull', message: 'failed to pull and unpack image "docker.io/library/busybox:9.9": failed to resolve reference "docker.io/library/busybox:9.9": docker.io/library/busybox:9.9: not found' },
    })
  })
})
