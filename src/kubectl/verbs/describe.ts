// kubectl describe: a report per object (two blank lines between), name prefixes when the exact
// name is not found, events by involvedObject. Upstream: kubectl pkg/cmd/describe/describe.go.
import type { CronJob, Event, Job, KObject, Namespace, Node, PersistentVolumeClaim, Pod, Service } from '../../engine/api/types.ts'
import { SECOND } from '../../engine/kernel/time.ts'
import { rfc3339 } from '../../engine/kernel/time.ts'
import type { Wait } from '../../shell/api.ts'
import type { KubectlContext, Verb } from '../context.ts'
import { describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from '../describe/common.ts'
import { describeNamespace, describeNode, describePvc } from '../describe/cluster.ts'
import { describePod } from '../describe/pod.ts'
import { describeService, serviceSlices } from '../describe/service.ts'
import { describePersistentVolume, describeStorageClass } from '../describe/storage.ts'
import { describeCronJob, describeJob } from '../describe/workloads.ts'
import { DescribeWriter, LEVEL_0 } from '../describe/writer.ts'
import { AggregateError, isNotFound, KubectlError } from '../errors.ts'
import { byKey, fetchFromFiles, fetchObjects } from '../resources.ts'
import { DESCRIBE_FLAGS, DESCRIBE_HELP } from './describe-flags.ts'

function allEvents(ctx: KubectlContext): Event[] {
  return ctx.store.list<Event>('Event').sort(byKey)
}

/** The kubelet renews its node lease every 10 s; report the latest renewal. */
function nodeLease(ctx: KubectlContext, node: Node) {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready')
  if (ready?.status !== 'True') return { holderIdentity: node.metadata.name, renewTime: ready?.lastHeartbeatTime }
  const now = ctx.now()
  return { holderIdentity: node.metadata.name, renewTime: rfc3339(now - (now % (10 * SECOND))) }
}

/** One object's report, as its kind's describer writes it. */
export function describeObject(ctx: KubectlContext, obj: KObject, showEvents: boolean): string {
  const w = new DescribeWriter(ctx.now(), ctx.timeZone)
  const events = showEvents ? eventsFor(allEvents(ctx), obj) : undefined
  switch (obj.kind) {
    case 'Job':
      describeJob(w, obj as Job, events)
      break
    case 'CronJob':
      describeCronJob(w, obj as CronJob, events)
      break
    case 'Pod':
      describePod(w, obj as Pod, events)
      break
    case 'Node': {
      const node = obj as Node
      const pods = ctx.store
        .list<Pod>('Pod')
        .filter((p) => p.spec.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
        .sort(byKey)
      const nodeEvents = showEvents ? [...eventsFor(allEvents(ctx), node), ...eventsFor(allEvents(ctx), node, node.metadata.name)] : undefined
      describeNode(w, node, pods, nodeLease(ctx, node), nodeEvents)
      break
    }
    case 'Namespace':
      describeNamespace(w, obj as Namespace)
      break
    case 'PersistentVolumeClaim': {
      const pvc = obj as PersistentVolumeClaim
      const users = ctx.store
        .list<Pod>('Pod', pvc.metadata.namespace)
        .filter((p) => (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
      describePvc(w, pvc, users, events)
      break
    }
    case 'PersistentVolume':
      describePersistentVolume(w, obj as Parameters<typeof describePersistentVolume>[1], events)
      break
    case 'StorageClass':
      describeStorageClass(w, obj, events)
      break
    case 'Service': {
      const svc = obj as Service
      describeService(w, svc, serviceSlices(svc, ctx.store.list<Pod>('Pod', svc.metadata.namespace), ctx.store.list<Node>('Node')), events)
      break
    }
    default:
      describeGeneric(w, obj, events)
  }
  return w.toString()
}

/** Kinds without their own describer (Events): name, namespace, labels, annotations, events. */
function describeGeneric(w: DescribeWriter, obj: KObject, events: Event[] | undefined): void {
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  if (events) describeEvents(w, events)
}

function* run(ctx: KubectlContext): Generator<Wait, number, void> {
  if (!ctx.args.length && !ctx.flags.strings('filename').length) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.')
  }
  const allNamespaces = ctx.flags.bool('all-namespaces')
  const showEvents = ctx.flags.bool('show-events')
  const fetched = ctx.flags.strings('filename').length
    ? yield* fetchFromFiles(ctx, ctx.namespaceExplicit)
    : fetchObjects(ctx, {
        args: ctx.args,
        namespace: ctx.namespace,
        allNamespaces,
        labelSelector: ctx.flags.string('selector').trim(),
        fieldSelector: '',
      })
  const objects = fetched.infos.flatMap((i) => i.objects)
  if (fetched.errors.length && ctx.args.length === 2 && fetched.errors.every(isNotFound)) return describePrefix(ctx, fetched.errors[0], showEvents)
  let first = true
  for (const obj of objects) {
    const text = describeObject(ctx, obj, showEvents)
    ctx.out(first ? text : '\n\n' + text)
    first = false
  }
  if (!objects.length && !fetched.errors.length) ctx.err(allNamespaces ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`)
  if (fetched.errors.length) throw fetched.errors.length === 1 ? fetched.errors[0] : new AggregateError(fetched.errors)
  return 0
}

/** `describe TYPE PREFIX`: every object of the type whose name starts with PREFIX, each followed by a newline. */
function describePrefix(ctx: KubectlContext, original: unknown, showEvents: boolean): number {
  const listed = fetchObjects(ctx, { args: [ctx.args[0]], namespace: ctx.namespace, allNamespaces: false, labelSelector: '', fieldSelector: '' })
  const prefix = ctx.args[1]
  const matches = listed.infos.flatMap((i) => i.objects).filter((o) => o.metadata.name.startsWith(prefix))
  if (!matches.length) throw original
  for (const obj of matches) ctx.out(describeObject(ctx, obj, showEvents) + '\n')
  return 0
}

export const describeVerb: Verb = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  flags: DESCRIBE_FLAGS,
  help: DESCRIBE_HELP,
  run,
}
