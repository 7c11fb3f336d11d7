// Test harness for the scheduler and the kubelets: a cluster core (kernel, store,
// API server with pass-through admission, recorder, the default nodes) without the
// controllers, plus helpers to create pods and read what happened.
import { ApiServer, type Admission } from '../api/server.ts'
import { Store } from '../api/store.ts'
import type { Event, KObject, Pod, PodSpec } from '../api/types.ts'
import { defaultNodes } from '../cluster-defaults.ts'
import type { ControllerContext } from '../context.ts'
import { StoreEventRecorder } from '../events/recorder.ts'
import { Kernel } from '../kernel/kernel.ts'
import { Scheduler } from '../scheduler/scheduler.ts'

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
