// A container's filesystem at start: a fresh copy of its image's tree, the files the kubelet manages
// (/etc/hostname, /etc/hosts as kubelet_pods.go writes it, /etc/resolv.conf, the termination log), volumes.
import type { Container, Pod } from '../api/types.ts'
import { FsError, normalize, Vfs, type DirNode } from '../../shell/fs/vfs.ts'
import { podHostname } from './container-env.ts'
import type { ImageConfig } from './image-catalog.ts'
import type { ContainerRuntime } from './runtime.ts'

export const TERMINATION_LOG = '/dev/termination-log'
const CLUSTER_DNS = '10.96.0.10'
const CLUSTER_DOMAIN = 'cluster.local'

/** /etc/hosts as the kubelet writes it for a pod on the pod network. */
export function hostsFile(pod: Pod, podIP?: string): string {
  const ip = podIP ?? pod.status?.podIP ?? ''
  const name = podHostname(pod)
  const ns = pod.metadata.namespace ?? 'default'
  let out = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n'
  if (ip) out += pod.spec.subdomain ? `${ip}\t${name}.${pod.spec.subdomain}.${ns}.svc.${CLUSTER_DOMAIN}\t${name}\n` : `${ip}\t${name}\n`
  const aliases = (pod.spec.hostAliases ?? []) as { ip: string; hostnames?: string[] }[]
  if (aliases.length) {
    out += '\n# Entries added by HostAliases.\n'
    for (const a of aliases) out += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`
  }
  return out
}

export function resolvConf(pod: Pod): string {
  const ns = pod.metadata.namespace ?? 'default'
  if (pod.spec.dnsPolicy === 'Default') return 'nameserver 127.0.0.53\noptions edns0 trust-ad\n'
  return `search ${ns}.svc.${CLUSTER_DOMAIN} svc.${CLUSTER_DOMAIN} ${CLUSTER_DOMAIN}\nnameserver ${CLUSTER_DNS}\noptions ndots:5\n`
}

export interface RootFs {
  fs: Vfs
  cwd: string
}

export function containerRootFs(rt: ContainerRuntime, pod: Pod, c: Container, image: ImageConfig, volumes: Map<string, DirNode>, clock: () => number, podIP?: string): RootFs {
  const now = clock()
  const fs = new Vfs(rt.makeRootFs(image.flavor, now), clock)
  const put = (path: string, data: string) => {
    try {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', '/', true)
      fs.writeFile(path, data)
    } catch (e) {
      if (!(e instanceof FsError)) throw e
    }
  }
  for (const [path, program] of Object.entries(image.programs ?? {})) {
    fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', '/', true)
    const parent = fs.lookup(path.slice(0, path.lastIndexOf('/')) || '/') as DirNode
    parent.entries.set(path.slice(path.lastIndexOf('/') + 1), { type: 'file', data: '', mode: 0o755, mtime: now, exec: program })
  }
  put('/etc/hostname', podHostname(pod) + '\n')
  put('/etc/hosts', hostsFile(pod, podIP))
  put('/etc/resolv.conf', resolvConf(pod))
  put(c.terminationMessagePath ?? TERMINATION_LOG, '')
  for (const m of c.volumeMounts ?? []) {
    let dir = volumes.get(m.name)
    if (!dir) continue
    if (m.subPath) {
      const sub = dir.entries.get(m.subPath)
      if (sub?.type === 'dir') dir = sub
      else if (!sub) {
        const made: DirNode = { type: 'dir', entries: new Map(), mode: 0o755, mtime: now }
        dir.entries.set(m.subPath, made)
        dir = made
      } else continue
    }
    fs.mount(normalize(m.mountPath), dir)
  }
  const cwd = normalize(c.workingDir || image.workingDir || '/')
  // runc creates a missing working directory.
  if (!fs.exists(cwd)) fs.mkdir(cwd, '/', true)
  return { fs, cwd }
}
