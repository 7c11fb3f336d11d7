// kubectl logs against the research lab (kubectl-output.md §9) and a live
// container log for -f, on the virtual clock.
import { describe, expect, it } from 'vitest'
import type { Pod } from '../../engine/api/types.ts'
import { pickLog, PodLogs } from '../../engine/kubelet/logs.ts'
import { labCluster, LAB_NOW, withLabLogs } from '../fixtures.ts'
import { kubectl, Running } from '../testkit.ts'

type Case = [name: string, argv: string[], stdout: string, stderr?: string, code?: number]

const cases: Case[] = [
  ['§9 logs POD', ['logs', 'countdown-job-x7k2p'], '3\n2\n1\nLiftoff!\n'],
  ['§9 logs job/NAME picks the pod of the job', ['logs', 'job/countdown-job'], '3\n2\n1\nLiftoff!\n'],
  ['§9 logs job/NAME with several pods: the oldest, noticed on stderr', ['logs', 'job/fail-job'], 'doing work\n', 'Found 2 pods, using pod/fail-job-2xk9d\n'],
  ['§9 --previous of a crash-looping container (it printed nothing)', ['logs', 'retry-job-9q8ws', '--previous'], ''],
  ['§9 -c with an unknown container', ['logs', 'retry-job-9q8ws', '-c', 'nope'], '', 'error: container nope is not valid for pod retry-job-9q8ws\n', 1],
  ['§9 pod not found', ['logs', 'nope'], '', 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n', 1],
  ['§9 job not found', ['logs', 'job/nope'], '', 'error: error from server (NotFound): jobs.batch "nope" not found in namespace "default"\n', 1],
  [
    '--previous when there was no earlier instance',
    ['logs', 'countdown-job-x7k2p', '-p'],
    '',
    'Error from server (BadRequest): previous terminated container "countdown" in pod "countdown-job-x7k2p" not found\n',
    1,
  ],
  ['--tail', ['logs', 'countdown-job-x7k2p', '--tail=2'], '1\nLiftoff!\n'],
  ['--tail=0', ['logs', 'countdown-job-x7k2p', '--tail', '0'], ''],
  [
    '--timestamps (RFC3339 with nanoseconds)',
    ['logs', 'countdown-job-x7k2p', '--timestamps', '--tail=2'],
    '2025-06-02T09:59:37.000000002Z 1\n2025-06-02T09:59:37.000000003Z Liftoff!\n',
  ],
  ['--since excludes older lines', ['logs', 'countdown-job-x7k2p', '--since=1m'], ''],
  ['--limit-bytes', ['logs', 'countdown-job-x7k2p', '--limit-bytes=5'], '3\n2\n1'],
  [
    '--limit-bytes counts what the kubelet sent, not the --prefix kubectl adds to each line (logs.go DefaultConsumeRequest)',
    ['logs', 'countdown-job-x7k2p', '--prefix', '--limit-bytes=5'],
    '[pod/countdown-job-x7k2p/countdown] 3\n[pod/countdown-job-x7k2p/countdown] 2\n[pod/countdown-job-x7k2p/countdown] 1',
  ],
  ['-l with --prefix', ['logs', '-l', 'job-name=fail-job', '--prefix'], '[pod/fail-job-2xk9d/worker] doing work\n[pod/fail-job-h6t4z/worker] doing work\n'],
  ['-l without pods', ['logs', '-l', 'job-name=nothing'], '', 'No resources found in default namespace.\n'],
  [
    'a CronJob has no pod selector',
    ['logs', 'cronjob/hello'],
    '',
    'error: cannot get the logs from *v1.CronJob: selector for *v1.CronJob not implemented\n',
    1,
  ],
  [
    'no arguments',
    ['logs'],
    '',
    "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    1,
  ],
  ['a name and a selector', ['logs', 'x', '-l', 'a=b'], '', "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n", 1],
  ['-c and an inline container', ['logs', 'countdown-job-x7k2p', 'countdown', '-c', 'countdown'], '', 'error: only one of -c or an inline [CONTAINER] arg is allowed\n', 1],
  ['--tail below -1', ['logs', 'countdown-job-x7k2p', '--tail=-2'], '', 'error: --tail must be greater than or equal to -1\n', 1],
  [
    'a missing pod is reported before a bad flag combination (Complete looks it up, Validate comes after)',
    ['logs', 'nope', '--tail=-2', '--limit-bytes=-1'],
    '',
    'error: error from server (NotFound): pods "nope" not found in namespace "default"\n',
    1,
  ],
  ['--since and --since-time', ['logs', 'countdown-job-x7k2p', '--since=1m', '--since-time=2025-06-02T10:00:00Z'], '', 'error: at most one of `sinceTime` or `sinceSeconds` may be specified\n', 1],
]

describe('kubectl logs (research §9)', () => {
  for (const [name, argv, stdout, stderr = '', code = 0] of cases) {
    it(name, () => {
      expect(kubectl(withLabLogs(labCluster()), argv)).toEqual({ stdout, stderr, code })
    })
  }

  it('§9 a Job without pods: timed out waiting for the condition after --pod-running-timeout', () => {
    const c = withLabLogs(labCluster())
    const r = new Running(c, ['logs', 'job/paused-job', '--pod-running-timeout=2s'])
    c.advance(1999)
    expect(r.code).toBe(undefined)
    c.advance(1)
    expect([r.stdout, r.stderr, r.code]).toEqual(['', 'error: timed out waiting for the condition\n', 1])
  })

  it('-f prints lines as the container writes them and ends when it exits', () => {
    const c = labCluster()
    const logs = new PodLogs(() => c.now())
    const live = logs.start('worker', 'containerd://9e8d7c6b5a49')
    live.write('stdout', 'working 1\n')
    c.podLogs = (ns, name, container, req = {}) => pickLog(c.store.get<Pod>('Pod', ns, name)!, logs, container, req)
    // retry-job-9q8ws is waiting; make its current instance the live one.
    const pod = c.store.get<Pod>('Pod', 'default', 'retry-job-9q8ws')!
    const st = pod.status.containerStatuses![0]
    c.store.update({ ...pod, status: { ...pod.status, containerStatuses: [{ ...st, state: { running: { startedAt: '2025-06-02T10:04:30Z' } }, containerID: 'containerd://9e8d7c6b5a49' }] } })
    const r = new Running(c, ['logs', '-f', 'retry-job-9q8ws', '--timestamps'])
    expect(r.stdout).toBe('2025-06-02T10:04:35.000000000Z working 1\n')
    c.kernel.at(LAB_NOW + 1500, () => live.write('stdout', 'working 2\nhalf'))
    c.kernel.at(LAB_NOW + 3000, () => live.close())
    c.advance(1600)
    expect(r.stdout).toBe('2025-06-02T10:04:35.000000000Z working 1\n2025-06-02T10:04:36.500000000Z working 2\n')
    expect(r.code).toBe(undefined)
    c.advance(2000)
    expect(r.stdout).toBe('2025-06-02T10:04:35.000000000Z working 1\n2025-06-02T10:04:36.500000000Z working 2\n2025-06-02T10:04:38.000000000Z half')
    expect(r.code).toBe(0)
  })

  it('-f is stopped by Ctrl-C: interrupt handler, exit 1 (logs.go RunLogsContext)', () => {
    const c = labCluster()
    const logs = new PodLogs(() => c.now())
    logs.start('countdown', 'containerd://4f1c0a7e9b2d')
    c.podLogs = (ns, name, container, req = {}) => {
      const pod = c.store.get<Pod>('Pod', ns, name)!
      return pickLog({ ...pod, status: { ...pod.status, containerStatuses: [{ ...pod.status.containerStatuses![0], state: { running: {} } }] } }, logs, container, req)
    }
    const r = new Running(c, ['logs', '-f', 'countdown-job-x7k2p'])
    c.advance(5000)
    expect(r.code).toBe(undefined)
    r.interrupt()
    expect(r.code).toBe(1)
  })

  it('§9 several containers: the first is the default, noticed on stderr; -c and --all-containers', () => {
    const c = labCluster()
    const pod = c.store.get<Pod>('Pod', 'default', 'countdown-job-x7k2p')!
    const side = { ...pod.spec.containers[0], name: 'helper' }
    const sideStatus = { ...pod.status.containerStatuses![0], name: 'helper', containerID: 'containerd://aaaa', state: { terminated: { exitCode: 0, reason: 'Completed', containerID: 'containerd://aaaa' } } }
    c.store.update({ ...pod, spec: { ...pod.spec, containers: [...pod.spec.containers, side] }, status: { ...pod.status, containerStatuses: [...pod.status.containerStatuses!, sideStatus] } })
    const logs = new PodLogs(() => LAB_NOW)
    const main = logs.start('countdown', 'containerd://4f1c0a7e9b2d')
    main.write('stdout', 'main\n')
    const helper = logs.start('helper', 'containerd://aaaa')
    helper.write('stdout', 'help\n')
    c.podLogs = (ns, name, container, req = {}) => pickLog(c.store.get<Pod>('Pod', ns, name)!, logs, container, req)
    expect(kubectl(c, ['logs', 'countdown-job-x7k2p'])).toEqual({ stdout: 'main\n', stderr: 'Defaulted container "countdown" out of: countdown, helper\n', code: 0 })
    expect(kubectl(c, ['logs', 'countdown-job-x7k2p', '-c', 'helper'])).toEqual({ stdout: 'help\n', stderr: '', code: 0 })
    expect(kubectl(c, ['logs', 'countdown-job-x7k2p', 'helper'])).toEqual({ stdout: 'help\n', stderr: '', code: 0 })
    expect(kubectl(c, ['logs', 'countdown-job-x7k2p', '--all-containers', '--prefix'])).toEqual({
      stdout: '[pod/countdown-job-x7k2p/countdown] main\n[pod/countdown-job-x7k2p/helper] help\n',
      stderr: '',
      code: 0,
    })
    expect(kubectl(c, ['logs', 'countdown-job-x7k2p', '--all-containers', '-c', 'helper'])).toEqual({
      stdout: '',
      stderr: 'error: --all-containers=true should not be specified with container name helper\n',
      code: 1,
    })
  })
  it('§9 a container that has not started yet: the kubelet\'s BadRequest', () => {
    const c = withLabLogs(labCluster())
    const pod = c.store.get<Pod>('Pod', 'default', 'countdown-job-x7k2p')!
    const st = { ...pod.status.containerStatuses![0], state: { waiting: { reason: 'ContainerCreating' } }, containerID: undefined }
    c.store.update({ ...pod, status: { ...pod.status, phase: 'Pending', containerStatuses: [st] } })
    expect(kubectl(c, ['logs', 'countdown-job-x7k2p'])).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): container "countdown" in pod "countdown-job-x7k2p" is waiting to start: ContainerCreating\n',
      code: 1,
    })
    // Without -f the logs are read one after another and the first error ends the command, --ignore-errors or not.
    expect(kubectl(c, ['logs', '-l', 'job-name=countdown-job', '--ignore-errors'])).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): container "countdown" in pod "countdown-job-x7k2p" is waiting to start: ContainerCreating\n',
      code: 1,
    })
  })
})

